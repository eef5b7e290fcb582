"""The examples in docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from conftest import ROOT

MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for package in ("parsers", "normalise", "output", "ingest")
    for p in (ROOT / package).rglob("*.py")
    if p.name != "__init__.py" and ">>>" in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed


def test_examples_are_found() -> None:
    assert "parsers.dates" in MODULES and len(MODULES) >= 5
    assert all(Path(ROOT, *m.split(".")).with_suffix(".py").exists() for m in MODULES)
