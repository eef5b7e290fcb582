"""The batch run: inbox -> parse -> normalise -> register, one file's failure at a time.

A run never dies on one document: each file ends as a ``SourceRecord`` with
its result (``Ingested`` or ``Failed``) and message; the register is written
after every file has been tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ingest.discover import discover, sha256
from ingest.store import Store, default_state
from ingest.workers import Limits, failed_record, read_files
from normalise import Settings, build_register, normalise_document
from normalise.model import Reading, Register, SourceRecord
from output.excel import write_register
from output.exports import write_actions_csv, write_actions_json
from parsers import parse
from parsers.errors import DocumentError

log = logging.getLogger(__name__)

Progress = Callable[[SourceRecord], None]


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did: where the register is and what became of each file."""

    register: Path
    sources: tuple[SourceRecord, ...]
    actions: int
    locked: bool = False

    @property
    def failed(self) -> tuple[SourceRecord, ...]:
        """The files that could not be read."""
        return tuple(s for s in self.sources if s.result == "Failed")


def ingest_file(
    path: Path, settings: Settings, now: datetime, digest: str | None = None
) -> Reading:
    """Parse and normalise one file; a bad file gives a ``Failed`` record, never an exception."""
    try:
        digest = digest or sha256(path)
        file_time = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
    except OSError as e:
        return Reading(failed_record(path, "", f"cannot be read ({e.strerror})", now))
    try:
        raw = parse(path)
        workplan = normalise_document(raw, settings)
    except DocumentError as e:
        return Reading(failed_record(path, digest, e.problem, now))
    except Exception as e:  # a bug must not lose the rest of the batch
        log.exception("unexpected error reading %s", path)
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return Reading(failed_record(path, digest, message, now))
    record = SourceRecord(
        path.name,
        digest,
        raw.format,
        raw.pages or None,
        workplan.title,
        workplan.period,
        len(workplan.actions),
        "Ingested",
        "; ".join(workplan.notes),
        now,
        str(path),
        raw.modified,
        file_time,
    )
    return Reading(record, workplan)


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

    With a ``store``, a file whose content was read before (same SHA-256, any
    name) is ``Unchanged``: its actions come from the store, unparsed; every
    new result is saved there as it arrives. Files are read in worker
    processes under ``limits`` (``ingest.workers``); a second file with the
    same content as one read in this run is not read twice. With
    ``fail_fast`` the first failed file raises its ``DocumentError``.
    ``outputs`` are the run's own files, skipped should they sit in the inbox.
    """
    if not inbox.is_dir():
        raise DocumentError(inbox, "inbox folder not found: create it or pass --inbox")
    now = datetime.now().replace(microsecond=0)
    paths = list(discover(inbox, outputs))
    readings: dict[int, Reading] = {}
    to_read: list[tuple[Path, str | None]] = []
    positions: list[int] = []
    copies: dict[int, int] = {}  # position -> position of the first file with its content
    first: dict[str, int] = {}
    for position, path in enumerate(paths):
        digest = _digest(path)
        known = store.known(digest) if store is not None and digest else None
        if known is not None:
            stored, workplan = known
            message = "" if stored.file == path.name else f"read before as {stored.file}"
            record = _as_file(stored, path, "Unchanged", message)
            readings[position] = Reading(record, workplan)
            if progress is not None:
                progress(record)
        elif digest and digest in first:
            copies[position] = first[digest]
        else:
            if digest:
                first[digest] = position
            to_read.append((path, digest))
            positions.append(position)

    def read(path: Path, digest: str | None) -> Reading:
        return ingest_file(path, settings, now, digest)

    results = read_files(to_read, read, limits or Limits(), now)
    try:
        for index, reading in results:
            if store is not None:
                store.save(reading.source, reading.workplan)
            readings[positions[index]] = reading
            if progress is not None:
                progress(reading.source)
            if reading.workplan is None and fail_fast:
                raise DocumentError(Path(reading.source.path), reading.source.message)
    finally:
        results.close()  # stops the other readers when fail_fast ends the loop
    for position, original in copies.items():
        source = readings[original].source
        result = "Failed" if source.result == "Failed" else "Unchanged"
        note = "; ".join(m for m in (f"same content as {source.file}", source.message) if m)
        record = _as_file(source, paths[position], result, note)
        readings[position] = replace(readings[original], source=record)
        if progress is not None:
            progress(record)
    return [readings[p] for p in range(len(paths))]


def _as_file(source: SourceRecord, path: Path, result: str, message: str) -> SourceRecord:
    """``source``'s content as found at ``path`` in this run."""
    return replace(source, file=path.name, path=str(path), result=result, message=message)


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
    return RunResult(written.path, register.sources, len(register.actions), written.locked)
