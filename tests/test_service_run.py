"""Running like a service: remembered failures and exit codes, Ctrl-C, progress, spawn, journal.

Each run is the real command in its own process, as a scheduler starts it.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import INBOX
from openpyxl import load_workbook
from service import WORKPLANS, inbox_of, sources, workplans

from ingest.workers import Limits, failed_record, read_files, worker_context
from normalise.model import Reading

NOT_PDF = "not a PDF file (no %PDF header): export the workplan as PDF and drop it in again"
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  (read|unchanged|FAILED) +(\S+): ")


def _events(done: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in done.stdout.splitlines()]


def _summary(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    (last,) = [e for e in _events(done) if e["event"] == "summary"]
    return last


def _parsing(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The files the run parsed, from its ``-v`` log (a line each time a reader opens one)."""
    return sorted(
        Path(line.split("parsing ", 1)[1]).name
        for line in done.stderr.splitlines()
        if "INFO ingest.run: parsing " in line
    )


# --- remembered failures and exit codes -------------------------------------------------------


def test_a_failed_file_is_remembered_and_not_read_again_until_it_or_the_settings_change(
    tmp_path: Path,
) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    (inbox / "bad.pdf").write_text("not a pdf")
    (inbox / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    run = ("run", "--inbox", inbox, "--log-json", "-v")

    first = workplans(*run, cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    assert _parsing(first) == ["bad.pdf", "ess-2023-24.docx", "logo.png"]
    assert _summary(first)["parsed"] == 3 and _summary(first)["failed"] == 2
    failed = sources(tmp_path / "register.xlsx")
    assert failed["bad.pdf"] == ("Failed", NOT_PDF)

    again = workplans(*run, cwd=tmp_path)
    assert again.returncode == 0, again.stderr  # nothing new failed
    assert _parsing(again) == []
    assert _summary(again)["parsed"] == 0 and _summary(again)["failed_before"] == 2
    assert str(_summary(again)["message"]).endswith(
        "; 2 file(s) that failed before were not read again (--retry-failed reads them)"
    )
    # nothing new: the register is left as it is, the failures still listed
    assert sources(tmp_path / "register.xlsx") == failed

    (inbox / "bad.pdf").write_text("still not a pdf")  # new content: read again
    changed = workplans(*run, cwd=tmp_path)
    assert changed.returncode == 1 and _parsing(changed) == ["bad.pdf"]

    retried = workplans(*run, "--retry-failed", cwd=tmp_path)
    assert retried.returncode == 1 and _parsing(retried) == ["bad.pdf", "logo.png"]
    assert workplans(*run, cwd=tmp_path).returncode == 0  # and remembered again

    settings = workplans(*run, "--timeout", "100", cwd=tmp_path)  # other settings: read again
    assert settings.returncode == 1 and _parsing(settings) == ["bad.pdf", "logo.png"]
    themes = tmp_path / "themes.json"
    themes.write_text(json.dumps({"themes": [{"name": "Think Family", "aliases": []}]}))
    with_themes = workplans(*run, "--timeout", "100", "--themes", themes, cwd=tmp_path)
    assert with_themes.returncode == 1, with_themes.stderr
    assert _parsing(with_themes) == ["bad.pdf", "logo.png"]
    settled = workplans(*run, "--timeout", "100", "--themes", themes, cwd=tmp_path)
    assert settled.returncode == 0 and _parsing(settled) == []


def test_a_file_failing_while_it_changes_is_not_remembered(tmp_path: Path) -> None:
    from ingest.run import _PASSING, CHANGED

    assert CHANGED in _PASSING  # the file was moving: the next run must look again


def test_a_copy_of_a_remembered_failure_is_listed_as_one(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path)
    (inbox / "bad.pdf").write_text("not a pdf")
    assert workplans("run", "--inbox", inbox, cwd=tmp_path).returncode == 1
    (inbox / "copy.pdf").write_text("not a pdf")
    done = workplans("run", "--inbox", inbox, "-v", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _parsing(done) == []
    assert sources(tmp_path / "register.xlsx") == {
        "bad.pdf": ("Failed", NOT_PDF),
        "copy.pdf": ("Failed", f"same content as bad.pdf; {NOT_PDF}"),
    }


# --- progress ---------------------------------------------------------------------------------


def test_without_a_terminal_each_file_is_one_timestamped_line_in_order(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2023-24.pdf")
    (inbox / "bad.pdf").write_text("not a pdf")
    done = workplans("run", "--inbox", inbox, "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  workplans \S+: reading ", lines[0])
    files = [m.group(2) for m in map(LINE.match, lines[1:-1]) if m]
    assert files == ["bad.pdf", "ess-2023-24.docx", "ppyp-2023-24.pdf"]  # one job: inbox order
    assert len(lines) == 1 + 3 + 1 and lines[-1].startswith("Register written to")
    assert f"FAILED    bad.pdf: {NOT_PDF}" in lines[1]
    assert done.stderr == f"  FAILED    bad.pdf: {NOT_PDF}\n"  # what needs attention, on its own
    again = workplans("run", "--inbox", inbox, cwd=tmp_path)
    assert [m.group(1) for m in map(LINE.match, again.stdout.splitlines()) if m] == [
        "FAILED",
        "unchanged",
        "unchanged",
    ]
    assert again.stderr == ""  # a failure remembered is listed, not raised again


def test_quiet_prints_a_start_line_and_the_summary_only(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    (inbox / "bad.pdf").write_text("not a pdf")
    done = workplans("run", "--inbox", inbox, "-q", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == ""
    start, end = done.stdout.splitlines()
    assert "reading" in start and start[:4].isdigit()
    assert end == (
        "Register written to register.xlsx: 15 actions from 1 documents; "
        "1 file(s) failed, see the Sources sheet"
    )


def test_log_json_gives_one_json_object_a_line(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    (inbox / "bad.pdf").write_text("not a pdf")
    done = workplans("run", "--inbox", inbox, "--log-json", cwd=tmp_path)
    events = _events(done)
    assert [e["event"] for e in events] == ["start", "file", "file", "summary"]
    by_file = {e["file"]: e for e in events if e["event"] == "file"}
    assert by_file["bad.pdf"]["result"] == "Failed" and by_file["bad.pdf"]["message"] == NOT_PDF
    assert by_file["ess-2023-24.docx"]["actions"] == 15
    assert all(datetime.fromisoformat(str(e["time"])) for e in events)


# --- Ctrl-C and SIGTERM -----------------------------------------------------------------------


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_run_stops_cleanly_keeping_what_was_read(
    tmp_path: Path, number: signal.Signals
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    data = (INBOX / "ppyp-2023-24.pdf").read_bytes()
    total = 40  # distinct contents (bytes after %%EOF), so each is read
    for n in range(total):
        (inbox / f"copy-{n:02}.pdf").write_bytes(data + f"\n% copy {n}\n".encode())
    state = tmp_path / "register.sqlite"
    child = subprocess.Popen(
        [*WORKPLANS, "run", "--inbox", str(inbox), "--jobs", "1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    child.stdout.readline()  # the start line
    first = child.stdout.readline()  # a file is read and stored before its line is printed
    assert LINE.match(first), first
    child.send_signal(number)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert "Traceback" not in err
    assert err == (
        f"workplans: stopped by {number.name}: the documents read so far are kept in "
        "register.sqlite; the register was not updated; run again to read the rest\n"
    )
    assert not (tmp_path / "register.xlsx").exists()
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = db.execute("SELECT COUNT(*) FROM documents WHERE result = 'Ingested'").fetchone()[
            0
        ]
    assert 1 <= stored < total
    rest = workplans("run", "--inbox", inbox, "--log-json", cwd=tmp_path)
    assert rest.returncode == 0, rest.stderr
    assert _summary(rest)["parsed"] == total - stored  # what was stored is not read again
    assert len(sources(tmp_path / "register.xlsx")) == total


# --- workers under spawn ----------------------------------------------------------------------

# Set in the parent only: a spawned worker starts afresh and sees the module as written.
_MARK = "as written"


def _reader(path: Path, digest: str | None) -> Reading:
    """A reader for the worker tests: hangs on ``slow``, dies on ``crash``, else says who it is."""
    if path.name == "slow":
        time.sleep(120)
    if path.name == "crash":
        os._exit(3)
    message = f"pid {os.getpid()}; mark {_MARK}"
    return Reading(failed_record(path, digest, message, datetime(2026, 1, 1)))


def test_workers_under_spawn_keep_the_time_limit_and_name_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    global _MARK
    monkeypatch.setenv("WORKPLANS_START_METHOD", "spawn")
    context = worker_context()
    assert context is not None and context.get_start_method() == "spawn"
    monkeypatch.setattr(sys.modules[__name__], "_MARK", "changed in the parent")
    files = [(Path("slow"), None), (Path("crash"), None), (Path("fine"), None)]
    limits = Limits(jobs=3, timeout=20)
    results = dict(read_files(files, _reader, limits, datetime(2026, 1, 1)))
    messages = [results[i].source.message for i in range(3)]
    assert messages[0] == (
        "took longer than 20 s to read and was stopped; check the file opens, or raise --timeout"
    )
    assert messages[1] == (
        "the reader stopped unexpectedly (exit code 3); please report it with this file"
    )
    pid, mark = messages[2].split("; ")
    assert pid != f"pid {os.getpid()}" and mark == "mark as written"  # a fresh process: spawned


def test_a_bad_start_method_is_a_named_error(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    done = workplans(
        "run", "--inbox", inbox, cwd=tmp_path, env={"WORKPLANS_START_METHOD": "teleport"}
    )
    assert done.returncode == 2
    assert done.stderr.startswith(
        "workplans: WORKPLANS_START_METHOD=teleport: not a way to start workers here; use one of"
    )


def test_a_run_under_spawn_gives_the_same_register_as_under_fork(tmp_path: Path) -> None:
    registers = {}
    for method in ("fork", "spawn"):
        folder = tmp_path / method
        inbox = inbox_of(folder, "ess-2023-24.docx", "ppyp-2023-24.pdf", "ppyp-2021-22.docx")
        (inbox / "bad.pdf").write_text("not a pdf")
        done = workplans(
            "run", "--inbox", inbox, "-v", cwd=folder, env={"WORKPLANS_START_METHOD": method}
        )
        assert done.returncode == 1, done.stderr
        registers[method] = folder / "register.xlsx"
    fork, spawn = (load_workbook(registers[m], read_only=True) for m in ("fork", "spawn"))
    for sheet in ("Actions", "Review", "Leads"):
        assert list(fork[sheet].values) == list(spawn[sheet].values), sheet
    assert sources(registers["fork"]) == sources(registers["spawn"])


# --- the state file on network shares ---------------------------------------------------------


def test_the_state_file_uses_the_rollback_journal_not_wal(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    state = tmp_path / "register.sqlite"
    with sqlite3.connect(state) as db:  # a store an older version left in WAL mode
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE t (x)")
    state.unlink()
    assert workplans("run", "--inbox", inbox, cwd=tmp_path).returncode == 0
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not (tmp_path / "register.sqlite-wal").exists()


def test_a_store_left_in_wal_mode_is_turned_to_the_rollback_journal(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    assert workplans("run", "--inbox", inbox, cwd=tmp_path).returncode == 0
    state = tmp_path / "register.sqlite"
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    done = workplans("run", "--inbox", inbox, "--rebuild", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sources(tmp_path / "register.xlsx") == {"ess-2023-24.docx": ("Unchanged", "")}


def test_on_a_terminal_a_progress_bar_counts_the_files(tmp_path: Path) -> None:
    import pty
    import threading

    inbox = inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2023-24.pdf")
    (inbox / "bad.pdf").write_text("not a pdf")
    main, terminal = pty.openpty()
    screen: list[bytes] = []

    def read_terminal() -> None:  # as it is written, so the child never waits on a full terminal
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end closed: all is read
                return
            if not chunk:
                return
            screen.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    try:
        child = subprocess.Popen(
            [*WORKPLANS, "run", "--inbox", str(inbox)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
        )
        os.close(terminal)
        out, _ = child.communicate(timeout=300)
        reader.join(timeout=30)
    finally:
        os.close(main)
    assert child.returncode == 1
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(screen).decode("utf-8", "replace"))
    assert "0/3 files" in text and "3/3 files" in text  # counted against the total found
    assert f"FAILED    bad.pdf: {NOT_PDF}" in text  # failures above the bar
    assert "Traceback" not in text
    assert out.splitlines() == [  # no per-file lines besides the bar; the summary as ever
        "Register written to register.xlsx: 34 actions from 2 documents; "
        "1 file(s) failed, see the Sources sheet"
    ]


# --- leads from the state, watch and its signal -----------------------------------------------


def test_leads_with_the_register_reads_the_state_not_the_documents_again(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2023-24.pdf")
    assert workplans("run", "--inbox", inbox, cwd=tmp_path).returncode == 0
    done = workplans("leads", "--inbox", inbox, "--register", "register.xlsx", "-v", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _parsing(done) == []
    assert "leads from 2 documents" in done.stdout and (tmp_path / "leads.csv").is_file()
    alone = workplans("leads", "--inbox", inbox, "--out", "again.csv", "-v", cwd=tmp_path)
    assert _parsing(alone) == ["ess-2023-24.docx", "ppyp-2023-24.pdf"]  # no state: parsed
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "leads.csv").read_bytes()


def test_watch_says_at_once_that_it_heard_the_signal(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    child = subprocess.Popen(
        [*WORKPLANS, "watch", "--inbox", str(inbox), "--interval", "0.2", "-q"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().startswith("Watching ")
    child.stdout.readline()  # the first run's start line
    assert child.stdout.readline().startswith("Register written to")  # the run is over
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0
    assert err == "workplans: SIGINT received; stopping after the run in progress\n"
    assert out.splitlines()[-1] == "Stopped watching"


# --- new settings apply to what was read, without parsing -------------------------------------


def _themes_of(register: Path) -> set[str]:
    rows = list(load_workbook(register, read_only=True)["Actions"].iter_rows(values_only=True))
    column = list(rows[0]).index("Themes")
    return {t for r in rows[1:] for t in str(r[column] or "").split("; ") if t}


def test_new_themes_renormalise_what_was_read_without_parsing_it_again(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2023-24.pdf", "ppyp-2021-22.docx")
    register = tmp_path / "register.xlsx"
    first = workplans("run", "--inbox", inbox, "--log-json", "-v", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert len(_parsing(first)) == 3
    assert "Think Family" in _themes_of(register)
    (inbox / "ppyp-2021-22.docx").rename(tmp_path / "moved-out.docx")  # kept in the register
    themes = tmp_path / "themes.json"
    shipped = json.loads((Path(__file__).parents[1] / "normalise" / "themes.json").read_text())
    for theme in shipped["themes"]:
        if theme["name"] == "Think Family":
            theme["name"], theme["aliases"] = "Whole family", ["Think Family"]
    themes.write_text(json.dumps(shipped))

    changed = workplans("run", "--inbox", inbox, "--themes", themes, "--log-json", "-v", cwd=tmp_path)  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert _parsing(changed) == []  # nothing parsed ...
    assert _summary(changed)["renormalised"] == 3  # ... the two in the inbox and the one kept
    assert "Whole family" in _themes_of(register) and "Think Family" not in _themes_of(register)
    results = sources(register)
    assert results["ess-2023-24.docx"][0] == "Ingested"
    assert results["ess-2023-24.docx"][1].endswith(
        "normalised again from its stored tables: the settings changed (not parsed again)"
    )
    assert results["ppyp-2021-22.docx"][0] == "Unchanged"  # its file is gone; its actions kept

    again = workplans("run", "--inbox", inbox, "--themes", themes, "--log-json", "-v", "--rebuild", cwd=tmp_path)  # fmt: skip
    assert _parsing(again) == [] and _summary(again)["renormalised"] == 0
    assert {r for r, _ in sources(register).values()} == {"Unchanged"}
    assert "Whole family" in _themes_of(register)

    back = workplans("run", "--inbox", inbox, "--log-json", "-v", cwd=tmp_path)  # shipped themes
    assert _parsing(back) == [] and _summary(back)["renormalised"] == 3
    assert "Think Family" in _themes_of(register) and "Whole family" not in _themes_of(register)


def test_new_parsers_parse_again(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    assert workplans("run", "--inbox", inbox, cwd=tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "register.sqlite") as db:  # as an older version left them
        db.execute("UPDATE parsed SET parser = '0.0.1+old'")
        db.execute("UPDATE documents SET settings_key = 'old'")
    done = workplans("run", "--inbox", inbox, "--log-json", "-v", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _parsing(done) == ["ess-2023-24.docx"] and _summary(done)["renormalised"] == 0
    assert sources(tmp_path / "register.xlsx") == {"ess-2023-24.docx": ("Ingested", "")}
    assert _parsing(workplans("run", "--inbox", inbox, "-v", cwd=tmp_path)) == []


def test_files_failed_unread_are_remembered_by_name_and_message(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24-reportlab.pdf", "ppyp-2023-24.pdf")
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes((INBOX / "ppyp-2021-22.pdf").read_bytes())
    (inbox / "link.pdf").symlink_to(outside)
    (tmp_path / "workplans.toml").write_text('inbox = "inbox"\n[limits]\nmax-file-bytes = 20000\n')
    first = workplans("run", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    listed = sources(tmp_path / "register.xlsx")
    assert listed["link.pdf"][0] == listed["ppyp-2023-24.pdf"][0] == "Failed"  # a link; too large
    assert listed["ppyp-2023-24.pdf"][1].startswith("is 40,846 bytes, more than the 20,000")
    assert listed["ess-2023-24-reportlab.pdf"][0] == "Ingested"
    again = workplans("run", "--rebuild", cwd=tmp_path)
    assert again.returncode == 0, again.stdout  # nothing new failed
    assert sources(tmp_path / "register.xlsx") == listed | {
        "ess-2023-24-reportlab.pdf": ("Unchanged", "")
    }
    outside.unlink()  # the link now leads nowhere: a new failure
    assert workplans("run", cwd=tmp_path).returncode == 1
    assert workplans("run", cwd=tmp_path).returncode == 0
