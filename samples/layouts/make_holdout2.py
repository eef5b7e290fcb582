"""Builders for the second held-out set (``HOLDOUT_2`` in ``layouts_data.py``).

Their shapes are ones the abstract grid of ``make_layouts.py`` cannot draw, so
each has its own Word and HTML builder here; ``make_layouts.py`` calls them for
a layout whose ``builder`` is set, then converts and prints as for the others.

- ``gantt``: id and action in one cell, a Gantt strip of shaded quarters;
- ``portrait``: portrait pages, priorities as list-numbered Heading 2 paragraphs;
- ``borderless``: a table with no borders and no shading (whitespace columns);
- ``titled``: one table per priority, a merged title row above the header row,
  parent rows over numbered sub-action rows, emoji status.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from layouts_data import Act, Layout, Row, status_of
from make_samples import new_document, save_stable, shade

MARGIN_CM = 1.5
GANTT_FILL = "2F5597"
EMOJI_FONT = "Segoe UI Emoji"  # what Word writes for an emoji; LibreOffice falls back


# --- shared helpers ---------------------------------------------------------------------------


def _quarters(when: str) -> set[int]:
    """``Q1 - Q3 2025/26`` -> {1, 2, 3}; ``Q4 2025/26`` -> {4}; ``""`` -> nothing shaded."""
    ends = [int(q) for q in re.findall(r"\bQ([1-4])\b", when)]
    return set(range(ends[0], ends[-1] + 1)) if ends else set()


def _doc(layout: Layout, portrait: bool = False) -> Any:
    doc = new_document()
    section = doc.sections[0]
    if portrait:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    doc.styles["Normal"].font.size = Pt(layout.font_pt)
    props = doc.core_properties
    props.author = props.last_modified_by = "Partnership Business Unit"
    run = doc.add_paragraph().add_run(layout.title)
    run.bold, run.font.size = True, Pt(15)
    for text in layout.intro:
        _text_para(doc.add_paragraph(), text, layout.font_pt)
    return doc


def _is_emoji(ch: str) -> bool:
    return ord(ch) >= 0x1F000


def _text_para(p: Any, text: str, pt: float, bold: bool = False) -> None:
    """Runs of text, emoji in their own runs set in the emoji font (as Word does)."""
    chunk = ""
    for ch in text + "\0":
        if ch == "\0" or _is_emoji(ch):
            if chunk:
                run = p.add_run(chunk)
                run.font.size, run.bold = Pt(pt), bold or None
                chunk = ""
            if ch != "\0":
                run = p.add_run(ch)
                run.font.size = Pt(pt)
                run.font.name = EMOJI_FONT
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), EMOJI_FONT)
        else:
            chunk += ch


def _cell(cell: Any, text: str, pt: float, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        _text_para(p, text, pt, bold)


def _table(doc: Any, nrows: int, widths: list[float], borders: bool = True) -> Any:
    table = doc.add_table(rows=nrows, cols=len(widths))
    if borders:
        table.style = "Table Grid"
    else:
        xml = (
            f"<w:tblBorders {nsdecls('w')}>"
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
        table._tbl.tblPr.append(parse_xml(xml))
    table.autofit = False
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return table


def _repeat(table: Any, rows: int) -> None:
    for r in range(rows):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _span(table: Any, r: int, c0: int, c1: int) -> Any:
    return table.cell(r, c0).merge(table.cell(r, c1))


# --- HTML -------------------------------------------------------------------------------------

CSS = """
@page { size: A4 %(orient)s; margin: 15mm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: %(pt)spt;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 15pt; margin: 0 0 6pt 0; } h2 { font-size: 13pt; margin: 14pt 0 4pt 0; }
table { border-collapse: collapse; table-layout: fixed; margin-bottom: 10pt; }
th, td { vertical-align: top; text-align: left; padding: 3pt 4pt; }
table.grid th, table.grid td { border: 1px solid #000; }
table.none th, table.none td { border: none; padding: 2pt 6pt 4pt 0; }
p { margin: 0 0 4pt 0; }
td.c, th.c { text-align: center; }
"""


def _html(layout: Layout, body: list[str], portrait: bool = False) -> str:
    css = CSS % {"pt": layout.font_pt, "orient": "portrait" if portrait else "landscape"}
    head = [f"<h1>{html.escape(layout.title)}</h1>"]
    head += [f"<p>{html.escape(t)}</p>" for t in layout.intro]
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(layout.title)}</title><style>{css}</style></head>\n<body>\n"
        + "\n".join(head + body)
        + "\n</body></html>\n"
    )


def _td(text: str, tag: str = "td", **attrs: Any) -> str:
    style = attrs.pop("style", "")
    cls = attrs.pop("cls", "")
    out = [f"<{tag}"]
    for k, v in attrs.items():
        out.append(f' {k}="{v}"')
    if cls:
        out.append(f' class="{cls}"')
    if style:
        out.append(f' style="{style}"')
    return "".join(out) + f">{html.escape(text)}</{tag}>"


def _cols(widths: list[float]) -> str:
    return "<colgroup>" + "".join(f'<col style="width:{w}cm">' for w in widths) + "</colgroup>"


def _widths(layout: Layout) -> list[float]:
    return [c.width for c in layout.columns]


# --- gantt ------------------------------------------------------------------------------------


def _gantt_cells(act: Act) -> list[str]:
    return [f"{act.id} {act.text}", act.extra[0], act.extra[1], act.lead]


def gantt_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    widths = _widths(layout)
    n = len(widths)
    body: list[tuple[str, Any]] = []
    for group in layout.groups:
        body.append(("band", group.label))
        body += [("act", a) for row in group.rows for a in row.acts]
    table = _table(doc, 2 + len(body), widths)
    _repeat(table, 2)
    # Two header rows: Action .. Lead officer merged down, `2025/26` over Q1..Q4.
    for c in range(4):
        head = table.cell(0, c).merge(table.cell(1, c))
        _cell(head, layout.columns[c].header, pt, bold=True)
        shade(head, layout.header_fill)
    group_cell = _span(table, 0, 4, 7)
    _cell(group_cell, layout.columns[4].group, pt, bold=True, center=True)
    shade(group_cell, layout.header_fill)
    for c in range(4, 8):
        _cell(table.cell(1, c), layout.columns[c].header, pt, bold=True, center=True)
        shade(table.cell(1, c), layout.header_fill)
    for k, (kind, item) in enumerate(body):
        r = 2 + k
        if kind == "band":
            band = _span(table, r, 0, n - 1)
            _cell(band, item, pt, bold=True)
            shade(band, layout.band_fill)
            continue
        for c, text in enumerate(_gantt_cells(item)):
            _cell(table.cell(r, c), text, pt)
        for q in _quarters(item.when):
            shade(table.cell(r, 3 + q), GANTT_FILL)
    doc.add_paragraph()
    save_stable(doc, path)


def gantt_html(layout: Layout, path: Path) -> None:
    widths = _widths(layout)
    fill = f"background:#{layout.header_fill}"
    rows = [
        "<tr>"
        + "".join(_td(c.header, "th", rowspan=2, style=fill) for c in layout.columns[:4])
        + _td(layout.columns[4].group, "th", colspan=4, cls="c", style=fill)
        + "</tr>",
        "<tr>"
        + "".join(_td(c.header, "th", cls="c", style=fill) for c in layout.columns[4:])
        + "</tr>",
    ]
    body = []
    for group in layout.groups:
        body.append(
            f'<tr><td colspan="{len(widths)}" style="background:#{layout.band_fill}">'
            f"<b>{html.escape(group.label)}</b></td></tr>"
        )
        for row in group.rows:
            for act in row.acts:
                shaded = _quarters(act.when)
                cells = "".join(_td(t) for t in _gantt_cells(act))
                cells += "".join(
                    _td("", style=f"background:#{GANTT_FILL}") if q in shaded else _td("")
                    for q in range(1, 5)
                )
                body.append(f"<tr>{cells}</tr>")
    table = (
        f'<table class="grid">{_cols(widths)}<thead>{"".join(rows)}</thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    path.write_text(_html(layout, [table]), encoding="utf-8")


# --- portrait ---------------------------------------------------------------------------------


def _heading_numbering(doc: Any) -> int:
    """A decimal list (``1.``, ``2.``) for the priority headings, as Word's numbered headings."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return 90


def _rag_rows(group: Any) -> list[Act]:
    return [a for row in group.rows for a in row.acts]


def portrait_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout, portrait=True)
    pt = layout.font_pt
    widths = _widths(layout)
    num_id = _heading_numbering(doc)
    for group in layout.groups:
        heading = doc.add_heading(group.label, level=2)
        num_pr = parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
        heading._p.get_or_add_pPr().append(num_pr)
        acts = _rag_rows(group)
        table = _table(doc, 1 + len(acts), widths)
        _repeat(table, 1)
        for c, col in enumerate(layout.columns):
            _cell(table.cell(0, c), col.header, pt, bold=True)
            shade(table.cell(0, c), layout.header_fill)
        for r, act in enumerate(acts, start=1):
            mark, _ = status_of(layout, act.status)
            for c, text in enumerate([act.id, act.text, act.lead, act.when, mark]):
                _cell(table.cell(r, c), text, pt)
        doc.add_paragraph()
    save_stable(doc, path)


def portrait_html(layout: Layout, path: Path) -> None:
    widths = _widths(layout)
    parts = []
    for k, group in enumerate(layout.groups, start=1):
        parts.append(f"<h2>{k}. {html.escape(group.label)}</h2>")
        head = "".join(
            _td(c.header, "th", style=f"background:#{layout.header_fill}") for c in layout.columns
        )
        rows = []
        for act in _rag_rows(group):
            mark, _ = status_of(layout, act.status)
            rows.append(
                "<tr>"
                + "".join(_td(t) for t in (act.id, act.text, act.lead, act.when, mark))
                + "</tr>"
            )
        parts.append(
            f'<table class="grid">{_cols(widths)}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    path.write_text(_html(layout, parts, portrait=True), encoding="utf-8")


# --- borderless -------------------------------------------------------------------------------


def _plain_cells(layout: Layout, act: Act) -> list[str]:
    mark, _ = status_of(layout, act.status)
    return [act.id, act.text, act.lead, act.partners, act.when, mark]


def borderless_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    widths = _widths(layout)
    n = len(widths)
    body: list[tuple[str, Any]] = []
    for group in layout.groups:
        body.append(("band", group.label))
        body += [("act", a) for row in group.rows for a in row.acts]
    table = _table(doc, 1 + len(body), widths, borders=False)
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _cell(table.cell(0, c), col.header, pt, bold=True)
    for k, (kind, item) in enumerate(body, start=1):
        if kind == "band":
            band = _span(table, k, 0, n - 1)
            _cell(band, item, pt, bold=True)
            band.paragraphs[0].paragraph_format.space_before = Pt(8)
            continue
        for c, text in enumerate(_plain_cells(layout, item)):
            _cell(table.cell(k, c), text, pt)
    doc.add_paragraph()
    save_stable(doc, path)


def borderless_html(layout: Layout, path: Path) -> None:
    widths = _widths(layout)
    head = "".join(_td(c.header, "th") for c in layout.columns)
    rows = []
    for group in layout.groups:
        rows.append(
            f'<tr><td colspan="{len(widths)}" style="padding-top:10pt">'
            f"<b>{html.escape(group.label)}</b></td></tr>"
        )
        for row in group.rows:
            for act in row.acts:
                rows.append("<tr>" + "".join(_td(t) for t in _plain_cells(layout, act)) + "</tr>")
    table = (
        f'<table class="none">{_cols(widths)}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    path.write_text(_html(layout, [table]), encoding="utf-8")


# --- titled -----------------------------------------------------------------------------------


def _titled_rows(layout: Layout, rows: tuple[Row, ...]) -> list[tuple[list[str], bool]]:
    """(cells, is_parent) for each table row: a parent row, then its sub-actions."""
    out: list[tuple[list[str], bool]] = []
    for row in rows:
        if row.mode == "subrows":
            out.append(([row.ref, row.intro, "", "", ""], True))
        for act in row.acts:
            mark, _ = status_of(layout, act.status)
            out.append(([act.id, act.text, act.lead, act.when, mark], False))
    return out


def titled_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    widths = _widths(layout)
    n = len(widths)
    for group in layout.groups:
        rows = _titled_rows(layout, group.rows)
        table = _table(doc, 2 + len(rows), widths)
        _repeat(table, 2)
        title = _span(table, 0, 0, n - 1)
        _cell(title, group.label, pt + 1, bold=True)
        shade(title, layout.band_fill)
        for c, col in enumerate(layout.columns):
            _cell(table.cell(1, c), col.header, pt, bold=True)
            shade(table.cell(1, c), layout.header_fill)
        for r, (cells, parent) in enumerate(rows, start=2):
            for c, text in enumerate(cells):
                _cell(table.cell(r, c), text, pt, bold=parent, center=c == n - 1)
        doc.add_paragraph()
    save_stable(doc, path)


def titled_html(layout: Layout, path: Path) -> None:
    widths = _widths(layout)
    parts = []
    for group in layout.groups:
        title = (
            f'<tr><th colspan="{len(widths)}" style="background:#{layout.band_fill};font-size:'
            f'{layout.font_pt + 1}pt">{html.escape(group.label)}</th></tr>'
        )
        head = "".join(
            _td(c.header, "th", style=f"background:#{layout.header_fill}") for c in layout.columns
        )
        body = []
        for cells, parent in _titled_rows(layout, group.rows):
            tds = []
            for c, text in enumerate(cells):
                inner = f"<b>{html.escape(text)}</b>" if parent and text else html.escape(text)
                cls = ' class="c"' if c == len(cells) - 1 else ""
                tds.append(f"<td{cls}>{inner}</td>")
            body.append(f"<tr>{''.join(tds)}</tr>")
        parts.append(
            f'<table class="grid">{_cols(widths)}<thead>{title}<tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    path.write_text(_html(layout, parts), encoding="utf-8")


BUILDERS = {
    "gantt": (gantt_docx, gantt_html),
    "portrait": (portrait_docx, portrait_html),
    "borderless": (borderless_docx, borderless_html),
    "titled": (titled_docx, titled_html),
}
