"""Build tiny Word documents inside tests, one quirk each (python-docx plus XML)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HEADER = ("Impact", "Action", "Lead", "Timeframe")


def workplan(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] = HEADER,
    title: str = "TEST SUB-GROUP WORKPLAN 2024-25",
) -> Any:
    """A document with a title and one table: header then ``rows``."""
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for k, text in enumerate(header):
        table.cell(0, k).text = text
    for r, row in enumerate(rows, start=1):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    return document


def save(document: Any, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def shade(cell: Any, fill: str | None = None, **attrs: str) -> None:
    """Give a python-docx cell a ``w:shd``."""
    extra = "".join(f' w:{k}="{v}"' for k, v in attrs.items())
    fill_attr = f' w:fill="{fill}"' if fill else ""
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto"{fill_attr}{extra}/>')
    )


def paragraph_xml(inner: str) -> Any:
    return parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>")


def set_cell_xml(cell: Any, *paragraphs_inner: str) -> None:
    """Replace a cell's paragraphs with raw ``w:p`` contents."""
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    for inner in paragraphs_inner:
        tc.append(paragraph_xml(inner))


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def add_endnotes(document: Any, notes: dict[int, str]) -> None:
    """Give ``document`` a ``word/endnotes.xml`` part (separators, then ``notes`` by id).

    python-docx has no endnote API, so the part is written as Word writes it.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    separators = (
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:endnote>"
    )
    body = "".join(
        f'<w:endnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f"<w:endnoteRef/></w:r>{run(' ' + text)}</w:p></w:endnote>"
        for k, text in notes.items()
    )
    xml = f"<w:endnotes {nsdecls('w')}>{separators}{body}</w:endnotes>"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
    part = Part(PackURI("/word/endnotes.xml"), content_type, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)


def note_reference(kind: str, note_id: int) -> str:
    """A superscript ``w:footnoteReference`` or ``w:endnoteReference`` run."""
    return (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )
