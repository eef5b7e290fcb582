"""The batch run: inbox -> parse -> normalise -> register, one file's failure at a time.

A run never dies on one document: each file ends as a ``SourceRecord`` with
its result (``Ingested`` or ``Failed``) and message; the register is written
after every file has been tried.

A document is known by its path under the inbox (``teamA/workplan.docx``),
shown with U+FFFD for bytes of its name that are not UTF-8, and by the
SHA-256 of the bytes that were parsed, never of an earlier look at the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ingest.copies import (
    DocumentFile,
    as_named,
    choose,
    copy_of,
    inbox_name,
    labelled,
    read_for,
    unchanged,
)
from ingest.discover import discover, sha256
from ingest.state_errors import shown
from ingest.store import Store, default_state
from ingest.workers import Limits, failed_record, read_files, too_large
from normalise import Settings, build_register, normalise_document
from normalise.model import Reading, Register, SourceRecord, Workplan
from output.excel import write_register
from output.exports import write_actions_csv, write_actions_json
from parsers import parse
from parsers.errors import DocumentError

log = logging.getLogger(__name__)

Progress = Callable[[SourceRecord], None]

CHANGED = "changed while it was being read: it may still be saving; the next run reads it again"


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did: where the register is and what became of each file."""

    register: Path
    sources: tuple[SourceRecord, ...]
    actions: int
    locked: bool = False
    note: str = ""

    @property
    def failed(self) -> tuple[SourceRecord, ...]:
        """The files that could not be read."""
        return tuple(s for s in self.sources if s.result == "Failed")


def ingest_file(
    path: Path,
    settings: Settings,
    now: datetime,
    digest: str | None = None,
    *,
    name: str | None = None,
) -> Reading:
    """Parse and normalise one file; a bad file gives a ``Failed`` record, never an exception.

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
            return _failed(path, name, "", f"cannot be read ({e.strerror})", now)
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
    return _failed(path, name, before.sha256, CHANGED, now)


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
) -> Reading:
    """One read of ``path`` as it was at ``snapshot``: its workplan, or why it failed."""
    try:
        raw = parse(path)
        # a document with no title is named after its file: a name that is not UTF-8 is shown
        raw = replace(raw, path=shown(raw.path))
        workplan = normalise_document(raw, settings)
    except DocumentError as e:
        return _failed(path, name, snapshot.sha256, e.problem, now)
    except MemoryError:
        raise  # not a bug: the worker names it ("too large to read: it ran out of memory")
    except Exception as e:  # a bug must not lose the rest of the batch
        log.exception("unexpected error reading %s", path)
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return _failed(path, name, snapshot.sha256, message, now)
    record = SourceRecord(
        name,
        snapshot.sha256,
        raw.format,
        raw.pages or None,
        workplan.title,
        workplan.period,
        len(workplan.actions),
        "Ingested",
        "; ".join(workplan.notes),
        now,
        shown(str(path)),
        raw.modified,
        snapshot.file_time,
    )
    return Reading(record, labelled(workplan, name))


def _failed(path: Path, name: str, digest: str, message: str, now: datetime) -> Reading:
    record = failed_record(path, digest, message, now)
    return Reading(replace(record, file=name, path=shown(str(path)), message=shown(message)))


def read_inbox(
    inbox: Path,
    settings: Settings,
    *,
    fail_fast: bool = False,
    progress: Progress | None = None,
    store: Store | None = None,
    limits: Limits | None = None,
    outputs: Collection[Path] = (),
) -> list[Reading]:
    """Parse and normalise every document under ``inbox``: a reading for each, in inbox order.

    A document is known by its path under the inbox (``teamA/workplan.docx``),
    in its ``Sources`` row and its actions' ``Source``. With a ``store``, a
    file whose content was read before (same SHA-256, any name) is
    ``Unchanged``: its actions come from the store, unparsed; every new
    result is saved there as it arrives. Files are read in worker processes
    under ``limits`` (``ingest.workers``). Of several files with the same
    content one is read, one whose suffix a parser reads and matches its
    content where there is one (``plan.docx``, not ``plan.docx.bak``); both
    rows say which. With ``fail_fast`` the first failed file raises its
    ``DocumentError``. ``outputs`` are the run's own files, skipped should
    they sit in the inbox.
    """
    if not inbox.is_dir():
        raise DocumentError(inbox, "inbox folder not found: create it or pass --inbox")
    now = datetime.now().replace(microsecond=0)
    limits = limits or Limits()
    skipped: list[tuple[Path, str]] = []
    paths = list(discover(inbox, outputs, skipped=lambda path, why: skipped.append((path, why))))
    links = [_failed(path, inbox_name(path, inbox), "", why, now) for path, why in skipped]
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
    readings = _from_store(store, files, chosen, copies) if store is not None else {}
    for position, why in too_big.items():
        readings[position] = _failed(paths[position], files[position].name, "", why, now)
    stored = set(readings)
    to_read = [p for p in chosen if p not in stored]
    if progress is not None:
        for reading in links:
            progress(reading.source)
        for position in sorted(stored):
            progress(readings[position].source)
    if fail_fast and too_big:
        first = min(too_big)
        raise DocumentError(paths[first], too_big[first])

    def read(path: Path, digest: str | None) -> Reading:
        return ingest_file(path, settings, now, digest, name=inbox_name(path, inbox))

    pairs = [(files[p].path, files[p].digest) for p in to_read]
    results = read_files(pairs, read, limits, now)
    try:
        for index, reading in results:
            position = to_read[index]
            reading = as_named(reading, files[position])
            if store is not None:
                store.save(reading.source, reading.workplan)
            readings[position] = reading
            if progress is not None:
                progress(reading.source)
            if reading.workplan is None and fail_fast:
                raise DocumentError(Path(reading.source.path), reading.source.message)
    finally:
        results.close()  # stops the other readers when fail_fast ends the loop
    for position, original in copies.items():
        if position not in stored:
            readings[position] = copy_of(readings[original], files[position])
            if progress is not None:
                progress(readings[position].source)
    for original in set(copies.values()) - stored:
        shared = [files[p].name for p, o in copies.items() if o == original]
        readings[original] = read_for(readings[original], shared)
    return [readings[p] for p in range(len(paths))] + links


def _from_store(
    store: Store, files: Sequence[DocumentFile], chosen: Sequence[int], copies: Mapping[int, int]
) -> dict[int, Reading]:
    """The files (positions in ``files``) whose content ``store`` holds: ``Unchanged``, unparsed.

    ``chosen`` and ``copies`` are as ``choose`` gives them: the actions of
    one content name the file chosen of those that have it.
    """
    out: dict[int, Reading] = {}
    known: dict[int, tuple[SourceRecord, Workplan]] = {}
    for position in chosen:
        digest = files[position].digest
        found = store.known(digest) if digest else None
        if found is not None:
            known[position] = found
            out[position] = unchanged(found, files[position], files[position].name)
    for position, original in copies.items():
        if original in known:
            out[position] = unchanged(known[original], files[position], files[original].name)
    return out


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
) -> RunResult:
    """Read every document under ``inbox`` and write the register to ``register_path``.

    What was read is kept in the store at ``state`` (default: beside the
    register), so the next run reads only what is new, and documents read
    before stay in the register after their files leave the inbox. The
    newest version of each workplan takes over (``normalise.versions``). With
    ``fail_fast`` the run stops at the first failed file and writes no register.
    """
    state = state or default_state(register_path)
    outputs = own_files(register_path, state, csv_path, json_path)
    with Store(state) as store:
        started = store.start_run(datetime.now().replace(microsecond=0))
        readings = read_inbox(
            inbox, settings, fail_fast=fail_fast, progress=progress, store=store, limits=limits,
            outputs=outputs,
        )  # fmt: skip
        readings += store.held(besides={r.source.sha256 for r in readings})
        register: Register = build_register(readings, settings)
        written = write_register(register, register_path)
        store.save_leads(started, register.leads)
        failed = sum(1 for r in readings if r.source.result == "Failed")
        store.finish_run(started, len(readings), failed)
    if csv_path is not None:
        write_actions_csv(register.actions, csv_path)
    if json_path is not None:
        write_actions_json(register.actions, json_path)
    return RunResult(
        written.path, register.sources, len(register.actions), written.locked, written.note
    )
