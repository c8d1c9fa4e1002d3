#!/usr/bin/env python3
"""The comparison pipeline for bench/compare.sh: recount's job done with
quantulum3 (a regex-and-classifier quantity parser, no dependency parse).

Reads plain-text files (articles separated by blank lines), splits each
article into sentences with a simple rule, keeps the sentences that contain
a casualty word (killed, died, wounded, ...), runs `quantulum3.parser.parse`
on them, and prints one JSON object a line for each dimensionless count or
percentage found there.

Every sentence that has a digit or a casualty word is parsed, so the work is
comparable to recount's, which looks at sentences with a number or a trigger.

Timing goes to stderr as `# timing: load=S process=S bytes=N`.

Usage: quantulum_pipeline.py FILE...
"""

import json
import re
import sys
import time

CASUALTY = re.compile(
    r"\b(kill|killed|killing|die|died|dead|death|deaths|wound|wounded|injur\w*|hurt|"
    r"shot|missing|captured|casualt\w*|toll|fatalit\w*|perish\w*|victims?|abduct\w*|kidnap\w*)\b",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n")
DIGIT = re.compile(r"[0-9]")


def articles(paths):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for i, block in enumerate(text.split("\n\n")):
            block = block.strip("\n")
            if block.strip():
                yield f"{path}#{i}", block


def main():
    files = sys.argv[1:]
    if not files:
        sys.exit("usage: quantulum_pipeline.py FILE...")
    t0 = time.perf_counter()
    from quantulum3 import parser

    t1 = time.perf_counter()
    nbytes = 0
    out = sys.stdout
    for doc_id, text in articles(files):
        nbytes += len(text.encode("utf-8"))
        for sentence in SENTENCE.split(text):
            cue = CASUALTY.search(sentence)
            if cue is None and not DIGIT.search(sentence):
                continue
            quantities = parser.parse(sentence)
            if cue is None:
                continue
            for q in quantities:
                unit = q.unit.name
                if unit == "percentage":
                    category = "percentage"
                elif unit == "dimensionless":
                    category = cue.group(1).lower()
                else:
                    continue
                out.write(json.dumps({
                    "doc": doc_id,
                    "number": q.surface,
                    "value": q.value,
                    "category": category,
                    "quote": sentence,
                }) + "\n")
    t2 = time.perf_counter()
    print(f"# timing: load={t1 - t0:.3f} process={t2 - t1:.3f} bytes={nbytes}", file=sys.stderr)


if __name__ == "__main__":
    main()
