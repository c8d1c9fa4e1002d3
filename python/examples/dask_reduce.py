#!/usr/bin/env python3
"""The scaling story of docs/scaling.md, run for real on Dask.

    python python/examples/dask_reduce.py DOCS.jsonl [--partitions N] [--workers N]

1. start a dask.distributed LocalCluster (2 worker processes);
2. read DOCS.jsonl (one document a line: id, text, published, source,
   title, event) as a bag of N partitions;
3. map: recount.extract_records over each partition (the documents'
   recount.document/1 records and their recount.claim/1 claims; what
   `recount extract --with-documents` writes);
4. copies: one small pass over the document records alone (no claims) finds
   the documents that are copies of one another, with recount.reduce;
   events linked by a copy are reduced together, because copy detection
   (a repost counts once) needs every copy of a text in one reduce;
5. group the lines by event (so linked) and reduce each group with
   recount.reduce, on the workers;
6. merge the reduces' reports into one, and check it against
   recount.report on all the documents in this one process.

Prints one line — documents, partitions, events, reduces, time, and
"identical" — and exits 0 when the merged report is the one-process
report; else prints a diff and exits 1. docs/scaling.md explains each step
and what changes on a real cluster.
"""

import argparse
import difflib
import json
import logging
import os
import sys
import time

import recount

# The report's orders (src/reconcile): groups by status, then event,
# category, party, population and subject (None first); totals by event and
# category; events by id; documents in input order.
STATUS = {"conflict": 0, "consistent": 1, "agree": 2, "single-source": 3}
NO_EVENT = "(no event)"


def opt(value):
    return (0, "") if value is None else (1, value)


def group_order(g):
    return (STATUS[g["status"]], g["event"], g["category"], opt(g["party"]), opt(g["population"]), opt(g["subject"]))


# --------------------------------------------------------------- the steps


def map_partition(docs):
    """The map step on one partition: extract_records, each line keyed by
    its document's event, with its document id and place in the document
    (a document's claims follow its record)."""
    out = []
    event, doc, seq = None, None, 0
    for rec in recount.extract_records(docs):
        if rec["schema"] == recount.DOCUMENT_SCHEMA:
            event, doc, seq = rec["event"] or NO_EVENT, rec["id"], 0
        else:
            seq += 1
        out.append((event, doc, seq, rec))
    return out


def linked_events(doc_records):
    """Events joined by copies: a map from each event to the key of its
    reduce. The document records alone (their claim counts set to 0: the
    claims are not here) give every document's `copy_of`."""
    records = [dict(r, claims=0) for r in doc_records]
    report = recount.reduce(records)
    event_of = {r["id"]: r["event"] or NO_EVENT for r in records}
    parent = {e: e for e in event_of.values()}

    def root(e):
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    links = 0
    for d in report["documents"]:
        if d["copy_of"] and event_of[d["id"]] != event_of[d["copy_of"]]:
            a, b = root(event_of[d["id"]]), root(event_of[d["copy_of"]])
            if a != b:
                parent[max(a, b)] = min(a, b)
                links += 1
    return {e: root(e) for e in parent}, links


def reduce_group(lines, position):
    """The reduce step for one key: its lines in input order (a record, then
    its claims), reconciled."""
    lines = sorted(lines, key=lambda t: (position[t[1]], t[2]))
    return recount.reduce([t[3] for t in lines])


def merge(reports, position):
    """The reduces' reports as one report, in the report's own orders."""
    merged = {"schema": recount.REPORT_SCHEMA}
    merged["documents"] = sorted((d for r in reports for d in r["documents"]), key=lambda d: position[d["id"]])
    merged["groups"] = sorted((g for r in reports for g in r["groups"]), key=group_order)
    merged["totals"] = sorted((t for r in reports for t in r["totals"]), key=lambda t: (t["event"], t["category"]))
    merged["asides"] = [a for r in reports for a in r["asides"]]
    merged["events"] = sorted((e for r in reports for e in r["events"]), key=lambda e: e["id"])
    return merged


def canonical(report, position):
    """Asides (figures about incidents mentioned in passing) follow the
    order of groups they are not part of: compared by document and place."""
    out = dict(report)
    out["asides"] = sorted(report["asides"], key=lambda c: (position[c["doc"]], c["start"], c["end"], c["category"]))
    return out


# -------------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", help="JSON Lines documents (id, text, published, source, title, event)")
    ap.add_argument("--partitions", type=int, default=8, help="partitions of the input (default 8)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--diff-lines", type=int, default=80, help="lines of diff shown when they differ")
    ap.add_argument(
        "--reference",
        choices=["report", "reduce"],
        default="report",
        help="what the merged result must equal: recount.report on the documents (default), or "
        "recount.reduce of all their records in one process (tells a partitioning problem from "
        "a difference between the map/reduce round trip and report)",
    )
    args = ap.parse_args(argv)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    with open(args.docs, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    position = {d["id"]: i for i, d in enumerate(docs)}
    size = os.path.getsize(args.docs)
    blocksize = max(1, -(-size // args.partitions))

    t_start = time.perf_counter()
    with LocalCluster(
        n_workers=args.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster):
        t0 = time.perf_counter()
        bag = db.read_text(args.docs, blocksize=blocksize).map(json.loads)
        partitions = bag.npartitions
        mapped = bag.map_partitions(map_partition).persist()
        doc_records = mapped.filter(lambda t: t[3]["schema"] == recount.DOCUMENT_SCHEMA).pluck(3).compute()
        key_of, links = linked_events(doc_records)
        reports = (
            mapped.map(lambda t: (key_of[t[0]], t))
            .groupby(lambda kv: kv[0])
            .map(lambda group: reduce_group([kv[1] for kv in group[1]], position))
            .compute()
        )
        merged = merge(reports, position)
        t1 = time.perf_counter()

    t2 = time.perf_counter()
    if args.reference == "report":
        single = recount.report(docs)
    else:
        single = recount.reduce(recount.extract_records(docs))
    t3 = time.perf_counter()

    a = canonical(merged, position)
    b = canonical(single, position)
    identical = a == b and json.dumps(a) == json.dumps(b)
    given = len({d["event"] for d in docs if d.get("event")})
    print(
        f"dask_reduce: {len(docs)} documents, {partitions} partitions, {given} events given, "
        f"{len(reports)} reduces ({links} joined by copies), {len(merged['events'])} events in the report, "
        f"{args.workers} workers: "
        f"map+reduce {t1 - t0:.2f} s (cluster start {t0 - t_start:.2f} s), "
        f"one-process recount.{args.reference} {t3 - t2:.2f} s: {'identical' if identical else 'DIFFERENT'}"
    )
    if identical:
        return 0
    diff = difflib.unified_diff(
        json.dumps(b, indent=1, ensure_ascii=False).splitlines(),
        json.dumps(a, indent=1, ensure_ascii=False).splitlines(),
        f"recount.{args.reference} (one process)",
        "dask map + reduce, merged",
        lineterm="",
        n=2,
    )
    for n, line in enumerate(diff):
        if n >= args.diff_lines:
            print("…")
            break
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
