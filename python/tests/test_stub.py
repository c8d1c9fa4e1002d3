"""The type stub (recount/__init__.pyi) says what the package does: the
same functions, parameters, defaults and docstrings."""

import ast
import inspect
from pathlib import Path

import recount

STUB = Path(recount.__file__).with_name("__init__.pyi")


def stub():
    return {n.name: n for n in ast.parse(STUB.read_text(encoding="utf-8")).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}


def test_functions_match_the_stub():
    defs = stub()
    for name in ["extract", "report", "extract_records", "reduce"]:
        node = defs[name]
        runtime = inspect.signature(getattr(recount, name))
        args = node.args
        stub_params = [(a.arg, "POSITIONAL_OR_KEYWORD") for a in args.args] + [
            (a.arg, "KEYWORD_ONLY") for a in args.kwonlyargs
        ]
        assert stub_params == [(p.name, p.kind.name) for p in runtime.parameters.values()], name
        stub_defaults = [ast.literal_eval(d) for d in args.kw_defaults]
        runtime_defaults = [p.default for p in runtime.parameters.values() if p.kind.name == "KEYWORD_ONLY"]
        assert stub_defaults == runtime_defaults, name
        assert ast.get_docstring(node) == inspect.getdoc(getattr(recount, name)), name


def test_classes_match_the_stub():
    defs = stub()
    for name in ["RecountError", "RulesError", "InputError", "InputWarning", "Problem"]:
        assert ast.get_docstring(defs[name]) == inspect.getdoc(getattr(recount, name)), name
    assert set(recount.__all__) <= set(defs) | {"CLAIM_SCHEMA", "DOCUMENT_SCHEMA", "REPORT_SCHEMA"}
