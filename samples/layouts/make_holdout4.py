"""Builders for the fourth held-out set (``HOLDOUT_4`` in ``layouts_data.py``).

Shapes none of the twenty-four layouts has, each with its own Word and HTML
builder; ``make_layouts.py`` calls them for a layout whose ``builder`` is set,
then converts and prints as for the others.

- ``paragraphs``: no table of actions: numbered paragraphs under headings, the
  lead and date in brackets at the end of each, a shaded RAG summary table last;
- ``initials``: owners written as initials, explained by a key table at the end;
  RAG as a word in a cell shaded its colour;
- ``merged``: cells merged both ways (``All partners`` across Lead and Partners,
  Lead, Partners and Target date cells down), quarterly update columns.
"""

from __future__ import annotations

import html
from pathlib import Path

from layouts_data import KIRKWOOD_OWNERS, Act, Layout, status_of
from make_holdout2 import _cell, _cols, _doc, _html, _repeat, _span, _table, _td, _text_para
from make_samples import save_stable, shade

ALL_PARTNERS = "All partners"

# --- paragraphs -------------------------------------------------------------------------------


def _bracket(act: Act) -> str:
    when = f"by {act.when}" if act.timeframe_type == "Date" else act.when
    return f"{act.id} {act.text} (Lead: {act.lead}; {when})"


def _summary_key(layout: Layout) -> str:
    return "RAG summary. " + "; ".join(label for _, label, _ in layout.status_key) + "."


def paragraphs_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    for group in layout.groups:
        doc.add_heading(group.label, level=2)
        for row in group.rows:
            for act in row.acts:
                _text_para(doc.add_paragraph(), _bracket(act), pt)
    doc.add_heading("RAG summary", level=2)
    _text_para(doc.add_paragraph(), _summary_key(layout), pt)
    widths = [c.width for c in layout.columns]
    acts = [a for g in layout.groups for r in g.rows for a in r.acts]
    table = _table(doc, 1 + len(acts), widths)
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _cell(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    for r, act in enumerate(acts, start=1):
        _cell(table.cell(r, 0), act.id, pt)
        mark, _ = status_of(layout, act.status)
        if mark:
            shade(table.cell(r, 1), mark)
    save_stable(doc, path)


def paragraphs_html(layout: Layout, path: Path) -> None:
    parts = []
    for group in layout.groups:
        parts.append(f"<h2>{html.escape(group.label)}</h2>")
        for row in group.rows:
            for act in row.acts:
                parts.append(f"<p>{html.escape(_bracket(act))}</p>")
    parts.append("<h2>RAG summary</h2>")
    parts.append(f"<p>{html.escape(_summary_key(layout))}</p>")
    head = "".join(
        _td(c.header, "th", style=f"background:#{layout.header_fill}") for c in layout.columns
    )
    trs = []
    for group in layout.groups:
        for row in group.rows:
            for act in row.acts:
                mark, _ = status_of(layout, act.status)
                style = f"background:#{mark}" if mark else ""
                trs.append(f"<tr>{_td(act.id)}{_td('', style=style)}</tr>")
    parts.append(
        f'<table class="grid">{_cols([c.width for c in layout.columns])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    )
    path.write_text(_html(layout, parts), encoding="utf-8")


# --- initials ---------------------------------------------------------------------------------

WORD_FILLS = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000", "Blue": "5B9BD5"}
KEY_WIDTHS = [12.0]


def _key_lines() -> list[str]:
    return [f"{initials} – {who}" for initials, who in KIRKWOOD_OWNERS]


def initials_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    widths = [c.width for c in layout.columns]
    acts = [(g, a) for g in layout.groups for r in g.rows for a in r.acts]
    table = _table(doc, 1 + len(acts), widths)
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _cell(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    r = 1
    for group in layout.groups:
        n = sum(len(row.acts) for row in group.rows)
        pri = table.cell(r, 0).merge(table.cell(r + n - 1, 0))
        _cell(pri, group.label, pt, bold=True)
        out = table.cell(r, 1).merge(table.cell(r + n - 1, 1))
        _cell(out, group.impact, pt)
        for row in group.rows:
            for act in row.acts:
                _cell(table.cell(r, 2), f"{act.id} {act.text}", pt)
                _cell(table.cell(r, 3), act.lead, pt)
                mark, _ = status_of(layout, act.status)
                if mark:
                    _cell(table.cell(r, 4), mark, pt, bold=True)
                    shade(table.cell(r, 4), WORD_FILLS[mark])
                r += 1
    doc.add_paragraph()
    key = _table(doc, 1 + len(KIRKWOOD_OWNERS), KEY_WIDTHS)
    _cell(key.cell(0, 0), "Key to owners", pt, bold=True)
    shade(key.cell(0, 0), layout.header_fill)
    for i, line in enumerate(_key_lines(), start=1):
        _cell(key.cell(i, 0), line, pt)
    save_stable(doc, path)


def initials_html(layout: Layout, path: Path) -> None:
    head = "".join(
        _td(c.header, "th", style=f"background:#{layout.header_fill}") for c in layout.columns
    )
    trs = []
    for group in layout.groups:
        acts = [a for row in group.rows for a in row.acts]
        for k, act in enumerate(acts):
            tds = ""
            if k == 0:
                tds += f'<td rowspan="{len(acts)}"><b>{html.escape(group.label)}</b></td>'
                tds += _td(group.impact, rowspan=len(acts))
            tds += _td(f"{act.id} {act.text}") + _td(act.lead)
            mark, _ = status_of(layout, act.status)
            if mark:
                tds += f'<td style="background:#{WORD_FILLS[mark]}"><b>{mark}</b></td>'
            else:
                tds += "<td></td>"
            trs.append(f"<tr>{tds}</tr>")
    parts = [
        f'<table class="grid">{_cols([c.width for c in layout.columns])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    ]
    key = [f'<tr><th style="background:#{layout.header_fill}">Key to owners</th></tr>'] + [
        f"<tr>{_td(line)}</tr>" for line in _key_lines()
    ]
    parts.append(f'<table class="grid">{_cols(KEY_WIDTHS)}<tbody>{"".join(key)}</tbody></table>')
    path.write_text(_html(layout, parts), encoding="utf-8")


# --- merged -----------------------------------------------------------------------------------

DOWN = ("lead", "partners", "when")  # columns whose equal neighbours share one merged cell


def _value(act: Act, role: str) -> str:
    if role.startswith("extra:"):
        return act.extra[int(role[6:])]
    return {
        "ref": act.id,
        "action": act.text,
        "lead": act.lead,
        "partners": act.partners,
        "when": act.when,
    }[role]


def _runs(acts: list[Act], role: str) -> dict[int, int]:
    """Row index in ``acts`` -> how many rows its cell spans (0: covered by the one above)."""
    spans: dict[int, int] = {}
    k = 0
    while k < len(acts):
        value = _value(acts[k], role)
        n = 1
        if role in DOWN and acts[k].lead != ALL_PARTNERS:
            while (
                k + n < len(acts)
                and acts[k + n].lead != ALL_PARTNERS
                and _value(acts[k + n], role) == value
            ):
                n += 1
        spans[k] = n
        for j in range(k + 1, k + n):
            spans[j] = 0
        k += n
    return spans


def merged_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    roles = [c.role for c in layout.columns]
    widths = [c.width for c in layout.columns]
    n = len(widths)
    body = sum(1 + sum(len(r.acts) for r in g.rows) for g in layout.groups)
    table = _table(doc, 1 + body, widths)
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _cell(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    r = 1
    partners_c = roles.index("partners")
    for group in layout.groups:
        band = _span(table, r, 0, n - 1)
        _cell(band, group.label, pt, bold=True)
        shade(band, layout.band_fill)
        r += 1
        acts = [a for row in group.rows for a in row.acts]
        spans = {role: _runs(acts, role) for role in roles}
        for k, act in enumerate(acts):
            for c, role in enumerate(roles):
                if role == "partners" and act.lead == ALL_PARTNERS:
                    continue
                span = spans[role][k]
                if span == 0:
                    continue
                cell = table.cell(r + k, c)
                if role == "lead" and act.lead == ALL_PARTNERS:
                    cell = cell.merge(table.cell(r + k, partners_c))
                elif span > 1:
                    cell = cell.merge(table.cell(r + k + span - 1, c))
                _cell(cell, _value(act, role), pt)
        r += len(acts)
    save_stable(doc, path)


def merged_html(layout: Layout, path: Path) -> None:
    roles = [c.role for c in layout.columns]
    head = "".join(
        _td(c.header, "th", style=f"background:#{layout.header_fill}") for c in layout.columns
    )
    trs = []
    for group in layout.groups:
        trs.append(
            f'<tr><td colspan="{len(roles)}" style="background:#{layout.band_fill}">'
            f"<b>{html.escape(group.label)}</b></td></tr>"
        )
        acts = [a for row in group.rows for a in row.acts]
        spans = {role: _runs(acts, role) for role in roles}
        for k, act in enumerate(acts):
            tds = ""
            for role in roles:
                if role == "partners" and act.lead == ALL_PARTNERS:
                    continue
                span = spans[role][k]
                if span == 0:
                    continue
                if role == "lead" and act.lead == ALL_PARTNERS:
                    tds += _td(act.lead, colspan=2)
                elif span > 1:
                    tds += _td(_value(act, role), rowspan=span)
                else:
                    tds += _td(_value(act, role))
            trs.append(f"<tr>{tds}</tr>")
    parts = [
        f'<table class="grid">{_cols([c.width for c in layout.columns])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    ]
    path.write_text(_html(layout, parts), encoding="utf-8")


BUILDERS = {
    "paragraphs": (paragraphs_docx, paragraphs_html),
    "initials": (initials_docx, initials_html),
    "merged": (merged_docx, merged_html),
}
