"""A reading that invents ids or leaves a column unread says so on the Review sheet (#13)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from conftest import SAMPLES

from ingest.cli import main
from normalise import load_settings
from normalise.document import UNREAD_COLUMN_RULE, unread_columns
from normalise.ids import INFERRED_ID_RULE
from normalise.rows import read_table
from normalise.sub_actions import LISTED_ID_RULE
from parsers.model import Provenance, RawCell, RawTable, Role


def _table(header: tuple[str, ...], roles: tuple[Role, ...], row: tuple[str, ...]) -> RawTable:
    cells = (tuple(RawCell(t, Provenance("t.docx", 0, 0, k)) for k, t in enumerate(row)),)
    return RawTable(0, roles, header, cells, "docx")


def test_a_labelled_column_no_rule_reads_is_named() -> None:
    table = _table(
        ("Action", "Lead", "Milestones", "Success measure", ""),
        (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER, Role.OTHER),
        ("1.1 Do it", "Ann Lee", "Draft by May", "Fewer referrals", "x"),
    )
    out = unread_columns(table)
    assert [(r.field, r.before, r.rule) for r in out] == [
        ("Column", "Milestones", UNREAD_COLUMN_RULE)
    ]


def test_an_empty_unread_column_is_not_named() -> None:
    table = _table(
        ("Action", "Lead", "Milestones"),
        (Role.ACTION, Role.LEAD, Role.OTHER),
        ("1.1 Do it", "Ann Lee", ""),
    )
    assert unread_columns(table) == []


def test_invented_ids_are_named_on_the_review_sheet(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "layouts" / "oakhurst-cp-bullets.docx", inbox)
    shutil.copy(SAMPLES / "inbox" / "ess-2023-24.docx", inbox)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    book = openpyxl.load_workbook(register)
    review = [r for r in book["Review"].iter_rows(min_row=2, values_only=True)]
    invented = sorted(
        (str(r[0]), r[2], r[3])
        for r in review
        if r[1] == "Action ID" and r[4] in (LISTED_ID_RULE, INFERRED_ID_RULE)
    )
    assert ("OCP 2024-25 / 1.2a", "1.2", "1.2a") in invented
    assert [i for i in invented if i[0].startswith("OCP")] == [
        ("OCP 2024-25 / 1.2a", "1.2", "1.2a"),
        ("OCP 2024-25 / 1.2b", "1.2", "1.2b"),
        ("OCP 2024-25 / 1.2c", "1.2", "1.2c"),
        ("OCP 2024-25 / 2.2a", "2.2", "2.2a"),
        ("OCP 2024-25 / 2.2b", "2.2", "2.2b"),
        ("OCP 2024-25 / 3.1a", "3.1", "3.1a"),
        ("OCP 2024-25 / 3.1b", "3.1", "3.1b"),
    ]
    ids = {str(r[0]) for r in book["Actions"].iter_rows(min_row=2, values_only=True)}
    assert {i[0] for i in invented} <= ids


def test_theme_matrix_columns_read_by_the_rows_are_not_named_unread() -> None:
    header = ("Action", "Lead", "Think Family", "Voice of CYP and families")
    roles = (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER)
    rows = (
        ("1.1 Do it", "Ann Lee", "✓", ""),
        ("1.2 Do more", "Bo Ray", "", "✓"),
        ("Complete", "On track", "At risk", "Overdue"),  # a key row, left out
    )
    cells = tuple(
        tuple(RawCell(t, Provenance("t.docx", 0, r, k)) for k, t in enumerate(row))
        for r, row in enumerate(rows)
    )
    table = RawTable(0, roles, header, cells, "docx")
    reading = read_table(table, load_settings().themes)
    assert [d.themes for d in reading.drafts] == ["Think Family", "Voice of CYP and families"]
    assert reading.matrix == (2, 3)
    assert unread_columns(table, reading.matrix) == []
