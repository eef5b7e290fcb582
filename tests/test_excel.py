"""The register workbook, opened as an analyst's tools open it."""

from __future__ import annotations

import re
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
    "Actions": ["Register ID", "Workplan", "Period", "Priority", "Impact", "Action ID", "Action", "Themes", "Lead",
                "Support", "Lead (as written)", "Timeframe (as written)", "Timeframe type", "Due", "Status",
                "Source", "Location", "Review"],
    "Leads": ["Lead", "Kind", "Organisation", "Written as", "Actions", "Workplans"],
    "Review": ["Register ID", "Field", "Before", "After", "Rule", "Confidence"],
    "Sources": ["File", "SHA-256", "Format", "Pages", "Workplan", "Period", "Actions", "Result", "Message", "Ingested at"],
    "History": ["Register ID", "Field", "Old", "New", "Source", "Changed at"],
}  # fmt: skip


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reg") / "register.xlsx"
    run(INBOX, out, load_settings())
    return out


def test_every_contract_sheet_and_column(register: Path) -> None:
    wb = load_workbook(register)
    assert wb.sheetnames == list(CONTRACT)
    for name, columns in CONTRACT.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == columns
        assert ws.freeze_panes == "A2"
        if ws.max_row > 1:
            assert list(ws.tables) == [name]
            assert ws.tables[name].ref == f"A1:{ws.cell(1, len(columns)).column_letter}{ws.max_row}"
        else:
            assert ws.auto_filter.ref


def test_one_row_per_action_of_every_sample(register: Path) -> None:
    frame = pd.read_excel(register, sheet_name="Actions")
    assert len(frame) == 19 + 19 + 19 + 19 + 15 + 15 + 15
    assert set(frame["Source"]) == {p.name for p in INBOX.iterdir()}
    assert (
        frame["Register ID"]
        .str.match(r"^(PPYP 2021-22|PPYP 2023-24|ESS 2023-24) / \d+\.\d+[a-e]?$")
        .all()
    )


def test_dates_are_real_dates_and_nothing_is_a_formula(register: Path) -> None:
    wb = load_workbook(register)
    dues = [c for c in wb["Actions"]["N"][1:] if c.value is not None]
    assert len(dues) > 20
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
    )
    ws = load_workbook(path)["Actions"]
    assert [ws[f"G{r}"].value for r in (2, 3, 4)] == ["=SUM(A1:A9)", "+44 20", "@risk"]
    assert all(ws[f"G{r}"].data_type == "s" and ws[f"G{r}"].quotePrefix for r in (2, 3, 4))
    assert ws["I2"].value == "=HYPERLINK(1)" and ws["I2"].data_type == "s"


def test_a_failed_write_leaves_the_previous_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_register(Register((_action("first"),), ()), tmp_path / "r.xlsx")
    before = path.read_bytes()

    def boom(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", boom)
    with pytest.raises(OSError, match="No space left"):
        write_register(Register((_action("second"),), ()), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


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
    ws = load_workbook(write_register(Register((), (failed,)), tmp_path / "r.xlsx"))["Sources"]
    assert [c.value for c in ws[2]] == ["x.pdf", "ab" * 32, "pdf", None, None, None, 0, "Failed", "encrypted PDF",
                                       datetime(2026, 1, 2, 3, 4)]  # fmt: skip
    assert re.fullmatch(r"yyyy-mm-dd hh:mm", ws["J2"].number_format)
