"""PDF parser: one workplan table rebuilt across pages, from any producer.

``parse(path) -> RawDocument``. Ruled tables are read from their drawn lines
(pdfplumber's line strategy, once per page); a document with no ruled
workplan table is read from text alignment anchored on its header
(``parsers.pdf_text_table``). Repeated header rows and page furniture are
dropped, a row cut by a page break is rejoined, and each cell keeps its page.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from parsers.colour_key import key_entries
from parsers.dates import saved_at_pdf
from parsers.errors import DocumentError, head_of
from parsers.header import find_header, is_repeated_header
from parsers.model import Provenance, RawCell, RawDocument, RawTable, Role
from parsers.pdf_notes import Span, footnotes_and_trailing
from parsers.pdf_page import Line, Page, PageCell, PageTable, join_line, read_page
from parsers.pdf_tagged import TaggedCell, TaggedTable, read_tagged, structure_tree, tagged_tables
from parsers.pdf_text_table import TextTable, text_tables
from parsers.status_column import mark_status_column

log = logging.getLogger(__name__)

# Workplans run to a few dozen pages; a 500-page PDF is something else, and
# reading it all would stall the batch.
MAX_PAGES = 200
_ACTION_ID = re.compile(r"^\s*\d+(?:\.\d+)+\s*[a-z]?\b")
# Sentence ends; a colon is not one (it announces a list that carries on).
_TERMINAL = re.compile(r"[.!?;)\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:•|[a-z]\)|\([a-z]\)|-\s)")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Cell:
    text: str | None
    fill: str | None
    pages: set[int]
    row_span: int = 1
    col_span: int = 1
    marks: tuple[str, ...] = ()


@dataclass(slots=True)
class _Table:
    header: tuple[str, ...]
    roles: tuple[Role, ...]
    columns: tuple[float, ...]
    rows: list[list[_Cell]] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    last_page: int = 0
    method: str = "lines"
    top: float = 0.0
    header_rows: int = 1
    extents: dict[int, tuple[float, float]] = field(default_factory=dict)
    header_marks: dict[str, str] = field(default_factory=dict)  # footnote mark -> header label


def parse(path: Path) -> RawDocument:
    """Read a PDF workplan.

    Raises ``DocumentError`` for an encrypted, empty, damaged or image-only
    PDF, or one with no workplan table.
    """
    pages, tagged, modified = _read_pages(path)
    if not any(p.chars for p in pages):
        if any(p.images for p in pages):
            raise DocumentError(
                path, "scanned image: no text to read (run it through OCR and drop it in again)"
            )
        raise DocumentError(path, "no text layer: the PDF has no text to read")
    furniture = _furniture(pages)
    table, key_pairs, notes = _assemble(pages, furniture)
    if table is None and tagged is not None:
        table = _from_tagged(tagged)
    if table is None:
        table = _from_text(text_tables(pages, furniture))
    if table is None:
        raise DocumentError(
            path,
            "no workplan table found (no header with Action and Lead, Impact or Timeframe columns)",
        )
    raw = _freeze(table, path)
    first = pages[min(table.pages, default=1) - 1]
    title = [ln.text for ln in first.lines if ln.bottom <= table.top + 1 and ln.text]
    anchors = dict(table.header_marks)
    for row in table.rows:
        for cell in row:
            for mark in cell.marks:
                anchors.setdefault(mark, cell.text or "")
    footnotes, trailing = footnotes_and_trailing(
        pages,
        lambda line: _is_furniture(line, furniture),
        Span(min(table.pages, default=1), max(table.pages, default=0), table.extents),
        anchors,
    )
    return RawDocument(
        path=str(path),
        format="pdf",
        pages=len(pages),
        title_lines=tuple(title),
        tables=(raw,),
        colour_key=key_entries(key_pairs),
        footnotes=footnotes,
        page_lines=tuple(sorted(furniture)),
        trailing_text=trailing,
        notes=tuple(notes),
        modified=modified,
    )


def _read_pages(
    path: Path,
) -> tuple[list[Page], list[TaggedTable] | None, datetime | None]:
    """Every page, read once; the tables of the structure tree when the PDF is tagged; its date."""
    if b"%PDF" not in head_of(path):
        raise DocumentError(
            path, "not a PDF file (no %PDF header): export the workplan as PDF and drop it in again"
        )
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise DocumentError(path, "the PDF has no pages")
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(
                    path, f"{len(pdf.pages)} pages: too long for a workplan (limit {MAX_PAGES})"
                )
            tree = structure_tree(pdf.doc, {p.page_obj.pageid: p.page_number for p in pdf.pages})
            table_nodes = tagged_tables(tree)
            out = []
            chars: dict[tuple[int, int], list[dict[str, Any]]] = {}
            for page in pdf.pages:
                out.append(read_page(page))
                if table_nodes:  # keep characters by marked content only for a tagged table
                    for char in page.chars:
                        if char.get("mcid") is not None:
                            chars.setdefault((page.page_number, int(char["mcid"])), []).append(char)
                page.close()
            fills = {p.number: p.fills for p in out}
            tagged = [
                t for node in table_nodes if (t := read_tagged(node, chars, fills)) is not None
            ]
            return out, tagged or None, saved_at_pdf(pdf.metadata)
    except PdfminerException as e:
        if _caused_by(e, PDFPasswordIncorrect):
            raise DocumentError(
                path, "encrypted PDF: remove the password and drop it in again"
            ) from e
        raise DocumentError(
            path, f"damaged PDF ({e.__cause__ or e}): export it again and drop it in"
        ) from e
    except DocumentError:
        raise
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        PSException,
    ) as e:
        # pdfminer raises plain Python errors on truncated or malformed files, and its
        # own (PSException) where pdfplumber does not wrap it: the structure tree
        raise DocumentError(
            path, f"damaged PDF ({type(e).__name__}: {e}): export it again and drop it in"
        ) from e


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _furniture(pages: list[Page]) -> set[str]:
    """Lines repeated at the same place on several pages: page headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        for line in {
            (_DIGITS.sub("#", ln.text), round(ln.top / 4)) for ln in page.lines_outside_tables()
        }:
            seen[line] += 1
    repeated = {text for (text, _), n in seen.items() if n >= 2 and text.strip()}
    return repeated


def _is_furniture(line: Line, furniture: set[str]) -> bool:
    return _DIGITS.sub("#", line.text) in furniture


def _header_marks(
    rows: Sequence[Sequence[PageCell | TaggedCell | None]], labels: Sequence[str]
) -> dict[str, str]:
    """Footnote marks taken off header cells, each with its column's label (``1`` -> ``Themes``)."""
    marks: dict[str, str] = {}
    for row in rows:
        for k, cell in enumerate(row):
            if cell is None:
                continue
            for mark in cell.marks:
                marks.setdefault(mark, labels[k] if k < len(labels) else cell.text or "")
    return marks


def _texts(table: PageTable) -> list[list[str | None]]:
    return [[c.text if c else None for c in row] for row in table.rows]


def _assemble(
    pages: list[Page], furniture: set[str]
) -> tuple[_Table | None, list[tuple[str, str | None]], list[str]]:
    """Join the ruled workplan table's parts page by page."""
    current: _Table | None = None
    key_pairs: list[tuple[str, str | None]] = []
    notes: list[str] = []
    for page in pages:
        for index, part in enumerate(page.tables):
            texts = _texts(part)
            header = find_header(texts)
            continues = current is not None and index == 0 and page.number == current.last_page + 1
            if current is None and header is not None:
                current = _Table(
                    header.labels,
                    header.roles,
                    part.columns,
                    top=part.bbox[1],
                    header_rows=header.rows,
                )
                current.header_marks = _header_marks(part.rows[: header.rows], header.labels)
                _append(current, part, page.number, header.rows, split_check=False)
            elif (
                current is not None
                and continues
                and (header is not None or _aligned(current, part))
            ):
                # a repeated header has the rows it had on the first page, no more
                skip = current.header_rows if header is not None else 0
                if not skip and texts and is_repeated_header(texts[0], current.header):
                    skip = 1
                _append(current, part, page.number, skip, split_check=True)
            else:
                pairs = [(c.text, c.fill) for row in part.rows for c in row if c]
                if key_entries(pairs):
                    key_pairs.extend(pairs)
                    notes.append(f"page {page.number}: colour key")
                elif current is None or page.number > current.last_page:
                    first = next(
                        (c.text for row in part.rows for c in row if c and c.text.strip()), ""
                    )
                    notes.append(
                        f"page {page.number}: not a workplan table ({' '.join(first.split())[:40]})"
                    )
    return current, key_pairs, notes


def _aligned(table: _Table, part: PageTable) -> bool:
    """A headerless table part with the same column edges continues the table."""
    if len(part.columns) != len(table.columns):
        return False
    return all(abs(a - b) <= 3 for a, b in zip(part.columns, table.columns, strict=True))


def _append(table: _Table, part: PageTable, page: int, skip: int, *, split_check: bool) -> None:
    width = len(table.roles)
    for k, row in enumerate(part.rows[skip:]):
        cells = [_cell(c, page) for c in row][:width]
        cells += [_Cell("", None, {page}) for _ in range(width - len(cells))]
        if split_check and k == 0 and table.rows and _is_split_continuation(table, cells):
            _join_rows(table, cells, page)
            continue
        table.rows.append(cells)
    table.pages.add(page)
    table.last_page = page
    top, bottom = table.extents.get(page, (part.bbox[1], part.bbox[3]))
    table.extents[page] = (min(top, part.bbox[1]), max(bottom, part.bbox[3]))


def _cell(cell: PageCell | None, page: int) -> _Cell:
    if cell is None:
        return _Cell(None, None, {page})
    return _Cell(cell.text, cell.fill, {page}, cell.row_span, cell.col_span, cell.marks)


def _is_split_continuation(table: _Table, cells: list[_Cell]) -> bool:
    """The top row of a page that only carries on the row above, cut by the page break.

    It has no action id, and either starts in lower case, has an empty action,
    or the row above stops mid-sentence.
    """
    if Role.ACTION not in table.roles:
        return False
    col = table.roles.index(Role.ACTION)
    text = (cells[col].text or "").strip()
    if _ACTION_ID.match(text):
        return False
    above = _origin(table, len(table.rows) - 1, col).text or ""
    impact_col = table.roles.index(Role.IMPACT) if Role.IMPACT in table.roles else None
    if impact_col is not None and re.match(r"^\s*\d+\.?\s", cells[impact_col].text or ""):
        return False  # a numbered Impact starts a new priority
    return (
        not text or text[0].islower() or bool(_LIST_ITEM.match(text)) or not _TERMINAL.search(above)
    )


def _origin(table: _Table, row: int, col: int) -> _Cell:
    """The cell that covers ``(row, col)``: itself, or the merged cell above it."""
    while row > 0 and table.rows[row][col].text is None:
        row -= 1
    return table.rows[row][col]


def _join_rows(table: _Table, cells: list[_Cell], page: int) -> None:
    last = len(table.rows) - 1
    for col, cell in enumerate(cells):
        target = _origin(table, last, col)
        target.pages.add(page)
        if cell.text:
            target.text = join_line(target.text or "", cell.text)
        target.fill = target.fill or cell.fill
        target.marks += cell.marks
        if cell.text is not None and cell.row_span > 1:
            target.row_span += cell.row_span - 1  # the continuation also covered rows below


def _from_tagged(tables: list[TaggedTable]) -> _Table | None:
    """The first tagged table with a workplan header, in the ruled assembler's form."""
    for found in tables:
        texts = [[c.text if c else None for c in row] for row in found.rows]
        header = find_header(texts)
        if header is None:
            continue
        table = _Table(header.labels, header.roles, (), method="tagged", top=found.top, header_rows=header.rows,
                       extents=dict(found.extents),
                       header_marks=_header_marks(found.rows[: header.rows], header.labels))  # fmt: skip
        for row in found.rows[header.rows :]:
            if is_repeated_header([c.text if c else None for c in row], header.labels):
                continue
            table.rows.append(
                [
                    _Cell(None, None, set())
                    if c is None
                    else _Cell(c.text, c.fill, set(c.pages), c.row_span, c.col_span, c.marks)
                    for c in row
                ]
            )
            table.pages |= {p for c in row if c is not None for p in c.pages}
        table.last_page = max(table.pages, default=found.first_page)
        return table
    return None


def _from_text(found: TextTable | None) -> _Table | None:
    """The borderless reader's table in the ruled assembler's form."""
    if found is None:
        return None
    table = _Table(
        found.header,
        found.roles,
        (),
        method="text",
        pages=set(found.pages),
        top=found.top,
        extents=dict(found.extents),
    )
    table.rows = [[_Cell(c.text, c.fill, set(c.pages)) for c in row] for row in found.rows]
    _spans(table)
    return table


def _spans(table: _Table) -> None:
    """Give each merged cell the row span of the ``None`` positions under it."""
    for col in range(len(table.roles)):
        origin: _Cell | None = None
        for row in table.rows:
            if row[col].text is None and origin is not None:
                origin.row_span += 1
            else:
                origin = row[col]


def _freeze(table: _Table, path: Path) -> RawTable:
    rows = tuple(
        tuple(
            RawCell(
                c.text,
                Provenance(path.name, 0, r, k, tuple(sorted(c.pages))),
                c.row_span,
                c.col_span,
                c.fill,
            )
            for k, c in enumerate(row)
        )
        for r, row in enumerate(table.rows)
    )
    roles = mark_status_column(table.roles, table.header, rows)
    return RawTable(0, roles, table.header, rows, table.method, tuple(sorted(table.pages)))
