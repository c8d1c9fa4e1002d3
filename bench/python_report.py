#!/usr/bin/env python3
"""recount.report from Python against `recount report` on the same
documents: the cost of the bindings (docs/python.md, docs/performance.md).

    python bench/python_report.py target/release/recount [CORPUS] [ROUNDS]

CORPUS is the news corpus (default ../shared/corpus/news/news_corpus.txt:
articles separated by blank lines), made into JSON Lines records
{"id": "news-N", "text": ...} as bench/compare.sh does. Each round runs
`recount report -q --format json DOCS.jsonl > /dev/null`, then
recount.report on the same records as dicts (already in memory), and
prints wall and CPU seconds of each; then medians, minima and the ratios,
and where the bindings' own time goes in one more call. Needs the package
installed (pip install ./python) in the interpreter that runs this.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import recount


def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main():
    binary = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "corpus", "news", "news_corpus.txt"
    )
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    text = open(corpus, encoding="utf-8").read()
    docs = [
        {"id": f"news-{i}", "text": block}
        for i, block in enumerate(b.strip("\n") for b in text.split("\n\n"))
        if block.strip()
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
        path = f.name
    print(f"{len(docs)} documents, {os.path.getsize(path) / 1e6:.1f} MB of JSON Lines")
    res = {"cli": [], "python": []}
    try:
        for n in range(rounds):
            c0, t0 = cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
            with open(os.devnull, "w") as null:
                subprocess.run([binary, "report", "-q", "--format", "json", path], stdout=null)
            res["cli"].append((time.perf_counter() - t0, cpu(resource.RUSAGE_CHILDREN) - c0))
            c0, t0 = cpu(resource.RUSAGE_SELF), time.perf_counter()
            recount.report(docs)
            res["python"].append((time.perf_counter() - t0, cpu(resource.RUSAGE_SELF) - c0))
            print(
                f"round {n + 1}: command {res['cli'][-1][0]:.2f} s ({res['cli'][-1][1]:.2f} CPU-s), "
                f"recount.report {res['python'][-1][0]:.2f} s ({res['python'][-1][1]:.2f} CPU-s)",
                flush=True,
            )
    finally:
        os.unlink(path)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in res.items()}
    for k, v in res.items():
        print(f"{k}: wall median {med[k][0]:.2f} s, min {min(w for w, _ in v):.2f} s; CPU median {med[k][1]:.2f} s")
    print(
        f"recount.report / command: wall {med['python'][0] / med['cli'][0]:.3f}, "
        f"CPU {med['python'][1] / med['cli'][1]:.3f} (medians)"
    )
    # where the bindings' own time goes
    spent = {"convert": 0.0, "loads": 0.0}
    call, loads = recount._Lines.__call__, recount._loads

    def timed_call(self, item):
        t = time.perf_counter()
        out = call(self, item)
        spent["convert"] += time.perf_counter() - t
        return out

    def timed_loads(raw):
        t = time.perf_counter()
        out = loads(raw)
        spent["loads"] += time.perf_counter() - t
        return out

    recount._Lines.__call__, recount._loads = timed_call, timed_loads
    t = time.perf_counter()
    recount.report(docs)
    total = time.perf_counter() - t
    print(
        f"one more call, {total:.2f} s: converting the dicts {spent['convert']:.2f} s, "
        f"json.loads of the report {spent['loads']:.2f} s, the crate {total - sum(spent.values()):.2f} s"
    )


if __name__ == "__main__":
    main()
