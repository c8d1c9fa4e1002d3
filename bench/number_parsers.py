#!/usr/bin/env python3
"""recount's oracle against Python number parsers from PyPI
(docs/testing.md, "What the oracle finds in other tools").

    python3 -m venv /tmp/venv-kit
    /tmp/venv-kit/bin/pip install number-parser numerizer
    recount generate --seed 7 --count 100000 --kind quantities > cases.jsonl
    /tmp/venv-kit/bin/python bench/number_parsers.py cases.jsonl

Each case's mention (`more than six thousand five hundred`, `1.2 million`,
`between 10 and 15`) is given to each tool, which rewrites number words
as digits:

* number-parser: `number_parser.parse(text)`;
* numerizer: `numerizer.numerize(text)`.

The numbers in what the tool returns are read with a plain pattern
(digits, optionally in `,` groups, optionally a decimal part), and the
case passes when they are exactly the numbers the mention states:

* a count or percentage, exact or approximate: its value (`about 40` → 40);
* `at least N`, `more than N`: N; `up to N`, `fewer than N`: N;
* a range: both ends (`two to three million` → 2000000, 3000000);
* a zero (`no one`, `nobody`): 0;
* a vague amount (`dozens`, `a few hundred`): no number at all — it
  states none, and a tool that writes one (`a few 100`) invents it.

Neither tool claims qualifiers or kinds, so only the values are asked of
them. Prints a Markdown table of failure rates per form, and with
`--show N` the first N failures of each tool.
"""

import argparse
import json
import re
import sys
import time
from collections import defaultdict

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def numbers_in(text):
    return [float(m.replace(",", "")) for m in NUMBER.findall(text)]


def stated(case):
    e = case["expect"]
    q, low, high = e["qualifier"], e["low"], e["high"]
    if q == "vague":
        return []
    if q == "range":
        return [low, high]
    if q in ("at_most", "less_than"):
        return [high]
    return [low]


def same(a, b):
    return len(a) == len(b) and all(abs(x - y) <= 1e-9 * max(1.0, abs(y)) for x, y in zip(a, b))


def tools():
    from number_parser import parse
    from numerizer import numerize

    return [("number-parser", parse), ("numerizer", numerize)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", help="what `recount generate --kind quantities` wrote")
    ap.add_argument("--show", type=int, default=0, help="failures to print per tool")
    args = ap.parse_args()
    with open(args.cases, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    cases = [c for c in cases if c["set"] == "quantities"]
    runs = tools()
    per_form = defaultdict(lambda: defaultdict(int))  # form -> tool -> failures
    counts = defaultdict(int)
    shown = defaultdict(list)
    seconds = defaultdict(float)
    for case in cases:
        form = case["form"]
        counts[form] += 1
        want = stated(case)
        for name, tool in runs:
            t0 = time.perf_counter()
            try:
                out = str(tool(case["mention"]))
            except Exception as e:  # a crash is a failure too
                out = f"<{type(e).__name__}: {e}>"
            seconds[name] += time.perf_counter() - t0
            got = numbers_in(out)
            if not same(got, want):
                per_form[form][name] += 1
                if len(shown[name]) < args.show:
                    shown[name].append((case["mention"], want, out))
    names = [n for n, _ in runs]
    print(f"| form | cases | {' | '.join(names)} |")
    print(f"|---|---:|{'---:|' * len(names)}")
    total = sum(counts.values())
    for form in sorted(counts, key=lambda f: -counts[f]):
        rates = [f"{100 * per_form[form][n] / counts[form]:.1f}%" for n in names]
        print(f"| {form} | {counts[form]} | {' | '.join(rates)} |")
    overall = [f"**{100 * sum(per_form[f][n] for f in counts) / total:.1f}%**" for n in names]
    print(f"| **all** | {total} | {' | '.join(overall)} |")
    for n in names:
        print(f"\n# {n}: {seconds[n]:.1f} s for {total} mentions", file=sys.stderr)
        for mention, want, out in shown[n]:
            print(f"  {mention!r}: wanted {want}, got {out!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
