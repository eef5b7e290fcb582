"""The Word parser on tiny documents built here, one quirk each, and on the samples."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import INBOX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_build import add_endnotes, note_reference, run, save, set_cell_xml, shade, workplan
from openpyxl import Workbook

from parsers import parse
from parsers.errors import DocumentError
from parsers.model import Role
from parsers.word import read_grids


def _texts(path: Path) -> list[list[str | None]]:
    return [[c.text for c in row] for row in parse(path).tables[0].rows]


def test_impact_merged_down_is_one_cell_with_a_row_span(tmp_path: Path) -> None:
    doc = workplan(
        [["1. Be safe", "1.1 Do a", "Ann"], ["", "1.2 Do b", "Bob"], ["", "1.3 Do c", "Cy"]],
        header=("Impact", "Action", "Lead"),
    )
    table = doc.tables[0]
    table.cell(1, 0).merge(table.cell(3, 0))
    rows = parse(save(doc, tmp_path)).tables[0].rows
    assert [c.text for c in rows[0]] == ["1. Be safe", "1.1 Do a", "Ann"]
    assert rows[0][0].row_span == 3
    assert rows[1][0].text is None and rows[2][0].text is None
    assert [c.text for c in rows[2]][1:] == ["1.3 Do c", "Cy"]


def test_grid_span_and_grid_before_place_cells_on_the_grid(tmp_path: Path) -> None:
    doc = workplan(
        [["1. Be safe", "1.1 Do a", "Ann", "May 2024"], ["x", "1.2 Do b", "Bob", "June 2024"]]
    )
    table = doc.tables[0]
    table.cell(1, 2).merge(table.cell(1, 3))  # lead spans the timeframe column
    tr = table.rows[2]._tr
    tr.remove(tr.findall(qn("w:tc"))[0])  # the row starts one grid column in
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    rows = parse(save(doc, tmp_path)).tables[0].rows
    assert (
        rows[0][2].text == "Ann\nMay 2024" and rows[0][2].col_span == 2 and rows[0][3].text is None
    )
    assert [c.text for c in rows[1]] == ["", "1.2 Do b", "Bob", "June 2024"]


def test_cell_shading_theme_fill_and_highlight_are_read_as_rgb(tmp_path: Path) -> None:
    doc = workplan(
        [
            ["1. A", "1.1 x", "Ann", "2024"],
            ["", "1.2 y", "Bob", "2024"],
            ["", "1.3 z", "Cy", "2024"],
        ]
    )
    table = doc.tables[0]
    shade(table.cell(1, 1), "ffc000")
    shade(table.cell(2, 1), themeFill="accent6", themeFillTint="99")
    set_cell_xml(
        table.cell(3, 1), '<w:r><w:rPr><w:highlight w:val="green"/></w:rPr><w:t>1.3 z</w:t></w:r>'
    )
    rows = parse(save(doc, tmp_path)).tables[0].rows
    assert rows[0][1].fill == "FFC000"
    accent6 = "F79646"  # the Office 2007 theme in python-docx's template
    assert rows[1][1].fill is not None and rows[1][1].fill != accent6  # tinted lighter
    assert rows[2][1].fill == "00FF00"
    assert rows[0][2].fill is None


def test_word_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    doc = workplan([["1. A", "Do a", "Ann", "2024"], ["", "Do b", "Bob", "2024"]])
    numbering = doc.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    numpr = '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr></w:pPr>'
    table = doc.tables[0]
    set_cell_xml(
        table.cell(0, 0),
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>'
        + run("Impact"),
    )
    set_cell_xml(table.cell(1, 1), numpr + run("Do a"))
    set_cell_xml(table.cell(2, 1), numpr + run("Do b"))
    texts = _texts(save(doc, tmp_path))
    assert texts[0][1] == "1.1 Do a"
    assert texts[1][1] == "1.2 Do b"


def test_tracked_changes_read_as_accepted_and_content_controls_and_links_kept(
    tmp_path: Path,
) -> None:
    doc = workplan([["1. A", "x", "Ann", "2024"]])
    set_cell_xml(
        doc.tables[0].cell(1, 1),
        run("1.1 Hold ")
        + '<w:del w:id="1" w:author="a"><w:r><w:delText>two</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="a">'
        + run("three")
        + "</w:ins>"
        + "<w:sdt><w:sdtContent>"
        + run(" focus groups")
        + "</w:sdtContent></w:sdt>"
        + '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + run(" online")
        + "</w:hyperlink>",
    )
    assert _texts(save(doc, tmp_path))[0][1] == "1.1 Hold three focus groups online"


def test_nested_table_text_is_kept_in_order_and_marked(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 See list", "Ann", "2024"]])
    cell = doc.tables[0].cell(1, 1)
    inner = cell.add_table(rows=2, cols=2)
    for (r, k), text in {(0, 0): "a", (0, 1): "b", (1, 0): "c", (1, 1): "d"}.items():
        inner.cell(r, k).text = text
    row = parse(save(doc, tmp_path)).tables[0].rows[0]
    # one line per nested row, its cells joined by " — " (the contract in parsers.word_nested)
    assert row[1].text == "1.1 See list\n• a — b\n• c — d"
    assert row[1].nested is True


def test_header_recognised_by_meaning_in_any_order_and_case(tmp_path: Path) -> None:
    doc = workplan(
        [["Keith", "31 March 2025", "1.1 Do it", "Better lives"]],
        header=("WHO?", "By when", "What we will do", "Outcome"),
    )
    table = parse(save(doc, tmp_path)).tables[0]
    assert table.roles == (Role.LEAD, Role.TIMEFRAME, Role.ACTION, Role.IMPACT)


def test_header_written_over_two_rows(tmp_path: Path) -> None:
    doc = workplan(
        [["(what success looks like)", "", "(name / agency)"], ["1. Safe", "1.1 Do", "Ann"]],
        header=("Impact", "Action", "Responsible"),
    )
    table = parse(save(doc, tmp_path)).tables[0]
    assert table.roles == (Role.IMPACT, Role.ACTION, Role.LEAD)
    assert table.header[2] == "Responsible (name / agency)"
    assert [c.text for c in table.rows[0]] == ["1. Safe", "1.1 Do", "Ann"]


def test_unlabelled_shaded_column_is_the_status_column(tmp_path: Path) -> None:
    doc = workplan(
        [["", "1. A", "1.1 x", "Ann"], ["", "", "1.2 y", "Bob"]],
        header=("", "Impact", "Action", "Lead"),
    )
    shade(doc.tables[0].cell(1, 0), "00B050")
    table = parse(save(doc, tmp_path)).tables[0]
    assert table.roles[0] is Role.STATUS
    assert table.rows[0][0].fill == "00B050"


def test_colour_key_and_other_tables_are_kept_out_of_the_workplan(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"]])
    key = doc.add_table(rows=2, cols=1)
    key.cell(0, 0).text = "Action Complete"
    key.cell(1, 0).text = "Action Overdue"
    shade(key.cell(0, 0), "0070C0")
    shade(key.cell(1, 0), "FF0000")
    members = doc.add_table(rows=2, cols=2)
    members.cell(0, 0).text = "Member"
    members.cell(0, 1).text = "Agency"
    raw = parse(save(doc, tmp_path))
    assert len(raw.tables) == 1
    assert [(e.label, e.fill) for e in raw.colour_key] == [
        ("Action Complete", "0070C0"),
        ("Action Overdue", "FF0000"),
    ]
    assert "table 2: colour key" in raw.notes
    assert any(n.startswith("table 3: not a workplan table") for n in raw.notes)


def test_workplan_split_into_several_word_tables_is_one_table(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"]])
    second = doc.add_table(rows=2, cols=4)
    for k, text in enumerate(("Impact", "Action", "Lead", "Timeframe")):
        second.cell(0, k).text = text
    for k, text in enumerate(("2. B", "2.1 y", "Bob", "2025")):
        second.cell(1, k).text = text
    third = doc.add_table(rows=1, cols=4)
    for k, text in enumerate(("", "2.2 z", "Cy", "2026")):
        third.cell(0, k).text = text
    raw = parse(save(doc, tmp_path))
    assert len(raw.tables) == 1
    assert [row[1].text for row in raw.tables[0].rows] == ["1.1 x", "2.1 y", "2.2 z"]


def test_provenance_gives_table_row_and_column(tmp_path: Path) -> None:
    raw = parse(
        save(workplan([["1. A", "1.1 x", "Ann", "2024"], ["", "1.2 y", "Bob", "2025"]]), tmp_path)
    )
    cell = raw.tables[0].rows[1][2]
    assert (
        cell.provenance.file,
        cell.provenance.table,
        cell.provenance.row,
        cell.provenance.col,
    ) == ("plan.docx", 0, 1, 2)


def test_title_from_first_paragraphs_and_page_header(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"]], title="")
    doc.sections[0].header.paragraphs[0].text = "Effective Support Workplan 2023-2024"
    raw = parse(save(doc, tmp_path))
    assert "Effective Support Workplan 2023-2024" in raw.title_lines


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.docx", "legacy Word 97-2003"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "locked.docx",
            "password-protected",
        ),
        (b"just some text", "notes.docx", "not a Word file"),
        (b"", "copying.docx", "empty file (0 bytes)"),
    ],
)
def test_bad_word_files_give_a_named_document_error(
    tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        parse(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(name)


def test_zip_that_is_not_a_word_package_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    Workbook().save(path)
    with pytest.raises(DocumentError, match=r"sheet\.docx: not a Word document"):
        parse(path)
    other = tmp_path / "bundle.docx"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(DocumentError, match=r"bundle\.docx"):
        parse(other)


def test_word_file_without_a_workplan_table_is_a_document_error(tmp_path: Path) -> None:
    doc = workplan([["a", "b"]], header=("Member", "Agency"))
    with pytest.raises(DocumentError, match="no workplan table found"):
        parse(save(doc, tmp_path))


def test_grid_matches_docx2python_merged_cells(peers: Path) -> None:
    grid = read_grids(peers / "docx2python" / "merged_cells.docx")[0]
    # docx2python writes "" where we write None (covered by a merge)
    assert [[c if c is not None else "" for c in row] for row in grid] == [
        ["0-0", "0-12", "", "0-3"],
        ["12-0", "1-1", "1-2", "1-3"],
        ["", "2-1", "2-2", "2-3"],
        ["3-0", "34-123", "", ""],
        ["4-0", "", "", ""],
    ]
    assert grid[0][2] is None and grid[2][0] is None  # covered, not empty


def test_text_box_text_is_kept_and_alternate_content_read_once(tmp_path: Path) -> None:
    doc = workplan([["1. A", "x", "Ann", "2024"]])
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    set_cell_xml(
        doc.tables[0].cell(1, 1),
        run("1.1 See ")
        + f"<w:r><w:pict {vml}><v:shape><v:textbox><w:txbxContent><w:p>{run('the box')}</w:p>"
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        + f"<mc:AlternateContent {mc}><mc:Choice Requires='wps'>{run(' once')}</mc:Choice>"
        + f"<mc:Fallback>{run(' twice')}</mc:Fallback></mc:AlternateContent>",
    )
    assert _texts(save(doc, tmp_path))[0][1] == "1.1 See the box once"


def test_grid_after_leaves_the_trailing_positions_empty(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"], ["", "1.2 y", "Bob", "2025"]])
    tr = doc.tables[0].rows[2]._tr
    tr.remove(tr.findall(qn("w:tc"))[-1])
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridAfter {nsdecls("w")} w:val="1"/>'))
    rows = parse(save(doc, tmp_path)).tables[0].rows
    assert [c.text for c in rows[1]] == ["", "1.2 y", "Bob", ""]


def test_paragraph_shading_is_the_fallback_colour(tmp_path: Path) -> None:
    doc = workplan([["1. A", "x", "Ann", "2024"]])
    set_cell_xml(
        doc.tables[0].cell(1, 1),
        '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FF0000"/></w:pPr>' + run("1.1 x"),
    )
    assert parse(save(doc, tmp_path)).tables[0].rows[0][1].fill == "FF0000"


def test_theme_fill_tint_is_resolved_lighter_than_the_theme_colour(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"], ["", "1.2 y", "Bob", "2024"]])
    shade(doc.tables[0].cell(1, 1), themeFill="accent6")
    shade(doc.tables[0].cell(2, 1), themeFill="accent6", themeFillTint="66")
    rows = parse(save(doc, tmp_path)).tables[0].rows
    plain, tinted = rows[0][1].fill, rows[1][1].fill
    assert plain == "F79646"  # accent6 of the Office 2007 theme in python-docx's template
    assert tinted is not None and sum(int(tinted[i : i + 2], 16) for i in (0, 2, 4)) > sum(
        (0xF7, 0x96, 0x46)
    )


def test_footnote_is_read_with_the_cell_it_is_attached_to() -> None:
    raw = parse(INBOX / "ppyp-2023-24.docx")
    (note,) = raw.footnotes
    assert note.mark == "footnote:1" and note.anchor == "Cross-Cutting Themes"
    assert note.text.startswith(
        "The MSCP business includes five cross-cutting themes: A) Voice of children"
    )
    assert raw.tables[0].header[3] == "Cross-Cutting Themes"  # the mark is not in the text


def test_endnote_is_read_like_a_footnote_and_defines_the_themes(tmp_path: Path) -> None:
    from normalise import load_settings, normalise_document

    document = workplan(
        [["1. Impact", "1.1 Hold a learning event", "Quality assurance", "Ann Lee", "May 2025"]],
        header=("Impact", "Action", "Themes", "Lead", "Timeframe"),
    )
    set_cell_xml(document.tables[0].cell(0, 2), run("Themes") + note_reference("endnote", 1))
    add_endnotes(
        document, {1: "The sub-group's cross-cutting themes: A) Quality assurance B) Think Family"}
    )
    raw = parse(save(document, tmp_path))
    (note,) = raw.footnotes
    assert (note.mark, note.anchor) == ("endnote:1", "Themes")
    assert note.text == "The sub-group's cross-cutting themes: A) Quality assurance B) Think Family"
    assert raw.tables[0].header[2] == "Themes"  # the mark is not in the text
    (action,) = normalise_document(raw, load_settings()).actions
    assert action.themes == ("Quality assurance",)
    assert not [r for r in action.review if r.field == "Themes"]  # a theme the endnote names
    plain = workplan(
        [["1. Impact", "1.1 Hold a learning event", "Quality assurance", "Ann Lee", "May 2025"]],
        header=("Impact", "Action", "Themes", "Lead", "Timeframe"),
    )
    (unnamed,) = normalise_document(
        parse(save(plain, tmp_path, "plain.docx")), load_settings()
    ).actions
    assert [r.rule for r in unnamed.review if r.field == "Themes"] == [
        "theme not recognised: kept as written"
    ]


def test_page_header_is_kept_apart_from_the_table() -> None:
    raw = parse(INBOX / "ess-2023-24.docx")
    assert "Effective Safeguarding and Support Workplan 2023-2024" in raw.title_lines
    assert not any(
        "Workplan 2023-2024" in (c.text or "") for row in raw.tables[0].rows for c in row
    )
    assert raw.trailing_text[0].startswith("Activity under the previous work plan priority")


def test_paragraphs_breaks_tabs_and_word_bullets_read_as_written(tmp_path: Path) -> None:
    doc = workplan([["1. A", "x", "Ann", "2024"]])
    cell = doc.tables[0].cell(1, 1)
    set_cell_xml(
        cell,
        run("1.1 Receive data:")
        + "<w:r><w:br/></w:r>"
        + run("on")
        + "<w:r><w:tab/></w:r>"
        + run("time"),
    )
    cell.add_paragraph("Self-harm", style="List Bullet")
    cell.add_paragraph("Substance misuse", style="List Bullet")
    assert (
        _texts(save(doc, tmp_path))[0][1]
        == "1.1 Receive data:\non\ttime\n• Self-harm\n• Substance misuse"
    )


def test_colour_key_written_as_shaded_paragraphs(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"]])
    body = doc.element.body
    for label, fill in (("On Track", "00B050"), ("At Risk", "FFC000")):
        p = parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:shd w:val="clear" w:fill="{fill}"/></w:pPr>{run(label)}</w:p>'
        )
        body.insert(1, p)
    raw = parse(save(doc, tmp_path))
    assert {(e.label, e.fill) for e in raw.colour_key} == {
        ("On Track", "00B050"),
        ("At Risk", "FFC000"),
    }


def test_title_falls_back_to_core_properties(tmp_path: Path) -> None:
    doc = workplan([["1. A", "1.1 x", "Ann", "2024"]], title="")
    doc.core_properties.title = "Neglect Sub-Group Workplan 2025-26"
    assert parse(save(doc, tmp_path)).title_lines == ("Neglect Sub-Group Workplan 2025-26",)
