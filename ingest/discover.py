"""Find the documents in an inbox folder."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator
from pathlib import Path

from output.excel import is_copy_of

# Files a person's tools leave beside documents: Office lock files, partial
# downloads, OS metadata. They are not documents and not failures.
_IGNORED_PREFIXES = ("~$", ".")
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini"})
_IGNORED_SUFFIXES = frozenset({".tmp", ".part", ".crdownload"})


def discover(inbox: Path, outputs: Collection[Path] = ()) -> Iterator[Path]:
    """Every file under ``inbox`` (recursively, sorted) that someone dropped in.

    Any file counts, so that an image or a ``.doc`` ends as a named failure in
    the register rather than being ignored; lock files, hidden files and
    partial downloads are left alone, and so are the tool's own ``outputs``
    (a register written into its inbox, its state file and their companions).
    """
    own = {p.resolve() for p in outputs}
    for path in sorted(inbox.rglob("*")):
        if not path.is_file() or _own(path, own):
            continue
        parts = path.relative_to(inbox).parts
        if any(p.startswith(_IGNORED_PREFIXES) for p in parts):
            continue
        if path.name.lower() in _IGNORED_NAMES or path.suffix.lower() in _IGNORED_SUFFIXES:
            continue
        yield path


def _own(path: Path, outputs: Collection[Path]) -> bool:
    """Whether ``path`` is one of ``outputs`` or a companion of one.

    Companions: SQLite's ``x.sqlite-wal``/``-shm``, and the register's
    backup and dated copy (``output.excel.is_copy_of``).
    """
    if not outputs:
        return False
    path = path.resolve()
    return any(
        path == out
        or (path.parent == out.parent and path.name.startswith(out.name + "-"))
        or is_copy_of(path, out)
        for out in outputs
    )


def sha256(path: Path) -> str:
    """The file's SHA-256 as hex, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
