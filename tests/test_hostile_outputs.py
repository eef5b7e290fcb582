"""Issue 12, items 12, 13, 14 and 16: what a hostile inbox or register folder does to the outputs.

Each test is named after what broke; each checks that the other documents of
the run still reach the register.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import INBOX
from docx_build import save, workplan
from openpyxl import load_workbook

from ingest.cli import main
from ingest.discover import discover
from normalise.leads.files import csv_cell, read_directory, text_of_csv_cell
from normalise.model import Action, Register, Timeframe, TimeframeType
from output import exports
from output.excel import write_register
from output.exports import write_actions_csv

# ESS 2023-24 (Word): the good document every run here also holds.
GOOD = "ess-2023-24.docx"
GOOD_ACTIONS = 15


def _hostile_docx(folder: Path) -> Path:
    """A workplan whose action texts and leads start like spreadsheet formulas."""
    rows = [
        ("1. Children are safe.", '1.1 =HYPERLINK("http://evil.example","click")', "=Keith Shipman", "March 2025"),
        ("", "1.2 +44 to call daily", "@Team Leads", "June 2025"),
        ("", "1.3 @SUM(A1)", "Anne Akamo", "June 2025"),
    ]  # fmt: skip
    return save(workplan(rows), folder, "hostile.docx")


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / GOOD, inbox / GOOD)
    return inbox


def _sheet(register: Path, name: str) -> list[dict[str, object]]:
    rows = list(load_workbook(register)[name].iter_rows(values_only=True))
    return [dict(zip((str(h) for h in rows[0]), r, strict=True)) for r in rows[1:]]


def _action(text: str, lead: str = "Keith Shipman") -> Action:
    return Action("K / 1.1", "W", "2024-25", 1, "I", "1.1", text, (), (lead,), (), lead,
                  Timeframe("Dec 2024", TimeframeType.DATE, date(2024, 12, 31)), None, "f.docx", "table 1, row 1")  # fmt: skip


# --- item 12: a read-only register folder --------------------------------------------------


def _as_if_not_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``os.access`` answer as it does for an ordinary user: root may write anywhere."""
    if os.geteuid() != 0:
        return
    real: Callable[..., bool] = os.access

    def access(path: str | Path, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and not os.stat(path).st_mode & 0o200:
            return False
        return real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_read_only_register_folder_is_named_not_a_bad_state_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    register = out / "register.xlsx"
    argv = ["run", "--inbox", str(inbox), "--register", str(register), "-q"]
    assert main(argv) == 0
    before = register.read_bytes()
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox)
    capsys.readouterr()
    out.chmod(0o555)
    try:
        _as_if_not_root(monkeypatch)
        assert main(argv) == 2
    finally:
        out.chmod(0o755)
    captured = capsys.readouterr()
    assert captured.err == (
        f"workplans: the folder '{out}' is not writable, so the register cannot be written "
        f"to {register}: give yourself permission to write there, or pass --register "
        "with a folder you can write to\n"
    )
    assert "state file" not in captured.err and captured.out == ""
    assert register.read_bytes() == before  # the previous register is left as it was
    monkeypatch.undo()
    assert main(argv) == 0  # writable again: both documents reach the register
    assert {s["File"]: s["Result"] for s in _sheet(register, "Sources")} == {
        GOOD: "Unchanged",
        "ppyp-2021-22.docx": "Ingested",
    }


def test_read_only_state_folder_is_named_with_the_option_to_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    state = locked / "sub" / "state.sqlite"  # its folder would be made inside a read-only one
    register = tmp_path / "register.xlsx"
    locked.chmod(0o555)
    try:
        _as_if_not_root(monkeypatch)
        argv = ["run", "--inbox", str(inbox), "--register", str(register), "--state", str(state)]
        assert main(argv) == 2
    finally:
        locked.chmod(0o755)
    assert capsys.readouterr().err == (
        f"workplans: the folder '{locked}' is not writable, so the state file cannot be "
        f"written to {state}: give yourself permission to write there, or pass --state "
        "with a folder you can write to\n"
    )
    assert not register.exists()


# --- item 13: CSV injection -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+44 20 1234", "'+44 20 1234"),
        ("-2+3", "'-2+3"),
        ("- item", "'- item"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already quoted", "''=already quoted"),
        ("Keith Shipman", "Keith Shipman"),
        ("it's = fine", "it's = fine"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_csv_cells_that_start_like_a_formula_get_a_quote_and_read_back(
    text: str, cell: str
) -> None:
    assert csv_cell(text) == cell
    assert text_of_csv_cell(cell) == text
    assert exports.csv_cell(text) == cell  # the --csv export keeps the same rule


def test_csv_export_neutralises_formula_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path)
    _hostile_docx(inbox)
    register, out_csv = tmp_path / "register.xlsx", tmp_path / "actions.csv"
    argv = ["run", "--inbox", str(inbox), "--register", str(register), "--csv", str(out_csv)]
    assert main(argv) == 0
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    hostile = {r["Register ID"]: r for r in table if r["Source"] == "hostile.docx"}
    assert [(r["Action"], r["Lead (as written)"]) for r in hostile.values()] == [
        ('\'=HYPERLINK("http://evil.example","click")', "'=Keith Shipman"),
        ("'+44 to call daily", "'@Team Leads"),
        ("'@SUM(A1)", "Anne Akamo"),
    ]
    assert sum(1 for r in table if r["Source"] == GOOD) == GOOD_ACTIONS
    # the workbook keeps the text as written, as text
    sheet = [r for r in _sheet(register, "Actions") if r["Source"] == "hostile.docx"]
    assert sheet[0]["Action"] == '=HYPERLINK("http://evil.example","click")'


def test_csv_export_of_dash_tab_and_return_cells(tmp_path: Path) -> None:
    actions = [_action("- item"), _action("\tTAB"), _action("\rCR"), _action("plain")]
    path = write_actions_csv(actions, tmp_path / "a.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["Action"] for r in table] == ["'- item", "'\tTAB", "'\rCR", "plain"]


def test_lead_directory_neutralises_formula_cells_and_reads_them_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path)
    _hostile_docx(inbox)
    directory = tmp_path / "leads.csv"
    assert main(["leads", "--inbox", str(inbox), "--out", str(directory)]) == 0
    with directory.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    rows = {r[0]: r for r in table[1:]}
    assert rows["'=Keith Shipman"] == ["'=Keith Shipman", "'=Keith Shipman", "Team or group", ""]
    assert rows["'@Team Leads"] == ["'@Team Leads", "'@Team Leads", "Team or group", ""]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)
    read = read_directory(directory)
    assert read["=Keith Shipman"] == "=Keith Shipman" and read["@Team Leads"] == "@Team Leads"
    # the analyst says '=Keith Shipman' is Keith Shipman, editing only that cell
    rows["'=Keith Shipman"][1] = "Keith Shipman"
    with directory.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([table[0], *rows.values()])
    assert read_directory(directory)["=Keith Shipman"] == "Keith Shipman"
    register = tmp_path / "register.xlsx"
    argv = ["run", "--inbox", str(inbox), "--register", str(register)]
    assert main([*argv, "--lead-directory", str(directory)]) == 0
    actions = _sheet(register, "Actions")
    leads = {r["Action ID"]: r["Lead"] for r in actions if r["Source"] == "hostile.docx"}
    assert leads == {"1.1": "Keith Shipman", "1.2": "@Team Leads", "1.3": "Anne Akamo"}
    assert sum(1 for r in actions if r["Source"] == GOOD) == GOOD_ACTIONS


# --- item 14: symlinks out of the inbox -----------------------------------------------------


def test_links_out_of_the_inbox_are_skipped_and_reported(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(INBOX / "ppyp-2021-22.docx", outside / "secret.docx")
    (inbox / "nested").mkdir()
    (inbox / "nested" / "inside-link.docx").symlink_to(inbox / GOOD)
    (inbox / "secret.docx").symlink_to(outside / "secret.docx")
    (inbox / "passwd.pdf").symlink_to("/etc/passwd")
    (inbox / "folder").symlink_to(outside, target_is_directory=True)
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)  # a cycle: never followed
    (inbox / "gone.docx").symlink_to(tmp_path / "deleted.docx")
    (inbox / "ring.docx").symlink_to(inbox / "ring.docx")
    skipped: list[tuple[Path, str]] = []
    found = list(discover(inbox, skipped=lambda path, why: skipped.append((path, why))))
    assert found == [inbox / GOOD, inbox / "nested" / "inside-link.docx"]
    assert skipped == [
        (
            inbox / "folder",
            f"skipped: a link to the folder {outside}, outside the inbox; "
            "copy what it holds into the inbox instead",
        ),
        (
            inbox / "gone.docx",
            f"skipped: a link to {tmp_path / 'deleted.docx'}, which does not exist; "
            "delete the link or copy the file into the inbox",
        ),
        (
            inbox / "passwd.pdf",
            "skipped: a link to /etc/passwd, outside the inbox; copy the file into the inbox instead",
        ),
        (inbox / "ring.docx", "skipped: a link that leads round in a loop; delete the link"),
        (
            inbox / "secret.docx",
            f"skipped: a link to {outside / 'secret.docx'}, outside the inbox; "
            "copy the file into the inbox instead",
        ),
    ]


def test_a_run_does_not_read_a_linked_file_outside_the_inbox(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = _inbox(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(INBOX / "ppyp-2021-22.docx", outside / "secret.docx")
    (inbox / "secret.docx").symlink_to(outside / "secret.docx")
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 1
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        (
            "ingest.discover",
            "WARNING",
            f"{inbox / 'secret.docx'}: skipped: a link to {outside / 'secret.docx'}, "
            "outside the inbox; copy the file into the inbox instead",
        )
    ]
    sources = {s["File"]: (s["Result"], s["Message"]) for s in _sheet(register, "Sources")}
    assert sources[GOOD][0] == "Ingested"
    assert sources["secret.docx"] == (
        "Failed",
        f"skipped: a link to {outside / 'secret.docx'}, outside the inbox; "
        "copy the file into the inbox instead",
    )
    actions = _sheet(register, "Actions")
    assert {r["Source"] for r in actions} == {GOOD} and len(actions) == GOOD_ACTIONS


# --- item 16: stale lock files ------------------------------------------------------------------


def _age(path: Path, days: float) -> None:
    when = time.time() - days * 86_400
    os.utime(path, (when, when))


def _first_action(path: Path) -> object:
    """The first row's Action in the register at ``path``, found by its column's name."""
    sheet = load_workbook(path)["Actions"]
    header = [c.value for c in sheet[1]]
    return sheet.cell(row=2, column=header.index("Action") + 1).value


def test_stale_lock_file_is_reported_with_how_to_clear_it(tmp_path: Path) -> None:
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx").path
    lock = tmp_path / "~$r.xlsx"
    lock.write_bytes(b"owner")
    _age(lock, 2)
    written = write_register(Register((_action("second"),), ()), path)
    assert written.locked and written.path != path
    assert written.note == (
        f"{lock} is more than a day old, so it is probably left over from a closed or crashed "
        f"program: if no one has {path.name} open, delete {lock} and the next run writes "
        f"{path} again"
    )
    assert _first_action(written.path) == "second"


def test_fresh_lock_file_is_not_called_stale(tmp_path: Path) -> None:
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx").path
    (tmp_path / ".~lock.r.xlsx#").write_text("LibreOffice lock")
    written = write_register(Register((_action("second"),), ()), path)
    assert written.locked and written.note == ""


def test_stale_lock_keeps_at_most_three_dated_copies(tmp_path: Path) -> None:
    write_register(Register((_action("zeroth"),), ()), tmp_path / "r.xlsx")
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx").path
    lock = tmp_path / "~$r.xlsx"
    lock.write_bytes(b"owner")
    _age(lock, 3)
    old = [tmp_path / f"r 2020-01-0{d} 120000.xlsx" for d in range(1, 6)]
    for copy in old:
        shutil.copy(path, copy)
    (tmp_path / "r notes.xlsx").write_bytes(b"not ours")
    written = write_register(Register((_action("second"),), ()), path)
    dated = sorted(p.name for p in tmp_path.iterdir() if re.fullmatch(r"r \d{4}.*\.xlsx", p.name))
    assert dated == [old[3].name, old[4].name, written.path.name]
    assert (tmp_path / "r notes.xlsx").exists() and path.exists()
    assert _first_action(tmp_path / "r.previous.xlsx") == "zeroth"


def test_stale_lock_is_said_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path)
    register = tmp_path / "register.xlsx"
    argv = ["run", "--inbox", str(inbox), "--register", str(register), "-q"]
    assert main(argv) == 0
    lock = tmp_path / "~$register.xlsx"
    lock.write_bytes(b"owner")
    _age(lock, 2)
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox)
    capsys.readouterr()
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert (
        f"{lock} is more than a day old, so it is probably left over from a closed or crashed "
        f"program: if no one has register.xlsx open, delete {lock} and the next run writes "
        f"{register} again\n"
    ) in out
    (dated,) = [p for p in tmp_path.iterdir() if p.name.startswith("register 2")]
    assert f"the register was written to {dated}" in out
    files = {s["File"]: s["Result"] for s in _sheet(dated, "Sources")}
    assert files == {GOOD: "Unchanged", "ppyp-2021-22.docx": "Ingested"}
