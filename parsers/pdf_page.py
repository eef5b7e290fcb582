"""Read one PDF page once: its words, text lines, filled boxes and ruled tables.

Everything pdfplumber gives (dicts, Table objects) is turned into the small
frozen records here; the page's objects are read once and the table finder
runs once per page (twice when a row cut by the page break has no rule under
it). Words and lines are made in ``parsers.pdf_words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parsers.colour_key import shaded_runs
from parsers.pdf_words import (
    BBox,
    Line,
    Word,
    clean_word,
    colour_hex,
    drawn_bullets,
    group_lines,
    is_bold,
    is_mark,
    join_line,
    mark_colour,
    rotated_direction,
    rotated_text,
    text_colour,
)

# pdfplumber's line strategy with its default tolerances: measured on the
# LibreOffice and Word exports, borders sit within 1pt of each other.
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass(frozen=True, slots=True)
class PageCell:
    """A ruled table cell: text, box, fill, spans and footnote marks removed from the text."""

    text: str
    bbox: BBox
    fill: str | None
    row_span: int = 1
    col_span: int = 1
    marks: tuple[str, ...] = ()
    nested: bool = False  # a table nested in the cell is rendered in its text (``pdf_nested``)


@dataclass(frozen=True, slots=True)
class PageTable:
    """A table on one page; ``None`` marks grid positions covered by a merged cell."""

    bbox: BBox
    rows: tuple[tuple[PageCell | None, ...], ...]
    columns: tuple[float, ...]
    method: str = "lines"


@dataclass(frozen=True, slots=True)
class Page:
    """What the parser needs of one page."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[PageTable, ...]
    fills: tuple[tuple[BBox, str], ...]
    chars: int
    images: int
    rule_tables: tuple[PageTable, ...] = ()  # read from horizontal rules only (``pdf_rules``)

    def lines_outside_tables(self) -> tuple[Line, ...]:
        """Text lines that sit in no table on the page."""
        return tuple(
            line
            for line in self.lines
            if not any(_inside(line_centre(line), t.bbox) for t in self.tables)
        )


def shaded_labels(page: Page) -> list[tuple[str, str | None]]:
    """Words on their own colours in a line outside the tables: a key written as shaded
    words (``Key: [Completed] [On target] [Missed]``), as ``(label, fill)`` pairs.

    A fill counts when it is about one line high (a highlight, not a box round
    a paragraph); words next to each other on one fill make one label; a line
    with fewer than two colours is no key.
    """
    out: list[tuple[str, str | None]] = []
    for line in page.lines_outside_tables():
        height = line.bottom - line.top
        highlights = [(box, c) for box, c in page.fills if box[3] - box[1] <= 2 * height]
        pieces = [
            (word.text, next((c for box, c in highlights if _inside(_centre(word), box, 0)), None))
            for word in line.words
        ]
        out.extend(shaded_runs(pieces, " "))
    return out


def _centre(word: Word) -> tuple[float, float]:
    return (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2


def marked_labels(page: Page) -> list[tuple[str, str | None]]:
    """Coloured marks and the words after each, in a line outside the tables: a key of
    symbols (``Key: ● Completed ● Progressing as planned``), as ``(label, colour)``
    pairs; a line with fewer than two coloured marks is no key."""
    out: list[tuple[str, str | None]] = []
    for line in page.lines_outside_tables():
        labels: list[tuple[list[str], str]] = []
        for word in line.words:
            if word.colour and is_mark(word.text):
                labels.append(([], word.colour))
            elif labels:
                labels[-1][0].append(word.text)
        if len({colour for _, colour in labels}) >= 2:
            out.extend((" ".join(words), colour) for words, colour in labels if words)
    return out


def line_centre(line: Line) -> tuple[float, float]:
    return (line.x0 + max(w.x1 for w in line.words)) / 2, (line.top + line.bottom) / 2


def _inside(point: tuple[float, float], box: BBox, pad: float = 0.5) -> bool:
    x, y = point
    return box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad


def read_page(page: Any) -> Page:
    """Read a pdfplumber page into a ``Page``: one pass over its objects, one table search."""
    raw_words = page.extract_words(
        extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False, return_chars=True
    )
    words = [
        Word(
            clean_word(w["text"]),
            w["x0"],
            w["x1"],
            w["top"],
            w["bottom"],
            float(w["size"]),
            bold=is_bold(w.get("chars", ())),
            colour=text_colour(w.get("chars", ())) if is_mark(w["text"]) else None,
        )
        for w in raw_words
        if w["upright"]
    ]
    if any(not c.get("upright", True) for c in page.chars):
        # Rotated text: pdfplumber's size varies from letter to letter there, so
        # it is read without splitting on size, in the direction it was turned.
        sideways = page.filter(
            lambda obj: obj.get("object_type") != "char" or not obj.get("upright", True)
        )
        for w in sideways.extract_words(
            char_dir_rotated=rotated_direction(page.chars), use_text_flow=False
        ):
            size = float(w["x1"] - w["x0"])
            words.append(
                Word(
                    clean_word(w["text"]),
                    w["x0"],
                    w["x1"],
                    w["top"],
                    w["bottom"],
                    size,
                    upright=False,
                )
            )
    words += drawn_bullets(page.curves + page.rects, words)
    lines = group_lines(words)
    fills = tuple(
        ((r["x0"], r["top"], r["x1"], r["bottom"]), hex_)
        for r in page.rects
        if r.get("fill") and (hex_ := colour_hex(r.get("non_stroking_color")))
    )
    found = page.find_tables(TABLE_SETTINGS)
    open_feet = [float(t.bbox[3]) for t in found if _cut_at_foot(t)]
    if open_feet:  # close each row the page break cut with a rule of its own, and read again
        found = page.find_tables({**TABLE_SETTINGS, "explicit_horizontal_lines": open_feet})
    tables = tuple(page_table(t, lines, fills) for t in found)
    return Page(
        page.page_number,
        float(page.width),
        float(page.height),
        tuple(lines),
        tables,
        fills,
        len(page.chars),
        len(page.images),
    )


# A word broken at a letter (no room for it in a narrow column) fills its line
# to within about one letter of the cell's right padding.
_LETTER = 0.6


def cell_text(lines: Sequence[Line], box: BBox) -> str:
    """A ruled cell's lines as text, a word broken at a letter in a narrow column joined again.

    A line holding one word that reaches the cell's right padding, followed by
    a line starting in lower case, is one word cut where the column ran out
    (``Statu`` / ``s``). A word that only wrapped to the next line leaves
    room for it at the line's end, so is not joined.
    """
    out = ""
    previous: Line | None = None
    # the cell's text width: less the padding on either side (the left padding,
    # where the text starts, taken for the right one too)
    room = box[2] - box[0] - 2 * max(0.0, min((ln.x0 for ln in lines), default=box[0]) - box[0])
    for line in lines:
        if previous is not None and _broken_word(previous, line, box):
            out += line.text
        elif previous is not None and _hard_break(previous, line, room):
            out += "\n" + line.text
        else:
            out = join_line(out, line.text)
        previous = line
    return out


# A wrap may leave room at a line's end up to the cell's right padding, which
# the page does not show (Word's 0.19 cm, more where a column was narrowed):
# a line break counts as the writer's own only with this much more room, in
# font sizes, than the next line's first word needed.
_SPARE_SIZES = 1.2


def _hard_break(previous: Line, line: Line, room: float) -> bool:
    """A line break the writer made (a new paragraph or line), not a wrap: the next
    line's first word would have fitted at the end of the line before it, within the
    cell's text width ``room``, with room to spare. A line ending in a hyphen
    (``Sub-``) wrapped inside a word.
    """
    words = [w for w in previous.words if not w.superscript]
    if not words or not line.words or words[-1].text.endswith("-"):
        return False
    first = line.words[0]
    width = words[-1].x1 - previous.x0 + 0.25 * first.size + (first.x1 - first.x0)
    return width <= room - _SPARE_SIZES * first.size


def _broken_word(previous: Line, line: Line, box: BBox) -> bool:
    words = [w for w in previous.words if not w.superscript]
    if len(words) != 1 or not line.text[:1].islower() or not words[0].text[-1:].isalpha():
        return False
    padding = max(0.0, previous.x0 - box[0])
    return box[2] - words[0].x1 <= padding + _LETTER * words[0].size


def fill_at(box: BBox, fills: Sequence[tuple[BBox, str]]) -> str | None:
    """The colour of the smallest filled box covering most of ``box``."""
    area = max((box[2] - box[0]) * (box[3] - box[1]), 1.0)
    best: tuple[float, str] | None = None
    for (x0, top, x1, bottom), colour in fills:
        ix = min(x1, box[2]) - max(x0, box[0])
        iy = min(bottom, box[3]) - max(top, box[1])
        if ix <= 0 or iy <= 0 or ix * iy < 0.5 * area:
            continue
        own = (x1 - x0) * (bottom - top)
        if own > 4 * area:
            continue
        if best is None or own < best[0]:
            best = (own, colour)
    return best[1] if best else None


def _cut_at_foot(table: Any) -> bool:
    """A table whose last row was cut by the page break with no rule drawn under it.

    Chromium draws no bottom border under the part of a row left on a page: its
    cells have sides but no foot, so only a cell with a filled box behind it
    (a RAG colour) is found, and the row's other positions are empty though
    no merged cell above covers them.
    """
    rows = table.rows
    if len(rows) < 2:
        return False
    last = rows[-1]
    cells = [c for row in rows for c in row.cells if c is not None]
    columns = sorted({round(c[0], 1) for c in cells})
    bottom = max(c[3] for c in last.cells if c is not None) if any(last.cells) else 0.0
    for k, cell in enumerate(last.cells):
        if cell is not None or k >= len(columns):
            continue
        x = columns[k] + 0.5
        covered = any(c[0] <= x < c[2] and c[3] >= bottom - 1 for c in cells)
        if not covered:
            return True
    return False


def page_table(
    table: Any, lines: Sequence[Line], fills: Sequence[tuple[BBox, str]], method: str = "lines"
) -> PageTable:
    """A pdfplumber ``Table`` as a ``PageTable``: each cell's text from the page's lines, its fill, spans."""
    row_boxes = [r.bbox for r in table.rows]
    columns = sorted({round(c[0], 1) for r in table.rows for c in r.cells if c})
    rows = []
    for row in table.rows:
        cells: list[PageCell | None] = []
        for box in row.cells:
            if box is None:
                cells.append(None)
                continue
            inside = [
                Line(tuple(w for w in ln.words if _inside(_centre(w), box, 0)))
                for ln in lines
                if ln.bottom > box[1] and ln.top < box[3]
            ]
            inside = [ln for ln in inside if ln.words]
            sideways = [w for ln in inside for w in ln.words]
            if sideways and not any(w.upright for w in sideways):
                cells.append(PageCell(rotated_text(sideways), box, fill_at(box, fills)))
                continue
            row_span = sum(1 for rb in row_boxes if rb[1] >= box[1] - 1 and rb[1] < box[3] - 1) or 1
            col_span = sum(1 for x in columns if box[0] - 1 <= x < box[2] - 1) or 1
            marks = tuple(m for ln in inside for m in ln.marks)
            fill = fill_at(box, fills) or mark_colour([w for ln in inside for w in ln.words])
            cells.append(PageCell(cell_text(inside, box), box, fill, row_span, col_span, marks))
        rows.append(tuple(cells))
    return PageTable(tuple(table.bbox), tuple(rows), tuple(columns), method)
