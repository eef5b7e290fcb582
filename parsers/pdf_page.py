"""Read one PDF page once: its words, text lines, filled boxes and ruled tables.

Everything pdfplumber gives (dicts, Table objects) is turned into the small
frozen records here; the page's objects are read once and the table finder
runs once per page.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

# pdfplumber's line strategy with its default tolerances: measured on the
# LibreOffice and Word exports, borders sit within 1pt of each other.
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
# A word this much smaller than its line and raised above it is a footnote mark.
_SUPERSCRIPT_RATIO = 0.8
_BULLETS = frozenset("•·\uf0b7\uf0a7▪■◦●")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
)
_LIST_START = re.compile(r"^(?:[a-z]\)|\([a-z]\)|[a-z]\.\s|•|\d+(?:\.\d+)+[a-z]?\b|\d+\.\s)")
# "- item" is a list only after a line that announces one; after an unfinished
# line it is a dash that wrapped ("Service Manager" / "- CSC & Youth").
_DASH_ITEM = re.compile(r"^-\s")


@dataclass(frozen=True, slots=True)
class Word:
    """A word on the page with its box and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    superscript: bool = False
    upright: bool = True


@dataclass(frozen=True, slots=True)
class Line:
    """Words sharing a baseline, left to right."""

    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words if not w.superscript)

    @property
    def marks(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.words if w.superscript)


@dataclass(frozen=True, slots=True)
class PageCell:
    """A ruled table cell: text, box, fill, spans and footnote marks removed from the text."""

    text: str
    bbox: BBox
    fill: str | None
    row_span: int = 1
    col_span: int = 1
    marks: tuple[str, ...] = ()


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

    def lines_outside_tables(self) -> tuple[Line, ...]:
        """Text lines that sit in no table on the page."""
        return tuple(
            line
            for line in self.lines
            if not any(_inside(line_centre(line), t.bbox) for t in self.tables)
        )


def line_centre(line: Line) -> tuple[float, float]:
    return (line.x0 + max(w.x1 for w in line.words)) / 2, (line.top + line.bottom) / 2


def _inside(point: tuple[float, float], box: BBox, pad: float = 0.5) -> bool:
    x, y = point
    return box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad


def colour_hex(colour: Any) -> str | None:
    """A pdfplumber colour (grey, RGB or CMYK tuple, 0-1) as ``RRGGBB``; white and patterns are ``None``."""
    if colour is None or isinstance(colour, str):
        return None
    values = (colour,) if isinstance(colour, int | float) else tuple(colour)
    if not values or not all(isinstance(v, int | float) for v in values):
        return None
    values = tuple(min(1.0, max(0.0, float(v))) for v in values)
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 3:
        rgb = values
    elif len(values) == 4:
        c, m, y, k = values
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    text = "".join(f"{round(v * 255):02X}" for v in rgb)
    return None if text == "FFFFFF" else text


def clean_word(text: str) -> str:
    """Undo ligatures and unify bullet glyphs."""
    text = text.translate(_LIGATURES)
    if text and text[0] in _BULLETS:
        text = "•" + text[1:]
    return unicodedata.normalize("NFC", text)


def read_page(page: Any) -> Page:
    """Read a pdfplumber page into a ``Page``: one pass over its objects, one table search."""
    raw_words = page.extract_words(
        extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False
    )
    words = [
        Word(clean_word(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]))
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
    lines = group_lines(words)
    fills = tuple(
        ((r["x0"], r["top"], r["x1"], r["bottom"]), hex_)
        for r in page.rects
        if r.get("fill") and (hex_ := colour_hex(r.get("non_stroking_color")))
    )
    tables = tuple(_table(t, lines, fills) for t in page.find_tables(TABLE_SETTINGS))
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


def rotated_direction(chars: Sequence[dict[str, Any]]) -> str:
    """How the page's rotated text reads: ``btt`` for text turned anticlockwise
    (its matrix's ``b`` is positive, as in a vertical table header), else ``ttb``."""
    turned = [c["matrix"][1] for c in chars if not c.get("upright", True) and c.get("matrix")]
    anticlockwise = sum(1 for b in turned if b > 0)
    return "btt" if anticlockwise * 2 > len(turned) else "ttb"


def rotated_text(words: Sequence[Word]) -> str:
    """A cell written sideways: its lines run left to right across the cell,
    and along each line the words read bottom to top."""
    columns: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if columns and abs(columns[-1][0].x0 - word.x0) <= max(2.0, 0.35 * word.size):
            columns[-1].append(word)
        else:
            columns.append([word])
    return " ".join(
        " ".join(w.text for w in sorted(col, key=lambda w: -w.bottom)) for col in columns
    )


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Group words into lines by their vertical position; mark raised small words as superscript."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom), w.x0)):
        tolerance = max(2.0, 0.35 * word.size)
        for line in reversed(lines[-3:]):
            if abs(line[-1].bottom - word.bottom) <= tolerance or _overlaps(line, word):
                line.append(word)
                break
        else:
            lines.append([word])
    lines = _attach_marks(lines)
    out = []
    for line in lines:
        line.sort(key=lambda w: w.x0)
        size = statistics.median(w.size for w in line)
        base = statistics.median(w.bottom for w in line)
        marked = tuple(
            replace(w, superscript=True)
            if w.size < _SUPERSCRIPT_RATIO * size and w.bottom < base - 1 and len(w.text) <= 3
            else w
            for w in line
        )
        out.append(Line(marked))
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


def _attach_marks(lines: list[list[Word]]) -> list[list[Word]]:
    """Put a lone raised mark (a footnote number sorted into a line of its own)
    back on the line it sits against, where it is then seen as a superscript."""
    out: list[list[Word]] = []
    for line in lines:
        if len(line) <= 2 and all(len(w.text) <= 3 for w in line):
            host = next(
                (
                    other
                    for other in lines
                    if other is not line
                    and len(other) > len(line)
                    and any(
                        o.top - 1 <= line[0].bottom
                        and line[0].top <= o.bottom
                        and abs(line[0].x0 - o.x1) < 3
                        and line[0].size < _SUPERSCRIPT_RATIO * o.size
                        for o in other
                    )
                ),
                None,
            )
            if host is not None:
                host.extend(line)
                continue
        out.append(line)
    return out


def _overlaps(line: list[Word], word: Word) -> bool:
    """A superscript sits higher than its line but inside its height."""
    last = line[-1]
    return (
        word.x0 >= last.x1 - 1 and word.x0 - last.x1 < 3 and last.top - 1 <= word.top <= last.bottom
    )


def join_line(before: str, text: str) -> str:
    """Join a cell's next line to the text so far, as a reader would.

    A wrapped line joins with a space; a list item (``a)``, ``•``, ``1.2``)
    starts a new line; a word broken after its hyphen (``Well-`` / ``Being``)
    joins with no space, but a dash standing alone (``Bailey -``) keeps one.

    >>> join_line("Family Well-", "Being Model"), join_line("Bailey -", "quarterly")
    ('Family Well-Being Model', 'Bailey - quarterly')
    """
    if not before:
        return text
    if not text:
        return before
    announced = before.endswith(":") or before.split("\n")[-1].startswith("- ")
    if _LIST_START.match(text) or (announced and (text[:1].isupper() or _DASH_ITEM.match(text))):
        return f"{before}\n{text}"
    if re.search(r"[^\W\d_]-$", before):
        return before + text
    return f"{before} {text}"


def text_of(lines: Iterable[Line]) -> str:
    """Lines of one cell as text: wrapped lines joined with a space, list items on new lines."""
    out = ""
    for line in lines:
        out = join_line(out, line.text)
    return out


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


def _table(table: Any, lines: Sequence[Line], fills: Sequence[tuple[BBox, str]]) -> PageTable:
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
                Line(
                    tuple(
                        w
                        for w in ln.words
                        if _inside(((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2), box, 0)
                    )
                )
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
            cells.append(
                PageCell(text_of(inside), box, fill_at(box, fills), row_span, col_span, marks)
            )
        rows.append(tuple(cells))
    return PageTable(tuple(table.bbox), tuple(rows), tuple(columns))
