"""Types of the recount package (``python/recount``). The docstrings are
those of the functions (``python/tests/test_stub.py`` checks that they stay
the same)."""

import datetime
import os
from typing import Any, Iterable, NamedTuple, Optional, Union

__version__: str
CLAIM_SCHEMA: str
DOCUMENT_SCHEMA: str
REPORT_SCHEMA: str

#: A rules file's path, or rules as a TOML string; None: the built-in rules.
Rules = Union[str, os.PathLike[str], None]
#: A document: a dict of the JSON Lines document fields (``id``, ``text``,
#: ``published``, ``source``, ``title``, ``url``, ``event``), or one JSON
#: Lines record as a str.
Document = Union[dict[str, Any], str]
#: A line of the map step: a ``recount.document/1`` record or a
#: ``recount.claim/1`` claim (a dict, or a JSON Lines str).
Record = Union[dict[str, Any], str]
#: A ``recount.claim/1`` record (``docs/schema/claim.schema.json``).
Claim = dict[str, Any]
#: The ``recount.report/1`` document (``docs/schema/report.schema.json``).
Report = dict[str, Any]

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
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    key: Optional[str]
    message: str
    def __init__(
        self,
        text: str,
        file: Optional[str] = ...,
        line: Optional[int] = ...,
        column: Optional[int] = ...,
        key: Optional[str] = ...,
        message: Optional[str] = ...,
    ) -> None: ...


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
    problems: list[Problem]
    result: Any
    file: str
    line: Optional[int]
    column: Optional[int]
    message: str
    def __init__(self, problems: list[Problem], result: Any = ...) -> None: ...


class InputWarning(UserWarning):
    """A document was read, but something in it was ignored or repaired (a
    ``published`` that is not a date, invalid UTF-8): the warnings the
    command prints on stderr. They are also in the report, in each
    document's ``warnings``. ``warnings.simplefilter("error",
    recount.InputWarning)`` turns them into exceptions.
    """


def extract(
    text: str,
    *,
    published: Union[str, datetime.date, None] = None,
    source: Optional[str] = None,
    title: Optional[str] = None,
    rules: Rules = None,
    id: str = "text",
) -> list[Claim]:
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
    ...


def report(docs: Iterable[Document], *, rules: Rules = None) -> Report:
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
    ...


def extract_records(docs: Iterable[Document], *, rules: Rules = None) -> list[dict[str, Any]]:
    """The map step of ``docs/scaling.md``: for each document, in input
    order, its ``recount.document/1`` record (metadata, claim count, skip
    reason, warnings, and the fingerprint copy detection compares), then its
    ``recount.claim/1`` claims — the lines ``recount extract
    --with-documents`` writes, as dicts. Every document gets a record, a
    skipped one included. :func:`reduce` reconciles them.

    ``docs`` and ``rules``: as in :func:`report`. Raises :class:`InputError`
    (with the records as ``result``) if a document could not be read.
    """
    ...


def reduce(records: Iterable[Record]) -> Report:
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
    ...
