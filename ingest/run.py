"""The batch run: inbox -> parse -> normalise -> register, one file's failure at a time.

A run never dies on one document: each file ends as a ``SourceRecord`` with
its result (``Ingested`` or ``Failed``) and message; the register is written
after every file has been tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ingest.discover import discover, sha256
from ingest.store import Store, default_state
from normalise import Settings, build_register, normalise_document
from normalise.model import Register, SourceRecord, Workplan
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
) -> tuple[SourceRecord, Workplan | None]:
    """Parse and normalise one file; a bad file gives a ``Failed`` record, never an exception."""
    fmt = path.suffix.lower().lstrip(".")
    try:
        digest = digest or sha256(path)
    except OSError as e:
        return SourceRecord(
            path.name,
            "",
            fmt,
            None,
            "",
            "",
            0,
            "Failed",
            f"cannot be read ({e.strerror})",
            now,
            str(path),
        ), None
    try:
        raw = parse(path)
        workplan = normalise_document(raw, settings)
    except DocumentError as e:
        return SourceRecord(
            path.name, digest, fmt, None, "", "", 0, "Failed", e.problem, now, str(path)
        ), None
    except Exception as e:  # a bug must not lose the rest of the batch
        log.exception("unexpected error reading %s", path)
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return SourceRecord(
            path.name, digest, fmt, None, "", "", 0, "Failed", message, now, str(path)
        ), None
    message = "; ".join(workplan.notes)
    record = SourceRecord(
        path.name,
        digest,
        raw.format,
        raw.pages or None,
        workplan.title,
        workplan.period,
        len(workplan.actions),
        "Ingested",
        message,
        now,
        str(path),
    )
    return record, workplan


def read_inbox(
    inbox: Path,
    settings: Settings,
    *,
    fail_fast: bool = False,
    progress: Progress | None = None,
    store: Store | None = None,
) -> tuple[list[SourceRecord], list[Workplan]]:
    """Parse and normalise every document under ``inbox``: a record for each, the workplans read.

    With a ``store``, a file whose content was read before (same SHA-256, any
    name) is ``Unchanged``: its actions come from the store, unparsed; every
    new result is saved there. With ``fail_fast`` the first failed file raises
    its ``DocumentError``.
    """
    if not inbox.is_dir():
        raise DocumentError(inbox, "inbox folder not found: create it or pass --inbox")
    now = datetime.now().replace(microsecond=0)
    sources: list[SourceRecord] = []
    workplans: list[Workplan] = []
    for path in discover(inbox):
        known = None
        digest = None
        workplan: Workplan | None
        if store is not None:
            try:
                digest = sha256(path)
            except OSError:
                digest = None
            known = store.known(digest) if digest else None
        if known is not None:
            stored, workplan = known
            message = "" if stored.file == path.name else f"read before as {stored.file}"
            record: SourceRecord = replace(
                stored, file=path.name, path=str(path), result="Unchanged", message=message
            )
        else:
            record, read = ingest_file(path, settings, now, digest)
            workplan = read
            if store is not None:
                store.save(record, workplan)
        sources.append(record)
        if progress is not None:
            progress(record)
        if workplan is not None:
            workplans.append(workplan)
        elif fail_fast:
            raise DocumentError(path, record.message)
    return sources, workplans


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
) -> RunResult:
    """Read every document under ``inbox`` and write the register to ``register_path``.

    What was read is kept in the store at ``state`` (default: beside the
    register), so the next run reads only what is new. With ``fail_fast`` the
    run stops at the first failed file and writes no register.
    """
    with Store(state or default_state(register_path)) as store:
        started = store.start_run(datetime.now().replace(microsecond=0))
        sources, workplans = read_inbox(
            inbox, settings, fail_fast=fail_fast, progress=progress, store=store
        )
        register: Register = build_register(workplans, sources, settings)
        written = write_register(register, register_path)
        store.finish_run(started, len(sources), sum(1 for s in sources if s.result == "Failed"))
    if csv_path is not None:
        write_actions_csv(register.actions, csv_path)
    if json_path is not None:
        write_actions_json(register.actions, json_path)
    return RunResult(written.path, tuple(sources), len(register.actions), written.locked)
