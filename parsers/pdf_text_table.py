"""Borderless tables: rebuild the workplan table from text alignment.

Anchored on the header: the header line's chunks (words separated by a wide
gap) give the columns' left edges and their roles (``pdf_text_columns``).
Below it, each line's words go to the column whose edge they sit at; a row
starts where the Action column starts with an action id, the id column holds
a code (``1.1``, ``A3``) or the Impact a priority number, or after a gap wider
than the lines within a cell. The table ends at a line whose text runs across
a column edge (a paragraph, not a cell), unless it is a short heading
(``Priority 2: ...``, or a band row merged across the table) followed by the
header again or a row that starts: then it is one of the table's headings,
and the header's repeats are passed over. The heading just above the header
is taken by ``pdf_headings``.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.header import role_of
from parsers.model import Grid, GridCell, Role
from parsers.pdf_grid import fill_spans, is_furniture
from parsers.pdf_headings import heads_first_part
from parsers.pdf_page import Page, fill_at
from parsers.pdf_text_columns import chunk_text, chunks, column, crosses, find_text_header
from parsers.pdf_words import (
    Line,
    Word,
    body_size,
    is_heading,
    is_larger,
    text_of,
)
from parsers.vocabulary import ACTION_ID

# A gap this many times the usual line pitch separates two rows.
_ROW_GAP_RATIO = 1.35
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
        headings: list[tuple[int, Line]] = []
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
        kept = [(row, line.text) for row, line in headings if row < len(rows)]
        top = header_line.top
        above = lines[index - 1] if index else None
        title = next((ln for p in pages for ln in p.lines if not is_furniture(ln, furniture)), None)
        if above is not None and _heading_above(
            above, header_line, body_size(page.lines), [ln for _, ln in headings], title
        ):
            kept.insert(0, (0, above.text))
            top = above.top
        table = TextTable(tuple(header_texts), roles, top=top, extents=extents, headings=kept)
        _fill_table(table, rows, roles, pages)
        return table if table.rows else None
    return None


def _heading_above(
    line: Line, header: Line, body: float, between: Sequence[Line], title: Line | None
) -> bool:
    """Is ``line``, just above the header, the heading of the first rows (``pdf_headings``)?"""
    close = header.top - line.bottom <= 3 * (line.bottom - line.top)
    return close and heads_first_part(line, body, between, title=title)


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
            and all(role_of(chunk_text(c)) is Role.OTHER for c in chunks(line))
            and _starts_row(line)
        ):
            break
        by_col: dict[int, list[Word]] = {}
        for word in line.words:  # by word: two header cells can sit closer than a chunk gap
            by_col.setdefault(column(word.x0, edges), []).append(word)
        for col, words in sorted(by_col.items()):
            texts[col].append(chunk_text(words))
        last = line
        k += 1
    return [" ".join(t) for t in texts], k


def _starts_row(line: Line) -> bool:
    return any(
        ACTION_ID.match(chunk_text(c)) or _PRIORITY.match(chunk_text(c)) for c in chunks(line)
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
    headings: list[tuple[int, Line]],
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
    ident = roles.index(Role.ID) if Role.ID in roles else None
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
        if crosses(line, edges) or is_larger(line, body):  # larger type: a heading, not a cell
            if pending < _MAX_HEADINGS and is_heading(line, body):
                headings.append((len(rows), line))
                used.append(line)
                pending += 1
                fresh = True
                k += 1
                continue
            return used, False
        by_col: dict[int, list[Word]] = {}
        for word in line.words:
            by_col.setdefault(column(word.x0, edges), []).append(word)
        action_text = " ".join(w.text for w in by_col.get(action, []))
        impact_text = " ".join(w.text for w in by_col.get(impact, [])) if impact is not None else ""
        id_text = " ".join(w.text for w in by_col.get(ident, [])) if ident is not None else ""
        starts = (
            bool(ACTION_ID.match(action_text))
            or bool(_PRIORITY.match(impact_text))
            or _is_ref(id_text)
        )
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
            or starts
            or (not first_on_page and gap > (_ROW_GAP_RATIO - 1) * pitch + 2)
        )
        if first_on_page and rows and not fresh and not starts:
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


# A reference in its own column is one short code (``1.1``, ``SV1``, ``CS-02``):
# at most this many characters, with a digit.
_MAX_REF = 8


def _is_ref(text: str) -> bool:
    """Does ``text``, in an id column, start a row? A short code with a digit.

    >>> _is_ref("1.1"), _is_ref("CS-02"), _is_ref(""), _is_ref("Group")
    (True, True, False, False)
    """
    text = text.strip()
    return 0 < len(text) <= _MAX_REF and " " not in text and any(c.isdigit() for c in text)


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
