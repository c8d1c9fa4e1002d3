#!/usr/bin/env python3
"""The conflict flags on gva-dev against tests/labels/gva-dev/conflicts.jsonl,
with each wrong flag's sources: what to read when the conflict precision or
recall falls (a development aid; ../shared/tools/conflict_score.py is the
measure).

Usage (from the project root): python3 bench/gva_conflicts.py target/release/recount [fp|fn]
"""
import collections, json, os, subprocess, sys, tempfile

binary = sys.argv[1]
which = sys.argv[2] if len(sys.argv) > 2 else "fp"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
labels = [json.loads(l) for l in open(os.path.join(root, "tests/labels/gva-dev/conflicts.jsonl"))]
arts = {(a["incident_id"], a["doc_id"]): a for a in map(json.loads, open(os.path.join(root, "tests/labels/gva-dev/articles.jsonl")))}
want = {x["incident_id"] for x in labels}
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for l in open(os.path.join(root, "..", "shared", "corpus", "gva-dev", "incidents.jsonl")):
        inc = json.loads(l)
        if str(inc["incident_id"]) not in want:
            continue
        for d in inc["docs"]:
            f.write(json.dumps({"id": d["doc_id"] + "@" + str(inc["incident_id"]), "event": str(inc["incident_id"]),
                                "published": d.get("date"), "title": d.get("title"), "text": d["text"]}) + "\n")
    name = f.name
p = subprocess.run([binary, "report", "-q", "--format", "json", name], capture_output=True, text=True)
os.unlink(name)
groups = collections.defaultdict(list)
for g in json.loads(p.stdout)["groups"]:
    groups[(g["event"], g["category"])].append(g)
for x in labels:
    gs = groups[(x["incident_id"], x["category"])]
    flagged = any(g["status"] == "conflict" for g in gs)
    if (which == "fp" and flagged and not x["genuine_conflict"]) or (which == "fn" and x["genuine_conflict"] and not flagged):
        print(f"== {x['incident_id']} {x['category']}: labels {x['figures']}")
        for g in gs:
            print(f"   group party={g['party']} status={g['status']}")
            for s in g["sources"]:
                d = s["documents"][0]
                print(f"     {s['number']!r:28} {s['low']}-{s['high']} {s['published']} {d[:8]} label={arts.get((x['incident_id'], d.split('@')[0]), {}).get(x['category'])}")
