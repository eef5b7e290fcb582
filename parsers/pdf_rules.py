"""Tables ruled by horizontal lines only: rows from the rules, columns from the header.

The booktabs look, or an HTML table with ``border-bottom`` on its rows, draws
no vertical line, so pdfplumber's line strategy finds no cell. Here the
header line's chunks (words a column gap apart) give the columns' left edges,
moved left past any body word that would straddle them (a centred header);
the rules under the header give the rows. pdfplumber then builds the cells
from the horizontal rules and these explicit vertical lines, on the page
cropped to the table, so rules elsewhere on the page do not join in.

A page with no header of its own (a table carried over without repeating its
header) uses the columns of the page before.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from parsers.pdf_page import TABLE_SETTINGS, Page, PageCell, PageTable, page_table
from parsers.pdf_text_columns import GAP_EM, MIN_GAP, chunks, find_text_header
from parsers.pdf_words import Line, Word, text_of

# Rules closer than this (pt) are one rule: the two long edges of a thin filled
# rectangle, or a row's rule drawn once per cell by a browser.
_SNAP = 2.5
# A rule covers at least this share of the table's width; shorter ones
# (under one cell) still divide cells but do not bound the table.
_FULL_WIDTH = 0.6
# A row cut by a page break starts within this many line heights of the rule
# above it, and reaches below this share of the page's height.
_ROW_START = 2.0
_FOOT = 0.85
# A band row across a rules-only table is this many lines at most.
_BAND_LINES = 2
# Within this distance (pt) a rule above the header is the table's top rule.
_TOP_RULE_GAP = 14.0


@dataclass(frozen=True, slots=True)
class Columns:
    """Column boundaries of a rule-only table, carried to the next page."""

    xs: tuple[float, ...]  # left edge, column boundaries, right edge


@dataclass(frozen=True, slots=True)
class _Rule:
    y: float
    x0: float
    x1: float


def rules_of(edges: Sequence[dict[str, Any]]) -> list[_Rule]:
    """Horizontal edges joined into rules: one per height, over the x-range they cover."""
    flat = sorted(
        (float(e["top"]), float(e["x0"]), float(e["x1"]))
        for e in edges
        if e.get("orientation") == "h" and float(e["x1"]) - float(e["x0"]) > 3
    )
    rules: list[_Rule] = []
    for y, x0, x1 in flat:
        joined = False
        for k in range(len(rules) - 1, -1, -1):
            rule = rules[k]
            if y - rule.y > _SNAP:
                break
            if x0 <= rule.x1 + 3 and x1 >= rule.x0 - 3:
                rules[k] = _Rule(rule.y, min(rule.x0, x0), max(rule.x1, x1))
                joined = True
                break
        if not joined:
            rules.append(_Rule(y, x0, x1))
    return sorted(rules, key=lambda r: r.y)


def read_rule_tables(
    plumber_page: Any, page: Page, carried: Columns | None
) -> tuple[tuple[PageTable, ...], Columns | None]:
    """The page's workplan tables ruled by horizontal lines only, and the columns for the next page.

    Each header line on the page starts one (a heading before each part's own
    table); a table carried over from the page before (``carried``) may come
    first, above any header. A header the line strategy already read with
    rows under it is left to that strategy. ``()`` when the page has none.
    """
    rules = rules_of(plumber_page.edges)
    if not rules:
        return (), None
    tables: list[PageTable] = []
    columns: Columns | None = None
    y = float("-inf")
    first_header = find_text_header(page.lines)
    header_top = page.lines[first_header[0]].top if first_header else float("inf")
    if carried is not None and not any(len(t.rows) > 2 for t in page.tables):
        first = next((r for r in rules if _spans(r, carried) and r.y < header_top), None)
        if first is not None:
            read = _read(plumber_page, page, rules, carried, first.y)
            if read is not None:
                tables.extend(read[0])
                y, columns = read[1], carried
    while True:
        rest = [ln for ln in page.lines if ln.top > y]
        found = find_text_header(rest)
        if found is None:
            break
        header = rest[found[0]]
        y = header.bottom
        if any(_within(header, t.bbox) and len(t.rows) > 2 for t in page.tables):
            continue
        header_columns = _columns(header, page.lines, rules)
        if header_columns is None:
            continue
        top = _top(header.top, rules, header_columns)
        read = _read(plumber_page, page, rules, header_columns, top)
        if read is not None:
            tables.extend(read[0])
            y, columns = max(y, read[1]), header_columns
    return tuple(tables), columns


def _read(
    plumber_page: Any, page: Page, rules: Sequence[_Rule], columns: Columns, top: float
) -> tuple[tuple[PageTable, ...], float] | None:
    """The table from ``top`` down to its last rule, with that rule's height; ``None`` without one."""
    bottom = _bottom(top, page.lines, rules, columns)
    if bottom is None:
        return None
    foot = _cut_foot(bottom, page.lines, columns, page.height)
    horizontals = [top] if foot is None else [top, foot]
    bottom = bottom if foot is None else foot
    x0, y0, x1, y1 = (float(v) for v in plumber_page.bbox)
    box = (
        max(columns.xs[0] - 1, x0),
        max(top - 1, y0),
        min(columns.xs[-1] + 1, x1),
        min(bottom + 1, y1),
    )
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    settings = dict(TABLE_SETTINGS)
    settings.update(
        vertical_strategy="explicit",
        explicit_vertical_lines=list(columns.xs),
        explicit_horizontal_lines=horizontals,
    )
    found = plumber_page.crop(box).find_tables(settings)
    tables = tuple(
        merge_bands(page_table(t, page.lines, page.fills, method="rules"), page.lines, columns)
        for t in found
        if len(t.rows) >= 2
    )
    return tables, bottom


def _within(line: Line, box: tuple[float, float, float, float]) -> bool:
    return box[1] - 1 <= line.top and line.bottom <= box[3] + 1


def _spans(rule: _Rule, columns: Columns) -> bool:
    width = columns.xs[-1] - columns.xs[0]
    overlap = min(rule.x1, columns.xs[-1]) - max(rule.x0, columns.xs[0])
    return overlap >= _FULL_WIDTH * width


def _columns(header: Line, lines: Sequence[Line], rules: Sequence[_Rule]) -> Columns | None:
    """Boundaries from the header's chunks, the table's sides from the first rule under it."""
    size = statistics.median(w.size for w in header.words)
    parts = chunks(header, max(MIN_GAP, GAP_EM * size))
    left, right = parts[0][0].x0, parts[-1][-1].x1
    below = [
        r
        for r in rules
        if header.bottom - 1 <= r.y <= header.bottom + 60 and r.x0 <= left + 6 and r.x1 >= right - 6
    ]
    if not below:
        return None
    rule = below[0]
    body = [w for ln in lines if ln.top > rule.y for w in ln.words]
    xs = [rule.x0]
    for before, part in itertools.pairwise(parts):
        xs.append(_free_x(part[0].x0 - 1.5, before[-1].x1, body))
    xs.append(rule.x1)
    return Columns(tuple(xs))


def _free_x(x: float, floor: float, words: Sequence[Any]) -> float:
    """The nearest x at or left of ``x`` (not left of ``floor``) that no word straddles."""
    probe = x
    while probe > floor:
        if not any(w.x0 < probe < w.x1 for w in words):
            return probe
        probe -= 1.0
    return x


def _top(header_top: float, rules: Sequence[_Rule], columns: Columns) -> float:
    """The rule just above the header, or a line drawn at the header's top when it has none."""
    above = [r for r in rules if header_top - _TOP_RULE_GAP <= r.y <= header_top + 1]
    return above[-1].y if above and _spans(above[-1], columns) else header_top - 1


def _bottom(
    top: float, lines: Sequence[Line], rules: Sequence[_Rule], columns: Columns
) -> float | None:
    """The last full-width rule below ``top`` before a line of prose (one crossing a column)."""
    bottom: float | None = None
    previous = top
    for rule in (r for r in rules if r.y > top + 2 and _spans(r, columns)):
        between = [ln for ln in lines if previous < ln.top and ln.bottom < rule.y]
        crossing = [ln for ln in between if _crosses(ln, columns)]
        # a band row (``Outcome 1 – ...`` across the table) is a line or two
        # inside the table's edges, ruled above and below; more is prose
        if crossing and (
            len(between) > _BAND_LINES or any(_outside(ln, columns) for ln in crossing)
        ):
            break
        bottom, previous = rule.y, rule.y
    return bottom


def _cut_foot(
    bottom: float, lines: Sequence[Line], columns: Columns, height: float
) -> float | None:
    """Where a row cut by the page break ends, when one follows the last rule.

    The part of a row left on the page has no rule under it (it is drawn on
    the next page, if at all). It is the block of lines right under the last
    rule, inside the columns, running down to the foot of the page (below
    ``_FOOT`` of its height) with nothing after it but page furniture far below.
    """
    below = sorted((ln for ln in lines if ln.top > bottom), key=lambda ln: ln.top)
    block: list[Line] = []
    for line in below:
        pitch = line.bottom - line.top
        end = block[-1].bottom if block else bottom
        if line.top - end > (_ROW_START if not block else 1.0) * pitch:
            break
        if _crosses(line, columns):
            return None
        block.append(line)
    if not block or max(ln.bottom for ln in block) < _FOOT * height:
        return None
    return max(ln.bottom for ln in block) + 1


def _outside(line: Line, columns: Columns) -> bool:
    xs = columns.xs
    return line.x0 < xs[0] - 6 or max(w.x1 for w in line.words) > xs[-1] + 6


def _crosses(line: Line, columns: Columns) -> bool:
    """A word running over a column boundary, or outside the table: prose or a band, not a cell."""
    if _outside(line, columns):
        return True
    return any(w.x0 < x - 1 and w.x1 > x + 1 for w in line.words for x in columns.xs[1:-1])


def _is_band(words: Sequence[Word], columns: Columns) -> bool:
    """A row's words run on as one text over a column boundary: a band row across the table."""
    if not words:
        return False
    size = statistics.median(w.size for w in words)
    gap = max(MIN_GAP, GAP_EM * size)
    ordered = sorted(words, key=lambda w: (round(w.bottom), w.x0))
    for a, b in itertools.pairwise(ordered):
        same_line = abs(a.bottom - b.bottom) < 2
        if same_line and b.x0 - a.x1 > gap:
            return False  # a column gap: separate cells
    return any(
        w.x0 < x - 1 < w.x1 or _runs_over(w, x, ordered) for w in ordered for x in columns.xs[1:-1]
    )


def _runs_over(word: Word, x: float, words: Sequence[Word]) -> bool:
    """Is ``word`` followed on its line, across ``x``, by the next word a space away?"""
    return word.x1 <= x and any(
        abs(o.bottom - word.bottom) < 2 and o.x0 >= x and o.x0 - word.x1 < 6 for o in words
    )


def merge_bands(table: PageTable, lines: Sequence[Line], columns: Columns) -> PageTable:
    """The table with each band row as one cell spanning every column (``None`` beside it)."""
    rows = []
    for row in table.rows:
        cells = [c for c in row if c is not None]
        if len(cells) < 2:
            rows.append(row)
            continue
        top, bottom = min(c.bbox[1] for c in cells), max(c.bbox[3] for c in cells)
        inside = [ln for ln in lines if top <= (ln.top + ln.bottom) / 2 <= bottom]
        words = [w for ln in inside for w in ln.words
                 if columns.xs[0] - 1 <= w.x0 and w.x1 <= columns.xs[-1] + 1]  # fmt: skip
        if not _is_band(words, columns):
            rows.append(row)
            continue
        box = (cells[0].bbox[0], top, cells[-1].bbox[2], bottom)
        band = PageCell(text_of(inside), box, cells[0].fill, 1, len(row))
        rows.append((band, *([None] * (len(row) - 1))))
    return replace(table, rows=tuple(rows))
