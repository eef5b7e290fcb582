"""The PDF parser on the committed sample PDFs and on broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import INBOX

from parsers import parse
from parsers.errors import DocumentError
from parsers.model import RawDocument, RawTable, Role
from parsers.pdf_words import colour_hex, join_line


def _column(table: RawTable, role: Role) -> int:
    return table.roles.index(role)


def _row(raw: RawDocument, action_prefix: str) -> tuple:  # type: ignore[type-arg]
    table = raw.tables[0]
    col = _column(table, Role.ACTION)
    return next(r for r in table.rows if (r[col].text or "").strip().startswith(action_prefix))


@pytest.fixture(scope="module")
def ppyp21() -> RawDocument:
    return parse(INBOX / "ppyp-2021-22.pdf")


@pytest.fixture(scope="module")
def ess() -> RawDocument:
    return parse(INBOX / "ess-2023-24.pdf")


def test_row_split_over_page_break_is_rejoined(ppyp21: RawDocument) -> None:
    row = _row(ppyp21, "2.2")
    action = row[_column(ppyp21.tables[0], Role.ACTION)]
    assert action.text is not None and action.text.endswith(
        "This Subgroup to consider findings and actions arising. (October 2021)"
    )
    assert action.provenance.pages == (1, 2)
    assert len(ppyp21.tables[0].rows) == 19


def test_repeated_header_rows_are_dropped(ppyp21: RawDocument, ess: RawDocument) -> None:
    for raw in (ppyp21, ess):
        table = raw.tables[0]
        assert len(table.pages) >= 3
        for row in table.rows:
            assert not any((c.text or "").startswith(("IMPACT –", "Impact –")) for c in row)


def test_page_header_between_table_parts_is_kept_out(ess: RawDocument) -> None:
    assert "Effective Safeguarding and Support Workplan #-#" in ess.page_lines
    cells = [c.text or "" for row in ess.tables[0].rows for c in row]
    assert not any("Workplan 2023-2024" in text for text in cells)
    assert ess.title_lines[0] == "Effective Safeguarding and Support Workplan 2023-2024"
    assert ess.trailing_text[0].startswith("Activity under the previous work plan priority")


def test_merged_impact_over_a_page_break_stays_with_its_priority(ppyp21: RawDocument) -> None:
    table = ppyp21.tables[0]
    impact = _column(table, Role.IMPACT)
    first, second = _row(ppyp21, "4.1"), _row(ppyp21, "4.2")
    text = first[impact].text or ""
    assert text.startswith("4. To have strategic oversight")
    assert text.endswith(
        "harmful sexual behaviour and other forms of harm occurring in contexts beyond the family home."
    )
    assert first[impact].provenance.pages == (2, 3)
    assert first[impact].row_span == 2 and second[impact].text is None


def test_shaded_status_cells_and_the_colour_key(ppyp21: RawDocument) -> None:
    assert [(k.label, k.fill) for k in ppyp21.colour_key] == [
        ("Action Complete", "8EAADB"),
        ("Action on Track", "A8D08D"),
        ("Action at Risk", "FFD966"),
        ("Action Overdue", "FF7C80"),
    ]
    action = _column(ppyp21.tables[0], Role.ACTION)
    assert _row(ppyp21, "5.3")[action].fill == "FF7C80"
    assert _row(ppyp21, "6.2")[action].fill is None
    status = parse(INBOX / "ppyp-2023-24.pdf")
    assert status.tables[0].roles[0] is Role.STATUS
    assert [r[0].fill for r in status.tables[0].rows][:5] == [
        "00B050",
        "00B050",
        "FFC000",
        "00B050",
        "FF0000",
    ]


def test_borderless_table_over_several_pages_from_a_second_producer() -> None:
    raw = parse(INBOX / "ess-2023-24-reportlab.pdf")
    table = raw.tables[0]
    assert table.method == "text"
    assert len(table.rows) == 15
    assert table.pages == (1, 2, 3, 4)
    assert [r[1].text.split()[0] for r in table.rows if r[1].text] == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4",
    ]  # fmt: skip
    assert raw.footnotes and raw.footnotes[0].text.startswith(
        "The MSCP business includes five cross-cutting themes"
    )


def test_footnote_mark_is_removed_from_the_header_and_recorded(ess: RawDocument) -> None:
    assert ess.tables[0].header[2] == "Cross-Cutting Themes"
    assert ess.footnotes[0].mark == "footnote:1"
    assert ess.footnotes[0].anchor == "Cross-Cutting Themes"  # what carried the mark, as in Word
    assert "Learning from reviews & embedding reforms" in ess.footnotes[0].text


def test_encrypted_pdf(peers: Path) -> None:
    with pytest.raises(
        DocumentError, match=r"password-example\.pdf: encrypted PDF: remove the password"
    ):
        parse(peers / "pdfplumber" / "password-example.pdf")


def test_image_only_pdf(peers: Path) -> None:
    with pytest.raises(DocumentError, match="scanned image: no text to read"):
        parse(peers / "pdfplumber" / "issue-203-decimalize.pdf")


def test_truncated_pdf_is_a_document_error(tmp_path: Path) -> None:
    data = (INBOX / "ess-2023-24.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentError, match=r"^cut\.pdf: "):
        parse(cut)


def test_not_a_pdf_and_empty_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello")
    with pytest.raises(DocumentError, match="not a PDF file"):
        parse(fake)
    empty = tmp_path / "empty.pdf"
    empty.touch()
    with pytest.raises(DocumentError, match=r"empty file \(0 bytes\)"):
        parse(empty)


def test_pdf_with_no_workplan_table(peers: Path, tmp_path: Path) -> None:
    shutil.copy(peers / "camelot" / "health.pdf", tmp_path / "health.pdf")
    with pytest.raises(DocumentError, match="no workplan table found"):
        parse(tmp_path / "health.pdf")


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        ((1, 0, 0), "FF0000"),
        ((0.5,), "808080"),
        ((0, 0, 0, 1), "000000"),
        ((0, 0.25, 1, 0), "FFBF00"),
        ((1, 1, 1), None),
        ("P0", None),
    ],
)
def test_fill_colours_from_rgb_grey_and_cmyk(colour: object, expected: str | None) -> None:
    assert colour_hex(colour) == expected


@pytest.mark.parametrize(
    ("before", "text", "joined"),
    [
        ("Family Well-", "Being Model", "Family Well-Being Model"),
        ("Claire Bailey -", "quarterly)", "Claire Bailey - quarterly)"),
        ("Proposed schedule:", "a) Autumn 2023", "Proposed schedule:\na) Autumn 2023"),
        ("Service Manager", "- CSC & Youth", "Service Manager - CSC & Youth"),
        ("including:", "• Dissemination", "including:\n• Dissemination"),
    ],
)
def test_lines_of_a_cell_join_as_a_reader_reads_them(before: str, text: str, joined: str) -> None:
    assert join_line(before, text) == joined


def test_tagged_pdf_without_ruling_is_read_from_its_structure_tree() -> None:
    raw = parse(INBOX.parent / "tagged" / "ess-2023-24-tagged.pdf")
    table = raw.tables[0]
    assert table.method == "tagged"
    assert table.roles == (Role.IMPACT, Role.ACTION, Role.THEMES, Role.LEAD, Role.TIMEFRAME)
    assert [r[1].text.split()[0] for r in table.rows if r[1].text] == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4",
    ]  # fmt: skip
    # a row cut by the page break is one TR in the tree: one row, on both pages
    split = _row(raw, "3.2")[1]
    assert split.provenance.pages == (2, 3)
    assert split.text is not None and split.text.endswith("training programme in the MSCP.")
    assert table.rows[0][0].row_span == 8 and table.rows[1][0].text is None


def test_tagged_status_cells_with_no_text_take_the_colour_behind_them() -> None:
    table = parse(INBOX.parent / "tagged" / "ppyp-2023-24-tagged.pdf").tables[0]
    assert table.method == "tagged" and table.roles[0] == Role.STATUS
    ruled = parse(INBOX / "ppyp-2023-24.pdf").tables[0]  # the same shading, read from the drawing
    assert [r[0].fill for r in table.rows] == [r[0].fill for r in ruled.rows]
    assert [r[0].fill for r in table.rows][:5] == ["00B050", "00B050", "FFC000", "00B050", "FF0000"]
    assert not any(r[k].fill for r in table.rows for k in range(1, len(r)))  # no colour bleeds


def test_rotated_header_text_reads_in_its_own_direction(peers: Path) -> None:
    import pdfplumber

    from parsers.pdf_page import read_page

    with pdfplumber.open(peers / "camelot" / "vertical_header.pdf") as pdf:
        page = read_page(pdf.pages[0])
    header = [c.text for c in page.tables[0].rows[2] if c is not None]
    assert header[:4] == [
        "Number of Registered voters",
        "Poll Book Totals",
        "Brian Calley",
        "Patrick Colbeck",
    ]


@pytest.mark.parametrize(
    ("glyphs", "text"),
    [
        ("ﬁnd", "find"),
        ("eﬀective", "effective"),
        ("\uf0b7Self-harm", "•Self-harm"),
        ("·Item", "•Item"),
        ("Café", "Café"),
    ],
)
def test_ligatures_and_bullet_glyphs(glyphs: str, text: str) -> None:
    from parsers.pdf_words import clean_word

    assert clean_word(glyphs) == text
