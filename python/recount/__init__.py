"""recount: casualty figures in news reports, traced to their quotes and
reconciled across sources — from Python.

The same crate as the ``recount`` command, with its behaviour unchanged:
documents go in as the JSON Lines records the command reads, and what
comes out is exactly the JSON it writes, as Python objects.

>>> import recount
>>> claims = recount.extract("Three people were killed in the blast.")
>>> claims[0]["category"], claims[0]["low"]
('killed', 3.0)

See ``docs/python.md`` for a walk-through, and ``docs/scaling.md`` for the
map (:func:`extract_records`) and reduce (:func:`reduce`) steps on Dask.
"""

from __future__ import annotations

import datetime as _dt
import gc as _gc
import json as _json
import os as _os
import re as _re
import warnings as _warnings
from collections.abc import Mapping as _Mapping
from typing import Any, Iterable, NamedTuple, Optional, Union

from . import _recount

__version__: str = _recount.__version__

#: The ``schema`` of a claim record (``docs/schema/claim.schema.json``).
CLAIM_SCHEMA: str = _recount.CLAIM_SCHEMA
#: The ``schema`` of a document record (``docs/schema/document-record.schema.json``).
DOCUMENT_SCHEMA: str = _recount.DOCUMENT_SCHEMA
#: The ``schema`` of the report (``docs/schema/report.schema.json``).
REPORT_SCHEMA: str = _recount.REPORT_SCHEMA

__all__ = [
    "extract",
    "report",
    "extract_records",
    "reduce",
    "RecountError",
    "RulesError",
    "InputError",
    "InputWarning",
    "Problem",
    "CLAIM_SCHEMA",
    "DOCUMENT_SCHEMA",
    "REPORT_SCHEMA",
]

Rules = Union[str, "_os.PathLike[str]", None]

# ------------------------------------------------------------------ errors


class RecountError(Exception):
    """Base class of the errors recount raises."""


class RulesError(RecountError, ValueError):
    """The rules could not be read or are wrong, located like a compiler
    error: ``file:line:column: message``.

    Attributes: ``file`` (the rules file's path, or ``"<rules>"`` for TOML
    given as a string), ``line`` and ``column`` (1-based; ``None`` when the
    file could not be read), ``key`` (the key the problem is about, e.g.
    ``"category[2].name"``, when known) and ``message`` (what is wrong).
    """

    def __init__(
        self,
        text: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        key: Optional[str] = None,
        message: Optional[str] = None,
    ) -> None:
        super().__init__(text)
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message if message is not None else text


class Problem(NamedTuple):
    """One problem met reading the input, as the command reports it on
    stderr (``recount: skipped: <docs>:3: missing field `text```).

    ``location`` is ``label:line``; ``label`` is ``"<docs>"`` for documents,
    ``"<records>"`` for the records given to :func:`reduce` and ``"<text>"``
    for :func:`extract`, and ``line`` is the item's 1-based position in the
    iterable, as a line in the JSON Lines file the items stand for.
    ``severity`` is ``"warning"`` (the document was still read),
    ``"skipped"`` or ``"error"``. ``column`` is the column a JSON error
    names, in the item's JSON text, else ``None``.
    """

    location: str
    severity: str
    message: str
    file: str
    line: Optional[int]
    column: Optional[int]

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InputError(RecountError, ValueError):
    """A document or record could not be read: the command's exit status 2.

    Raised after the whole input was read, so nothing is lost: ``result``
    is what the call would have returned (the report, the records or the
    claims of everything that could be read; skipped documents are listed
    in it, with their reason, as the command lists them), and ``problems``
    every :class:`Problem` met, warnings included. ``file``, ``line``,
    ``column`` and ``message`` are those of the first problem that is not a
    warning.
    """

    def __init__(self, problems: list[Problem], result: Any = None) -> None:
        serious = [p for p in problems if p.severity != "warning"]
        first = (serious or problems)[0]
        more = len(serious) - 1
        text = str(first) + (f" (and {more} more)" if more > 0 else "")
        super().__init__(text)
        self.problems = problems
        self.result = result
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.message = first.message


class InputWarning(UserWarning):
    """A document was read, but something in it was ignored or repaired (a
    ``published`` that is not a date, invalid UTF-8): the warnings the
    command prints on stderr. They are also in the report, in each
    document's ``warnings``. ``warnings.simplefilter("error",
    recount.InputWarning)`` turns them into exceptions."""


_LOCATION = _re.compile(r"^(.*):(\d+)$")
_COLUMN = _re.compile(r"\bat column (\d+)\b")


def _problem(location: str, severity: str, message: str) -> Problem:
    m = _LOCATION.match(location)
    file, line = (m.group(1), int(m.group(2))) if m else (location, None)
    c = _COLUMN.search(message)
    return Problem(location, severity, message, file, line, int(c.group(1)) if c else None)


def _finish(result: Any, raw: list[tuple[str, str, str]]) -> Any:
    """Raise InputError if a problem is worse than a warning; else issue
    the warnings and return the result."""
    problems = [_problem(*p) for p in raw]
    if any(p.severity != "warning" for p in problems):
        raise InputError(problems, result)
    for p in problems:
        _warnings.warn(str(p), InputWarning, stacklevel=3)
    return result


# ------------------------------------------------------------------ inputs


def _rules(rules: Rules) -> Optional[tuple[str, str]]:
    """``rules`` as the native module takes them: None for the built-in
    rules, else (file name for messages, TOML text)."""
    if rules is None:
        return None
    if isinstance(rules, str) and ("\n" in rules or "=" in rules or rules.lstrip().startswith("[")):
        return ("<rules>", rules)
    if isinstance(rules, (str, _os.PathLike)):
        path = _os.fspath(rules)
        try:
            with open(path, encoding="utf-8") as f:
                return (path, f.read())
        except OSError as e:
            raise RulesError(f"{path}: cannot read rules: {e.strerror or e}", file=path) from e
    raise TypeError(f"rules: expected a path or a TOML string, got {type(rules).__name__}")


def _json_default(value: Any) -> Any:
    """Values json cannot write: dates (``datetime.date``, ``datetime``,
    ``pandas.Timestamp``) as ISO text; missing values (``pandas.NaT``,
    ``pandas.NA``) as null; numpy scalars as their Python value."""
    kind = type(value).__name__
    if kind in ("NaTType", "NAType"):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"{kind} is not JSON serializable")


def _finite(value: Any) -> Any:
    """NaN and infinities (pandas' missing values) as null."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return value


# Two writers of a record: ASCII (escaping the rest) is the fast one; a
# text with surrogates (an emoji's pair, or a lone one from undecodable
# bytes) goes through the UTF-8 one, so a lone surrogate reaches the
# reader as the invalid UTF-8 it stands for, which it warns about and
# replaces, as in a file.
_ASCII = _json.JSONEncoder(
    ensure_ascii=True, separators=(",", ":"), allow_nan=False, default=_json_default
).encode
_UTF8 = _json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default
).encode


def _dumps(value: Any) -> str:
    return _UTF8(value)


def _record(item: dict[str, Any]) -> bytes:
    text = _ASCII(item)
    if "\\ud" in text:
        return _UTF8(item).encode("utf-8", "surrogatepass")
    return text.encode("ascii")


def _loads(raw: str) -> Any:
    """json.loads, without the cyclic garbage collector running over the
    objects it makes (a quarter of the time on a large report)."""
    enabled = _gc.isenabled()
    _gc.disable()
    try:
        return _json.loads(raw)
    finally:
        if enabled:
            _gc.enable()


class _Lines:
    """Turns each item of an iterable into one JSON Lines record (UTF-8
    bytes, no newline), counting items for messages."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.n = 0

    def __call__(self, item: Any) -> bytes:
        self.n += 1
        if isinstance(item, _Mapping):
            if not isinstance(item, dict):
                item = dict(item)
            try:
                try:
                    return _record(item)
                except ValueError:  # NaN: a missing value from pandas
                    return _record({k: _finite(v) for k, v in item.items()})
            except TypeError as e:
                raise TypeError(f"{self.what} item {self.n}: {e}") from None
        elif isinstance(item, str):  # already a JSON Lines record
            text = _one_line(item.strip("\r\n"))
        elif isinstance(item, (bytes, bytearray)):
            data = bytes(item).strip(b"\r\n")
            return _one_line(data) if b"\n" in data else data
        else:
            raise TypeError(
                f"{self.what} item {self.n}: expected a dict (or a JSON Lines record as str), "
                f"got {type(item).__name__}"
            )
        # a lone surrogate goes through as the invalid UTF-8 it stands for:
        # the reader warns and replaces it, as with a file
        return text.encode("utf-8", "surrogatepass")


def _one_line(text: Any) -> Any:
    """A record spread over several lines (pretty-printed) as one line, as
    the reader needs; a record that is not JSON keeps its text, joined."""
    if ("\n" if isinstance(text, str) else b"\n") not in text:
        return text
    try:
        out = _dumps(_json.loads(text))
        return out if isinstance(text, str) else out.encode("utf-8", "surrogatepass")
    except ValueError:
        if isinstance(text, str):
            return text.replace("\r", " ").replace("\n", " ")
        return text.replace(b"\r", b" ").replace(b"\n", b" ")


def _iterable(items: Any, what: str) -> Any:
    if isinstance(items, (_Mapping, str, bytes, bytearray)):
        raise TypeError(
            f"{what}: expected an iterable of dicts, got one {type(items).__name__}; "
            f"wrap it in a list"
        )
    return items


# --------------------------------------------------------------------- API


def extract(
    text: str,
    *,
    published: Union[str, _dt.date, None] = None,
    source: Optional[str] = None,
    title: Optional[str] = None,
    rules: Rules = None,
    id: str = "text",
) -> list[dict[str, Any]]:
    """The claims of one text, in text order: each a ``recount.claim/1``
    record (``docs/schema/claim.schema.json``), exactly as ``recount
    extract`` writes it — ``doc``, ``start``/``end``, ``line``/``column``,
    ``number``, ``quote``, ``category``, ``low``/``high``, ``qualifier``,
    ``party``, ``population``, ``speaker``, ``event_time``, ``published``,
    ``outlet``, …

    ``published`` (an ISO date, a date in words, or a ``datetime.date``),
    ``source`` (the outlet) and ``title`` are the document's metadata, as in
    a JSON Lines record; without them the text's header lines are read, as
    the command does. ``id`` names the document in each claim's ``doc``.
    ``rules`` is a rules file's path or a rules TOML string (one starting
    ``extends = "default"`` adds to the built-in rules); default: the
    built-in rules.

    Raises :class:`RulesError` for bad rules. A ``published`` that is not a
    date is ignored with an :class:`InputWarning`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    record: dict[str, Any] = {"id": id, "text": text}
    for key, value in (("published", published), ("source", source), ("title", title)):
        if value is not None:
            record[key] = value
    raw, problems = _recount.claims_json([record], _Lines("text"), _rules(rules), "<text>")
    return _finish(_loads(raw), problems)


def report(docs: Iterable[Union[dict[str, Any], str]], *, rules: Rules = None) -> dict[str, Any]:
    """Extract and reconcile documents: the ``recount.report/1`` JSON
    document (``docs/schema/report.schema.json``) that ``recount report
    --format json`` writes for the same documents as JSON Lines, as Python
    objects — ``schema``, ``documents``, ``groups`` (conflicts first),
    ``totals``, ``asides`` and ``events``.

    ``docs`` is any iterable (a list, a generator, consumed lazily) of
    dicts with the fields of a JSON Lines document
    (``docs/schema/document.schema.json``): ``id`` and ``text`` required;
    ``published``, ``source``, ``title``, ``url``, ``event`` optional. An
    item may also be a str holding one JSON Lines record. ``rules``: as in
    :func:`extract`.

    Raises :class:`InputError` (with the report as ``result``) if a document
    could not be read — the command's exit status 2; warnings are issued as
    :class:`InputWarning`. ``pandas.DataFrame(report(docs)["groups"])`` is
    the table of groups.
    """
    raw, problems = _recount.report_json(
        _iterable(docs, "docs"), _Lines("docs"), _rules(rules), "<docs>"
    )
    return _finish(_loads(raw), problems)


def extract_records(
    docs: Iterable[Union[dict[str, Any], str]], *, rules: Rules = None
) -> list[dict[str, Any]]:
    """The map step of ``docs/scaling.md``: for each document, in input
    order, its ``recount.document/1`` record (metadata, claim count, skip
    reason, warnings, and the fingerprint copy detection compares), then its
    ``recount.claim/1`` claims — the lines ``recount extract
    --with-documents`` writes, as dicts. Every document gets a record, a
    skipped one included. :func:`reduce` reconciles them.

    ``docs`` and ``rules``: as in :func:`report`. Raises :class:`InputError`
    (with the records as ``result``) if a document could not be read.
    """
    raw, problems = _recount.records_json(
        _iterable(docs, "docs"), _Lines("docs"), _rules(rules), "<docs>"
    )
    return _finish(_loads(raw), problems)


def reduce(records: Iterable[Union[dict[str, Any], str]]) -> dict[str, Any]:
    """The reduce step of ``docs/scaling.md``: reconcile what
    :func:`extract_records` (or ``recount extract --with-documents``) gave —
    document records and claims, dicts or JSON Lines str, in any order —
    into the report :func:`report` gives on the documents themselves, as
    ``recount report --claims --format json`` does. Nothing is extracted
    again; reconciliation uses the built-in rules' settings, as the command
    does.

    Raises :class:`InputError` (with the report as ``result``) for a record
    that cannot be read, a document the map step skipped, or claims whose
    document has no record.
    """
    raw, problems = _recount.reduce_json(_iterable(records, "records"), _Lines("records"), "<records>")
    return _finish(_loads(raw), problems)
