"""Header shapes the first layouts did not have, each on a grid or a Word file built here.

A merged title row above the header in the same table, two columns that both
name a lead, support columns worded as who the lead works with, a Gantt strip
of shaded quarters.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx_build import save, shade

from normalise import load_settings, normalise_document
from parsers import parse
from parsers.columns import read_timeline
from parsers.header import find_header, role_of
from parsers.model import Provenance, RawCell, Role


def _table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    return table


def _titled(document: Any, title: str, body: list[list[str]]) -> None:
    """One table: a title row merged across, the header row, then ``body``."""
    table = _table(document, [["", "", "", ""], ["Ref", "What we will do", "Who", "When"], *body])
    merged = table.cell(0, 0).merge(table.cell(0, 3))
    merged.text = title


# 1. A merged title row above the header row, inside the same table


def test_find_header_looks_past_a_merged_title_row_and_keeps_its_text() -> None:
    rows: list[list[str | None]] = [
        ["Priority 3: Voices shape services", None, None, None],
        ["Ref", "What we will do", "Who", "When"],
        ["3.1", "Set up a group", "Ann", "June 2025"],
    ]
    header = find_header(rows, col_spans=[[4, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]])
    assert header is not None
    assert header.rows == 2
    assert header.roles == (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME)
    assert header.titles == ("Priority 3: Voices shape services",)


def test_a_header_with_no_title_row_has_no_titles() -> None:
    header = find_header([["Action", "Lead"], ["Do it", "Ann"]])
    assert header is not None and header.titles == ()


def test_title_rows_of_tables_one_per_priority_set_priority_and_impact(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Test Partnership Delivery Plan 2025-26")
    _titled(document, "Priority 1: Children are safe", [["1.1", "Train staff", "Ann", "June 2025"]])
    document.add_paragraph("")
    _titled(
        document, "Priority 2: Neglect is seen early", [["2.1", "Run audits", "Bob", "May 2025"]]
    )
    raw = parse(save(document, tmp_path))
    assert len(raw.tables) == 1
    assert raw.tables[0].headings == (
        (0, "Priority 1: Children are safe"),
        (1, "Priority 2: Neglect is seen early"),
    )
    plan = normalise_document(raw, load_settings())
    got = [(a.action_id, a.priority, a.impact) for a in plan.actions]
    assert got == [
        ("1.1", 1, "Children are safe"),
        ("2.1", 2, "Neglect is seen early"),
    ]


# 2. Two columns that both name a lead


@pytest.mark.parametrize(
    ("labels", "roles"),
    [
        (
            ["Action", "Accountable body", "Lead officer"],
            (Role.ACTION, Role.OTHER, Role.LEAD),
        ),
        (
            ["Action", "Lead organisation", "Lead officer"],
            (Role.ACTION, Role.OTHER, Role.LEAD),
        ),
        (
            ["Action", "Lead officer", "Lead agency"],
            (Role.ACTION, Role.LEAD, Role.OTHER),
        ),
        (
            ["Action", "Responsible person", "Lead agency and partners"],
            (Role.ACTION, Role.LEAD, Role.SUPPORT),
        ),
        # neither names a person or a body: the first stays the lead, as before
        (["Action", "Lead", "Accountable"], (Role.ACTION, Role.LEAD, Role.OTHER)),
    ],
)
def test_of_two_lead_columns_the_one_naming_a_person_is_the_lead(
    labels: list[str], roles: tuple[Role, ...]
) -> None:
    header = find_header([labels, ["Do it", "x", "y"]])
    assert header is not None and header.roles == roles


# 3. Support columns worded as who the lead works with


@pytest.mark.parametrize(
    "label",
    [
        "Working with",
        "In partnership with",
        "Key partners",
        "Other agencies",
        "Partner agencies",
        "Supporting organisations",
    ],
)
def test_support_vocabulary_of_real_plans(label: str) -> None:
    assert role_of(label) is Role.SUPPORT


def test_a_lead_label_mentioning_partners_stays_the_lead() -> None:
    assert role_of("Lead (working with partners)") is Role.LEAD


# 4. A Gantt strip of shaded quarters is the timeframe, not a status

_BLUE = "2F5597"


def _cell(text: str | None, fill: str | None = None) -> RawCell:
    return RawCell(text, Provenance("f", 0, 0, 0), fill=fill)


def test_a_strip_of_shaded_quarters_is_the_timeframe() -> None:
    labels = ["Action", "Lead", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"]
    roles = [Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER, Role.OTHER, Role.OTHER]
    rows = [
        [_cell("Do a"), _cell("Ann"), _cell("", _BLUE), _cell("", _BLUE), _cell(""), _cell("")],
        [_cell("Do b"), _cell("Bob"), _cell(""), _cell(""), _cell(""), _cell("", _BLUE)],
        [_cell("Do c"), _cell("Cy"), _cell(""), _cell(""), _cell(""), _cell("")],
        # a band row merged across: the strip's positions are covered
        [_cell("Band", "E2EFDA"), *(_cell(None) for _ in range(5))],
    ]
    out_roles, out_rows = read_timeline(roles, labels, rows)
    assert out_roles[5] is Role.TIMEFRAME and out_roles[2:5] == (Role.OTHER,) * 3
    assert [r[5].text for r in out_rows] == ["Q1 - Q2 2025/26", "Q4 2025/26", "", None]
    assert all(c.fill is None for r in out_rows for c in r[2:])
    assert out_rows[3][0].fill == "E2EFDA"


def test_a_strip_of_months_carries_each_months_calendar_year() -> None:
    labels = ["Action", "2025/26 Nov", "2025/26 Dec", "2025/26 Jan", "2025/26 Feb"]
    row = [_cell("Do a"), _cell(""), _cell("", _BLUE), _cell("", _BLUE), _cell("", _BLUE)]
    _, rows = read_timeline([Role.ACTION] + [Role.OTHER] * 4, labels, [row])
    assert rows[0][4].text == "Dec 2025 - Feb 2026"


def test_quarters_under_a_timeframe_column_lose_their_fills_but_keep_the_timeframe() -> None:
    labels = ["Action", "Due", "Q1", "Q2", "Q3"]
    roles = [Role.ACTION, Role.TIMEFRAME, Role.OTHER, Role.OTHER, Role.OTHER]
    row = [_cell("Do a"), _cell("June 2025"), _cell("", _BLUE), _cell(""), _cell("")]
    out_roles, rows = read_timeline(roles, labels, [row])
    assert out_roles == tuple(roles)
    assert [c.text for c in rows[0]] == ["Do a", "June 2025", "", "", ""]
    assert [c.fill for c in rows[0]] == [None] * 5


def test_two_shaded_columns_or_written_cells_are_no_strip() -> None:
    labels = ["Action", "Q1", "Q2", "Q3"]
    roles = [Role.ACTION, Role.OTHER, Role.OTHER, Role.OTHER]
    written = [_cell("Do a"), _cell("Held", _BLUE), _cell("Planned"), _cell("")]
    assert read_timeline(roles, labels, [written])[0] == tuple(roles)
    pair = [_cell("Do a"), _cell("", _BLUE), _cell("", _BLUE)]
    assert read_timeline(roles[:3], labels[:3], [pair])[0] == tuple(roles[:3])


def test_gantt_strip_under_a_year_in_word_is_the_timeframe_and_no_status(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Test Health and Wellbeing Delivery Plan 2025/26")
    table = _table(
        document,
        [
            ["Action", "Accountable body", "Lead officer", "2025/26", "", "", ""],
            ["", "", "", "Q1", "Q2", "Q3", "Q4"],
            ["1.1 Open family hubs", "Test Council", "Dr Ann Lee", "", "", "", ""],
            ["1.2 Train staff", "Test ICB", "Bob Ray", "", "", "", ""],
        ],
    )
    for k in range(3):
        table.cell(0, k).merge(table.cell(1, k))
    table.cell(0, 3).merge(table.cell(0, 6)).text = "2025/26"
    for r, cols in ((2, (4, 5, 6)), (3, ())):
        for k in cols:
            shade(table.cell(r, k), _BLUE)
    raw = parse(save(document, tmp_path))
    plan = normalise_document(raw, load_settings())
    got = [
        (a.action_id, a.lead_as_written, a.timeframe.as_written, a.timeframe.due, a.status)
        for a in plan.actions
    ]
    assert got == [
        ("1.1", "Dr Ann Lee", "Q2 - Q4 2025/26", datetime.date(2026, 3, 31), None),
        ("1.2", "Bob Ray", "", None, None),
    ]
