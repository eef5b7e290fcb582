"""Build the sample workplans in ``samples/inbox/`` from ``workplan_data.py``.

Three real Merton workplans (see ``/work/shared/seeds/``) rebuilt as Word files,
each also converted to PDF by LibreOffice, plus a borderless reportlab PDF of the
ESS workplan. Reruns give the same ``.docx`` bytes (fixed dates, fixed zip times).

    python samples/make_samples.py [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from workplan_data import (
    ESS_2023_24,
    FOOTNOTE,
    LOGO_ALT_TEXT,
    PPYP_2023_24,
    WORKPLANS,
    Bullet,
    Cell,
    Workplan,
)

DocxDocument = Any  # python-docx is untyped
DocxCell = Any

FIXED_DATE = datetime(2023, 9, 1, 9, 0, 0)
FONT, FONT_SIZE = "Arial", Pt(11)
PAGE_W, PAGE_H, MARGIN = Cm(29.7), Cm(21.0), Cm(2.54)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_ID = "1"
SOFFICE_HELP = "apt-get install -y libreoffice-writer-nogui"


# --- Word building blocks -------------------------------------------------------------


def new_document() -> DocxDocument:
    """An empty landscape A4 document with a stable core-properties block (no title set)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, FONT_SIZE
    normal.paragraph_format.space_after = Pt(2)
    props = doc.core_properties
    props.title, props.author = "", "MSCP Business Support Unit"
    props.last_modified_by, props.revision = "MSCP Business Support Unit", 1
    props.created = props.modified = props.last_printed = FIXED_DATE
    return doc


def shade(cell: DocxCell, fill: str) -> None:
    """Fill a table cell the way Word does: ``<w:shd w:val="clear" .../>``."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tc_pr.insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def write_cell(cell: DocxCell, paras: Cell, bold: bool = False) -> None:
    """One Word paragraph per entry; ``Bullet`` entries get automatic bullets."""
    for i, para in enumerate(paras):
        text = para.text if isinstance(para, Bullet) else para
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if isinstance(para, Bullet):
            p.style = "List Bullet"
        if text:
            p.add_run(text).bold = bold or None


def logo_png(size: int = 40) -> bytes:
    """A tiny PNG (a blue disc with a white ring) built from raw bytes."""
    c = (size - 1) / 2
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # PNG filter type "none" for this scanline
        for x in range(size):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            on = d < c and not (c * 0.55 < d < c * 0.7)
            rows += bytes((0x1F, 0x4E, 0x79) if on else (0xFF, 0xFF, 0xFF))

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def add_logo(doc: DocxDocument) -> None:
    """The logo picture, with the alt text that leaks into the seed's title."""
    run = doc.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(logo_png()), width=Cm(1.6))
    shape._inline.docPr.set("descr", LOGO_ALT_TEXT)


def add_footnotes_part(doc: DocxDocument, text: str) -> None:
    """Add ``word/footnotes.xml`` (separators -1/0, then footnote 1) and its styles.

    python-docx has no footnote API, so the part is written as Word writes it.
    """
    styles = doc.styles
    note_style = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    note_style.base_style = styles["Normal"]
    note_style.font.size = Pt(8)
    note_style.paragraph_format.space_after = Pt(0)
    styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True
    text_id = styles["Footnote Text"].style_id
    ref_id = styles["Footnote Reference"].style_id

    sep_p = '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {nsdecls('w', 'r')}>"
        f'<w:footnote w:type="separator" w:id="-1">{sep_p}<w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        f'<w:footnote w:type="continuationSeparator" w:id="0">{sep_p}'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="{FOOTNOTE_ID}"><w:p><w:pPr><w:pStyle w:val="{text_id}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{ref_id}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    package = doc.part.package
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    # settings.xml lists the separator footnotes, as Word writes it.
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


def add_footnote_reference(cell: DocxCell) -> None:
    """A superscript ``w:footnoteReference`` run at the end of the cell's first paragraph."""
    run = cell.paragraphs[0].add_run()
    run.style = "Footnote Reference"
    run.bold = True
    run.font.superscript = True
    run._r.append(OxmlElement("w:footnoteReference", {qn("w:id"): FOOTNOTE_ID}))


def add_colour_key(doc: DocxDocument, key: Sequence[tuple[str, str]]) -> None:
    """The document's own colour key: a small 1-column table of filled labels."""
    table = doc.add_table(rows=len(key), cols=1)
    table.style = "Table Grid"
    table.autofit = False
    table.columns[0].width = Cm(4.5)
    for tr, (label, fill) in zip(table.rows, key, strict=True):
        cell = tr.cells[0]
        cell.width = Cm(4.5)
        write_cell(cell, (label,))
        shade(cell, fill)
    doc.add_paragraph()


def add_workplan_table(doc: DocxDocument, wp: Workplan) -> None:
    """The workplan table: repeating bold header, merged impacts, status fills."""
    n_rows = 1 + sum(len(p.rows) + p.own_row for p in wp.priorities)
    table = doc.add_table(rows=n_rows, cols=len(wp.columns))
    table.style = "Table Grid"
    table.autofit = False
    for col, width in zip(table.columns, wp.widths_cm, strict=True):
        col.width = Cm(width)
    for tr in table.rows:
        for cell, width in zip(tr.cells, wp.widths_cm, strict=True):
            cell.width = Cm(width)

    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for name, cell, text in zip(wp.columns, header.cells, wp.header, strict=True):
        write_cell(cell, (text,), bold=True)
        if name == wp.footnote_column:
            add_footnote_reference(cell)

    col = {name: i for i, name in enumerate(wp.columns)}
    r = 1
    for priority in wp.priorities:
        first = r
        write_cell(table.cell(r, col["impact"]), priority.impact)
        r += priority.own_row
        for action in priority.rows:
            cells = table.rows[r].cells
            write_cell(cells[col["action"]], action.action)
            write_cell(cells[col["lead"]], action.lead)
            if "themes" in col:
                write_cell(cells[col["themes"]], action.themes)
            if "timeframe" in col:
                write_cell(cells[col["timeframe"]], action.timeframe)
            if action.status and wp.status_column and wp.status_fills:
                shade(cells[col[wp.status_column]], wp.status_fills[action.status])
            r += 1
        if r - 1 > first:
            table.cell(first, col["impact"]).merge(table.cell(r - 1, col["impact"]))


def build_docx(wp: Workplan) -> DocxDocument:
    """The whole Word document for one workplan."""
    doc = new_document()
    if wp.page_header:
        header = doc.sections[0].header
        header.is_linked_to_previous = False
        header.paragraphs[0].add_run(wp.page_header).bold = True
    if wp.footnote_column:
        add_footnotes_part(doc, FOOTNOTE)
    if wp.logo:
        add_logo(doc)
    for line in wp.title:
        title = doc.add_paragraph()
        title.add_run(line).bold = True
        title.runs[0].font.size = Pt(14)
    if wp.title:
        doc.add_paragraph()
    if wp.colour_key:
        add_colour_key(doc, wp.colour_key)
    add_workplan_table(doc, wp)
    if wp.closing:
        doc.add_paragraph()
    doc.add_paragraph(wp.closing)
    return doc


def save_stable(doc: DocxDocument, path: Path) -> None:
    """Save with fixed zip entry times so a rerun writes the same bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))


# --- PDFs -----------------------------------------------------------------------------


# LibreOffice's PDF export filter with a structure tree (Table / TR / TD tags).
TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def convert_with_soffice(docx_files: Sequence[Path], out: Path, *, tagged: bool = False) -> bool:
    """Convert Word files to PDF with LibreOffice; False (PDFs kept) when it is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(f"soffice not found, existing PDFs kept. To get it: {SOFFICE_HELP}")
        return False
    started = time.time()
    # A private profile, so a LibreOffice already running elsewhere does not swallow the job.
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                TAGGED_PDF if tagged else "pdf",
                "--outdir",
                str(out),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    pdfs = [out / p.with_suffix(".pdf").name for p in docx_files]
    missing = [p.name for p in pdfs if not p.exists() or p.stat().st_mtime < started - 1]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return True


def reportlab_pdf(wp: Workplan, path: Path) -> None:
    """The workplan as a borderless reportlab table with a page header on every page."""
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=13.5)
    bold = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold")
    note = ParagraphStyle("note", parent=body, fontSize=8, leading=10)
    page_w, page_h = landscape(A4)

    def cell(paras: Cell, style: ParagraphStyle = body) -> list[Paragraph]:
        out = []
        for para in paras:
            text = escape(para.text if isinstance(para, Bullet) else para)
            out.append(Paragraph(f"\u2022 {text}" if isinstance(para, Bullet) else text, style))
        return out

    header = [
        cell((text,), bold)
        if name != wp.footnote_column
        else [Paragraph(f'{escape(text)}<super rise="3" size="8">1</super>', bold)]
        for name, text in zip(wp.columns, wp.header, strict=True)
    ]
    data: list[list[list[Paragraph]]] = [header]
    for priority in wp.priorities:
        for i, action in enumerate(priority.rows):
            by_name = {
                "impact": cell(priority.impact) if i == 0 else [],
                "action": cell(action.action),
                "themes": cell(action.themes),
                "lead": cell(action.lead),
                "timeframe": cell(action.timeframe),
            }
            data.append([by_name[name] for name in wp.columns])

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(2 * cm, page_h - 1.3 * cm, wp.page_header)
        if doc.page == 1:
            footnote = Paragraph(f"<super>1</super> {escape(FOOTNOTE)}", note)
            footnote.wrap(page_w - 4 * cm, 3 * cm)
            footnote.drawOn(canvas, 2 * cm, 1.2 * cm)
        canvas.restoreState()

    table = Table(data, colWidths=[w * cm for w in wp.widths_cm], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(page_w, page_h),
        invariant=True,
        title=wp.page_header,
        author="MSCP Business Support Unit",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.6 * cm,
    )
    doc.build(
        [table, Spacer(1, 0.4 * cm), Paragraph(escape(wp.closing), body)],
        onFirstPage=on_page,
        onLaterPages=on_page,
    )


# --- command line ---------------------------------------------------------------------


def tagged_borderless(out: Path, workplan: Workplan) -> None:
    """A workplan without table borders, exported as a tagged PDF into ``out``.

    With no ruling lines to read, a parser must take the table from the
    structure tree LibreOffice writes (or from text alignment). PPYP 2023-24's
    unlabelled status column has shading but no text at all.
    """
    doc = build_docx(workplan)
    for table in doc.tables:
        style = table._tbl.tblPr.find(qn("w:tblStyle"))
        if style is not None:
            table._tbl.tblPr.remove(style)  # the default table style draws no borders
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tagged-") as tmp:
        source = Path(tmp) / f"{workplan.stem}-tagged.docx"
        save_stable(doc, source)
        if convert_with_soffice([source], out, tagged=True):
            print(f"wrote {out / source.with_suffix('.pdf').name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Write the seven sample files into ``--out`` (default: ``inbox/`` beside this file)."""
    parser = argparse.ArgumentParser(description="Build the sample workplans.")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "inbox")
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)

    docx_files = []
    for wp in WORKPLANS:
        path = out / f"{wp.stem}.docx"
        save_stable(build_docx(wp), path)
        docx_files.append(path)
        print(f"wrote {path}")
    if convert_with_soffice(docx_files, out):
        for path in docx_files:
            print(f"wrote {path.with_suffix('.pdf')}")
    rl_path = out / f"{ESS_2023_24.stem}-reportlab.pdf"
    reportlab_pdf(ESS_2023_24, rl_path)
    print(f"wrote {rl_path}")
    for workplan in (ESS_2023_24, PPYP_2023_24):
        tagged_borderless(out.parent / "tagged", workplan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
