"""The layout zoo (``samples/layouts/``, issue #13) against its hand-written goldens.

Every field of every action of every layout, for the Word file and each PDF
producer (LibreOffice, Chromium, reportlab), compared exactly. A document the
program does not read right yet is listed in ``KNOWN_GAPS`` with what is wrong:
its test is a strict xfail, so the suite stays green, every gap stays visible,
and a document that starts passing fails until it is taken off the list.
``python tests/golden.py --layouts -v`` shows each difference.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from golden import (
    FIELDS,
    LAYOUTS,
    Score,
    actions_of,
    layout_file,
    layout_golden_for,
    layout_of,
    layout_table,
    score,
    table,
)

sys.path.insert(0, str(LAYOUTS))
from layouts_data import HOLDOUT, HOLDOUT_2, HOLDOUT_3, HOLDOUT_4, HOLDOUT_5
from layouts_data import LAYOUTS as PLANS

DOCUMENTS = [layout_file(plan.stem, producer) for plan in PLANS for producer in plan.producers]

# Filled from a run of this file on 2026-12-03 (re-run before changing it). Take a
# document off the list in the change that makes it pass; add one only with what is wrong.
KNOWN_GAPS: dict[str, str] = {
    # The second held-out set (HOLDOUT_2) scored 56.9-98.5% untuned on 2026-12-03
    # (docx 81.5%, LibreOffice 60.6%, Chromium 67.5% of fields); its gaps were then fixed
    # by general rules, so it no longer measures plans never seen: make a third set.
    #
    # The third held-out set (HOLDOUT_3), added 2026-12-03 by someone who had not read
    # parsers/, normalise/, ingest/ or output/, goldens typed before the first run; scored
    # untuned that day at 32.5% of fields for each of docx, LibreOffice and Chromium.
    # Its gaps (action cards, a table printed in two halves, sideways tables, each also cut
    # by page breaks) were then fixed by general rules: a fourth set is needed to measure.
    #
    # The fourth held-out set (HOLDOUT_4), added 2026-12-03 by someone who had not read
    # parsers/, normalise/, ingest/ or output/, goldens typed before the first run; scored
    # untuned that day at 61.5% of fields for each of docx, LibreOffice and Chromium
    # (Ashby 0%, Kirkwood 92.3%, Marlow Fields 92.3%). Kirkwood's
    # owner initials are read through its key table since (issue 14's initials key), and
    # Marlow Fields' golden now has `All partners` as the plan's own body, as issue 14 decides;
    # Ashby's numbered paragraphs are read as a plan (parsers/paragraph_plan.py) since. The
    # fourth set is tuned now: a fifth is needed to measure plans never seen.
    #
    # The fifth held-out set (HOLDOUT_5), added 2026-12-03 by someone who had not read
    # parsers/, normalise/, ingest/ or output/, goldens typed before the first run; scored
    # untuned that day at 52.1% of fields for each of docx, LibreOffice and Chromium
    # (Saltmarsh 47.7%, Brindley 35.7%, Eastholme 74.6%). Never tune on them. Two of
    # their status gaps broke issue 14's rule that a key is read wherever it is and never
    # against its own words, and were fixed by general rules the same day: a key label
    # opening a later sentence of a line (`Last updated: ... Status: Behind – at risk`),
    # and a key label denying a status (`Not achieved by the target date`, red).
    # Saltmarsh reads exactly since (session 5), by two general rules: a lead column whose
    # header names a deadline too (`Owner – deadline`) gives the text after a cell's last
    # spaced dash as the timeframe, and a bare capital roman numeral (`II. Domestic abuse`)
    # numbers a priority. Brindley too: a list under a stem whose every item closes with
    # a bracket that reads as a lead on its own is one action per item
    # (normalise/sub_actions.split_owned_items). And Eastholme: a timeframe group over
    # periods alone (`Timescale` over `Q1`..`Q4` ticks) beside a column naming the timeframe
    # itself (`Target date`) leaves the timeframe to that column (parsers/header.py), and a
    # rating per period side by side (`RAG rating` over `Q1`..`Q4`) gives the latest rated
    # period's as the status (normalise/rows.status_series). The fifth set is tuned now: a
    # sixth is needed to measure plans never seen.
    #
    # The sixth held-out set (HOLDOUT_6), added 2026-12-03 by someone who had not read
    # parsers/, normalise/, ingest/ or output/, goldens typed before the first run; scored
    # untuned that day at 90.9% of fields for docx, 89.5% for LibreOffice and 90.4% for
    # Chromium (Quarrydale 94.1% for each producer; Ferrybridge 80.8% for each; Ashcombe
    # 96.9% docx, 92.3% LibreOffice, 95.4% Chromium). No action missing or extra in any:
    # Word's list numbering gives Ashcombe's ids and priorities, `P1-A3` refs are read,
    # two-cell band rows and dotted dates (`31.12.25`, `Q3 25/26`) too. Never tune on them.
    # Then fixed by general rules the same day: a support label in a lead cell
    # (`Lead: X; Support: Y`, also mid-line when a PDF ran the lines together); a person's
    # job title after a comma (`Sarah Pike, Principal Social Worker`) is a note, not a lead;
    # Word's placeholder text (`Click or tap here to enter text.`) is an empty cell, and an
    # empty Lead takes the other column naming a lead (`Lead agency`); initials read through
    # a document's key only where they stand as a lead of their own (`LISG Chair` stays);
    # a timeframe closing the action text is read when the row's Timeframe cell is empty;
    # a running page header is read after the title; where a table has no status column,
    # a column whose cells open with a status word and a dash (`GREEN – ...`) gives it; a
    # cut-off repeated tail wrapped onto a last line in lower case is dropped too. Left:
    "ashcombe-cp-auto-numbered-chromium.pdf": (
        "`Full Sub-Group` resolved to the partnership's name line and the title run together "
        "(`Ashcombe Safeguarding Children Partnership LEARNING AND IMPROVEMENT SUB-GROUP`, "
        "1.1, 3.3): Chromium prints the page header once, as the first line"
    ),
}


def _case(path: Path) -> object:
    reason = KNOWN_GAPS.get(path.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.fixture(scope="module")
def found() -> dict[str, list]:  # type: ignore[type-arg]
    """Each document's actions; one layout's documents resolved together, as one inbox."""
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for plan in PLANS:
        paths = [p for p in DOCUMENTS if layout_of(p)[0] == plan.stem]
        out.update(actions_of(paths, any_error=True))
    return out


def test_every_layout_has_its_documents_and_a_golden_written_by_hand() -> None:
    assert len(PLANS) >= 15
    assert len(HOLDOUT) == 3 and {p.stem for p in PLANS} >= HOLDOUT
    assert len(HOLDOUT_2) == 4 and {p.stem for p in PLANS} >= HOLDOUT_2
    assert len(HOLDOUT_3) == 3 and {p.stem for p in PLANS} >= HOLDOUT_3
    assert len(HOLDOUT_4) == 3 and {p.stem for p in PLANS} >= HOLDOUT_4
    assert len(HOLDOUT_5) == 3 and {p.stem for p in PLANS} >= HOLDOUT_5
    for plan in PLANS:
        assert {"docx", "libreoffice", "chromium"} <= set(plan.producers), plan.stem
        golden = layout_golden_for(layout_file(plan.stem, "docx"))
        ids = [a["register_id"] for a in golden["actions"]]
        assert 5 <= len(ids) <= 25 and len(set(ids)) == len(ids), plan.stem
    for path in DOCUMENTS:
        assert path.exists(), f"{path.name} missing: run samples/layouts/make_layouts.py"
    made = {p.name for p in LAYOUTS.iterdir() if p.suffix in (".docx", ".pdf")}
    assert made == {p.name for p in DOCUMENTS}, "a document in samples/layouts/ no test reads"


def test_a_missing_layout_golden_fails() -> None:
    with pytest.raises(FileNotFoundError, match=r"no golden for nothing-chromium\.pdf"):
        layout_golden_for(LAYOUTS / "nothing-chromium.pdf")


def test_one_golden_serves_every_producer() -> None:
    stem = PLANS[0].stem
    goldens = [layout_golden_for(layout_file(stem, p)) for p in PLANS[0].producers]
    assert [g["document"] for g in goldens] == [
        layout_file(stem, p).name for p in PLANS[0].producers
    ]
    assert all(g["actions"] == goldens[0]["actions"] for g in goldens)


def test_known_gaps_name_documents_of_the_zoo() -> None:
    assert set(KNOWN_GAPS) <= {p.name for p in DOCUMENTS}
    assert all(reason.strip() for reason in KNOWN_GAPS.values())


@pytest.mark.parametrize("path", [_case(p) for p in DOCUMENTS])
def test_layout_field_by_field(path: Path, found: dict[str, list]) -> None:  # type: ignore[type-arg]
    one = score(layout_golden_for(path), found[path.name])
    wrong = [f"{i} {name}: want {w!r} have {h!r}" for i, name, w, h in one.wrong]
    if one.missing or one.extra or wrong:
        pytest.fail(
            f"missing {one.missing} extra {one.extra}; {len(wrong)} wrong: " + "; ".join(wrong[:5]),
            pytrace=False,
        )


def test_layout_per_field_table(found: dict[str, list], capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    producers: dict[str, Score] = {}
    layouts: dict[str, Score] = {}
    passing: Counter[str] = Counter()
    for path in DOCUMENTS:
        stem, producer = layout_of(path)
        one = score(layout_golden_for(path), found[path.name])
        producers.setdefault(producer, Score()).add(one)
        layouts.setdefault(stem, Score()).add(one)
        passing[producer] += not (one.wrong or one.missing or one.extra)
    counts = Counter(layout_of(p)[1] for p in DOCUMENTS)
    exact = ", ".join(f"{k} {passing[k]}/{n}" for k, n in counts.items())
    with capsys.disabled():
        print("\nLayout zoo per-field score, by producer\n" + table(producers))
        print(f"documents read exactly: {exact}")
        marks = {stem: " *" for stem in HOLDOUT} | {stem: " **" for stem in HOLDOUT_2}
        marks |= {stem: " ***" for stem in HOLDOUT_3} | {stem: " ****" for stem in HOLDOUT_4}
        marks |= {stem: " *****" for stem in HOLDOUT_5}
        print(
            "\nBy layout, all producers (* held out, ** second, *** third, **** fourth, ***** fifth held-out set)\n"
            + layout_table(layouts, marks)
        )
    assert set(FIELDS) == set(producers["docx"].total)
