"""The register's memory between runs: an embedded SQLite store that ``ingest`` owns.

Each document read is kept with its SHA-256, dates, result and, when read,
its normalised actions (review records inside them), so a file seen before is
``Unchanged`` and not parsed again, and the register (every version of every
workplan, History included) is rebuilt from here. The last run's resolved
leads are kept too. The schema is versioned; migrations run at start-up. The
documents a run reads are saved in one transaction per batch (those that came
in together, ``save_many``), each whole, so a run killed half-way never
leaves half a document, and a document reported saved is saved.

What a run needs to know before it reads anything (which contents were read,
failed, and under which settings) is one query (``index``); actions are
loaded only for the documents a register is built from (``workplans``).

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
from dataclasses import asdict, dataclass, fields, is_dataclass, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from ingest.state_errors import StateError, primary, refuse_empty, shown, state_error, state_errors
from ingest.unchanged import Output
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
    """
    ALTER TABLE documents ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN settings_key TEXT NOT NULL DEFAULT '';
    CREATE TABLE parsed (
        sha256 TEXT PRIMARY KEY,
        parser TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
)


# SQLite's rollback journal, deleted at each commit: works wherever the file can be
# locked, network shares (SMB, NFS) included; WAL needs memory shared between readers.
JOURNAL_MODE = "DELETE"


# The documents table's columns, named: a row is read by name, not by position.
_DOCUMENT = (
    "id, sha256, file, path, format, pages, workplan_key, workplan, period, subgroup,"
    " abbreviation, notes, review, ingested_at, result, message, modified, file_modified,"
    " fingerprint, settings_key"
)
# A document's row with the number of its actions: all a ``SourceRecord`` needs.
_RECORD = f"{_DOCUMENT}, (SELECT COUNT(*) FROM actions WHERE document_id = documents.id) AS actions"
# Documents asked for in one query: well under SQLite's limit of parameters.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Stored:
    """One stored row of a document: its id, its record, and the keys it was saved under.

    ``fingerprint`` is what a failure is remembered under, ``settings_key`` what
    the actions were normalised under (``ingest.recall.Keys``).
    """

    id: int
    record: SourceRecord
    fingerprint: str
    settings_key: str


@dataclass(frozen=True, slots=True)
class Index:
    """Each content's last row (``latest``) and last row that was read (``ingested``), by SHA-256."""

    latest: dict[str, Stored]
    ingested: dict[str, Stored]


@dataclass(frozen=True, slots=True)
class Saving:
    """One document on its way into the store (``Store.save``'s arguments)."""

    record: SourceRecord
    workplan: Workplan | None
    fingerprint: str = ""
    settings_key: str = ""
    parsed: str = ""
    parser: str = ""


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
            # Not WAL: its shared memory does not work on the network shares inboxes live on.
            self._db.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
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
        rows = self._rows(
            f"SELECT {_RECORD} FROM documents WHERE sha256 = ? AND result = 'Ingested'"
            " ORDER BY id DESC LIMIT 1",
            (sha256,),
        )
        if not rows:
            return None
        return _record(rows[0]), self.workplans([rows[0]["id"]])[rows[0]["id"]]

    @state_errors
    def index(self) -> Index:
        """What the store holds of each content, without any actions: one query.

        ``latest`` is each content's last row, whatever became of it (a
        failure remembered is the last row); ``ingested`` its last row that was read.
        """
        rows = self._rows(
            f"SELECT {_RECORD} FROM documents WHERE id IN (SELECT MAX(id) FROM documents GROUP BY"
            " sha256 UNION SELECT MAX(id) FROM documents WHERE result = 'Ingested' GROUP BY"
            " sha256) ORDER BY id"
        )
        latest: dict[str, Stored] = {}
        ingested: dict[str, Stored] = {}
        for row in rows:
            stored = Stored(row["id"], _record(row), row["fingerprint"], row["settings_key"])
            latest[stored.record.sha256] = stored  # ordered by id: the last row wins
            if stored.record.result == "Ingested":
                ingested[stored.record.sha256] = stored
        return Index(latest, ingested)

    @state_errors
    def workplans(self, ids: Collection[int]) -> dict[int, Workplan]:
        """The workplans of the stored documents ``ids`` (as ``Stored.id``), with their actions."""
        out: dict[int, Workplan] = {}
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            actions: dict[int, list[Action]] = {i: [] for i in chunk}
            for document, data in self._db.execute(
                f"SELECT document_id, data FROM actions WHERE document_id IN ({marks})"
                " ORDER BY document_id, position",
                chunk,
            ):
                actions[document].append(action_from_dict(json.loads(data)))
            for row in self._rows(
                f"SELECT {_DOCUMENT} FROM documents WHERE id IN ({marks})", chunk
            ):
                out[row["id"]] = _workplan(row, tuple(actions[row["id"]]))
        return out

    @state_errors
    def failed_before(self, file: str, message: str, fingerprint: str) -> bool:
        """Whether ``file``, not hashed (too large, a link), failed so last time, under ``fingerprint``."""
        row = self._db.execute(
            "SELECT result, message, fingerprint FROM documents WHERE file = ? AND sha256 = ''"
            " ORDER BY id DESC LIMIT 1",
            (shown(file),),
        ).fetchone()
        return row is not None and tuple(row) == ("Failed", shown(message), fingerprint)

    @state_errors
    def parsed(self, sha256: str, parser: str) -> str | None:
        """The parsed form of this content as JSON, if kept and made by this ``parser`` version."""
        row = self._db.execute(
            "SELECT data FROM parsed WHERE sha256 = ? AND parser = ?", (sha256, parser)
        ).fetchone()
        return str(row[0]) if row else None

    @state_errors
    def parsed_contents(self, parser: str) -> set[str]:
        """The contents (SHA-256) whose parsed form made by this ``parser`` version is kept."""
        return {
            str(sha)
            for (sha,) in self._db.execute("SELECT sha256 FROM parsed WHERE parser = ?", (parser,))
        }

    def save(
        self,
        record: SourceRecord,
        workplan: Workplan | None,
        *,
        fingerprint: str = "",
        settings_key: str = "",
        parsed: str = "",
        parser: str = "",
    ) -> None:
        """Keep one document's result and actions, all or nothing.

        ``fingerprint`` (the tool's version and settings) is what a failure is
        remembered under: a failed file is not read again until it changes.
        ``settings_key`` is what the actions were normalised under; ``parsed``
        (the parsed form as JSON, from the ``parser`` version) is kept by
        content, so new settings need no parse.
        """
        self.save_many([Saving(record, workplan, fingerprint, settings_key, parsed, parser)])

    @state_errors
    def save_many(self, documents: Sequence[Saving]) -> None:
        """Keep several documents' results and actions (as ``save``) in one transaction: all or none."""
        if not documents:
            return
        with self._transaction():
            for document in documents:
                self._insert(document)

    def _insert(self, document: Saving) -> None:
        record, workplan = document.record, document.workplan
        cursor = self._db.execute(
            "INSERT INTO documents (sha256, file, path, format, pages, workplan_key, workplan, period, subgroup,"
            " abbreviation, notes, review, ingested_at, result, message, modified, file_modified,"
            " fingerprint, settings_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                document.fingerprint,
                document.settings_key,
            ),
        )
        if document.parsed and document.parser:
            self._db.execute(
                "INSERT OR REPLACE INTO parsed (sha256, parser, data) VALUES (?, ?, ?)",
                (record.sha256, document.parser, document.parsed),
            )
        if workplan is not None:
            self._db.executemany(
                "INSERT INTO actions (document_id, position, register_id, data) VALUES (?, ?, ?, ?)",
                [
                    (cursor.lastrowid, k, shown(a.register_id), json.dumps(action_dict(a)))
                    for k, a in enumerate(workplan.actions)
                ],
            )

    def _rows(self, sql: str, parameters: Sequence[object] = ()) -> list[sqlite3.Row]:
        cursor = self._db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, parameters).fetchall()

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
        kept = held_records(self.index(), besides)
        workplans = self.workplans([stored.id for stored in kept])
        return [Reading(stored.record, workplans[stored.id]) for stored in kept]

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
    def save_edits(self, data: str) -> None:
        """Keep the analysts' edits (``output.edits.to_json``), replacing the last run's.

        Their own table, made when first needed: the register's edits are
        analysts' work, not something a document gives.
        """
        with self._transaction():
            self._db.execute(_EDITS_TABLE)
            self._db.execute(
                "INSERT OR REPLACE INTO analyst_edits (id, data, saved_at) VALUES (1, ?, ?)",
                (data, datetime.now().isoformat(timespec="seconds")),
            )

    @state_errors
    def edits(self) -> str | None:
        """The analysts' edits the last run kept (``save_edits``), or ``None``."""
        self._db.execute(_EDITS_TABLE)
        row = self._db.execute("SELECT data FROM analyst_edits WHERE id = 1").fetchone()
        return str(row[0]) if row else None

    @state_errors
    def save_output(self, output: Output) -> None:
        """Keep what the register just written was made from (``ingest.unchanged``)."""
        with self._transaction():
            self._db.execute(_OUTPUT_TABLE)
            self._db.execute(
                "INSERT OR REPLACE INTO last_output "
                "(id, fingerprint, register, size, mtime_ns, actions) VALUES (1, ?, ?, ?, ?, ?)",
                (output.fingerprint, output.register, output.size, output.mtime_ns, output.actions),
            )

    @state_errors
    def forget_output(self) -> None:
        """The next run writes the register whatever (a run that wrote none, or elsewhere)."""
        self._db.execute(_OUTPUT_TABLE)
        self._db.execute("DELETE FROM last_output")

    @state_errors
    def last_output(self) -> Output | None:
        """What the last register written was made from, or ``None``."""
        self._db.execute(_OUTPUT_TABLE)
        row = self._db.execute(
            "SELECT fingerprint, register, size, mtime_ns, actions FROM last_output WHERE id = 1"
        ).fetchone()
        return (
            Output(str(row[0]), str(row[1]), int(row[2]), int(row[3]), int(row[4])) if row else None
        )

    @state_errors
    def counts(self) -> dict[str, int]:
        """How many documents, actions, runs and resolved leads the store holds."""
        return {
            t: int(self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in ("documents", "actions", "runs", "leads", "parsed")
        }


# The analysts' edits, one JSON document (output.edits.to_json); additive, so no migration.
_EDITS_TABLE = """
    CREATE TABLE IF NOT EXISTS analyst_edits (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )
"""


# What the last register written was made from (ingest.unchanged); additive, so no migration.
_OUTPUT_TABLE = """
    CREATE TABLE IF NOT EXISTS last_output (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        register TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        actions INTEGER NOT NULL
    )
"""


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def held_records(index: Index, besides: Collection[str] = ()) -> list[Stored]:
    """Of ``index``, the documents read whose content is not in ``besides``, oldest first.

    Each record is ``Unchanged``, its message saying its file is not in the inbox now.
    """
    out = []
    for stored in sorted(index.ingested.values(), key=lambda s: s.id):
        record = stored.record
        if record.sha256 in besides:
            continue
        message = f"not in the inbox now; kept from {record.path}"
        out.append(replace(stored, record=replace(record, result="Unchanged", message=message)))
    return out


def _record(row: sqlite3.Row) -> SourceRecord:
    return SourceRecord(row["file"], row["sha256"], row["format"], row["pages"], row["workplan"],
                        row["period"], int(row["actions"]), row["result"], row["message"],
                        datetime.fromisoformat(row["ingested_at"]), row["path"],
                        _when(row["modified"]), _when(row["file_modified"]))  # fmt: skip


def _workplan(row: sqlite3.Row, actions: tuple[Action, ...]) -> Workplan:
    review = tuple(Repair(**r) for r in json.loads(row["review"]))
    return Workplan(row["workplan"], row["period"], row["workplan_key"], actions, tuple(json.loads(row["notes"])),
                    row["subgroup"], row["abbreviation"], review)  # fmt: skip


def action_dict(action: Action) -> dict[str, Any]:
    """An action as JSON-ready values: what ``dataclasses.asdict`` gives, dates and enums as text.

    Built field by field: ``asdict`` deep-copies every value and took most of a
    save's time.
    """
    return {name: _plain(getattr(action, name)) for name in _field_names(type(action))}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


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
