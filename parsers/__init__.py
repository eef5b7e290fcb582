"""Parsers: one module per format, ``parse(path) -> RawDocument``, registered by suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parsers import pdf, word
from parsers.errors import DocumentError
from parsers.model import RawDocument

Parser = Callable[[Path], RawDocument]

# Adding a format is adding a module and a line here.
PARSERS: dict[str, Parser] = {
    ".docx": word.parse,
    ".pdf": pdf.parse,
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
    return parser(path)
