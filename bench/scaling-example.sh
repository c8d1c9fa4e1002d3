#!/usr/bin/env bash
# A map/reduce run of recount on two JSON Lines shards, next to the
# single-machine run it must equal (docs/scaling.md explains the layout).
#
#   1. shard:  examples/articles (or the files given) -> shard-1.jsonl,
#              shard-2.jsonl, one record {"id","text","published"} a line,
#              plus all.jsonl with every record (the single-run input)
#   2. map:    recount extract --with-documents shard-N.jsonl > claims-N.jsonl
#              (independent per shard: what rdd.pipe / map_partitions run):
#              each document's recount.document/1 record, then its claims
#   3. reduce: recount report --claims claims-1.jsonl claims-2.jsonl — the
#              claims and records reconciled, nothing extracted again
#   4. check:  the union of the map outputs equals
#              `recount extract --with-documents all.jsonl`; the reduce's
#              JSON report and table equal `recount report all.jsonl`'s
#              (documents listed in shard order, as the reduce reads them),
#              with the same exit status.
#
# Usage: bench/scaling-example.sh [FILE...]   (default: examples/articles/*)
# Exit status: 0 when every check holds, 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --release --quiet
RECOUNT=$PWD/target/release/recount
if (($#)); then FILES=("$@"); else FILES=(examples/articles/*.txt); fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 1. shard: alternate files between the two shards; `published` from a
# YYYY-MM-DD in the file name when there is one (else recount reads the
# date from the text's header lines).
python3 - "$WORK" "${FILES[@]}" <<'EOF'
import json, os, re, sys
work, files = sys.argv[1], sys.argv[2:]
shards = [open(os.path.join(work, f"shard-{i}.jsonl"), "w") for i in (1, 2)]
every = open(os.path.join(work, "all.jsonl"), "w")
for n, path in enumerate(sorted(files)):
    rec = {"id": os.path.basename(path), "text": open(path, encoding="utf-8").read()}
    m = re.search(r"(\d{4}-\d{2}-\d{2})", os.path.basename(path))
    if m:
        rec["published"] = m.group(1)
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    shards[n % 2].write(line)
    every.write(line)
EOF
for i in 1 2; do
    echo "shard-$i.jsonl: $(python3 -c 'import json,sys; print(", ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$WORK/shard-$i.jsonl")"
done

# 2. map: one process per shard (on a cluster, one task per partition)
for i in 1 2; do
    "$RECOUNT" extract -q --with-documents "$WORK/shard-$i.jsonl" >"$WORK/claims-$i.jsonl"
    echo "map shard-$i: $(grep -c '"recount.document/1"' "$WORK/claims-$i.jsonl") documents, $(grep -c '"recount.claim/1"' "$WORK/claims-$i.jsonl") claims"
done

# 3. reduce: the map outputs reconciled, no document read again.
# (report exits 1 when sources conflict: that is a finding, not a failure)
# The single run reads the documents in shard order: the report lists
# documents in the order it reads them, and so does the reduce.
cat "$WORK/shard-1.jsonl" "$WORK/shard-2.jsonl" >"$WORK/all-in-shard-order.jsonl"
set +e
"$RECOUNT" report --claims --format json "$WORK/claims-1.jsonl" "$WORK/claims-2.jsonl" >"$WORK/reduce.json"
reduce_status=$?
"$RECOUNT" report --claims "$WORK/claims-1.jsonl" "$WORK/claims-2.jsonl" >"$WORK/reduce.txt"
"$RECOUNT" report -q --format json "$WORK/all-in-shard-order.jsonl" >"$WORK/single.json"
single_status=$?
"$RECOUNT" report -q "$WORK/all.jsonl" >"$WORK/single.txt"
"$RECOUNT" extract -q --with-documents "$WORK/all.jsonl" >"$WORK/claims-all.jsonl"
set -e

# 4. check. Map lines are compared as sets, apart from `origin` (each
# record names the file it was read from): the map outputs come in shard
# order, the single run in input order.
ok=0
origins='s/"origin":"[^"]*"/"origin":"…"/'
if diff <(sed "$origins" "$WORK/claims-1.jsonl" "$WORK/claims-2.jsonl" | sort) \
        <(sed "$origins" "$WORK/claims-all.jsonl" | sort) >/dev/null; then
    echo "map:    union of shard outputs == single-run output ($(wc -l <"$WORK/claims-all.jsonl") lines)"
else
    echo "map:    union of shard outputs DIFFERS from the single run"
    ok=1
fi
# The JSON report names the input file only in skipped documents' ids
# (none here) — byte for byte, then.
if diff "$WORK/reduce.json" "$WORK/single.json" >"$WORK/report.diff" && ((reduce_status == single_status)); then
    echo "reduce: JSON report from the claims == single-run JSON report (exit $reduce_status, $(wc -l <"$WORK/single.json") lines)"
else
    echo "reduce: JSON report from the claims DIFFERS from the single run (exit $reduce_status vs $single_status):"
    head -20 "$WORK/report.diff"
    ok=1
fi
# And against all.jsonl's own order: the same report once documents and
# each group's claims are put in one order.
"$RECOUNT" report -q --format json "$WORK/all.jsonl" >"$WORK/single-all.json" || true
if python3 - "$WORK/reduce.json" "$WORK/single-all.json" <<'EOF'
import json, sys
def canonical(path):
    r = json.load(open(path))
    r["documents"].sort(key=lambda d: d["id"])
    for g in r["groups"]:
        g["claims"].sort(key=lambda c: (c["doc"], c["start"], c["category"]))
    return r
sys.exit(canonical(sys.argv[1]) != canonical(sys.argv[2]))
EOF
then
    echo "reduce: JSON report from the claims == report over all.jsonl, up to the order of documents and claims"
else
    echo "reduce: JSON report from the claims DIFFERS from the report over all.jsonl"
    ok=1
fi
if diff "$WORK/reduce.txt" "$WORK/single.txt" >"$WORK/table.diff"; then
    echo "reduce: table from the claims == table of one report over all.jsonl ($(wc -l <"$WORK/single.txt") lines)"
else
    echo "reduce: table from the claims DIFFERS from one report over all.jsonl:"
    head -20 "$WORK/table.diff"
    ok=1
fi
echo
echo "--- the reduce step's report ---"
cat "$WORK/reduce.txt"
exit "$ok"
