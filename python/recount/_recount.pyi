"""The native module (``python/src/lib.rs``): the crate's pipeline on JSON
Lines records, returning the JSON the command writes. Use ``recount``'s
functions, which convert to and from Python objects."""

from typing import Any, Callable, Iterable, Optional

__version__: str
CLAIM_SCHEMA: str
DOCUMENT_SCHEMA: str
REPORT_SCHEMA: str

_Problem = tuple[str, str, str]
_ToLine = Callable[[Any], bytes]

def claims_json(
    docs: Iterable[Any], to_line: _ToLine, rules: Optional[tuple[str, str]], label: str
) -> tuple[str, list[_Problem]]: ...
def records_json(
    docs: Iterable[Any], to_line: _ToLine, rules: Optional[tuple[str, str]], label: str
) -> tuple[str, list[_Problem]]: ...
def report_json(
    docs: Iterable[Any], to_line: _ToLine, rules: Optional[tuple[str, str]], label: str
) -> tuple[str, list[_Problem]]: ...
def reduce_json(records: Iterable[Any], to_line: _ToLine, label: str) -> tuple[str, list[_Problem]]: ...
