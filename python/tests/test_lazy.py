"""Documents are pulled from the iterable as the work goes, not gathered
first, and the GIL is released while Rust works."""

import threading
import weakref

import recount
from recount import _recount

TEXT = "March {day}, 2024\n\n{n} people were killed when the bridge collapsed, police said.\n"


class Doc(dict):
    """A dict that can be watched with a weak reference."""

    __hash__ = object.__hash__


def test_a_generator_is_consumed_lazily():
    alive = weakref.WeakSet()
    most = 0
    n = 3000

    def docs():
        nonlocal most
        for i in range(n):
            d = Doc(id=f"d{i}", text=TEXT.format(day=1 + i % 28, n=2 + i % 40), source=f"outlet {i % 7}")
            alive.add(d)
            most = max(most, len(alive))
            yield d

    rep = recount.report(docs())
    assert len(rep["documents"]) == n
    # a few documents at a time: never the whole input
    assert most <= 300, most
    records = recount.extract_records(d for d in docs())
    assert sum(r["schema"] == recount.DOCUMENT_SCHEMA for r in records) == n


def test_the_gil_is_released_while_rust_works(monkeypatch):
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    seen = {}
    native = _recount.report_json

    def watched(*args):
        out = native(*args)
        seen["after"] = counter[0]
        return out

    monkeypatch.setattr(_recount, "report_json", watched)

    def docs():
        for i in range(4000):
            yield {"id": f"d{i}", "text": TEXT.format(day=1 + i % 28, n=2 + i % 40) * 20}
        # the last document is out: from here to the return, Rust alone works
        seen["before"] = counter[0]

    t = threading.Thread(target=spin, daemon=True)
    t.start()
    try:
        recount.report(docs())
    finally:
        stop.set()
        t.join()
    assert seen["after"] > seen["before"], seen
