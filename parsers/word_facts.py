"""Word (.docx) facts beside the cells: page header lines, title, notes, pages, layout.

Layout facts the table reader joins parts by: column widths, a paragraph's style
and whether it is bold throughout (a heading set by hand).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from parsers.model import Footnote
from parsers.word_package import parse_part

Element = Any


def part_xml(path: Path, part: Any) -> Element | None:
    """A part's XML: python-docx's parsed element (checked on opening), else its bytes parsed."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    return element if element is not None else parse_part(path, part)


def header_lines(path: Path, part: Any) -> tuple[str, ...]:
    """The distinct lines of the document's page headers, in order."""
    lines: list[str] = []
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/header"):
            continue
        root = part_xml(path, rel.target_part)
        for p in root.iter(qn("w:p")) if root is not None else ():
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text and text not in lines:
                lines.append(text)
    return tuple(lines)


def core_title(document: Any) -> tuple[str, ...]:
    """The title in the document's properties, if it has one."""
    title = (document.core_properties.title or "").strip()
    return (title,) if title else ()


def footnotes(
    path: Path, related: dict[str, Any], cell_notes: dict[str, str]
) -> tuple[Footnote, ...]:
    """Footnotes and endnotes, each with the text of the cell its mark is in (``cell_notes``)."""
    out = []
    for kind in ("footnote", "endnote"):
        root = part_xml(path, related.get(f"{kind}s"))
        if root is None:
            continue
        for note in root.iter(qn(f"w:{kind}")):
            note_id = note.get(qn("w:id"))
            if note.get(qn("w:type")) in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            text = " ".join(
                "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                for p in note.iter(qn("w:p"))
            )
            out.append(
                Footnote(f"{kind}:{note_id}", text.strip(), cell_notes.get(f"{kind}:{note_id}", ""))
            )
    return tuple(out)


def page_count(path: Path) -> int:
    """Pages as Word last counted them (``docProps/app.xml``), or 0 when unknown."""
    try:
        with zipfile.ZipFile(path) as zf:
            app = zf.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    match = re.search(r"<(?:\w+:)?Pages>(\d+)<", app)
    return int(match.group(1)) if match else 0


def column_widths(tbl: Element) -> list[int]:
    """The table's grid column widths (twips), empty when Word did not write them."""
    out = []
    for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"):
        try:
            out.append(int(col.get(qn("w:w"), "")))
        except ValueError:
            return []
    return out


def paragraph_style(p: Element) -> str:
    """A paragraph's style id (``Heading2``), ``""`` for the default."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return "" if style is None else str(style.get(qn("w:val"), ""))


def is_bold(p: Element) -> bool:
    """Every run with text is bold (``w:b`` not switched off): a heading set by hand."""
    runs = [
        r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()
    ]
    return bool(runs) and all(_switched_on(r.find(f"{qn('w:rPr')}/{qn('w:b')}")) for r in runs)


def _switched_on(flag: Element | None) -> bool:
    return flag is not None and flag.get(qn("w:val"), "true").lower() not in ("0", "false", "off")
