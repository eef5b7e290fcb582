"""The register's own file names: its backup, its dated copies, and the error of writing it.

Kept apart from the writer (and openpyxl) so that finding documents in an
inbox, which must never take the register's copies for documents, costs nothing.
"""

from __future__ import annotations

import re
from pathlib import Path


class RegisterWriteError(OSError):
    """The register could not be written where asked (folder missing, no permission)."""


def backup_of(path: Path) -> Path:
    """Where the register at ``path`` is kept before it is replaced: ``x.previous.xlsx``."""
    return path.with_name(f"{path.stem}.previous{path.suffix}")


def is_copy_of(candidate: Path, path: Path) -> bool:
    """Whether ``candidate`` is a backup or dated copy this writer makes of ``path``."""
    return candidate.parent == path.parent and (
        candidate.name == backup_of(path).name or is_dated_copy(candidate, path)
    )


def is_dated_copy(candidate: Path, path: Path) -> bool:
    """Whether ``candidate`` is named as ``_dated`` names a copy of ``path``."""
    dated = re.escape(path.stem) + r" \d{4}-\d\d-\d\d \d{6}" + re.escape(path.suffix)
    return candidate.parent == path.parent and re.fullmatch(dated, candidate.name) is not None
