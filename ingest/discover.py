"""Find the documents in an inbox folder."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

# Files a person's tools leave beside documents: Office lock files, partial
# downloads, OS metadata. They are not documents and not failures.
_IGNORED_PREFIXES = ("~$", ".")
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini"})
_IGNORED_SUFFIXES = frozenset({".tmp", ".part", ".crdownload"})


def discover(inbox: Path) -> Iterator[Path]:
    """Every file under ``inbox`` (recursively, sorted) that someone dropped in.

    Any file counts, so that an image or a ``.doc`` ends as a named failure in
    the register rather than being ignored; lock files, hidden files and
    partial downloads are left alone.
    """
    for path in sorted(inbox.rglob("*")):
        if not path.is_file():
            continue
        parts = path.relative_to(inbox).parts
        if any(p.startswith(_IGNORED_PREFIXES) for p in parts):
            continue
        if path.name.lower() in _IGNORED_NAMES or path.suffix.lower() in _IGNORED_SUFFIXES:
            continue
        yield path


def sha256(path: Path) -> str:
    """The file's SHA-256 as hex, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
