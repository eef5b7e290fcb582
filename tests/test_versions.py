"""Which version of a workplan is current, what changed, what went: the pure rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from normalise.model import (
    Action,
    Reading,
    SourceRecord,
    Status,
    Timeframe,
    TimeframeType,
    Workplan,
)
from normalise.versions import merge_versions

KEY = "TST 2024-25"


def _action(action_id: str, *, status: Status | None = Status.ON_TRACK, due: date | None = None,
            lead: tuple[str, ...] = ("Ann Lee",), source: str = "") -> Action:  # fmt: skip
    timeframe = Timeframe(
        due.strftime("%b %Y") if due else "", TimeframeType.DATE if due else TimeframeType.NONE, due
    )
    return Action(f"{KEY} / {action_id}", "Test Sub-Group Workplan", "2024-25", 1, "Impact", action_id,
                  f"Do {action_id}", (), lead, (), "; ".join(lead), timeframe, status, source, "table 1")  # fmt: skip


def _reading(file: str, actions: list[Action], *, result: str = "Ingested",
             modified: datetime | None = None, file_modified: datetime | None = None,
             sha: str | None = None, key: str = KEY) -> Reading:  # fmt: skip
    fmt = file.rsplit(".", 1)[-1]
    source = SourceRecord(file, sha or f"sha-{file}", fmt, 1, "Test", "2024-25", len(actions), result, "",
                          datetime(2026, 1, 1), file, modified, file_modified)  # fmt: skip
    actions = [replace(a, source=file) for a in actions]
    return Reading(source, Workplan("Test", "2024-25", key, tuple(actions)))


def _current(merged: object) -> dict[str, Action]:
    return {a.register_id: a for w in merged.workplans for a in w.actions}  # type: ignore[attr-defined]


def test_the_newest_saved_document_is_current_whatever_the_order_read() -> None:
    old = _reading("old.docx", [_action("1.1")], modified=datetime(2024, 1, 1))
    new = _reading(
        "new.docx", [_action("1.1", status=Status.AT_RISK)], modified=datetime(2024, 6, 1)
    )
    for order in ([old, new], [new, old]):
        merged = merge_versions(order)
        (action,) = _current(merged).values()
        assert (action.status, action.source) == (Status.AT_RISK, "new.docx")
        assert [(h.field, h.old, h.new, h.source, h.changed_at) for h in merged.history] == [
            ("Status", "On track", "At risk", "new.docx", datetime(2024, 6, 1))
        ]


def test_file_time_orders_documents_that_give_no_date() -> None:
    a = _reading("a.pdf", [_action("1.1", lead=("Ann Lee",))], file_modified=datetime(2024, 5, 1))
    b = _reading("b.pdf", [_action("1.1", lead=("Bo Chan",))], file_modified=datetime(2024, 3, 1))
    merged = merge_versions([a, b])
    assert _current(merged)[f"{KEY} / 1.1"].lead == ("Ann Lee",)
    assert [(h.field, h.old, h.new) for h in merged.history] == [("Lead", "Bo Chan", "Ann Lee")]


def test_a_word_file_wins_a_tie_with_its_pdf_and_equal_versions_change_nothing() -> None:
    when = datetime(2024, 2, 2)
    pdf = _reading("plan.pdf", [_action("1.1"), _action("1.2")], modified=when, file_modified=when)
    word = _reading(
        "plan.docx", [_action("1.1"), _action("1.2")], modified=when, file_modified=when
    )
    merged = merge_versions([word, pdf])
    assert {a.source for a in _current(merged).values()} == {"plan.docx"}
    assert merged.history == ()
    results = {s.file: (s.result, s.message) for s in merged.sources}
    assert results["plan.docx"] == ("Ingested", "")
    assert results["plan.pdf"][0] == "Replaced"
    assert results["plan.pdf"][1] == (
        "replaced by plan.docx, the newest version of TST 2024-25 (saved 2024-02-02 00:00): the same actions"
    )


def test_dropped_actions_are_kept_flagged_and_an_action_that_comes_back_is_not() -> None:
    v1 = _reading(
        "v1.docx", [_action("1.1"), _action("1.2"), _action("1.3")], modified=datetime(2024, 1, 1)
    )
    v2 = _reading("v2.docx", [_action("1.1")], modified=datetime(2024, 2, 1))
    v3 = _reading(
        "v3.docx",
        [_action("1.1"), _action("1.3", status=Status.COMPLETE)],
        modified=datetime(2024, 3, 1),
    )
    merged = merge_versions([v1, v2, v3])
    current = _current(merged)
    assert list(current) == [f"{KEY} / 1.1", f"{KEY} / 1.3", f"{KEY} / 1.2"]
    assert [rid for rid, a in current.items() if a.removed] == [f"{KEY} / 1.2"]
    gone = current[f"{KEY} / 1.2"]
    assert (
        gone.source == "v1.docx"
        and gone.review[0].rule == "Removed: not in v3.docx, the newest version of TST 2024-25"
    )
    assert gone.review_summary.startswith("Removed")
    # 1.3 is compared with its last known state (v1), not with its absence in v2
    assert [(h.register_id, h.field, h.old, h.new, h.source) for h in merged.history] == [
        (f"{KEY} / 1.3", "Status", "On track", "Complete", "v3.docx")
    ]


def test_due_dates_and_text_are_compared_as_an_analyst_reads_them() -> None:
    v1 = _reading("v1.docx", [_action("1.1", due=date(2024, 3, 31))], modified=datetime(2024, 1, 1))
    moved = replace(_action("1.1", due=date(2024, 9, 30)), action="Do   1.1\n")  # layout only
    v2 = _reading("v2.docx", [moved], modified=datetime(2024, 2, 1))
    merged = merge_versions([v1, v2])
    assert [(h.field, h.old, h.new) for h in merged.history] == [
        ("Due", "2024-03-31", "2024-09-30")
    ]


def test_results_say_what_this_run_did() -> None:
    known_old = _reading(
        "q1.docx", [_action("1.1")], result="Unchanged", modified=datetime(2024, 1, 1)
    )
    known_older = _reading(
        "q0.docx", [_action("1.1")], result="Unchanged", modified=datetime(2023, 10, 1)
    )
    new = _reading("q2.docx", [_action("1.1")], modified=datetime(2024, 4, 1))
    results = {s.file: s.result for s in merge_versions([known_older, known_old, new]).sources}
    # q1 was current until this run; q0 was replaced in an earlier run
    assert results == {"q0.docx": "Unchanged", "q1.docx": "Replaced", "q2.docx": "Ingested"}
    late = _reading("q-1.docx", [_action("1.1")], modified=datetime(2023, 1, 1))
    again = [
        replace(r, source=replace(r.source, result="Unchanged"))
        for r in (known_older, known_old, new)
    ]
    results = {s.file: s.result for s in merge_versions([*again, late]).sources}
    assert results == {
        "q0.docx": "Unchanged",
        "q1.docx": "Unchanged",
        "q2.docx": "Unchanged",
        "q-1.docx": "Replaced",
    }


def test_copies_failures_and_keyless_documents() -> None:
    plan = _reading("plan.docx", [_action("1.1")], modified=datetime(2024, 1, 1))
    copy = _reading("copy of plan.docx", [_action("1.1")], sha="sha-plan.docx", result="Unchanged")
    failed = Reading(
        replace(plan.source, file="broken.pdf", sha256="x", result="Failed", message="damaged PDF")
    )
    a = _reading("a.docx", [_action("1.1")], key="")
    b = _reading("b.docx", [_action("1.1")], key="")
    merged = merge_versions([plan, copy, failed, a, b])
    assert [s.file for s in merged.sources] == [
        "plan.docx",
        "copy of plan.docx",
        "broken.pdf",
        "a.docx",
        "b.docx",
    ]
    assert [s.result for s in merged.sources] == [
        "Ingested",
        "Unchanged",
        "Failed",
        "Ingested",
        "Ingested",
    ]
    assert len(merged.workplans) == 3  # one workplan per key; documents with no key stand alone
    assert merged.history == ()
