"""Row rules (impact carried and joined, sub-actions, empty actions) and status from colour or text."""

from __future__ import annotations

import pytest

from normalise.identity import identity
from normalise.model import Status
from normalise.rows import drafts
from normalise.status import colour_distance, row_status, status_from_text
from parsers.model import KeyEntry, Provenance, RawCell, RawTable, Role

ROLES = (Role.IMPACT, Role.ACTION, Role.LEAD, Role.TIMEFRAME)


def _table(
    rows: list[list[str | None]], fills: dict[tuple[int, int], str] | None = None
) -> RawTable:
    fills = fills or {}
    cells = tuple(
        tuple(
            RawCell(text, Provenance("t.docx", 0, r, k), fill=fills.get((r, k)))
            for k, text in enumerate(row)
        )
        for r, row in enumerate(rows)
    )
    return RawTable(0, ROLES, ("Impact", "Action", "Lead", "Timeframe"), cells, "docx")


def test_impact_is_carried_to_every_action_under_it_without_its_number() -> None:
    out = drafts(
        _table(
            [
                ["2. Be safe.", "2.1 Do a", "Ann", ""],
                [None, "2.2 Do b", "Bob", ""],
                ["", "2.3 Do c", "Cy", ""],
            ]
        )
    )
    assert [(d.priority, d.impact, d.action_id, d.action) for d in out] == [
        (2, "Be safe.", "2.1", "Do a"),
        (2, "Be safe.", "2.2", "Do b"),
        (2, "Be safe.", "2.3", "Do c"),
    ]


def test_impact_cells_of_two_word_rows_are_never_joined() -> None:
    """A Word table has no page breaks: a lower-case Impact is its own row's cell."""
    out = drafts(
        _table(
            [
                ["4. Keep children safe from harmful sexual", "4.1 a", "A", ""],
                ["behaviour beyond the home.", "4.2 b", "B", ""],
                ["Ensure new policies reflect needs.", "6.1 c", "C", ""],
            ]
        )
    )
    assert [d.impact for d in out] == [
        "Keep children safe from harmful sexual",
        "behaviour beyond the home.",
        "Ensure new policies reflect needs.",
    ]
    assert not any("page break" in r.rule for d in out for r in d.repairs)


def test_a_row_that_only_states_an_impact_is_not_an_action() -> None:
    out = drafts(
        _table([["2. Support the response", "", "", ""], [None, "2.1a Develop", "Ann", "TBA"]])
    )
    assert [(d.action_id, d.impact) for d in out] == [("2.1a", "Support the response")]


def test_an_action_cell_with_nothing_left_after_repair_is_kept_and_flagged() -> None:
    table = _table([["3. Assured.", "ACHIEVE OUR GOALS", "Ann", ""]])
    table = RawTable(
        0,
        ROLES,
        ("Impact", "ACTION – WHAT DO WE DO TO ACHIEVE OUR GOALS?", "Lead", "Timeframe"),
        table.rows,
        "docx",
    )
    (only,) = drafts(table)
    assert only.action == "" and only.lead == "Ann"
    assert any("kept for review" in r.rule for r in only.repairs)


def test_sub_items_become_sub_actions_when_lead_and_timeframe_list_them() -> None:
    out = drafts(
        _table(
            [
                [
                    "1. X",
                    "1.2 Receive:\na) CME report\nb) Health report",
                    "a) Ann\nb) Bob",
                    "a) Autumn 2023\nb) TBC",
                ]
            ]
        )
    )
    assert [(d.action_id, d.action, d.lead, d.timeframe) for d in out] == [
        ("1.2a", "Receive: CME report", "Ann", "Autumn 2023"),
        ("1.2b", "Receive: Health report", "Bob", "TBC"),
    ]


def test_sub_items_that_do_not_line_up_stay_one_action_and_are_flagged() -> None:
    (one,) = drafts(
        _table(
            [["1. X", "1.2 Receive:\na) CME\nb) Health\nc) Data", "a) Ann\nb) Bob", "Quarterly"]]
        )
    )
    assert one.action_id == "1.2"
    assert any("do not line up" in r.rule for r in one.repairs)


def test_status_matched_to_the_documents_own_key_by_nearest_colour() -> None:
    key = (KeyEntry("Action Complete", "8EAADB"), KeyEntry("Action on Track", "A8D08D"),
           KeyEntry("Action at Risk", "FFD966"), KeyEntry("Action Overdue", "FF7C80"))  # fmt: skip
    assert row_status(["A8D08D"], [], key) == (Status.ON_TRACK, ())
    status, repairs = row_status(["92D050"], [], key)  # a different green than the key's
    assert status is Status.ON_TRACK and repairs and 0 < repairs[0].confidence < 1
    assert "the document's colour key" in repairs[0].rule
    # a blue the usual RAG palette would call Complete: the key says so too
    assert row_status(["9DC3E6"], [], key)[0] is Status.COMPLETE


def test_status_without_a_key_uses_the_usual_rag_colours_and_ignores_grey() -> None:
    assert row_status(["00B050"], [], ())[0] is Status.ON_TRACK
    assert row_status(["FFC000"], [], ())[0] is Status.AT_RISK
    assert row_status(["FF0000"], [], ())[0] is Status.OVERDUE
    assert row_status(["0070C0"], [], ())[0] is Status.COMPLETE
    assert row_status(["D9D9D9"], [], ()) == (None, ())
    assert row_status([], [], ()) == (None, ())


@pytest.mark.parametrize(
    ("text", "status"),
    [("G", Status.ON_TRACK), ("Amber", Status.AT_RISK), ("On track", Status.ON_TRACK), ("Complete", Status.COMPLETE),
     ("R", Status.OVERDUE), ("Off track", Status.OVERDUE), ("", None), ("Great", None),
     ("C", Status.COMPLETE), ("B", Status.COMPLETE), ("Delayed", Status.AT_RISK)],
)  # fmt: skip
def test_written_status(text: str, status: Status | None) -> None:
    assert status_from_text(text) is status


def test_a_key_naming_some_statuses_leaves_the_usual_colours_for_the_others() -> None:
    """Redcliffe: a key of Completed / at risk / overdue, and a green dot for on track."""
    key = (KeyEntry("Completed", "2E75B6"), KeyEntry("Some slippage – at risk", "FFC000"))
    assert row_status(["00B050"], [], key)[0] is Status.ON_TRACK
    assert row_status(["2E75B6"], [], key) == (Status.COMPLETE, ())


def test_the_status_words_are_the_ones_the_parsers_share() -> None:
    from parsers.vocabulary import STATUS_PATTERNS

    assert [name for name, _ in STATUS_PATTERNS] == [
        s.value for s in (Status.COMPLETE, Status.OVERDUE, Status.AT_RISK, Status.ON_TRACK)
    ]


def test_written_status_wins_over_fill() -> None:
    assert row_status(["00B050"], ["Complete"], ())[0] is Status.COMPLETE


def test_perceptual_distance_puts_greens_together() -> None:
    assert colour_distance("00B050", "92D050") < colour_distance("92D050", "FFC000")


@pytest.mark.parametrize(
    ("lines", "title", "period", "key"),
    [
        (["DRAFT PROMOTE AND PROTECT YOUNG PEOPLE SUB-GROUP WORKPLAN 2021-22"],
         "Promote and Protect Young People Sub-Group Workplan", "2021-22", "PPYP 2021-22"),
        ([" Description automatically generated]PROMOTE AND PROTECT YOUNG PEOPLE (PPYP) ", "SUB-GROUP WORKPLAN 2023-24"],
         "Promote and Protect Young People Sub-Group Workplan", "2023-24", "PPYP 2023-24"),
        (["Effective Safeguarding and Support Workplan 2023-2024"],
         "Effective Safeguarding and Support Workplan", "2023-24", "ESS 2023-24"),
        (["Quality Assurance Sub-Group Action Plan 2024/25"], "Quality Assurance Sub-Group Action Plan", "2024-25", "QA 2024-25"),
    ],
)  # fmt: skip
def test_identity_from_opening_lines(lines: list[str], title: str, period: str, key: str) -> None:
    found = identity(lines, "fallback")
    assert (found.title, found.period, found.key) == (title, period, key)
