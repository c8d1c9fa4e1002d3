#!/usr/bin/env bash
# A map/reduce run of recount on two JSON Lines shards, next to the
# single-machine run it must equal (docs/scaling.md explains the layout).
#
#   1. shard:  examples/articles (or the files given) -> shard-1.jsonl,
#              shard-2.jsonl, one record {"id","text","published"} a line,
#              plus all.jsonl with every record (the single-run input)
#   2. map:    recount extract --format jsonl shard-N.jsonl > claims-N.jsonl
#              (independent per shard: what rdd.pipe / map_partitions run)
#   3. reduce: recount report shard-1.jsonl shard-2.jsonl  — the whole
#              pipeline on the union of the shards' documents. recount cannot
#              read claims back (`report` reads documents), so the reduce
#              extracts again; the map output is what a cluster would use
#              to route documents to the reducer of their event.
#   4. check:  the union of the map outputs equals `recount extract all.jsonl`,
#              and the reduce report equals `recount report all.jsonl`.
#
# Usage: bench/scaling-example.sh [FILE...]   (default: examples/articles/*)
# Exit status: 0 when both checks hold, 1 otherwise.
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
    "$RECOUNT" extract -q --format jsonl "$WORK/shard-$i.jsonl" >"$WORK/claims-$i.jsonl"
    echo "map shard-$i: $(wc -l <"$WORK/claims-$i.jsonl") claims"
done

# 3. reduce: the whole pipeline over the union of the shards' documents.
# (report exits 1 when sources conflict: that is a finding, not a failure)
set +e
"$RECOUNT" report -q "$WORK/shard-1.jsonl" "$WORK/shard-2.jsonl" >"$WORK/reduce.txt"
reduce_status=$?
"$RECOUNT" report -q "$WORK/all.jsonl" >"$WORK/single.txt"
single_status=$?
"$RECOUNT" extract -q --format jsonl "$WORK/all.jsonl" >"$WORK/claims-all.jsonl"
set -e

# 4. check. Claims are compared as sets of lines: the map outputs come in
# shard order, the single run in input order.
ok=0
if diff <(sort "$WORK/claims-1.jsonl" "$WORK/claims-2.jsonl") <(sort "$WORK/claims-all.jsonl") >/dev/null; then
    echo "map:    union of shard claims == single-run claims ($(wc -l <"$WORK/claims-all.jsonl") claims)"
else
    echo "map:    union of shard claims DIFFERS from the single run"
    ok=1
fi
if diff "$WORK/reduce.txt" "$WORK/single.txt" >"$WORK/report.diff" && ((reduce_status == single_status)); then
    echo "reduce: report over shards == single-run report (exit $reduce_status, $(wc -l <"$WORK/single.txt") lines)"
else
    echo "reduce: report over shards DIFFERS from the single run (exit $reduce_status vs $single_status):"
    head -20 "$WORK/report.diff"
    ok=1
fi
echo
echo "--- the reduce step's report ---"
cat "$WORK/reduce.txt"
exit "$ok"
