"""A table drawn inside a cell of a ruled table, folded back into that cell.

pdfplumber's line strategy sees a nested table's rules as part of the outer
grid: the outer cell keeps its full box (and all the text in it), and the
nested cells add grid rows and columns of their own. Here each cell that
holds others becomes one cell again: its own text, then the nested rows as
lines in the form Word's nested tables give (``parsers.word_nested``), and
the rows and columns that only the nested table made are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.pdf_page import PageCell, PageTable
from parsers.pdf_words import BBox, Line, Word, text_of
from parsers.word_nested import nested_lines

# A nested cell is smaller than the cell holding it by more than this area
# (pt²): the same box found twice is not a nested cell.
_INSET = 1.0


def fold_page(tables: Sequence[PageTable], lines: Sequence[Line]) -> tuple[PageTable, ...]:
    """The page's tables with nested ones folded in: those drawn inside one grid
    (``fold_nested``) and those found as tables of their own inside another's cell."""
    tables = [fold_nested(t, lines) for t in tables]
    inside: dict[int, list[PageTable]] = {}
    for n, table in enumerate(tables):
        for m, other in enumerate(tables):
            if m != n and _holds(other.bbox, table.bbox):
                inside.setdefault(m, []).append(table)
                break
    if not inside:
        return tuple(tables)
    nested_ids = {id(t) for held in inside.values() for t in held}
    out = []
    for m, table in enumerate(tables):
        if id(table) in nested_ids:
            continue
        for held in inside.get(m, []):
            table = _fold_table(table, held, lines)
        out.append(table)
    return tuple(out)


def _fold_table(table: PageTable, held: PageTable, lines: Sequence[Line]) -> PageTable:
    """``held``, a table found inside one of ``table``'s cells, folded into that cell's text."""
    rows = [list(row) for row in table.rows]
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            if cell is None or not _holds(cell.bbox, held.bbox):
                continue
            own = [
                Line(words)
                for ln in lines
                if (words := tuple(w for w in ln.words if _in(w, cell.bbox) and not _in(w, held.bbox)))
            ]  # fmt: skip
            grid = [[c.text if c else None for c in hrow] for hrow in held.rows]
            spans = [[c.col_span if c else 1 for c in hrow] for hrow in held.rows]
            text = "\n".join([text_of(own), *nested_lines(grid, spans)]).strip("\n")
            rows[r][k] = replace(cell, text=text, nested=True)
            return replace(table, rows=tuple(tuple(row) for row in rows))
    return table


def fold_nested(table: PageTable, lines: Sequence[Line]) -> PageTable:
    """``table`` with every nested table folded into the cell that holds it."""
    cells = [(r, k, c) for r, row in enumerate(table.rows) for k, c in enumerate(row) if c]
    # a cell holding a nested table spans the grid lines the nested table adds
    spanning = [(r, k, c) for r, k, c in cells if c.row_span > 1 or c.col_span > 1]
    if not spanning:
        return table
    inner: dict[tuple[int, int], list[tuple[int, int, PageCell]]] = {}
    for r, k, cell in cells:
        outer = [
            (r2, k2, o) for r2, k2, o in spanning if o is not cell and _holds(o.bbox, cell.bbox)
        ]
        if outer:  # the smallest cell holding it is its outer cell
            r2, k2, _ = min(outer, key=lambda item: _area(item[2].bbox))
            inner.setdefault((r2, k2), []).append((r, k, cell))
    if not inner:
        return table
    rows = [list(row) for row in table.rows]
    nested_at: set[tuple[int, int]] = set()
    for (r, k), held in inner.items():
        outer_cell = rows[r][k]
        assert outer_cell is not None
        boxes = [c.bbox for _, _, c in held]
        own = [
            Line(words)
            for ln in lines
            if (words := tuple(w for w in ln.words if _in(w, outer_cell.bbox) and not any(_in(w, b) for b in boxes)))
        ]  # fmt: skip
        grid = _grid(held)
        text = "\n".join([text_of(own), *nested_lines(grid)]).strip("\n")
        rows[r][k] = replace(outer_cell, text=text, nested=True)
        nested_at |= {(r2, k2) for r2, k2, _ in held}
    for r, k in nested_at:
        rows[r][k] = None
    kept = _drop_empty(rows)
    columns = tuple(sorted({round(c.bbox[0], 1) for row in kept for c in row if c}))
    return replace(table, rows=tuple(tuple(row) for row in kept), columns=columns)


def _holds(outer: BBox, cell: BBox) -> bool:
    inside = (
        outer[0] - 0.5 <= cell[0]
        and outer[1] - 0.5 <= cell[1]
        and cell[2] <= outer[2] + 0.5
        and cell[3] <= outer[3] + 0.5
    )
    return inside and _area(cell) < _area(outer) - _INSET


def _area(box: BBox) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _in(word: Word, box: BBox) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _grid(held: Sequence[tuple[int, int, PageCell]]) -> list[list[str | None]]:
    """The nested cells as rows of texts, by their position in the outer grid."""
    rows = sorted({r for r, _, _ in held})
    cols = sorted({k for _, k, _ in held})
    at = {(r, k): c.text for r, k, c in held}
    return [[at.get((r, k)) for k in cols] for r in rows]


def _drop_empty(rows: list[list[PageCell | None]]) -> list[list[PageCell | None]]:
    """Rows and columns where no cell starts any more, and the spans over them, taken out."""
    keep_rows = [r for r, row in enumerate(rows) if any(c is not None for c in row)]
    width = max((len(row) for row in rows), default=0)
    keep_cols = [
        k
        for k in range(width)
        if any(k < len(rows[r]) and rows[r][k] is not None for r in keep_rows)
    ]
    out: list[list[PageCell | None]] = []
    for r in keep_rows:
        row: list[PageCell | None] = []
        for k in keep_cols:
            cell = rows[r][k] if k < len(rows[r]) else None
            if cell is not None:
                row_span = sum(1 for r2 in keep_rows if r <= r2 < r + cell.row_span)
                col_span = sum(1 for k2 in keep_cols if k <= k2 < k + cell.col_span)
                cell = replace(cell, row_span=max(row_span, 1), col_span=max(col_span, 1))
            row.append(cell)
        out.append(row)
    return out
