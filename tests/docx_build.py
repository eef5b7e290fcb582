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
