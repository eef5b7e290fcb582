"""Reading files in worker processes: a time and memory limit per file, every core busy.

Files are parsed and normalised in long-lived worker processes, one per job,
each handed its files through its own pipe: the file it reads and, while the
inbox has more than enough, the next one, so a worker that finishes starts
again at once instead of waiting for the parent to save what it sent. A
worker that runs past the time limit on a file (a pathological PDF can keep
pdfminer busy for ever) is killed, and so is one that crashes or runs out of
memory: that file ends as a ``Failed`` record saying which, the file queued
behind it goes back to the others, and a fresh worker takes over. Workers
never touch the store; the parent saves the results as they arrive.

The limits hold for the run as a whole, not only per file: one memory budget
is shared out between the workers; a worker whose address space has grown by
more than ``RETIRE_GROWTH`` of its share after a file (memory the readers
fragment or keep) is replaced by a fresh one, so every file has nearly its
whole share; a file too large is refused before it is hashed
(``too_large``); what one document may produce is bounded (``oversize``), so
the parent's own work on it (saving, building the register) is bounded too;
and workers die with the run that started them.

Workers are forked where the platform allows, so they start with the
libraries already loaded (the run imports the readers before the first) and
leave through ``os._exit`` without closing the parent's SQLite connection.
Where there is no ``fork`` (Windows, and macOS by choice) they are spawned:
each starts a fresh interpreter and imports the readers (about a second,
once per worker, not per file), and the same time and memory limits hold.
``WORKPLANS_START_METHOD=spawn`` chooses spawn where fork exists too (the
tests run the workers both ways). The reader handed to ``read_files`` must
then be picklable: a module-level function or a ``functools.partial`` of
one, never a closure. Workers ignore Ctrl-C: the run that started them stops
them, and says so once.

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
from collections import deque
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
    reading. Closing the iterator early (``fail_fast``) kills the workers.
    Once ``stop`` is set, the workers are killed and ``Stopped`` is raised
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
    idle: Callable[[], None] | None = None,
) -> Generator[tuple[int, Outcome], None, None]:
    """``read_files`` for a reader that also gives each file's parsed form (an ``Outcome``).

    ``idle`` is called whenever no result is ready and the run would wait
    for one: the moment for the caller's own batched work (saving what came
    in), which then costs the workers nothing.
    """
    if limits.executor:
        from ingest.remote import dask_outcomes

        yield from _between(dask_outcomes(files, read, limits, now, stop), idle)
        return
    context = worker_context()
    if context is None:
        yield from _between(_in_turn(files, read, limits, now, stop), idle)
        return
    yield from _pool(context, files, read, limits, now, stop, idle)


def _between(
    results: Generator[tuple[int, Outcome], None, None], idle: Callable[[], None] | None
) -> Generator[tuple[int, Outcome], None, None]:
    """``results``, with ``idle`` called before waiting for each next one."""
    try:
        for result in results:
            yield result
            if idle is not None:
                idle()
    finally:
        results.close()  # a closed run stops its readers at once


def _in_turn(
    files: Sequence[tuple[Path, str | None]],
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
    stop: threading.Event | None,
) -> Generator[tuple[int, Outcome], None, None]:
    for index, (path, digest) in enumerate(files):
        _check(stop)
        yield index, read_bounded(read, path, digest, limits, now)


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


# Files a worker holds beyond the one it reads: with the next one already in its pipe,
# a worker that finishes starts again at once, not after the parent has saved a result.
AHEAD = 1
# A worker whose address space grew by more than this share of its memory allowance
# while reading (what the readers keep or fragment) hands over to a fresh one, so a
# file read late in a run may use nearly as much memory as the first.
RETIRE_GROWTH = 1 / 8


@dataclass(slots=True)
class _Worker:
    """A worker process, the parent's end of its pipe, and the files handed to it, oldest first.

    The first file in ``queue`` is the one being read, due by ``deadline``.
    """

    process: BaseProcess
    conn: Connection
    queue: deque[int] = field(default_factory=deque)
    deadline: float = 0.0


def _pool(
    context: multiprocessing.context.BaseContext,
    files: Sequence[tuple[Path, str | None]],
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
    stop: threading.Event | None,
    idle: Callable[[], None] | None,
) -> Generator[tuple[int, Outcome], None, None]:
    """``read_outcomes`` in long-lived worker processes, each fed through its own pipe."""
    pending: deque[int] = deque(range(len(files)))
    workers: list[_Worker] = []
    poll = STOP_POLL_SECONDS if stop is not None else None
    try:
        while True:
            _check(stop)
            unread = len(pending) + sum(len(w.queue) for w in workers)
            while len(workers) < min(max(1, limits.jobs), unread):
                workers.append(_start(context, read, limits, now))
            _hand_out(workers, pending, files, limits.timeout)
            busy = [w for w in workers if w.queue]
            if not busy:
                return
            ready = wait([w.conn for w in workers], timeout=0)
            if not ready and idle is not None:
                idle()
            if not ready:
                wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
                ready = wait([w.conn for w in workers], min(wait_for, poll) if poll else wait_for)
            for worker in list(workers):
                if worker.conn in ready:
                    ended = _answers(worker, files, limits.timeout, now)
                elif (
                    worker.queue and time.monotonic() >= worker.deadline and not worker.conn.poll()
                ):
                    ended = [_overran(worker, files, limits.timeout, now)]
                else:
                    continue
                if worker.conn.closed:  # it died, overran or retired: what it held goes back
                    workers.remove(worker)
                    pending.extendleft(reversed(worker.queue))
                    _stop(worker)
                # the freed worker takes its next file before the caller sees these results
                _hand_out(workers, pending, files, limits.timeout)
                yield from ended
    finally:
        for worker in workers:
            _stop(worker)


def _hand_out(
    workers: list[_Worker],
    pending: deque[int],
    files: Sequence[tuple[Path, str | None]],
    timeout: float,
) -> None:
    """Give each worker a file to read, and ``AHEAD`` more while there are plenty to go round."""
    for depth in range(1 + AHEAD):
        for worker in workers:
            if not pending or (depth and len(pending) < len(workers)):
                return
            if len(worker.queue) > depth or worker.conn.closed:
                continue
            index = pending.popleft()
            if not worker.queue:
                worker.deadline = time.monotonic() + timeout
            worker.queue.append(index)
            with suppress(OSError):  # a worker that died: its end reads as such next
                worker.conn.send((index, *files[index]))


def _answers(
    worker: _Worker, files: Sequence[tuple[Path, str | None]], timeout: float, now: datetime
) -> list[tuple[int, Outcome]]:
    """What ``worker`` sent since it was last heard: each file it read, or that it died.

    A worker that stopped (died, or retires) has the parent's end of its pipe closed.
    """
    ended: list[tuple[int, Outcome]] = []
    while True:
        try:
            outcome, retiring = worker.conn.recv()
        except (EOFError, OSError):  # it died: the file it was reading fails, that one only
            if worker.queue:
                index = worker.queue.popleft()
                ended.append((index, _died(worker, files[index], now)))
            worker.conn.close()
            return ended
        ended.append((worker.queue.popleft(), outcome))
        worker.deadline = time.monotonic() + timeout  # the next in its queue began just now
        if retiring:
            worker.conn.close()
            return ended
        if not worker.conn.poll():
            return ended


def _overran(
    worker: _Worker, files: Sequence[tuple[Path, str | None]], timeout: float, now: datetime
) -> tuple[int, Outcome]:
    """Stop ``worker``, past its file's deadline: that file fails, saying so."""
    _stop(worker)
    index = worker.queue.popleft()
    path, digest = files[index]
    log.warning("%s: stopped after %.0f s", path, timeout)
    message = (
        f"took longer than {timeout:.0f} s to read and was stopped; "
        "check the file opens, or raise --timeout"
    )
    return index, Outcome(Reading(failed_record(path, digest, message, now)))


def _died(worker: _Worker, file: tuple[Path, str | None], now: datetime) -> Outcome:
    worker.process.join(5)
    message = (
        f"the reader stopped unexpectedly (exit code {worker.process.exitcode}); "
        "please report it with this file"
    )
    return Outcome(Reading(failed_record(*file, message, now)))


def _start(
    context: multiprocessing.context.BaseContext,
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
) -> _Worker:
    ours, theirs = context.Pipe()
    process = context.Process(  # type: ignore[attr-defined]
        target=_worker_main,
        args=(theirs, read, now, limits, os.getpid()),
        daemon=True,
    )
    process.start()
    theirs.close()  # the parent's copy: the worker's end closing is how a crash shows
    return _Worker(process, ours)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


def _worker_main(
    conn: Connection, read: OutcomeReader, now: datetime, limits: Limits, parent: int
) -> None:
    """A worker: read each file the parent sends, answer with its outcome, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run stops its workers itself
    _die_with(parent)
    start = _address_space()
    _limit_memory(start, limits.child_memory)
    while True:
        try:
            _index, path, digest = conn.recv()
        except (EOFError, OSError):  # the run is done with this worker
            return
        try:
            outcome = _within(read, path, digest, limits, now)
            size = _address_space()
            retiring = bool(start and size and size - start > RETIRE_GROWTH * limits.child_memory)
        except MemoryError:  # what is left of this process is not worth trusting
            outcome, retiring = _out_of_memory(path, digest, now), True
        conn.send((outcome, retiring))
        if retiring:
            return


def read_bounded(
    read: OutcomeReader, path: Path, digest: str | None, limits: Limits, now: datetime
) -> Outcome:
    """``read``'s outcome for ``path``, failed when it ran out of memory or produced too much."""
    try:
        return _within(read, path, digest, limits, now)
    except MemoryError:
        return _out_of_memory(path, digest, now)


def _within(
    read: OutcomeReader, path: Path, digest: str | None, limits: Limits, now: datetime
) -> Outcome:
    outcome = read(path, digest)
    reading = bounded(outcome.reading, path, limits, now)
    return outcome if reading is outcome.reading else Outcome(reading)


def _out_of_memory(path: Path, digest: str | None, now: datetime) -> Outcome:
    message = "too large to read: it ran out of memory"
    return Outcome(Reading(failed_record(path, digest, message, now)))


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


def _address_space() -> int:
    """This process's address space in bytes (what ``RLIMIT_AS`` limits), 0 where unknown."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _limit_memory(start: int, allowance: int) -> None:
    if not start:
        return  # no /proc here: the time limit still holds
    try:
        import resource

        limit = start + allowance
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no rlimits here: the time limit still holds


def failed_record(path: Path, digest: str | None, message: str, now: datetime) -> SourceRecord:
    """The ``Sources`` row of a file that could not be read, and why."""
    fmt = path.suffix.lower().lstrip(".")
    return SourceRecord(
        path.name, digest or "", fmt, None, "", "", 0, "Failed", message, now, str(path)
    )
