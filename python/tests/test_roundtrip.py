"""The bindings against the command, on the seeds, the shipped examples and
gva-dev: the same documents give the same JSON, through Python objects."""

import json
import re

import pytest

import recount
from conftest import gva_docs, same, text_docs, write_jsonl


@pytest.fixture(params=["examples", "seeds"])
def folder(request, repo, seeds):
    return repo / "examples" / "articles" if request.param == "examples" else seeds


def rel(path, repo):
    import os

    return os.path.relpath(path, repo)


def test_report_equals_the_commands_json_on_the_files(folder, repo, cli):
    docs = text_docs(folder, repo)
    assert docs
    expected = cli.json("report", "-q", "--format", "json", rel(folder, repo))
    got = recount.report(docs)
    assert got["schema"] == recount.REPORT_SCHEMA
    assert same(got, expected)


def test_report_equals_the_command_on_the_same_json_lines(folder, repo, cli, tmp_path):
    # metadata too: outlet, date, event on some documents
    docs = text_docs(folder, repo)
    for n, d in enumerate(docs):
        if n % 2:
            d["source"] = f"Outlet {n}"
        if n % 3 == 0:
            d["published"] = "2024-03-03"
        if n == 1:
            d["event"] = "marlow"
    path = write_jsonl(tmp_path / "docs.jsonl", docs)
    expected = cli.json("report", "-q", "--format", "json", path)
    assert same(recount.report(docs), expected)
    # the items may be the JSON Lines records themselves
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert same(recount.report(lines), expected)


def test_extract_equals_the_command(folder, repo, cli):
    for doc in text_docs(folder, repo):
        expected = cli.lines("extract", "-q", doc["id"])
        got = recount.extract(doc["text"], id=doc["id"])
        assert all(c["schema"] == recount.CLAIM_SCHEMA for c in got)
        assert same(got, expected), doc["id"]


def test_extract_metadata_equals_the_commands_flags(seeds, repo, cli):
    path = sorted(seeds.glob("*.txt"))[0]
    rid = rel(path, repo)
    text = path.read_text(encoding="utf-8")
    expected = cli.lines("extract", "-q", "--published", "2020-01-31", "--source", "Wire", rid)
    got = recount.extract(text, published="2020-01-31", source="Wire", id=rid)
    assert got and same(got, expected)
    assert {c["outlet"] for c in got} == {"Wire"}
    import datetime

    assert same(recount.extract(text, published=datetime.date(2020, 1, 31), source="Wire", id=rid), expected)


def test_extract_title_is_the_documents_title(cli, tmp_path):
    doc = {"id": "a", "text": "March 3, 2024\n\nFourteen people died when the train derailed.", "title": "Derailment"}
    expected = cli.lines("extract", "-q", write_jsonl(tmp_path / "a.jsonl", [doc]))
    assert same(recount.extract(doc["text"], title="Derailment", id="a"), expected)


def without_origin(lines):
    """Records name where they were read (`origin`: the file's path and
    line, `<docs>:LINE` from Python): the line numbers, not the label."""
    out = []
    for r in lines:
        r = dict(r)
        if "origin" in r:
            r["origin"] = re.sub(r"^.*:(\d+)$", r"…:\1", r["origin"])
        out.append(r)
    return out


def test_extract_records_equal_the_commands_map_step(folder, repo, cli, tmp_path):
    docs = text_docs(folder, repo)
    path = write_jsonl(tmp_path / "shard.jsonl", docs)
    expected = cli.lines("extract", "-q", "--with-documents", path)
    got = recount.extract_records(docs)
    assert [r["schema"] for r in got] == [r["schema"] for r in expected]
    assert got[0]["origin"] == "<docs>:1"
    assert same(without_origin(got), without_origin(expected))


def test_reduce_equals_the_commands_reduce_step(folder, repo, cli, tmp_path):
    docs = text_docs(folder, repo)
    half = len(docs) // 2
    shards = [write_jsonl(tmp_path / f"shard-{i}.jsonl", part) for i, part in enumerate([docs[:half], docs[half:]])]
    mapped = [cli.run("extract", "-q", "--with-documents", s).stdout for s in shards]
    claims = []
    for i, text in enumerate(mapped):
        (tmp_path / f"claims-{i}.jsonl").write_text(text, encoding="utf-8")
        claims.append(tmp_path / f"claims-{i}.jsonl")
    expected = cli.json("report", "--claims", "--format", "json", *claims)
    # the command's lines as str, and the bindings' own records as dicts
    lines = [line for text in mapped for line in text.splitlines()]
    assert same(recount.reduce(lines), expected)
    records = recount.extract_records(docs[:half]) + recount.extract_records(docs[half:])
    assert same(recount.reduce(records), expected)
    # and the reduce gives the report of the documents themselves
    assert same(recount.reduce(records), recount.report(docs))


def test_gva_report_equals_the_command(gva, cli, tmp_path):
    docs = gva_docs(gva)
    path = write_jsonl(tmp_path / "gva.jsonl", docs)
    expected = cli.json("report", "-q", "--format", "json", path)
    assert same(recount.report(docs), expected)
    records = recount.extract_records(docs)
    assert same(recount.reduce(records), cli.json("report", "--claims", "--format", "json", "-", input="".join(json.dumps(r) + "\n" for r in records)))


def test_rules_as_toml_and_as_a_path(cli, tmp_path):
    rules = 'extends = "default"\n[[category]]\nname = "displaced"\nafter = ["displaced", "fled their homes"]\n'
    text = "Some 2,000 people were displaced by the floods, officials said."
    path = tmp_path / "mine.toml"
    path.write_text(rules, encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    expected = cli.lines("extract", "-q", "--rules", path, tmp_path / "a.txt")
    assert any(c["category"] == "displaced" for c in expected)
    for given in (rules, str(path), path):
        got = recount.extract(text, rules=given, id=str(tmp_path / "a.txt"))
        assert same(got, expected)
    assert not any(c["category"] == "displaced" for c in recount.extract(text))


def test_groups_make_a_dataframe(repo):
    pd = pytest.importorskip("pandas")
    rep = recount.report(text_docs(repo / "examples" / "articles", repo))
    groups = pd.DataFrame(rep["groups"])
    assert {"category", "status", "low", "best", "high", "sources"} <= set(groups.columns)
    assert (groups["status"] == "conflict").sum() == sum(g["status"] == "conflict" for g in rep["groups"])
    claims = pd.DataFrame(recount.extract_records(text_docs(repo / "examples" / "articles", repo)))
    assert set(claims["schema"]) == {recount.DOCUMENT_SCHEMA, recount.CLAIM_SCHEMA}


def test_pandas_rows_go_in_as_they_are(repo):
    pd = pytest.importorskip("pandas")
    docs = text_docs(repo / "examples" / "articles", repo)
    frame = pd.DataFrame(docs)
    frame["published"] = pd.to_datetime(["2024-03-02", None, "2024-03-03", None])
    frame["source"] = ["Wire", None, "Radio", float("nan")]
    rows = frame.to_dict("records")
    expected = []
    for d, day, src in zip(docs, ["2024-03-02", None, "2024-03-03", None], ["Wire", None, "Radio", None]):
        d = dict(d)
        if day:
            d["published"] = day
        if src:
            d["source"] = src
        expected.append(d)
    assert same(recount.report(rows), recount.report(expected))
