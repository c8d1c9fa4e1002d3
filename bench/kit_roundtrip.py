#!/usr/bin/env python3
"""The round trip of docs/testing.md: what recount read from generated
cases, checked against what the cases expect. Standard library only.

    recount generate --seed 7 --count 100000 --kind quantities > cases.jsonl
    recount numbers --format jsonl cases.jsonl > read.jsonl
    bench/kit_roundtrip.py cases.jsonl read.jsonl

CASES is what `recount generate` wrote (recount.case/1); READ is what
`recount numbers --format jsonl` (recount.number/1 rows) or `recount
extract` (recount.claim/1 lines) wrote reading the same file — each case
is one JSON Lines document whose id is the case's, so every row names its
case in `doc`.

* quantities and not-counts through `numbers`: a case matches when its
  text gives exactly one quantity, with the expected kind, low, high and
  qualifier (the span is counted apart);
* claims through `extract`: the claims must equal the expected ones in
  order (category, low, high, qualifier, population);
* not-counts through `extract`: a case matches when it gives no claim.

Prints a table per form, the overall share, and the first failures
(`--show N`, default 10). Exit status 0 when every case matched, else 1.
"""

import argparse
import json
import sys
from collections import defaultdict


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases")
    ap.add_argument("read")
    ap.add_argument("--show", type=int, default=10, help="failures to print")
    ap.add_argument(
        "--extract",
        action="store_true",
        help="READ is what `recount extract` wrote (told apart by its lines, unless it has none)",
    )
    args = ap.parse_args()
    cases = load(args.cases)
    rows = load(args.read)
    by_doc = defaultdict(list)
    schemas = set()
    for r in rows:
        by_doc[r["doc"]].append(r)
        schemas.add(r.get("schema"))
    claims_read = args.extract or "recount.claim/1" in schemas
    per_form = defaultdict(lambda: [0, 0, 0])  # cases, matched, span matched
    failures = []
    for case in cases:
        got = by_doc.get(case["id"], [])
        if case["set"] == "claims" or claims_read:
            if case["set"] == "claims":
                want = [
                    (e["category"], e["low"], e["high"], e["qualifier"], e["population"])
                    for e in case["expect"]
                ]
            else:
                want = []  # a look-alike gives no claim
            have = [(c["category"], c["low"], c["high"], c["qualifier"], c["population"]) for c in got]
            ok = want == have
            span_ok = ok
            forms = case["form"].split("+") if case["set"] == "claims" else [case["form"]]
        else:
            e = case["expect"]
            want = (e["kind"], e["low"], e["high"], e["qualifier"])
            have = [(q["kind"], q["low"], q["high"], q["qualifier"]) for q in got]
            ok = have == [want]
            span_ok = ok and got[0]["start"] == case["start"] and got[0]["end"] == case["end"]
            forms = [case["form"]]
        for form in dict.fromkeys(forms):
            stats = per_form[form]
            stats[0] += 1
            stats[1] += ok
            stats[2] += span_ok
        if not ok:
            failures.append((case, want, have))
    total = len(cases)
    matched = total - len(failures)
    print("| form | cases | matched | share |")
    print("|---|---:|---:|---:|")
    for form, (n, m, _) in sorted(per_form.items()):
        print(f"| {form} | {n} | {m} | {100 * m / n:.3f}% |")
    print(f"| **all** | {total} | {matched} | {100 * matched / max(total, 1):.3f}% |")
    if not claims_read:
        spans = sum(s for _, _, s in per_form.values())
        print(f"\nspans matching too: {spans} of {total}")
    for case, want, have in failures[: args.show]:
        print(f"\n{case['id']} [{case['form']}] {case['text']}", file=sys.stderr)
        print(f"  expected {want}", file=sys.stderr)
        print(f"  read     {have}", file=sys.stderr)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
