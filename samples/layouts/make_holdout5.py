"""Builders for the fifth held-out set (``HOLDOUT_5`` in ``layouts_data.py``).

Shapes none of the twenty-nine layouts has, each with its own Word and HTML
builder; ``make_layouts.py`` calls them for a layout whose ``builder`` is set,
then converts and prints as for the others.

- ``owner_deadline``: a tracker kept in Excel: the owner and the deadline in one
  cell (``Jo Brown – 31/03/2026``), the priority written on every row with a
  Roman numeral, status words with a legend in the text, light grey gridlines;
- ``bracketed``: rows whose action is an opening line over bullets, each bullet
  ending in its own lead in brackets, the Lead cell ``See each item``;
- ``quarter_ticks``: ``Timescale`` over ``Q1``..``Q4`` tick columns beside a
  separate target date, and ``RAG rating`` over another ``Q1``..``Q4`` of
  shaded cells, the latest rating the status.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from layouts_data import Act, Layout, Row, acts_of, status_of
from make_holdout2 import _cell, _cols, _doc, _html, _repeat, _span, _table, _td
from make_holdout3 import EXCEL_GRID, _excel_borders, _white_bold
from make_samples import save_stable, shade

TICK = "✓"

# --- owner_deadline ---------------------------------------------------------------------------

NOT_STARTED = "Not started"  # the legend's word for an action not rated yet
SPACED_HYPHEN = {"3b"}  # typed with a spaced hyphen where the others have an en dash


def _owner_deadline(act: Act) -> str:
    dash = "-" if act.id in SPACED_HYPHEN else "–"
    return f"{act.lead} {dash} {act.when}"


def _tracker_value(layout: Layout, label: str, act: Act, role: str) -> str:
    if role == "ref":
        return act.id
    if role == "objective":
        return label
    if role == "action":
        return act.text
    if role == "lead":
        return _owner_deadline(act)
    if role == "status":
        mark, _ = status_of(layout, act.status)
        return mark or (NOT_STARTED if act.extra[0] == "0%" else "")
    if role.startswith("extra:"):
        return act.extra[int(role[6:])]
    raise ValueError(role)


def owner_deadline_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    doc.sections[0].footer.paragraphs[0].add_run(
        "SCSP Action Tracker 2025-26 – Tracker sheet"
    ).font.size = Pt(8)
    pt = layout.font_pt
    acts = acts_of(layout)
    table = _table(doc, 1 + len(acts), [c.width for c in layout.columns])
    _excel_borders(table)
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _white_bold(table.cell(0, c), col.header, pt)
        shade(table.cell(0, c), layout.header_fill)
    for r, (group, act) in enumerate(acts, start=1):
        for c, col in enumerate(layout.columns):
            text = _tracker_value(layout, group.label, act, col.role)
            cell = table.cell(r, c)
            _cell(cell, text, pt)
            if col.role == "extra:0":
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    save_stable(doc, path)


def owner_deadline_html(layout: Layout, path: Path) -> None:
    grid = f"border:1px solid #{EXCEL_GRID}"
    head = "".join(
        _td(c.header, "th", style=f"background:#{layout.header_fill};color:#FFFFFF;{grid}")
        for c in layout.columns
    )
    trs = []
    for group, act in acts_of(layout):
        tds = ""
        for col in layout.columns:
            style = grid + (";text-align:right" if col.role == "extra:0" else "")
            tds += _td(_tracker_value(layout, group.label, act, col.role), style=style)
        trs.append(f"<tr>{tds}</tr>")
    parts = [
        f"<table>{_cols([c.width for c in layout.columns])}"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    ]
    path.write_text(_html(layout, parts), encoding="utf-8")


# --- bracketed --------------------------------------------------------------------------------

SEE_EACH = "See each item"


def _bullets(row: Row) -> list[str]:
    """Each sub-action as its bullet shows it: its own words, then its lead in brackets."""
    out = []
    for act in row.acts:
        assert act.text.startswith(row.intro + " "), act.id
        shared = (act.when, act.status)
        assert shared == (row.acts[0].when, row.acts[0].status), act.id
        out.append(f"{act.text[len(row.intro) + 1 :]} ({act.lead})")
    return out


def _key_docx(doc: Any, layout: Layout, width: float) -> None:
    key = _table(doc, 1, [width] * len(layout.status_key))
    for k, (_, label, fill) in enumerate(layout.status_key):
        _cell(key.cell(0, k), label, layout.font_pt)
        shade(key.cell(0, k), fill)
    doc.add_paragraph()


def _key_html(layout: Layout, width: float) -> str:
    tds = "".join(_td(label, style=f"background:#{fill}") for _, label, fill in layout.status_key)
    return f'<table class="grid">{_cols([width] * len(layout.status_key))}<tr>{tds}</tr></table>'


def bracketed_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    _key_docx(doc, layout, 4.6)
    pt = layout.font_pt
    roles = [c.role for c in layout.columns]
    rows = sum(1 + len(g.rows) for g in layout.groups)
    table = _table(doc, 1 + rows, [c.width for c in layout.columns])
    _repeat(table, 1)
    for c, col in enumerate(layout.columns):
        _cell(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    r = 1
    for group in layout.groups:
        band = _span(table, r, 0, len(roles) - 1)
        _cell(band, group.label, pt, bold=True)
        shade(band, layout.band_fill)
        r += 1
        for row in group.rows:
            act = row.acts[0]
            for c, role in enumerate(roles):
                cell = table.cell(r, c)
                if role == "ref":
                    _cell(cell, row.ref or act.id, pt)
                elif role == "action" and row.mode == "bulleted":
                    _cell(cell, row.intro, pt)
                    for line in _bullets(row):
                        p = cell.add_paragraph(style="List Bullet")
                        p.add_run(line).font.size = Pt(pt)
                elif role == "action":
                    _cell(cell, act.text, pt)
                elif role == "lead":
                    _cell(cell, SEE_EACH if row.mode == "bulleted" else act.lead, pt)
                elif role == "when":
                    _cell(cell, act.when, pt)
                elif role == "status":
                    mark, _ = status_of(layout, act.status)
                    if mark:
                        shade(cell, mark)
            r += 1
    save_stable(doc, path)


def bracketed_html(layout: Layout, path: Path) -> None:
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
        for row in group.rows:
            act = row.acts[0]
            tds = ""
            for role in roles:
                if role == "ref":
                    tds += _td(row.ref or act.id)
                elif role == "action" and row.mode == "bulleted":
                    items = "".join(f"<li>{html.escape(b)}</li>" for b in _bullets(row))
                    tds += f"<td><p>{html.escape(row.intro)}</p><ul>{items}</ul></td>"
                elif role == "action":
                    tds += _td(act.text)
                elif role == "lead":
                    tds += _td(SEE_EACH if row.mode == "bulleted" else act.lead)
                elif role == "when":
                    tds += _td(act.when)
                elif role == "status":
                    mark, _ = status_of(layout, act.status)
                    tds += _td("", style=f"background:#{mark}" if mark else "")
            trs.append(f"<tr>{tds}</tr>")
    parts = [
        _key_html(layout, 4.6),
        f'<table class="grid">{_cols([c.width for c in layout.columns])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>",
    ]
    out = _html(layout, parts).replace(
        "</style>", "ul { margin: 2pt 0 0 0; padding-left: 14pt; }</style>"
    )
    path.write_text(out, encoding="utf-8")


# --- quarter_ticks ----------------------------------------------------------------------------


def _ticked(act: Act) -> set[int]:
    first, last = act.extra[0].split("-")
    return set(range(int(first), int(last) + 1))


def _ratings(layout: Layout, act: Act) -> list[str]:
    """The fill of each quarter's RAG cell (Q3 and Q4 not rated yet)."""
    rated = [s for s in act.extra[1:3] if s]
    assert (rated[-1] if rated else None) == act.status, act.id  # the latest is the status
    fills = [status_of(layout, s or None)[0] for s in act.extra[1:3]]
    return [*fills, "", ""]


def _quarter_value(act: Act, role: str) -> str:
    if role == "ref":
        return act.id
    if role == "action":
        return act.text
    if role == "lead":
        return act.lead
    if role == "when":
        return act.when
    if role.startswith("qtr:"):
        return TICK if int(role[4:]) in _ticked(act) else ""
    return ""


def quarter_ticks_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    _key_docx(doc, layout, 4.6)
    pt = layout.font_pt
    cols = layout.columns
    n = len(cols)
    body: list[tuple[str, Any]] = []
    for group in layout.groups:
        body.append(("band", group.label))
        body += [("act", a) for row in group.rows for a in row.acts]
    table = _table(doc, 2 + len(body), [c.width for c in cols])
    _repeat(table, 2)
    c = 0
    while c < n:
        col = cols[c]
        if not col.group:
            head = table.cell(0, c).merge(table.cell(1, c))
            _cell(head, col.header, pt, bold=True)
            shade(head, layout.header_fill)
            c += 1
            continue
        span = 0
        while c + span < n and cols[c + span].group == col.group:
            span += 1
        top = _span(table, 0, c, c + span - 1)
        _cell(top, col.group, pt, bold=True, center=True)
        shade(top, layout.header_fill)
        for k in range(c, c + span):
            _cell(table.cell(1, k), cols[k].header, pt, bold=True, center=True)
            shade(table.cell(1, k), layout.header_fill)
        c += span
    for r, (kind, item) in enumerate(body, start=2):
        if kind == "band":
            band = _span(table, r, 0, n - 1)
            _cell(band, item, pt, bold=True)
            shade(band, layout.band_fill)
            continue
        fills = _ratings(layout, item)
        for k, col in enumerate(cols):
            cell = table.cell(r, k)
            if col.role.startswith("rag:"):
                fill = fills[int(col.role[4:]) - 1]
                if fill:
                    shade(cell, fill)
            else:
                _cell(cell, _quarter_value(item, col.role), pt, center=col.role.startswith("qtr:"))
    save_stable(doc, path)


def quarter_ticks_html(layout: Layout, path: Path) -> None:
    cols = layout.columns
    fill = f"background:#{layout.header_fill}"
    top, bottom = [], []
    c = 0
    while c < len(cols):
        col = cols[c]
        if not col.group:
            top.append(_td(col.header, "th", rowspan=2, style=fill))
            c += 1
            continue
        span = 0
        while c + span < len(cols) and cols[c + span].group == col.group:
            span += 1
        top.append(_td(col.group, "th", colspan=span, style=fill + ";text-align:center"))
        bottom += [
            _td(k.header, "th", style=fill + ";text-align:center") for k in cols[c : c + span]
        ]
        c += span
    trs = []
    for group in layout.groups:
        trs.append(
            f'<tr><td colspan="{len(cols)}" style="background:#{layout.band_fill}">'
            f"<b>{html.escape(group.label)}</b></td></tr>"
        )
        for row in group.rows:
            for act in row.acts:
                fills = _ratings(layout, act)
                tds = ""
                for col in cols:
                    if col.role.startswith("rag:"):
                        mark = fills[int(col.role[4:]) - 1]
                        tds += _td("", style=f"background:#{mark}" if mark else "")
                    elif col.role.startswith("qtr:"):
                        tds += _td(_quarter_value(act, col.role), cls="c")
                    else:
                        tds += _td(_quarter_value(act, col.role))
                trs.append(f"<tr>{tds}</tr>")
    parts = [
        _key_html(layout, 4.6),
        f'<table class="grid">{_cols([c.width for c in cols])}'
        f"<thead><tr>{''.join(top)}</tr><tr>{''.join(bottom)}</tr></thead>"
        f"<tbody>{''.join(trs)}</tbody></table>",
    ]
    path.write_text(_html(layout, parts), encoding="utf-8")


BUILDERS = {
    "owner_deadline": (owner_deadline_docx, owner_deadline_html),
    "bracketed": (bracketed_docx, bracketed_html),
    "quarter_ticks": (quarter_ticks_docx, quarter_ticks_html),
}
