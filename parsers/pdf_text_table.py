"""Borderless tables: rebuild the workplan table from text alignment.

Anchored on the header: the header line's chunks (words separated by a wide
gap) give the columns' left edges and their roles. Below it, each line's
words go to the column whose edge they sit at; a row starts where the Action
column starts with an action id (or the Impact with a priority number), or
after a gap wider than the lines within a cell. The table ends at a line
whose words run across a column edge (a paragraph, not a cell), unless it
is a short heading (``Priority 2: ...``) followed by the header again or a
numbered row: then it is one of the table's headings, and the header's
repeats are passed over.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from parsers.header import header_roles, role_of
from parsers.model import Grid, GridCell, Role
from parsers.pdf_grid import fill_spans
from parsers.pdf_page import Page, fill_at
from parsers.pdf_words import (
    ACTION_ID,
    Line,
    Word,
    body_size,
    is_heading,
    is_larger,
    names_priority,
    text_of,
)

# Words of one cell are a space apart (~3pt at 10pt); columns are further.
_COLUMN_GAP = 9.0
# Left edges within this distance belong to the same column.
_EDGE_TOLERANCE = 6.0
# A gap this many times the usual line pitch separates two rows.
_ROW_GAP_RATIO = 1.35
# Two header cells are further apart than a space (about a third of the type
# size): cell padding on both sides of the boundary. Finer than _COLUMN_GAP,
# which must also keep wrapped prose together, so used only where the body
# confirms it (and by ``pdf_rules``, where rules bound the rows).
GAP_EM = 0.45
MIN_GAP = 4.0
# A finer split of the header needs this many body chunks starting at each new
# edge, among the first lines below it.
_EVIDENCE = 2
_EVIDENCE_LINES = 40
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
    headings: list[tuple[int, str]] = field(default_factory=list)  # (row before which, text)


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
    """The index of the header line, its columns' left edges, and their roles.

    Header cells closer than ``_COLUMN_GAP`` (a browser's narrow padding) are
    told apart by a finer gap when the body has words starting at the edge
    that splits them (``Timeframe RAG`` over ``March 2025  R``).
    """
    for i, line in enumerate(lines):
        parts = chunks(line)
        if len(parts) < 2:
            continue
        roles = header_roles([_chunk_text(p) for p in parts])
        if roles is not None:
            fine = _finer_header(line, parts, lines[i + 1 :])
            if fine is not None:
                return (
                    i,
                    [p[0].x0 for p in fine],
                    cast("tuple[Role, ...]", header_roles([_chunk_text(p) for p in fine])),
                )
            return i, [p[0].x0 for p in parts], roles
    return None


def _finer_header(
    line: Line, parts: Sequence[Sequence[Word]], body: Sequence[Line]
) -> list[list[Word]] | None:
    """The header split at every gap wider than a space, when the body bears the new edges out."""
    size = statistics.median(w.size for w in line.words)
    fine = chunks(line, max(MIN_GAP, GAP_EM * size))
    if len(fine) <= len(parts) or header_roles([_chunk_text(p) for p in fine]) is None:
        return None
    coarse = {p[0].x0 for p in parts}
    starts = [
        c[0].x0 for ln in body[:_EVIDENCE_LINES] for c in chunks(ln, max(MIN_GAP, GAP_EM * size))
    ]
    for part in fine:
        edge = part[0].x0
        if edge in coarse:
            continue
        if sum(1 for x in starts if abs(x - edge) <= _EDGE_TOLERANCE) < _EVIDENCE:
            return None
    return fine


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


def text_table(pages: Sequence[Page], furniture: set[str]) -> Grid | None:
    """The workplan table read from text alignment, as the shared ``Grid``; ``None`` without a header."""
    found = text_tables(pages, furniture)
    if found is None:
        return None
    table = Grid(found.header, found.roles, (), method="text", pages=set(found.pages),
                 top=found.top, extents=dict(found.extents), headings=list(found.headings))  # fmt: skip
    table.rows = [[GridCell(c.text, c.fill, set(c.pages)) for c in row] for row in found.rows]
    fill_spans(table)
    return table


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
        headings: list[tuple[int, str]] = []
        top = header_line.top
        above = lines[index - 1] if index else None
        if above is not None and _heading_above(above, header_line, body_size(page.lines)):
            headings.append((0, above.text))
            top = above.top
        for page_ in pages[start:]:
            if page_ is page:
                page_lines = lines[body_start:]
            else:
                after = _after_repeated_header(page_, header_line)
                if after is None and not ran_to_foot:
                    break  # prose ended the table and no header carries it on
                page_lines = list(page_.lines)  # a repeated header is passed over where it comes
            page_lines = [ln for ln in page_lines if re.sub(r"\d+", "#", ln.text) not in furniture]
            used, ran_to_foot = _read_rows(
                page_, page_lines, _Frame(edges, roles, header_line), rows, headings
            )
            if used:
                head_top = header_line.top if page_ is page else min(ln.top for ln in page_.lines)
                extents[page_.number] = (head_top, max(ln.bottom for ln in used))
        table = TextTable(tuple(header_texts), roles, top=top, extents=extents,
                          headings=[h for h in headings if h[0] < len(rows)])  # fmt: skip
        _fill_table(table, rows, roles, pages)
        return table if table.rows else None
    return None


def _heading_above(line: Line, header: Line, body: float) -> bool:
    """Is ``line``, just above the header, a heading naming the first priority?"""
    close = header.top - line.bottom <= 3 * (line.bottom - line.top)
    return close and names_priority(line.text) and is_heading(line, body)


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
            or ACTION_ID.match(line.text)
            or _PRIORITY.match(line.text)
        ):
            break
        if (
            k > index
            and all(role_of(_chunk_text(c)) is Role.OTHER for c in chunks(line))
            and _starts_row(line)
        ):
            break
        by_col: dict[int, list[Word]] = {}
        for word in line.words:  # by word: two header cells can sit closer than a chunk gap
            by_col.setdefault(_column(word.x0, edges), []).append(word)
        for col, words in sorted(by_col.items()):
            texts[col].append(_chunk_text(words))
        last = line
        k += 1
    return [" ".join(t) for t in texts], k


def _starts_row(line: Line) -> bool:
    return any(
        ACTION_ID.match(_chunk_text(c)) or _PRIORITY.match(_chunk_text(c)) for c in chunks(line)
    )


def _after_repeated_header(page: Page, header_line: Line) -> list[Line] | None:
    """The page's lines after its repeat of the header, or ``None`` when it has none."""
    lines = list(page.lines)
    for k, line in enumerate(lines):
        if line.text == header_line.text:
            edges = [c[0].x0 for c in chunks(line)]
            return lines[_header_band(lines, k, edges)[1] :]
    return None


@dataclass(frozen=True, slots=True)
class _Frame:
    """What the rows are read against: column edges, roles, the header's first line."""

    edges: Sequence[float]
    roles: tuple[Role, ...]
    header: Line


# Headings (``Priority 2: ...``) between two parts of the table: at most this many lines.
_MAX_HEADINGS = 3


def _read_rows(
    page: Page,
    lines: Sequence[Line],
    frame: _Frame,
    rows: list[_Row],
    headings: list[tuple[int, str]],
) -> tuple[list[Line], bool]:
    """Add the page's table lines to ``rows``, and headings between its parts to ``headings``.

    A repeat of the header is passed over; a short heading line across the
    columns (``is_heading``) is a heading before the next row; any other line
    across the columns is prose and ends the table. Returns the lines used,
    and whether the table ran to the page's foot (``False`` when prose ended
    it on this page).
    """
    edges, roles = frame.edges, frame.roles
    used: list[Line] = []
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    pitch = statistics.median(pitches) if pitches else 12.0
    body = body_size(page.lines)
    action = roles.index(Role.ACTION)
    impact = roles.index(Role.IMPACT) if Role.IMPACT in roles else None
    previous: Line | None = None
    first_on_page = True
    fresh = False  # the next line starts a row: a heading or a repeated header came before it
    line_after_header = False
    pending = 0  # heading lines since the last row
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.text == frame.header.text:
            k = _header_band(lines, k, [c[0].x0 for c in chunks(line)])[1]
            fresh = line_after_header = True
            continue
        if _crosses(line, edges) or is_larger(line, body):  # larger type: a heading, not a cell
            if pending < _MAX_HEADINGS and is_heading(line, body):
                headings.append((len(rows), line.text))
                used.append(line)
                pending += 1
                fresh = True
                k += 1
                continue
            return used, False
        by_col: dict[int, list[Word]] = {}
        for word in line.words:
            by_col.setdefault(_column(word.x0, edges), []).append(word)
        action_text = " ".join(w.text for w in by_col.get(action, []))
        impact_text = " ".join(w.text for w in by_col.get(impact, [])) if impact is not None else ""
        starts = bool(ACTION_ID.match(action_text)) or bool(_PRIORITY.match(impact_text))
        if pending and not starts and not line_after_header:
            # a heading followed by neither the header nor a numbered row: the table
            # ended at the heading (``Next steps`` and its text)
            del headings[len(headings) - pending :]
            del used[len(used) - pending :]
            return used, False
        used.append(line)
        gap = line.top - previous.bottom if previous is not None else 0.0
        new_row = (
            not rows
            or fresh
            or bool(ACTION_ID.match(action_text))
            or bool(impact_text and _PRIORITY.match(impact_text))
            or (not first_on_page and gap > (_ROW_GAP_RATIO - 1) * pitch + 2)
        )
        if (
            first_on_page
            and rows
            and not fresh
            and not ACTION_ID.match(action_text)
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
        first_on_page = fresh = line_after_header = False
        pending = 0
        k += 1
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
