"""The register workbook, opened as an analyst's tools open it."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.run import run
from normalise import load_settings
from normalise.model import Action, Register, SourceRecord, Timeframe, TimeframeType
from output.excel import write_register

CONTRACT = {
    "Actions": ["Register ID", "Action", "Status", "Due", "Lead", "Support", "Timeframe (as written)",
                "Timeframe type", "Themes", "Workplan", "Period", "Priority", "Impact", "Action ID",
                "Lead (as written)", "Source", "Location", "Review",
                "Analyst status", "Analyst note", "Checked by", "Checked on"],
    "Overdue": ["Register ID", "Action", "Status", "Due", "Lead", "Support", "Timeframe (as written)", "Workplan",
                "Analyst status", "Analyst note"],
    "Due soon": ["Register ID", "Action", "Status", "Due", "Lead", "Support", "Timeframe (as written)", "Workplan",
                 "Analyst status", "Analyst note"],
    "By lead": ["Lead", "Role", "Register ID", "Action", "Status", "Due", "Workplan", "Analyst status", "Analyst note"],
    "Action leads": ["Register ID", "Lead", "Kind", "Role"],
    "Action themes": ["Register ID", "Theme"],
    "Leads": ["Lead", "Kind", "Organisation", "Written as", "Actions", "Workplans"],
    "Review": ["Register ID", "Field", "Before", "After", "Rule", "Confidence"],
    "Sources": ["File", "SHA-256", "Format", "Pages", "Workplan", "Period", "Actions", "Result", "Message", "Ingested at"],
    "History": ["Register ID", "Field", "Old", "New", "Source", "Changed at"],
    "Conflicts": ["Register ID", "Column", "Analyst value", "Document value", "Found on"],
}  # fmt: skip


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reg") / "register.xlsx"
    run(INBOX, out, load_settings())
    return out


@pytest.fixture(scope="module")
def actions_and_register(tmp_path_factory: pytest.TempPathFactory) -> tuple[Register, Path]:
    from ingest.run import ingest_file
    from normalise import build_register

    settings = load_settings()
    now = datetime(2026, 1, 1)
    readings = [
        ingest_file(INBOX / n, settings, now) for n in ("ppyp-2021-22.docx", "ppyp-2023-24.docx")
    ]
    register = build_register(readings, settings)
    path = write_register(
        register, tmp_path_factory.mktemp("sum") / "r.xlsx", today=date(2023, 10, 1)
    ).path
    return register, path


def test_every_contract_sheet_and_column(register: Path) -> None:
    wb = load_workbook(register)
    assert wb.sheetnames == ["Summary", *CONTRACT, "_written"]
    assert wb["_written"].sheet_state == "veryHidden"  # what the tool wrote, to tell edits apart
    for name, columns in CONTRACT.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == columns
        # Register ID and Action stay in sight on Actions
        assert ws.freeze_panes == ("C2" if name == "Actions" else "A2")
        # every sheet is a table, an empty one (History here) with one blank row
        table = name.replace(" ", "")
        assert list(ws.tables) == [table]
        last = ws.cell(1, len(columns)).column_letter
        assert ws.tables[table].ref == f"A1:{last}{max(ws.max_row, 2)}"
        assert ws.tables[table].autoFilter is not None
    frames = pd.read_excel(register, sheet_name=None)
    assert {n: list(f.columns) for n, f in frames.items() if n in CONTRACT} == CONTRACT
    assert len(frames["History"]) == 0  # the blank row is no record
    assert len(frames["Conflicts"]) == 0


def test_one_row_per_action_of_every_sample(register: Path) -> None:
    """Every action of every sample, ``.docx`` and ``.pdf`` alike, is exactly one row.

    A Word file and its PDF export are versions of one workplan and share its
    Register IDs, so each document's actions are all there, once: the newest
    version's row stands for them (``normalise.versions``).
    """
    from normalise import normalise_document
    from parsers import parse

    frame = pd.read_excel(register, sheet_name="Actions")
    assert frame["Register ID"].is_unique
    settings = load_settings()
    for path in sorted(INBOX.iterdir()):
        workplan = normalise_document(parse(path), settings)
        rows = frame[frame["Register ID"].str.startswith(workplan.key + " / ")]
        assert set(rows["Register ID"]) == {a.register_id for a in workplan.actions}, path.name
    assert len(frame) == 19 + 19 + 15
    sources = pd.read_excel(register, sheet_name="Sources")
    current = set(sources.loc[sources["Result"] == "Ingested", "File"])
    replaced = sources.loc[sources["Result"] == "Replaced", "Message"]
    assert len(replaced) == 4  # each Word file, and the reportlab PDF, agree with the current PDF:
    assert all(": the same actions" in m for m in replaced)  # no History from a format change
    assert (
        set(frame["Source"])
        == current
        == {
            "ppyp-2021-22.pdf",
            "ppyp-2023-24.pdf",
            "ess-2023-24.pdf",
        }
    )
    assert (
        frame["Register ID"]
        .str.match(r"^(PPYP 2021-22|PPYP 2023-24|ESS 2023-24) / \d+\.\d+[a-e]?$")
        .all()
    )


def test_dates_are_real_dates_and_nothing_is_a_formula(register: Path) -> None:
    wb = load_workbook(register)
    dues = [c for c in wb["Actions"]["D"][1:] if c.value is not None]
    assert len(dues) > 10
    assert all(isinstance(c.value, datetime) and c.number_format == "yyyy-mm-dd" for c in dues)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def _action(text: str) -> Action:
    return Action("K / 1.1", "W", "2024-25", 1, "I", "1.1", text, (), ("=HYPERLINK(1)",), (), "-x",
                  Timeframe("Dec 2024", TimeframeType.DATE, date(2024, 12, 31)), None, "f.docx", "table 1, row 1")  # fmt: skip


def test_text_starting_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = write_register(
        Register((_action("=SUM(A1:A9)"), _action("+44 20"), _action("@risk")), ()),
        tmp_path / "r.xlsx",
    ).path
    ws = load_workbook(path)["Actions"]
    assert [ws[f"B{r}"].value for r in (2, 3, 4)] == ["=SUM(A1:A9)", "+44 20", "@risk"]
    assert all(ws[f"B{r}"].data_type == "s" and ws[f"B{r}"].quotePrefix for r in (2, 3, 4))
    assert ws["E2"].value == "=HYPERLINK(1)" and ws["E2"].data_type == "s"


def test_a_failed_write_leaves_the_previous_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx").path
    before = path.read_bytes()

    def boom(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        assert self.fp is not None
        self.fp.write(b"half a workbook")  # the disk fills part way through the zip
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("zipfile.ZipFile.writestr", boom)
    monkeypatch.setattr("zipfile.ZipFile.write", boom)
    with pytest.raises(OSError, match="No space left"):
        write_register(Register((_action("second"),), ()), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temporary file left behind


def test_sources_sheet_records_failures(tmp_path: Path) -> None:
    failed = SourceRecord(
        "x.pdf",
        "ab" * 32,
        "pdf",
        None,
        "",
        "",
        0,
        "Failed",
        "encrypted PDF",
        datetime(2026, 1, 2, 3, 4),
    )
    ws = load_workbook(write_register(Register((), (failed,)), tmp_path / "r.xlsx").path)["Sources"]
    assert [c.value for c in ws[2]] == ["x.pdf", "ab" * 32, "pdf", None, None, None, 0, "Failed", "encrypted PDF",
                                       datetime(2026, 1, 2, 3, 4)]  # fmt: skip
    assert re.fullmatch(r"yyyy-mm-dd hh:mm", ws["J2"].number_format)


def _block(ws: object, name: str) -> list[tuple[object, ...]]:
    table = ws.tables[name]  # type: ignore[attr-defined]
    return [tuple(c.value for c in row) for row in ws[table.ref]]  # type: ignore[index]


def test_summary_answers_the_first_questions(actions_and_register: tuple[Register, Path]) -> None:
    register, path = actions_and_register
    ws = load_workbook(path)["Summary"]
    by_workplan = _block(ws, "ByWorkplan")
    assert by_workplan[0] == (
        "Workplan",
        "Key",
        "Period",
        "Complete",
        "On track",
        "At risk",
        "Overdue",
        "No status",
        "Removed",
        "Total",
    )
    # as shaded: 2021-22 has 4 complete, 9 on track, 2 at risk, 2 overdue, 2 unshaded
    assert by_workplan[1] == (
        "Promote and Protect Young People Sub-Group Workplan",
        "PPYP 2021-22",
        "2021-22",
        4,
        9,
        2,
        2,
        2,
        0,
        19,
    )
    assert by_workplan[2][2:] == ("2023-24", 2, 11, 4, 2, 0, 0, 19)
    no_lead = _block(ws, "NoLead")
    assert no_lead[0] == ("Action", "Register ID", "Source")
    assert {r[1] for r in no_lead[1:]} == {
        a.register_id for a in register.actions if a.lead == ("Unassigned",)
    }
    assert "PPYP 2021-22 / 3.4" in {r[1] for r in no_lead[1:]}
    due = _block(ws, "DueByLead")
    assert due[0] == ("Lead", "Past due date", "Due in next 90 days", "All actions")
    # on 1 October 2023: Kelly Anderson's September 2023 report is past due;
    # Keith Shipman's Autumn 2023 (30 November) report is due within 90 days
    rows = {r[0]: r[1:] for r in due[1:]}
    assert rows["Kelly Anderson"] == (1, 0, 1)
    assert rows["Keith Shipman"] == (0, 1, 7)


def test_status_is_coloured_by_rule_with_a_drop_down_and_sources_link(tmp_path: Path) -> None:
    source = tmp_path / "f.docx"
    source.write_bytes(b"x")
    record = SourceRecord(
        "f.docx",
        "0" * 64,
        "docx",
        None,
        "W",
        "2024-25",
        1,
        "Ingested",
        "",
        datetime(2026, 1, 1),
        str(source),
    )
    path = write_register(Register((_action("x"),), (record,)), tmp_path / "r.xlsx").path
    ws = load_workbook(path)["Actions"]
    rules = {str(r.formula[0]) for rng in ws.conditional_formatting for r in rng.rules}
    assert rules == {'"Complete"', '"On track"', '"At risk"', '"Overdue"'}
    assert {str(rng.sqref) for rng in ws.conditional_formatting} == {"C2", "S2"}
    validation, checked_on = ws.data_validations.dataValidation
    assert (
        validation.type == "list" and validation.formula1 == '"Complete,On track,At risk,Overdue"'
    )
    # the document's Status and the analyst's own have the drop-down
    assert str(validation.sqref) == "C2 S2" and ws["S1"].value == "Analyst status"
    assert checked_on.type == "date" and str(checked_on.sqref) == "V2"
    # the document sits beside the register: the link is relative, so the folder can move
    assert ws["P2"].hyperlink is not None and ws["P2"].hyperlink.target == "f.docx"


def test_previous_register_is_kept_as_a_backup(tmp_path: Path) -> None:
    first = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx")
    assert first.backup is None
    second = write_register(Register((_action("second"),), ()), tmp_path / "r.xlsx")
    assert second.backup == tmp_path / "r.previous.xlsx"
    assert load_workbook(second.backup)["Actions"]["B2"].value == "first"
    assert load_workbook(second.path)["Actions"]["B2"].value == "second"


def test_register_open_in_excel_gets_a_dated_copy_beside_it(tmp_path: Path) -> None:
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx").path
    (tmp_path / "~$r.xlsx").write_bytes(b"owner")  # Excel's lock file while it has r.xlsx open
    written = write_register(Register((_action("second"),), ()), path)
    assert written.locked and written.path != path
    assert re.fullmatch(r"r \d{4}-\d{2}-\d{2} \d{6}\.xlsx", written.path.name)
    assert load_workbook(path)["Actions"]["B2"].value == "first"
    assert load_workbook(written.path)["Actions"]["B2"].value == "second"
