"""Render Word XML as text the way a reader sees it, and read cell colours.

Works on lxml elements of ``word/document.xml``: runs, tabs and breaks,
tracked changes read as accepted (insertions kept, deletions dropped),
content controls, hyperlinks, text boxes, and Word's automatic numbering
rendered from ``numbering.xml`` (an action numbered ``1.1`` by a numbering
definition has no "1.1" in its text).
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from parsers.colour_key import shaded_runs

Element = Any  # an lxml element; python-docx's oxml classes are untyped

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

# Elements whose text is not part of what the reader sees: deleted text,
# field instructions, and the fallback copy of alternate content.
_SKIP = frozenset(
    {qn("w:del"), qn("w:instrText"), qn("w:delText"), f"{_MC}Fallback", qn("w:rPr"), qn("w:pPr")}
)

# Word's named highlight colours, for the highlight fallback.
_HIGHLIGHT = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF",
    "blue": "0000FF", "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000",
    "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0", "black": "000000",
}  # fmt: skip

_BULLET_GLYPHS = frozenset("\uf0b7\uf0a7\uf0d8\uf0fc\uf076·•o§Øü▪■–-")


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Format a list counter as Word's ``w:numFmt`` says.

    >>> format_number(3, "lowerLetter"), format_number(4, "upperRoman")
    ('c', 'IV')
    """
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", ""):
        return ""
    return str(n)


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass(slots=True)
class Numbering:
    """Word's list definitions and running counters for one document.

    Counters advance in document order, so paragraphs must be rendered in that
    order. ``label(p)`` returns the rendered number (``"1.1 "``, ``"a) "``,
    ``"• "``) or ``""``.
    """

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    style_numpr: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_parts(cls, numbering: Element | None, styles: Element | None) -> Numbering:
        """Build from the ``w:numbering`` and ``w:styles`` root elements (either may be missing)."""
        result = cls()
        if numbering is not None:
            abstract = {
                a.get(qn("w:abstractNumId")): a for a in numbering.iter(qn("w:abstractNum"))
            }
            for num in numbering.iter(qn("w:num")):
                ref = num.find(qn("w:abstractNumId"))
                if ref is None or ref.get(qn("w:val")) not in abstract:
                    continue
                levels = _read_levels(abstract[ref.get(qn("w:val"))])
                for override in num.iter(qn("w:lvlOverride")):
                    ilvl = int(override.get(qn("w:ilvl"), "0"))
                    start = override.find(qn("w:startOverride"))
                    if start is not None and ilvl in levels:
                        old = levels[ilvl]
                        levels[ilvl] = _Level(int(start.get(qn("w:val"), "1")), old.fmt, old.text)
                result.levels[num.get(qn("w:numId"))] = levels
        if styles is not None:
            result.style_numpr = _style_numbering(styles)
        return result

    def label(self, p: Element) -> str:
        """Advance the counters for paragraph ``p`` and return its rendered number."""
        num_id, ilvl = self._numpr(p)
        if num_id is None or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 10)
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return "• " if not glyph or glyph in _BULLET_GLYPHS else f"{glyph} "
        text = level.text
        for k in range(9, 0, -1):
            if f"%{k}" in text:
                value = counters[k - 1]
                lvl = levels.get(k - 1, level)
                shown = lvl.start if value is None else value
                text = text.replace(f"%{k}", format_number(shown, lvl.fmt))
        return f"{text} " if text else ""

    def _numpr(self, p: Element) -> tuple[str | None, int]:
        ppr = p.find(qn("w:pPr"))
        num_id: str | None = None
        ilvl = 0
        if ppr is not None:
            style = ppr.find(qn("w:pStyle"))
            if style is not None and style.get(qn("w:val")) in self.style_numpr:
                num_id, ilvl = self.style_numpr[style.get(qn("w:val"))]
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                nid = numpr.find(qn("w:numId"))
                lvl = numpr.find(qn("w:ilvl"))
                if nid is not None:
                    num_id = nid.get(qn("w:val"))
                if lvl is not None:
                    ilvl = int(lvl.get(qn("w:val"), "0"))
        if num_id == "0":
            return None, 0
        return num_id, ilvl


def _read_levels(abstract: Element) -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.iter(qn("w:lvl")):
        start = lvl.find(qn("w:start"))
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
        )
    return levels


def _style_numbering(styles: Element) -> dict[str, tuple[str, int]]:
    """Numbering that paragraph styles carry (``List Bullet``), following ``basedOn``."""
    own: dict[str, tuple[str, int]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        base = style.find(qn("w:basedOn"))
        if base is not None:
            based[sid] = base.get(qn("w:val"))
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            nid = numpr.find(qn("w:numId"))
            lvl = numpr.find(qn("w:ilvl"))
            if nid is not None:
                own[sid] = (
                    nid.get(qn("w:val")),
                    int(lvl.get(qn("w:val"), "0")) if lvl is not None else 0,
                )
    result = dict(own)
    for sid in based:
        seen = {sid}
        parent = based.get(sid)
        while sid not in result and parent and parent not in seen:
            if parent in own:
                result[sid] = own[parent]
            seen.add(parent)
            parent = based.get(parent)
    return result


def paragraph_text(p: Element, numbering: Numbering, notes: list[str]) -> str:
    """One paragraph as read: number label, then runs; footnote marks go to ``notes``."""
    return numbering.label(p) + "".join(_runs(p, notes))


def _runs(el: Element, notes: list[str]) -> Iterator[str]:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == qn("w:t"):
            yield child.text or ""
        elif tag == qn("w:tab") or tag == qn("w:ptab"):
            yield "\t"
        elif tag in (qn("w:br"), qn("w:cr")):
            yield "\n"
        elif tag == qn("w:noBreakHyphen"):
            yield "-"
        elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")):
            kind = "endnote" if tag == qn("w:endnoteReference") else "footnote"
            notes.append(f"{kind}:{child.get(qn('w:id'))}")
        elif tag == qn("w:txbxContent") and child.find(f".//{qn('w:tbl')}") is not None:
            continue  # a text box holding a table is read as blocks of its own (parsers.word)
        elif tag == qn("w:txbxContent"):
            texts = ["".join(_runs(p, notes)) for p in child.iter(qn("w:p"))]
            yield "\n".join(t for t in texts if t.strip())
        elif tag == qn("w:p"):
            # a paragraph inside a text box reached through drawing markup
            yield "".join(_runs(child, notes))
        else:
            yield from _runs(child, notes)


def _hex(value: str | None) -> str | None:
    if not value or value.lower() == "auto" or len(value) != 6:
        return None
    value = value.upper()
    return None if value == "FFFFFF" else value


def _tinted(rgb: str, tint: str | None, shade: str | None) -> str:
    """Apply Word's themeFillTint / themeFillShade (hex 00-FF) in HLS space."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    if shade:
        lum = lum * int(shade, 16) / 255
    if tint:
        lum = lum * int(tint, 16) / 255 + (1 - int(tint, 16) / 255)
    r, g, b = colorsys.hls_to_rgb(h, lum, s)
    return "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def theme_colours(theme: Element | None) -> dict[str, str]:
    """Theme colour names (``accent1``, ``dark1`` ...) to RGB from ``theme1.xml``."""
    if theme is None:
        return {}
    colours = {}
    scheme = theme.find(f".//{_A}clrScheme")
    for slot in scheme if scheme is not None else ():
        name = slot.tag.replace(_A, "")
        srgb = slot.find(f"{_A}srgbClr")
        sys_clr = slot.find(f"{_A}sysClr")
        value = (
            srgb.get("val")
            if srgb is not None
            else sys_clr.get("lastClr")
            if sys_clr is not None
            else None
        )
        if value:
            colours[name] = value.upper()
    # Word's fill names map onto the scheme slots under other names.
    for word, slot in (("dark1", "dk1"), ("light1", "lt1"), ("dark2", "dk2"), ("light2", "lt2"),
                       ("text1", "dk1"), ("background1", "lt1"), ("text2", "dk2"), ("background2", "lt2")):  # fmt: skip
        if slot in colours:
            colours[word] = colours[slot]
    return colours


def shading_fill(shd: Element | None, theme: dict[str, str]) -> str | None:
    """The RGB fill of a ``w:shd`` element, theme fills resolved, white as ``None``."""
    if shd is None:
        return None
    theme_fill = shd.get(qn("w:themeFill"))
    if theme_fill and theme_fill in theme:
        return _hex(
            _tinted(
                theme[theme_fill], shd.get(qn("w:themeFillTint")), shd.get(qn("w:themeFillShade"))
            )
        )
    return _hex(shd.get(qn("w:fill")))


def cell_fill(tc: Element, theme: dict[str, str]) -> str | None:
    """A cell's colour: its shading, else its first paragraph's shading or highlight,
    else, when its only text is a mark (``●``, ``■``), the mark's colour: a RAG dot."""
    fill = shading_fill(tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}"), theme)
    if fill:
        return fill
    for p in tc.iter(qn("w:p")):
        fill = shading_fill(p.find(f"{qn('w:pPr')}/{qn('w:shd')}"), theme)
        if fill:
            return fill
        for hl in p.iter(qn("w:highlight")):
            colour = _HIGHLIGHT.get(hl.get(qn("w:val"), ""))
            if colour:
                return colour
    marks = [(text, colour) for text, colour in _coloured_runs(tc, theme) if text.strip()]
    if marks and all(_is_mark(text) for text, _ in marks):
        return next((colour for _, colour in marks if colour), None)
    return None


def marked_labels(p: Element, theme: dict[str, str]) -> list[tuple[str, str | None]]:
    """A paragraph's coloured marks and the words after each: a key written in a line.

    ``Key: ● Completed ● On track`` (each ``●`` in its colour) gives
    ``[("Completed", blue), ("On track", green)]``; ``[]`` when no mark is coloured.
    """
    pairs: list[tuple[list[str], str | None]] = []
    for text, colour in _coloured_runs(p, theme):
        if text.strip() and _is_mark(text) and colour:
            pairs.append(([], colour))
        elif pairs:
            pairs[-1][0].append(text)
    return [(" ".join("".join(words).split()), colour) for words, colour in pairs]


def shaded_labels(p: Element, theme: dict[str, str]) -> list[tuple[str, str | None]]:
    """A paragraph's shaded or highlighted words, each run of one colour a label: a key
    written as words on their colours (``Key: [Completed] [On target] [Missed]``).

    Runs next to each other with one colour make one label; ``[]`` when fewer
    than two colours are used (one highlighted phrase is emphasis, not a key).
    """
    pieces = []
    for r in p.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        fill = shading_fill(r.find(f"{qn('w:rPr')}/{qn('w:shd')}"), theme)
        highlight = r.find(f"{qn('w:rPr')}/{qn('w:highlight')}")
        if fill is None and highlight is not None:
            fill = _HIGHLIGHT.get(highlight.get(qn("w:val"), ""))
        pieces.append((text, fill))
    return shaded_runs(pieces, "")


# Shapes a status is drawn with; a tick or a cross coloured green or red marks
# a theme or a yes/no, not a status.
_STATUS_MARKS = frozenset("●⬤•■◼▪▲◆⚫◉⏺")


def _is_mark(text: str) -> bool:
    """Text made of status marks only (a dot, a square)."""
    marks = [ch for ch in text if not ch.isspace()]
    return bool(marks) and all(ch in _STATUS_MARKS for ch in marks)


def _coloured_runs(el: Element, theme: dict[str, str]) -> Iterator[tuple[str, str | None]]:
    """Each run's text with its font colour (``RRGGBB``, black and automatic as ``None``)."""
    for r in el.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        colour = r.find(f"{qn('w:rPr')}/{qn('w:color')}")
        value: str | None = None
        if colour is not None:
            theme_colour = colour.get(qn("w:themeColor"))
            value = theme.get(theme_colour) if theme_colour else None
            value = _hex(value or colour.get(qn("w:val")))
        yield text, None if value == "000000" else value
