"""Word (.docx) parser: the workplan table, its merges, colours and the document's facts.

``parse(path) -> RawDocument``. Merged cells are resolved once, here, from the
XML's own grid (``gridSpan``, ``vMerge``, ``gridBefore``/``gridAfter``);
covered positions are ``None``, empty cells ``""``.

A workplan written as several Word tables (one per priority, or continued
without its header) is one ``RawTable``: a table with the same number of
columns and a workplan header joins it; one without a header joins it when it
follows at once, or after short paragraphs only and with the same column
widths. The heading paragraphs (or one-cell banner tables) before the parts
are ``RawTable.headings`` (``parsers.word_headings``), as are title rows
merged across above a part's header (``Header.titles``). A table nested in a
cell is rendered into the cell's text, one ``• `` line per row
(``parsers.word_nested``), and the cell is marked ``nested``. The workplan
table is built as the shared ``parsers.model.Grid`` and frozen by
``parsers.grid.freeze``, as every PDF strategy's is; a Gantt strip of shaded
quarters or months then becomes the timeframe (``parsers.columns.read_timeline``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from parsers.colour_key import key_entries, row_lines
from parsers.dates import saved_at_word
from parsers.errors import DocumentError
from parsers.grid import freeze
from parsers.header import Header, find_header, is_repeated_header
from parsers.model import Grid, GridCell, RawDocument, RawTable, Role
from parsers.paragraph_plan import Paragraph, paragraph_grid
from parsers.transpose import card_id, is_sideways, turned, with_card_id
from parsers.widen import id_key, more_columns
from parsers.word_facts import (
    column_widths,
    core_title,
    footnotes,
    header_lines,
    is_bold,
    page_count,
    paragraph_style,
    part_xml,
)
from parsers.word_headings import BANNER_STYLE, Para, before, between, is_short, short_run
from parsers.word_nested import nested_lines
from parsers.word_package import open_document
from parsers.word_text import (
    Numbering,
    cell_fill,
    marked_labels,
    paragraph_text,
    shaded_labels,
    theme_colours,
)
from parsers.word_xml import blocks, cells_of, int_val, rows_of

log = logging.getLogger(__name__)

Element = Any
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass(slots=True)
class _Context:
    numbering: Numbering
    theme: dict[str, str]


@dataclass(slots=True)
class _Part:
    """The workplan table being joined from one or more Word tables."""

    grid: list[list[GridCell]]  # the first table's header rows, then every body row
    header: Header
    widths: list[int]
    before: list[Para]  # the paragraphs before the first table
    title: bool  # the first of them is the document's title
    headings: list[tuple[int, Para]] = field(default_factory=list)
    # title rows merged across above a part's header (``Header.titles``), by body row
    titles: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.titles.extend((0, t) for t in self.header.titles)

    @property
    def width(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def add(
        self, rows: list[list[GridCell]], headings: list[Para], titles: tuple[str, ...] = ()
    ) -> None:
        at = len(self.grid) - self.header.rows
        self.headings.extend((at, p) for p in headings)
        self.titles.extend((at, t) for t in titles)
        self.grid.extend(rows)

    def widen(self, grid: list[list[GridCell]]) -> bool:
        """Join a table that carries more columns of these rows (``parsers.widen``)."""
        body = self.grid[self.header.rows :]
        found = more_columns(self.header, [_texts(r) for r in body], [_texts(r) for r in grid])
        if found is None:
            return False
        header, new, rows = found
        id_col = self.header.roles.index(Role.ID)
        for row in body:
            source = (
                grid[rows[id_key(row[id_col].text)]] if id_key(row[id_col].text) in rows else []
            )
            row.extend(source[k] if k < len(source) else GridCell("", None, set()) for k in new)
        for row in self.grid[: self.header.rows]:
            row.extend(grid[0][k] for k in new)
        self.header, self.widths = header, []
        return True

    def freeze(self, index: int, path: Path) -> RawTable:
        """The joined table as the shared ``Grid``, repeated header rows dropped, frozen."""
        first = [p for at, p in self.headings if at == self.headings[0][0]] if self.headings else []
        paras = self.before if self.title else [Para(""), *self.before]
        heads = [(0, p.text) for p in before(paras, first)]
        heads += [(at, p.text) for at, p in self.headings]
        # a title row inside the table comes after the paragraphs before it
        heads = sorted(heads + self.titles, key=lambda h: h[0])
        body = self.grid[self.header.rows :]
        kept = [not is_repeated_header(_texts(row), self.header.labels) for row in body]
        grid = Grid(
            self.header.labels,
            self.header.roles,
            (),
            rows=[row for row, keep in zip(body, kept, strict=True) if keep],
            method="docx",
            header_rows=self.header.rows,
            # a heading's row counts the rows kept before it (repeated headers are dropped)
            headings=[(sum(kept[:at]), text) for at, text in heads],
            spans=self.header.spans,
            wide=self.header.wide,
            index=index,
        )
        return freeze(grid, path)


def _continues(part: _Part, tbl: Element, pending: list[Para]) -> bool:
    """A table without a header, with the workplan's columns, continues it: right
    after it, or after headings only when its column widths are the workplan's."""
    if not pending:
        return True
    if len(short_run(pending)) != len(pending):
        return False
    widths = column_widths(tbl)
    if not widths or not part.widths or len(widths) != len(part.widths):
        return not widths or not part.widths
    tolerance = _WIDTH_TOLERANCE * sum(part.widths)
    return all(abs(a - b) <= tolerance for a, b in zip(widths, part.widths, strict=True))


# Column widths of a table continued after a heading differ by a rounding at most;
# another table of the same column count is rarely laid out within 5% of it.
_WIDTH_TOLERANCE = 0.05
# A banner (one-cell table) used as a heading holds a line, not a paragraph.
_MAX_BANNER_ROWS = 2


def _banner(grid: list[list[GridCell]]) -> str | None:
    """The text of a one-cell table (a heading written as a banner), else ``None``."""
    texts = [c.text for row in grid for c in row if c.text and c.text.strip()]
    if len(grid) > _MAX_BANNER_ROWS or len(texts) != 1:
        return None
    para = Para(" ".join(texts[0].split()), BANNER_STYLE)
    return para.text if is_short(para) else None


def _spans(grid: list[list[GridCell]]) -> list[list[int]]:
    return [[c.col_span for c in row] for row in grid]


def _texts(row: list[GridCell]) -> list[str | None]:
    return [c.text for c in row]


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
    body = list(blocks(part.element.find(qn("w:body"))))
    paragraphs_before: list[str] = []
    paragraphs_after: list[str] = []
    tables: list[RawTable] = []
    key_pairs: list[tuple[str, str | None]] = []
    notes: list[str] = []
    loose: list[str] = []
    written: list[Paragraph] = []  # every paragraph, for a plan written without a table
    others: list[list[list[GridCell]]] = []  # the tables that are no workplan table
    cell_notes: dict[str, str] = {}
    current: _Part | None = None
    pending: list[Para] = []  # paragraphs (and one-cell tables) since the last table
    titled = True  # no table yet (banners aside): pending starts with the title
    table_index = -1
    for kind, el in body:
        if kind == "p":
            text = paragraph_text(el, ctx.numbering, [])
            fill = cell_fill(el, ctx.theme)
            if text.strip():
                written.append(Paragraph(text.strip()))
                key_pairs.append((text, fill))
                key_pairs.extend(marked_labels(el, ctx.theme))
                key_pairs.extend(shaded_labels(el, ctx.theme))
                (paragraphs_after if tables or current else paragraphs_before).append(text)
                pending.append(Para(text.strip(), paragraph_style(el), is_bold(el)))
            continue
        table_index += 1
        grid = _grid(el, ctx)
        texts = [_texts(row) for row in grid]
        code = card_id(texts)
        if code is not None:  # an action card: its title carries the id
            grid = with_card_id(grid, code)
            texts = [_texts(row) for row in grid]
        if is_sideways(texts):  # one action per column: turn it to one per row
            grid = turned(grid)
            texts = [_texts(row) for row in grid]
        header = find_header(texts, col_spans=_spans(grid))
        width = len(grid[0]) if grid else 0
        same = current is not None and width == current.width
        banner = None
        if header is not None and current is not None and same:
            # another workplan table with the same columns: one per priority or page
            current.add(grid[header.rows :], between(pending), header.titles)
            paragraphs_after.clear()
        elif header is not None:
            if current is not None:
                tables.append(current.freeze(len(tables), path))
            current = _Part(grid, header, column_widths(el), pending, title=titled)
            paragraphs_after.clear()
        elif current is not None and not same and current.widen(grid):
            paragraphs_after.clear()  # the rest of the same rows, printed beside them
        elif current is not None and same and _continues(current, el, pending):
            start = 1 if grid and is_repeated_header(texts[0], current.header.labels) else 0
            current.add(grid[start:], between(pending))
            paragraphs_after.clear()
        else:
            pairs = [(c.text, c.fill) for row in grid for c in row if c.text is not None]
            banner = _banner(grid)
            if key_entries(pairs):
                key_pairs.extend(pairs)
                notes.append(f"table {table_index + 1}: colour key")
            else:
                first = next((c.text for row in grid for c in row if c.text and c.text.strip()), "")
                notes.append(f"table {table_index + 1}: not a workplan table ({_short(first)})")
                loose.extend(row_lines(texts))
                others.append(grid)
        pending = [*pending, Para(banner, BANNER_STYLE)] if banner else []
        titled = titled and banner is not None
        for row in grid:
            for c in row:
                for note in c.marks:
                    cell_notes[note] = c.text or ""
    if current is not None:
        tables.append(current.freeze(len(tables), path))
    if not tables:  # a plan may write its actions as paragraphs
        written_plan = paragraph_grid(written, others)
        if written_plan is not None:
            tables.append(freeze(written_plan, path))
            notes.append("actions read from numbered paragraphs (no table of actions)")
    if not tables:
        raise DocumentError(
            path,
            "no workplan table found (no header with Action and Lead, Impact or Timeframe columns)",
        )
    return RawDocument(
        path=str(path),
        format="docx",
        pages=page_count(path),
        title_lines=tuple(paragraphs_before) + header_lines(path, part) + core_title(document),
        tables=tuple(tables),
        colour_key=key_entries(key_pairs),
        footnotes=footnotes(path, related, cell_notes),
        trailing_text=tuple(paragraphs_after),
        notes=tuple(notes),
        loose_text=tuple(loose),
        modified=saved_at_word(document.core_properties),
    )


def read_grids(path: Path) -> list[list[list[str | None]]]:
    """Every top-level body table's grid as text, workplan or not (``None`` = covered).

    For checking the grid reader against other tools' known cells.
    """
    document = open_document(path)
    part = document.part
    ctx = _context(path, _related(part))
    tables = [el for kind, el in blocks(part.element.find(qn("w:body"))) if kind == "tbl"]
    return [[_texts(row) for row in _grid(t, ctx)] for t in tables]


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
            part_xml(path, related.get("numbering")), part_xml(path, related.get("styles"))
        ),
        theme_colours(part_xml(path, related.get("theme"))),
    )


def _grid(tbl: Element, ctx: _Context) -> list[list[GridCell]]:
    """Lay the table's cells on its grid; covered positions have ``text`` ``None``."""
    placed: list[list[tuple[int, int, str | None, Element]]] = []
    width = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for tr in rows_of(tbl):
        trpr = tr.find(qn("w:trPr"))
        col = int_val(trpr.find(qn("w:gridBefore")) if trpr is not None else None, 0)
        row = []
        for tc in cells_of(tr):
            tcpr = tc.find(qn("w:tcPr"))
            span = max(1, int_val(tcpr.find(qn("w:gridSpan")) if tcpr is not None else None, 1))
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            merge = None if vmerge is None else vmerge.get(qn("w:val"), "continue")
            row.append((col, span, merge, tc))
            col += span
        after = int_val(trpr.find(qn("w:gridAfter")) if trpr is not None else None, 0)
        width = max(width, col + after)
        placed.append(row)
    grid: list[list[GridCell]] = []
    origins: dict[int, GridCell] = {}
    for row in placed:
        cells = [GridCell("", None, set()) for _ in range(width)]
        for col, span, merge, tc in row:
            if merge == "continue" and col in origins:
                origins[col].row_span += 1
                for c in range(col, min(col + span, width)):
                    cells[c] = GridCell(None, None, set())
                continue
            cell = _cell(tc, span, ctx)
            cells[col] = cell
            for c in range(col + 1, min(col + span, width)):
                cells[c] = GridCell(None, None, set())
            for c in range(col, col + span):
                origins.pop(c, None)
            if merge is not None:
                origins[col] = cell
        for c in range(width):
            if not any(col <= c < col + span for col, span, _, _ in row):
                origins.pop(c, None)
        grid.append(cells)
    return grid


def _cell(tc: Element, span: int, ctx: _Context) -> GridCell:
    """A cell's text (paragraphs, a nested table's rows, content controls), fill and marks."""
    notes: list[str] = []
    lines: list[str] = []
    nested = False
    for child in tc:
        if child.tag == qn("w:p"):
            lines.append(paragraph_text(child, ctx.numbering, notes))
        elif child.tag == qn("w:tbl"):
            # a table of sub-actions: one line per row (see parsers.word_nested)
            nested = True
            inner = _grid(child, ctx)
            lines.extend(nested_lines([_texts(r) for r in inner], _spans(inner)))
            notes.extend(note for r in inner for c in r for note in c.marks)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            for p in (content if content is not None else child).iter(qn("w:p")):
                lines.append(paragraph_text(p, ctx.numbering, notes))
    while lines and not lines[-1].strip():
        lines.pop()
    fill = cell_fill(tc, ctx.theme)
    return GridCell("\n".join(lines), fill, set(), col_span=span, marks=tuple(notes), nested=nested)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."
