"""Borderless tables: rebuild the workplan table from text alignment.

Anchored on the header: the header line's chunks (words separated by a wide
gap) give the columns' left edges and their roles. Below it, each line's
words go to the column whose edge they sit at; a row starts where the Action
column starts with an action id (or the Impact with a priority number), or
after a gap wider than the lines within a cell. The table ends at a line
whose words run across a column edge (a paragraph, not a cell).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.header import header_roles, role_of
from parsers.model import Role
from parsers.pdf_page import Line, Page, Word, fill_at, text_of

# Words of one cell are a space apart (~3pt at 10pt); columns are further.
_COLUMN_GAP = 9.0
# Left edges within this distance belong to the same column.
_EDGE_TOLERANCE = 6.0
# A gap this many times the usual line pitch separates two rows.
_ROW_GAP_RATIO = 1.35
_ACTION_ID = re.compile(r"^\s*\d+(?:\.\d+)+\s*[a-z]?\b")
_PRIORITY = re.compile(r"^\s*\d+\.?\s")


@dataclass(slots=True)
class TextCell:
    """A cell read from alignment; ``text`` ``None`` where an Impact above covers it."""

    text: str | None
    pages: set[int]
    fill: str | None = None


@dataclass(slots=True)
class TextTable:
    """A borderless table as read: header, roles, rows, pages."""

    header: tuple[str, ...]
    roles: tuple[Role, ...]
    rows: list[list[TextCell]] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    top: float = 0.0
    extents: dict[int, tuple[float, float]] = field(default_factory=dict)


@dataclass(slots=True)
class _Row:
    lines: list[list[list[Word]]]  # per column, a list of word-lines
    pages: set[int]
    top: float
    bottom: float
    page: int
    boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)


def chunks(line: Line, gap: float = _COLUMN_GAP) -> list[list[Word]]:
    """Split a line where the space between words is wider than ``gap``."""
    out: list[list[Word]] = []
    for word in line.words:
        if out and word.x0 - out[-1][-1].x1 <= gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _chunk_text(chunk: Sequence[Word]) -> str:
    return " ".join(w.text for w in chunk if not w.superscript)


def find_text_header(lines: Sequence[Line]) -> tuple[int, list[float], tuple[Role, ...]] | None:
    """The index of the header line, its columns' left edges, and their roles."""
    for i, line in enumerate(lines):
        parts = chunks(line)
        if len(parts) < 2:
            continue
        roles = header_roles([_chunk_text(p) for p in parts])
        if roles is not None:
            return i, [p[0].x0 for p in parts], roles
    return None


def _column(x0: float, edges: Sequence[float]) -> int:
    col = 0
    for k, edge in enumerate(edges):
        if x0 >= edge - _EDGE_TOLERANCE:
            col = k
    return col


def _crosses(line: Line, edges: Sequence[float]) -> bool:
    """A word running over a column's left edge is prose, not a cell: table text
    stays inside its column. A line starting left of the first column is prose too."""
    if line.x0 < edges[0] - 2 * _EDGE_TOLERANCE:
        return True
    return any(
        w.x0 < edge - _EDGE_TOLERANCE < edge + _EDGE_TOLERANCE < w.x1
        for w in line.words
        for edge in edges[1:]
    )


def text_tables(pages: Sequence[Page], furniture: set[str]) -> TextTable | None:
    """Read the workplan table from text alignment, across pages; ``None`` when no header is found."""
    for start, page in enumerate(pages):
        # The header repeats at the same place on every page, like furniture:
        # look for it among all lines, and drop furniture from the body only.
        lines = list(page.lines)
        found = find_text_header(lines)
        if found is None:
            continue
        index, edges, roles = found
        header_line = lines[index]
        header_texts, body_start = _header_band(lines, index, edges)
        rows: list[_Row] = []
        extents: dict[int, tuple[float, float]] = {}
        ran_to_foot = True
        for page_ in pages[start:]:
            if page_ is page:
                page_lines = lines[body_start:]
            else:
                after = _after_repeated_header(page_, header_line)
                if after is None and not ran_to_foot:
                    break  # prose ended the table and no header carries it on
                page_lines = after if after is not None else list(page_.lines)
            page_lines = [ln for ln in page_lines if re.sub(r"\d+", "#", ln.text) not in furniture]
            used, ran_to_foot = _read_rows(page_, page_lines, edges, roles, rows)
            if used:
                head_top = header_line.top if page_ is page else min(ln.top for ln in page_.lines)
                extents[page_.number] = (head_top, max(ln.bottom for ln in used))
        table = TextTable(tuple(header_texts), roles, top=header_line.top, extents=extents)
        _fill_table(table, rows, roles, pages)
        return table if table.rows else None
    return None


def _header_band(
    lines: Sequence[Line], index: int, edges: Sequence[float]
) -> tuple[list[str], int]:
    """Join header lines wrapped under the first one; return texts and the first body line."""
    texts = [[] for _ in edges]  # type: list[list[str]]
    pitch = lines[index].bottom - lines[index].top
    last = lines[index]
    k = index
    while k < len(lines):
        line = lines[k]
        if k > index and (
            line.top - last.bottom > pitch
            or _ACTION_ID.match(line.text)
            or _PRIORITY.match(line.text)
        ):
            break
        if (
            k > index
            and all(role_of(_chunk_text(c)) is Role.OTHER for c in chunks(line))
            and _starts_row(line)
        ):
            break
        for part in chunks(line):
            texts[_column(part[0].x0, edges)].append(_chunk_text(part))
        last = line
        k += 1
    return [" ".join(t) for t in texts], k


def _starts_row(line: Line) -> bool:
    return any(
        _ACTION_ID.match(_chunk_text(c)) or _PRIORITY.match(_chunk_text(c)) for c in chunks(line)
    )


def _after_repeated_header(page: Page, header_line: Line) -> list[Line] | None:
    """The page's lines after its repeat of the header, or ``None`` when it has none."""
    lines = list(page.lines)
    for k, line in enumerate(lines):
        if line.text == header_line.text:
            edges = [c[0].x0 for c in chunks(line)]
            return lines[_header_band(lines, k, edges)[1] :]
    return None


def _read_rows(
    page: Page,
    lines: Sequence[Line],
    edges: Sequence[float],
    roles: tuple[Role, ...],
    rows: list[_Row],
) -> tuple[list[Line], bool]:
    """Add the page's table lines to ``rows``.

    Returns the lines used, and whether the table ran to the page's foot
    (``False`` when a line of prose ended it on this page).
    """
    used: list[Line] = []
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    pitch = statistics.median(pitches) if pitches else 12.0
    action = roles.index(Role.ACTION)
    impact = roles.index(Role.IMPACT) if Role.IMPACT in roles else None
    previous: Line | None = None
    first_on_page = True
    for line in lines:
        if _crosses(line, edges):
            return used, False
        used.append(line)
        by_col: dict[int, list[Word]] = {}
        for word in line.words:
            by_col.setdefault(_column(word.x0, edges), []).append(word)
        action_text = " ".join(w.text for w in by_col.get(action, []))
        impact_text = " ".join(w.text for w in by_col.get(impact, [])) if impact is not None else ""
        gap = line.top - previous.bottom if previous is not None else 0.0
        new_row = (
            not rows
            or bool(_ACTION_ID.match(action_text))
            or bool(impact_text and _PRIORITY.match(impact_text))
            or (not first_on_page and gap > (_ROW_GAP_RATIO - 1) * pitch + 2)
        )
        if (
            first_on_page
            and rows
            and not _ACTION_ID.match(action_text)
            and not _PRIORITY.match(impact_text)
        ):
            new_row = False  # the top of a page carries on the row cut by the break
        if new_row:
            rows.append(
                _Row([[] for _ in edges], {page.number}, line.top, line.bottom, page.number)
            )
        row = rows[-1]
        row.pages.add(page.number)
        row.bottom = max(row.bottom, line.bottom) if row.page == page.number else row.bottom
        for col, words in by_col.items():
            row.lines[col].append(words)
        previous = line
        first_on_page = False
    return used, True


def _fill_table(
    table: TextTable, rows: list[_Row], roles: tuple[Role, ...], pages: Sequence[Page]
) -> None:
    impact = roles.index(Role.IMPACT) if Role.IMPACT in roles else None
    fills = {p.number: p.fills for p in pages}
    for row in rows:
        cells = []
        for col, word_lines in enumerate(row.lines):
            text = text_of(Line(tuple(ws)) for ws in word_lines if ws)
            if col == impact and not text and table.rows:
                cells.append(TextCell(None, set(row.pages)))
                continue
            box = (
                (word_lines[0][0].x0, row.top, word_lines[0][-1].x1, row.bottom)
                if word_lines
                else None
            )
            fill = fill_at(box, fills.get(row.page, ())) if box else None
            cells.append(TextCell(text, set(row.pages), fill))
        table.rows.append(cells)
        table.pages |= row.pages
