"""Row and column roles: band rows, headings, left-out rows, ID / Support / Priority columns,
several actions in one cell, nested sub-action tables and theme matrices (#13).

Each rule on a small grid built here; the whole path through ``normalise_document``
where the rule lives there (priorities from ids, Review rows, leads).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalise import load_settings, normalise_document, with_leads
from normalise.bands import RowKind, read_band, row_kind
from normalise.cells import listed_items
from normalise.rows import drafts, read_table
from normalise.themes import load_themes
from parsers.model import Provenance, RawCell, RawDocument, RawTable, Role

Cell = str | None | tuple[str | None, int]  # text, or (text, col_span)


def _table(
    roles: tuple[Role, ...],
    header: tuple[str, ...],
    rows: list[list[Cell]],
    headings: tuple[tuple[int, str], ...] = (),
    fills: dict[tuple[int, int], str] | None = None,
) -> RawTable:
    fills = fills or {}
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for k, written in enumerate(row):
            text, span = written if isinstance(written, tuple) else (written, 1)
            cells.append(
                RawCell(text, Provenance("t.docx", 0, r, k), col_span=span, fill=fills.get((r, k)))
            )
        grid.append(tuple(cells))
    return RawTable(0, roles, header, tuple(grid), "docx", headings=headings)


def _document(table: RawTable) -> RawDocument:
    return RawDocument(
        "plan.docx", "docx", 0, ("Safeguarding Adults Board Plan 2024-25",), (table,)
    )


BASIC = (Role.ACTION, Role.LEAD, Role.TIMEFRAME)
BASIC_HEADER = ("Action", "Lead", "Timeframe")
STATUS_FIRST = (Role.STATUS, Role.ACTION, Role.LEAD, Role.TIMEFRAME)


def _band(text: str) -> list[Cell]:
    return [(text, 3), None, None]


# --- band rows -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "priority", "impact"),
    [
        ("Priority 2: Keep adults safe", 2, "Keep adults safe"),
        ("Outcome 1 – People feel safe at home", 1, "People feel safe at home"),
        ("Objective 3. Work together", 3, "Work together"),
        ("2. Prevent harm", 2, "Prevent harm"),
        ("Priority: Listen to people", None, "Listen to people"),
    ],
)
def test_a_band_row_sets_priority_and_impact_and_is_no_action(
    written: str, priority: int | None, impact: str
) -> None:
    table = _table(BASIC, BASIC_HEADER, [_band(written), ["2.1 Run an audit", "Ann", "2025"]])
    out = drafts(table)
    assert [(d.priority, d.impact, d.action_id, d.action) for d in out] == [
        (priority, impact, "2.1", "Run an audit")
    ]
    band_repairs = [r for r in out[0].repairs if "band row" in r.rule]
    assert [(r.field, r.before, r.after) for r in band_repairs] == [("Impact", written, impact)]


def test_a_band_merged_over_all_but_a_narrow_status_column() -> None:
    table = _table(
        STATUS_FIRST,
        ("", "Action", "Lead", "Timeframe"),
        [
            ["", ("Priority 1: Prevention", 3), None, None],
            ["", "1.1 Publish guidance", "Ann", "March 2025"],
            ["", ("Priority 2: Protection", 3), None, None],
            ["", "2.1 Train staff", "Bob", "June 2025"],
        ],
    )
    assert [(d.priority, d.impact, d.action_id) for d in drafts(table)] == [
        (1, "Prevention", "1.1"),
        (2, "Protection", "2.1"),
    ]


def test_a_band_of_a_number_cell_beside_merged_text() -> None:
    table = _table(
        (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME),
        ("Ref", "Action", "Lead", "By when"),
        [["3", ("Safe in the community", 3), None, None], ["3.1", "Map hotspots", "Cy", "2025"]],
    )
    assert [(d.priority, d.impact, d.action_id) for d in drafts(table)] == [
        (3, "Safe in the community", "3.1")
    ]


def test_a_lone_labelled_cell_is_a_band_but_a_lone_number_is_an_action() -> None:
    header = BASIC_HEADER
    assert row_kind(_table(BASIC, header, [["Priority 4: Learn", "", ""]]).rows[0], header) is (
        RowKind.BAND
    )
    assert row_kind(_table(BASIC, header, [["2. Keep adults safe", "", ""]]).rows[0], header) is (
        RowKind.ACTION
    )


def test_an_action_cell_merged_over_unlabelled_columns_beside_its_id_is_no_band() -> None:
    """Fenwick PDF: an Action cell spread over a nested table's columns, lead and date empty."""
    roles = (Role.ID, Role.ACTION, Role.OTHER, Role.OTHER, Role.LEAD, Role.TIMEFRAME)
    header = ("Ref", "Action", "", "", "Lead", "Deadline")
    table = _table(roles, header, [["2.2", ("Carry out audits", 3), None, None, "", ""]])
    assert row_kind(table.rows[0], header, roles) is RowKind.ACTION
    assert [d.action_id for d in drafts(table)] == ["2.2"]


def test_a_band_whose_merge_a_pdf_reader_lost_is_read_from_its_cells() -> None:
    """Westmere PDF: "Outcome | 1 – People feel safe ... raise a | concern | | "."""
    table = _table(
        (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME),
        ("Ref", "Task", "Owner", "Due"),
        [
            ["Outcome", "1 – People feel safe when they raise a", "concern", ""],
            ["A1", "Survey adults", "Board Manager", "Annually"],
        ],
    )
    assert [(d.priority, d.impact, d.action_id) for d in drafts(table)] == [
        (1, "People feel safe when they raise a concern", "A1")
    ]


def test_a_band_without_a_number_takes_its_priority_from_the_ids_under_it() -> None:
    table = _table(
        BASIC,
        BASIC_HEADER,
        [_band("Keep adults safe"), ["4.1 Audit", "Ann", "2025"], ["4.2 Report", "Bob", "2025"]],
    )
    plan = normalise_document(_document(table), load_settings())
    assert [(a.priority, a.impact, a.action_id) for a in plan.actions] == [
        (4, "Keep adults safe", "4.1"),
        (4, "Keep adults safe", "4.2"),
    ]


def test_a_band_keeps_its_priority_under_an_impact_column_without_numbers() -> None:
    table = _table(
        (Role.IMPACT, Role.ACTION, Role.LEAD),
        ("Outcome", "Action", "Lead"),
        [
            [("Priority 5: Be heard", 3), None, None],
            ["People are listened to", "5.1 Survey", "Ann"],
        ],
    )
    assert [(d.priority, d.impact) for d in drafts(table)] == [(5, "People are listened to")]


def test_headings_outside_the_grid_apply_from_their_data_row() -> None:
    table = _table(
        BASIC,
        BASIC_HEADER,
        [["Audit", "Ann", "2025"], ["Report", "Bob", "2025"], ["Train", "Cy", "2026"]],
        headings=((0, "Priority 1: Prevention"), (2, "Priority 2 – Protection")),
    )
    out = drafts(table)
    assert [(d.priority, d.impact) for d in out] == [
        (1, "Prevention"),
        (1, "Prevention"),
        (2, "Protection"),
    ]
    assert any("heading above the rows" in r.rule for r in out[2].repairs)


def test_read_band_of_a_bare_number() -> None:
    assert (read_band("2").priority, read_band("2").impact) == (2, "")


# --- rows that are no action ------------------------------------------------------


def test_repeated_header_key_and_note_rows_are_left_out_and_recorded() -> None:
    table = _table(
        STATUS_FIRST,
        ("", "Action – what we will do", "Lead", "By when Start"),
        [
            ["", "1.1 Audit", "Ann", "2025"],
            ["", "Action – what we will do", "Lead", "By when Start"],
            ["Key:", "Complete", "On track", "At risk"],
            ["", "Complete", "At risk", ""],
            ["", ("Note: dates are provisional", 3), None, None],
            ["", ("* to be confirmed at the March meeting", 3), None, None],
            ["", "what we will do", "", "Start"],
            ["", "1.2 Report", "Bob", "2026"],
        ],
    )
    reading = read_table(table)
    assert [d.action_id for d in reading.drafts] == ["1.1", "1.2"]
    rules = [r.rule for r in reading.left_out]
    assert rules == [
        "a repeated header row is not an action: left out",
        "a colour key row is not an action: left out",
        "a colour key row is not an action: left out",
        "a note row is not an action: left out",
        "a note row is not an action: left out",
        "a repeated header row is not an action: left out",
    ]
    assert reading.left_out[0].before.endswith("(table 1, row 2)")


def test_a_bulleted_action_alone_in_its_cell_is_no_note() -> None:
    table = _table(
        BASIC, BASIC_HEADER, [["1.1 Audit", "Ann", "2025"], ["* Run the survey", "", ""]]
    )
    assert [d.action for d in drafts(table)] == ["Audit", "* Run the survey"]


def test_left_out_rows_reach_the_workplans_review() -> None:
    table = _table(
        BASIC, BASIC_HEADER, [["1.1 Audit", "Ann", "2025"], [("Note: draft", 3), None, None]]
    )
    plan = normalise_document(_document(table), load_settings())
    assert [r.rule for r in plan.review] == ["a note row is not an action: left out"]


# --- column roles -----------------------------------------------------------------

ID_ROLES = (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME)
ID_HEADER = ("Ref", "Action", "Lead", "Timeframe")


def test_an_id_column_gives_the_id_as_written() -> None:
    table = _table(
        ID_ROLES,
        ID_HEADER,
        [
            ["SV1", "Run an audit", "Ann", "2025"],
            ["SV 2", "2.1 Publish the findings", "Bob", "2025"],
            ["1.3", "1.3 Train staff", "Cy", "2025"],
        ],
    )
    out = drafts(table)
    assert [(d.action_id, d.action) for d in out] == [
        ("SV1", "Run an audit"),
        ("SV 2", "Publish the findings"),
        ("1.3", "Train staff"),
    ]
    assert [r.rule for r in out[1].repairs] == [
        "a number before the action text dropped: the id column gives the action id"
    ]
    assert out[2].repairs == ()


def test_an_empty_id_cell_gives_no_id_and_the_text_keeps_its_number() -> None:
    table = _table(
        ID_ROLES,
        ID_HEADER,
        [["A1", "Audit", "Ann", "2025"], ["", "1.2 Publish", "Bob", "2025"]],
    )
    out = drafts(table)
    assert [(d.action_id, d.action) for d in out] == [("A1", "Audit"), (None, "1.2 Publish")]
    plan = normalise_document(_document(table), load_settings())
    assert any(r.field == "Action ID" and "inferred" in r.rule for r in plan.actions[1].review)


def test_a_support_column_feeds_the_lead_splitter_after_supported_by() -> None:
    table = _table(
        (Role.ACTION, Role.LEAD, Role.SUPPORT, Role.TIMEFRAME),
        ("Action", "Lead", "Partners", "Timeframe"),
        [["1.1 Audit", "Ann Lee", "• Public Health\n• Met Police", "2025"]],
    )
    plan = normalise_document(_document(table), load_settings())
    action = plan.actions[0]
    assert action.lead_as_written == "Ann Lee"
    assert action.lead_read_as == "Ann Lee supported by Public Health, Met Police"
    resolved = with_leads([plan], load_settings())[0].actions[0]
    assert (resolved.lead, resolved.support) == (("Ann Lee",), ("Public Health", "Met Police"))


def test_a_priority_column_gives_the_priority_and_the_impact_without_an_impact_column() -> None:
    table = _table(
        (Role.PRIORITY, Role.ACTION, Role.LEAD),
        ("Priority", "Action", "Lead"),
        [["1. Prevention", "Audit", "Ann"], [None, "Report", "Bob"], ["2", "Train", "Cy"]],
    )
    assert [(d.priority, d.impact) for d in drafts(table)] == [
        (1, "Prevention"),
        (1, "Prevention"),
        (2, ""),
    ]


def test_a_priority_column_beside_an_impact_column_gives_only_the_number() -> None:
    table = _table(
        (Role.PRIORITY, Role.IMPACT, Role.ACTION, Role.LEAD),
        ("Priority", "Impact", "Action", "Lead"),
        [["Priority 3: Safety", "People are safe", "Audit", "Ann"]],
    )
    assert [(d.priority, d.impact) for d in drafts(table)] == [(3, "People are safe")]


def test_a_column_label_written_before_its_cells_content_is_stripped() -> None:
    table = _table(
        BASIC,
        ("Action", "Responsible officer", "Target date"),
        [["1.1 Audit", "Responsible: Jo Bloggs", "Target date: March 2025"]],
    )
    ids = _table(
        (Role.ID, Role.ACTION, Role.SUPPORT),
        ("Ref", "Action", "Partners"),
        [["Ref: A1", "Audit", "Partners: Police"]],
    )
    (with_id,) = drafts(ids)
    assert (with_id.action_id, with_id.support) == ("A1", "Police")
    assert [(r.field, r.before, r.after) for r in with_id.repairs] == [
        ("Support", "Partners: Police", "Police"),
        ("Action ID", "Ref: A1", "A1"),
    ]
    out = drafts(table)
    assert (out[0].lead, out[0].timeframe) == ("Responsible: Jo Bloggs", "Target date: March 2025")
    assert out[0].repairs == ()
    plan = normalise_document(_document(table), load_settings())
    action = plan.actions[0]
    assert (action.lead_as_written, action.lead_read_as) == ("Responsible: Jo Bloggs", "Jo Bloggs")
    assert with_leads([plan], load_settings())[0].actions[0].lead == ("Jo Bloggs",)


# --- several actions in one cell ----------------------------------------------------


def test_a_cell_only_of_bullets_is_one_action_per_bullet_with_flagged_ids() -> None:
    table = _table(
        BASIC, BASIC_HEADER, [["2.1\n• Run an audit\n• Report to the board", "Ann", "2025"]]
    )
    out = drafts(table)
    assert [(d.action_id, d.action, d.lead, d.timeframe) for d in out] == [
        ("2.1a", "Run an audit", "Ann", "2025"),
        ("2.1b", "Report to the board", "Ann", "2025"),
    ]
    id_notes = [r for r in out[1].repairs if r.field == "Action ID"]
    assert [(r.before, r.after) for r in id_notes] == [("2.1", "2.1b")]


def test_a_stem_before_the_list_keeps_one_action() -> None:
    """The seed PPYP 2023-24 action 1.5: a stem ending ':' then bullets is one action."""
    text = "1.5 Receive data on other areas of concern, such as:\n• Self-harm\n• Substance misuse"
    out = drafts(_table(BASIC, BASIC_HEADER, [[text, "Keith Shipman", "Quarterly"]]))
    assert [d.action_id for d in out] == ["1.5"]


@pytest.mark.parametrize(
    "cell",
    [
        "1. Run an audit\n2. Report to the board",
        "a) Run an audit\nb) Report to the board",
        "i. Run an audit\nii. Report to the board",
        "- Run an audit\n- Report to the board",
        "– Run an audit\n– Report to the board",
    ],
)
def test_numbered_lettered_roman_and_dashed_lists(cell: str) -> None:
    out = drafts(_table(ID_ROLES, ID_HEADER, [["4", cell, "Ann", "2025"]]))
    assert [(d.action_id, d.action) for d in out] == [
        ("4a", "Run an audit"),
        ("4b", "Report to the board"),
    ]


def test_lines_with_their_own_ids_keep_them() -> None:
    out = drafts(_table(BASIC, BASIC_HEADER, [["1.1 Run an audit\n1.2 Report", "Ann", "2025"]]))
    assert [(d.action_id, d.action) for d in out] == [("1.1", "Run an audit"), ("1.2", "Report")]
    assert not any(r.field == "Action ID" for d in out for r in d.repairs)


def test_listed_actions_take_one_lead_each_when_the_lead_cell_lists_as_many() -> None:
    out = drafts(_table(BASIC, BASIC_HEADER, [["3.1\n• Audit\n• Report", "• Ann\n• Bob", "2025"]]))
    assert [(d.action_id, d.lead) for d in out] == [("3.1a", "Ann"), ("3.1b", "Bob")]


def test_listed_actions_that_do_not_line_up_with_the_leads_stay_one() -> None:
    out = drafts(
        _table(BASIC, BASIC_HEADER, [["3.1\n• Audit\n• Report", "• Ann\n• Bob\n• Cy", "2025"]])
    )
    assert len(out) == 1
    assert "do not line up" in out[0].repairs[-1].rule


def test_nested_rows_with_their_own_marks_and_a_row_without_a_lead() -> None:
    cell = "1.1 Deliver training:\n• a) E-learning refresh — Jo Bloggs — July 2024\n• b) Workshop — May 2025"
    out = drafts(_table(BASIC, BASIC_HEADER, [[cell, "Training lead", ""]]))
    assert [(d.action_id, d.action, d.lead, d.timeframe) for d in out] == [
        ("1.1a", "Deliver training: E-learning refresh", "Jo Bloggs", "July 2024"),
        ("1.1b", "Deliver training: Workshop", "Training lead", "May 2025"),
    ]


def test_a_nested_table_of_sub_actions_gives_each_its_own_lead_and_date() -> None:
    cell = "2.3 Improve transitions:\n• Design pathway — Jo Bloggs — March 2025\n• Pilot — Ann Lee — Q3 2025/26"
    out = drafts(_table(BASIC, BASIC_HEADER, [[cell, "Board", ""]]))
    assert [(d.action_id, d.action, d.lead, d.timeframe) for d in out] == [
        ("2.3a", "Improve transitions: Design pathway", "Jo Bloggs", "March 2025"),
        ("2.3b", "Improve transitions: Pilot", "Ann Lee", "Q3 2025/26"),
    ]


def test_a_nested_table_read_as_grid_rows_under_the_action_cell() -> None:
    """Fenwick LibreOffice PDF: the nested rows are grid rows inside the Action cell's span."""
    roles = (Role.ID, Role.ACTION, *[Role.OTHER] * 4, Role.LEAD, Role.TIMEFRAME)
    header = ("Ref", "Action", "", "", "", "", "Lead", "Deadline")
    parent = (
        "Carry out audits:\na) Self-neglect Nadia Osei December 2024\nb) Care homes ICB Spring 2025"
    )

    def cell(text: str | None, r: int, k: int, rows: int = 1, cols: int = 1) -> RawCell:
        return RawCell(text, Provenance("t.pdf", 0, r, k), row_span=rows, col_span=cols)

    def sub(r: int, mark: str, text: str, lead: str, when: str) -> tuple[RawCell, ...]:
        inner = [cell(mark, r, 2), cell(text, r, 3), cell(lead, r, 4), cell(when, r, 5)]
        return (cell(None, r, 0), cell(None, r, 1), *inner, cell(None, r, 6), cell(None, r, 7))

    empty = [cell(None, 0, k) for k in range(2, 6)]
    grid = (
        (
            cell("2.2", 0, 0, 3),
            cell(parent, 0, 1, 3, 5),
            *empty,
            cell("", 0, 6, 3),
            cell("", 0, 7, 3),
        ),
        sub(1, "a)", "Self-neglect", "Nadia Osei", "December 2024"),
        sub(2, "b)", "Care homes", "ICB Designated Nurse", "Spring 2025"),
        (
            cell("2.3", 3, 0),
            cell("Publish the report", 3, 1, 1, 5),
            *empty,
            cell("Board", 3, 6),
            cell("2025", 3, 7),
        ),
    )
    out = drafts(RawTable(0, roles, header, grid, "lines"))
    assert [(d.action_id, d.action, d.lead, d.timeframe) for d in out] == [
        ("2.2a", "Carry out audits: Self-neglect", "Nadia Osei", "December 2024"),
        ("2.2b", "Carry out audits: Care homes", "ICB Designated Nurse", "Spring 2025"),
        ("2.3", "Publish the report", "Board", "2025"),
    ]


# --- theme matrix -------------------------------------------------------------------


def test_a_theme_matrix_gives_the_ticked_columns_themes() -> None:
    table = _table(
        (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER, Role.OTHER),
        ("Action", "Lead", "Think Family", "Voice of the child", "Success measure"),
        [["1.1 Audit", "Ann", "✓", "", "Fewer referrals"], ["1.2 Report", "Bob", "x", "✔", ""]],
    )
    out = drafts(table, load_themes())
    assert [d.themes for d in out] == [
        "Think Family",
        "Think Family; Voice of CYP and families",
    ]
    plan = normalise_document(_document(table), load_settings())
    assert [a.themes for a in plan.actions] == [
        ("Think Family",),
        ("Think Family", "Voice of CYP and families"),
    ]


def test_theme_named_columns_holding_text_are_no_matrix() -> None:
    table = _table(
        (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER),
        ("Action", "Lead", "Think Family", "Voice of the child"),
        [["1.1 Audit", "Ann", "Whole family assessments", "✓"]],
    )
    assert [d.themes for d in drafts(table, load_themes())] == [""]


# --- properties of the list rule ------------------------------------------------------

_ITEM_TEXT = st.text(alphabet="abcdefghij ", min_size=1, max_size=20).map(
    lambda t: "Do " + " ".join(t.split())
)


@given(
    st.lists(_ITEM_TEXT, min_size=2, max_size=6),
    st.sampled_from(["• ", "- ", "{n}. ", "{a}) "]),
)
@settings(max_examples=60, deadline=None)
def test_a_list_of_actions_loses_no_item_and_keeps_its_order(items: list[str], mark: str) -> None:
    cell = "\n".join(
        mark.format(n=k + 1, a=chr(ord("a") + k)) + text for k, text in enumerate(items)
    )
    assert listed_items(cell) == [(None, text.strip()) for text in items]


@given(st.lists(_ITEM_TEXT, min_size=2, max_size=6))
@settings(max_examples=30, deadline=None)
def test_a_stem_before_a_list_always_keeps_one_action(items: list[str]) -> None:
    cell = "Receive reports on:\n" + "\n".join(f"• {text}" for text in items)
    assert listed_items(cell) is None
    out = drafts(_table(BASIC, BASIC_HEADER, [[f"1.1 {cell}", "Ann", "2025"]]))
    assert len(out) == 1
