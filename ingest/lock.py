"""One run at a time per state file: a lock beside it, and who holds it.

Two scheduled runs on one state file (a slow run still going when cron starts
the next, a ``watch`` left running) would read the same files twice and race
to rename the register. ``run``, ``watch`` and ``leads`` take the lock
``<state>.lock`` (an OS lock through ``filelock``: it ends with the process
that held it, even when that process is killed) and write who holds it to
``<state>.lock.holder``, so the run that finds it taken can say whose it is.
The lock is taken before the state file is opened: a run that finds it
taken has touched nothing.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from parsers.errors import WorkplanError


class LockHeld(WorkplanError):
    """Another run holds the lock on this state file."""


def lock_path(state: Path) -> Path:
    """The lock file of the state file at ``state``.

    >>> lock_path(Path("out/register.sqlite"))
    PosixPath('out/register.sqlite.lock')
    """
    return state.with_name(state.name + ".lock")


def holder_path(state: Path) -> Path:
    """Where the holder of ``state``'s lock says who it is."""
    return state.with_name(state.name + ".lock.holder")


@contextmanager
def run_lock(state: Path) -> Iterator[None]:
    """Hold the lock on ``state`` for the block; raise ``LockHeld`` at once if another run has it."""
    path = lock_path(state)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout as e:
        raise LockHeld(held_message(state, _holder(state))) from e
    holder = holder_path(state)
    try:
        stamp = datetime.now().isoformat(timespec="seconds")
        with suppress(OSError):  # who holds it is a courtesy; the lock is what counts
            holder.write_text(f"pid {os.getpid()} on {socket.gethostname()} since {stamp}\n")
        yield
    finally:
        with suppress(OSError):
            holder.unlink()
        lock.release()


def _holder(state: Path) -> str:
    try:
        return holder_path(state).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def held_message(state: Path, holder: str) -> str:
    """The one line said when ``state``'s lock is taken, by ``holder`` (``pid N on HOST since ...``).

    >>> held_message(Path("register.sqlite"), "pid 42 on srv since 2026-01-05T07:00:00")
    'register.sqlite: another run is using this state file (lock register.sqlite.lock held by pid 42 on srv since 2026-01-05T07:00:00); nothing was done: wait for it to finish, or stop it'
    """
    who = f" held by {holder}" if holder else ""
    return (
        f"{state}: another run is using this state file (lock {lock_path(state)}{who}); "
        "nothing was done: wait for it to finish, or stop it"
    )
