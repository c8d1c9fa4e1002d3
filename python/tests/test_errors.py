"""Errors are exceptions that say where: bad rules (RulesError), documents
and records that cannot be read (InputError), warnings (InputWarning)."""

import json
import warnings

import pytest

import recount

BAD_RULES = 'schema = 1\n[[category]]\nnam = "x"\n'


def test_rules_error_from_a_toml_string():
    with pytest.raises(recount.RulesError) as e:
        recount.extract("Two people died.", rules=BAD_RULES)
    err = e.value
    assert (err.file, err.line, err.column, err.key) == ("<rules>", 3, 1, "nam")
    assert err.message.startswith("unknown field `nam`")
    assert str(err).startswith("<rules>:3:1: unknown field `nam`")
    assert isinstance(err, ValueError) and isinstance(err, recount.RecountError)


def test_rules_error_from_a_file_names_the_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(BAD_RULES, encoding="utf-8")
    for given in (path, str(path)):
        with pytest.raises(recount.RulesError) as e:
            recount.report([{"id": "a", "text": "Two people died."}], rules=given)
        assert (e.value.file, e.value.line, e.value.column) == (str(path), 3, 1)


def test_missing_rules_file():
    with pytest.raises(recount.RulesError) as e:
        recount.extract_records([], rules="no-such-rules.toml")
    assert e.value.file == "no-such-rules.toml"
    assert (e.value.line, e.value.column) == (None, None)
    assert "cannot read rules" in str(e.value)


def test_a_document_that_cannot_be_read():
    docs = [
        {"id": "a", "text": "March 3, 2024\n\nTwelve people were killed."},
        {"id": "b", "title": "no text"},
        {"id": "c", "text": "March 3, 2024\n\nFourteen people were killed."},
    ]
    with pytest.raises(recount.InputError) as e:
        recount.report(docs)
    err = e.value
    assert (err.file, err.line, err.column) == ("<docs>", 2, None)
    assert err.message == "missing field `text`"
    assert str(err) == "<docs>:2: missing field `text`"
    assert [p.severity for p in err.problems] == ["skipped"]
    # nothing is lost: the report of the rest, the skipped one listed, as the command does
    rep = err.result
    assert [d["id"] for d in rep["documents"]] == ["a", "<docs>:2", "c"]
    assert rep["documents"][1]["skipped"] == "missing field `text`"
    assert {c["doc"] for g in rep["groups"] for c in g["claims"]} == {"a", "c"}


def test_a_record_that_is_not_json_has_a_column():
    with pytest.raises(recount.InputError) as e:
        recount.extract_records(['{"id": "a", "text": "x"}', '{"id": "b", "text": }'])
    err = e.value
    assert (err.file, err.line, err.column) == ("<docs>", 2, 21)
    assert "invalid JSON" in err.message
    # the skipped record is still there, as `extract --with-documents` writes it
    assert [r["schema"] for r in err.result] == [recount.DOCUMENT_SCHEMA, recount.DOCUMENT_SCHEMA]
    assert err.result[1]["skipped"].startswith("invalid JSON")


def test_warnings_are_warnings(recwarn):
    docs = [{"id": "a", "text": "Two people died.", "published": "not a date"}]
    with pytest.warns(recount.InputWarning, match=r'<docs>:1: key "published": invalid date'):
        rep = recount.report(docs)
    assert rep["documents"][0]["warnings"] == ['key "published": invalid date "not a date"; ignored']
    with warnings.catch_warnings():
        warnings.simplefilter("error", recount.InputWarning)
        with pytest.raises(recount.InputWarning):
            recount.extract("Two people died.", published="soon")


def test_items_that_are_not_documents():
    with pytest.raises(TypeError, match=r"docs item 2: expected a dict .* got int"):
        recount.report([{"id": "a", "text": "x"}, 3])
    with pytest.raises(TypeError, match=r"docs item 1: .*object is not JSON serializable"):
        recount.report([{"id": "a", "text": "x", "source": object()}])
    with pytest.raises(TypeError, match="wrap it in a list"):
        recount.report({"id": "a", "text": "x"})
    with pytest.raises(TypeError):
        recount.extract(b"bytes")


def test_an_exception_from_the_iterable_is_raised_as_it_is():
    class Broken(Exception):
        pass

    def docs():
        yield {"id": "a", "text": "Two people died."}
        raise Broken("the source went away")

    with pytest.raises(Broken, match="the source went away"):
        recount.report(docs())
    with pytest.raises(Broken):
        recount.extract_records(docs())


def test_reduce_problems():
    records = recount.extract_records([{"id": "a", "text": "March 3, 2024\n\nFive people were killed."}])
    claims = [r for r in records if r["schema"] == recount.CLAIM_SCHEMA]
    # claims without their document's record: reconciled, and an error
    with pytest.raises(recount.InputError) as e:
        recount.reduce(claims)
    assert e.value.problems[0].severity == "error"
    assert (e.value.file, e.value.line) == ("<records>", 1)
    assert "no recount.document/1 record" in e.value.message
    assert e.value.result["groups"][0]["low"] == 5.0
    # a line of another schema
    with pytest.raises(recount.InputError, match=r'<records>:3: unknown schema "recount.report/1"'):
        recount.reduce(records + [{"schema": "recount.report/1"}])
    # a record whose claims went missing: a warning
    with pytest.warns(recount.InputWarning, match="its record counts 1 claim, the input has 0"):
        recount.reduce(records[:1])


def test_empty_inputs():
    assert recount.extract("") == []
    assert recount.extract_records([]) == []
    rep = recount.report([])
    assert (rep["documents"], rep["groups"]) == ([], [])
    assert recount.reduce(iter([])) == rep


def test_surrogates_are_invalid_utf8_as_in_a_file():
    text = "Two people died.\udc80"
    with pytest.warns(recount.InputWarning, match="invalid UTF-8"):
        claims = recount.extract(text)
    assert claims[0]["low"] == 2.0
    # an emoji (a surrogate pair in JSON) is fine
    assert recount.extract("Two people died. \U0001F600")[0]["low"] == 2.0


def test_pretty_printed_records():
    record = json.dumps({"id": "a", "text": "Two people died."}, indent=2)
    assert recount.report([record])["documents"][0]["id"] == "a"
