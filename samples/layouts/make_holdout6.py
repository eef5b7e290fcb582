"""Builders for the sixth held-out set (``HOLDOUT_6`` in ``layouts_data.py``).

Shapes none of the thirty-two layouts has, each with its own Word and HTML
builder, then converted and printed as for the others:

- ``lead_agency``: a ``Lead agency`` and ``Named lead`` column pair (two Named
  lead cells still showing the template's placeholder), ``P1-A3`` refs, the
  priority merged down as the first column, RAG letters ``B``/``G``/``A``/``R``
  in shaded cells with the key as a table after the plan;
- ``lead_support``: ``Lead: X; Support: Y`` in one cell, two-cell band rows,
  dates written ``31.12.25``, the status the coloured first word of a progress
  update;
- ``auto_numbered``: the seeds' shape with every ``1.`` and ``1.1`` made by
  Word's multilevel list numbering (not in the ``.docx`` text), and the
  Timeframe cell shaded for the status.

``make_layouts.py`` does not know these builders yet; build the set here:

    python samples/layouts/make_holdout6.py            # the three layouts' documents
    python samples/layouts/make_holdout6.py --goldens  # also write missing goldens
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from layouts_data import HOLDOUT_6, LAYOUTS, Act, Group, Layout, acts_of, status_of  # noqa: E402
from make_holdout2 import _cell, _cols, _doc, _html, _repeat, _span, _table, _td  # noqa: E402
from make_holdout3 import _white_bold  # noqa: E402
from make_samples import (  # noqa: E402
    add_colour_key,
    add_footnote_reference,
    add_footnotes_part,
    convert_with_soffice,
    save_stable,
    shade,
)

EXPECTED = HERE / "expected"
HTML_DIR = HERE / "html"


def _lines(cell: Any, text: str, pt: float, bold_first: bool = False) -> None:
    """One paragraph per line of ``text``; the first line bold if asked."""
    for k, line in enumerate(text.split("\n")):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(pt)
        run.bold = (bold_first and k == 0) or None


def _html_lines(text: str, bold_first: bool = False) -> str:
    out = []
    for k, line in enumerate(text.split("\n")):
        body = html.escape(line)
        out.append(f"<p><b>{body}</b></p>" if bold_first and k == 0 else f"<p>{body}</p>")
    return "".join(out)


def _page_field(paragraph: Any) -> None:
    """A ``PAGE`` field, as Word's page-number footer writes it."""
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )


# --- lead_agency ------------------------------------------------------------------------------

PLACEHOLDER = "Click or tap here to enter text."  # Word's default content-control prompt
LETTER_FILLS = {"B": "0070C0", "G": "00B050", "A": "FFC000", "R": "FF0000"}
QUARRYDALE_FOOTER = "QSAB Business Plan 2025-26 – Page "


def _agency_cells(act: Act) -> tuple[str, str]:
    """(Lead agency, Named lead) as the document shows them; an empty Named lead is the prompt."""
    agency, named = act.extra
    assert act.lead == (named or agency), (
        act.id
    )  # the lead as written: the named lead, else the agency
    return agency, named


def _placeholder(paragraph: Any, pt: float, sdt_id: int) -> None:
    """A plain-text content control still showing its placeholder prompt."""
    half = int(pt * 2)
    paragraph._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="{sdt_id}"/><w:showingPlcHdr/>'
            "<w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>"
            f'<w:color w:val="808080"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            f"<w:t>{PLACEHOLDER}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )


def _letter(cell: Any, mark: str, pt: float) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(mark)
    run.bold, run.font.size = True, Pt(pt)
    if mark == "B":
        run.font.color.rgb = RGBColor.from_string("FFFFFF")
    shade(cell, LETTER_FILLS[mark])


def lead_agency_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(layout.page_header)
    run.bold, run.font.size = True, Pt(10)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run(QUARRYDALE_FOOTER).font.size = Pt(8)
    _page_field(foot)
    pt = layout.font_pt
    cols = layout.columns
    acts = acts_of(layout)
    table = _table(doc, 1 + len(acts), [c.width for c in cols])
    _repeat(table, 1)
    for c, col in enumerate(cols):
        _white_bold(table.cell(0, c), col.header, pt)
        shade(table.cell(0, c), layout.header_fill)
    r = 1
    sdt_id = 41870
    for group in layout.groups:
        n = sum(len(row.acts) for row in group.rows)
        objective = table.cell(r, 0).merge(table.cell(r + n - 1, 0)) if n > 1 else table.cell(r, 0)
        _lines(objective, group.label, pt, bold_first=True)
        shade(objective, layout.band_fill)
        for row in group.rows:
            for act in row.acts:
                agency, named = _agency_cells(act)
                for c, col in enumerate(cols):
                    cell = table.cell(r, c)
                    if col.role == "ref":
                        _cell(cell, act.id, pt, bold=True)
                    elif col.role == "action":
                        _cell(cell, act.text, pt)
                    elif col.role == "extra:0":
                        _cell(cell, agency, pt)
                    elif col.role == "lead":
                        if named:
                            _cell(cell, named, pt)
                        else:
                            sdt_id += 1
                            _placeholder(cell.paragraphs[0], pt, sdt_id)
                    elif col.role == "when":
                        _cell(cell, act.when, pt)
                    elif col.role == "status":
                        mark, _ = status_of(layout, act.status)
                        if mark:
                            _letter(cell, mark, pt)
                r += 1
    doc.add_paragraph()
    key_head = doc.add_paragraph().add_run("RAG key")
    key_head.bold, key_head.font.size = True, Pt(pt)
    key = _table(doc, len(layout.status_key), [1.2, 9.0])
    for k, (_, label, mark) in enumerate(layout.status_key):
        _letter(key.cell(k, 0), mark, pt)
        _cell(key.cell(k, 1), label, pt)
    save_stable(doc, path)


def lead_agency_html(layout: Layout, path: Path) -> None:
    cols = layout.columns
    head = "".join(
        _td(c.header, "th", style=f"background:#{layout.header_fill};color:#FFFFFF") for c in cols
    )
    trs = []
    for group in layout.groups:
        n = sum(len(row.acts) for row in group.rows)
        first = True
        for row in group.rows:
            for act in row.acts:
                agency, named = _agency_cells(act)
                tds = ""
                for col in cols:
                    if col.role == "objective":
                        if first:
                            tds += (
                                f'<td rowspan="{n}" style="background:#{layout.band_fill}">'
                                f"{_html_lines(group.label, bold_first=True)}</td>"
                            )
                    elif col.role == "ref":
                        tds += f"<td><b>{html.escape(act.id)}</b></td>"
                    elif col.role == "action":
                        tds += _td(act.text)
                    elif col.role == "extra:0":
                        tds += _td(agency)
                    elif col.role == "lead":
                        tds += (
                            _td(named)
                            if named
                            else f'<td><span style="color:#808080">{PLACEHOLDER}</span></td>'
                        )
                    elif col.role == "when":
                        tds += _td(act.when)
                    elif col.role == "status":
                        tds += _letter_html(status_of(layout, act.status)[0])
                first = False
                trs.append(f"<tr>{tds}</tr>")
    key_rows = "".join(
        f"<tr>{_letter_html(mark)}{_td(label)}</tr>" for _, label, mark in layout.status_key
    )
    parts = [
        f'<table class="grid">{_cols([c.width for c in cols])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>",
        "<p><b>RAG key</b></p>",
        f'<table class="grid">{_cols([1.2, 9.0])}<tbody>{key_rows}</tbody></table>',
    ]
    out = _html(layout, parts).replace(
        "<body>\n",
        f'<body>\n<p style="text-align:center"><b>{html.escape(layout.page_header)}</b></p>\n',
    )
    path.write_text(out, encoding="utf-8")


def _letter_html(mark: str) -> str:
    if not mark:
        return "<td></td>"
    colour = ";color:#FFFFFF" if mark == "B" else ""
    return f'<td class="c" style="background:#{LETTER_FILLS[mark]}{colour}"><b>{mark}</b></td>'


# --- lead_support -----------------------------------------------------------------------------

WORD_COLOURS = {"GREEN": "00B050", "AMBER": "C55A11", "RED": "C00000", "COMPLETE": "0070C0"}
LABEL = re.compile(r"(Lead:|Support:)")


def _update_parts(layout: Layout, act: Act) -> tuple[str, str, str]:
    """(first word, its colour, the rest) of a progress update; the first word is the status."""
    update = act.extra[1]
    word = re.match(r"[A-Za-z]+", update)
    assert word is not None, act.id
    mark, _ = status_of(layout, act.status)
    first = word.group(0)
    if mark:
        assert first.upper() == mark, act.id
        return first, WORD_COLOURS[mark], update[len(first) :]
    assert first.upper() not in WORD_COLOURS, act.id
    return "", "", update


def lead_support_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    pt = layout.font_pt
    cols = layout.columns
    n = len(cols)
    rows = sum(1 + len(g.rows) for g in layout.groups)
    table = _table(doc, 1 + rows, [c.width for c in cols])
    _repeat(table, 1)
    for c, col in enumerate(cols):
        _cell(table.cell(0, c), col.header, pt, bold=True)
        shade(table.cell(0, c), layout.header_fill)
    r = 1
    for group in layout.groups:
        label = table.cell(r, 0)
        _white_bold(label, f"Priority {group.number}", pt)
        shade(label, layout.band_fill)
        name = _span(table, r, 1, n - 1)
        _white_bold(name, group.label, pt)
        shade(name, layout.band_fill)
        r += 1
        for act in (a for row in group.rows for a in row.acts):
            for c, col in enumerate(cols):
                cell = table.cell(r, c)
                if col.role == "ref":
                    _cell(cell, act.id, pt)
                elif col.role == "action":
                    _cell(cell, act.text, pt)
                elif col.role == "lead":
                    for k, line in enumerate(act.lead.split("\n")):
                        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                        for piece in LABEL.split(line):
                            if piece:
                                run = p.add_run(piece)
                                run.font.size = Pt(pt)
                                run.bold = bool(LABEL.fullmatch(piece)) or None
                elif col.role == "when":
                    _cell(cell, act.when, pt)
                elif col.role == "extra:0":
                    _cell(cell, act.extra[0], pt)
                elif col.role == "status":
                    first, colour, rest = _update_parts(layout, act)
                    p = cell.paragraphs[0]
                    if first:
                        run = p.add_run(first)
                        run.bold, run.font.size = True, Pt(pt)
                        run.font.color.rgb = RGBColor.from_string(colour)
                    p.add_run(rest).font.size = Pt(pt)
            r += 1
    save_stable(doc, path)


def lead_support_html(layout: Layout, path: Path) -> None:
    cols = layout.columns
    head = "".join(_td(c.header, "th", style=f"background:#{layout.header_fill}") for c in cols)
    band = f"background:#{layout.band_fill};color:#FFFFFF"
    trs = []
    for group in layout.groups:
        trs.append(
            f'<tr><td style="{band}"><b>Priority {group.number}</b></td>'
            f'<td colspan="{len(cols) - 1}" style="{band}"><b>{html.escape(group.label)}</b></td></tr>'
        )
        for act in (a for row in group.rows for a in row.acts):
            tds = ""
            for col in cols:
                if col.role == "ref":
                    tds += _td(act.id)
                elif col.role == "action":
                    tds += _td(act.text)
                elif col.role == "lead":
                    lines = []
                    for line in act.lead.split("\n"):
                        pieces = [
                            f"<b>{p}</b>" if LABEL.fullmatch(p) else html.escape(p)
                            for p in LABEL.split(line)
                            if p
                        ]
                        lines.append(f"<p>{''.join(pieces)}</p>")
                    tds += f"<td>{''.join(lines)}</td>"
                elif col.role == "when":
                    tds += _td(act.when)
                elif col.role == "extra:0":
                    tds += _td(act.extra[0])
                elif col.role == "status":
                    first, colour, rest = _update_parts(layout, act)
                    lead_word = (
                        f'<b style="color:#{colour}">{html.escape(first)}</b>' if first else ""
                    )
                    tds += f"<td>{lead_word}{html.escape(rest)}</td>"
            trs.append(f"<tr>{tds}</tr>")
    parts = [
        f'<table class="grid">{_cols([c.width for c in cols])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>"
    ]
    path.write_text(_html(layout, parts), encoding="utf-8")


# --- auto_numbered ----------------------------------------------------------------------------

NUM_ID = 90  # the multilevel list ``1.`` / ``1.1`` the author applied to the table
THEMES_NOTE = (
    "The ASCP business plan has five cross-cutting themes: voice of children, young people "
    "and families; think family; addressing disproportionality; pressures on families, "
    "including the cost of living; learning from reviews and embedding reforms."
)
CLOSING = (
    "Actions on harm outside the home have moved to the Contextual Safeguarding Sub-Group's "
    "workplan for 2025-26 and are reported there."
)
IN_TEXT = {"1.4"}  # the timeframe is written at the end of the action; its cell is empty
REPEATED = {1: 3}  # the first impact: its sentence repeated, then cut off mid-word


def _impact_text(group: Group) -> str:
    times = REPEATED.get(group.number or 0, 0)
    if not times:
        return group.label
    return " ".join([group.label] * times + [group.label[:27]])


def _add_numbering(doc: Any) -> None:
    """A two-level list: ``%1.`` for the impact, ``%1.%2`` for each action (Word's own XML)."""
    numbering = doc.part.numbering_part.element
    levels = ""
    for ilvl, text, indent in ((0, "%1.", 340), (1, "%1.%2", 454)):
        levels += (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'
        )
    )


def _numbered(paragraph: Any, ilvl: int) -> None:
    num_pr = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    )
    paragraph._p.get_or_add_pPr().insert(0, num_pr)


def _timeframe_cell(act: Act) -> str:
    if act.id in IN_TEXT:
        assert act.text.endswith(f"({act.when})"), act.id
        return ""
    return act.when


def auto_numbered_docx(layout: Layout, path: Path) -> None:
    doc = _doc(layout)
    section = doc.sections[0]
    section.header.paragraphs[0].add_run(layout.page_header).font.size = Pt(9)
    add_footnotes_part(doc, THEMES_NOTE)
    _add_numbering(doc)
    add_colour_key(doc, [(label, fill) for _, label, fill in layout.status_key])
    pt = layout.font_pt
    cols = layout.columns
    acts = acts_of(layout)
    table = _table(doc, 1 + len(acts), [c.width for c in cols])
    _repeat(table, 1)
    for c, col in enumerate(cols):
        cell = table.cell(0, c)
        _cell(cell, col.header, pt, bold=True)
        shade(cell, layout.header_fill)
        if col.role == "extra:0":
            add_footnote_reference(cell)
    r = 1
    for group in layout.groups:
        n = sum(len(row.acts) for row in group.rows)
        impact = table.cell(r, 0).merge(table.cell(r + n - 1, 0)) if n > 1 else table.cell(r, 0)
        _cell(impact, _impact_text(group), pt)
        _numbered(impact.paragraphs[0], 0)
        for act in (a for row in group.rows for a in row.acts):
            for c, col in enumerate(cols):
                cell = table.cell(r, c)
                if col.role == "action":
                    first, *more = act.text.split("\n")
                    _cell(cell, first, pt)
                    _numbered(cell.paragraphs[0], 1)
                    for line in more:
                        p = cell.add_paragraph()
                        p.paragraph_format.left_indent = Cm(0.8)
                        p.add_run(line).font.size = Pt(pt)
                elif col.role == "extra:0":
                    _cell(cell, act.extra[0], pt)
                elif col.role == "lead":
                    _cell(cell, act.lead, pt)
                elif col.role == "when":
                    _cell(cell, _timeframe_cell(act), pt)
                    mark, _ = status_of(layout, act.status)
                    if mark:
                        shade(cell, mark)
            r += 1
    doc.add_paragraph()
    doc.add_paragraph(CLOSING)
    save_stable(doc, path)


def auto_numbered_html(layout: Layout, path: Path) -> None:
    cols = layout.columns
    head = ""
    for col in cols:
        note = "<sup>1</sup>" if col.role == "extra:0" else ""
        head += f"<th>{html.escape(col.header)}{note}</th>"
    trs = []
    for group in layout.groups:
        n = sum(len(row.acts) for row in group.rows)
        first = True
        for k, act in enumerate((a for row in group.rows for a in row.acts), start=1):
            assert act.id == f"{group.number}.{k}", act.id  # what the list numbering prints
            tds = ""
            if first:
                tds += f'<td rowspan="{n}"><p>{group.number}.&nbsp; {html.escape(_impact_text(group))}</p></td>'
            first_line, *more = act.text.split("\n")
            paras = [f"<p>{act.id}&nbsp; {html.escape(first_line)}</p>"]
            paras += [f'<p style="padding-left:0.8cm">{html.escape(m)}</p>' for m in more]
            tds += f"<td>{''.join(paras)}</td>"
            tds += _td(act.extra[0]) + _td(act.lead)
            mark, _ = status_of(layout, act.status)
            tds += _td(_timeframe_cell(act), style=f"background:#{mark}" if mark else "")
            first = False
            trs.append(f"<tr>{tds}</tr>")
    key = "".join(
        f'<tr><td style="background:#{fill}">{html.escape(label)}</td></tr>'
        for _, label, fill in layout.status_key
    )
    parts = [
        f'<table class="grid">{_cols([4.5])}<tbody>{key}</tbody></table>',
        f'<table class="grid">{_cols([c.width for c in cols])}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(trs)}</tbody></table>",
        f"<p>{html.escape(CLOSING)}</p>",
        f'<p style="font-size:8pt"><sup>1</sup> {html.escape(THEMES_NOTE)}</p>',
    ]
    out = _html(layout, parts).replace(
        "<body>\n", f'<body>\n<p style="font-size:9pt">{html.escape(layout.page_header)}</p>\n'
    )
    out = out.replace("</style>", f"th {{ background:#{layout.header_fill}; }}</style>")
    path.write_text(out, encoding="utf-8")


BUILDERS = {
    "lead_agency": (lead_agency_docx, lead_agency_html),
    "lead_support": (lead_support_docx, lead_support_html),
    "auto_numbered": (auto_numbered_docx, auto_numbered_html),
}


# --- goldens and the command line -------------------------------------------------------------


def golden(layout: Layout) -> dict[str, Any]:
    """The register rows an analyst writes for the plan, from the hand-typed fields.

    As ``make_layouts.golden``, except that themes come from a text column
    (``Cross-Cutting Themes``), not a matrix of ticks.
    """
    actions = []
    for group, act in acts_of(layout):
        actions.append(
            {
                "register_id": f"{layout.key} / {act.id}",
                "priority": group.number,
                "impact": group.impact,
                "action_id": act.id,
                "action": act.text,
                "themes": list(act.themes),
                "lead": list(act.leads),
                "support": list(act.support),
                "lead_as_written": act.lead,
                "timeframe_as_written": act.timeframe_as_written,
                "timeframe_type": act.timeframe_type,
                "due": act.due_date,
                "status": status_of(layout, act.status)[1],
            }
        )
    return {
        "document": f"{layout.stem}.docx",
        "workplan": layout.workplan,
        "period": layout.period,
        "actions": actions,
    }


def main(argv: Sequence[str] | None = None) -> int:
    from make_layouts import print_with_chromium  # the zoo's own Chromium printing

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--goldens", action="store_true", help="write missing goldens")
    args = parser.parse_args(argv)
    out: Path = args.out
    (out / "html").mkdir(parents=True, exist_ok=True)
    chosen = [lay for lay in LAYOUTS if lay.stem in HOLDOUT_6]
    docx_files = []
    for layout in chosen:
        to_docx, to_html = BUILDERS[layout.builder]
        docx = out / f"{layout.stem}.docx"
        page = out / "html" / f"{layout.stem}.html"
        to_docx(layout, docx)
        to_html(layout, page)
        docx_files.append(docx)
        print_with_chromium(page, out / f"{layout.stem}-chromium.pdf")
        if args.goldens:
            target = EXPECTED / f"{layout.stem}.json"
            if target.exists():
                print(f"kept {target.name}: goldens are edited by hand once written")
            else:
                text = json.dumps(golden(layout), indent=2, ensure_ascii=False)
                target.write_text(text + "\n", encoding="utf-8")
    convert_with_soffice(docx_files, out)
    print(f"wrote {len(chosen)} layouts to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
