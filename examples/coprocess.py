#!/usr/bin/env python3
"""Talk to one long-lived `recount extract` process, a document at a time.

    python3 examples/coprocess.py [FILE...]     # default: examples/articles/*.txt

The recount binary is taken from $RECOUNT, else `recount` on the PATH.
Prints, for each file, its claims as tab-separated
`doc  line:column  number  category  low  high  speaker`.

recount answers each JSON Lines document on stdin before reading the next,
but a document with no claims gets no answer at all. So after each document
we send a *fence*: a tiny document known to give a claim, under an id of our
own. When the fence's claim comes back, every claim of the real document has
been read, even if there were none.
"""

import glob
import itertools
import json
import os
import subprocess
import sys

FENCE_PREFIX = "recount-coprocess-fence-"
FENCE_TEXT = "Three soldiers were killed."


class Recount:
    """One `recount extract --input-format jsonl -` process, reused for every document."""

    def __init__(self, binary="recount", extra_args=()):
        self.proc = subprocess.Popen(
            [binary, "extract", "--input-format", "jsonl", "--quiet", *extra_args, "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,  # line-buffered: each document goes out at once
        )
        self.fences = itertools.count()

    def _send(self, record):
        self.proc.stdin.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def extract(self, doc_id, text, **meta):
        """Claims (recount.claim/1 dicts) of one document.

        meta: title, published, source, url, event (see docs/schema/document.schema.json).
        """
        fence = f"{FENCE_PREFIX}{next(self.fences)}"
        self._send({"id": doc_id, "text": text, **meta})
        self._send({"id": fence, "text": FENCE_TEXT})
        claims = []
        for line in self.proc.stdout:
            claim = json.loads(line)
            assert claim["schema"] == "recount.claim/1", claim["schema"]
            if claim["doc"] == fence:
                return claims
            if not claim["doc"].startswith(FENCE_PREFIX):  # late claims of an old fence
                claims.append(claim)
        raise RuntimeError(f"recount exited with status {self.proc.wait()}")

    def close(self):
        """Ends the process; returns its exit status (2 if a record was skipped)."""
        self.proc.stdin.close()
        for _ in self.proc.stdout:  # whatever is left: fence claims
            pass
        return self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def main(paths):
    paths = paths or sorted(glob.glob("examples/articles/*.txt"))
    with Recount(os.environ.get("RECOUNT", "recount")) as recount:
        for path in paths:
            with open(path, encoding="utf-8") as f:
                claims = recount.extract(path, f.read())
            print(f"# {path}: {len(claims)} claims")
            for c in claims:
                fields = [c["doc"], f'{c["line"]}:{c["column"]}', c["number"], c["category"],
                          c["low"], c["high"], c["speaker"]]
                print("\t".join("" if v is None else str(v) for v in fields))
        status = recount.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
