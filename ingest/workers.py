"""Reading files in worker processes: a time and memory limit per file, every core busy.

Each file is parsed and normalised in its own child process. A child that
runs past the time limit (a pathological PDF can keep pdfminer busy for ever)
is killed, and so is one that crashes or runs out of memory: its file ends as
a ``Failed`` record saying which, and the run goes on. Children never touch
the store; the parent saves each result as it arrives.

Children are forked where the platform allows, so they start with the
libraries already loaded (a few milliseconds each) and leave through
``os._exit`` without closing the parent's SQLite connection. Elsewhere the
files are read in this process, in turn, with no limits.

Why not ``concurrent.futures.ProcessPoolExecutor``: a pool cannot stop one
task that hangs without breaking every other task in the pool, and a time
limit per file is the point here.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from normalise.model import Reading, SourceRecord

log = logging.getLogger(__name__)

# A file is given this long by default: a 200-page PDF reads in about a minute.
DEFAULT_TIMEOUT = 180.0
# Address space a child may add to what it inherits; decompression bombs stop here.
CHILD_MEMORY_BYTES = 3 << 30

Reader = Callable[[Path, str | None], Reading]


def default_jobs() -> int:
    """One worker per core, at most four: parsing is CPU-bound and memory is per worker."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class Limits:
    """How files are read: in how many processes, and for how long each at most."""

    jobs: int = field(default_factory=default_jobs)
    timeout: float = DEFAULT_TIMEOUT


@dataclass(slots=True)
class _Child:
    index: int
    path: Path
    digest: str | None
    process: BaseProcess
    conn: Connection
    deadline: float


def read_files(
    files: Sequence[tuple[Path, str | None]],
    read: Reader,
    limits: Limits,
    now: datetime,
) -> Generator[tuple[int, Reading], None, None]:
    """Read each ``(path, sha256)`` with ``read``, yielding ``(position, reading)`` as each ends.

    Results come in the order files finish, not the order given. A file
    that overruns ``limits.timeout`` or whose reader dies gives a ``Failed``
    reading. Closing the iterator early (``fail_fast``) kills the children.
    """
    context = _fork_context()
    if context is None:
        for index, (path, digest) in enumerate(files):
            yield index, read(path, digest)
        return
    pending = list(enumerate(files))
    pending.reverse()
    running: list[_Child] = []
    try:
        while pending or running:
            while pending and len(running) < max(1, limits.jobs):
                index, (path, digest) = pending.pop()
                running.append(_start(context, index, path, digest, read, limits.timeout, now))
            yield from _collect(running, now, limits.timeout)
    finally:
        for child in running:
            _stop(child)


def _fork_context() -> multiprocessing.context.BaseContext | None:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def _start(
    context: multiprocessing.context.BaseContext,
    index: int,
    path: Path,
    digest: str | None,
    read: Reader,
    timeout: float,
    now: datetime,
) -> _Child:
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(  # type: ignore[attr-defined]
        target=_child_main, args=(sender, read, path, digest, now), daemon=True
    )
    process.start()
    sender.close()  # the parent's copy: the child's end closing is how a crash shows
    return _Child(index, path, digest, process, receiver, time.monotonic() + timeout)


def _child_main(
    sender: Connection, read: Reader, path: Path, digest: str | None, now: datetime
) -> None:
    _limit_memory()
    try:
        reading = read(path, digest)
    except MemoryError:
        message = "too large to read: it ran out of memory"
        reading = Reading(failed_record(path, digest, message, now))
    sender.send(reading)
    sender.close()


def _limit_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + CHILD_MEMORY_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits here: the time limit still holds


def _collect(running: list[_Child], now: datetime, timeout: float) -> Iterator[tuple[int, Reading]]:
    """Wait for the first child to finish or overrun, and yield what ended."""
    soonest = min(c.deadline for c in running)
    ready = wait([c.conn for c in running], timeout=max(0.0, soonest - time.monotonic()))
    for child in list(running):
        if child.conn in ready:
            running.remove(child)
            yield child.index, _result(child, now)
        elif time.monotonic() >= child.deadline:
            running.remove(child)
            _stop(child)
            log.warning("%s: stopped after %.0f s", child.path, timeout)
            message = (
                f"took longer than {timeout:.0f} s to read and was stopped; "
                "check the file opens, or raise --timeout"
            )
            yield child.index, Reading(failed_record(child.path, child.digest, message, now))


def _result(child: _Child, now: datetime) -> Reading:
    try:
        reading: Reading = child.conn.recv()
    except (EOFError, OSError):  # the child died before it could answer
        child.process.join(5)
        code = child.process.exitcode
        message = (
            f"the reader stopped unexpectedly (exit code {code}); please report it with this file"
        )
        reading = Reading(failed_record(child.path, child.digest, message, now))
    child.conn.close()
    child.process.join(5)
    return reading


def _stop(child: _Child) -> None:
    if child.process.is_alive():
        child.process.kill()
    child.process.join(5)
    child.conn.close()


def failed_record(path: Path, digest: str | None, message: str, now: datetime) -> SourceRecord:
    """The ``Sources`` row of a file that could not be read, and why."""
    fmt = path.suffix.lower().lstrip(".")
    return SourceRecord(
        path.name, digest or "", fmt, None, "", "", 0, "Failed", message, now, str(path)
    )
