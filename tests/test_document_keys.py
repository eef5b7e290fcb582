"""A document's own keys, and leads read the way a partnership names itself (issue 14).

Each test reads real files of ``samples/layouts/``: the Word document and its
two PDFs (LibreOffice's and Chromium's), so a rule that works on one producer
only fails here.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT
from docx.shared import Cm
from docx_build import save, workplan
from golden import actions_of

from normalise import load_settings, normalise_document, resolve_leads_of
from normalise.leads.apply import merges_to_check
from normalise.leads.initials import INITIALS_RULE, initials_key
from normalise.model import Action, Status, Workplan
from normalise.status import DEFAULT_PALETTE, status_from_fill, status_from_text
from parsers import parse

LAYOUTS = ROOT / "samples" / "layouts"
PRODUCERS = ("{}.docx", "{}.pdf", "{}-chromium.pdf")
SHADED = "wexcombe-sab-shaded-key"
WORDS = "wexcombe-csp-word-key"
INITIALS = "kirkwood-cp-initials"
DOTS = "redcliffe-hwb-dots"


def _files(stem: str) -> list[Path]:
    return [LAYOUTS / pattern.format(stem) for pattern in PRODUCERS]


def _each(stem: str) -> list[object]:
    return [pytest.param(p, id=p.name) for p in _files(stem)]


def _workplan(path: Path) -> Workplan:
    return normalise_document(parse(path), load_settings())


def _actions(path: Path) -> dict[str, Action]:
    return {a.action_id: a for a in actions_of([path])[path.name]}


def _keys(workplan: Workplan, kind: str = "") -> list[tuple[str, str]]:
    """The Review records of the document's keys, those whose entries start ``kind``."""
    return [
        (r.before, r.after)
        for r in workplan.review
        if r.field == "Key" and r.before.startswith(kind)
    ]


# --- Colour keys ------------------------------------------------------------------


@pytest.mark.parametrize("path", _each(SHADED))
def test_a_key_of_shaded_words_in_a_paragraph_is_read_before_the_standard_colours(
    path: Path,
) -> None:
    raw = parse(path)
    assert [(e.label, e.fill) for e in raw.colour_key] == [
        ("Completed", "9DC3E6"),
        ("On target", "C5E0B3"),
        ("Slipping", "FFE699"),
        ("Missed", "F4B183"),
    ]
    # Light orange is amber on the standard palette; this document's key says Missed.
    assert status_from_fill("F4B183", DEFAULT_PALETTE)[0] is Status.AT_RISK
    statuses = {k: a.status for k, a in _actions(path).items()}
    assert statuses == {
        "1.1": Status.COMPLETE,
        "1.2": Status.ON_TRACK,
        "1.3": Status.AT_RISK,
        "2.1": Status.OVERDUE,
        "2.2": Status.ON_TRACK,
        "2.3": None,
    }
    assert _keys(_workplan(path), "colour key") == [
        (
            "colour key: Completed #9DC3E6; On target #C5E0B3; Slipping #FFE699; Missed #F4B183",
            "#9DC3E6 Complete; #C5E0B3 On track; #FFE699 At risk; #F4B183 Overdue",
        )
    ]


@pytest.mark.parametrize("path", _each(DOTS))
def test_a_key_of_coloured_dots_beside_words_is_read_and_recorded(path: Path) -> None:
    raw = parse(path)
    assert [e.label for e in raw.colour_key] == [
        "Completed",
        "Progressing as planned",
        "Some slippage – at risk",
        "Significantly off track – overdue",
    ]
    assert _keys(_workplan(path), "colour key")[0][1] == (
        "#2E75B6 Complete; #00B050 On track; #FFC000 At risk; #C00000 Overdue"
    )


# --- Word keys --------------------------------------------------------------------


@pytest.mark.parametrize("path", _each(WORDS))
def test_a_word_key_redefines_a_status_word_against_its_usual_sense(path: Path) -> None:
    assert status_from_text("Delayed") is Status.AT_RISK  # what the word means with no key
    statuses = {k: a.status for k, a in _actions(path).items()}
    assert statuses == {
        "1.1": Status.COMPLETE,
        "1.2": Status.OVERDUE,  # "Delayed – the target date has passed"
        "1.3": Status.ON_TRACK,  # "Live – under way and on course"
        "1.4": Status.AT_RISK,  # "Paused – at risk of missing the date"
        "1.5": Status.COMPLETE,
    }
    ((before, after),) = _keys(_workplan(path), "key in the text")
    assert before.startswith("key in the text: Live – under way and on course; Paused")
    assert after == "live On track; paused At risk; delayed Overdue; done Complete"


# --- Initials ---------------------------------------------------------------------


@pytest.mark.parametrize("path", _each(INITIALS))
def test_initials_in_lead_cells_are_read_through_the_documents_key_table(path: Path) -> None:
    actions = _actions(path)
    assert {k: a.lead for k, a in actions.items()} == {
        "1.1": ("Jo Brown",),
        "1.2": ("Jo Brown", "Mark Hughes"),
        "1.3": ("Mark Hughes",),
        "2.1": ("Ruth Patel",),
        "2.2": ("Ruth Patel",),
        "2.3": ("Sam Khan",),
        "3.1": ("Dan Okafor",),
        "3.2": ("Dan Okafor", "Jo Brown"),
        "3.3": ("Lisa Turner",),
    }
    assert actions["3.2"].lead_as_written == "DO/JB"
    (repair,) = [r for r in actions["3.2"].review if r.rule.startswith(INITIALS_RULE)]
    assert (repair.before, repair.after) == ("DO/JB", "DI Dan Okafor/Jo Brown")
    assert "DO – DI Dan Okafor; JB – Jo Brown" in repair.rule
    ((before, _),) = _keys(_workplan(path), "initials")
    assert before.startswith("initials and abbreviations: JB – Jo Brown; MH – Mark Hughes; RP")
    # the abbreviation its title writes out is an entry too
    assert before.endswith("; KCP – Kirkwood Children's Partnership")


def test_a_line_with_a_dash_is_a_key_entry_only_when_the_initials_are_the_names() -> None:
    key = initials_key(
        [
            "RAG – Red, Amber, Green",
            "JB – Jo Brown (Head of Early Help)",
            "AB – Carol Dunn",  # not her initials
            "Q3 – October to December",
            "LT: Dr Lisa Turner, Designated Doctor",
        ]
    )
    assert [(e.initials, e.name) for e in key.entries] == [
        ("JB", "Jo Brown"),
        ("LT", "Dr Lisa Turner"),
    ]
    assert key.expand("JB, LT and JBX")[0] == "Jo Brown, Dr Lisa Turner and JBX"


# --- Bodies by acronym and in full, the plan's own group ---------------------------


def _together(producer: str) -> dict[str, dict[str, Action]]:
    paths = [LAYOUTS / producer.format(stem) for stem in (SHADED, WORDS)]
    found = actions_of(paths)
    return {p.stem: {a.action_id: a for a in found[p.name]} for p in paths}


@pytest.mark.parametrize("producer", PRODUCERS)
def test_acronyms_in_one_plan_and_full_names_in_the_next_are_one_lead(producer: str) -> None:
    both = _together(producer)
    full = both[Path(producer.format(SHADED)).stem]
    short = both[Path(producer.format(WORDS)).stem]
    assert short["1.1"].lead_as_written == "MPS"
    assert short["1.1"].lead == full["1.1"].lead == ("Metropolitan Police Service",)
    assert short["1.4"].lead_as_written == "Probation"
    assert short["1.4"].lead == full["1.3"].lead == ("Probation Service",)
    assert short["1.1"].support == full["2.2"].lead == ("NHS South West London ICB",)
    assert short["1.2"].support == ("Metropolitan Police Service", "Probation Service")


def test_leads_uncertain_lists_each_acronym_merge_with_its_source() -> None:
    paths = [LAYOUTS / f"{stem}.docx" for stem in (SHADED, WORDS, INITIALS)]
    settings = load_settings()
    workplans = [normalise_document(parse(p), settings) for p in paths]
    merges = {
        (m.written, m.canonical): m
        for m in merges_to_check(resolve_leads_of(workplans, settings), workplans)
    }
    assert merges[("MPS", "Metropolitan Police Service")].source == "shipped list"
    assert merges[("Probation", "Probation Service")].source == "shipped list"
    icb = merges[("ICB", "NHS South West London ICB")]
    assert icb.source == "shipped list" and icb.score < 90
    jb = merges[("JB / MH", "Jo Brown / Mark Hughes")]
    assert jb.source == "document key" and "KCP 2025-26" in jb.rule


@pytest.mark.parametrize("path", _each(SHADED))
def test_full_sub_group_is_the_plans_own_sub_group(path: Path) -> None:
    action = _actions(path)["2.1"]
    assert action.lead_as_written == "Full Sub-Group"
    assert action.lead == ("Wexcombe Safeguarding Adults Board Prevention Sub-Group",)


@pytest.mark.parametrize("path", _each(WORDS))
def test_the_partnership_is_the_body_the_title_names_without_its_plan_words(path: Path) -> None:
    assert _actions(path)["1.3"].lead == ("Wexcombe Community Safety Partnership",)


# --- Cells naming several leads, text at cell edges --------------------------------


@pytest.mark.parametrize("path", _each(SHADED))
def test_two_names_on_two_lines_are_two_leads_and_a_role_keeps_its_organisation(
    path: Path,
) -> None:
    actions = _actions(path)
    assert actions["1.2"].lead == ("Amira Shah", "Tom Reilly")
    assert actions["2.3"].lead == ("Head of Adult Social Care", "Age UK Wexcombe")


@pytest.mark.parametrize("path", _each(SHADED)[1:])
def test_words_touching_a_pdf_cell_border_are_kept(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        borders = [e["x0"] for e in page.edges if e["orientation"] == "v"]
        word = next(w for w in page.extract_words() if w["text"] == "Metropolitan")
    # the word starts on the cell's border: no padding between them
    assert min(abs(word["x0"] - x) for x in borders) < 1.0
    actions = _actions(path)
    assert actions["1.1"].lead_as_written == "Metropolitan Police Service"
    assert actions["1.1"].action_id == "1.1"
    assert actions["2.2"].lead_as_written == "NHS South West London ICB"


@pytest.mark.parametrize("path", _each(WORDS)[1:])
def test_a_range_broken_after_its_dash_joins_without_a_space(path: Path) -> None:
    action = _actions(path)["1.1"]
    assert action.timeframe.as_written == "June 2025–September 2025"
    assert action.timeframe.due is not None and action.timeframe.due.isoformat() == "2025-09-30"
    assert _actions(path)["1.2"].action.endswith("repeat victims of anti-social behaviour")


@pytest.mark.parametrize("path", _each(SHADED))
def test_a_spaced_dash_at_a_line_end_keeps_one_space(path: Path) -> None:
    timeframe = _actions(path)["1.1"].timeframe
    assert " ".join(timeframe.as_written.split()) == "April 2025 – March 2026"
    assert timeframe.due is not None and timeframe.due.isoformat() == "2026-03-31"


def test_a_word_key_and_initials_in_a_table_of_their_own_are_read(tmp_path: Path) -> None:
    doc = workplan(
        [["1. Safe", "1.1 Do a", "AB", "May 2025"], ["", "1.2 Do b", "CD", "June 2025"]],
        header=("Impact", "Action", "Lead", "Timeframe"),
    )
    status = doc.tables[0].add_column(Cm(2)).cells
    status[0].text, status[1].text, status[2].text = "Status", "Stalled", "Finished"
    key = doc.add_table(rows=4, cols=2)  # after the plan: a key of words and of initials
    for r, (term, meaning) in enumerate(
        [
            ("Stalled", "the target date has passed"),
            ("Finished", "complete"),
            ("AB", "Alice Baker, Safeguarding Lead"),
            ("CD", "Dr Chris Dale (Designated Doctor)"),
        ]
    ):
        key.cell(r, 0).text, key.cell(r, 1).text = term, meaning
    path = save(doc, tmp_path)
    actions = _actions(path)
    assert (actions["1.1"].status, actions["1.2"].status) == (Status.OVERDUE, Status.COMPLETE)
    assert (actions["1.1"].lead, actions["1.2"].lead) == (("Alice Baker",), ("Chris Dale",))


def test_an_abbreviation_the_document_writes_out_is_read_in_its_lead_cells(
    tmp_path: Path,
) -> None:
    doc = workplan(
        [["1. Safe", "1.1 Do a", "SAB", "May 2025"], ["", "1.2 Do b", "SAB / ASC", "June 2025"]]
    )
    doc.add_paragraph("Agreed by the Safeguarding Adults Board (SAB) in March.")
    actions = _actions(save(doc, tmp_path))
    assert actions["1.1"].lead == ("Safeguarding Adults Board",)
    assert actions["1.2"].lead_as_written == "SAB / ASC"
    assert actions["1.2"].lead == ("Safeguarding Adults Board", "ASC")


def test_words_running_over_a_pdf_cell_border_stay_whole_in_their_cell() -> None:
    path = ROOT / "tests" / "files" / "pdf" / "chrome-overflow.pdf"
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        borders = sorted({round(e["x0"]) for e in page.edges if e["orientation"] == "v"})
        overlapping = [w["text"] for w in page.extract_words() if w["x0"] < borders[-2] < w["x1"]]
    # the Lead column's words run over the border: pdfplumber's own words mix the letters
    assert overlapping and not {"Superintendents", "Neighbourhoods"} & set(overlapping)
    actions = {a.action_id: a for a in actions_of([path])[path.name]}
    assert [(a.lead_as_written, a.timeframe.as_written) for a in actions.values()] == [
        ("Superintendents", "March 2026"),
        ("Neighbourhoods", "June 2025"),
        ("Jo Brown", "Quarterly"),
    ]


def test_a_spelling_joined_by_a_guess_is_listed_as_fuzzy() -> None:
    from normalise.leads import LeadMention, resolve_leads

    res = resolve_leads([LeadMention(n) for n in ("Anne Akamo", "Anne Akamo", "Anne Akaro")])
    (merge,) = merges_to_check(res, [])
    assert (merge.written, merge.canonical, merge.source) == ("Anne Akaro", "Anne Akamo", "fuzzy")
