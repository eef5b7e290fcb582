"""Words and lines of a PDF page: what pdfplumber's characters become before any table.

A ``Word`` keeps its box, size, weight and colour; ``group_lines`` sets words
on lines (marking raised footnote marks); ``join_line`` and ``text_of`` join a
cell's lines as a reader reads them. List bullets drawn as shapes become ``•``
words; ligatures and bullet glyphs are unified.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from parsers.vocabulary import ACTION_ID

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


# A word this much smaller than its line and raised above it is a footnote mark.
_SUPERSCRIPT_RATIO = 0.8
_BULLETS = frozenset("•·\uf0b7\uf0a7▪■◦●")
# Glyphs a status column shows in colour (after ``clean_word``, bullets are ``•``).
_MARKS = frozenset("•■●▪◼⬤◆♦▲")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
)
_LIST_START = re.compile(r"^(?:[a-z]\)|\([a-z]\)|[a-z]\.\s|•|\d+(?:\.\d+)+[a-z]?\b|\d+\.\s)")
# An action's number at the start of a cell (``1.2``, ``3.1a``): a table row, not a heading.
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
    bold: bool = False
    colour: str | None = None  # the text's colour as ``RRGGBB``; ``None`` for black or white


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


_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def is_bold(chars: Sequence[dict[str, Any]]) -> bool:
    """True when most of a word's characters are set in a bold face (by the font's name).

    >>> is_bold([{"fontname": "ABCDEF+Arial-BoldMT"}]), is_bold([{"fontname": "Calibri"}])
    (True, False)
    """
    bold = sum(1 for c in chars if _BOLD_FONT.search(str(c.get("fontname", ""))))
    return bold * 2 > len(chars) > 0


def text_colour(chars: Sequence[dict[str, Any]]) -> str | None:
    """The colour most of a word's characters are painted in; ``None`` for black (or white)."""
    colours = [colour_hex(c.get("non_stroking_color")) for c in chars]
    if not colours:
        return None
    colour = max(set(colours), key=colours.count, default=None)
    return None if colour == "000000" else colour


def is_mark(text: str) -> bool:
    """A word that is only status marks (``■``, ``●``): the one kind whose colour is kept."""
    return bool(text) and set(clean_word(text)) <= _MARKS


def mark_colour(words: Sequence[Word]) -> str | None:
    """A status shown as a coloured mark (``■`` in green): the mark's colour, when the text is only marks.

    >>> mark_colour([Word("•", 0, 5, 0, 8, 8, colour="00B050")]), mark_colour([Word("OK", 0, 9, 0, 8, 8)])
    ('00B050', None)
    """
    if not words or not all(is_mark(w.text) for w in words):
        return None
    colours = {w.colour for w in words}
    return colours.pop() if len(colours) == 1 else None


def clean_word(text: str) -> str:
    """Undo ligatures and unify bullet glyphs."""
    text = text.translate(_LIGATURES)
    if text and text[0] in _BULLETS:
        text = "•" + text[1:]
    return unicodedata.normalize("NFC", text)


# A list bullet drawn as a shape (Chromium draws a disc as a filled curve of
# 3pt at 10pt type): a small, square, filled object ...
_BULLET_SIZE = (1.5, 7.0)
# ... that the first word of a line follows within this distance (pt).
_BULLET_GAP = 15.0


def drawn_bullets(shapes: Sequence[dict[str, Any]], words: Sequence[Word]) -> list[Word]:
    """List bullets drawn as shapes, as ``•`` words on the line of the text they lead.

    Kept only where a word starts just right of the shape, on its height: a
    dot with no text beside it is something else (a status mark).
    """
    out = []
    for shape in shapes:
        width, height = float(shape["x1"] - shape["x0"]), float(shape["bottom"] - shape["top"])
        low, high = _BULLET_SIZE
        if not shape.get("fill") or not (low <= width <= high and low <= height <= high):
            continue
        if abs(width - height) > 1.5:
            continue
        middle = (shape["top"] + shape["bottom"]) / 2
        follows = [
            w
            for w in words
            if w.top <= middle <= w.bottom and 0 < w.x0 - shape["x1"] <= _BULLET_GAP
        ]
        if follows:
            word = min(follows, key=lambda w: w.x0)
            out.append(Word("•", shape["x0"], shape["x1"], word.top, word.bottom, word.size))
    return out


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
    joins with no space, and so does a range broken after its dash (``2025–`` /
    ``March 2026``), but a dash standing alone (``Bailey -``, ``2023 –``) keeps one.

    >>> join_line("Family Well-", "Being Model"), join_line("Bailey -", "quarterly")
    ('Family Well-Being Model', 'Bailey - quarterly')
    >>> join_line("April 2025–", "March 2026"), join_line("April 2025 –", "March 2026")
    ('April 2025–March 2026', 'April 2025 – March 2026')
    """
    if not before:
        return text
    if not text:
        return before
    announced = before.endswith(":") or before.split("\n")[-1].startswith("- ")
    if _LIST_START.match(text) or (announced and (text[:1].isupper() or _DASH_ITEM.match(text))):
        return f"{before}\n{text}"
    if re.search(r"[^\W\d_]-$|\w[–—]$", before):
        return before + text
    return f"{before} {text}"


def text_of(lines: Iterable[Line]) -> str:
    """Lines of one cell as text: wrapped lines joined with a space, list items on new lines."""
    out = ""
    for line in lines:
        out = join_line(out, line.text)
    return out


# A heading names a priority, objective or outcome: ``Priority 2: Safe at home``,
# ``Outcome 1 – ...``, ``Strategic objective B.``
_PRIORITY_HEADING = re.compile(
    r"^\s*(?:strategic\s+)?(?:priority|priorities|objective|outcome|aim|goal|theme|workstream|"
    r"ambition)\b\s*\w{0,6}\s*[:.\u2013\u2014-]",
    re.IGNORECASE,
)
# A heading is a short line: longer is a paragraph of prose.
_HEADING_WORDS = 14
# Larger type than the page's body by this ratio reads as a heading.
_LARGER = 1.1


def names_priority(text: str) -> bool:
    """True for a line that names a priority, objective or outcome (``Priority 2: ...``).

    >>> names_priority("Priority 2: Safe at home"), names_priority("Outcome 1 – Safer"), names_priority("Action")
    (True, True, False)
    """
    return bool(_PRIORITY_HEADING.match(text))


def body_size(lines: Sequence[Line]) -> float:
    """The page's usual type size: the median size of its words."""
    sizes = [w.size for ln in lines for w in ln.words]
    return statistics.median(sizes) if sizes else 10.0


def is_heading(line: Line, body: float) -> bool:
    """A short line that reads like a heading: it names a priority, or is bold or larger than the body.

    >>> is_heading(Line((Word("Priority", 0, 40, 0, 10, 10), Word("2:", 42, 50, 0, 10, 10))), 10)
    True
    """
    words = line.text.split()
    if not 0 < len(words) <= _HEADING_WORDS or ACTION_ID.match(line.text):
        return False
    texts = [w for w in line.words if not w.superscript]
    bold = bool(texts) and all(w.bold for w in texts)
    return names_priority(line.text) or bold or is_larger(line, body)


def is_larger(line: Line, body: float) -> bool:
    """Set in larger type than the page's body (``body_size``): a heading, not a cell."""
    texts = [w for w in line.words if not w.superscript]
    return bool(texts) and statistics.median(w.size for w in texts) >= _LARGER * body
