"""An analyst's edits survive every run (#15): their columns, their added columns, their conflicts.

The register is written from the sample inbox, edited with openpyxl as an
analyst edits it in Excel, and the run goes again with a newer version of one
workplan (made here with python-docx: action 1.3's lead changed, action 1.4
deleted, saved later than every sample).
"""

from __future__ import annotations

import csv
import json
import logging
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.run import run
from normalise import load_settings
from output.edits import GENERATED, NOT_IN_REGISTER, REGISTER_ID, WRITTEN, read_edits

PLAN = "ppyp-2023-24.docx"
NEWER = "ppyp-2023-24 v2.docx"
ANALYST = ["Analyst status", "Analyst note", "Checked by", "Checked on"]


def _newer_version(source: Path, target: Path) -> None:
    """Action 1.3's lead -> Keith Shipman, action 1.4 deleted, saved in 2030."""
    document = docx.Document(str(source))
    table = next(
        t for t in document.tables if any("lead" in c.text.lower() for c in t.rows[0].cells)
    )
    header = [c.text.strip().lower() for c in table.rows[0].cells]
    action = next(k for k, h in enumerate(header) if h.startswith("action"))
    lead = next(k for k, h in enumerate(header) if h.startswith("lead"))

    def row(action_id: str) -> Any:
        return next(r for r in table.rows if r.cells[action].text.strip().startswith(action_id + " "))  # fmt: skip

    row("1.3").cells[lead].text = "Keith Shipman"
    gone = row("1.4")._tr
    gone.getparent().remove(gone)
    document.core_properties.modified = datetime(2030, 1, 1)
    document.save(str(target))


def _sheet(path: Path, name: str) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """The sheet's header and its rows by their first cell (Register ID)."""
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return list(rows[0]), {str(r[0]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}


def _edit_as_an_analyst(path: Path) -> None:
    """Status from the drop-down, a note, a new column, a typed-over Lead; saved."""
    book = load_workbook(path)
    ws = book["Actions"]
    header = [c.value for c in ws[1]]
    at = {name: header.index(name) + 1 for name in header}
    row = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    (choices,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    column = ws.cell(1, at["Analyst status"]).column_letter
    assert column in str(choices.sqref)  # the analyst's status has the drop-down
    options = choices.formula1.strip('"').split(",")
    assert options == ["Complete", "On track", "At risk", "Overdue"]
    ws.cell(row["PPYP 2023-24 / 1.1"], at["Analyst status"], options[2])
    ws.cell(row["PPYP 2023-24 / 1.1"], at["Analyst note"], "Chased on 3 Nov: report slipping")
    ws.cell(row["PPYP 2023-24 / 1.1"], at["Checked by"], "A. Analyst")
    ws.cell(row["PPYP 2023-24 / 1.1"], at["Checked on"], date(2023, 11, 3))
    ws.cell(row["PPYP 2023-24 / 1.4"], at["Analyst note"], "keep: agreed at board")
    flag = ws.max_column + 1  # typed in the first empty column right of the table
    ws.cell(1, flag, "My flag")
    ws.cell(row["PPYP 2023-24 / 1.2a"], flag, "board paper")
    ws.cell(row["PPYP 2023-24 / 1.4"], flag, "ask why dropped")
    ws.cell(row["PPYP 2023-24 / 1.5"], at["Lead"], "Jane Analyst")  # a generated cell typed over
    book.save(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run, edit, run with a newer version of PPYP 2023-24, run again with nothing new."""
    tmp = tmp_path_factory.mktemp("edits")
    inbox = tmp / "inbox"
    shutil.copytree(INBOX, inbox)
    register = tmp / "register.xlsx"
    settings = load_settings()
    first = run(inbox, register, settings)
    before = _sheet(register, "Actions")[1]
    _edit_as_an_analyst(register)
    _newer_version(inbox / PLAN, inbox / NEWER)
    handler = _Records()
    logging.getLogger("output").addHandler(handler)
    try:
        second = run(inbox, register, settings, csv_path=tmp / "actions.csv")
        said = list(handler.messages)
        handler.messages.clear()
        after_second = {n: _sheet(register, n) for n in ("Actions", "Conflicts")}
        third = run(inbox, register, settings)
        said_again = list(handler.messages)
    finally:
        logging.getLogger("output").removeHandler(handler)
    return {
        "register": register, "before": before, "first": first, "second": second,
        "third": third, "said": said, "said_again": said_again, "after_second": after_second,
        "csv": tmp / "actions.csv",
    }  # fmt: skip


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_the_newer_version_took_over(runs: dict[str, Any]) -> None:
    _, actions = runs["after_second"]["Actions"]
    assert actions["PPYP 2023-24 / 1.3"]["Lead"] == "Keith Shipman"
    assert actions["PPYP 2023-24 / 1.3"]["Source"] == NEWER
    assert str(actions["PPYP 2023-24 / 1.4"]["Review"]).startswith("Removed: not in")
    assert runs["second"].actions == runs["first"].actions  # 1.4 kept, greyed


@pytest.mark.parametrize("when", ["after_second", "third"])
def test_analyst_columns_survive_every_run(runs: dict[str, Any], when: str) -> None:
    header, actions = (
        runs["after_second"]["Actions"] if when == "after_second" else _sheet(runs["register"], "Actions")
    )  # fmt: skip
    assert header[-5:] == [*ANALYST, "My flag"]  # the analyst's columns, theirs at the end
    row = actions["PPYP 2023-24 / 1.1"]
    assert [row[c] for c in ANALYST] == [
        "At risk",
        "Chased on 3 Nov: report slipping",
        "A. Analyst",
        datetime(2023, 11, 3),
    ]
    assert actions["PPYP 2023-24 / 1.2a"]["My flag"] == "board paper"
    # the removed action keeps its values, on its greyed row
    removed = actions["PPYP 2023-24 / 1.4"]
    assert (removed["Analyst note"], removed["My flag"]) == (
        "keep: agreed at board",
        "ask why dropped",
    )
    ws = load_workbook(runs["register"])["Actions"]
    cells = {str(r[0].value): r for r in ws.iter_rows(min_row=2)}
    assert cells["PPYP 2023-24 / 1.4"][header.index("My flag")].font.italic
    assert cells["PPYP 2023-24 / 1.1"][header.index("Checked on")].number_format == "yyyy-mm-dd"
    # nothing else gained a value
    filled = {rid for rid, r in actions.items() if any(r[c] is not None for c in header[-5:])}
    assert filled == {"PPYP 2023-24 / 1.1", "PPYP 2023-24 / 1.2a", "PPYP 2023-24 / 1.4"}
    # the views of open actions show the analyst's status and note beside the document's
    views = list(load_workbook(runs["register"])["By lead"].iter_rows(values_only=True))
    mine = [dict(zip(views[0], r, strict=True)) for r in views[1:] if r[2] == "PPYP 2023-24 / 1.1"]
    assert mine and all(
        (r["Status"], r["Analyst status"], r["Analyst note"])
        == ("On track", "At risk", "Chased on 3 Nov: report slipping")
        for r in mine
    )
    table = ws.tables["Actions"]
    assert table.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"


def test_an_edited_generated_cell_is_a_conflict_not_the_truth(runs: dict[str, Any]) -> None:
    _, actions = runs["after_second"]["Actions"]
    document_lead = runs["before"]["PPYP 2023-24 / 1.5"]["Lead"]
    assert document_lead != "Jane Analyst"
    assert actions["PPYP 2023-24 / 1.5"]["Lead"] == document_lead  # the document's truth stays
    header, conflicts = runs["after_second"]["Conflicts"]
    assert header == ["Register ID", "Column", "Analyst value", "Document value", "Found on"]
    found = conflicts["PPYP 2023-24 / 1.5"]["Found on"]
    assert list(conflicts.values()) == [
        {"Register ID": "PPYP 2023-24 / 1.5", "Column": "Lead", "Analyst value": "Jane Analyst",
         "Document value": document_lead, "Found on": found},
    ]  # fmt: skip
    assert found.date() == date.today()
    # the run says so, naming the action
    assert any(
        "Conflicts" in m and "PPYP 2023-24 / 1.5 Lead: Jane Analyst" in m for m in runs["said"]
    )
    assert [(c.register_id, c.column, c.analyst) for c in runs["second"].conflicts] == [
        ("PPYP 2023-24 / 1.5", "Lead", "Jane Analyst")
    ]


def test_a_conflict_is_kept_by_later_runs_and_said_once(runs: dict[str, Any]) -> None:
    assert _sheet(runs["register"], "Conflicts")[1] == runs["after_second"]["Conflicts"][1]
    assert len(runs["third"].conflicts) == 1
    assert not any("Conflicts" in m for m in runs["said_again"])  # not news any more


def test_the_actions_csv_carries_the_analyst_columns(runs: dict[str, Any]) -> None:
    with runs["csv"].open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    header, _ = runs["after_second"]["Actions"]
    assert list(table[0]) == header
    row = next(r for r in table if r["Register ID"] == "PPYP 2023-24 / 1.1")
    assert (row["Analyst status"], row["Checked on"]) == ("At risk", "2023-11-03")


def _one_plan_register(tmp_path: Path) -> tuple[Path, Path]:
    """An inbox of one sample plan and the register a run wrote from it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox)
    register = tmp_path / "register.xlsx"
    run(inbox, register, load_settings())
    return inbox, register


def test_a_fresh_register_holds_no_edits(tmp_path: Path) -> None:
    _, register = _one_plan_register(tmp_path)
    edits = read_edits(register)
    assert (edits.values, edits.changed, edits.conflicts, edits.problem) == ({}, {}, (), "")
    assert edits.columns == tuple(ANALYST)
    # a cell typed over with the same value is no edit
    book = load_workbook(register)
    ws = book["Actions"]
    ws["E2"] = ws["E2"].value
    ws["B3"] = "Something else entirely"
    book.save(register)
    assert read_edits(register).changed == {
        str(ws["A3"].value): {"Action": "Something else entirely"}
    }


def test_a_register_written_with_a_fingerprint_cell_per_column_still_reads(
    tmp_path: Path,
) -> None:
    """Registers written before fingerprints were packed one cell a row keep their edits."""
    _, register = _one_plan_register(tmp_path)
    book = load_workbook(register)
    packed = list(book[WRITTEN].iter_rows(values_only=True))
    names = packed[0][1].removeprefix("fingerprints of ")
    columns = [str(c) for c in json.loads(names)]
    assert columns == list(GENERATED)
    old = book.create_sheet("old")  # the layout before: one column a generated column
    old.append([REGISTER_ID, *columns])
    for rid, cell in packed[1:]:
        old.append([rid, *(cell[k * 8 : (k + 1) * 8] for k in range(len(columns)))])
    del book[WRITTEN]
    old.title = WRITTEN
    book["Actions"]["B3"] = "Something else entirely"
    book.save(register)
    assert read_edits(register).changed == {
        str(book["Actions"]["A3"].value): {"Action": "Something else entirely"}
    }


def test_an_action_gone_from_the_register_keeps_its_values_as_conflicts(tmp_path: Path) -> None:
    """A deleted state file and an inbox without the document: the values are not lost."""
    inbox, register = _one_plan_register(tmp_path)
    book = load_workbook(register)
    ws = book["Actions"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Analyst note") + 1, "my note")
    book.save(register)
    rid = str(ws["A2"].value)
    (tmp_path / "register.sqlite").unlink()
    (inbox / "ess-2023-24.docx").unlink()
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox)
    run(inbox, register, load_settings())
    _, conflicts = _sheet(register, "Conflicts")
    assert conflicts[rid]["Column"] == "Analyst note"
    assert (conflicts[rid]["Analyst value"], conflicts[rid]["Document value"]) == (
        "my note",
        NOT_IN_REGISTER,
    )


def test_an_unreadable_register_is_said_and_replaced(tmp_path: Path) -> None:
    register = tmp_path / "register.xlsx"
    register.write_bytes(b"not a workbook")
    edits = read_edits(register)
    assert edits.values == {} and "could not be read" in edits.problem
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.docx", inbox)
    run(inbox, register, load_settings())
    assert (tmp_path / "register.previous.xlsx").read_bytes() == b"not a workbook"
    assert load_workbook(register)["Actions"].max_row == 1 + 15


def test_a_deleted_register_loses_no_edits(tmp_path: Path) -> None:
    """The state file keeps the analysts' columns and conflicts; the next register has them."""
    inbox, register = _one_plan_register(tmp_path)
    book = load_workbook(register)
    ws = book["Actions"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Analyst note") + 1, "seen")
    ws.cell(2, header.index("Checked on") + 1, date(2024, 2, 29))
    ws.cell(1, len(header) + 1, "My flag")
    ws.cell(3, len(header) + 1, "red")
    ws.cell(4, header.index("Lead") + 1, "Typed Over")
    book.save(register)
    ids = [str(ws.cell(r, 1).value) for r in (2, 3, 4)]
    run(inbox, register, load_settings())
    register.unlink()
    register.with_name("register.previous.xlsx").unlink()
    run(inbox, register, load_settings())
    header, actions = _sheet(register, "Actions")
    assert header[-1] == "My flag"
    assert (actions[ids[0]]["Analyst note"], actions[ids[0]]["Checked on"]) == (
        "seen",
        datetime(2024, 2, 29),
    )
    assert actions[ids[1]]["My flag"] == "red"
    _, conflicts = _sheet(register, "Conflicts")
    assert (conflicts[ids[2]]["Column"], conflicts[ids[2]]["Analyst value"]) == (
        "Lead",
        "Typed Over",
    )
    assert actions[ids[2]]["Lead"] != "Typed Over"
