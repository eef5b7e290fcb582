"""The ``workplans`` command through its entry point: exit codes, messages, the register."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.cli import main


def _inbox(tmp_path: Path, *names: str) -> Path:
    inbox = tmp_path / "inbox"
    (inbox / "nested").mkdir(parents=True)
    for name in names:
        shutil.copy(INBOX / name, inbox / "nested" / name)
    return inbox


def _sources(register: Path) -> dict[str, dict[str, object]]:
    ws = load_workbook(register)["Sources"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return {str(r[0]): dict(zip(header, r, strict=True)) for r in rows[1:]}


def test_run_reads_nested_folders_and_reports_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path, "ppyp-2021-22.docx", "ess-2023-24.pdf")
    register = tmp_path / "out" / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register)]) == 0
    out = capsys.readouterr().out
    assert f"Register written to {register}: 34 actions from 2 documents" in out
    ws = load_workbook(register)["Actions"]
    assert ws.max_row == 1 + 34
    sources = _sources(register)
    assert {k: v["Result"] for k, v in sources.items()} == {  # named by their path in the inbox
        "nested/ess-2023-24.pdf": "Ingested",
        "nested/ppyp-2021-22.docx": "Ingested",
    }
    ess = sources["nested/ess-2023-24.pdf"]
    assert ess["Pages"] == 3 and ess["Actions"] == 15


def test_bad_files_are_failed_rows_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path, "ppyp-2023-24.pdf")
    (inbox / "copying.pdf").touch()
    (inbox / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inbox / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (inbox / "~$lock.docx").write_bytes(b"owner")  # Word's lock file: not a document at all
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register)]) == 1
    captured = capsys.readouterr()
    assert "3 file(s) failed, see the Sources sheet" in captured.out
    assert "FAILED    logo.png: not a workplan document (.png)" in captured.err
    sources = _sources(register)
    assert set(sources) == {"copying.pdf", "logo.png", "old.doc", "nested/ppyp-2023-24.pdf"}
    assert (
        sources["copying.pdf"]["Message"]
        == "empty file (0 bytes): it may still be copying; drop it in again when complete"
    )
    assert "legacy Word 97-2003" in str(sources["old.doc"]["Message"])
    assert sources["nested/ppyp-2023-24.pdf"]["Result"] == "Ingested"
    assert load_workbook(register)["Actions"].max_row == 1 + 19


def test_fail_fast_stops_and_writes_no_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path)
    (inbox / "a-broken.pdf").write_text("not a pdf")
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "--fail-fast"]) == 2
    assert "a-broken.pdf: not a PDF file" in capsys.readouterr().err
    assert not register.exists()


def test_missing_inbox_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["run", "--inbox", str(tmp_path / "nope"), "--register", str(tmp_path / "r.xlsx")])
        == 2
    )
    assert "inbox folder not found" in capsys.readouterr().err


def test_parse_prints_actions_as_json_and_raw_cells(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(INBOX / "ppyp-2023-24.docx"), "--raw"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["key"] == "PPYP 2023-24"
    ids = [a["action_id"] for a in data["actions"]]
    assert ids[:7] == ["1.1", "1.2a", "1.2b", "1.2c", "1.2d", "1.2e", "1.3"]
    first = data["actions"][0]
    assert first["lead"] == ["Michelle Waldron", "Pete Harvey"] and first["status"] == "On track"
    assert data["tables"][0]["roles"] == [
        "status",
        "impact",
        "action",
        "themes",
        "lead",
        "timeframe",
    ]
    cell = data["tables"][0]["rows"][0][2]
    assert (cell["row"], cell["col"], cell["text"][:3]) == (0, 2, "1.1")


def test_parse_of_a_bad_file_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_text("hello")
    assert main(["parse", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("workplans: plan.docx: not a Word file")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([], ["run", "parse", "--verbose"]),
        (
            ["run"],
            [
                "--inbox",
                "--register",
                "--themes",
                "--lead-aliases",
                "--lead-directory",
                "--fail-fast",
                "--quiet",
            ],
        ),
        (["parse"], ["file", "--raw", "--themes", "--lead-directory"]),
    ],
)
def test_help_describes_every_option(
    argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for word in words:
        assert word in text


def test_actions_exported_as_csv_and_json_match_the_sheet(tmp_path: Path) -> None:
    import csv

    inbox = _inbox(tmp_path, "ess-2023-24.docx")
    register, out_csv, out_json = tmp_path / "r.xlsx", tmp_path / "a.csv", tmp_path / "a.json"
    argv = [
        "run",
        "--inbox",
        str(inbox),
        "--register",
        str(register),
        "--csv",
        str(out_csv),
        "--json",
        str(out_json),
    ]
    assert main(argv) == 0
    sheet = list(load_workbook(register)["Actions"].iter_rows(values_only=True))
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(sheet[0]) and len(table) == len(sheet) == 16
    records = json.loads(out_json.read_text(encoding="utf-8"))
    assert list(records[0]) == list(sheet[0])
    by_id = {r["Register ID"]: r for r in records}
    assert by_id["ESS 2023-24 / 1.5"]["Due"] == "2023-12-31"
    assert by_id["ESS 2023-24 / 1.5"]["Support"] == "Effective Safeguarding and Support Sub-Group"


def test_locked_register_is_said_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path, "ess-2023-24.docx")
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    (tmp_path / ".~lock.register.xlsx#").write_text("LibreOffice lock")
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q", "--rebuild"]) == 0
    assert "is open in another program: the register was written to" in capsys.readouterr().out
