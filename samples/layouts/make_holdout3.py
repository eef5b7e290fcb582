"""Builders for the third held-out set (``HOLDOUT_3`` in ``layouts_data.py``).

Shapes none of the twenty-one layouts has, each with its own Word and HTML
builder; ``make_layouts.py`` calls them for a layout whose ``builder`` is set,
then converts and prints as for the others.

- ``cards``: no grid of actions: one small two-column table per action, a
  merged title row ``Action 1.1`` over label | value rows;
- ``excel``: a wide sheet printed as Excel prints it, split over two pages with
  the Priority and Ref columns repeated at the left of the second;
- ``transposed``: one table per priority whose first column names the fields
  and whose other columns are one action each.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from layouts_data import Act, Layout, status_of
from make_holdout2 import _cell, _cols, _doc, _html, _repeat, _span, _table, _td
from make_samples import save_stable, shade

# --- cards ------------------------------------------------------------------------------------

CARD_LABELS = ("What we will do:", "Lead:", "Working with:", "By when:", "Status:")
CARD_WIDTHS = [4.0, 14.0]


def _card_values(layout: Layout, act: Act) -> list[str]:
    mark, _ = status_of(layout, act.status)
    return [act.text, act.lead, act.partners, act.when, mark]


def cards_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    for group in layout.groups:
        doc.add_heading(group.label, level=2)
        for row in group.rows:
            for act in row.acts:
                table = _table(doc, 1 + len(CARD_LABELS), CARD_WIDTHS)
                title = _span(table, 0, 0, 1)
                _cell(title, f"Action {act.id}", pt, bold=True)
                shade(title, layout.band_fill)
                for r, (label, value) in enumerate(
                    zip(CARD_LABELS, _card_values(layout, act), strict=True), start=1
                ):
                    _cell(table.cell(r, 0), label, pt, bold=True)
                    shade(table.cell(r, 0), layout.header_fill)
                    _cell(table.cell(r, 1), value, pt)
                doc.add_paragraph()
    save_stable(doc, path)


def cards_html(layout: Layout, path: Path) -> None:
    parts = []
    for group in layout.groups:
        parts.append(f"<h2>{html.escape(group.label)}</h2>")
        for row in group.rows:
            for act in row.acts:
                rows = [
                    f'<tr><th colspan="2" style="background:#{layout.band_fill}">'
                    f"Action {html.escape(act.id)}</th></tr>"
                ]
                for label, value in zip(CARD_LABELS, _card_values(layout, act), strict=True):
                    rows.append(
                        "<tr>"
                        + _td(label, "th", style=f"background:#{layout.header_fill}")
                        + _td(value)
                        + "</tr>"
                    )
                parts.append(
                    f'<table class="grid">{_cols(CARD_WIDTHS)}<tbody>{"".join(rows)}</tbody></table>'
                )
    path.write_text(_html(layout, parts), encoding="utf-8")


# --- excel ------------------------------------------------------------------------------------

EXCEL_GRID = "BFBFBF"
# Columns by role on each printed page; Priority and Ref repeat at the left of the second.
EXCEL_PAGES = (
    ("objective", "ref", "action", "lead", "partners"),
    ("objective", "ref", "start", "when", "status", "extra:0"),
)


def _excel_value(layout: Layout, act: Act, role: str) -> str:
    if role == "ref":
        return act.id
    if role == "action":
        return act.text
    if role == "lead":
        return act.lead
    if role == "partners":
        return act.partners
    if role == "start":
        return act.start
    if role == "when":
        return act.when
    if role == "status":
        return status_of(layout, act.status)[0]
    if role.startswith("extra:"):
        return act.extra[int(role[6:])] if act.extra else ""
    raise ValueError(role)


def _excel_borders(table: Any) -> None:
    xml = (
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{EXCEL_GRID}"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    table._tbl.tblPr.insert_element_before(
        parse_xml(xml), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )


def _white_bold(cell: Any, text: str, pt: float) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold, run.font.size = True, Pt(pt)
    run.font.color.rgb = RGBColor.from_string("FFFFFF")


def excel_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    section = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.0))
    section.footer.paragraphs[0].add_run("Early Help Action Plan 2025/26").font.size = Pt(8)
    pt = layout.font_pt
    cols = {c.role: c for c in layout.columns}
    acts = [(g, a) for g in layout.groups for r in g.rows for a in r.acts]
    for page, roles in enumerate(EXCEL_PAGES):
        if page:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        widths = [cols[r].width for r in roles]
        table = _table(doc, 1 + len(acts), widths)
        _excel_borders(table)  # light grey gridlines over the style's black ones
        _repeat(table, 1)
        for c, role in enumerate(roles):
            _white_bold(table.cell(0, c), cols[role].header, pt)
            shade(table.cell(0, c), layout.header_fill)
        r = 1
        for group in layout.groups:
            n = sum(len(row.acts) for row in group.rows)
            merged = table.cell(r, 0).merge(table.cell(r + n - 1, 0))
            _cell(merged, group.label, pt, bold=True)
            shade(merged, layout.band_fill)
            for row in group.rows:
                for act in row.acts:
                    for c, role in enumerate(roles[1:], start=1):
                        _cell(table.cell(r, c), _excel_value(layout, act, role), pt)
                    r += 1
        doc.add_paragraph()
    save_stable(doc, path)


def excel_html(layout: Layout, path: Path) -> None:
    cols = {c.role: c for c in layout.columns}
    grid = f"border:1px solid #{EXCEL_GRID}"
    parts = []
    for page, roles in enumerate(EXCEL_PAGES):
        head = "".join(
            _td(
                cols[r].header, "th", style=f"background:#{layout.header_fill};color:#FFFFFF;{grid}"
            )
            for r in roles
        )
        body = []
        for group in layout.groups:
            acts = [a for row in group.rows for a in row.acts]
            for k, act in enumerate(acts):
                tds = ""
                if k == 0:
                    tds += (
                        f'<td rowspan="{len(acts)}" style="background:#{layout.band_fill};{grid}">'
                        f"<b>{html.escape(group.label)}</b></td>"
                    )
                tds += "".join(_td(_excel_value(layout, act, r), style=grid) for r in roles[1:])
                body.append(f"<tr>{tds}</tr>")
        brk = ' style="break-before: page"' if page else ""
        parts.append(
            f"<div{brk}><table>{_cols([cols[r].width for r in roles])}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )
    out = _html(layout, parts).replace("margin: 15mm", "margin: 10mm")
    path.write_text(out, encoding="utf-8")


# --- transposed -------------------------------------------------------------------------------

FIELD_WIDTH, ACTION_WIDTH = 3.6, 7.6


def _field_rows(layout: Layout, acts: list[Act]) -> list[tuple[str, list[str], list[str]]]:
    """(field name, one value per action, one fill per action) for each row of the table."""
    rows = []
    for col in layout.columns:
        values, fills = [], []
        for act in acts:
            if col.role == "status":
                mark, _ = status_of(layout, act.status)
                values.append("")
                fills.append(mark)
                continue
            value = {
                "ref": act.id,
                "action": act.text,
                "lead": act.lead,
                "partners": act.partners,
                "when": act.when,
            }[col.role]
            values.append(value)
            fills.append("")
        rows.append((col.header, values, fills))
    return rows


def transposed_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    key = _table(doc, 1, [4.2] * len(layout.status_key))
    for c, (_, label, fill) in enumerate(layout.status_key):
        _cell(key.cell(0, c), label, pt - 1)
        shade(key.cell(0, c), fill)
    doc.add_paragraph()
    for group in layout.groups:
        doc.add_heading(group.label, level=2)
        acts = [a for row in group.rows for a in row.acts]
        widths = [FIELD_WIDTH] + [ACTION_WIDTH] * len(acts)
        rows = _field_rows(layout, acts)
        table = _table(doc, len(rows), widths)
        _repeat(table, 1)
        for r, (name, values, fills) in enumerate(rows):
            _cell(table.cell(r, 0), name, pt, bold=True)
            shade(table.cell(r, 0), layout.header_fill)
            for c, (value, fill) in enumerate(zip(values, fills, strict=True), start=1):
                _cell(table.cell(r, c), value, pt, bold=r == 0)
                if fill:
                    shade(table.cell(r, c), fill)
        doc.add_paragraph()
    save_stable(doc, path)


def transposed_html(layout: Layout, path: Path) -> None:
    key = "".join(
        _td(label, style=f"background:#{fill};border:1px solid #000;padding:2pt 6pt")
        for _, label, fill in layout.status_key
    )
    parts = [f"<table>{_cols([4.2] * len(layout.status_key))}<tr>{key}</tr></table>"]
    for group in layout.groups:
        parts.append(f"<h2>{html.escape(group.label)}</h2>")
        acts = [a for row in group.rows for a in row.acts]
        widths = [FIELD_WIDTH] + [ACTION_WIDTH] * len(acts)
        trs = []
        for r, (name, values, fills) in enumerate(_field_rows(layout, acts)):
            cells = _td(name, "th", style=f"background:#{layout.header_fill}")
            for value, fill in zip(values, fills, strict=True):
                style = f"background:#{fill}" if fill else ""
                cells += _td(value, "th" if r == 0 else "td", style=style)
            trs.append(f"<tr>{cells}</tr>")
        parts.append(
            f'<table class="grid">{_cols(widths)}<thead>{trs[0]}</thead>'
            f"<tbody>{''.join(trs[1:])}</tbody></table>"
        )
    path.write_text(_html(layout, parts), encoding="utf-8")


BUILDERS = {
    "cards": (cards_docx, cards_html),
    "excel": (excel_docx, excel_html),
    "transposed": (transposed_docx, transposed_html),
}
