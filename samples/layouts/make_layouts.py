"""Build the layout zoo in ``samples/layouts/`` from ``layouts_data.py`` (issue #13).

Each plan is laid out once as an abstract grid (header rows, body rows, cells
with spans, vertical merges, fills, bullets, nested grids), then written three
or four ways, as the plans people publish are made:

- ``<stem>.docx``: python-docx, with raw XML where it has no API (borders,
  shading, header-row repeat, content controls);
- ``<stem>.pdf``: that Word file converted by LibreOffice;
- ``<stem>-chromium.pdf``: headless Chromium printing ``html/<stem>.html``
  (real ``<table>`` markup, CSS borders and backgrounds, as a browser or a
  Google Docs export writes it);
- ``<stem>-reportlab.pdf``: typeset by reportlab, for a few.

    python samples/layouts/make_layouts.py            # every document
    python samples/layouts/make_layouts.py --goldens  # also write missing goldens

``--goldens`` copies each plan's hand-typed register fields from the data into
``expected/<stem>.json`` when that file does not exist yet; it never
overwrites a golden and never runs the program.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from layouts_data import LAYOUTS, Act, Layout, Row, acts_of, status_of  # noqa: E402
from make_holdout2 import BUILDERS  # noqa: E402
from make_holdout3 import BUILDERS as BUILDERS_3  # noqa: E402
from make_holdout4 import BUILDERS as BUILDERS_4  # noqa: E402
from make_holdout5 import BUILDERS as BUILDERS_5  # noqa: E402
from make_holdout6 import BUILDERS as BUILDERS_6  # noqa: E402
from make_keys import BUILDERS as BUILDERS_KEYS  # noqa: E402
from make_samples import convert_with_soffice, new_document, save_stable, shade  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

EXPECTED = HERE / "expected"
HTML_DIR = HERE / "html"
MARGIN_CM = 1.5
TICK, DOT, SQUARE = "✓", "●", "■"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


# --- the abstract grid ------------------------------------------------------------------


@dataclass
class Para:
    text: str
    bullet: bool = False
    colour: str = ""


@dataclass
class Cell:
    """One grid cell; ``merge`` is ``restart``/``continue`` for a vertical merge."""

    paras: list[Para]
    span: int = 1
    merge: str = ""
    fill: str = ""
    bold: bool = False
    center: bool = False
    nested: Grid | None = None


@dataclass
class Grid:
    widths: list[float]
    header: list[list[Cell]]
    body: list[list[Cell]]
    ruling: str = "grid"
    header_fill: str = ""


@dataclass
class Block:
    kind: str  # title, para, heading, key_fills, key_marks, grid, page_break
    text: str = ""
    grid: Grid | None = None
    key: list[tuple[str, str]] = field(default_factory=list)  # (label, colour)
    symbol: str = ""


def text_cell(text: str, **kw: Any) -> Cell:
    return Cell([Para(text)] if text else [Para("")], **kw)


def header_rows(layout: Layout) -> list[list[Cell]]:
    cols = layout.columns
    fill = layout.header_fill
    if not any(c.group for c in cols):
        return [[text_cell(c.header, bold=True, fill=fill) for c in cols]]
    top: list[Cell] = []
    bottom: list[Cell] = []
    k = 0
    while k < len(cols):
        col = cols[k]
        if col.group:
            run = [c for c in cols[k:]]
            n = next((i for i, c in enumerate(run) if c.group != col.group), len(run))
            top.append(text_cell(col.group, span=n, bold=True, fill=fill, center=True))
            bottom += [text_cell(c.header, bold=True, fill=fill) for c in run[:n]]
            k += n
        else:
            top.append(text_cell(col.header, bold=True, fill=fill, merge="restart"))
            bottom.append(Cell([Para("")], merge="continue", fill=fill))
            k += 1
    return [top, bottom]


def _shared(row: Row) -> Act:
    """The first action of a row, after checking the row's other actions share its cells."""
    first = row.acts[0]
    if row.mode in ("numbered", "bulleted"):
        for act in row.acts[1:]:
            same = (act.lead, act.when, act.start, act.status, act.themes, act.partners, act.extra)
            want = (first.lead, first.when, first.start, first.status, first.themes)
            assert same[:5] == want and same[5:] == (first.partners, first.extra), act.id
    if row.mode == "nested":
        assert all(a.status == first.status and a.themes == first.themes for a in row.acts)
    return first


def nested_grid(row: Row) -> Grid:
    body = []
    for k, act in enumerate(row.acts):
        assert act.text.startswith(row.intro + " "), act.id
        body.append(
            [
                text_cell(f"{chr(ord('a') + k)})"),
                text_cell(act.text[len(row.intro) + 1 :]),
                text_cell(act.lead),
                text_cell(act.when),
            ]
        )
    return Grid([0.8, 6.3, 3.0, 2.2], [], body)


def row_cells(layout: Layout, row: Row, label: str, first_in_group: bool) -> list[Cell]:
    act = _shared(row)
    has_ref = any(c.role == "ref" for c in layout.columns)
    cells: list[Cell] = []
    for col in layout.columns:
        role = col.role
        if role == "ref":
            cells.append(text_cell(row.ref or "\n".join(a.id for a in row.acts)))
        elif role == "objective":
            if first_in_group:
                cells.append(text_cell(label, merge="restart"))
            else:
                cells.append(Cell([Para("")], merge="continue"))
        elif role == "action":
            if row.mode == "single":
                cells.append(text_cell(act.text if has_ref else f"{act.id} {act.text}"))
            elif row.mode == "numbered":
                cells.append(Cell([Para(f"{a.id} {a.text}") for a in row.acts]))
            elif row.mode == "bulleted":
                cells.append(Cell([Para(a.text, bullet=True) for a in row.acts]))
            else:
                cells.append(Cell([Para(row.intro)], nested=nested_grid(row)))
        elif role == "lead":
            cells.append(text_cell("" if row.mode == "nested" else act.lead))
        elif role == "partners":
            cells.append(text_cell(act.partners))
        elif role == "when":
            cells.append(text_cell("" if row.mode == "nested" else act.when))
        elif role == "start":
            cells.append(text_cell(act.start))
        elif role == "status":
            mark, _ = status_of(layout, act.status)
            if layout.status_as == "fill":
                cells.append(Cell([Para("")], fill=mark))
            elif layout.status_as in ("dot", "square"):
                symbol = DOT if layout.status_as == "dot" else SQUARE
                cells.append(Cell([Para(symbol if mark else "", colour=mark)], center=True))
            else:
                cells.append(text_cell(mark, center=layout.status_as == "letter"))
        elif role.startswith("tick:"):
            cells.append(text_cell(TICK if role[5:] in act.themes else "", center=True))
        elif role.startswith("extra:"):
            cells.append(text_cell(act.extra[int(role[6:])]))
        else:
            raise ValueError(role)
    return cells


def blocks(layout: Layout) -> list[Block]:
    """The plan as the reader sees it: title, introduction, key, tables."""
    out = [Block("title", layout.title)] + [Block("para", p) for p in layout.intro]
    if layout.status_as == "fill":
        out.append(Block("key_fills", key=[(label, mark) for _, label, mark in layout.status_key]))
    elif layout.status_as in ("dot", "square"):
        symbol = DOT if layout.status_as == "dot" else SQUARE
        out.append(
            Block("key_marks", symbol=symbol, key=[(lb, m) for _, lb, m in layout.status_key])
        )
    widths = [c.width for c in layout.columns]
    ncols = len(layout.columns)

    def grid(rows: list[list[Cell]], with_header: bool = True) -> Block:
        head = header_rows(layout) if with_header else []
        return Block("grid", grid=Grid(widths, head, rows, layout.ruling, layout.header_fill))

    chunks: list[list[list[Cell]]] = []
    for group in layout.groups:
        rows: list[list[Cell]] = []
        if layout.priority_as == "band":
            rows.append([text_cell(group.label, span=ncols, bold=True, fill=layout.band_fill)])
        for k, row in enumerate(group.rows):
            rows.append(row_cells(layout, row, group.label, k == 0))
        if layout.priority_as == "heading":
            out += [Block("heading", group.label), grid(rows)]
        else:
            chunks.append(rows)
    if layout.priority_as == "heading":
        return out
    if layout.tables > 1 and len(chunks) == 1:  # no groups to split at: split the rows
        only = chunks[0]
        size = -(-len(only) // layout.tables)
        chunks = [only[i : i + size] for i in range(0, len(only), size)]
    parts = max(1, min(layout.tables, len(chunks)))
    per = -(-len(chunks) // parts)
    if layout.notes:  # note and key rows merged across the foot of the last table
        chunks[-1] = chunks[-1] + [[text_cell(n, span=ncols)] for n in layout.notes]
    for p in range(parts):
        rows = [r for chunk in chunks[p * per : (p + 1) * per] for r in chunk]
        if p and layout.page_break_between_tables:
            out.append(Block("page_break"))
        out.append(grid(rows, with_header=p == 0))
    return out


# --- Word ---------------------------------------------------------------------------------


def _horizontal_borders(table: Any) -> None:
    xml = (
        f"<w:tblBorders {nsdecls('w')}>"
        '<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:left w:val="nil"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:right w:val="nil"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideV w:val="nil"/>'
        "</w:tblBorders>"
    )
    table._tbl.tblPr.append(parse_xml(xml))


def _content_control(paragraph: Any, tag: str, block: bool) -> None:
    """Put the paragraph in a plain-text content control, as a Word template does.

    ``block``: the control holds the whole paragraph (``w:tc/w:sdt/w:sdtContent/w:p``,
    which python-docx's ``cell.paragraphs`` does not see); else it holds the
    paragraph's runs (``w:p/w:sdt/w:sdtContent/w:r``).
    """
    runs = list(paragraph._p.findall(qn("w:r")))
    if not runs:
        return
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
        '<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    content = sdt.find(qn("w:sdtContent"))
    if block:
        paragraph._p.addprevious(sdt)
        content.append(paragraph._p)
        return
    runs[0].addprevious(sdt)
    for run in runs:
        content.append(run)


def _write_paras(cell: Any, c: Cell, pt: float, controls: str = "") -> None:
    for k, para in enumerate(c.paras):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if para.bullet:
            p.style = "List Bullet"
        if c.center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if para.text:
            run = p.add_run(para.text)
            run.font.size = Pt(pt)
            run.bold = c.bold or None
            if para.colour:
                run.font.color.rgb = RGBColor.from_string(para.colour)
        if controls and para.text:
            # Templates hold some cells' text in run-level controls, others in block-level ones.
            _content_control(p, controls, block=controls in ("cell2", "cell3"))


def _docx_table(container: Any, g: Grid, pt: float, controls: bool, nested: bool = False) -> None:
    rows = g.header + g.body
    table = container.add_table(rows=len(rows), cols=len(g.widths))
    if g.ruling == "grid":
        table.style = "Table Grid"
    else:
        _horizontal_borders(table)
    table.autofit = False
    for col, width in zip(table.columns, g.widths, strict=True):
        col.width = Cm(width)
    for r in range(len(g.header)):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    starts: dict[int, int] = {}
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            if cell.span > 1:
                table.cell(r, c).merge(table.cell(r, c + cell.span - 1))
            c += cell.span
    for r, cells in enumerate(rows):  # vertical merges, once the spans are in place
        c = 0
        for cell in cells:
            if cell.merge == "restart":
                starts[c] = r
            elif cell.merge == "continue":
                table.cell(starts[c], c).merge(table.cell(r, c))
            c += cell.span
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            target = table.cell(r, c)
            if cell.span == 1:
                target.width = Cm(g.widths[c])
            if cell.merge != "continue":
                tag = "" if r < len(g.header) or not controls else f"cell{c}"
                _write_paras(target, cell, pt, tag)
                if cell.fill:
                    shade(target, cell.fill)
                if cell.nested is not None:
                    _docx_table(target, cell.nested, pt - 1, False, nested=True)
            c += cell.span


def build_docx(layout: Layout, path: Path) -> None:
    doc = new_document()
    section = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    doc.styles["Normal"].font.size = Pt(layout.font_pt)
    props = doc.core_properties
    props.author = props.last_modified_by = "Partnership Business Unit"
    if layout.page_header:
        section.header.paragraphs[0].add_run(layout.page_header).font.size = Pt(9)
    pt = layout.font_pt
    for block in blocks(layout):
        if block.kind == "title":
            run = doc.add_paragraph().add_run(block.text)
            run.bold, run.font.size = True, Pt(15)
        elif block.kind == "para":
            doc.add_paragraph(block.text)
        elif block.kind == "heading":
            doc.add_heading(block.text, level=2)
        elif block.kind == "key_fills":
            table = doc.add_table(rows=1, cols=len(block.key))
            table.style = "Table Grid"
            for cell, (label, fill) in zip(table.rows[0].cells, block.key, strict=True):
                cell.width = Cm(4.2)
                cell.paragraphs[0].add_run(label).font.size = Pt(pt - 1)
                shade(cell, fill)
            doc.add_paragraph()
        elif block.kind == "key_marks":
            p = doc.add_paragraph()
            p.add_run("Key: ").bold = True
            for label, colour in block.key:
                p.add_run(block.symbol).font.color.rgb = RGBColor.from_string(colour)
                p.add_run(f" {label}    ")
        elif block.kind == "page_break":
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "grid":
            assert block.grid is not None
            _docx_table(doc, block.grid, pt, layout.content_controls)
            doc.add_paragraph()  # Word needs a paragraph between two tables
    save_stable(doc, path)


# --- HTML (printed by Chromium) -----------------------------------------------------------


def _rowspans(rows: list[list[Cell]]) -> dict[tuple[int, int], int]:
    """(row, grid column) of each merge start -> how many rows it covers."""
    spans: dict[tuple[int, int], int] = {}
    open_at: dict[int, tuple[int, int]] = {}
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            if cell.merge == "restart":
                open_at[c] = (r, c)
                spans[(r, c)] = 1
            elif cell.merge == "continue":
                spans[open_at[c]] += 1
            c += cell.span
    return spans


def _html_cell(cell: Cell, tag: str, rowspan: int) -> str:
    attrs = []
    if cell.span > 1:
        attrs.append(f'colspan="{cell.span}"')
    if rowspan > 1:
        attrs.append(f'rowspan="{rowspan}"')
    style = []
    if cell.fill:
        style.append(f"background:#{cell.fill}")
    if cell.center:
        style.append("text-align:center")
    if style:
        attrs.append(f'style="{";".join(style)}"')
    inner = []
    bullets = [p for p in cell.paras if p.bullet]
    for para in cell.paras:
        if para.bullet:
            continue
        text = html.escape(para.text)
        if para.colour:
            text = f'<span style="color:#{para.colour}">{text}</span>'
        if cell.bold and text:
            text = f"<b>{text}</b>"
        inner.append(f"<p>{text}</p>" if text else "")
    if bullets:
        items = "".join(f"<li>{html.escape(p.text)}</li>" for p in bullets)
        inner.append(f"<ul>{items}</ul>")
    if cell.nested is not None:
        inner.append(_html_table(cell.nested, "nested"))
    return f"<{tag} {' '.join(attrs)}>{''.join(inner)}</{tag}>".replace(f"<{tag} >", f"<{tag}>")


def _html_rows(rows: list[list[Cell]], tag: str) -> str:
    spans = _rowspans(rows)
    out = []
    for r, cells in enumerate(rows):
        tds = []
        c = 0
        for cell in cells:
            if cell.merge != "continue":
                tds.append(_html_cell(cell, tag, spans.get((r, c), 1)))
            c += cell.span
        out.append(f"<tr>{''.join(tds)}</tr>")
    return "\n".join(out)


def _html_table(g: Grid, cls: str) -> str:
    cols = "".join(f'<col style="width:{w}cm">' for w in g.widths)
    head = f"<thead>{_html_rows(g.header, 'th')}</thead>" if g.header else ""
    return f'<table class="{cls} {g.ruling}"><colgroup>{cols}</colgroup>{head}<tbody>{_html_rows(g.body, "td")}</tbody></table>'


CSS = """
@page { size: A4 landscape; margin: 15mm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: %(pt)spt;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 15pt; margin: 0 0 6pt 0; } h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }
table { border-collapse: collapse; table-layout: fixed; margin-bottom: 10pt; }
th, td { vertical-align: top; text-align: left; padding: 3pt 4pt; }
table.grid > * > tr > th, table.grid > * > tr > td { border: 1px solid #000; }
table.horizontal > * > tr > th, table.horizontal > * > tr > td { border-bottom: 1px solid #888; }
table.horizontal { border-top: 1.5px solid #000; border-bottom: 1.5px solid #000; }
th { background: #%(head)s; }
p { margin: 0 0 2pt 0; } ul { margin: 0; padding-left: 14pt; }
table.nested { margin: 3pt 0 0 0; }
table.key td { border: 1px solid #000; padding: 2pt 6pt; }
"""


def build_html(layout: Layout, path: Path) -> None:
    parts = []
    for block in blocks(layout):
        if block.kind == "title":
            parts.append(f"<h1>{html.escape(block.text)}</h1>")
        elif block.kind == "para":
            parts.append(f"<p>{html.escape(block.text)}</p>")
        elif block.kind == "heading":
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        elif block.kind == "key_fills":
            tds = "".join(
                f'<td style="background:#{f}">{html.escape(lb)}</td>' for lb, f in block.key
            )
            parts.append(f'<table class="key"><tr>{tds}</tr></table>')
        elif block.kind == "key_marks":
            marks = "    ".join(
                f'<span style="color:#{c}">{block.symbol}</span> {html.escape(lb)}'
                for lb, c in block.key
            )
            parts.append(f"<p><b>Key:</b> {marks}</p>")
        elif block.kind == "page_break":
            parts.append('<div style="break-after: page"></div>')
        elif block.grid is not None:
            parts.append(_html_table(block.grid, "plan"))
    css = CSS % {"pt": layout.font_pt, "head": layout.header_fill or "FFFFFF"}
    header = ""
    if layout.page_header:  # a header line above the title (browsers print no running header)
        header = f'<p style="font-size:9pt">{html.escape(layout.page_header)}</p>\n'

    doc = (
        f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(layout.title)}</title><style>{css}</style></head>\n"
        "<body>\n" + header + "\n".join(parts) + "\n</body></html>\n"
    )
    path.write_text(doc, encoding="utf-8")


def print_with_chromium(page: Path, pdf: Path) -> bool:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: existing Chromium PDFs kept (apt-get install -y chromium)")
        return False
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return True


# --- reportlab ----------------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():  # has the tick, dot and square glyphs
        pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
        return "DejaVu", "DejaVu-Bold"
    return "Helvetica", "Helvetica-Bold"


def _rl_table(g: Grid, styles: dict[str, ParagraphStyle], scale: float = 1.0) -> Table:
    rows = g.header + g.body
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    starts: dict[int, int] = {}
    for r, cells in enumerate(rows):
        line: list[Any] = []
        c = 0
        for cell in cells:
            flow: list[Any] = []
            if cell.merge != "continue":
                style = styles["bold" if cell.bold else "centre" if cell.center else "body"]
                for para in cell.paras:
                    text = html.escape(para.text)
                    if para.colour:
                        text = f'<font color="#{para.colour}">{text}</font>'
                    if para.bullet:
                        flow.append(Paragraph(text, styles["bullet"], bulletText="•"))
                    elif text:
                        flow.append(Paragraph(text, style))
                if cell.nested is not None:
                    flow.append(_rl_table(cell.nested, styles, 0.9))
            line.append(flow or "")
            line += [""] * (cell.span - 1)
            if cell.span > 1:
                commands.append(("SPAN", (c, r), (c + cell.span - 1, r)))
            if cell.merge == "restart":
                starts[c] = r
            elif cell.merge == "continue":
                commands.append(("SPAN", (c, starts[c]), (c, r)))
            if cell.fill:
                commands.append(("BACKGROUND", (c, r), (c + cell.span - 1, r), f"#{cell.fill}"))
            c += cell.span
        data.append(line)
    if g.ruling == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey),
        ]
    table = Table(
        data,
        colWidths=[w * cm * scale for w in g.widths],
        repeatRows=len(g.header),
        style=TableStyle(commands),
    )
    return table


def build_reportlab(layout: Layout, path: Path) -> None:
    regular, bold = _fonts()
    pt = layout.font_pt - 1
    body = ParagraphStyle("body", fontName=regular, fontSize=pt, leading=pt * 1.25)
    styles = {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "centre": ParagraphStyle("centre", parent=body, alignment=1),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=0),
    }
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=19)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12, leading=16)
    story: list[Any] = []
    for block in blocks(layout):
        if block.kind == "title":
            story += [Paragraph(html.escape(block.text), title), Spacer(1, 6)]
        elif block.kind == "para":
            story += [Paragraph(html.escape(block.text), body), Spacer(1, 6)]
        elif block.kind == "heading":
            story += [Spacer(1, 8), Paragraph(html.escape(block.text), heading), Spacer(1, 4)]
        elif block.kind == "key_fills":
            key = Table(
                [[Paragraph(html.escape(lb), body) for lb, _ in block.key]],
                colWidths=[4.2 * cm] * len(block.key),
                style=TableStyle(
                    [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
                    + [
                        ("BACKGROUND", (k, 0), (k, 0), f"#{f}")
                        for k, (_, f) in enumerate(block.key)
                    ]
                ),
            )
            story += [key, Spacer(1, 8)]
        elif block.kind == "key_marks":
            marks = "    ".join(
                f'<font color="#{c}">{block.symbol}</font> {html.escape(lb)}' for lb, c in block.key
            )
            story += [Paragraph(f"<b>Key:</b> {marks}", body), Spacer(1, 6)]
        elif block.kind == "page_break":
            story.append(PageBreak())
        elif block.grid is not None:
            story += [_rl_table(block.grid, styles), Spacer(1, 10)]
    page_w, page_h = landscape(A4)

    def on_page(canvas: Any, _doc: Any) -> None:
        if layout.page_header:
            canvas.setFont(regular, 9)
            canvas.drawString(MARGIN_CM * cm, page_h - 0.9 * cm, layout.page_header)

    doc = SimpleDocTemplate(
        str(path),
        pagesize=(page_w, page_h),
        leftMargin=MARGIN_CM * cm,
        rightMargin=MARGIN_CM * cm,
        topMargin=MARGIN_CM * cm,
        bottomMargin=MARGIN_CM * cm,
        title=layout.title,
        author="Partnership Business Unit",
        invariant=True,
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# --- goldens ------------------------------------------------------------------------------


def golden(layout: Layout) -> dict[str, Any]:
    """The register rows an analyst writes for the plan, from the hand-typed fields."""
    ticks = [c.role[5:] for c in layout.columns if c.role.startswith("tick:")]
    actions = []
    for group, act in acts_of(layout):
        assert list(act.themes) == [t for t in ticks if t in act.themes], act.id
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


def documents(layout: Layout) -> Iterator[tuple[str, str]]:
    """(producer, file name) of every document made for a layout."""
    names = {
        "docx": f"{layout.stem}.docx",
        "libreoffice": f"{layout.stem}.pdf",
        "chromium": f"{layout.stem}-chromium.pdf",
        "reportlab": f"{layout.stem}-reportlab.pdf",
    }
    for producer in layout.producers:
        yield producer, names[producer]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--only", nargs="*", help="stems to build (default: all)")
    parser.add_argument("--goldens", action="store_true", help="write missing goldens")
    args = parser.parse_args(argv)
    out: Path = args.out
    (out / "html").mkdir(parents=True, exist_ok=True)
    chosen = [lay for lay in LAYOUTS if not args.only or lay.stem in args.only]
    docx_files = []
    for layout in chosen:
        docx = out / f"{layout.stem}.docx"
        page = out / "html" / f"{layout.stem}.html"
        if layout.builder:  # the held-out sets two to six: shapes the grid cannot draw
            to_docx, to_html = (
                BUILDERS | BUILDERS_3 | BUILDERS_4 | BUILDERS_5 | BUILDERS_6 | BUILDERS_KEYS
            )[layout.builder]
            to_docx(layout, docx)
            to_html(layout, page)
        else:
            build_docx(layout, docx)
            build_html(layout, page)
        docx_files.append(docx)
        print_with_chromium(page, out / f"{layout.stem}-chromium.pdf")
        if "reportlab" in layout.producers:
            build_reportlab(layout, out / f"{layout.stem}-reportlab.pdf")
        if args.goldens:
            target = EXPECTED / f"{layout.stem}.json"
            if target.exists():
                print(f"kept {target.name}: goldens are edited by hand once written")
            else:
                EXPECTED.mkdir(exist_ok=True)
                text = json.dumps(golden(layout), indent=2, ensure_ascii=False)
                target.write_text(text + "\n", encoding="utf-8")
    convert_with_soffice(docx_files, out)
    print(f"wrote {len(chosen)} layouts to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
