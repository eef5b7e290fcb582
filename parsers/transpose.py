"""Tables written sideways: field names down the first column, one action per column.

Some plans lay each action out as a column (``Ref | 1.1 | 1.2``, ``What we
will do | ... | ...``, ``Who will lead | ...``). Such a grid is turned a
quarter turn before its header is read, so every reader and rule after it
sees the usual one action per row. Only the structure decides: the first
column must read as a workplan header, and name more of the register's
columns than any header row does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.header import find_header, header_roles, role_of
from parsers.model import GridCell, Role
from parsers.pdf_page import PageCell, PageTable

# A sideways header names at least this many of the register's columns, so a
# first column that happens to hold "Action" and one more word is not enough.
_MIN_SIDEWAYS_ROLES = 3


def is_sideways(texts: Sequence[Sequence[str | None]]) -> bool:
    """Whether a grid's first column, not its first rows, is its header.

    >>> is_sideways([["Ref", "1.1", "1.2"], ["What we will do", "Run a", "Hold b"],
    ...              ["Who will lead", "Ann", "Bo"], ["Timescale", "May 2025", "June 2025"]])
    True
    >>> is_sideways([["Ref", "Action", "Lead"], ["1.1", "Run a", "Ann"]])
    False
    """
    if len(texts) < 2 or any(not row for row in texts):
        return False
    column = [row[0] for row in texts]
    sideways = header_roles(column)
    if sideways is None:
        return False
    named = {r for r in sideways if r is not Role.OTHER}
    if len(named) < _MIN_SIDEWAYS_ROLES:
        return False
    upright = find_header(texts)
    named_upright = {r for r in upright.roles if r is not Role.OTHER} if upright else set()
    return len(named) > len(named_upright)


def turned(grid: Sequence[Sequence[GridCell]]) -> list[list[GridCell]]:
    """The grid turned so its columns are rows; merges turn with it.

    >>> g = [[GridCell("Ref", None, set()), GridCell("1.1", None, set())],
    ...      [GridCell("Action", None, set(), col_span=2), GridCell(None, None, set())]]
    >>> [[(c.text, c.row_span, c.col_span) for c in row] for row in turned(g)]
    [[('Ref', 1, 1), ('Action', 2, 1)], [('1.1', 1, 1), (None, 1, 1)]]
    """
    width = max(len(row) for row in grid)
    out: list[list[GridCell]] = []
    for k in range(width):
        row = []
        for source in grid:
            cell = source[k] if k < len(source) else GridCell(None, None, set())
            row.append(
                GridCell(
                    cell.text,
                    cell.fill,
                    set(cell.pages),
                    cell.col_span,
                    cell.row_span,
                    cell.marks,
                    cell.nested,
                )
            )
        out.append(row)
    return out


def turned_part(part: PageTable) -> PageTable:
    """A ruled PDF table part turned as ``turned`` turns a grid.

    Its column edges become the edges of the rows it had, top to bottom.
    """
    width = max((len(row) for row in part.rows), default=0)
    rows = tuple(
        tuple(_swapped(row[k]) if k < len(row) else None for row in part.rows) for k in range(width)
    )
    tops = [min(c.bbox[1] for c in row if c is not None) for row in part.rows if any(row)]
    edges = (*tops, part.bbox[3]) if tops else part.columns
    return replace(part, rows=rows, columns=tuple(edges))


def _swapped(cell: PageCell | None) -> PageCell | None:
    return None if cell is None else replace(cell, row_span=cell.col_span, col_span=cell.row_span)


# The code that ends a card's title (``Action 1.1``, ``Ref SV2``): the action's id.
_TITLE_CODE = re.compile(r"(?:^|\s)(?P<code>[A-Z]{0,4}-?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)\s*$")


def card_id(texts: Sequence[Sequence[str | None]]) -> str | None:
    """The id in a sideways card's title row, or ``None`` when the grid is no such card.

    A card is a sideways table (``is_sideways`` of the rows below) whose first
    row is one cell merged across it, a title ending in a code.

    >>> card_id([["Action 1.1", None], ["What we will do:", "Run a"], ["Lead:", "Ann"],
    ...          ["By when:", "May 2025"]])
    '1.1'
    >>> card_id([["Ref", "1.1"], ["What we will do:", "Run a"]]) is None
    True
    """
    if len(texts) < 2 or not texts[0] or any(t is not None for t in texts[0][1:]):
        return None
    match = _TITLE_CODE.search(texts[0][0] or "")
    if match is None or not is_sideways(texts[1:]):
        return None
    return match["code"]


def with_card_id(grid: Sequence[Sequence[GridCell]], code: str) -> list[list[GridCell]]:
    """A card's grid with its title row made a field row: an unlabelled id and its code."""
    first = grid[0][0]
    row = [
        GridCell("", None, set(first.pages)),
        GridCell(code, None, set(first.pages), marks=first.marks),
    ]
    row += [GridCell(None, None, set(first.pages)) for _ in grid[0][2:]]
    return [row, *(list(r) for r in grid[1:])]


def part_with_card_id(part: PageTable, code: str) -> PageTable:
    """A card's PDF part with its title row made a field row, as ``with_card_id``."""
    first = part.rows[0][0]
    assert first is not None  # card_id found its title there
    # the title's shading dresses the card, it is no status
    row: tuple[PageCell | None, ...] = (
        replace(first, text="", col_span=1, marks=(), fill=None),
        replace(first, text=code, col_span=1, fill=None),
        *(None for _ in part.rows[0][2:]),
    )
    return replace(part, rows=(row, *part.rows[1:]))


# Column edges of two parts of one table cut by a page break agree this closely (pt).
_EDGE_TOLERANCE = 3.0


def _sideways_whole(texts: Sequence[Sequence[str | None]]) -> bool:
    return is_sideways(texts) or card_id(texts) is not None


def rejoin_cut(
    first: PageTable, second: PageTable, text_of: Callable[[PageTable], list[list[str | None]]]
) -> PageTable | None:
    """One sideways table (or action card) cut by a page break, put back together.

    ``first`` ends one page and ``second`` opens the next, with the same column
    edges; together (less a first row ``second`` repeats) they read as a
    sideways table that ``first`` alone does not. ``None`` when they do not.
    """
    if len(first.columns) != len(second.columns) or not first.rows or not second.rows:
        return None
    if any(
        abs(a - b) > _EDGE_TOLERANCE for a, b in zip(first.columns, second.columns, strict=True)
    ):
        return None
    head, rest = text_of(first), text_of(second)
    skip = 1 if rest and head and rest[0] == head[0] else 0  # a repeated first row
    if not skip and _sideways_whole(rest):
        return None  # the next page opens a table of its own
    if _sideways_whole(head):
        # the rest of it: field rows whose labels name the register's columns
        labels = [row[0] for row in rest[skip:] if row and (row[0] or "").strip()]
        if not labels or any(role_of(label or "") is Role.OTHER for label in labels):
            return None
    elif not _sideways_whole(head + rest[skip:]):
        return None
    # the page break leaves an empty strip of the cut row behind
    kept = tuple(
        row for row in second.rows[skip:] if any(c is not None and c.text.strip() for c in row)
    )
    return replace(first, rows=first.rows + kept)
