#!/usr/bin/env python3
"""How recount clusters gva-dev's articles into incidents when no event id
is given: for each incident, the events its articles land in, with what
identified each article (a development aid; ../shared/tools/event_separation.py
is the measure).

Usage (from the project root): python3 bench/gva_events.py target/release/recount [split|mixed]
"""
import collections, json, os, subprocess, sys, tempfile

binary = sys.argv[1]
which = sys.argv[2] if len(sys.argv) > 2 else "split"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
inc_of = {}
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for l in open(os.path.join(root, "..", "shared", "corpus", "gva-dev", "incidents.jsonl")):
        inc = json.loads(l)
        for d in inc["docs"]:
            if d["doc_id"] in inc_of:
                continue
            inc_of[d["doc_id"]] = str(inc["incident_id"])
            f.write(json.dumps({"id": d["doc_id"], "published": d.get("date"), "title": d.get("title"), "text": d["text"]}) + "\n")
    name = f.name
p = subprocess.run([binary, "report", "-q", "--format", "json", name], capture_output=True, text=True)
os.unlink(name)
rep = json.loads(p.stdout)
ident = {d["id"]: d.get("identity", {}) for d in rep["documents"]}
event_of = {}
for e in rep["events"]:
    if "first" not in e and not e.get("given"):
        continue  # an earlier incident the documents mention
    for d in e["documents"]:
        event_of.setdefault(d, e["id"])
by_inc = collections.defaultdict(list)
for d, i in inc_of.items():
    by_inc[i].append(d)
def show(d):
    x = ident.get(d, {})
    return f"{d[:8]} ev={event_of.get(d, '-')[:50]!r} date={x.get('date')} places={x.get('places')} streets={x.get('streets')} names={x.get('names', [])[:4]} kind={x.get('kind')}"
if which == "split":
    for i, docs in by_inc.items():
        evs = {event_of.get(d) for d in docs}
        if len(docs) > 1 and len(evs) > 1:
            print("== incident", i)
            for d in docs:
                print("  ", show(d))
else:
    by_ev = collections.defaultdict(list)
    for d, e in event_of.items():
        by_ev[e].append(d)
    for e, docs in by_ev.items():
        incs = {inc_of.get(d) for d in docs}
        if len(incs) > 1:
            print("== event", e[:60])
            for d in docs:
                print("  ", inc_of.get(d), show(d))
