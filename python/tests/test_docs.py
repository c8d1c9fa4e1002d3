"""docs/python.md runs: its ```python blocks, in order, in one namespace,
from the repository root (as a notebook would)."""

import os
import re

import pytest


def blocks(text):
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def test_the_walk_through_runs(repo):
    pytest.importorskip("pandas")
    code = blocks((repo / "docs" / "python.md").read_text(encoding="utf-8"))
    assert len(code) >= 5
    namespace = {}
    here = os.getcwd()
    os.chdir(repo)
    try:
        for n, block in enumerate(code, 1):
            exec(compile(block, f"docs/python.md block {n}", "exec"), namespace)
    finally:
        os.chdir(here)
    assert namespace["claims"] and namespace["report"]["groups"]
