"""Text repair rules, one quirk per test, on the seeds' own corruptions, plus properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalise.text import repair_text, tidy_whitespace

SEED_000_HEADER = (
    "IMPACT – WHAT WILL SUCCESS LOOK LIKE?",
    "ACTION – WHAT DO WE NEED TO DO TO ACHIEVE OUR GOALS/TIMESCALE FOR DELIVERY?",
    "Lead",
)
NEGLECT = (
    "the effectiveness and quality of the work being done to safeguard adolescents at risk of "
    "neglect."
)


def test_seed_000_priority_3_impact_repeated_and_cut_off() -> None:
    # As in the seed: one opening sentence, eight copies of the next, then a cut-off copy.
    text = (
        f"3. MSCP is assured on {NEGLECT} "
        + f"Compared to {NEGLECT} " * 8
        + "Compared to the effectiveness and quality of the work being done to "
        "the effectiveness and quality of t"
    )
    repaired, repairs = repair_text(text, "Impact")
    assert repaired == f"3. MSCP is assured on {NEGLECT} Compared to {NEGLECT}"
    assert [r.rule for r in repairs] == [
        "collapsed a sentence repeated 8 times",
        "dropped a cut-off tail repeating earlier text",
    ]
    assert all(r.field == "Impact" and 0 < r.confidence < 1 for r in repairs)
    assert repairs[0].before == text
    assert repairs[-1].after == repaired


def test_repeats_collapse_whatever_the_count() -> None:
    for count in (2, 3, 12, 40):
        text = " ".join(["Review the data quarterly."] * count)
        repaired, repairs = repair_text(text, "Action")
        assert repaired == "Review the data quarterly."
        assert repairs[0].rule == f"collapsed a sentence repeated {count} times"


def test_run_of_sentences_repeated_collapses_to_one_run() -> None:
    run = "Agree the plan. Share it with schools!"
    repaired, repairs = repair_text(f"Intro. {run} {run} {run} Outro.", "Action")
    assert repaired == f"Intro. {run} Outro."
    assert repairs[0].rule == "collapsed a run of 2 sentences repeated 3 times"


def test_repeated_lines_collapse_and_line_breaks_stay() -> None:
    repaired, _ = repair_text("Annual CME report\nAnnual CME report\nQuarterly dataset", "Action")
    assert repaired == "Annual CME report\nQuarterly dataset"
    assert repair_text("A. A.\nB", "Action")[0] == "A.\nB"


def test_leader_dots_are_not_a_repeated_sentence() -> None:
    text = "2.1 Roles. . . . . . . . . . 12"
    assert repair_text(text, "Action") == (text, ())


def test_non_consecutive_repeats_are_kept() -> None:
    text = "Share learning. Review cases. Share learning."
    assert repair_text(text, "Action") == (text, ())


def test_genuine_unpunctuated_final_phrase_stays() -> None:
    text = f"MSCP is assured on {NEGLECT} Partners report progress to the board"
    assert repair_text(text, "Impact") == (text, ())


def test_tail_too_short_to_judge_stays() -> None:
    text = f"Compared to {NEGLECT} Compared t"
    assert repair_text(text, "Impact")[0] == text


def test_tail_stitched_from_scraps_stays() -> None:
    # Four separate three-word scraps are too many pieces to call it a repeat.
    earlier = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    text = f"{earlier} One two three seven eight nine four five six ten eleven twelve"
    assert repair_text(text, "Impact")[0] == text


def test_tail_on_its_own_line_stays() -> None:
    text = "Receive the reports below.\nReceive the reports"
    assert repair_text(text, "Action")[0] == text


def test_tail_ending_in_a_bracket_stays() -> None:
    text = "Consider findings and actions arising. (Consider findings and actions arising)"
    assert repair_text(text, "Action")[0] == text


def test_mojibake_fixed_and_quotes_straightened() -> None:
    repaired, repairs = repair_text("Review partnershipâ€™s strategy", "Action")
    assert repaired == "Review partnership's strategy"
    assert [r.rule for r in repairs] == ["fixed mojibake", "straightened curly quotes"]


def test_curly_double_quotes_straightened() -> None:
    text = "Activity under priority “2. The Partnership has assurance” moved."
    repaired, repairs = repair_text(text, "Action")
    assert repaired == 'Activity under priority "2. The Partnership has assurance" moved.'
    assert [r.rule for r in repairs] == ["straightened curly quotes"]


def test_separator_dashes_spaced_and_ranges_kept() -> None:
    repaired, repairs = repair_text("Keith Shipman—June 2021 for 2021–22 and Sub-group", "Lead")
    assert repaired == "Keith Shipman – June 2021 for 2021–22 and Sub-group"
    assert [r.rule for r in repairs] == ["made dashes consistent"]
    assert repair_text("Keith Shipman – June 2021", "Lead") == ("Keith Shipman – June 2021", ())


def test_whitespace_tidied_without_a_repair() -> None:
    text = "  Michelle Waldron\u00a0 /  \n\n\tPete Harvey  \r\n"
    assert repair_text(text, "Lead") == ("Michelle Waldron /\nPete Harvey", ())
    assert tidy_whitespace("a\u200bb\u00ad c") == "ab c"


def test_seed_001_logo_alt_text_removed_from_title() -> None:
    text = (
        " Description automatically generated]PROMOTE AND PROTECT YOUNG PEOPLE (PPYP) \n"
        "SUB-GROUP WORKPLAN 2023-24"
    )
    repaired, repairs = repair_text(text, "Workplan")
    assert repaired == "PROMOTE AND PROTECT YOUNG PEOPLE (PPYP)\nSUB-GROUP WORKPLAN 2023-24"
    assert [r.rule for r in repairs] == ["removed logo alt text"]


def test_alt_text_caption_and_marker_removed() -> None:
    cases = {
        "A close up of a logo\n\nDescription automatically generated\nPlan 2023": "Plan 2023",
        "[image: A picture containing text, clipart]Workplan": "Workplan",
        "A picture containing text, clipart  Description automatically generated\nWorkplan": (
            "Workplan"
        ),
        "Logo\nDescription automatically generated with medium confidence\nWorkplan": "Workplan",
        "A close up of a logo\nWorkplan": "Workplan",
        "]Workplan": "Workplan",
    }
    for text, expected in cases.items():
        assert repair_text(text, "Workplan")[0] == expected, text


def test_text_mentioning_a_logo_is_kept() -> None:
    text = "Design a logo for the partnership. Text the young people."
    assert repair_text(text, "Action") == (text, ())


def test_seed_000_header_text_bled_into_action_cell() -> None:
    repaired, repairs = repair_text(
        "ACHIEVE OUR GOALS/TIMESCALE FOR",
        "Action",
        own_label=SEED_000_HEADER[1],
        header_labels=SEED_000_HEADER,
    )
    assert repaired == ""
    assert [r.rule for r in repairs] == ["removed header text bled into the cell"]


def test_header_text_of_another_column_bled_in() -> None:
    repaired, _ = repair_text(
        "what will success", "Lead", own_label="Lead", header_labels=SEED_000_HEADER
    )
    assert repaired == ""


def test_one_word_of_a_long_label_is_not_header_text() -> None:
    assert repair_text("Achieve", "Action", header_labels=SEED_000_HEADER)[0] == "Achieve"


def test_seed_000_lead_label_prefix_removed() -> None:
    repaired, repairs = repair_text(
        "Lead Business Support Unit/Anne Akamo/Margaret Mansfield",
        "Lead",
        own_label="Lead",
        header_labels=SEED_000_HEADER,
    )
    assert repaired == "Business Support Unit/Anne Akamo/Margaret Mansfield"
    assert [r.rule for r in repairs] == ["removed header text bled into the cell"]


def test_label_reading_on_into_the_sentence_is_kept() -> None:
    assert repair_text("Lead to be agreed", "Lead", own_label="Lead") == ("Lead to be agreed", ())


def test_another_columns_label_is_not_stripped_as_a_prefix() -> None:
    text = "Impact Assessment to be completed"
    assert repair_text(text, "Action", own_label="Action", header_labels=("Impact",))[0] == text


def test_label_alone_is_header_text() -> None:
    assert repair_text("Lead", "Lead", own_label="Lead")[0] == ""


def test_repaired_seed_text_is_stable() -> None:
    for text in (
        f"3. MSCP is assured on {NEGLECT} " + f"Compared to {NEGLECT} " * 4 + "Compared to the eff",
        " Description automatically generated]PROMOTE AND PROTECT",
        "Lead Lead Business Support Unit",
    ):
        once, _ = repair_text(text, "Impact", own_label="Lead")
        assert repair_text(once, "Impact", own_label="Lead") == (once, ())


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(WORD, min_size=1, max_size=8),
    st.sampled_from([".", "!", "?"]),
)
SEPARATOR = st.sampled_from([" ", "\n", "  "])


@st.composite
def sentence_picks(draw: st.DrawFn) -> tuple[list[str], str]:
    """Sentences drawn with reuse (so repeats, adjacent or not, are common) and their text."""
    pool = draw(st.lists(SENTENCE, min_size=1, max_size=8))
    picks = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=12))
    return picks, "".join(sentence + draw(SEPARATOR) for sentence in picks)


@settings(max_examples=300)
@given(st.text())
def test_repairing_any_text_twice_changes_nothing(text: str) -> None:
    once, _ = repair_text(text, "Action")
    assert repair_text(once, "Action") == (once, ())


@settings(max_examples=300)
@given(sentence_picks(), st.text(alphabet="abcdefghij ,.", max_size=30))
def test_repairing_sentences_twice_changes_nothing(
    picked: tuple[list[str], str], tail: str
) -> None:
    once, _ = repair_text(picked[1] + tail, "Action")
    assert repair_text(once, "Action") == (once, ())


@settings(max_examples=300)
@given(sentence_picks())
def test_a_sentence_that_appears_once_is_never_removed(picked: tuple[list[str], str]) -> None:
    sentences, text = picked
    repaired, _ = repair_text(text, "Action")
    for sentence in sentences:
        if sentences.count(sentence) == 1:
            assert sentence in repaired


@settings(max_examples=300)
@given(st.lists(SENTENCE, min_size=1, max_size=4), st.integers(2, 12), SEPARATOR)
def test_k_repeated_runs_collapse_to_one(run: list[str], k: int, separator: str) -> None:
    one = separator.join(run)
    repeated = separator.join([one] * k)
    assert repair_text(repeated, "Action")[0] == repair_text(one, "Action")[0]


@given(SENTENCE, st.integers(2, 20))
def test_k_repeats_of_a_sentence_leave_exactly_one(sentence: str, k: int) -> None:
    repaired, repairs = repair_text(" ".join([sentence] * k), "Action")
    assert repaired == sentence
    assert repairs[-1].rule == f"collapsed a sentence repeated {k} times"
