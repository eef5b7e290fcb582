"""The register on paper, its chart and its links (#15), from the sample documents."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import INBOX
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from ingest.run import run
from normalise import load_settings
from output.printing import BODY_POINTS, MIN_POINTS, fit_scale

A4 = 9  # the paper code Excel and LibreOffice write for A4


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print") / "register.xlsx"
    run(INBOX, out, load_settings())
    return out


def test_actions_prints_a4_landscape_key_columns_titles_and_footer(register: Path) -> None:
    ws = load_workbook(register)["Actions"]
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation) == (A4, "landscape")
    # as wide as the page, as long as it takes
    assert (*_fit_to(ws), ws.sheet_properties.pageSetUpPr.fitToPage) == (
        1,
        0,
        True,
    )
    assert ws.print_title_rows == "$1:$1"  # the header row on every page
    header = [c.value for c in ws[1]]
    assert ws.print_area == f"'Actions'!$A$1:$F${ws.max_row}"
    assert header[:6] == ["Register ID", "Action", "Status", "Due", "Lead", "Support"]
    footer = ws.oddFooter
    assert (footer.left.text, footer.center.text, footer.right.text) == (
        "&F",
        "Page &P of &N",
        "Printed &D",
    )
    # the long texts wrap
    assert all(ws.cell(r, 2).alignment.wrap_text for r in range(2, ws.max_row + 1))
    assert all(ws.cell(r, 5).alignment.wrap_text for r in range(2, ws.max_row + 1))


def test_actions_prints_at_8_points_or_more(register: Path) -> None:
    """Fit to width shrinks the 11 pt text no further than 8 pt: the printed columns are narrow enough."""
    ws = load_workbook(register)["Actions"]
    assert BODY_POINTS * fit_scale(ws, 6) >= MIN_POINTS
    # every column, printed, would not be: the print area is what keeps it readable
    assert BODY_POINTS * fit_scale(ws, ws.max_column) < MIN_POINTS


def test_summary_fits_one_page_with_a_rag_chart(register: Path) -> None:
    ws = load_workbook(register)["Summary"]
    assert _fit_to(ws) == (1, 1)
    assert ws.page_setup.paperSize == A4
    (chart,) = ws._charts
    assert isinstance(chart, BarChart) and (chart.type, chart.grouping) == ("bar", "stacked")
    table = ws.tables["ByWorkplan"]
    assert table.ref == "A2:J5"  # three workplans
    assert [c.value for c in ws[2]][:10] == ["Workplan", "Key", "Period", "Complete", "On track",
                                             "At risk", "Overdue", "No status", "Removed", "Total"]  # fmt: skip
    # one series per RAG status (and none), each a column of the table, labelled by key
    assert [_ref(s.tx.strRef.f) for s in chart.series] == [f"Summary!{c}2" for c in "DEFGH"]
    assert [_ref(s.val.numRef.f) for s in chart.series] == [f"Summary!{c}3:{c}5" for c in "DEFGH"]
    assert {_ref((s.cat.strRef or s.cat.numRef).f) for s in chart.series} == {"Summary!B3:B5"}
    assert [ws[f"B{r}"].value for r in (3, 4, 5)] == ["ESS 2023-24", "PPYP 2021-22", "PPYP 2023-24"]
    # the chart sits inside the printed area
    area = ws.print_area.split("!")[1].replace("$", "")
    last = ws[area.split(":")[1]]
    assert chart.anchor._from.col < last.column and chart.anchor._from.row < last.row


def _ref(formula: str) -> str:
    """A chart's cell reference with no quotes or dollars: ``'Summary'!$D$2`` is ``Summary!D2``."""
    return formula.replace("'", "").replace("$", "")


def _fit_to(ws: Any) -> tuple[int, int]:
    """The pages wide and high a sheet fits to (0: as many as it takes); one left out is 1,
    OOXML's default."""
    setup = ws.page_setup
    return tuple(1 if n is None else int(n) for n in (setup.fitToWidth, setup.fitToHeight))  # type: ignore[return-value]


def _calc() -> str | None:
    """soffice, if it can open a workbook (LibreOffice Calc installed)."""
    soffice = shutil.which("soffice")
    if soffice is None or not list(Path("/usr/lib/libreoffice/program").glob("libsclo.so")):
        return None
    return soffice


@pytest.mark.skipif(_calc() is None, reason="LibreOffice Calc is not installed")
def test_printed_by_libreoffice(register: Path, tmp_path: Path) -> None:
    """As LibreOffice prints it: Summary on one page, Actions at 8 pt or more, titles repeated."""
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(_calc()), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(register)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    with pdfplumber.open(tmp_path / "register.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
        first, second = pdf.pages[0], pdf.pages[1]
        assert first.width > first.height  # landscape
        sizes = Counter(round(c["size"], 1) for c in second.chars)
    assert "Actions by workplan and status" in texts[0] and "Actions with no lead" in texts[0]
    assert "Actions by RAG status and workplan" not in texts[1]  # the chart is on page 1 too
    assert texts[1].startswith("Register ID Action Status Due Lead Support")
    # Actions runs from page 2, its header row at the top of every page
    header = "Register ID Action Status Due Lead Support"
    pages = [t for t in texts[1:] if t.startswith(header)]
    assert texts[1 : 1 + len(pages)] == pages and len(pages) >= 4
    ids = [str(c.value) for c in load_workbook(register)["Actions"]["A"][1:]]
    assert all(any(i in t for t in pages) for i in ids)
    assert min(sizes) >= MIN_POINTS, sizes
    assert "register.xlsx" in texts[1] and "Page 2 of" in texts[1]


def test_source_links_are_relative_below_the_register(tmp_path: Path) -> None:
    """A shared folder holding the register and its inbox keeps its links when it moves."""
    inbox = tmp_path / "shared" / "inbox"
    (inbox / "team A").mkdir(parents=True)
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "team A")
    register = tmp_path / "shared" / "register.xlsx"
    run(inbox, register, load_settings())
    elsewhere = tmp_path / "elsewhere" / "register.xlsx"
    run(inbox, elsewhere, load_settings(), state=tmp_path / "elsewhere.sqlite")

    def links(path: Path) -> set[tuple[str, str]]:
        ws = load_workbook(path)["Actions"]
        column = [c.value for c in ws[1]].index("Source")
        return {
            (str(r[column].value), r[column].hyperlink.target if r[column].hyperlink else "")
            for r in ws.iter_rows(min_row=2)
        }

    assert links(register) == {("team A/ess-2023-24.docx", "inbox/team%20A/ess-2023-24.docx")}
    document = (inbox / "team A" / "ess-2023-24.docx").resolve().as_uri()
    assert links(elsewhere) == {("team A/ess-2023-24.docx", document)}
    # Sources names the file by its path under the inbox
    sources = load_workbook(register)["Sources"]
    assert [r[0] for r in sources.iter_rows(min_row=2, values_only=True)] == [
        "team A/ess-2023-24.docx"
    ]
    # moved, the relative link still reaches the document
    moved = tmp_path / "moved"
    shutil.move(tmp_path / "shared", moved)
    assert (moved / "inbox/team A/ess-2023-24.docx").is_file()


def test_the_register_has_the_folders_usual_permissions(tmp_path: Path) -> None:
    """Not owner-only, as a temporary file is made: others read it as the umask allows."""
    import os
    import stat

    from normalise.model import Register
    from output.excel import write_register

    old = os.umask(0o022)
    try:
        path = write_register(Register((), ()), tmp_path / "register.xlsx").path
        again = write_register(Register((), ()), path).path
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(again.stat().st_mode) == 0o644
