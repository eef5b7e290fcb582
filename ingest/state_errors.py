"""What can go wrong with the state file, in words: ``StateError`` and the checks that raise it.

Kept apart from ``ingest.store`` so the store reads as what it keeps; every
SQLite error the store meets comes out through ``state_error`` or
``state_errors``, naming the file and what to do.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from parsers.errors import ConfigError


class _HasPath(Protocol):
    path: Path


S = TypeVar("S", bound=_HasPath)

P = ParamSpec("P")
R = TypeVar("R")

# What to do about an SQLite error, by its primary result code; anything else
# (a damaged page, a missing table) means the file is not as this module left it.
_ADVICE = {
    "SQLITE_FULL": "free some disk space and run again",
    "SQLITE_IOERR": "the disk could not be read or written; check it and run again",
    "SQLITE_BUSY": "another run is using it; wait for that run to end and try again",
    "SQLITE_LOCKED": "another run is using it; wait for that run to end and try again",
    "SQLITE_READONLY": "it cannot be written; check its permissions",
    "SQLITE_CANTOPEN": "it cannot be opened; check its folder exists and can be written",
}
_DAMAGED = "it may be damaged; restore it from a backup, or move it away to start afresh"


class StateError(ConfigError):
    """The state file cannot be used: empty, damaged, changed by hand, or its disk full.

    A ``ConfigError``, so the command exits 2 having written nothing.
    """


def state_error(path: Path, error: sqlite3.Error) -> StateError:
    """The ``StateError`` for SQLite's ``error`` on the state file at ``path``.

    >>> str(state_error(Path("s.sqlite"), sqlite3.OperationalError("no such table: actions")))
    's.sqlite: the state file failed (no such table: actions): it may be damaged; restore it from a backup, or move it away to start afresh'
    """
    advice = _ADVICE.get(primary(error), _DAMAGED)
    return StateError(f"{path}: the state file failed ({error}): {advice}")


def primary(error: sqlite3.Error) -> str:
    """SQLite's primary result code name for ``error`` (``SQLITE_IOERR`` for ``SQLITE_IOERR_WRITE``)."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return "_".join(name.split("_")[:2])


def state_errors(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """``method`` with SQLite's errors raised as a ``StateError`` naming the store's file."""

    @functools.wraps(method)
    def guarded(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise state_error(self.path, e) from e

    return guarded


def refuse_empty(path: Path) -> None:
    """Raise ``StateError`` when the state file at ``path`` exists but holds nothing.

    SQLite takes a 0-byte file for a new, empty database, so the run would
    go on as the first one and every document kept only in the state would
    leave the register. A store this module made is never empty: its first
    page is written as it opens.
    """
    try:
        empty = path.stat().st_size == 0
        wal = path.with_name(path.name + "-wal")
        empty = empty and not (wal.exists() and wal.stat().st_size > 0)
    except OSError:
        return  # not there yet, or not readable: connecting says which
    if empty:
        raise StateError(
            f"{path}: the state file is empty (0 bytes), so what earlier runs read is lost: "
            "restore it from a backup, or delete it to start afresh"
        )


def shown(text: str) -> str:
    """``text`` as it can be stored and shown: a file name's bytes that are not UTF-8 become U+FFFD.

    Python hands such bytes over as lone surrogates (``os.fsdecode``), which
    neither SQLite nor Excel takes.

    >>> shown("caf\\udce9.pdf")
    'caf\\ufffd.pdf'
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no byte of a file name gives (a Windows name)
        return text.encode("utf-8", "replace").decode("utf-8")
