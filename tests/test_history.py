"""Versions across runs, end to end: a newer Word file of a sample replaces it.

The newer version is made here from the committed sample with python-docx,
as an author would edit it in Word: one status colour changed, one action
row deleted, one lead changed, and the document saved later.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import INBOX
from docx.oxml.ns import qn
from openpyxl import load_workbook

from ingest.cli import main

SAMPLE = INBOX / "ppyp-2023-24.docx"
NEWER = "ppyp-2023-24 v2.docx"
GREEN, AMBER = "00B050", "FFC000"  # the sample's On track and At risk shading


def _row(table: Any, action_id: str) -> Any:
    """The table row whose Action cell starts with ``action_id``."""
    column = next(
        k for k, c in enumerate(table.rows[0].cells) if c.text.strip().lower().startswith("action")
    )
    return next(r for r in table.rows if r.cells[column].text.strip().startswith(action_id + " "))  # fmt: skip


def make_newer_version(source: Path, target: Path, saved: datetime) -> None:
    """Action 1.1 green -> amber, action 1.3's lead -> Keith Shipman, action 1.4 deleted."""
    document = docx.Document(str(source))
    table = next(
        t for t in document.tables if any("lead" in c.text.lower() for c in t.rows[0].cells)
    )
    shadings = [s for s in _row(table, "1.1")._tr.iter(qn("w:shd")) if s.get(qn("w:fill")) == GREEN]
    assert len(shadings) == 1  # the status cell, and only it
    shadings[0].set(qn("w:fill"), AMBER)
    lead = next(
        k for k, c in enumerate(table.rows[0].cells) if c.text.strip().lower().startswith("lead")
    )
    cell = _row(table, "1.3").cells[lead]
    assert cell.text.strip() != "Keith Shipman"
    cell.text = "Keith Shipman"
    removed = _row(table, "1.4")._tr
    removed.getparent().remove(removed)
    document.core_properties.modified = saved  # as Word does on save
    document.save(str(target))


def _run(inbox: Path, register: Path, *extra: str) -> int:
    return main(["run", "--inbox", str(inbox), "--register", str(register), "-q", *extra])


def _sheet(register: Path, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(register)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_a_newer_version_gives_exactly_its_changes_and_one_removed_flag(
    inbox: Path, tmp_path: Path
) -> None:
    register = tmp_path / "register.xlsx"
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    assert _run(inbox, register) == 0
    before = {r["Register ID"]: r for r in _sheet(register, "Actions")}
    assert before["PPYP 2023-24 / 1.1"]["Status"] == "On track"
    old_lead = before["PPYP 2023-24 / 1.3"]["Lead"]
    assert old_lead and old_lead != "Keith Shipman"

    make_newer_version(SAMPLE, inbox / NEWER, datetime(2024, 1, 15, 10, 0))
    assert _run(inbox, register) == 0

    history = [
        (h["Register ID"], h["Field"], h["Old"], h["New"], h["Source"])
        for h in _sheet(register, "History")
    ]
    assert sorted(history) == [
        ("PPYP 2023-24 / 1.1", "Status", "On track", "At risk", NEWER),
        ("PPYP 2023-24 / 1.3", "Lead", old_lead, "Keith Shipman", NEWER),
    ]
    assert {h["Changed at"] for h in _sheet(register, "History")} == {datetime(2024, 1, 15, 10, 0)}
    flags = [r for r in _sheet(register, "Review") if str(r["Rule"]).startswith("Removed")]
    assert [(r["Register ID"], r["After"]) for r in flags] == [("PPYP 2023-24 / 1.4", "Removed")]

    after = {r["Register ID"]: r for r in _sheet(register, "Actions")}
    assert set(after) == set(before)  # the removed action is kept
    assert str(after["PPYP 2023-24 / 1.4"]["Review"]).startswith("Removed: not in " + NEWER)
    assert after["PPYP 2023-24 / 1.4"]["Source"] == SAMPLE.name
    assert {r["Source"] for k, r in after.items() if k != "PPYP 2023-24 / 1.4"} == {NEWER}
    workbook = load_workbook(register)
    sheet = workbook["Actions"]
    action = [c.value for c in sheet[1]].index("Action")
    row = next(r for r in sheet.iter_rows() if r[0].value == "PPYP 2023-24 / 1.4")
    kept = next(r for r in sheet.iter_rows(min_row=2) if r[0].value != "PPYP 2023-24 / 1.4")
    assert row[action].font.italic and not kept[action].font.italic  # shown greyed
    summary = workbook["Summary"]
    table = summary.tables["ByWorkplan"]
    header, counts = (tuple(c.value for c in r) for r in summary[table.ref])
    assert dict(zip(header, counts, strict=True))["Removed"] == 1
    assert after["PPYP 2023-24 / 1.1"]["Status"] == "At risk"
    assert after["PPYP 2023-24 / 1.3"]["Lead"] == "Keith Shipman"
    unchanged = set(before) - {"PPYP 2023-24 / 1.1", "PPYP 2023-24 / 1.3", "PPYP 2023-24 / 1.4"}
    for rid in unchanged:
        assert {k: v for k, v in after[rid].items() if k not in ("Source", "Location")} == {
            k: v for k, v in before[rid].items() if k not in ("Source", "Location")
        }, rid

    results = {s["File"]: (s["Result"], s["Message"]) for s in _sheet(register, "Sources")}
    assert results[NEWER][0] == "Ingested"
    assert results[SAMPLE.name][0] == "Replaced"
    assert results[SAMPLE.name][1].startswith(
        f"replaced by {NEWER}, the newest version of PPYP 2023-24 (saved 2024-01-15 10:00): "
        "2 changes, 1 action removed"
    )

    # a third run with nothing new leaves the register as it is; written again
    # (--rebuild), every file is Unchanged, with the same rows and History
    actions, history_rows = _sheet(register, "Actions"), _sheet(register, "History")
    before = register.read_bytes()
    assert _run(inbox, register) == 0
    assert register.read_bytes() == before
    assert _run(inbox, register, "--rebuild") == 0
    assert {s["File"]: s["Result"] for s in _sheet(register, "Sources")} == {
        SAMPLE.name: "Unchanged",
        NEWER: "Unchanged",
    }
    assert _sheet(register, "Actions") == actions
    assert _sheet(register, "History") == history_rows


def test_an_older_version_dropped_in_later_does_not_overwrite_the_newer(
    inbox: Path, tmp_path: Path
) -> None:
    register = tmp_path / "register.xlsx"
    make_newer_version(SAMPLE, inbox / NEWER, datetime(2024, 1, 15, 10, 0))
    assert _run(inbox, register) == 0
    newer = {r["Register ID"]: r for r in _sheet(register, "Actions")}
    assert "PPYP 2023-24 / 1.4" not in newer

    shutil.copy(SAMPLE, inbox / SAMPLE.name)  # saved 2023-09-01: older
    assert _run(inbox, register) == 0
    results = {s["File"]: s["Result"] for s in _sheet(register, "Sources")}
    assert results == {SAMPLE.name: "Replaced", NEWER: "Unchanged"}
    now = {r["Register ID"]: r for r in _sheet(register, "Actions")}
    assert {k: now[k] for k in newer} == newer  # every current row exactly as before
    assert now["PPYP 2023-24 / 1.4"]["Review"].startswith("Removed")  # only the old one had it


def test_files_leaving_the_inbox_stay_in_the_register(inbox: Path, tmp_path: Path) -> None:
    register = tmp_path / "register.xlsx"
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    assert _run(inbox, register) == 0
    rows = _sheet(register, "Actions")
    (inbox / SAMPLE.name).unlink()  # moved to an archive by the analyst
    assert _run(inbox, register) == 0
    assert _sheet(register, "Actions") == rows
    (source,) = _sheet(register, "Sources")
    assert (source["File"], source["Result"]) == (SAMPLE.name, "Unchanged")
    assert source["Message"].startswith("not in the inbox now")
