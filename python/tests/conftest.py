"""Shared fixtures: the repository, the shared corpus beside it, and the
`recount` binary the bindings are compared with.

The binary is $RECOUNT if set (`.ci/run` sets it to the one `cargo test`
built), else target/{release,debug}/recount under $CARGO_TARGET_DIR or the
repository; without one, the comparisons with the command are skipped.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus"


def _binary():
    if os.environ.get("RECOUNT"):
        return os.environ["RECOUNT"]
    roots = [os.environ.get("CARGO_TARGET_DIR"), REPO / "target"]
    for root in filter(None, roots):
        for profile in ("release", "debug"):
            path = Path(root) / profile / "recount"
            if path.is_file():
                return str(path)
    return shutil.which("recount")


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def seeds():
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the repository")
    return path


@pytest.fixture(scope="session")
def gva():
    path = SHARED / "gva-dev" / "incidents.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus/gva-dev is not beside the repository")
    return path


class Cli:
    """The `recount` command, run from the repository root."""

    def __init__(self, binary):
        self.binary = binary

    def run(self, *args, input=None, ok=(0, 1)):
        p = subprocess.run(
            [self.binary, *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert p.returncode in ok, f"recount {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr}"
        return p

    def json(self, *args, **kw):
        return json.loads(self.run(*args, **kw).stdout)

    def lines(self, *args, **kw):
        return [json.loads(line) for line in self.run(*args, **kw).stdout.splitlines()]


@pytest.fixture(scope="session")
def cli():
    binary = _binary()
    if not binary:
        pytest.skip("no recount binary: set RECOUNT or run cargo build")
    return Cli(binary)


def same(a, b):
    """Equal as JSON texts: key order, and 3 against 3.0, count too."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


def text_docs(folder, repo):
    """The *.txt documents of a folder as dicts, each id the path the
    command names it by when given the folder (relative to the repository)."""
    docs = []
    for path in sorted(Path(folder).glob("*.txt")):
        rel = os.path.relpath(path, repo)
        docs.append({"id": rel, "text": path.read_text(encoding="utf-8")})
    return docs


def gva_docs(path, event=True):
    """gva-dev's articles as JSON Lines documents: id `doc_id@incident_id`
    (an article cited by two incidents is two documents), the incident id
    as `event` when asked."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            inc = json.loads(line)
            for d in inc["docs"]:
                doc = {
                    "id": f"{d['doc_id']}@{inc['incident_id']}",
                    "text": d["text"],
                    "published": d.get("date"),
                    "title": d.get("title"),
                }
                if event:
                    doc["event"] = str(inc["incident_id"])
                out.append(doc)
    return out


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path
