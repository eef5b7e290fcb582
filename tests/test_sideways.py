"""Sideways tables and action cards cut by a page break are put back together (#13)."""

from __future__ import annotations

from parsers.pdf_assemble import _texts
from parsers.pdf_page import PageCell, PageTable
from parsers.transpose import rejoin_cut


def _part(rows: list[list[str | None]], top: float = 100.0) -> PageTable:
    cells = tuple(
        tuple(
            None
            if text is None
            else PageCell(
                text, (40.0 + 110 * k, top + 20 * r, 150.0 + 110 * k, top + 20 * r + 20), None
            )
            for k, text in enumerate(row)
        )
        for r, row in enumerate(rows)
    )
    return PageTable((40.0, top, 370.0, top + 20 * len(rows)), cells, (40.0, 150.0, 260.0, 370.0))


def test_a_sideways_table_cut_after_two_fields_is_rejoined_without_its_repeated_row() -> None:
    first = _part([["Ref", "3.1", "3.2"], ["What we will do", "Run a", "Hold b"]], top=700)
    second = _part(
        [
            ["Ref", "3.1", "3.2"],
            ["Who will lead", "Ann", "Bo"],
            ["Timescale", "May 2025", "June 2025"],
        ]
    )
    whole = rejoin_cut(first, second, _texts)
    assert whole is not None
    assert [row[0] for row in _texts(whole)] == [
        "Ref",
        "What we will do",
        "Who will lead",
        "Timescale",
    ]


def test_the_rest_of_a_card_is_rejoined_and_the_empty_strip_of_the_cut_row_dropped() -> None:
    card = _part(
        [
            ["Action 2.1", None, None],
            ["What we will do:", "Run a", ""],
            ["Lead:", "Ann", ""],
            ["By when:", "May", ""],
        ]
    )
    rest = _part([["", "", ""], ["Status:", "On schedule", ""]])
    whole = rejoin_cut(card, rest, _texts)
    assert whole is not None
    assert [row[0] for row in _texts(whole)][-2:] == ["By when:", "Status:"]


def test_a_new_card_on_the_next_page_is_not_joined_to_the_last() -> None:
    card = _part(
        [
            ["Action 3.1", None, None],
            ["What we will do:", "Run a", ""],
            ["Lead:", "Ann", ""],
            ["By when:", "May", ""],
        ]
    )
    other = _part(
        [
            ["Action 3.2", None, None],
            ["What we will do:", "Hold b", ""],
            ["Lead:", "Bo", ""],
            ["By when:", "June", ""],
        ]
    )
    assert rejoin_cut(card, other, _texts) is None


def test_parts_with_other_columns_are_never_joined() -> None:
    first = _part([["Ref", "3.1", "3.2"], ["What we will do", "Run a", "Hold b"]])
    second = PageTable((0.0, 0.0, 10.0, 10.0), (), (0.0, 5.0, 10.0))
    assert rejoin_cut(first, second, _texts) is None
