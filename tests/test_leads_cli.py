"""The lead directory analysts own: written by ``workplans leads``, read back by ``run``."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from conftest import INBOX
from docx_build import save, workplan
from openpyxl import load_workbook

from ingest.cli import main


def _leads_column(register: Path) -> list[str]:
    ws = load_workbook(register)["Actions"]
    header = [c.value for c in ws[1]]
    col = header.index("Lead")
    return [str(row[col]) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_directory_written_edited_and_read_back_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox)
    directory = tmp_path / "leads.csv"
    assert main(["leads", "--inbox", str(inbox), "--out", str(directory)]) == 0
    assert "Lead directory written to" in capsys.readouterr().out
    with directory.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Written as", "Canonical lead", "Kind", "Organisation"]
    written = {r[0]: r for r in rows[1:]}
    assert written["MSCP Business Unit"][1] == "MSCP Business Support Unit"
    assert written["Keith Shipman"][2:] == ["Person", "LB Merton"]
    # the analyst says the Young Inspectors are the Merton Young Inspectors
    written["Young Inspectors"][1] = "Merton Young Inspectors"
    with directory.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *written.values()])
    register = tmp_path / "register.xlsx"
    assert (
        main(
            [
                "run",
                "--inbox",
                str(inbox),
                "--register",
                str(register),
                "--lead-directory",
                str(directory),
            ]
        )
        == 0
    )
    leads = _leads_column(register)
    assert leads[0] == "Keith Shipman; Merton Young Inspectors"
    assert not any("; Young Inspectors" in lead for lead in leads)


def test_uncertain_matches_are_listed_with_their_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rows = [["1. Safe", "1.1 Do a", "Keith Shipman", "May 2024"], ["", "1.2 Do b", "Keith Shipman", "June 2024"],
            ["", "1.3 Do c", "Keith Shipmen", "July 2024"], ["", "1.4 Do d", "Keith Smith", "July 2024"]]  # fmt: skip
    save(workplan(rows), inbox)
    assert main(["leads", "--inbox", str(inbox), "--uncertain"]) == 0
    out = capsys.readouterr().out
    assert "Keith Shipmen -> Keith Shipman" in out
    assert "Keith Smith ->" not in out
    assert "1 uncertain match(es)" in out


def test_a_bad_directory_file_is_a_named_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "leads.csv"
    bad.write_text("nonsense,columns\n1,2\n")
    assert main(["parse", str(INBOX / "ess-2023-24.docx"), "--lead-directory", str(bad)]) == 2
    assert "leads.csv" in capsys.readouterr().err


def test_uncertain_lists_acronym_and_full_name_merges_with_their_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = [
        ["1. Safe", "1.1 Do a", "MPS", "May 2024"],
        ["", "1.2 Do b", "Full Forum", "June 2024"],
    ]
    second = [["1. Safe", "1.1 Do c", "Metropolitan Police Service", "May 2024"]]
    save(workplan(first, title="CORAL FORUM WORKPLAN 2024-25"), inbox, "coral.docx")
    save(workplan(second, title="NEPTUNE SUB-GROUP WORKPLAN 2024-25"), inbox, "neptune.docx")
    assert main(["leads", "--inbox", str(inbox), "--uncertain"]) == 0
    out = capsys.readouterr().out
    assert "MPS -> Metropolitan Police Service  (shipped list)" in out
    assert "Full Forum" not in out  # the plan's own group is certain
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    leads = _leads_column(register)
    assert leads.count("Metropolitan Police Service") == 2
    assert "Full Forum" not in leads
