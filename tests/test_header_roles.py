"""Header rules on small grids built here: vocabulary, header rows, groups, roles from content."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from parsers.columns import column_roles, join_timeframes
from parsers.header import find_header, header_roles, label_role, names_nothing, role_of
from parsers.model import Provenance, RawCell, Role

Grid = list[list[str | None]]
ID, IMPACT, ACTION, THEMES, LEAD = Role.ID, Role.IMPACT, Role.ACTION, Role.THEMES, Role.LEAD
SUPPORT, TIME, STATUS, PRIORITY, OTHER = (
    Role.SUPPORT,
    Role.TIMEFRAME,
    Role.STATUS,
    Role.PRIORITY,
    Role.OTHER,
)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        *[(t, ID) for t in ("Ref", "Ref.", "No.", "ID", "#", "Action ref", "Ref no.")],
        *[(t, IMPACT) for t in ("Objective", "Outcome", "Impact", "What difference will it make?")],
        *[(t, ACTION) for t in ("Action", "What we will do", "Activity", "Task", "Key actions")],
        *[(t, LEAD) for t in ("Owner", "Responsible officer", "Lead", "Accountable")],
        *[(t, SUPPORT) for t in ("Partners", "Support", "Contributors", "Supported by")],
        *[
            (t, TIME)
            for t in ("By when", "Target date", "Deadline", "Timescale", "Due", "Completion date")
        ],
        *[(t, STATUS) for t in ("RAG", "Status", "Progress", "RAG status")],
        *[(t, PRIORITY) for t in ("Priority", "Strategic priority", "Priority area")],
        ("IMPACT – WHAT WILL SUCCESS LOOK LIKE?", IMPACT),
        ("ACTION – WHAT DO WE NEED TO DO TO ACHIEVE OUR GOALS/TIMESCALE FOR DELIVERY?", ACTION),
        ("Priority actions", ACTION),
        ("Lead partner", LEAD),
        # a compound names what it ends in: the action's owner is the lead
        ("Action owner", LEAD),
        ("Task lead", LEAD),
        ("Action date", TIME),
        ("Action status", STATUS),
    ],
)
def test_header_vocabulary_of_real_plans(label: str, role: Role) -> None:
    assert role_of(label) is role


@pytest.mark.parametrize(
    "label",
    [
        "Success measure",
        "Measures of success",
        "Evidence",
        "Progress update",
        "Progress to date",
        "Comments",
        "Resources",
        "Budget",
        "Risks",
        "Outcome measures",
        "Start date",
    ],
)
def test_columns_the_register_does_not_use_are_named_other(label: str) -> None:
    assert label_role(label) is OTHER
    assert not names_nothing(label)


def test_a_label_naming_nothing_is_not_the_same_as_a_named_unused_column() -> None:
    assert label_role("Column 3") is None and names_nothing("Column 3") and names_nothing("")
    assert role_of("Column 3") is OTHER


def test_the_phrase_appearing_first_wins_and_at_one_place_the_longer() -> None:
    assert role_of("Lead (and support partners)") is LEAD
    assert role_of("Partners and lead") is SUPPORT
    assert role_of("Action ref") is ID  # longer than "action" at the same place
    assert role_of("Progress RAG") is STATUS  # "progress" alone is not a phrase here


def test_one_column_per_role_the_first_keeps_it() -> None:
    roles = header_roles(["Action", "Lead", "Target date", "Completion date", "Lead agency"])
    assert roles == (ACTION, LEAD, TIME, OTHER, OTHER)


def test_a_header_needs_an_action_and_a_workplan_column() -> None:
    assert header_roles(["Action", "Comments"]) is None
    assert header_roles(["Ref", "Lead", "Due"]) is None


def test_group_header_over_start_and_end_gives_the_end_the_timeframe() -> None:
    rows: Grid = [
        ["Ref", "Action", "Lead", "Timescale", None, "RAG"],
        [None, None, None, "Start", "End", None],
        ["1.1", "Do a", "Ann", "April 2024", "March 2025", "G"],
    ]
    spans = [[1, 1, 1, 2, 1, 1], [1, 1, 1, 1, 1, 1], [1] * 6]
    header = find_header(rows, col_spans=spans)
    assert header is not None and header.rows == 2
    assert header.roles == (ID, ACTION, LEAD, OTHER, TIME, STATUS)
    assert header.labels == ("Ref", "Action", "Lead", "Timescale Start", "Timescale End", "RAG")
    assert header.spans == ((3, 4),)


def test_group_over_from_and_to_found_without_spans_in_the_first_row() -> None:
    rows: Grid = [
        ["Action", "Owner", "Timescale", None],
        [None, None, "From", "To"],
        ["Do", "A", "x", "y"],
    ]
    header = find_header(rows)
    assert header is not None and header.rows == 2
    assert header.roles == (ACTION, LEAD, OTHER, TIME)
    assert header.spans == ((2, 3),)


def test_group_is_read_from_the_merge_not_from_words() -> None:
    # the same words without a merge: "Start"/"End" are a second row under two labels
    rows: Grid = [
        ["Action", "Lead", "Timescale", "Notes"],
        ["", "", "Start", "End"],
        ["Do", "A", "x", "y"],
    ]
    header = find_header(rows, col_spans=[[1] * 4] * 3)
    assert header is not None
    assert header.roles == (ACTION, LEAD, TIME, OTHER)
    assert header.spans == ()


def test_three_header_rows_a_group_over_a_group() -> None:
    rows: Grid = [
        ["Action", "Delivery", None, None],
        [None, "Lead", "Timescale", None],
        [None, None, "Start", "End"],
        ["Do a", "Ann", "May 2024", "June 2024"],
    ]
    spans = [[1, 3, 1, 1], [1, 1, 2, 1], [1, 1, 1, 1], [1] * 4]
    header = find_header(rows, col_spans=spans)
    assert header is not None and header.rows == 3
    assert header.roles == (ACTION, LEAD, OTHER, TIME)
    assert header.labels[3] == "Delivery Timescale End"


def test_group_header_with_every_sub_column_named_keeps_their_own_roles() -> None:
    rows: Grid = [
        ["Action", "Who", None, "When"],
        [None, "Lead", "Partners", None],
        ["Do", "A", "B", "C"],
    ]
    header = find_header(rows)
    assert header is not None and header.roles == (ACTION, LEAD, SUPPORT, TIME)
    assert header.labels == ("Action", "Who Lead", "Who Partners", "When")


def test_a_band_row_under_the_header_is_not_a_header_row() -> None:
    rows: Grid = [
        ["Action", "Lead", "Due"],
        ["Priority 1: Safer streets", None, None],
        ["Do", "A", "May"],
    ]
    header = find_header(rows, col_spans=[[1, 1, 1], [3, 1, 1], [1, 1, 1]])
    assert header is not None and header.rows == 1
    assert getattr(find_header(rows), "rows", None) == 1


def test_a_title_across_the_table_is_skipped() -> None:
    rows: Grid = [
        ["Safer streets action plan", None, None],
        ["Ref", "Action", "Owner"],
        ["1", "Do", "A"],
    ]
    header = find_header(rows, col_spans=[[3, 1, 1], [1, 1, 1], [1, 1, 1]])
    assert header is not None and header.rows == 2 and header.roles == (ID, ACTION, LEAD)


def test_label_and_gloss_over_two_rows_still_joined() -> None:
    rows: Grid = [
        ["Impact", "Action", "Responsible"],
        ["(what success looks like)", "", "(name / agency)"],
    ]
    header = find_header([*rows, ["1. Safe", "1.1 Do", "Ann"]])
    assert header is not None and header.rows == 2
    assert header.labels[2] == "Responsible (name / agency)"


def _cells(*columns: Sequence[str | None]) -> list[list[RawCell]]:
    return [
        [RawCell(t, Provenance("f", 0, r, k)) for k, t in enumerate(row)]
        for r, row in enumerate(zip(*columns, strict=True))
    ]


def test_unlabelled_column_of_codes_is_the_id() -> None:
    for codes in (["1.1", "2.3a", "", "3"], ["SV1", "SV2", "A3", "CS-02"]):
        rows = _cells(codes, ["Do a", "Do b", "Do c", "Do d"], ["A", "B", "C", "D"])
        roles = column_roles([OTHER, ACTION, LEAD], ["", "Action", "Lead"], rows)
        assert roles == (ID, ACTION, LEAD), codes


def test_years_quarters_and_words_are_not_codes() -> None:
    for texts in (["2024", "2025"], ["Q1", "Q3"], ["See 1.2 above", "Later"]):
        rows = _cells(texts, ["Do a", "Do b"])
        assert column_roles([OTHER, ACTION], ["", "Action"], rows) == (OTHER, ACTION), texts


def test_unlabelled_column_of_rag_words_is_the_status() -> None:
    rows = _cells(["Do a", "Do b", "Do c"], ["G", "Amber", "Red"])
    assert column_roles([ACTION, OTHER], ["Action", "Column 2"], rows) == (ACTION, STATUS)


def test_a_named_unused_column_never_takes_a_role_from_content() -> None:
    rows = _cells(["Do a", "Do b"], ["1.1", "1.2"], ["G", "R"])
    roles = column_roles([ACTION, OTHER, OTHER], ["Action", "Evidence", "Progress update"], rows)
    assert roles == (ACTION, OTHER, OTHER)


def test_content_never_gives_a_second_column_a_role() -> None:
    rows = _cells(["1", "2"], ["Do a", "Do b"], ["1.1", "1.2"])
    assert column_roles([ID, ACTION, OTHER], ["Ref", "Action", ""], rows) == (ID, ACTION, OTHER)


def test_unlabelled_shaded_empty_column_is_still_the_status() -> None:
    rows = [
        [
            RawCell("", Provenance("f", 0, r, 0), fill="00B050"),
            RawCell("Do", Provenance("f", 0, r, 1)),
        ]
        for r in range(2)
    ]
    assert column_roles([OTHER, ACTION], ["", "Action"], rows) == (STATUS, ACTION)


def test_timeframe_group_end_cell_holds_start_and_end_as_written() -> None:
    rows = _cells(
        ["Do a", "Do b", "Do c"], ["April 2024", "", "May 2024"], ["March 2025", "TBC", ""]
    )
    joined = join_timeframes(rows, [(1, 2)])
    assert [r[2].text for r in joined] == ["April 2024 - March 2025", "TBC", ""]
    assert [r[1].text for r in joined] == ["April 2024", "", "May 2024"]


def _shaded(texts: list[str], fills: list[str | None], col: int) -> list[RawCell]:
    return [
        RawCell(t, Provenance("f", 0, col, 0), fill=f) for t, f in zip(texts, fills, strict=True)
    ]


def test_one_shaded_column_under_a_label_naming_nothing_is_the_status() -> None:
    rows = [
        [RawCell("Do a", Provenance("f", 0, 0, 0)), *_shaded([""], ["00B050"], 1)],
        [RawCell("Do b", Provenance("f", 0, 1, 0)), *_shaded([""], ["FFC000"], 1)],
    ]
    assert column_roles([ACTION, OTHER], ["Action", "Column 2"], rows) == (ACTION, STATUS)


def test_several_shaded_columns_under_labels_are_a_timeline_not_a_status() -> None:
    rows = [
        [RawCell("Do a", Provenance("f", 0, r, 0)), *_shaded(["", ""], ["4472C4", "4472C4"], 1)]
        for r in range(2)
    ]
    roles = column_roles([ACTION, OTHER, OTHER], ["Action", "Q1", "Q2"], rows)
    assert roles == (ACTION, OTHER, OTHER)


def test_unlabelled_column_of_status_words_is_the_status_but_not_list_letters() -> None:
    rows = _cells(["Do a", "Do b", "Do c"], ["Complete", "On track", "Amber/Green"])
    assert column_roles([ACTION, OTHER], ["Action", ""], rows) == (ACTION, STATUS)
    rows = _cells(["Do a", "Do b"], ["a", "b"])
    assert column_roles([ACTION, OTHER], ["Action", ""], rows) == (ACTION, OTHER)


def test_unlabelled_codes_merged_down_over_their_rows_number_the_priorities() -> None:
    rows = [
        [
            RawCell("1", Provenance("f", 0, 0, 0), row_span=2),
            RawCell("Do a", Provenance("f", 0, 0, 1)),
        ],
        [RawCell(None, Provenance("f", 0, 1, 0)), RawCell("Do b", Provenance("f", 0, 1, 1))],
        [
            RawCell("2", Provenance("f", 0, 2, 0), row_span=1),
            RawCell("Do c", Provenance("f", 0, 2, 1)),
        ],
        [
            RawCell("3", Provenance("f", 0, 3, 0), row_span=2),
            RawCell("Do d", Provenance("f", 0, 3, 1)),
        ],
    ]
    assert column_roles([OTHER, ACTION], ["", "Action"], rows) == (PRIORITY, ACTION)


def test_start_and_end_date_columns_side_by_side_are_a_pair() -> None:
    header = find_header([["Action", "Lead", "Start date", "End date"], ["Do", "A", "x", "y"]])
    assert header is not None
    assert header.roles == (ACTION, LEAD, OTHER, TIME) and header.spans == ((2, 3),)
    header = find_header([["Action", "Lead", "Start date", "Timescale"], ["Do", "A", "x", "y"]])
    assert header is not None and header.spans == ()
