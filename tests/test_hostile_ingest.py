"""Issue 12, items 2, 3, 4, 6, 9 and 10: what a hostile inbox or state file does to ingest.

Each test is named after what broke; each checks that the other documents of
the run still reach the register (or, where the run must stop, that nothing
is overwritten).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import INBOX
from openpyxl import load_workbook

import ingest.run
from ingest.cli import main
from ingest.run import read_inbox
from ingest.state_errors import StateError
from ingest.store import Store
from ingest.workers import Limits
from normalise import load_settings
from normalise.model import Reading
from parsers.errors import ConfigError
from parsers.model import RawDocument

ESS = INBOX / "ess-2023-24.docx"  # ESS 2023-24, 15 actions
PPYP = INBOX / "ppyp-2023-24.pdf"  # PPYP 2023-24, 19 actions
OLD_PPYP = INBOX / "ppyp-2021-22.docx"  # PPYP 2021-22, 19 actions
REAL_PARSE = ingest.run.parse
# What normalising says of each (the Sources message of an Ingested file)
PPYP_NOTE = "title: removed logo alt text"
OLD_PPYP_NOTE = "table 1: colour key"


def _run(inbox: Path, register: Path, *extra: str) -> int:
    return main(["run", "--inbox", str(inbox), "--register", str(register), "-q", *extra])


def _sheet(register: Path, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(register)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _sources(register: Path) -> dict[str, tuple[str, str]]:
    return {s["File"]: (s["Result"], s["Message"] or "") for s in _sheet(register, "Sources")}


def _put(inbox: Path, name: str, sample: Path) -> Path:
    path = inbox / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample, path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _replace(path: Path, data: bytes) -> None:
    """Replace ``path`` as an editor saves: a new file renamed over the old one."""
    tmp = path.with_name(".saving")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _by_file(readings: list[Reading]) -> dict[str, Reading]:
    return {r.source.file: r for r in readings}


# --- item 2: a good document lost to its own copy ---------------------------------------------


def test_a_document_is_not_lost_to_its_backup_or_a_pdf_named_copy(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "plan.docx", ESS)
    _put(inbox, "Archive/plan.docx.bak", ESS)  # sorts first: today it is read, and fails
    _put(inbox, "Archive/plan.pdf", ESS)  # Word bytes under a .pdf name
    _put(inbox, "other.pdf", PPYP)
    register = tmp_path / "register.xlsx"
    assert _run(inbox, register) == 0
    assert _sources(register) == {
        "Archive/plan.docx.bak": ("Unchanged", "same content as plan.docx"),
        "Archive/plan.pdf": ("Unchanged", "same content as plan.docx"),
        "other.pdf": ("Ingested", PPYP_NOTE),
        "plan.docx": (
            "Ingested",
            "same content as Archive/plan.docx.bak, Archive/plan.pdf; this file was read",
        ),
    }
    actions = _sheet(register, "Actions")
    assert len(actions) == 15 + 19
    assert {a["Source"] for a in actions} == {"plan.docx", "other.pdf"}
    assert _run(inbox, register, "--rebuild") == 0  # and on the next run too
    assert _sources(register) == {
        "Archive/plan.docx.bak": ("Unchanged", "read before as plan.docx"),
        "Archive/plan.pdf": ("Unchanged", "read before as plan.docx"),
        "other.pdf": ("Unchanged", ""),
        "plan.docx": ("Unchanged", ""),
    }
    actions = _sheet(register, "Actions")
    assert len(actions) == 15 + 19
    assert {a["Source"] for a in actions} == {"plan.docx", "other.pdf"}


def test_same_content_under_two_readable_names_is_read_once_from_its_real_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "a-export.pdf", ESS)  # a readable suffix, but not what the file is
    _put(inbox, "teamA/plan.docx", ESS)
    _put(inbox, "teamB/plan.docx", ESS)
    _put(inbox, "other.pdf", PPYP)
    log = tmp_path / "parsed.log"

    def parse(path: Path) -> RawDocument:
        with log.open("a") as handle:  # the readers are other processes: they tell a file
            handle.write(path.relative_to(inbox).as_posix() + "\n")
        return REAL_PARSE(path)

    monkeypatch.setattr("ingest.run.parse", parse)
    readings = _by_file(read_inbox(inbox, load_settings(), limits=Limits(jobs=1)))
    assert sorted(log.read_text().split()) == ["other.pdf", "teamA/plan.docx"]
    assert {f: (r.source.result, r.source.message) for f, r in readings.items()} == {
        "a-export.pdf": ("Unchanged", "same content as teamA/plan.docx"),
        "other.pdf": ("Ingested", PPYP_NOTE),
        "teamA/plan.docx": (
            "Ingested",
            "same content as a-export.pdf, teamB/plan.docx; this file was read",
        ),
        "teamB/plan.docx": ("Unchanged", "same content as teamA/plan.docx"),
    }
    workplan = readings["teamA/plan.docx"].workplan
    assert workplan is not None and workplan.key == "ESS 2023-24" and len(workplan.actions) == 15


# --- item 3: a file replaced during a run -----------------------------------------------------


def _replaced_once(inbox: Path, name: str, new: bytes) -> Any:
    """A parse that, the first time it sees ``name`` with its old content, replaces it first."""
    old = (inbox / name).read_bytes()

    def parse(path: Path) -> RawDocument:
        if path.name == name and path.read_bytes() == old:
            _replace(path, new)  # between the parent's hash and the reader's parse
        return REAL_PARSE(path)

    return parse


def test_a_file_replaced_while_read_is_stored_with_the_hash_of_what_was_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    plan = _put(inbox, "plan.docx", ESS)
    _put(inbox, "other.pdf", PPYP)
    monkeypatch.setattr(
        "ingest.run.parse", _replaced_once(inbox, "plan.docx", OLD_PPYP.read_bytes())
    )
    with Store(tmp_path / "state.sqlite") as store:
        readings = _by_file(read_inbox(inbox, load_settings(), store=store, limits=Limits(jobs=1)))
        assert store.known(_sha(ESS)) is None  # the old content was never parsed
        known = store.known(_sha(OLD_PPYP))
    read = readings["plan.docx"]
    assert read.source.sha256 == _sha(OLD_PPYP) == _sha(plan)
    assert read.workplan is not None and read.workplan.key == "PPYP 2021-22"
    assert known is not None and known[1].key == "PPYP 2021-22"
    assert readings["other.pdf"].source.result == "Ingested"


def test_a_genuine_document_is_not_taken_for_a_file_replaced_during_the_last_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "plan.docx", ESS)
    _put(inbox, "other.pdf", PPYP)
    register = tmp_path / "register.xlsx"
    monkeypatch.setattr(
        "ingest.run.parse", _replaced_once(inbox, "plan.docx", OLD_PPYP.read_bytes())
    )
    assert _run(inbox, register, "--jobs", "1") == 0
    sources = {s["File"]: s for s in _sheet(register, "Sources")}
    assert sources["plan.docx"]["SHA-256"] == _sha(OLD_PPYP)
    assert sources["plan.docx"]["Period"] == "2021-22"
    monkeypatch.undo()
    _put(inbox, "ess.docx", ESS)  # the content the replaced file had when the run listed it
    assert _run(inbox, register, "--jobs", "1") == 0
    assert _sources(register) == {
        "ess.docx": ("Ingested", ""),
        "other.pdf": ("Unchanged", ""),
        "plan.docx": ("Unchanged", ""),
    }
    actions = _sheet(register, "Actions")
    assert len(actions) == 15 + 19 + 19
    assert {a["Register ID"].split(" / ")[0] for a in actions} == {
        "ESS 2023-24",
        "PPYP 2021-22",
        "PPYP 2023-24",
    }


def test_a_file_that_keeps_changing_while_read_is_failed_and_read_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "saving.docx", ESS)
    _put(inbox, "other.pdf", PPYP)

    def parse(path: Path) -> RawDocument:
        if path.name == "saving.docx":
            _replace(path, path.read_bytes())  # saved again on every read
        return REAL_PARSE(path)

    monkeypatch.setattr("ingest.run.parse", parse)
    register = tmp_path / "register.xlsx"
    assert _run(inbox, register) == 1
    assert _sources(register) == {
        "other.pdf": ("Ingested", PPYP_NOTE),
        "saving.docx": (
            "Failed",
            "changed while it was being read: it may still be saving; the next run reads it again",
        ),
    }
    monkeypatch.undo()
    assert _run(inbox, register) == 0
    assert _sources(register)["saving.docx"] == ("Ingested", "")
    assert len(_sheet(register, "Actions")) == 15 + 19


# --- item 4: two files with one name in two folders -------------------------------------------


def test_two_files_with_one_name_in_two_folders_are_told_apart(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "teamA/workplan.docx", ESS)
    _put(inbox, "teamB/workplan.docx", OLD_PPYP)
    _put(inbox, "other.pdf", PPYP)
    register = tmp_path / "register.xlsx"
    assert _run(inbox, register) == 0
    assert _sources(register) == {
        "other.pdf": ("Ingested", PPYP_NOTE),
        "teamA/workplan.docx": ("Ingested", ""),
        "teamB/workplan.docx": ("Ingested", OLD_PPYP_NOTE),
    }
    ws = load_workbook(register)["Actions"]
    header = [c.value for c in ws[1]]
    column = header.index("Source")
    links: dict[str, set[tuple[str, str]]] = {}
    for row in ws.iter_rows(min_row=2):
        key = str(row[0].value).split(" / ")[0]
        cell = row[column]
        target = cell.hyperlink.target if cell.hyperlink else ""
        links.setdefault(key, set()).add((str(cell.value), target))
    # the inbox sits below the register's folder: links relative to the register
    assert links == {
        "ESS 2023-24": {("teamA/workplan.docx", "inbox/teamA/workplan.docx")},
        "PPYP 2021-22": {("teamB/workplan.docx", "inbox/teamB/workplan.docx")},
        "PPYP 2023-24": {("other.pdf", "inbox/other.pdf")},
    }
    with sqlite3.connect(tmp_path / "register.sqlite") as db:
        stored = sorted(db.execute("SELECT file, path FROM documents"))
    assert stored == [
        ("other.pdf", str(inbox / "other.pdf")),
        ("teamA/workplan.docx", str(inbox / "teamA/workplan.docx")),
        ("teamB/workplan.docx", str(inbox / "teamB/workplan.docx")),
    ]
    assert _run(inbox, register, "--rebuild") == 0
    assert set(_sources(register).values()) == {("Unchanged", "")}


# --- item 6: an empty state file --------------------------------------------------------------


def test_an_empty_state_file_is_an_error_and_nothing_is_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "ess.docx", ESS)
    register = tmp_path / "register.xlsx"
    state = tmp_path / "register.sqlite"
    assert _run(inbox, register) == 0
    before = register.read_bytes()
    state.write_bytes(b"")  # e.g. a sync tool or a full disk truncated it
    _put(inbox, "other.pdf", PPYP)
    capsys.readouterr()
    assert _run(inbox, register) == 2
    assert capsys.readouterr().err == (
        f"workplans: {state}: the state file is empty (0 bytes), so what earlier runs read is "
        "lost: restore it from a backup, or delete it to start afresh\n"
    )
    assert register.read_bytes() == before and state.stat().st_size == 0
    state.unlink()
    assert _run(inbox, register) == 0  # started afresh: every document is read again
    assert _sources(register) == {
        "ess.docx": ("Ingested", ""),
        "other.pdf": ("Ingested", PPYP_NOTE),
    }


def test_a_new_state_file_is_not_taken_for_an_empty_one(tmp_path: Path) -> None:
    with Store(tmp_path / "new.sqlite") as store:
        assert store.counts()["documents"] == 0
    with Store(tmp_path / "new.sqlite") as store:  # and opens again
        assert store.counts()["runs"] == 0


# --- item 9: a file name that is not valid UTF-8 ----------------------------------------------


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_replacement_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = os.fsencode(inbox) + b"/caf\xe9.pdf"  # Latin-1 on a UTF-8 system
    try:
        with open(name, "wb") as handle:
            handle.write((INBOX / "ess-2023-24.pdf").read_bytes())
    except OSError:  # pragma: no cover - a file system that refuses such names
        pytest.skip("this file system does not take names that are not UTF-8")
    _put(inbox, "other.docx", OLD_PPYP)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register)]) == 0
    assert "read      caf\ufffd.pdf: 15 actions" in capsys.readouterr().out
    assert _sources(register) == {
        "caf\ufffd.pdf": ("Ingested", ""),
        "other.docx": ("Ingested", OLD_PPYP_NOTE),
    }
    assert {a["Source"] for a in _sheet(register, "Actions")} == {"caf\ufffd.pdf", "other.docx"}
    assert _run(inbox, register, "--rebuild") == 0  # and the next run too
    assert set(_sources(register).values()) == {("Unchanged", "")}
    assert len(_sheet(register, "Actions")) == 15 + 19


# --- item 10: SQLite errors after the state opens ---------------------------------------------


def test_a_dropped_table_in_the_state_is_a_named_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "ess.docx", ESS)
    register = tmp_path / "register.xlsx"
    state = tmp_path / "register.sqlite"
    assert _run(inbox, register) == 0
    before = register.read_bytes()
    with sqlite3.connect(state) as db:
        db.execute("DROP TABLE actions")
    _put(inbox, "other.pdf", PPYP)
    capsys.readouterr()
    assert _run(inbox, register) == 2
    assert capsys.readouterr().err == (
        f"workplans: {state}: the state file failed (no such table: actions): it may be "
        "damaged; restore it from a backup, or move it away to start afresh\n"
    )
    assert register.read_bytes() == before


def test_a_damaged_page_in_the_state_is_a_named_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "ess.docx", ESS)
    register = tmp_path / "register.xlsx"
    state = tmp_path / "register.sqlite"
    assert _run(inbox, register) == 0
    before = register.read_bytes()
    data = bytearray(state.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xff" * (len(data) - page)  # every page but the first (the schema) damaged
    state.write_bytes(bytes(data))
    capsys.readouterr()
    assert _run(inbox, register) == 2
    assert capsys.readouterr().err == (
        f"workplans: {state}: the state file failed (database disk image is malformed): it may "
        "be damaged; restore it from a backup, or move it away to start afresh\n"
    )
    assert register.read_bytes() == before


def test_a_full_disk_is_named_not_masked_by_a_failed_rollback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    _put(inbox, "ess.docx", ESS)
    register = tmp_path / "register.xlsx"
    state = tmp_path / "register.sqlite"
    assert _run(inbox, register) == 0
    before = register.read_bytes()
    _put(inbox, "other.pdf", PPYP)
    _put(inbox, "old.docx", OLD_PPYP)
    real_connect = sqlite3.connect

    def full(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        """A connection that cannot grow the file: a disk with no room left."""
        db = real_connect(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr("ingest.store.sqlite3.connect", full)
    capsys.readouterr()
    assert _run(inbox, register) == 2
    err = capsys.readouterr().err
    assert err == (
        f"workplans: {state}: the state file failed (database or disk is full): "
        "free some disk space and run again\n"
    )
    monkeypatch.undo()
    assert register.read_bytes() == before
    assert _run(inbox, register) == 0  # with room again, nothing is lost
    assert _sources(register) == {
        "ess.docx": ("Unchanged", ""),
        "old.docx": ("Ingested", OLD_PPYP_NOTE),
        "other.pdf": ("Ingested", PPYP_NOTE),
    }


class _RollbackFails:
    """A connection whose ROLLBACK fails, as SQLite's does once a full disk has ended the transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "ROLLBACK":
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")
        return self.db.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)


def test_a_rollback_that_fails_does_not_hide_why_the_save_failed(tmp_path: Path) -> None:
    reading = ingest.run.ingest_file(ESS, load_settings(), datetime(2026, 1, 1))
    with Store(tmp_path / "s.sqlite") as store:
        store._db.execute("DROP TABLE actions")  # the insert of the actions fails
        store._db = _RollbackFails(store._db)  # type: ignore[assignment]
        with pytest.raises(StateError) as raised:
            store.save(reading.source, reading.workplan)
    assert str(raised.value) == (
        f"{tmp_path / 's.sqlite'}: the state file failed (no such table: actions): it may be "
        "damaged; restore it from a backup, or move it away to start afresh"
    )
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert isinstance(raised.value, ConfigError)  # so the command exits 2
