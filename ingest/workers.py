"""Reading files in worker processes: a time and memory limit per file, every core busy.

Each file is parsed and normalised in its own child process. A child that
runs past the time limit (a pathological PDF can keep pdfminer busy for ever)
is killed, and so is one that crashes or runs out of memory: its file ends as
a ``Failed`` record saying which, and the run goes on. Children never touch
the store; the parent saves each result as it arrives.

The limits hold for the run as a whole, not only per file: one memory budget
is shared out between the workers; a file too large is refused before it is
hashed (``too_large``); what one document may produce is bounded
(``oversize``), so the parent's own work on it (saving, building the
register) is bounded too; and workers die with the run that started them.

Children are forked where the platform allows, so they start with the
libraries already loaded (a few milliseconds each) and leave through
``os._exit`` without closing the parent's SQLite connection. Where there is
no ``fork`` (Windows, and macOS by choice) they are spawned: each starts a
fresh interpreter and imports the readers (about a second), and the same
time and memory limits hold. ``WORKPLANS_START_METHOD=spawn`` chooses spawn
where fork exists too (the tests run the workers both ways). The reader
handed to ``read_files`` must then be picklable: a module-level function or
a ``functools.partial`` of one, never a closure. Children ignore Ctrl-C: the
run that started them stops them, and says so once.

Why not ``concurrent.futures.ProcessPoolExecutor``: a pool cannot stop one
task that hangs without breaking every other task in the pool, and a time
limit per file is the point here.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from normalise.model import Action, Reading, SourceRecord, Workplan
from parsers.errors import ConfigError

log = logging.getLogger(__name__)

# A file is given this long by default: a 200-page PDF reads in about a minute.
DEFAULT_TIMEOUT = 180.0
# Address space all children together may add to what each inherits, shared out
# between the workers: four decompression bombs at --jobs 4 stop at 4 GiB in
# all, not 12. One worker's share (2 GiB at the default two jobs here) reads a
# 200-page PDF with room to spare.
MEMORY_BUDGET_BYTES = 4 << 30
# Files larger than this are not hashed or read: a workplan with pictures is a
# few MB, a 500-page scanned PDF under 200 MB; anything bigger is not a workplan.
MAX_FILE_BYTES = 256 << 20
# What one document may produce, so that the parent's work on it (saving,
# building the register) is bounded too. A real workplan has tens of actions;
# a cell longer than Excel's own cell limit could never be shown; a document
# whose actions hold more text than this is not a workplan someone wrote.
MAX_ACTIONS = 2000
MAX_CELL_CHARS = 32_767
MAX_DOCUMENT_CHARS = 5_000_000

Reader = Callable[[Path, str | None], Reading]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What reading one file gave: its reading and, when it was parsed, its parsed form as JSON.

    The parsed form (``ingest.parsed_form``) goes to the store, so new
    settings apply to the document later without parsing it again.
    """

    reading: Reading
    parsed: str = ""


OutcomeReader = Callable[[Path, str | None], Outcome]


def _outcome_of(read: Reader, path: Path, digest: str | None) -> Outcome:
    return Outcome(read(path, digest))


# How often a run waiting on its workers looks whether it was asked to stop (Ctrl-C).
STOP_POLL_SECONDS = 0.2


class Stopped(Exception):
    """The run was asked to stop (Ctrl-C, SIGTERM) and stopped between two files."""


# Chooses how workers start ("fork", "spawn", "forkserver"); unset: fork where there is one.
START_METHOD_VARIABLE = "WORKPLANS_START_METHOD"


def default_jobs() -> int:
    """One worker per core, at most four: parsing is CPU-bound and memory is per worker."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class Limits:
    """How files are read: in how many processes, and for how long each at most."""

    jobs: int = field(default_factory=default_jobs)
    timeout: float = DEFAULT_TIMEOUT
    memory: int = MEMORY_BUDGET_BYTES
    max_bytes: int = MAX_FILE_BYTES
    max_actions: int = MAX_ACTIONS
    max_cell_chars: int = MAX_CELL_CHARS
    max_document_chars: int = MAX_DOCUMENT_CHARS
    # Where files are read: "" for this machine's processes, "dask://HOST:PORT" for a cluster
    executor: str = ""

    @property
    def child_memory(self) -> int:
        """The address space one worker may add: its share of the budget."""
        return max(256 << 20, self.memory // max(1, self.jobs))


def too_large(path: Path, limits: Limits) -> str | None:
    """Why ``path`` is too large to hash or read, or ``None`` when it is not.

    Checked before the file is hashed, so a huge file costs the run nothing.

    >>> too_large(Path(__file__), Limits(max_bytes=10))  # doctest: +ELLIPSIS
    'is ... bytes, more than the 10 a workplan may have; ...'
    """
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the reader says why it cannot be read
    if size <= limits.max_bytes:
        return None
    return (
        f"is {size:,} bytes, more than the {limits.max_bytes:,} a workplan may have; "
        "check it is the right file"
    )


def oversize(workplan: Workplan, limits: Limits) -> str | None:
    """Why ``workplan`` is more than one document may produce, or ``None``.

    Bounds the parent's work on a document (saving it, building the register)
    whatever the file holds.
    """
    if len(workplan.actions) > limits.max_actions:
        return (
            f"gave {len(workplan.actions):,} actions, more than the {limits.max_actions:,} "
            "one workplan may have; check its table, or split the document"
        )
    total = 0
    for action in workplan.actions:
        for name, text in _texts(action):
            if len(text) > limits.max_cell_chars:
                return (
                    f"action {action.action_id}: its {name} is {len(text):,} characters, more than "
                    f"the {limits.max_cell_chars:,} an Excel cell holds; check the document's text"
                )
            total += len(text)
    if total > limits.max_document_chars:
        return (
            f"its actions hold {total:,} characters of text, more than the "
            f"{limits.max_document_chars:,} one workplan may have; check its table"
        )
    return None


def _texts(action: Action) -> Iterator[tuple[str, str]]:
    """Each text an action carries, by what it is."""
    yield "Impact", action.impact
    yield "Action", action.action
    yield "Lead", action.lead_as_written
    yield "Timeframe", action.timeframe.as_written
    yield "Location", action.location
    for repair in action.review:
        yield f"{repair.field} review", repair.before + repair.after + repair.rule


def bounded(reading: Reading, path: Path, limits: Limits, now: datetime) -> Reading:
    """``reading``, or a ``Failed`` one when it is more than one document may produce."""
    if reading.workplan is None:
        return reading
    problem = oversize(reading.workplan, limits)
    if problem is None:
        return reading
    log.warning("%s: %s", path, problem)
    return Reading(failed_record(path, reading.source.sha256, problem, now))


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
    stop: threading.Event | None = None,
) -> Generator[tuple[int, Reading], None, None]:
    """Read each ``(path, sha256)`` with ``read``, yielding ``(position, reading)`` as each ends.

    Results come in the order files finish, not the order given. A file
    that overruns ``limits.timeout`` or whose reader dies gives a ``Failed``
    reading. Closing the iterator early (``fail_fast``) kills the children.
    Once ``stop`` is set, the children are killed and ``Stopped`` is raised
    (within ``STOP_POLL_SECONDS``); what was yielded before stands.
    """
    outcomes = read_outcomes(files, functools.partial(_outcome_of, read), limits, now, stop)
    try:
        for index, outcome in outcomes:
            yield index, outcome.reading
    finally:
        outcomes.close()


def read_outcomes(
    files: Sequence[tuple[Path, str | None]],
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
    stop: threading.Event | None = None,
) -> Generator[tuple[int, Outcome], None, None]:
    """``read_files`` for a reader that also gives each file's parsed form (an ``Outcome``)."""
    if limits.executor:
        from ingest.remote import dask_outcomes

        yield from dask_outcomes(files, read, limits, now, stop)
        return
    context = worker_context()
    if context is None:
        for index, (path, digest) in enumerate(files):
            _check(stop)
            yield index, read_bounded(read, path, digest, limits, now)
        return
    pending = list(enumerate(files))
    pending.reverse()
    running: list[_Child] = []
    poll = STOP_POLL_SECONDS if stop is not None else None

    def fill() -> None:
        while pending and len(running) < max(1, limits.jobs):
            index, (path, digest) = pending.pop()
            running.append(_start(context, index, path, digest, read, limits, now))

    try:
        while pending or running:
            _check(stop)
            fill()
            ended = list(_collect(running, now, limits.timeout, poll))
            # the freed slots take their next files before the caller saves these results,
            # so the workers never wait on the parent's own work
            fill()
            yield from ended
    finally:
        for child in running:
            _stop(child)


def _check(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise Stopped


def worker_context() -> multiprocessing.context.BaseContext | None:
    """How workers start: ``$WORKPLANS_START_METHOD``, else fork where there is one, else spawn.

    ``None`` only where the platform starts no processes at all: then files
    are read in this process, in turn, with no limits.
    """
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip()
    if chosen:
        try:
            return multiprocessing.get_context(chosen)
        except ValueError as e:
            methods = ", ".join(multiprocessing.get_all_start_methods())
            raise ConfigError(
                f"{START_METHOD_VARIABLE}={chosen}: not a way to start workers here; use one of {methods}"
            ) from e
    for method in ("fork", "spawn"):
        with suppress(ValueError):
            return multiprocessing.get_context(method)
    return None


def _start(
    context: multiprocessing.context.BaseContext,
    index: int,
    path: Path,
    digest: str | None,
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
) -> _Child:
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(  # type: ignore[attr-defined]
        target=_child_main,
        args=(sender, read, path, digest, now, limits, os.getpid()),
        daemon=True,
    )
    process.start()
    sender.close()  # the parent's copy: the child's end closing is how a crash shows
    return _Child(index, path, digest, process, receiver, time.monotonic() + limits.timeout)


def _child_main(
    sender: Connection,
    read: OutcomeReader,
    path: Path,
    digest: str | None,
    now: datetime,
    limits: Limits,
    parent: int,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run stops its workers itself
    _die_with(parent)
    _limit_memory(limits.child_memory)
    sender.send(read_bounded(read, path, digest, limits, now))
    sender.close()


def read_bounded(
    read: OutcomeReader, path: Path, digest: str | None, limits: Limits, now: datetime
) -> Outcome:
    """``read``'s outcome for ``path``, failed when it ran out of memory or produced too much."""
    try:
        outcome = read(path, digest)
        reading = bounded(outcome.reading, path, limits, now)
    except MemoryError:
        message = "too large to read: it ran out of memory"
        return Outcome(Reading(failed_record(path, digest, message, now)))
    return outcome if reading is outcome.reading else Outcome(reading)


# prctl(2) option: the signal the kernel sends this process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when the run that started it dies (Linux).

    Without it a worker of a killed run reads on for up to ``--timeout``.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return  # not Linux: the parent's kill on exit still holds
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _limit_memory(allowance: int) -> None:
    try:
        import resource

        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + allowance
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits here: the time limit still holds


def _collect(
    running: list[_Child], now: datetime, timeout: float, poll: float | None = None
) -> Iterator[tuple[int, Outcome]]:
    """Wait for the first child to finish or overrun (or ``poll`` seconds), and yield what ended."""
    soonest = min(c.deadline for c in running)
    wait_for = max(0.0, soonest - time.monotonic())
    ready = wait([c.conn for c in running], timeout=min(wait_for, poll) if poll else wait_for)
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
            yield (
                child.index,
                Outcome(Reading(failed_record(child.path, child.digest, message, now))),
            )


def _result(child: _Child, now: datetime) -> Outcome:
    try:
        reading: Outcome = child.conn.recv()
    except (EOFError, OSError):  # the child died before it could answer
        child.process.join(5)
        code = child.process.exitcode
        message = (
            f"the reader stopped unexpectedly (exit code {code}); please report it with this file"
        )
        reading = Outcome(Reading(failed_record(child.path, child.digest, message, now)))
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
