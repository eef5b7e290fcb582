"""Watch mode: a run when the inbox changes and has settled, never for the tool's own files."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import INBOX, ROOT
from openpyxl import load_workbook

from ingest.cli import main
from ingest.watch import due, snapshot

A = {"a.docx": (10, 1)}
AB = {"a.docx": (10, 1), "b.pdf": (5, 2)}
AB_GROWING = {"a.docx": (10, 1), "b.pdf": (9, 3)}


def test_a_run_waits_for_the_inbox_to_settle() -> None:
    assert due(None, {}, {})  # the first look catches up
    assert not due(A, A, A)  # nothing new
    assert not due(A, A, AB)  # b.pdf just appeared: it may still be copying
    assert not due(A, AB, AB_GROWING)  # ... and it was: it grew
    assert due(A, AB_GROWING, AB_GROWING)  # the same at two looks: read it
    assert not due(AB, AB, A) and due(AB, A, A)  # a file taken out is a change too, once settled


def test_the_tools_own_files_in_the_inbox_are_not_documents(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "ess.docx")
    register = inbox / "register.xlsx"  # the analyst keeps the register in the inbox
    args = ["run", "--inbox", str(inbox), "--register", str(register), "-q"]
    assert main([*args, "--csv", str(inbox / "actions.csv")]) == 0
    # a second run written again (nothing is new): the backup exists
    assert main([*args, "--csv", str(inbox / "actions.csv"), "--rebuild"]) == 0
    names = {p.name for p in inbox.iterdir()}
    assert {"register.xlsx", "register.previous.xlsx", "register.sqlite", "actions.csv"} <= names
    rows = load_workbook(register)["Sources"].iter_rows(min_row=2, values_only=True)
    assert [(r[0], r[7]) for r in rows] == [("ess.docx", "Unchanged")]
    (inbox / "register 2026-01-05 091500.xlsx").write_bytes(b"dated copy: written when locked")
    (inbox / "register notes.xlsx").write_bytes(b"the analyst's own file")  # not ours: a document
    outputs = [register, inbox / "register.sqlite", inbox / "actions.csv"]
    assert [Path(p).name for p in snapshot(inbox, outputs)] == ["ess.docx", "register notes.xlsx"]


def _sources(register: Path) -> list[str]:
    try:
        rows = load_workbook(register)["Sources"].iter_rows(min_row=2, values_only=True)
        return sorted(str(r[0]) for r in rows)
    except (OSError, KeyError, ValueError):  # not written yet
        return []


def _until(condition: object, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_watch_runs_on_start_and_on_each_new_file_then_stops_on_sigterm(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "ess.docx")
    register = tmp_path / "out" / "register.xlsx"
    command = [sys.executable, "-m", "ingest.cli", "watch", "--inbox", str(inbox),
               "--register", str(register), "--interval", "0.3", "-q"]  # fmt: skip
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert _until(lambda: _sources(register) == ["ess.docx"])
        shutil.copy(INBOX / "ppyp-2021-22.pdf", inbox / "ppyp.pdf")
        assert _until(lambda: _sources(register) == ["ess.docx", "ppyp.pdf"])
        time.sleep(1.5)  # several quiet looks: none of them may start a run
    finally:
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Watching {inbox} every 0.3 s; Ctrl-C to stop"
    written = [ln for ln in lines if ln.startswith("Register written")]
    assert written == [
        f"Register written to {register}: 15 actions from 1 documents",
        f"Register written to {register}: 34 actions from 2 documents",
    ]
    assert lines[-1] == "Stopped watching"


def test_watch_needs_an_inbox(tmp_path: Path) -> None:
    assert (
        main(
            ["watch", "--inbox", str(tmp_path / "nowhere"), "--register", str(tmp_path / "r.xlsx")]
        )
        == 2
    )
