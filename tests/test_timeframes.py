"""Timeframe typing and due dates: every example in REGISTER.md, then the choices around them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.model import Timeframe, TimeframeType
from normalise.timeframes import NOT_RECOGNISED, find_timeframe_in_text, parse_timeframe

DATE = TimeframeType.DATE
RECURRING = TimeframeType.RECURRING
TBA = TimeframeType.TO_BE_AGREED


# REGISTER.md, "Timeframe examples", in its order.
@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Dec 2023", DATE, date(2023, 12, 31)),
        ("Autumn 2023", DATE, date(2023, 11, 30)),
        ("Spring 2024", DATE, date(2024, 5, 31)),
        ("Summer 2024", DATE, date(2024, 8, 31)),
        ("Winter 2023", DATE, date(2024, 2, 29)),
        ("Quarterly", RECURRING, None),
        ("6-monthly", RECURRING, None),
        ("Quarterly review", RECURRING, None),
        ("Ongoing", TimeframeType.ONGOING, None),
        ("Ad-hoc", TimeframeType.AD_HOC, None),
        ("TBA", TBA, None),
        ("TBC", TBA, None),
        ("Agree timeframe", TBA, None),
        ("TBA - 2024", TBA, date(2024, 12, 31)),
        ("June 2023 (session) TBC (follow-up work)", DATE, date(2023, 6, 30)),
        ("By end of March 2025", DATE, date(2025, 3, 31)),
        ("Q3 2024/25", DATE, date(2024, 12, 31)),
        ("2024/25", DATE, date(2025, 3, 31)),
        ("Monthly", RECURRING, None),
        ("Annually", RECURRING, None),
        ("Each meeting", RECURRING, None),
    ],
)
def test_register_examples(text: str, kind: TimeframeType, due: date | None) -> None:
    timeframe, repairs = parse_timeframe(text)
    assert timeframe == Timeframe(text, kind, due)
    assert repairs == ()


def test_register_example_empty_is_none_without_a_repair() -> None:
    assert parse_timeframe("") == (Timeframe("", TimeframeType.NONE, None), ())
    assert parse_timeframe("  \n ") == (Timeframe("", TimeframeType.NONE, None), ())


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("December 2023", DATE, date(2023, 12, 31)),
        ("Sept 2023", DATE, date(2023, 9, 30)),
        ("Feb 2023", DATE, date(2023, 2, 28)),
        ("2024-25", DATE, date(2025, 3, 31)),
        ("2023-2024", DATE, date(2024, 3, 31)),
        ("2024", DATE, date(2024, 12, 31)),
        ("Q1 2024/25", DATE, date(2024, 6, 30)),
        ("Q2 2024-25", DATE, date(2024, 9, 30)),
        ("Q4 2024/25", DATE, date(2025, 3, 31)),
        ("Winter 2024", DATE, date(2025, 2, 28)),
        ("Winter 2023/24", DATE, date(2024, 2, 29)),
        ("Autumn term 2023", DATE, date(2023, 11, 30)),
        ("12 June 2023", DATE, date(2023, 6, 12)),
        ("30/06/2023", DATE, date(2023, 6, 30)),
        ("Quarterly or 6-monthly?", RECURRING, None),
        ("bi-monthly", RECURRING, None),
        ("Every 6 months", RECURRING, None),
        ("At each sub-group meeting", RECURRING, None),
        ("on-going", TimeframeType.ONGOING, None),
        ("As required", TimeframeType.AD_HOC, None),
        ("as and when", TimeframeType.AD_HOC, None),
        ("to be agreed", TBA, None),
        ("Timeframe to be confirmed", TBA, None),
        ("TBD", TBA, None),
    ],
)
def test_more_timeframes(text: str, kind: TimeframeType, due: date | None) -> None:
    timeframe, repairs = parse_timeframe(text)
    assert (timeframe.type, timeframe.due) == (kind, due)
    assert repairs == ()


def test_as_written_is_kept_stripped() -> None:
    assert parse_timeframe("  Quarterly \n")[0].as_written == "Quarterly"


def test_several_dates_take_the_latest_with_a_repair() -> None:
    timeframe, repairs = parse_timeframe("July 2021 for 20/21 and July 2022 for 21/22")
    assert (timeframe.type, timeframe.due) == (DATE, date(2022, 7, 31))
    assert [r.rule for r in repairs] == ["several dates: took the latest"]
    assert repairs[0].field == "Timeframe" and repairs[0].confidence < 1


def test_two_digit_year_is_read_with_a_repair() -> None:
    timeframe, repairs = parse_timeframe("Sept 23")
    assert timeframe.due == date(2023, 9, 30)
    assert [r.rule for r in repairs] == ["read a two-digit year"]
    assert parse_timeframe("Sept '23") == (Timeframe("Sept '23", DATE, date(2023, 9, 30)), ())


def test_quarter_without_financial_year_is_a_guess() -> None:
    timeframe, repairs = parse_timeframe("Q3 2024")
    assert timeframe.due == date(2024, 12, 31)
    assert repairs[0].rule == "read a quarter as a financial-year quarter (April start)"
    assert repairs[0].confidence < 1


def test_recurring_with_a_date_keeps_its_kind() -> None:
    timeframe, repairs = parse_timeframe("Quarterly from April 2024")
    assert (timeframe.type, timeframe.due) == (RECURRING, date(2024, 4, 30))
    assert repairs[0].rule == "recurring timeframe naming a date: took the date as due"


def test_several_kinds_take_the_first_with_a_repair() -> None:
    timeframe, repairs = parse_timeframe("Ongoing / quarterly")
    assert timeframe.type == TimeframeType.ONGOING
    assert [r.rule for r in repairs] == ["several kinds of timeframe: took the first"]


@pytest.mark.parametrize("text", ["Proposed schedule", "July", "Soon", "31/02/2024"])
def test_unrecognised_is_kept_as_written(text: str) -> None:
    timeframe, repairs = parse_timeframe(text)
    assert timeframe == Timeframe(text, TimeframeType.NONE, None)
    assert [(r.rule, r.before, r.after) for r in repairs] == [(NOT_RECOGNISED, text, text)]
    assert 0 <= repairs[0].confidence <= 0.3


@given(st.text())
def test_any_text_parses_and_keeps_what_was_written(text: str) -> None:
    timeframe, repairs = parse_timeframe(text)
    assert timeframe.as_written == text.strip()
    assert all(0 <= r.confidence <= 1 for r in repairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This Subgroup to consider findings and actions arising. (September 2021)",
            "September 2021",
        ),
        (
            "Promote early identification (to be informed by work of 3.1 above, October 2021)",
            "October 2021",
        ),
        (
            "Review the toolkit (to be informed by work of 3.1 and 3.2 above October 2021)",
            "October 2021",
        ),
        ("Review policies prior to publication (ongoing)", "ongoing"),
        ("Review policies prior to publication (ongoing).", "ongoing"),
        ("Share the report (by end of March 2025)", "by end of March 2025"),
        ("Deliver the session (June 2023 and ongoing)", "June 2023 and ongoing"),
        ("Report to the board (Q3 2024/25)", "Q3 2024/25"),
        (
            "CCG Annual contextual safeguarding report (Margaret Mansfield, Anne Akaro/"
            "Ann-Marie Brosnan – July 2021 for 20/21 and July 2022 for 21/22)",
            None,
        ),
        (
            "safeguarding children and young people in the context of their surroundings "
            "(Contextual Safeguarding Strategy)",
            None,
        ),
        ("Raise awareness of the changes (Domestic Abuse Act 2021)", None),
        ("(September 2021) Consider findings", None),
        ("No parenthesis at all", None),
        ("Unbalanced text)", None),
    ],
)
def test_find_timeframe_in_text(text: str, expected: str | None) -> None:
    assert find_timeframe_in_text(text) == expected


def test_found_timeframe_parses() -> None:
    found = find_timeframe_in_text("Consider findings. (September 2021)")
    assert found is not None
    assert parse_timeframe(found)[0].due == date(2021, 9, 30)


@pytest.mark.parametrize(
    ("written", "kind", "due"),
    [
        ("April 2024 - Quarterly", TimeframeType.RECURRING, None),
        ("April 2026 – TBC", TimeframeType.TO_BE_AGREED, None),
        ("Sept 2023 to ongoing", TimeframeType.ONGOING, None),
        ("April 2024 - March 2025", TimeframeType.DATE, date(2025, 3, 31)),
        ("2024-25", TimeframeType.DATE, date(2025, 3, 31)),
        ("TBA - 2024", TimeframeType.TO_BE_AGREED, date(2024, 12, 31)),
    ],
)
def test_a_start_end_range_is_decided_by_its_end(
    written: str, kind: TimeframeType, due: date | None
) -> None:
    timeframe, _ = parse_timeframe(written)
    assert (timeframe.as_written, timeframe.type, timeframe.due) == (written, kind, due)
