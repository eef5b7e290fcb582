"""Word (.docx) parser: the workplan table, its merges, colours and the document's facts.

``parse(path) -> RawDocument``. Merged cells are resolved once, here, from the
XML's own grid (``gridSpan``, ``vMerge``, ``gridBefore``/``gridAfter``);
covered positions are ``None``, empty cells ``""``.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from parsers.colour_key import key_entries
from parsers.dates import saved_at_word
from parsers.errors import DocumentError
from parsers.header import Header, find_header, is_repeated_header
from parsers.model import Footnote, Provenance, RawCell, RawDocument, RawTable
from parsers.status_column import mark_status_column
from parsers.word_package import open_document, parse_part
from parsers.word_text import Numbering, cell_fill, paragraph_text, theme_colours

log = logging.getLogger(__name__)

Element = Any
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass(slots=True)
class _Cell:
    """A cell while the grid is built; frozen into ``RawCell`` at the end."""

    text: str
    fill: str | None
    row: int
    col: int
    col_span: int
    row_span: int = 1
    nested: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Context:
    numbering: Numbering
    theme: dict[str, str]


def parse(path: Path) -> RawDocument:
    """Read a Word workplan.

    Raises ``DocumentError`` for a legacy ``.doc``, a password-protected or
    damaged file, something that is not a Word package, or a document with no
    workplan table.
    """
    document = open_document(path)
    part = document.part
    related = _related(part)
    ctx = _context(path, related)
    blocks = list(_blocks(part.element.find(qn("w:body"))))
    paragraphs_before: list[str] = []
    paragraphs_after: list[str] = []
    tables: list[RawTable] = []
    key_pairs: list[tuple[str, str | None]] = []
    notes: list[str] = []
    cell_notes: dict[str, str] = {}
    current: list[list[_Cell | None]] | None = None
    current_header: Header | None = None
    table_index = -1
    for kind, el in blocks:
        if kind == "p":
            text = paragraph_text(el, ctx.numbering, [])
            fill = cell_fill(el, ctx.theme)
            if text.strip():
                key_pairs.append((text, fill))
                (paragraphs_after if tables or current else paragraphs_before).append(text)
            continue
        table_index += 1
        grid = _grid(el, table_index, ctx)
        texts = [[c.text if c else None for c in row] for row in grid]
        header = find_header(texts)
        width = len(grid[0]) if grid else 0
        if (
            header is not None
            and current is not None
            and current_header
            and width == len(current[0])
        ):
            # another workplan table with the same columns: one per priority or page
            current.extend(grid[header.rows :])
            paragraphs_after.clear()
        elif header is not None:
            if current is not None and current_header:
                tables.append(_freeze(current, current_header, len(tables), path))
            current, current_header = grid, header
            paragraphs_after.clear()
        elif current is not None and width == len(current[0]) and not paragraphs_after:
            head_texts = current_header.labels if current_header else ()
            start = 1 if grid and is_repeated_header(texts[0], head_texts) else 0
            current.extend(grid[start:])
        else:
            pairs = [(c.text, c.fill) for row in grid for c in row if c]
            if key_entries(pairs):
                key_pairs.extend(pairs)
                notes.append(f"table {table_index + 1}: colour key")
            else:
                first = next((c.text for row in grid for c in row if c and c.text.strip()), "")
                notes.append(f"table {table_index + 1}: not a workplan table ({_short(first)})")
        for row in grid:
            for c in row:
                if c:
                    for note in c.notes:
                        cell_notes[note] = c.text
    if current is not None and current_header:
        tables.append(_freeze(current, current_header, len(tables), path))
    if not tables:
        raise DocumentError(
            path,
            "no workplan table found (no header with Action and Lead, Impact or Timeframe columns)",
        )
    return RawDocument(
        path=str(path),
        format="docx",
        pages=_page_count(path),
        title_lines=tuple(paragraphs_before) + _header_lines(path, part) + _core_title(document),
        tables=tuple(tables),
        colour_key=key_entries(key_pairs),
        footnotes=_footnotes(path, related, cell_notes),
        trailing_text=tuple(paragraphs_after),
        notes=tuple(notes),
        modified=saved_at_word(document.core_properties),
    )


def read_grids(path: Path) -> list[list[list[str | None]]]:
    """Every top-level body table's grid as text, workplan or not (``None`` = covered).

    For checking the grid reader against other tools' known cells.
    """
    document = open_document(path)
    part = document.part
    ctx = _context(path, _related(part))
    tables = [el for kind, el in _blocks(part.element.find(qn("w:body"))) if kind == "tbl"]
    return [
        [[c.text if c else None for c in row] for row in _grid(t, i, ctx)]
        for i, t in enumerate(tables)
    ]


def _related(part: Any) -> dict[str, Any]:
    """The document part's related parts by relationship kind (``"styles"``, ``"theme"``...)."""
    return {
        rel.reltype.rsplit("/", 1)[-1]: rel.target_part
        for rel in part.rels.values()
        if not rel.is_external
    }


def _context(path: Path, related: dict[str, Any]) -> _Context:
    return _Context(
        Numbering.from_parts(
            _xml(path, related.get("numbering")), _xml(path, related.get("styles"))
        ),
        theme_colours(_xml(path, related.get("theme"))),
    )


def _xml(path: Path, part: Any) -> Element | None:
    """A part's XML: python-docx's parsed element (checked on opening), else its bytes parsed."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    return element if element is not None else parse_part(path, part)


def _unwrapped(container: Element, tags: frozenset[str]) -> Any:
    """Children with one of ``tags``, looking inside content controls and custom XML."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent"))
            yield from _unwrapped(content if content is not None else child, tags)


_WRAPPERS = frozenset({qn("w:sdt"), qn("w:customXml")})
_BLOCKS = frozenset({qn("w:p"), qn("w:tbl")})


def _blocks(body: Element) -> Any:
    """Body paragraphs and tables in order, as ``("p" | "tbl", element)``."""
    for el in _unwrapped(body, _BLOCKS):
        yield ("p" if el.tag == qn("w:p") else "tbl"), el


def _rows(tbl: Element) -> Any:
    return _unwrapped(tbl, frozenset({qn("w:tr")}))


def _tcs(tr: Element) -> Any:
    return _unwrapped(tr, frozenset({qn("w:tc")}))


def _val(el: Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(qn("w:val"), default))
    except ValueError:
        return default


def _grid(tbl: Element, table: int, ctx: _Context) -> list[list[_Cell | None]]:
    """Lay the table's cells on its grid; covered positions are ``None``."""
    placed: list[list[tuple[int, int, str | None, Element]]] = []
    width = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for tr in _rows(tbl):
        trpr = tr.find(qn("w:trPr"))
        col = _val(trpr.find(qn("w:gridBefore")) if trpr is not None else None, 0)
        row = []
        for tc in _tcs(tr):
            tcpr = tc.find(qn("w:tcPr"))
            span = max(1, _val(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, 1))
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            merge = None if vmerge is None else vmerge.get(qn("w:val"), "continue")
            row.append((col, span, merge, tc))
            col += span
        after = _val(trpr.find(qn("w:gridAfter")) if trpr is not None else None, 0)
        width = max(width, col + after)
        placed.append(row)
    grid: list[list[_Cell | None]] = []
    origins: dict[int, _Cell] = {}
    for r, row in enumerate(placed):
        cells: list[_Cell | None] = [_Cell("", None, r, c, 1) for c in range(width)]
        for col, span, merge, tc in row:
            if merge == "continue" and col in origins:
                origins[col].row_span += 1
                for c in range(col, min(col + span, width)):
                    cells[c] = None
                continue
            cell = _cell(tc, r, col, span, ctx)
            cells[col] = cell
            for c in range(col + 1, min(col + span, width)):
                cells[c] = None
            for c in range(col, col + span):
                origins.pop(c, None)
            if merge is not None:
                origins[col] = cell
        for c in range(width):
            if not any(col <= c < col + span for col, span, _, _ in row):
                origins.pop(c, None)
        grid.append(cells)
    return grid


def _cell(tc: Element, row: int, col: int, span: int, ctx: _Context) -> _Cell:
    notes: list[str] = []
    lines: list[str] = []
    nested = False
    for child in tc:
        if child.tag == qn("w:p"):
            lines.append(paragraph_text(child, ctx.numbering, notes))
        elif child.tag == qn("w:tbl"):
            nested = True
            for tr in _rows(child):
                texts = [
                    " ".join(p_text for p_text in _cell_lines(tc_, ctx, notes)) for tc_ in _tcs(tr)
                ]
                lines.append("\t".join(texts))
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            for p in (content if content is not None else child).iter(qn("w:p")):
                lines.append(paragraph_text(p, ctx.numbering, notes))
    while lines and not lines[-1].strip():
        lines.pop()
    return _Cell(
        "\n".join(lines), cell_fill(tc, ctx.theme), row, col, span, nested=nested, notes=notes
    )


def _cell_lines(tc: Element, ctx: _Context, notes: list[str]) -> list[str]:
    return [paragraph_text(p, ctx.numbering, notes) for p in tc.iter(qn("w:p"))]


def _freeze(grid: list[list[_Cell | None]], header: Header, index: int, path: Path) -> RawTable:
    head = header.labels
    body = [
        row
        for row in grid[header.rows :]
        if not is_repeated_header([c.text if c else None for c in row], head)
    ]
    rows = tuple(
        tuple(
            RawCell(
                None if c is None else c.text,
                Provenance(path.name, index, r, k),
                row_span=c.row_span if c else 1,
                col_span=c.col_span if c else 1,
                fill=c.fill if c else None,
                nested=c.nested if c else False,
            )
            for k, c in enumerate(row)
        )
        for r, row in enumerate(body)
    )
    rows = tuple(tuple(_renumber(cell, r, index) for cell in row) for r, row in enumerate(rows))
    return RawTable(index, mark_status_column(header.roles, head, rows), head, rows, "docx")


def _renumber(cell: RawCell, row: int, table: int) -> RawCell:
    p = cell.provenance
    return RawCell(
        cell.text,
        Provenance(p.file, table, row, p.col),
        cell.row_span,
        cell.col_span,
        cell.fill,
        cell.nested,
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _header_lines(path: Path, part: Any) -> tuple[str, ...]:
    lines: list[str] = []
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/header"):
            continue
        root = _xml(path, rel.target_part)
        for p in root.iter(qn("w:p")) if root is not None else ():
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text and text not in lines:
                lines.append(text)
    return tuple(lines)


def _core_title(document: Any) -> tuple[str, ...]:
    title = (document.core_properties.title or "").strip()
    return (title,) if title else ()


def _footnotes(
    path: Path, related: dict[str, Any], cell_notes: dict[str, str]
) -> tuple[Footnote, ...]:
    out = []
    for kind in ("footnote", "endnote"):
        root = _xml(path, related.get(f"{kind}s"))
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


def _page_count(path: Path) -> int:
    """Pages as Word last counted them (``docProps/app.xml``), or 0 when unknown."""
    try:
        with zipfile.ZipFile(path) as zf:
            app = zf.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    match = re.search(r"<(?:\w+:)?Pages>(\d+)<", app)
    return int(match.group(1)) if match else 0
