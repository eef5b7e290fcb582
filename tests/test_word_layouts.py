"""Word layouts of real partnership plans, on tiny documents built here, one layout each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches
from docx_build import run, save, set_cell_xml, shade, workplan

from parsers import parse
from parsers.model import RawTable, Role


def _table(document: Any, rows: list[list[str]], widths: tuple[float, ...] = ()) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    if widths:
        for k, col in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            col.set(qn("w:w"), str(int(Inches(widths[k]).twips)))
    return table


def _read(document: Any, tmp_path: Path) -> RawTable:
    raw = parse(save(document, tmp_path))
    assert len(raw.tables) == 1
    return raw.tables[0]


def _actions(table: RawTable) -> list[str | None]:
    col = table.roles.index(Role.ACTION)
    return [row[col].text for row in table.rows]


def test_timescale_merged_over_start_and_end(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("DELIVERY PLAN 2024-26")
    table = _table(
        document,
        [
            ["ID", "Activity", "Accountable", "Timescale", "", "Progress"],
            ["", "", "", "Start", "End", ""],
            ["BS1", "Roll out hubs", "DCS", "April 2024", "March 2025", "G"],
        ],
    )
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 3).paragraphs[-1]._p.getparent().remove(table.cell(0, 3).paragraphs[-1]._p)
    for k in (0, 1, 2, 5):
        table.cell(0, k).merge(table.cell(1, k))
    read = _read(document, tmp_path)
    assert read.roles == (Role.ID, Role.ACTION, Role.LEAD, Role.OTHER, Role.TIMEFRAME, Role.STATUS)
    assert read.header[3:5] == ("Timescale Start", "Timescale End")
    assert [c.text for c in read.rows[0]][3:5] == ["April 2024", "April 2024 - March 2025"]


def test_priority_tables_each_under_a_heading_are_one_table_with_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("COMMUNITY SAFETY PARTNERSHIP ACTION PLAN 2024-25")
    header = ["Ref", "Action", "Owner", "Deadline"]
    for n, title in enumerate(("Safer streets", "Safe at home"), start=1):
        document.add_paragraph(f"Priority {n}: {title}", style="Heading 2")
        _table(document, [header, [f"{n}.1", f"Do {n}a", "Ann", "May 2024"]])
        if n == 1:
            _table(document, [[f"{n}.2", f"Do {n}b", "Bob", "June 2024"]])  # continued, no header
    read = _read(document, tmp_path)
    assert _actions(read) == ["Do 1a", "Do 1b", "Do 2a"]
    assert read.headings == ((0, "Priority 1: Safer streets"), (2, "Priority 2: Safe at home"))


def test_headings_in_a_heading_style_without_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("HEALTH AND WELLBEING BOARD DELIVERY PLAN")
    for title in ("Best start in life", "Mental wellbeing"):
        document.add_paragraph(title, style="Heading 2")
        _table(document, [["Action", "Lead"], [f"Do {title}", "Ann"]])
    read = _read(document, tmp_path)
    assert read.headings == ((0, "Best start in life"), (1, "Mental wellbeing"))


def test_headerless_table_after_a_heading_continues_when_its_columns_match(tmp_path: Path) -> None:
    document = workplan([["1. A", "1.1 Do a", "Ann", "2024"]])
    document.add_paragraph("Priority 2: Safe at home")
    _table(document, [["2. B", "2.1 Do b", "Bob", "2025"]])
    read = _read(document, tmp_path)
    assert _actions(read) == ["1.1 Do a", "2.1 Do b"]
    assert read.headings == ((1, "Priority 2: Safe at home"),)


def test_headerless_table_after_prose_or_in_other_columns_is_not_the_workplan(
    tmp_path: Path,
) -> None:
    document = workplan([["1. A", "1.1 Do a", "Ann", "2024"]])
    for col in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol")):
        col.set(qn("w:w"), str(int(Inches(1.5).twips)))
    document.add_paragraph("Appendix: members of the partnership")
    _table(document, [["Jo Bloggs", "Chair", "Police", "jo@example.org"]], (3.0, 1.0, 1.0, 1.0))
    document.add_paragraph(
        "The partnership meets every quarter to review this plan, and each lead reports to the "
        "board on progress against the actions they own, with any exceptions brought forward."
    )
    _table(document, [["x", "y", "z", "w"]], (1.5, 1.5, 1.5, 1.5))
    raw = parse(save(document, tmp_path))
    assert _actions(raw.tables[0]) == ["1.1 Do a"]
    assert raw.tables[0].headings == ()
    assert sum(n.endswith("not a workplan table (Jo Bloggs)") for n in raw.notes) == 1


def test_one_cell_banner_table_between_parts_is_a_heading(tmp_path: Path) -> None:
    document = workplan([["1. A", "1.1 Do a", "Ann", "2024"]])
    banner = document.add_table(rows=1, cols=1)
    banner.cell(0, 0).text = "Priority 2: Safe at home"
    _table(document, [["2. B", "2.1 Do b", "Bob", "2025"]])
    read = _read(document, tmp_path)
    assert _actions(read) == ["1.1 Do a", "2.1 Do b"]
    assert read.headings == ((1, "Priority 2: Safe at home"),)


def test_heading_rows_count_the_rows_kept(tmp_path: Path) -> None:
    # a second part repeating the header row, then a heading: the heading's row
    # index is in the joined table, after the repeated header is dropped
    document = workplan([["1. A", "1.1 Do a", "Ann", "2024"]])
    _table(document, [["Impact", "Action", "Lead", "Timeframe"], ["", "1.2 Do b", "Bob", "2024"]])
    document.add_paragraph("Priority 2: Safe at home")
    _table(
        document, [["Impact", "Action", "Lead", "Timeframe"], ["2. B", "2.1 Do c", "Cy", "2025"]]
    )
    read = _read(document, tmp_path)
    assert _actions(read) == ["1.1 Do a", "1.2 Do b", "2.1 Do c"]
    assert read.headings == ((2, "Priority 2: Safe at home"),)


def test_no_heading_from_a_title_or_a_plain_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Priority 1: the plan's title line")
    _table(document, [["Action", "Lead"], ["Do", "Ann"]])
    assert _read(document, tmp_path).headings == ()
    document = docx.Document()
    document.add_paragraph("ADULTS BOARD PLAN 2024-25")
    document.add_paragraph("This plan sets out what the board will do.")
    _table(document, [["Action", "Lead"], ["Do", "Ann"]])
    assert _read(document, tmp_path).headings == ()


def test_nested_table_of_sub_actions_with_its_own_header(tmp_path: Path) -> None:
    doc = workplan(
        [["1. A", "Deliver training:", "", ""]], header=("Impact", "Action", "Lead", "Due")
    )
    inner = doc.tables[0].cell(1, 1).add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["Task", "Who", "Partners", "When"],
            ["Level 2 refresh", "Jo Bloggs", "", "July 2024"],
            ["MCA masterclass — advanced", "", "Police", "Nov 2024"],
        ]
    ):
        for k, text in enumerate(row):
            inner.cell(r, k).text = text
    cell = _read(doc, tmp_path).rows[0][1]
    assert cell.nested
    assert cell.text == (
        "Deliver training:\n"
        "• Level 2 refresh — Jo Bloggs — July 2024\n"
        "• MCA masterclass – advanced — with support from Police — Nov 2024"
    )


def test_nested_table_without_header_puts_item_marks_before_the_text(tmp_path: Path) -> None:
    doc = workplan([["1. A", "Carry out audits:", "", ""]])
    inner = doc.tables[0].cell(1, 1).add_table(rows=2, cols=3)
    for r, row in enumerate([["a)", "Self-neglect cases", "Nadia Osei"], ["b)", "Care homes", ""]]):
        for k, text in enumerate(row):
            inner.cell(r, k).text = text
    cell = _read(doc, tmp_path).rows[0][1]
    assert cell.text == "Carry out audits:\n• a) Self-neglect cases — Nadia Osei\n• b) Care homes"


def test_unlabelled_id_column_and_rag_word_column_read_from_their_cells(tmp_path: Path) -> None:
    doc = workplan(
        [["SV1", "Do a", "Ann", "G"], ["SV2", "Do b", "Bob", "Amber"]],
        header=("", "Action", "Lead", ""),
    )
    assert _read(doc, tmp_path).roles == (Role.ID, Role.ACTION, Role.LEAD, Role.STATUS)


def test_unused_columns_stay_other_whatever_they_hold(tmp_path: Path) -> None:
    doc = workplan(
        [["Do a", "Ann", "1.1", "Good progress"], ["Do b", "Bob", "1.2", "On hold"]],
        header=("Action", "Owner", "Evidence", "Progress update"),
    )
    assert _read(doc, tmp_path).roles == (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER)


def test_rag_dot_coloured_by_its_font_is_the_cell_colour_and_a_key_line(tmp_path: Path) -> None:
    doc = workplan([["Do a", "Ann", "x"], ["Do b", "Bob", "x"]], header=("Action", "Lead", "RAG"))
    key = doc.paragraphs[0]._p
    key.addnext(
        parse_xml(
            f"<w:p {nsdecls('w')}>{run('Key: ')}"
            '<w:r><w:rPr><w:color w:val="00B050"/></w:rPr><w:t>●</w:t></w:r>'
            f"{run(' On track   ')}"
            '<w:r><w:rPr><w:color w:val="C00000"/></w:rPr><w:t>●</w:t></w:r>'
            f"{run(' Overdue')}</w:p>"
        )
    )
    table = doc.tables[0]
    set_cell_xml(
        table.cell(1, 2), '<w:r><w:rPr><w:color w:val="00B050"/></w:rPr><w:t>●</w:t></w:r>'
    )
    set_cell_xml(
        table.cell(2, 2), '<w:r><w:rPr><w:color w:val="00B050"/></w:rPr><w:t>✓</w:t></w:r>'
    )
    shade(table.cell(2, 0), None)
    raw = parse(save(doc, tmp_path))
    rows = raw.tables[0].rows
    assert rows[0][2].fill == "00B050"
    assert rows[1][2].fill is None  # a green tick marks a yes, not a status
    assert [(e.label, e.fill) for e in raw.colour_key] == [
        ("On track", "00B050"),
        ("Overdue", "C00000"),
    ]


def test_bold_heading_recorded_and_a_plain_continued_line_is_not(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ADULTS BOARD PLAN 2024-25")
    document.add_paragraph().add_run("Making safeguarding personal").bold = True
    _table(document, [["Action", "Lead"], ["Do a", "Ann"]])
    document.add_paragraph("continued")
    _table(document, [["Do b", "Bob"]])
    document.add_paragraph().add_run("Prevention").bold = True
    _table(document, [["Action", "Lead"], ["Do c", "Cy"]])
    read = _read(document, tmp_path)
    assert _actions(read) == ["Do a", "Do b", "Do c"]
    assert read.headings == ((0, "Making safeguarding personal"), (2, "Prevention"))


def test_banner_before_the_first_part_too(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("SAFEGUARDING ADULTS BOARD PLAN 2024-25")
    for n, title in enumerate(("Prevention", "Making safeguarding personal"), start=1):
        document.add_table(rows=1, cols=1).cell(0, 0).text = f"Priority {n}: {title}"
        _table(document, [["Action", "Lead"], [f"Do {n}", "Ann"]])
    raw = parse(save(document, tmp_path))
    assert raw.tables[0].headings == (
        (0, "Priority 1: Prevention"),
        (1, "Priority 2: Making safeguarding personal"),
    )
    assert raw.title_lines[0] == "SAFEGUARDING ADULTS BOARD PLAN 2024-25"


def test_header_cell_merged_over_an_id_and_the_action_text(tmp_path: Path) -> None:
    doc = workplan(
        [["1.1", "Develop a shared dataset", "Ann", "May 2024"], ["1.2", "Audit cases", "Bob", ""]],
        header=("Action", "", "Lead", "Due"),
    )
    doc.tables[0].cell(0, 0).merge(doc.tables[0].cell(0, 1))
    read = _read(doc, tmp_path)
    assert read.roles == (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME)
    assert read.header[:2] == ("", "Action")


def test_workplan_table_inside_a_text_box_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("PARTNERSHIP PLAN 2024-25")
    table = _table(document, [["Action", "Lead"], ["Do a", "Ann"]])
    vml = "urn:schemas-microsoft-com:vml"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    anchor = parse_xml(
        f'<w:p {nsdecls("w")} xmlns:v="{vml}" xmlns:mc="{mc}"><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:pict><v:shape><v:textbox><w:txbxContent/></v:textbox>'
        "</v:shape></w:pict></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{run('copy for old readers')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    box = anchor.find(f".//{qn('w:txbxContent')}")
    assert box is not None
    table._tbl.addprevious(anchor)
    box.append(table._tbl)
    box.append(parse_xml(f"<w:p {nsdecls('w')}/>"))
    raw = parse(save(document, tmp_path))
    assert [[c.text for c in row] for row in raw.tables[0].rows] == [["Do a", "Ann"]]
    assert raw.title_lines[0] == "PARTNERSHIP PLAN 2024-25"
    assert not any("Do a" in line for line in raw.title_lines)


def test_heading_after_a_key_table_before_the_first_part(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("COMMUNITY SAFETY PLAN 2024-25")
    key = _table(document, [["Complete"], ["Overdue"]])
    shade(key.cell(0, 0), "0070C0")
    shade(key.cell(1, 0), "FF0000")
    document.add_paragraph("Priority 1: Safer streets")
    _table(document, [["Action", "Lead"], ["Do a", "Ann"]])
    raw = parse(save(document, tmp_path))
    assert raw.tables[0].headings == ((0, "Priority 1: Safer streets"),)
    assert "table 1: colour key" in raw.notes
