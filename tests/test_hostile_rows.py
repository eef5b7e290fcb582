"""Issue 12, items 1 and 8: Impacts never pile up across rows; zero actions is a failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import INBOX
from docx_build import save, workplan
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.cli import main
from normalise import load_settings, normalise_document
from normalise.rows import drafts
from normalise.text import repair_text
from parsers import parse
from parsers.errors import DocumentError
from parsers.model import Provenance, RawCell, RawTable, Role

ROLES = (Role.IMPACT, Role.ACTION, Role.LEAD, Role.TIMEFRAME)
HEADER = ("Impact", "Action", "Lead", "Timeframe")


def _pdf_table(rows: list[tuple[str | None, str, int, int]]) -> RawTable:
    """A PDF-read table: each row is ``(impact or None, action, page, impact row span)``."""
    cells = tuple(
        (
            RawCell(impact, Provenance("t.pdf", 0, r, 0, (page,)), row_span=span),
            RawCell(action, Provenance("t.pdf", 0, r, 1, (page,))),
            RawCell("Ann", Provenance("t.pdf", 0, r, 2, (page,))),
            RawCell("", Provenance("t.pdf", 0, r, 3, (page,))),
        )
        for r, (impact, action, page, span) in enumerate(rows)
    )
    return RawTable(0, ROLES, HEADER, cells, "lines", (1, 2))


def test_merged_impact_cut_by_a_pdf_page_break_is_joined() -> None:
    out = drafts(
        _pdf_table(
            [
                ("4. Keep children safe from harmful sexual", "4.1 a", 1, 2),
                (None, "4.2 b", 1, 1),
                ("behaviour beyond the home.", "4.3 c", 2, 2),
                (None, "4.4 d", 2, 1),
            ]
        )
    )
    joined = "Keep children safe from harmful sexual behaviour beyond the home."
    assert [d.impact for d in out] == [
        "Keep children safe from harmful sexual",
        "Keep children safe from harmful sexual",
        joined,
        joined,
    ]
    assert [r.rule for r in out[2].repairs] == ["joined an Impact cell cut by a page break"]


def test_single_row_impacts_either_side_of_a_page_break_stay_apart() -> None:
    out = drafts(
        _pdf_table(
            [
                ("1. Young people are heard", "1.1 a", 1, 1),
                ("partners share what they learn", "1.2 b", 2, 1),
            ]
        )
    )
    assert [d.impact for d in out] == [
        "Young people are heard",
        "partners share what they learn",
    ]
    assert not any("page break" in r.rule for d in out for r in d.repairs)


def test_word_rows_with_their_own_unfinished_impacts_never_pile_up() -> None:
    rows = [
        (f"Young people in area {k} are heard", f"{k}.1 Do thing {k}", "Ann", "") for k in (1, 2, 3)
    ]
    cells = tuple(
        tuple(RawCell(t, Provenance("t.docx", 0, r, c)) for c, t in enumerate(row))
        for r, row in enumerate(rows)
    )
    out = drafts(RawTable(0, ROLES, HEADER, cells, "docx"))
    assert [d.impact for d in out] == [f"Young people in area {k} are heard" for k in (1, 2, 3)]
    assert not any(d.repairs for d in out)


_words = st.lists(
    st.sampled_from(["young", "people", "are", "heard", "safe", "and", "partners", "learn"]),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    impacts=st.lists(_words, min_size=1, max_size=12, unique=True),
    pdf=st.booleans(),
    breaks=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_each_action_has_its_own_rows_impact(
    impacts: list[str], pdf: bool, breaks: list[bool]
) -> None:
    """For any table of distinct Impact cells, each action's Impact is its own row's cell."""
    page, cells = 1, []
    for r, impact in enumerate(impacts):
        page += int(pdf and breaks[r])
        pages = (page,) if pdf else ()
        cells.append(
            (
                RawCell(impact, Provenance("t", 0, r, 0, pages)),
                RawCell(f"{r + 1}.1 act", Provenance("t", 0, r, 1, pages)),
                RawCell("Ann", Provenance("t", 0, r, 2, pages)),
                RawCell("", Provenance("t", 0, r, 3, pages)),
            )
        )
    table = RawTable(0, ROLES, HEADER, tuple(cells), "lines" if pdf else "docx")
    out = drafts(table)
    assert len(out) == len(impacts)
    for draft, impact in zip(out, impacts, strict=True):
        own, _ = repair_text(impact, "Impact", own_label="Impact", header_labels=HEADER)
        assert draft.impact == own


def test_hundreds_of_rows_of_unfinished_impacts_through_the_cli(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rows = [
        (f"Young people in area {k} are heard", f"{k}.1 Action {k}", "Ann Lee", "")
        for k in range(1, 301)
    ]
    save(workplan(rows), inbox)
    shutil.copy(INBOX / "ppyp-2023-24.docx", inbox)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 0
    sheet = openpyxl.load_workbook(register)["Actions"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in ("Impact", "Action ID", "Source")}
    got = [
        (row[col["Action ID"]], row[col["Impact"]])
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[col["Source"]] == "plan.docx"
    ]
    assert len(got) == 300
    assert all(
        impact == f"Young people in area {k} are heard" for k, (_, impact) in enumerate(got, 1)
    )
    assert any(
        row[col["Source"]] == "ppyp-2023-24.docx"
        for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    review = openpyxl.load_workbook(register)["Review"]
    assert not any("page break" in str(c.value) for row in review.iter_rows() for c in row)


def test_a_header_with_no_actions_under_it_is_a_named_failure(tmp_path: Path) -> None:
    path = save(workplan([("", "", "", "")]), tmp_path, "empty.docx")
    raw = parse(path)
    with pytest.raises(DocumentError) as caught:
        normalise_document(raw, load_settings())
    assert caught.value.problem == (
        "a workplan table was found (header: Impact | Action | Lead | Timeframe) but no action "
        "could be read from it (1 row under the header, none with an action, lead or timeframe); "
        "check the table's rows sit under its header in one table, then drop it in again"
    )


def test_a_header_with_no_actions_fails_in_sources_and_others_are_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    save(workplan([("", "", "", "")]), inbox, "empty.docx")
    shutil.copy(INBOX / "ppyp-2023-24.docx", inbox)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register), "-q"]) == 1
    book = openpyxl.load_workbook(register)
    sources = {row[0]: row for row in book["Sources"].iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in book["Sources"][1]]
    result, message = header.index("Result"), header.index("Message")
    assert sources["empty.docx"][result] == "Failed"
    assert str(sources["empty.docx"][message]).startswith("a workplan table was found")
    assert sources["ppyp-2023-24.docx"][result] == "Ingested"
    assert book["Actions"].max_row > 10
