"""The register's memory between runs: an embedded SQLite store that ``ingest`` owns.

Each document read is kept with its SHA-256, dates, result and, when read,
its normalised actions (review records inside them), so a file seen before is
``Unchanged`` and not parsed again, and the register (every version of every
workplan, History included) is rebuilt from here. The last run's resolved
leads are kept too. The schema is versioned; migrations run at start-up. Each
document is saved in one transaction, so a run killed half-way never leaves
half a document.

Whatever goes wrong with the file once it is open (a damaged page, a table
dropped by hand, a full disk) is raised as a ``StateError`` naming the file
and SQLite's own words, never as a bare ``sqlite3`` error.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ingest.state_errors import StateError, primary, refuse_empty, shown, state_error, state_errors
from normalise.model import (
    Action,
    LeadRecord,
    Reading,
    Repair,
    SourceRecord,
    Status,
    Timeframe,
    TimeframeType,
    Workplan,
)

log = logging.getLogger(__name__)

# Each entry takes the schema from version n - 1 to n; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        file TEXT NOT NULL,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        pages INTEGER,
        workplan_key TEXT NOT NULL DEFAULT '',
        workplan TEXT NOT NULL DEFAULT '',
        period TEXT NOT NULL DEFAULT '',
        subgroup TEXT NOT NULL DEFAULT '',
        abbreviation TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '[]',
        review TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL,
        result TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX documents_sha ON documents (sha256);
    CREATE TABLE actions (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        register_id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        files INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
    );
    """,
    """
    ALTER TABLE documents ADD COLUMN modified TEXT;
    ALTER TABLE documents ADD COLUMN file_modified TEXT;
    UPDATE documents SET file_modified = ingested_at;
    CREATE TABLE leads (
        lead TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        written_as TEXT NOT NULL DEFAULT '[]',
        actions INTEGER NOT NULL DEFAULT 0,
        workplans INTEGER NOT NULL DEFAULT 0,
        run_id INTEGER REFERENCES runs (id)
    );
    """,
)


def default_state(register: Path) -> Path:
    """The store's place by default: beside the register (``register.xlsx`` -> ``register.sqlite``)."""
    return register.with_suffix(".sqlite")


class Store:
    """The SQLite store; use as a context manager, or call ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        refuse_empty(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.Error as e:
            if primary(e) != "SQLITE_NOTADB":  # a damaged store, a full disk
                raise state_error(path, e) from e
            raise StateError(
                f"{path}: not a Workplan Register state file ({e}); move it away or pass --state"
            ) from e

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StateError(
                f"{self.path}: written by a newer Workplan Register (schema {current})"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            self._db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
            log.info("state %s: schema now at version %d", self.path, number)

    @state_errors
    def start_run(self, now: datetime) -> int:
        cursor = self._db.execute("INSERT INTO runs (started_at) VALUES (?)", (now.isoformat(),))
        return int(cursor.lastrowid or 0)

    @state_errors
    def finish_run(self, run: int, files: int, failed: int) -> None:
        self._db.execute(
            "UPDATE runs SET finished_at = ?, files = ?, failed = ? WHERE id = ?",
            (datetime.now().isoformat(timespec="seconds"), files, failed, run),
        )

    @state_errors
    def known(self, sha256: str) -> tuple[SourceRecord, Workplan] | None:
        """The document read before with this content (any name), with its actions."""
        row = self._db.execute(
            "SELECT * FROM documents WHERE sha256 = ? AND result = 'Ingested' ORDER BY id DESC LIMIT 1",
            (sha256,),
        ).fetchone()
        if row is None:
            return None
        return _record(self._db, row), _workplan(self._db, row)

    @state_errors
    def save(self, record: SourceRecord, workplan: Workplan | None) -> None:
        """Keep one document's result and actions, all or nothing."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO documents (sha256, file, path, format, pages, workplan_key, workplan, period, subgroup,"
                " abbreviation, notes, review, ingested_at, result, message, modified, file_modified)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    record.sha256,
                    shown(record.file),
                    shown(record.path),
                    record.format,
                    record.pages,
                    shown(workplan.key) if workplan else "",
                    shown(record.workplan),
                    shown(record.period),
                    shown(workplan.subgroup) if workplan else "",
                    shown(workplan.abbreviation) if workplan else "",
                    json.dumps(list(workplan.notes) if workplan else []),
                    json.dumps([asdict(r) for r in workplan.review] if workplan else []),
                    record.ingested_at.isoformat(),
                    record.result,
                    shown(record.message),
                    _iso(record.modified),
                    _iso(record.file_modified),
                ),
            )
            if workplan is not None:
                self._db.executemany(
                    "INSERT INTO actions (document_id, position, register_id, data) VALUES (?, ?, ?, ?)",
                    [
                        (cursor.lastrowid, k, shown(a.register_id), json.dumps(action_dict(a)))
                        for k, a in enumerate(workplan.actions)
                    ],
                )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One all-or-nothing write.

        A ROLLBACK that fails never hides why the write failed: on a full
        disk SQLite may have ended the transaction itself ("cannot rollback -
        no transaction is active").
        """
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            raise

    @state_errors
    def held(self, besides: Collection[str] = ()) -> list[Reading]:
        """Every document read in an earlier run whose SHA-256 is not in ``besides``.

        These are versions the register keeps although their files are no
        longer in the inbox; each comes back ``Unchanged``, saying so.
        """
        rows = self._db.execute(
            "SELECT * FROM documents WHERE result = 'Ingested' AND id IN"
            " (SELECT MAX(id) FROM documents WHERE result = 'Ingested' GROUP BY sha256) ORDER BY id"
        ).fetchall()
        out = []
        for row in rows:
            record = _record(self._db, row)
            if record.sha256 in besides:
                continue
            message = f"not in the inbox now; kept from {record.path}"
            out.append(
                Reading(
                    replace(record, result="Unchanged", message=message),
                    _workplan(self._db, row),
                )
            )
        return out

    @state_errors
    def save_leads(self, run: int, leads: Sequence[LeadRecord]) -> None:
        """Keep the run's resolved leads (the ``Leads`` sheet), replacing the last run's."""
        with self._transaction():
            self._db.execute("DELETE FROM leads")
            self._db.executemany(
                "INSERT INTO leads (lead, kind, organisation, written_as, actions, workplans, run_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.lead,
                        r.kind,
                        r.organisation,
                        json.dumps(list(r.written_as)),
                        r.actions,
                        r.workplans,
                        run,
                    )
                    for r in leads
                ],
            )

    @state_errors
    def leads(self) -> list[LeadRecord]:
        """The resolved leads of the last run that wrote a register."""
        return [
            LeadRecord(lead, kind, organisation, tuple(json.loads(written)), actions, workplans)
            for lead, kind, organisation, written, actions, workplans in self._db.execute(
                "SELECT lead, kind, organisation, written_as, actions, workplans FROM leads"
                " ORDER BY rowid"
            )
        ]

    @state_errors
    def counts(self) -> dict[str, int]:
        """How many documents, actions, runs and resolved leads the store holds."""
        return {
            t: int(self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in ("documents", "actions", "runs", "leads")
        }


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _columns(db: sqlite3.Connection) -> list[str]:
    return [r[1] for r in db.execute("PRAGMA table_info(documents)")]


def _record(db: sqlite3.Connection, row: tuple[Any, ...]) -> SourceRecord:
    d = dict(zip(_columns(db), row, strict=True))
    return SourceRecord(d["file"], d["sha256"], d["format"], d["pages"], d["workplan"], d["period"],
                        int(db.execute("SELECT COUNT(*) FROM actions WHERE document_id = ?", (d["id"],)).fetchone()[0]),
                        d["result"], d["message"], datetime.fromisoformat(d["ingested_at"]), d["path"],
                        _when(d["modified"]), _when(d["file_modified"]))  # fmt: skip


def _workplan(db: sqlite3.Connection, row: tuple[Any, ...]) -> Workplan:
    d = dict(zip(_columns(db), row, strict=True))
    actions = tuple(
        action_from_dict(json.loads(data))
        for (data,) in db.execute(
            "SELECT data FROM actions WHERE document_id = ? ORDER BY position", (d["id"],)
        )
    )
    review = tuple(Repair(**r) for r in json.loads(d["review"]))
    return Workplan(d["workplan"], d["period"], d["workplan_key"], actions, tuple(json.loads(d["notes"])),
                    d["subgroup"], d["abbreviation"], review)  # fmt: skip


def action_dict(action: Action) -> dict[str, Any]:
    """An action as JSON-ready values."""
    data = asdict(action)
    data["timeframe"]["type"] = action.timeframe.type.value
    data["timeframe"]["due"] = action.timeframe.due.isoformat() if action.timeframe.due else None
    data["status"] = action.status.value if action.status else None
    return data


def action_from_dict(data: dict[str, Any]) -> Action:
    """The inverse of ``action_dict``."""
    tf = data["timeframe"]
    timeframe = Timeframe(
        tf["as_written"],
        TimeframeType(tf["type"]),
        date.fromisoformat(tf["due"]) if tf["due"] else None,
    )
    return Action(
        **{
            k: v
            for k, v in data.items()
            if k not in ("timeframe", "status", "review", "themes", "lead", "support")
        },
        themes=tuple(data["themes"]),
        lead=tuple(data["lead"]),
        support=tuple(data["support"]),
        timeframe=timeframe,
        status=Status(data["status"]) if data["status"] else None,
        review=tuple(Repair(**r) for r in data["review"]),
    )
