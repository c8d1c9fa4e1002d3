#!/usr/bin/env python3
"""Per-article accuracy on gva-dev: each labelled article's own figure for
its incident (tests/labels/gva-dev/articles.jsonl) against the figure the
report credits to that article (its source's value in the incident's
group). A development measure: which articles recount reads wrong, and how.

Usage (from the project root):
  python3 bench/gva_articles.py target/release/recount [--show killed|wounded]
"""
import collections, json, os, subprocess, sys, tempfile

binary = sys.argv[1]
show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
labels = [json.loads(l) for l in open(os.path.join(root, "tests/labels/gva-dev/articles.jsonl"))]
incidents = os.path.join(root, "..", "shared", "corpus", "gva-dev", "incidents.jsonl")
want = {a["incident_id"] for a in labels}
texts = {}
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for l in open(incidents):
        inc = json.loads(l)
        if str(inc["incident_id"]) not in want:
            continue
        for d in inc["docs"]:
            i = d["doc_id"] + "@" + str(inc["incident_id"])
            texts[i] = d
            f.write(json.dumps({"id": i, "event": str(inc["incident_id"]), "published": d.get("date"),
                                "title": d.get("title"), "text": d["text"]}) + "\n")
    name = f.name
p = subprocess.run([binary, "report", "-q", "--format", "json", name], capture_output=True, text=True)
os.unlink(name)
if p.returncode not in (0, 1):
    sys.exit(p.stderr[-2000:])
rep = json.loads(p.stdout)
figure = {}
claims_of = collections.defaultdict(list)
for g in rep["groups"]:
    for s in g["sources"]:
        for d in s["documents"]:
            k = (d, g["event"], g["category"])
            v = s["low"] if s["high"] in (s["low"], None) else None
            figure[k] = max(figure.get(k) or 0, v or 0) if k in figure else v
    for c in g["claims"]:
        claims_of[(c["doc"], g["category"])].append(c)
score = collections.Counter()
for a in labels:
    d = a["doc_id"] + "@" + a["incident_id"]
    for cat in ("killed", "wounded"):
        gold = a[cat]
        if gold is None or not a["about_incident"]:
            continue
        got = figure.get((d, a["incident_id"], cat))
        got0 = got if got is not None else 0
        ok = got0 == gold
        score[cat, "n"] += 1
        score[cat, "ok"] += ok
        if not ok and show == cat:
            print(f"== {a['incident_id']} {a['doc_id'][:8]} {cat}: label {gold}, recount {got} | {a['note'][:160]}")
            print(f"   evidence: {a[cat + '_evidence'][:200]}")
            for c in claims_of[(d, cat)]:
                print(f"   {c['counts']:7} {c['number']!r:16} {c['low']} inc={c['incident']} pop={c.get('population')} | {c['quote'][:150]!r}")
for cat in ("killed", "wounded"):
    n, ok = score[cat, "n"], score[cat, "ok"]
    print(f"{cat}: {ok}/{n} articles exact ({ok / max(1, n):.3f})")
