"""Parsers: one module per format, ``parse(path) -> RawDocument``, registered by suffix."""

from __future__ import annotations

import importlib
from pathlib import Path

from parsers.errors import DocumentError
from parsers.model import RawDocument

# Adding a format is adding a module (with its ``parse(path) -> RawDocument``) and a
# line here. Each is imported when a file of its format is first read, so a command
# that reads none (``workplans --help``) does not pay for python-docx and pdfplumber.
PARSERS: dict[str, str] = {
    ".docx": "parsers.word",
    ".pdf": "parsers.pdf",
}


def parse(path: Path) -> RawDocument:
    """Parse one document with the parser registered for its suffix.

    Raises ``DocumentError`` for a format no parser reads (a ``.doc`` gets a
    hint to save it as ``.docx``).
    """
    suffix = path.suffix.lower()
    parser = PARSERS.get(suffix)
    if parser is None:
        if suffix == ".doc":
            raise DocumentError(
                path, "legacy Word 97-2003 document (.doc): save it as .docx and drop it in again"
            )
        raise DocumentError(
            path, f"not a workplan document ({suffix or 'no suffix'}): only .docx and .pdf are read"
        )
    read: RawDocument = importlib.import_module(parser).parse(path)
    return read
