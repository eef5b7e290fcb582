"""Action ids, priority numbers, inferred ids and a) b) c) sub-items."""

from __future__ import annotations

import pytest

from normalise.ids import (
    INFERRED_ID_RULE,
    find_duplicate_ids,
    infer_missing_ids,
    priority_of_id,
    split_action_id,
    split_priority,
    split_sub_items,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.1 Implementation Task and finish group",
            ("1.1", "Implementation Task and finish group"),
        ),
        ("2.1a Develop and promote", ("2.1a", "Develop and promote")),
        ("2.1 a) Develop", ("2.1a", "Develop")),
        ("2.1 (a) Develop", ("2.1a", "Develop")),
        ("2.1A Develop", ("2.1a", "Develop")),
        (" 4.2 Maintain oversight", ("4.2", "Maintain oversight")),
        ("Survey to test effectiveness", (None, "Survey to test effectiveness")),
        ("1.2.3 x", ("1.2.3", "x")),
        ("1.1. Review", ("1.1", "Review")),
        ("3.4: Support", ("3.4", "Support")),
        ("1.1Implementation", ("1.1", "Implementation")),
        ("1.3", ("1.3", "")),
    ],
)
def test_split_action_id(text: str, expected: tuple[str | None, str]) -> None:
    assert split_action_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2021 review of the toolkit",
        "2020.21 data",
        "10.5% more referrals",
        "Review the 1.2 guidance",
        "Domestic Abuse Act 2021",
    ],
)
def test_years_and_numbers_are_not_ids(text: str) -> None:
    assert split_action_id(text) == (None, text)


def test_a_spaced_article_is_not_a_sub_item_letter() -> None:
    assert split_action_id("1.1 a review of the toolkit") == ("1.1", "a review of the toolkit")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. MSCP is assured", (3, "MSCP is assured")),
        ("1 Provide strategic oversight", (1, "Provide strategic oversight")),
        ("2) Support the response", (2, "Support the response")),
        ("Priority 4: Oversight", (4, "Oversight")),
        (" Children and young people", (None, "Children and young people")),
        ("3 agencies will report", (None, "3 agencies will report")),
        ("1.1 Maintain", (None, "1.1 Maintain")),
        ("2023 plan", (None, "2023 plan")),
        ("0. Nothing", (None, "0. Nothing")),
        ("Outcome 1 – People feel safe", (1, "People feel safe")),
        ("Strategic objective 3. Work together", (3, "Work together")),
        ("2 - Prevent harm", (2, "Prevent harm")),
        ("10 - 15% fewer", (None, "10 - 15% fewer")),
    ],
)
def test_split_priority(text: str, expected: tuple[int | None, str]) -> None:
    assert split_priority(text) == expected


def ids_only(ids: list[str | None], priorities: list[int | None]) -> list[str]:
    return [action_id for action_id, _ in infer_missing_ids(ids, priorities)]


def test_missing_id_between_neighbours() -> None:
    result = infer_missing_ids(["1.2", None, "1.4"], [1, 1, 1])
    assert [i for i, _ in result] == ["1.2", "1.3", "1.4"]
    assert result[0][1] is None and result[2][1] is None
    repair = result[1][1]
    assert repair is not None
    assert (repair.field, repair.before, repair.after) == ("Action ID", "", "1.3")
    assert repair.rule == INFERRED_ID_RULE
    assert 0 < repair.confidence < 1


def test_seed_000_action_1_3_has_no_number() -> None:
    assert ids_only(["1.1", "1.2", None, "1.4", "1.5"], [1] * 5) == [
        "1.1", "1.2", "1.3", "1.4", "1.5",
    ]  # fmt: skip


def test_first_row_of_a_priority_without_id_takes_dot_one() -> None:
    assert ids_only(["2.3", None, "3.3", "3.4"], [2, 3, 3, 3]) == ["2.3", "3.1", "3.3", "3.4"]


def test_several_missing_in_a_row_and_at_the_end() -> None:
    assert ids_only(["1.2", None, None, "1.5", None], [1] * 5) == [
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.6",
    ]


def test_no_room_before_the_next_id_takes_a_letter() -> None:
    assert ids_only(["1.2", None, "1.3"], [1, 1, 1]) == ["1.2", "1.2a", "1.3"]
    assert ids_only(["2.1a", None, "2.1c"], [2, 2, 2]) == ["2.1a", "2.1b", "2.1c"]
    assert ids_only([None, "3.1"], [3, 3]) == ["3.0a", "3.1"]


def test_inferred_ids_skip_numbers_already_used() -> None:
    assert ids_only(["1.1", None, "1.4", "1.2"], [1, 1, 1, 1]) == ["1.1", "1.3", "1.4", "1.2"]


def test_unknown_priority_taken_from_numbered_neighbours() -> None:
    assert ids_only(["4.1", None], [None, None]) == ["4.1", "4.2"]
    result = infer_missing_ids([None, None], [None, None])
    assert [i for i, _ in result] == ["?.1", "?.2"]
    assert all(r is not None and r.confidence <= 0.1 for _, r in result)


def test_confidence_is_higher_between_two_neighbours() -> None:
    between = infer_missing_ids(["1.1", None, "1.3"], [1, 1, 1])[1][1]
    at_end = infer_missing_ids(["1.1", None], [1, 1])[1][1]
    squeezed = infer_missing_ids(["1.1", None, "1.2"], [1, 1, 1])[1][1]
    assert between and at_end and squeezed
    assert between.confidence > at_end.confidence > squeezed.confidence


def test_blank_ids_count_as_missing_and_lengths_must_match() -> None:
    assert ids_only(["1.1", "  ", "1.3"], [1, 1, 1]) == ["1.1", "1.2", "1.3"]
    with pytest.raises(ValueError):
        infer_missing_ids(["1.1"], [1, 1])


def test_find_duplicate_ids() -> None:
    assert find_duplicate_ids(["1.1", "1.2", "1.1", None, "", "2.1A", "2.1a"]) == {
        "1.1", "2.1A", "2.1a",
    }  # fmt: skip
    assert find_duplicate_ids(["1.1", "1.2"]) == set()


def test_seed_001_action_1_2_sub_items() -> None:
    text = (
        "Sub-group to receive the following: \n"
        "a) Annual CME report \n"
        "b) Annual contextual safeguarding report \n"
        "c) Risk and Resilience Service Annual Report \n"
        "d) Health Economy Annual contextual safeguarding report\n"
        "e) Substance Misuse sub-group Updates (TBC)"
    )
    assert split_sub_items(text) == (
        "Sub-group to receive the following:",
        [
            ("a", "Annual CME report"),
            ("b", "Annual contextual safeguarding report"),
            ("c", "Risk and Resilience Service Annual Report"),
            ("d", "Health Economy Annual contextual safeguarding report"),
            ("e", "Substance Misuse sub-group Updates (TBC)"),
        ],
    )


def test_seed_001_lead_and_timeframe_lists() -> None:
    lead = "\na) Keith Shipman \nb) Service Manager - CSC & Youth Inclusion \nc) Kelly Anderson"
    assert split_sub_items(lead) == (
        "",
        [("a", "Keith Shipman"), ("b", "Service Manager - CSC & Youth Inclusion"),
         ("c", "Kelly Anderson")],
    )  # fmt: skip
    timeframe = "Proposed schedule:\na) Autumn 2023\nb) TBC\nc) September 2023"
    assert split_sub_items(timeframe) == (
        "Proposed schedule:",
        [("a", "Autumn 2023"), ("b", "TBC"), ("c", "September 2023")],
    )


def test_other_marker_styles_and_continuation_lines() -> None:
    assert split_sub_items("(a) One\n(b) Two\ncontinued") == (
        "",
        [("a", "One"), ("b", "Two\ncontinued")],
    )
    assert split_sub_items("Stem\na. One;\nb. Two") == ("Stem", [("a", "One"), ("b", "Two")])


def test_inline_sub_items() -> None:
    text = "Receive: a) the CME report, b) the dataset and c) the annual report."
    assert split_sub_items(text) == (
        "Receive:",
        [("a", "the CME report"), ("b", "the dataset"), ("c", "the annual report.")],
    )


def test_letters_must_run_in_sequence_from_a() -> None:
    assert split_sub_items("b) One\nc) Two") == ("b) One\nc) Two", [])
    assert split_sub_items("a) One\nc) Two\nb) Three") == (
        "",
        [("a", "One\nc) Two"), ("b", "Three")],
    )


def test_one_item_or_none_is_no_list() -> None:
    assert split_sub_items("a) Only one") == ("a) Only one", [])
    assert split_sub_items("Use e.g. a) phone apps") == ("Use e.g. a) phone apps", [])
    assert split_sub_items("Plain text") == ("Plain text", [])


def test_priority_of_id_reads_only_ids_with_parts() -> None:
    assert [priority_of_id(i) for i in ("3.2", "3.2b", "SV1", "7", None)] == [
        3,
        3,
        None,
        None,
        None,
    ]


def test_the_action_id_pattern_is_the_one_the_parsers_share() -> None:
    from parsers.vocabulary import ACTION_ID

    assert ACTION_ID.match("2.1a Develop") is not None
    assert split_action_id("2.1(a) Develop") == ("2.1a", "Develop")
