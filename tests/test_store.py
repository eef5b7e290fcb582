"""The store between runs: unchanged files are not read again, and a killed run loses nothing."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import INBOX, ROOT
from openpyxl import load_workbook

from ingest.cli import main
from ingest.store import MIGRATIONS, Store


def _rows(register: Path) -> list[tuple[object, ...]]:
    return list(load_workbook(register)["Actions"].iter_rows(values_only=True))


def _results(register: Path) -> dict[str, str]:
    ws = load_workbook(register)["Sources"]
    return {str(r[0]): str(r[7]) for r in ws.iter_rows(min_row=2, values_only=True)}


def test_second_run_with_nothing_new_parses_nothing_and_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("ppyp-2021-22.docx", "ess-2023-24.pdf"):
        shutil.copy(INBOX / name, inbox / name)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    first = _rows(register)
    assert (tmp_path / "register.sqlite").exists()

    def no_parsing(path: Path) -> None:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr("ingest.run.parse", no_parsing)
    args = ["run", "--inbox", str(inbox), "--register", str(register), "-q", "--rebuild"]
    assert main(args) == 0  # written again although nothing is new
    assert _results(register) == {"ess-2023-24.pdf": "Unchanged", "ppyp-2021-22.docx": "Unchanged"}
    assert _rows(register) == first
    with Store(tmp_path / "register.sqlite") as store:
        counts = store.counts()
        leads = store.leads()
    assert {k: counts[k] for k in ("documents", "actions", "runs")} == {
        "documents": 2,
        "actions": 34,
        "runs": 2,
    }
    sheet = list(load_workbook(register)["Leads"].iter_rows(min_row=2, values_only=True))
    assert counts["leads"] == len(leads) == len(sheet) > 10  # the resolved leads are kept
    assert [(r.lead, r.kind, "; ".join(r.written_as), r.actions) for r in leads] == [
        (row[0], row[1], row[3] or "", row[4]) for row in sheet
    ]


def test_same_content_under_another_name_is_unchanged(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "ess.docx")
    state = tmp_path / "state" / "memory.sqlite"
    register = tmp_path / "r.xlsx"
    assert (
        main(
            ["run", "--inbox", str(inbox), "--register", str(register), "--state", str(state), "-q"]
        )
        == 0
    )
    (inbox / "ess.docx").rename(inbox / "ESS final.docx")
    assert (
        main(
            ["run", "--inbox", str(inbox), "--register", str(register), "--state", str(state), "-q"]
        )
        == 0
    )
    ws = load_workbook(register)["Sources"]
    row = next(ws.iter_rows(min_row=2, values_only=True))
    assert (row[0], row[7], row[8]) == ("ESS final.docx", "Unchanged", "read before as ess.docx")
    assert not (tmp_path / "r.sqlite").exists()


def test_schema_is_versioned_and_a_foreign_file_is_a_named_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        assert store.version == len(MIGRATIONS)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(Exception, match=r"bad\.sqlite: not a Workplan Register state file"):
        Store(bad)


def test_parse_touches_no_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "plan.docx"
    shutil.copy(INBOX / "ess-2023-24.docx", copy)
    assert main(["parse", str(copy)]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


def test_killed_run_leaves_the_previous_register_and_store_intact(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "first.docx")
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    before = register.read_bytes()
    # Many distinct PDFs (bytes after %%EOF change the hash, not the content), so the run takes a while.
    data = (INBOX / "ppyp-2023-24.pdf").read_bytes()
    for n in range(40):
        (inbox / f"copy-{n:02}.pdf").write_bytes(data + f"\n% copy {n}\n".encode())
    command = [
        sys.executable,
        "-m",
        "ingest.cli",
        "run",
        "--inbox",
        str(inbox),
        "--register",
        str(register),
        "-q",
    ]
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    state = tmp_path / "register.sqlite"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some of the new files are saved
        with sqlite3.connect(state) as db:
            if db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 4:
                break
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert register.read_bytes() == before  # never half a register
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".register-")]
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for doc_id, result in db.execute("SELECT id, result FROM documents"):
            count = db.execute(
                "SELECT COUNT(*) FROM actions WHERE document_id = ?", (doc_id,)
            ).fetchone()[0]
            assert result == "Ingested" and count in (15, 19)  # each document whole, never half
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    results = _results(register)
    assert len(results) == 41 and set(results.values()) <= {"Ingested", "Unchanged", "Replaced"}
    # the 40 copies are versions of one workplan (PPYP 2023-24): one is current, all are kept
    assert len(_rows(register)) == 1 + 15 + 19
    with sqlite3.connect(state) as db:
        assert db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 15 + 40 * 19


def test_a_schema_1_store_is_migrated_and_keeps_its_documents(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "ess.docx")
    state = tmp_path / "old.sqlite"
    with sqlite3.connect(state) as db:  # a store as the first release wrote it
        db.executescript(f"{MIGRATIONS[0]}; PRAGMA user_version = 1;")
        db.execute(
            "INSERT INTO documents (sha256, file, path, format, workplan_key, ingested_at, result)"
            " VALUES ('abc', 'gone.docx', '/old/gone.docx', 'docx', 'X 2020-21',"
            " '2021-05-01T09:00:00', 'Ingested')"
        )
    register = tmp_path / "r.xlsx"
    args = ["run", "--inbox", str(inbox), "--register", str(register), "--state", str(state)]
    assert main([*args, "-q"]) == 0
    with Store(state) as store:
        assert store.version == len(MIGRATIONS) >= 2
        held = store.held()[0]
        assert held.source.file == "gone.docx"
        assert held.source.file_modified == datetime(2021, 5, 1, 9, 0)
    assert set(_results(register)) == {"ess.docx", "gone.docx"}
