"""The batch run: inbox -> parse -> normalise -> register, one file's failure at a time.

A run never dies on one document: each file ends as a ``SourceRecord`` with
its result (``Ingested`` or ``Failed``) and message; the register is written
after every file has been tried.

A document is known by its path under the inbox (``teamA/workplan.docx``),
shown with U+FFFD for bytes of its name that are not UTF-8, and by the
SHA-256 of the bytes that were parsed, never of an earlier look at the file.
"""

from __future__ import annotations

import functools
import importlib
import logging
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ingest import parsed_form
from ingest.copies import (
    DocumentFile,
    as_named,
    choose,
    copy_of,
    inbox_name,
    read_for,
)
from ingest.discover import discover, sha256
from ingest.recall import (
    Keys,
    Recalled,
    complete,
    failed,
    held_settled,
    normalised,
    recall,
    refreshed,
    store_keys,
)
from ingest.state_errors import shown
from ingest.store import Saving, Store, default_state, held_records
from ingest.unchanged import Output, inputs_fingerprint, stamp, still_current
from ingest.workers import (
    Limits,
    Outcome,
    Stopped,
    read_outcomes,
    too_large,
)
from normalise import Settings
from normalise.model import Reading, SourceRecord
from parsers import PARSERS, parse
from parsers.errors import DocumentError

if TYPE_CHECKING:
    from output.edits import Conflict

log = logging.getLogger(__name__)

Progress = Callable[[SourceRecord], None]

CHANGED = "changed while it was being read: it may still be saving; the next run reads it again"
# Failures worth trying again at the next run whatever the settings: the file was moving.
_PASSING = (CHANGED, "cannot be read (")


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did: where the register is and what became of each file."""

    register: Path
    sources: tuple[SourceRecord, ...]
    actions: int
    locked: bool = False
    note: str = ""
    parsed: int = 0
    remembered: frozenset[str] = frozenset()
    # analysts' edits of generated cells, kept in the register's Conflicts sheet
    conflicts: tuple[Conflict, ...] = ()
    renormalised: int = 0  # documents normalised again from the store: the settings changed
    unchanged: bool = False  # nothing new since the last register: it was left as it is

    @property
    def failed(self) -> tuple[SourceRecord, ...]:
        """The files that could not be read."""
        return tuple(s for s in self.sources if s.result == "Failed")

    @property
    def failed_now(self) -> tuple[SourceRecord, ...]:
        """The files that failed in this run: not those that failed before and were not read again."""
        return tuple(s for s in self.failed if s.file not in self.remembered)


@dataclass(frozen=True, slots=True)
class Scan:
    """What reading an inbox gave: a reading per file, how many were parsed, which failed before.

    ``remembered`` names (as the run names them) the files whose content
    failed in an earlier run under the same tool version and settings: they
    are ``Failed`` again with the same message, and were not read.
    """

    readings: list[Reading]
    parsed: int = 0
    remembered: frozenset[str] = field(default_factory=frozenset)
    renormalised: int = 0


def ingest_file(
    path: Path,
    settings: Settings,
    now: datetime,
    digest: str | None = None,
    *,
    name: str | None = None,
) -> Reading:
    """Parse and normalise one file; a bad file gives a ``Failed`` record, never an exception.

    ``ingest_outcome``'s reading; see there.
    """
    return ingest_outcome(path, settings, now, digest, name=name).reading


def ingest_outcome(
    path: Path,
    settings: Settings,
    now: datetime,
    digest: str | None = None,
    *,
    name: str | None = None,
) -> Outcome:
    """Parse and normalise one file: its reading and its parsed form (JSON, for the store).

    A bad file gives a ``Failed`` record, never an exception.

    The record is named ``name`` (by default the file's name) and holds the
    SHA-256 of the bytes parsed: the file is looked at before and after, and
    read once more when it changed in between (saved over while being read);
    a file that changes again is ``Failed``. ``digest``, the caller's earlier
    hash of the file, may be older than what was parsed.
    """
    name = name or shown(path.name)
    for _attempt in range(2):
        try:
            before = _snapshot(path)
        except OSError as e:
            return Outcome(failed(path, name, "", f"cannot be read ({e.strerror})", now))
        reading = _parsed(path, name, before, settings, now)
        try:
            after: _Snapshot | None = _snapshot(path)
        except OSError:
            after = None
        if after == before:
            if digest and digest != before.sha256:
                log.info("%s changed after it was listed: read as it is now", path)
            return reading
        log.info("%s changed while it was being read", path)
    return Outcome(failed(path, name, before.sha256, CHANGED, now))


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """A file at one moment: which file it is, its size and time, and its content's SHA-256."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str

    @property
    def file_time(self) -> datetime:
        """The file's modified time, in UTC without a zone."""
        return datetime.fromtimestamp(self.mtime_ns / 1e9, UTC).replace(tzinfo=None)


def _snapshot(path: Path) -> _Snapshot:
    info = path.stat()
    return _Snapshot(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, sha256(path))


def _parsed(
    path: Path, name: str, snapshot: _Snapshot, settings: Settings, now: datetime
) -> Outcome:
    """One read of ``path`` as it was at ``snapshot``: its workplan and parsed form, or why it failed."""
    log.info("parsing %s", path)
    try:
        raw = parse(path)
        # a document with no title is named after its file: a name that is not UTF-8 is shown
        raw = replace(raw, path=shown(raw.path))
    except DocumentError as e:
        return Outcome(failed(path, name, snapshot.sha256, e.problem, now))
    except MemoryError:
        raise  # not a bug: the worker names it ("too large to read: it ran out of memory")
    except Exception as e:  # a bug must not lose the rest of the batch
        log.exception("unexpected error reading %s", path)
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return Outcome(failed(path, name, snapshot.sha256, message, now))
    reading = normalised(raw, path, name, snapshot.sha256, snapshot.file_time, settings, now)
    return Outcome(reading, parsed_form.to_json(raw) if reading.workplan is not None else "")


def read_inbox(
    inbox: Path,
    settings: Settings,
    *,
    fail_fast: bool = False,
    progress: Progress | None = None,
    store: Store | None = None,
    limits: Limits | None = None,
    outputs: Collection[Path] = (),
    exclude: Sequence[str] = (),
    stop: threading.Event | None = None,
) -> list[Reading]:
    """Parse and normalise every document under ``inbox``: a reading for each, in inbox order.

    ``scan_inbox`` with no failures remembered; see there.
    """
    return scan_inbox(
        inbox, settings, fail_fast=fail_fast, progress=progress, store=store, limits=limits,
        outputs=outputs, exclude=exclude, stop=stop,
    ).readings  # fmt: skip


@dataclass(frozen=True, slots=True)
class Survey:
    """An inbox as found, before anything is read: each file, its name and hash, and which to read.

    ``chosen`` are the positions (in ``files``) to read, one for each
    content, and ``copies`` maps each other file to the one read for it
    (``ingest.copies.choose``); ``too_big`` the files refused unhashed, with
    why; ``links`` the links not followed, as failed readings.
    """

    files: list[DocumentFile]
    chosen: list[int]
    copies: dict[int, int]
    too_big: dict[int, str]
    links: list[Reading]
    now: datetime


def survey_inbox(
    inbox: Path,
    limits: Limits,
    *,
    fail_fast: bool = False,
    outputs: Collection[Path] = (),
    exclude: Sequence[str] = (),
) -> Survey:
    """Find and hash the documents under ``inbox`` (``scan_inbox``'s first step); reads nothing.

    With ``fail_fast`` a link not followed raises its ``DocumentError``.
    """
    if not inbox.is_dir():
        raise DocumentError(inbox, "inbox folder not found: create it or pass --inbox")
    now = datetime.now().replace(microsecond=0)
    skipped: list[tuple[Path, str]] = []
    paths = list(
        discover(
            inbox, outputs, skipped=lambda path, why: skipped.append((path, why)), exclude=exclude
        )
    )
    links = [failed(path, inbox_name(path, inbox), "", why, now) for path, why in skipped]
    if fail_fast and links:
        raise DocumentError(skipped[0][0], skipped[0][1])
    too_big = {p: why for p, path in enumerate(paths) if (why := too_large(path, limits))}
    files = [
        DocumentFile(path, inbox_name(path, inbox), None if p in too_big else _digest(path))
        for p, path in enumerate(paths)
    ]
    contents: dict[str | int, list[int]] = {}  # SHA-256 (position, if unhashed) -> positions
    for position, file in enumerate(files):
        contents.setdefault(file.digest or position, []).append(position)
    chosen, copies = choose(contents.values(), paths)
    return Survey(files, chosen, copies, too_big, links, now)


def scan_inbox(
    inbox: Path,
    settings: Settings,
    *,
    fail_fast: bool = False,
    progress: Progress | None = None,
    store: Store | None = None,
    limits: Limits | None = None,
    outputs: Collection[Path] = (),
    exclude: Sequence[str] = (),
    keys: Keys | None = None,
    retry_failed: bool = False,
    stop: threading.Event | None = None,
    survey: Survey | None = None,
    recalled: Recalled | None = None,
) -> Scan:
    """Parse and normalise every document under ``inbox``: a reading for each, in inbox order.

    A document is known by its path under the inbox (``teamA/workplan.docx``),
    in its ``Sources`` row and its actions' ``Source``. With a ``store``, a
    file whose content was read before (same SHA-256, any name) is
    ``Unchanged``: its actions come from the store, unparsed; the new
    results are saved there as they arrive, each batch that comes in
    together in one transaction, and reported (``progress``) once saved.
    Files are read in worker processes under ``limits`` (``ingest.workers``).
    Of several files with the same content one is read, one whose suffix a
    parser reads and matches its content where there is one (``plan.docx``,
    not ``plan.docx.bak``); both rows say which. With ``fail_fast`` the first
    failed file raises its ``DocumentError``. ``outputs`` are the run's own
    files, skipped should they sit in the inbox, and so are paths matching
    an ``exclude`` pattern.

    With a ``store`` and ``keys`` (``store_keys``), each document is saved
    with its parsed form; one read before under other settings is
    normalised again from that form, unparsed; and a file whose content
    failed under the same keys is ``Failed`` again, with its message, unread
    (unless ``retry_failed``: then it is read, and remembered again should
    it fail again). Once ``stop`` is set, reading ends between two files
    with ``ingest.workers.Stopped``; the files read before it are saved.
    ``survey`` and ``recalled`` are the inbox as ``survey_inbox`` found it and
    what the store said of it (``recall``), when the caller has them already.
    """
    limits = limits or Limits()
    keys = keys or Keys()
    if survey is None:
        survey = survey_inbox(inbox, limits, fail_fast=fail_fast, outputs=outputs, exclude=exclude)
    files, now, links, too_big, copies = (
        survey.files, survey.now, survey.links, survey.too_big, survey.copies
    )  # fmt: skip
    fresh: set[int] = set()
    readings: dict[int, Reading] = {}
    if store is not None:
        if recalled is None:
            recalled = recall(
                store.index(), files, survey.chosen, copies, _recall_keys(keys, retry_failed)
            )
        readings, fresh = complete(store, recalled, files, copies, keys, settings, limits, now)
        again = [readings[p] for p in sorted(fresh)]  # normalised under new settings: kept so
        store.save_many([Saving(r.source, r.workplan, keys.failure, keys.settings) for r in again])
    remembered = {p for p, r in readings.items() if r.source.result == "Failed" and p not in fresh}
    recalled_names: frozenset[str] = frozenset()
    for position, why in too_big.items():
        readings[position] = failed(files[position].path, files[position].name, "", why, now)
    unhashed = [readings[p] for p in too_big] + links  # failed unread: known by name, not content
    if store is not None and not fail_fast:
        recalled_names = _recall_unhashed(store, unhashed, "" if retry_failed else keys.failure)
    stored = set(readings)
    to_read = [p for p in survey.chosen if p not in stored]
    if progress is not None:
        for reading in links:
            progress(reading.source)
        for position in sorted(stored):
            progress(readings[position].source)
    if fail_fast and too_big:
        first = min(too_big)
        raise DocumentError(files[first].path, too_big[first])

    read = functools.partial(_read_named, inbox, settings, now)  # picklable, for spawned workers
    pairs = [(files[p].path, files[p].digest) for p in to_read]
    _warm(pairs)
    saver = _Saver(store, keys, progress)
    results = read_outcomes(pairs, read, limits, now, stop, idle=saver.flush)
    try:
        for index, outcome in results:
            position = to_read[index]
            reading = as_named(outcome.reading, files[position])
            saver.add(reading, outcome)
            readings[position] = reading
            if reading.workplan is None and fail_fast:
                saver.flush()
                raise DocumentError(Path(reading.source.path), reading.source.message)
    finally:
        results.close()  # stops the other readers when fail_fast ends the loop
        saver.flush()  # what was read before a stop is kept
    for position, original in copies.items():
        if position not in stored:
            readings[position] = copy_of(readings[original], files[position])
            if progress is not None:
                progress(readings[position].source)
    for original in set(copies.values()) - stored:
        shared = [files[p].name for p, o in copies.items() if o == original]
        readings[original] = read_for(readings[original], shared)
    return Scan(
        [readings[p] for p in range(len(files))] + links,
        parsed=len(to_read),
        remembered=frozenset(files[p].name for p in remembered) | recalled_names,
        renormalised=len(fresh),
    )


def _recall_keys(keys: Keys, retry_failed: bool) -> Keys:
    """The keys the store is asked with: no failure is remembered when retrying them."""
    return replace(keys, failure="") if retry_failed else keys


# Results saved in one transaction at most: a batch builds up only while results come
# in faster than the run saves them, and a run killed mid-batch reads at most these again.
MAX_BATCH = 50


class _Saver:
    """The run's new results on their way to the store: saved a batch at a time, then reported.

    ``flush`` is called whenever the run would wait for its workers, so the
    results that came in meanwhile go in one transaction, and a file is
    reported (``progress``) only once it is saved: a run killed at any
    moment loses no result it reported, and leaves no document half saved.
    """

    def __init__(self, store: Store | None, keys: Keys, progress: Progress | None) -> None:
        self.store, self.keys, self.progress = store, keys, progress
        self.pending: list[tuple[Reading, str]] = []

    def add(self, reading: Reading, outcome: Outcome) -> None:
        self.pending.append((reading, outcome.parsed))
        if len(self.pending) >= MAX_BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []  # taken first: a failed save is not tried twice
        if self.store is not None:
            self.store.save_many([self._saving(reading, parsed) for reading, parsed in batch])
        if self.progress is not None:
            for reading, _ in batch:
                self.progress(reading.source)

    def _saving(self, reading: Reading, parsed: str) -> Saving:
        passing = reading.source.message.startswith(_PASSING)
        fingerprint = "" if passing else self.keys.failure
        return Saving(reading.source, reading.workplan, fingerprint, self.keys.settings, parsed,
                      self.keys.parser)  # fmt: skip


def _warm(files: Sequence[tuple[Path, str | None]]) -> None:
    """Import the readers the files need before workers are forked, so each starts with them."""
    for module in {PARSERS[s] for path, _ in files if (s := path.suffix.lower()) in PARSERS}:
        importlib.import_module(module)


def _recall_unhashed(store: Store, failures: Sequence[Reading], key: str) -> frozenset[str]:
    """Of ``failures`` (files failed unread: too large, links), the names that failed so before.

    Such a file is known by its name and message (which says its size, or
    where the link leads); the others are saved to be recalled next time.
    """
    recalled = set()
    for reading in failures:
        source = reading.source
        if key and store.failed_before(source.file, source.message, key):
            recalled.add(source.file)
        else:
            store.save(source, None, fingerprint=key)
    return frozenset(recalled)


def _read_named(
    inbox: Path, settings: Settings, now: datetime, path: Path, digest: str | None
) -> Outcome:
    """``ingest_outcome`` of ``path``, named by its path under ``inbox`` (a worker's reader)."""
    return ingest_outcome(path, settings, now, digest, name=inbox_name(path, inbox))


def own_files(register: Path, state: Path | None, *exports: Path | None) -> list[Path]:
    """The files a run writes (register, state, exports): never documents, even in the inbox."""
    return [register, state or default_state(register), *(p for p in exports if p is not None)]


def _digest(path: Path) -> str | None:
    try:
        return sha256(path)
    except OSError:
        return None


def run(
    inbox: Path,
    register_path: Path,
    settings: Settings,
    *,
    fail_fast: bool = False,
    progress: Progress | None = None,
    csv_path: Path | None = None,
    json_path: Path | None = None,
    state: Path | None = None,
    limits: Limits | None = None,
    exclude: Sequence[str] = (),
    retry_failed: bool = False,
    stop: threading.Event | None = None,
    rebuild: bool = False,
) -> RunResult:
    """Read every document under ``inbox`` and write the register to ``register_path``.

    What was read is kept in the store at ``state`` (default: beside the
    register), so the next run reads only what is new, and documents read
    before stay in the register after their files leave the inbox. The
    newest version of each workplan takes over (``normalise.versions``). With
    ``fail_fast`` the run stops at the first failed file and writes no register.

    A file that failed is remembered by its content, with its message, and is
    not read again until it changes, the tool's version or the settings
    change, or ``retry_failed``; ``RunResult.failed_now`` leaves it out.

    Once ``stop`` is set (Ctrl-C), the run ends between two files, or before
    the register is written, with ``ingest.workers.Stopped``: the documents
    read are kept in the store, the register is left as it was.

    When nothing is new since the last register written (``ingest.unchanged``:
    the same documents, failures, settings, day and files, the workbook not
    saved since), the register is left as it is and ``RunResult.unchanged``
    says so; ``rebuild`` writes it whatever.
    """
    state = state or default_state(register_path)
    outputs = own_files(register_path, state, csv_path, json_path)
    limits = limits or Limits()
    keys = store_keys(settings, limits)
    with Store(state) as store:
        started = store.start_run(datetime.now().replace(microsecond=0))
        survey = survey_inbox(inbox, limits, fail_fast=fail_fast, outputs=outputs, exclude=exclude)
        recalled = recall(store.index(), survey.files, survey.chosen, survey.copies,
                          _recall_keys(keys, retry_failed))  # fmt: skip
        if not rebuild:
            written_files = (register_path, csv_path, json_path)
            quiet = _nothing_new(store, survey, recalled, keys, written_files, retry_failed=retry_failed,
                                 fail_fast=fail_fast, progress=progress)  # fmt: skip
            if quiet is not None:
                failed = sum(1 for s in quiet.sources if s.result == "Failed")
                store.finish_run(started, len(quiet.sources), failed)
                return quiet
        scan = scan_inbox(
            inbox, settings, fail_fast=fail_fast, progress=progress, store=store, limits=limits,
            outputs=outputs, exclude=exclude, keys=keys, retry_failed=retry_failed,
            stop=stop, survey=survey, recalled=recalled,
        )  # fmt: skip
        readings = scan.readings
        kept, again = refreshed(
            store, {r.source.sha256 for r in readings}, settings, keys, limits,
            datetime.now().replace(microsecond=0),
        )  # fmt: skip
        fingerprint = inputs_fingerprint(
            readings, keys.settings, date.today(), (register_path, csv_path, json_path), kept
        )
        readings += kept
        files = (csv_path, json_path)
        last = store.last_output()
        if not rebuild and still_current(last, fingerprint, register_path, files):
            assert last is not None
            failed = sum(1 for r in readings if r.source.result == "Failed")
            store.finish_run(started, len(readings), failed)
            return RunResult(
                register_path, tuple(r.source for r in readings), last.actions,
                parsed=scan.parsed, remembered=scan.remembered, unchanged=True,
            )  # fmt: skip
        # imported when a register is written: a run with nothing new never needs the writer
        from normalise import build_register
        from output.edits import current_edits, to_json
        from output.excel import write_register

        register = build_register(readings, settings)
        if stop is not None and stop.is_set():
            raise Stopped
        edits = current_edits(register_path, store.edits())  # the analysts' work, carried over
        written = write_register(register, register_path, edits=edits)
        store.save_edits(to_json(edits, written.conflicts))
        made = stamp(written.path)
        if written.locked or made is None:
            store.forget_output()  # written elsewhere: the next run writes it again
        else:
            size, mtime_ns = made
            output = Output(fingerprint, str(register_path), size, mtime_ns, len(register.actions))
            store.save_output(output)
        store.save_leads(started, register.leads)
        failed = sum(1 for r in readings if r.source.result == "Failed")
        store.finish_run(started, len(readings), failed)
    if csv_path is not None or json_path is not None:
        from output.exports import write_actions_csv, write_actions_json

        if csv_path is not None:
            write_actions_csv(register.actions, csv_path, edits)
        if json_path is not None:
            write_actions_json(register.actions, json_path, edits)
    return RunResult(
        written.path, register.sources, len(register.actions), written.locked, written.note,
        scan.parsed, scan.remembered, written.conflicts, scan.renormalised + again,
    )  # fmt: skip


def _nothing_new(
    store: Store,
    survey: Survey,
    recalled: Recalled,
    keys: Keys,
    written: tuple[Path, Path | None, Path | None],
    *,
    retry_failed: bool,
    fail_fast: bool,
    progress: Progress | None,
) -> RunResult | None:
    """The run's result when nothing is new since the last register, decided before any actions load.

    ``None`` when the run has work to do: a file to read, a document to
    normalise again, a failure to remember, or a register to write
    (``ingest.unchanged``). Else the sources are those a full run would
    give (``recall`` makes them as ``complete`` does, without the actions),
    reported to ``progress`` in the same order, and nothing is written.
    """
    if recalled.stale or (fail_fast and survey.too_big):
        return None
    readings = dict(recalled.readings)
    if any(p not in readings for p in survey.chosen):
        return None  # something to read
    files, links = survey.files, survey.links
    for position, why in survey.too_big.items():
        readings[position] = failed(files[position].path, files[position].name, "", why, survey.now)
    key = "" if retry_failed else keys.failure
    unhashed = [readings[p].source for p in survey.too_big] + [r.source for r in links]
    if any(not key or not store.failed_before(s.file, s.message, key) for s in unhashed):
        return None  # a failure to remember
    sources = [readings[p] for p in range(len(files))] + links
    index = store.index()
    besides = {r.source.sha256 for r in sources}
    if not held_settled(store, index, besides, keys):
        return None  # a document kept from an earlier run to normalise again
    kept = [Reading(s.record) for s in held_records(index, besides)]
    register, *exports = written
    fingerprint = inputs_fingerprint(sources, keys.settings, date.today(), written, kept)
    last = store.last_output()
    if not still_current(last, fingerprint, register, exports):
        return None
    assert last is not None
    if progress is not None:
        for reading in links:
            progress(reading.source)
        for position in sorted(readings):
            progress(readings[position].source)
    remembered = {files[p].name for p in recalled.readings if readings[p].source.result == "Failed"}
    return RunResult(
        register, tuple(r.source for r in sources + kept), last.actions,
        remembered=frozenset(remembered | {s.file for s in unhashed}), unchanged=True,
    )  # fmt: skip
