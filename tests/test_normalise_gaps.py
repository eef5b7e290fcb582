"""Shapes the second held-out layouts showed the normaliser did not read (#13).

Each rule on a small grid built here, never on a layout's own words: a
priority whose number is a word, a parent row heading its sub-action rows, a
status written as a coloured symbol and read through a key of symbols, and a
key of the document's own progress words read through their definitions.
"""

from __future__ import annotations

import pytest

from normalise import load_settings, normalise_document
from normalise.bands import RowKind, read_band, row_kind
from normalise.ids import split_priority
from normalise.model import Status
from normalise.rows import read_table
from normalise.status import row_status, status_of_definition, text_key
from normalise.sub_actions import PARENT_RULE
from parsers.model import Provenance, RawCell, RawDocument, RawTable, Role

Cell = str | None | tuple[str | None, int]  # text, or (text, col_span)

ROLES = (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME, Role.STATUS)
HEADER = ("Ref", "Action", "Lead", "When", "Status")


def _table(rows: list[list[Cell]], roles: tuple[Role, ...] = ROLES) -> RawTable:
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for k, written in enumerate(row):
            text, span = written if isinstance(written, tuple) else (written, 1)
            cells.append(RawCell(text, Provenance("t.docx", 0, r, k), col_span=span))
        grid.append(tuple(cells))
    return RawTable(0, roles, HEADER[: len(roles)], tuple(grid), "docx")


def _document(table: RawTable, *lines: str) -> RawDocument:
    title = ("Community Safety Partnership Plan 2025-26", *lines)
    return RawDocument("plan.docx", "docx", 0, title, (table,))


def _band(text: str) -> list[Cell]:
    return [(text, 5), None, None, None, None]


# --- a priority's number written as a word ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priority One – Prevention: people stay safe", (1, "Prevention: people stay safe")),
        ("Outcome Two: Adults are heard", (2, "Adults are heard")),
        ("Objective three. Learn from reviews", (3, "Learn from reviews")),
        ("Strategic priority IV: Housing", (4, "Housing")),
        ("Priority Twelve", (12, "")),
    ],
)
def test_a_priority_number_written_as_a_word_is_read_and_its_label_stripped(
    text: str, expected: tuple[int, str]
) -> None:
    assert split_priority(text) == expected
    band = read_band(text)
    assert (band.priority, band.impact) == expected


@pytest.mark.parametrize(
    "text",
    ["One of our aims is safety", "Priority one-off grants", "Objective ten-year plan", "Aim In"],
)
def test_a_number_word_not_after_a_label_and_before_a_break_is_text(text: str) -> None:
    assert split_priority(text) == (None, text)


def test_bands_labelled_with_number_words_set_priority_and_impact() -> None:
    table = _table(
        [
            _band("Priority One – Prevention: people stay safe"),
            ["1.1", "Write a guide", "Ann", "June 2025", ""],
            _band("Priority Two – Personal: wishes shape what happens"),
            ["2.1", "Audit enquiries", "Bob", "May 2025", ""],
        ]
    )
    plan = normalise_document(_document(table), load_settings())
    assert [(a.priority, a.impact) for a in plan.actions] == [
        (1, "Prevention: people stay safe"),
        (2, "Personal: wishes shape what happens"),
    ]


def test_a_lone_cell_labelled_with_a_number_word_is_a_band() -> None:
    row = [RawCell("Objective three. Learn from reviews", Provenance("t.docx", 0, 0, 0))]
    row += [RawCell("", Provenance("t.docx", 0, 0, k)) for k in range(1, 5)]
    assert row_kind(row, HEADER, ROLES) is RowKind.BAND


# --- a parent row heading its sub-action rows ---------------------------------------


def test_a_parent_row_heads_its_sub_actions_and_is_no_action() -> None:
    table = _table(
        [
            ["1.1", "Strengthen the response", "", "", ""],
            ["1.1.1", "Refresh the screening tool", "Sub-Group", "June 2025", ""],
            ["1.1.2", "Map locations of concern", "Coordinator", "Quarterly", ""],
            ["1.2", "Offer return interviews", "Head of Service", "May 2025", ""],
        ]
    )
    reading = read_table(table)
    assert [(d.action_id, d.action) for d in reading.drafts] == [
        ("1.1.1", "Refresh the screening tool"),
        ("1.1.2", "Map locations of concern"),
        ("1.2", "Offer return interviews"),
    ]
    kept = [[r for r in d.repairs if r.rule == PARENT_RULE] for d in reading.drafts]
    assert [[r.before for r in repairs] for repairs in kept] == [
        ["1.1 Strengthen the response"],
        ["1.1 Strengthen the response"],
        [],
    ]


def test_a_parent_row_reaches_the_review_of_its_sub_actions() -> None:
    table = _table(
        [
            ["2.2", "Improve assessments", "", "", ""],
            ["2.2.1", "Audit 30 assessments", "QA Group", "December 2025", ""],
        ]
    )
    plan = normalise_document(_document(table), load_settings())
    (action,) = plan.actions
    assert (action.action_id, action.action, action.priority) == (
        "2.2.1",
        "Audit 30 assessments",
        2,
    )
    assert any(
        r.rule == PARENT_RULE and r.before == "2.2 Improve assessments" for r in action.review
    )


@pytest.mark.parametrize(
    "parent",
    [
        ["1.1", "Strengthen the response", "Ann", "", ""],  # it has a lead: an action
        ["1.1", "Strengthen the response", "", "2025", ""],  # it has a date
        ["1.1", "Strengthen the response", "", "", "On track"],  # it has a status
    ],
)
def test_a_row_with_its_own_lead_date_or_status_is_an_action_above_its_sub_actions(
    parent: list[Cell],
) -> None:
    table = _table([parent, ["1.1.1", "Refresh the tool", "Bob", "June 2025", ""]])
    assert [d.action_id for d in read_table(table).drafts] == ["1.1", "1.1.1"]


def test_a_row_without_a_lead_before_rows_that_do_not_extend_its_id_stays() -> None:
    table = _table(
        [
            ["1.1", "Strengthen the response", "", "", ""],
            ["1.2", "Refresh the tool", "Bob", "June 2025", ""],
            ["1.10", "Train staff", "Bob", "June 2025", ""],
        ]
    )
    assert [d.action_id for d in read_table(table).drafts] == ["1.1", "1.2", "1.10"]


def test_sub_actions_without_leads_or_dates_leave_their_parent_an_action() -> None:
    table = _table(
        [["1.1", "Strengthen the response", "", "", ""], ["1.1.1", "Refresh the tool", "", "", ""]]
    )
    assert [d.action_id for d in read_table(table).drafts] == ["1.1", "1.1.1"]


def test_priorities_under_no_impact_come_from_each_rows_own_id() -> None:
    table = _table(
        [
            ["1.1", "Audit", "Ann", "2025", ""],
            ["2.1", "Report", "Bob", "2025", ""],
            ["3.1", "Train", "Cy", "2025", ""],
            ["3.2", "Review", "Di", "2025", ""],
        ]
    )
    plan = normalise_document(_document(table), load_settings())
    assert [a.priority for a in plan.actions] == [1, 2, 3, 3]


# --- a status written as a coloured symbol ------------------------------------------


@pytest.mark.parametrize(
    ("symbol", "status"),
    [
        ("🟢", Status.ON_TRACK),
        ("🟩", Status.ON_TRACK),
        ("🟡", Status.AT_RISK),
        ("🟠", Status.AT_RISK),
        ("🟧", Status.AT_RISK),
        ("🔴", Status.OVERDUE),
        ("🟥", Status.OVERDUE),
        ("🔵", Status.COMPLETE),
        ("🟦", Status.COMPLETE),
        ("🟢\ufe0f", Status.ON_TRACK),
    ],
)
def test_a_coloured_symbol_reads_as_a_fill_of_its_colour(symbol: str, status: Status) -> None:
    assert row_status([], [symbol], ()) == (status, ())


def test_a_black_symbol_is_no_status_without_a_key_that_names_it() -> None:
    assert row_status([], ["⚫"], ()) == (None, ())
    key = text_key(["⚫ closed 🟢 on track"])
    assert row_status([], ["⚫"], (), key) == (Status.COMPLETE, ())


def test_a_key_of_symbols_is_the_documents_own() -> None:
    key = text_key(
        ["Status key: 🟢 on track 🟠 some slippage – at risk 🔴 off track – date missed"]
    )
    assert key.colours == (
        ("00B050", Status.ON_TRACK),
        ("FFC000", Status.AT_RISK),
        ("FF0000", Status.OVERDUE),
    )
    # A key may give a colour another meaning than the usual RAG scale.
    blue_done = text_key(["🔵 complete 🟡 on track 🔴 overdue"])
    assert row_status([], ["🟡"], (), blue_done) == (Status.ON_TRACK, ())
    assert row_status([], ["🟨"], (), blue_done) == (Status.ON_TRACK, ())


@pytest.mark.parametrize(
    "line",
    [
        "🟢 on track",  # one symbol is no key
        "We met 🟢 and 🔴 partners",  # labels that name no status
        "Priority 1: 🟢 🟢",
    ],
)
def test_lines_that_are_no_symbol_key(line: str) -> None:
    assert text_key([line]).colours == ()


def test_symbol_statuses_through_the_whole_document() -> None:
    table = _table(
        [
            ["1.1", "Refresh the tool", "Ann", "June 2025", "🟢"],
            ["1.2", "Offer interviews", "Bob", "May 2025", "🟡"],
            ["1.3", "Map locations", "Cy", "May 2025", ""],
        ]
    )
    key = "Key: 🟢 on track 🟡 slipping – at risk 🔴 off track"
    plan = normalise_document(_document(table, key), load_settings())
    assert [a.status for a in plan.actions] == [Status.ON_TRACK, Status.AT_RISK, None]


# --- a key of the document's own progress words -------------------------------------


def test_a_word_key_maps_each_word_through_its_definition() -> None:
    key = text_key(
        [
            "Progress key: Achieved – complete; Slipping – behind plan, at risk of missing the "
            "date; On track – progressing; Overdue – the date has passed."
        ]
    )
    assert [(term, status) for term, status, _ in key.words] == [
        ("achieved", Status.COMPLETE),
        ("slipping", Status.AT_RISK),
        ("on track", Status.ON_TRACK),
        ("overdue", Status.OVERDUE),
    ]
    assert row_status([], ["Slipping"], (), key)[0] is Status.AT_RISK
    # A word only the key defines is read through it, and the reading recorded.
    own = text_key(["Progress key: Wobbly – at risk of missing the date; Done – complete"])
    status, repairs = row_status([], ["Wobbly"], (), own)
    assert status is Status.AT_RISK
    assert [(r.before, r.after) for r in repairs] == [("Wobbly", "At risk")]
    assert row_status([], ["Achieved"], (), key) == (Status.COMPLETE, ())


def test_a_word_key_overrides_the_usual_meaning_of_a_word() -> None:
    key = text_key(["RAG key: Green – complete; Amber – on track; Red – at risk"])
    assert row_status([], ["Green"], (), key)[0] is Status.COMPLETE
    assert row_status([], ["amber"], (), key)[0] is Status.ON_TRACK
    assert row_status([], ["Red"], (), key)[0] is Status.AT_RISK


def test_a_definition_that_says_not_reads_the_word_itself() -> None:
    assert status_of_definition("not on track, behind") is None
    key = text_key(["Key: Red – not on track; Green – on track"])
    assert [(term, status) for term, status, _ in key.words] == [
        ("red", Status.OVERDUE),
        ("green", Status.ON_TRACK),
    ]


def test_a_word_key_wrapped_over_lines_is_read_whole() -> None:
    lines = [
        "Progress key: Achieved – the action is complete; Slipping –",
        "at risk of missing the date; Overdue – the date has passed.",
        "The plan is reviewed at every meeting – slipping actions escalated",
    ]
    assert [(term, status) for term, status, _ in text_key(lines).words] == [
        ("achieved", Status.COMPLETE),
        ("slipping", Status.AT_RISK),
        ("overdue", Status.OVERDUE),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Our delivery plan – reviewed at every meeting; slipping actions are escalated",
        "Key: Priority areas of the partnership for the year ahead – housing; health",
    ],
)
def test_lines_that_are_no_word_key(line: str) -> None:
    assert text_key([line]).words == ()


def test_word_key_statuses_through_the_whole_document() -> None:
    table = _table(
        [
            ["1.1", "Write a guide", "Ann", "June 2025", "Achieved"],
            ["1.2", "Reduce scams", "Bob", "May 2025", "Slipping"],
            ["1.3", "Audit cases", "Cy", "May 2025", "Going well"],
        ]
    )
    key = "Progress key: Achieved – done; Slipping – at risk of missing the date; Going well – on track"
    plan = normalise_document(_document(table, key), load_settings())
    assert [a.status for a in plan.actions] == [Status.COMPLETE, Status.AT_RISK, Status.ON_TRACK]
