#!/usr/bin/env python3
"""gva-dev's incidents as JSON Lines documents, one article a line, for
dask_reduce.py and `recount report`:

    python python/examples/gva_docs.py ../shared/corpus/gva-dev/incidents.jsonl > gva-docs.jsonl
    python python/examples/gva_docs.py --no-event INCIDENTS > gva-docs-no-event.jsonl

Each article becomes {"id", "text", "published", "title", "event"}: the id
is `doc_id@incident_id` (an article the archive cites for two incidents is
two documents), `published` the article's date, and `event` the Gun
Violence Archive's incident id — what an upstream system that knows the
incidents would give. With --no-event the documents carry no event, and
recount has to find the incidents itself (docs/scaling.md, "Choosing the
event key").
"""

import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("incidents", help="incidents.jsonl of gva-dev")
    ap.add_argument("--no-event", action="store_true", help="leave the incident ids out")
    args = ap.parse_args()
    out = sys.stdout
    with open(args.incidents, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            incident = json.loads(line)
            for d in incident["docs"]:
                doc = {
                    "id": f"{d['doc_id']}@{incident['incident_id']}",
                    "text": d["text"],
                    "published": d.get("date"),
                    "title": d.get("title"),
                }
                if not args.no_event:
                    doc["event"] = str(incident["incident_id"])
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
