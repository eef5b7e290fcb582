"""Which documents are versions of one workplan: titles, not the short key (issue 12, item 5).

The short key (``CE 2024-25``) is initials and period, so two sub-groups can
share it; versions are chained on the normalised title and period instead, and
two workplans that share a short key get distinct Register IDs, flagged in
``Review``. Titles that differ only a little are one workplan only when near
identical, and the match is flagged as doubtful either way.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.cli import main
from normalise.identity import DOUBTFUL_TITLE, SAME_TITLE, title_identity, title_matches
from normalise.model import Action, Reading, SourceRecord, Timeframe, TimeframeType, Workplan
from normalise.versions import Merged, merge_versions

CE, CHE = "Child Exploitation Sub-Group Workplan", "Children's Education Sub-Group Workplan"


def _action(key: str, action_id: str, title: str, period: str) -> Action:
    return Action(f"{key} / {action_id}", title, period, 1, "Impact", action_id, f"Do {action_id}",
                  (), (), (), "Ann Lee", Timeframe("", TimeframeType.NONE), None, "", "table 1")  # fmt: skip


def _workplan(title: str, key: str, *ids: str, period: str = "2024-25") -> Workplan:
    return Workplan(title, period, key, tuple(_action(key, i, title, period) for i in ids))


def _reading(file: str, workplan: Workplan, *, saved: datetime, result: str = "Ingested",
             ingested: datetime = datetime(2026, 1, 1)) -> Reading:  # fmt: skip
    fmt = file.rsplit(".", 1)[-1]
    source = SourceRecord(file, f"sha-{file}", fmt, 1, workplan.title, workplan.period,
                          len(workplan.actions), result, "", ingested, file, saved, saved)  # fmt: skip
    actions = tuple(replace(a, source=file) for a in workplan.actions)
    return Reading(source, replace(workplan, actions=actions))


def _ids(merged: Merged) -> dict[str, str]:
    """Register ID -> workplan title of every current action."""
    return {a.register_id: a.workplan for w in merged.workplans for a in w.actions}


def _review(merged: Merged) -> list[tuple[str, str, str, str, float]]:
    return [
        (w.key, r.field, r.before, r.after, r.confidence)
        for w in merged.workplans
        for r in w.review
    ]


# --- the normalised title ---------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Child Exploitation Sub-Group Workplan",
        "CHILD EXPLOITATION SUB-GROUP WORKPLAN",
        "Child Exploitation Subgroup Work Plan",
        "Child Exploitation Sub group Work-plan",
        "child exploitation sub- group workplan",
        "Child  Exploitation: Sub-Group",
        "Child-Exploitation Sub-Group Workplan",
    ],
)
def test_title_identity_ignores_case_punctuation_hyphens_and_plan_words(title: str) -> None:
    assert title_identity(title) == "childexploitation"


def test_title_identity_keeps_the_words_that_name_the_group() -> None:
    assert title_identity(CHE) == "childrenseducation"
    assert (
        title_identity("Children’s Education & Skills Board") == "childrenseducationandskillsboard"
    )
    assert title_identity("Priority 2 Task Group Workplan") == "priority2taskgroup"


def test_titles_with_the_same_initials_do_not_match() -> None:
    assert title_matches(title_identity(CE), [title_identity(CHE)]) == []


def test_a_typo_in_a_title_is_the_same_workplan_and_a_changed_word_is_not() -> None:
    (typo,) = title_matches(
        title_identity("Promote and Protect Young Peple"), [title_identity("Promote and Protect Young People")]
    )  # fmt: skip
    assert typo.index == 0 and typo.same and SAME_TITLE <= typo.score < 100
    (changed,) = title_matches(
        title_identity("Children and Young Persons"), [title_identity("Children and Young People")]
    )
    assert not changed.same and DOUBTFUL_TITLE <= changed.score < SAME_TITLE


def test_titles_that_differ_in_a_number_never_match() -> None:
    assert title_matches(title_identity("Priority 1 Task Group"), ["priority2taskgroup"]) == []


# --- versions chained on the title --------------------------------------------------------


def test_two_titles_with_one_short_key_are_two_workplans_with_distinct_ids() -> None:
    ce = _reading("ce.docx", _workplan(CE, "CE 2024-25", "1.1", "1.2"), saved=datetime(2024, 5, 1))
    che = _reading("che.docx", _workplan(CHE, "CE 2024-25", "1.1"), saved=datetime(2024, 6, 1))
    for order in ([ce, che], [che, ce]):
        merged = merge_versions(order)
        assert _ids(merged) == {
            "CE 2024-25 / 1.1": CE,
            "CE 2024-25 / 1.2": CE,
            "CE 2024-25 (2) / 1.1": CHE,
        }
        assert {s.file: (s.result, s.message) for s in merged.sources} == {
            "ce.docx": ("Ingested", ""),
            "che.docx": ("Ingested", f"workplan key CE 2024-25 (2): CE 2024-25 is {CE}"),
        }
        assert merged.history == ()
        assert _review(merged) == [
            ("CE 2024-25 (2)", "Workplan", "CE 2024-25", "CE 2024-25 (2)", 1.0)
        ]
        (rule,) = [r.rule for w in merged.workplans for r in w.review]
        assert rule == (
            f"two workplans share the key CE 2024-25: {CE} keeps it, {CHE} is CE 2024-25 (2)"
        )


def test_the_workplan_seen_first_keeps_the_short_key_across_runs() -> None:
    # Children's Education was in the register first; Child Exploitation arrives a run later
    che = _reading("che.docx", _workplan(CHE, "CE 2024-25", "1.1"), saved=datetime(2024, 6, 1),
                   result="Unchanged", ingested=datetime(2025, 1, 1))  # fmt: skip
    ce = _reading("ce.docx", _workplan(CE, "CE 2024-25", "1.1"), saved=datetime(2024, 1, 1),
                  ingested=datetime(2025, 2, 1))  # fmt: skip
    assert _ids(merge_versions([ce, che])) == {
        "CE 2024-25 / 1.1": CHE,
        "CE 2024-25 (2) / 1.1": CE,
    }


def test_a_third_workplan_with_the_key_is_numbered_on() -> None:
    cc = "Community Cohesion Sub-Group Workplan"
    readings = [
        _reading(f"{n}.docx", _workplan(t, "CE 2024-25", "1.1"), saved=datetime(2024, 1, n))
        for n, t in enumerate((CE, CHE, cc), start=1)
    ]
    assert set(_ids(merge_versions(readings))) == {
        "CE 2024-25 / 1.1",
        "CE 2024-25 (2) / 1.1",
        "CE 2024-25 (3) / 1.1",
    }


def test_title_spellings_of_one_workplan_are_versions_without_a_flag() -> None:
    word = _reading(
        "plan.docx",
        _workplan("PROMOTE AND PROTECT YOUNG PEOPLE SUB-GROUP WORKPLAN", "PPYP 2023-24", "1.1"),
        saved=datetime(2024, 1, 1),
    )
    pdf = _reading(
        "plan.pdf",
        _workplan("Promote and Protect Young People Subgroup Work Plan", "PPYP 2023-24", "1.1"),
        saved=datetime(2024, 2, 1),
    )
    merged = merge_versions([word, pdf])
    assert list(_ids(merged)) == ["PPYP 2023-24 / 1.1"]
    assert {s.file: s.result for s in merged.sources} == {
        "plan.docx": "Replaced",
        "plan.pdf": "Ingested",
    }
    assert _review(merged) == []


def test_a_title_typo_is_the_same_workplan_flagged_as_a_doubtful_match() -> None:
    old = _reading(
        "v1.docx",
        _workplan("Promote and Protect Young People Sub-Group Workplan", "PPYP 2023-24", "1.1"),
        saved=datetime(2024, 1, 1),
    )
    new = _reading(
        "v2.docx",
        _workplan("Promote and Protect Young Peple Sub-Group Workplan", "PPYP 2023-24", "1.1"),
        saved=datetime(2024, 2, 1),
    )
    merged = merge_versions([old, new])
    assert list(_ids(merged)) == ["PPYP 2023-24 / 1.1"]
    assert {s.file: s.result for s in merged.sources} == {"v1.docx": "Replaced", "v2.docx": "Ingested"}  # fmt: skip
    ((key, field, before, after, confidence),) = _review(merged)
    assert (key, field) == ("PPYP 2023-24", "Workplan")
    assert {before, after} == {
        "Promote and Protect Young People Sub-Group Workplan",
        "Promote and Protect Young Peple Sub-Group Workplan",
    }
    assert SAME_TITLE / 100 <= confidence < 1
    (rule,) = [r.rule for w in merged.workplans for r in w.review]
    assert rule.startswith("doubtful match: titles ") and rule.endswith(
        "% alike, read as versions of one workplan"
    )


def test_nearly_alike_titles_stay_two_workplans_flagged_as_a_doubtful_match() -> None:
    people = _reading(
        "people.docx",
        _workplan("Children and Young People Sub-Group Workplan", "CYP 2024-25", "1.1"),
        saved=datetime(2024, 1, 1),
    )
    persons = _reading(
        "persons.docx",
        _workplan("Children and Young Persons Sub-Group Workplan", "CYP 2024-25", "1.1"),
        saved=datetime(2024, 2, 1),
    )
    merged = merge_versions([people, persons])
    assert set(_ids(merged)) == {"CYP 2024-25 / 1.1", "CYP 2024-25 (2) / 1.1"}
    assert {s.result for s in merged.sources} == {"Ingested"}
    rules = [(w.key, r.rule) for w in merged.workplans for r in w.review]
    assert ("CYP 2024-25 (2)", "doubtful match: titles 84% alike, read as two workplans") in rules


def test_one_title_in_two_periods_is_two_workplans() -> None:
    a = _reading("a.docx", _workplan(CE, "CE 2023-24", "1.1", period="2023-24"), saved=datetime(2023, 5, 1))  # fmt: skip
    b = _reading("b.docx", _workplan(CE, "CE 2024-25", "1.1"), saved=datetime(2024, 5, 1))
    merged = merge_versions([a, b])
    assert set(_ids(merged)) == {"CE 2023-24 / 1.1", "CE 2024-25 / 1.1"}
    assert _review(merged) == []


def test_versions_whose_short_keys_differ_are_compared_under_the_first_key() -> None:
    # the newer version spells out its abbreviation: (CESG) in the title
    old = _reading("v1.docx", _workplan(CE, "CE 2024-25", "1.1"), saved=datetime(2024, 1, 1),
                   result="Unchanged", ingested=datetime(2025, 1, 1))  # fmt: skip
    new = _reading("v2.docx", _workplan(CE, "CESG 2024-25", "1.1"), saved=datetime(2024, 2, 1),
                   ingested=datetime(2025, 2, 1))  # fmt: skip
    merged = merge_versions([old, new])
    assert list(_ids(merged)) == ["CE 2024-25 / 1.1"]
    assert [w.key for w in merged.workplans] == ["CE 2024-25"]
    assert merged.history == ()
    assert {s.file: s.result for s in merged.sources} == {"v1.docx": "Replaced", "v2.docx": "Ingested"}  # fmt: skip


# --- a whole run through the CLI ------------------------------------------------------------

SAMPLE = INBOX / "ppyp-2023-24.docx"


def _retitle(target: Path, first: str, second: str, saved: datetime) -> None:
    """The sample with its two title lines replaced, saved at ``saved``."""
    document = docx.Document(str(SAMPLE))
    lines = [p for p in document.paragraphs if p.text.strip()][:2]
    assert "PROMOTE AND PROTECT" in lines[0].text and "WORKPLAN" in lines[1].text
    for paragraph, text in zip(lines, (first, second), strict=True):
        for run in paragraph.runs[1:]:
            run.text = ""
        paragraph.runs[0].text = text
    document.core_properties.modified = saved
    document.save(str(target))


def _sheet(register: Path, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(register)[name].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def _run(inbox: Path, register: Path, *extra: str) -> int:
    return main(["run", "--inbox", str(inbox), "--register", str(register), "-q", *extra])


def test_two_workplans_with_the_same_initials_both_reach_the_register(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    register = tmp_path / "register.xlsx"
    _retitle(inbox / "ce.docx", "CHILD EXPLOITATION", "SUB-GROUP WORKPLAN 2024-25",
             datetime(2024, 5, 1, 9, 0))  # fmt: skip
    _retitle(inbox / "che.docx", "CHILDREN'S EDUCATION", "SUB-GROUP WORKPLAN 2024-25",
             datetime(2024, 6, 1, 9, 0))  # fmt: skip
    shutil.copy(SAMPLE, inbox / SAMPLE.name)  # a bystander: PPYP 2023-24
    assert _run(inbox, register) == 0

    actions = _sheet(register, "Actions")
    by_title: dict[str, set[str]] = {}
    for row in actions:
        by_title.setdefault(row["Workplan"], set()).add(row["Register ID"])
    assert set(by_title) == {CE, CHE, "Promote and Protect Young People Sub-Group Workplan"}
    ce_ids, che_ids = by_title[CE], by_title[CHE]
    assert len(ce_ids) == len(che_ids) == 19  # every action of both, one row each
    assert {rid.split(" / ")[0] for rid in ce_ids} == {"CE 2024-25"}
    assert {rid.split(" / ")[0] for rid in che_ids} == {"CE 2024-25 (2)"}
    assert len({r["Register ID"] for r in actions}) == len(actions)
    assert {r["Source"] for r in actions if r["Workplan"] == CHE} == {"che.docx"}

    sources = {s["File"]: s for s in _sheet(register, "Sources")}
    assert {f: s["Result"] for f, s in sources.items()} == {
        "ce.docx": "Ingested",
        "che.docx": "Ingested",
        SAMPLE.name: "Ingested",
    }
    assert str(sources["che.docx"]["Message"]).endswith(
        f"workplan key CE 2024-25 (2): CE 2024-25 is {CE}"
    )
    assert _sheet(register, "History") == []
    flags = [
        r
        for r in _sheet(register, "Review")
        if r["Field"] == "Workplan" and str(r["Register ID"]).startswith("CE ")
    ]
    assert [(r["Register ID"], r["Before"], r["After"], r["Rule"]) for r in flags] == [
        (
            "CE 2024-25 (2)",
            "CE 2024-25",
            "CE 2024-25 (2)",
            f"two workplans share the key CE 2024-25: {CE} keeps it, {CHE} is CE 2024-25 (2)",
        )
    ]

    # the next run, written again although it reads nothing new, keeps every Register ID
    assert _run(inbox, register, "--rebuild") == 0
    assert {s["File"]: s["Result"] for s in _sheet(register, "Sources")} == {
        "ce.docx": "Unchanged",
        "che.docx": "Unchanged",
        SAMPLE.name: "Unchanged",
    }
    assert sorted(r["Register ID"] for r in _sheet(register, "Actions")) == sorted(
        r["Register ID"] for r in actions
    )
