"""Builders for the keys set (``KEYS`` in ``layouts_data.py``): a document's own keys.

Two plans of one partnership, made for issue 14 (not held out: the rules were
written with them in view, and each is read exactly):

- ``shaded_key``: the colour key is a paragraph of shaded words (``Completed``
  on light blue, ``Missed`` on light orange, colours no standard RAG palette
  has), the RAG cells shaded in those colours; cells without padding, so text
  touches the cell borders of the PDF; two leads on two lines with no comma; a
  timeframe whose first line ends in a dash.
- ``word_key``: status words defined by a key in the text, one of them against
  its usual sense (``Delayed`` is past its date, Overdue, not At risk); the
  bodies the first plan writes in full written as acronyms.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from layouts_data import Layout, acts_of, status_of
from make_holdout2 import _cols, _doc, _html, _repeat, _table
from make_samples import save_stable, shade


def _lines(cell: Any, text: str, pt: float, bold: bool = False) -> None:
    """One Word paragraph per line of ``text``."""
    for k, line in enumerate(text.split("\n")):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.font.size, run.bold = Pt(pt), bold or None


def _no_padding(table: Any) -> None:
    """Cell margins of zero on every side: the text meets the borders."""
    xml = (
        f"<w:tblCellMar {nsdecls('w')}>"
        + "".join(
            f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right")
        )
        + "</w:tblCellMar>"
    )
    table._tbl.tblPr.append(parse_xml(xml))


def _shaded_run(p: Any, text: str, fill: str | None, pt: float) -> None:
    run = p.add_run(text)
    run.font.size = Pt(pt)
    if fill:
        shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
        run._r.get_or_add_rPr().append(shd)


def _value(layout: Layout, role: str, act: Any) -> str:
    return {
        "ref": act.id,
        "action": act.text,
        "lead": act.lead,
        "partners": act.partners,
        "when": act.when,
    }.get(role, "")


def keys_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    if layout.status_as == "fill":  # the key: shaded words in one paragraph
        p = doc.add_paragraph()
        _shaded_run(p, "Key: ", None, pt)
        for k, (_, label, fill) in enumerate(layout.status_key):
            _shaded_run(p, f" {label} ", fill, pt)
            _shaded_run(p, "  " if k < len(layout.status_key) - 1 else "", None, pt)
    acts = acts_of(layout)
    table = _table(doc, 1 + len(acts), [c.width for c in layout.columns])
    _repeat(table, 1)
    if layout.status_as == "fill":
        _no_padding(table)
    for c, col in enumerate(layout.columns):
        _lines(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    for r, (_, act) in enumerate(acts, start=1):
        for c, col in enumerate(layout.columns):
            cell = table.cell(r, c)
            if col.role == "status":
                mark, _ = status_of(layout, act.status)
                if layout.status_as == "fill" and mark:
                    shade(cell, mark)
                elif mark:
                    _lines(cell, mark, pt)
            else:
                _lines(cell, _value(layout, col.role, act), pt)
    for line in layout.notes:
        doc.add_paragraph().add_run(line).font.size = Pt(pt)
    save_stable(doc, path)


def keys_html(layout: Layout, path: Path) -> None:
    parts = []
    if layout.status_as == "fill":
        spans = "  ".join(
            f'<span style="background:#{fill}">&nbsp;{html.escape(label)}&nbsp;</span>'
            for _, label, fill in layout.status_key
        )
        parts.append(f"<p>Key: {spans}</p>")
    pad = ' style="padding:0"' if layout.status_as == "fill" else ""
    head = "".join(
        f'<th{pad} style="background:#{layout.header_fill}{";padding:0" if pad else ""}">'
        f"{html.escape(c.header)}</th>"
        for c in layout.columns
    )
    trs = []
    for _, act in acts_of(layout):
        tds = []
        for col in layout.columns:
            style = "padding:0;" if pad else ""
            text = ""
            if col.role == "status":
                mark, _ = status_of(layout, act.status)
                if layout.status_as == "fill" and mark:
                    style += f"background:#{mark}"
                else:
                    text = mark
            else:
                text = _value(layout, col.role, act)
            body = "<br>".join(html.escape(line) for line in text.split("\n"))
            tds.append(f'<td style="{style}">{body}</td>')
        trs.append(f"<tr>{''.join(tds)}</tr>")
    parts.append(
        f'<table class="grid">{_cols([c.width for c in layout.columns])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    )
    parts += [f"<p>{html.escape(line)}</p>" for line in layout.notes]
    path.write_text(_html(layout, parts), encoding="utf-8")


BUILDERS = {"keys": (keys_docx, keys_html)}
