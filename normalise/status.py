"""Status from a row's colour (matched to the document's own key) or from status text.

Colours are compared in CIELAB, where distance follows what the eye sees:
light green and dark green are closer than green and amber, which RGB
distance gets wrong.

A coloured symbol in the status cell (``🟢``, ``🟧``) is read as a fill of its
colour. A document's key written as text (:func:`text_key`) is its own: a
line of symbols each before a label (``🟢 On track 🟠 At risk``), or a line
labelled ``... key:`` of ``term – definition`` entries (``Slipping – at risk of
missing the date``), each term's status read from its definition.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalise.model import Repair, Status
from parsers.model import KeyEntry
from parsers.vocabulary import STATUS_PATTERNS

# The usual RAG palette when a document has no key of its own. Several
# shades per status: Word's standard colours and their common lighter tints.
DEFAULT_PALETTE: tuple[tuple[str, Status], ...] = (
    ("FF0000", Status.OVERDUE), ("C00000", Status.OVERDUE), ("FF7C80", Status.OVERDUE),
    ("FFC000", Status.AT_RISK), ("FFFF00", Status.AT_RISK), ("FFD966", Status.AT_RISK),
    ("F4B183", Status.AT_RISK),
    ("00B050", Status.ON_TRACK), ("92D050", Status.ON_TRACK), ("A8D08D", Status.ON_TRACK),
    ("00FF00", Status.ON_TRACK),
    ("0070C0", Status.COMPLETE), ("00B0F0", Status.COMPLETE), ("8EAADB", Status.COMPLETE),
    ("9DC3E6", Status.COMPLETE), ("0000FF", Status.COMPLETE), ("00602B", Status.COMPLETE),
)  # fmt: skip

# Beyond this CIELAB distance a fill is not any status colour (grey banding,
# a pale header tint). 35 is about the gap between amber and yellow-green.
MAX_COLOUR_DISTANCE = 35.0
# Near-white and near-grey fills are table styling, not status.
_MIN_CHROMA = 12.0

# The status words are defined once, with the parsers (parsers/vocabulary.py).
_TEXT_STATUS: tuple[tuple[re.Pattern[str], Status], ...] = tuple(
    (pattern, Status(name)) for name, pattern in STATUS_PATTERNS
)


# Coloured symbols (emoji circles and squares) as the fill of their colour:
# Word's standard colours, so the usual RAG palette reads them exactly.
SYMBOL_COLOURS: dict[str, str] = {
    "🟢": "00B050", "🟩": "00B050", "🟡": "FFFF00", "🟨": "FFFF00",
    "🟠": "FFC000", "🟧": "FFC000", "🔴": "FF0000", "🟥": "FF0000",
    "🔵": "0070C0", "🟦": "0070C0", "🟣": "7030A0", "🟪": "7030A0",
    "🟤": "843C0C", "🟫": "843C0C", "⚫": "000000", "⬛": "000000",
    "⚪": "FFFFFF", "⬜": "FFFFFF",
}  # fmt: skip
_SYMBOL = re.compile("|".join(map(re.escape, SYMBOL_COLOURS)))

# The register's own status names, as a key's definition writes them; a name
# after "not" ("not on track") says what the status is not.
_STATUS_NAMES = re.compile(
    r"(?<![\w-])(?P<not>not\s+)?(?P<name>complete|on[\s-]*track|at[\s-]*risk|overdue)\b", re.I
)
# "Progress key:", "Status key –", "RAG key:", "Key:" before a key's entries.
_KEY_LINE = re.compile(
    r"\A\s*(?:[^\W\d_]+\s+){0,2}(?P<label>key|legend|status|progress|rag)\s*[:–—-]\s*", re.I
)
# A line headed only "Status:" or "Progress:" is a key when it defines this many
# terms; one entry is a sentence about a status, not a key.
_MIN_UNLABELLED_ENTRIES = 2
# One entry of a key written as text: a short term, a dash, colon or equals
# sign, its definition.
_KEY_ENTRY = re.compile(
    r"\A\s*(?P<term>[^–—:=;]+?)\s*(?:[–—:=]|\s-\s)\s*(?P<definition>\S.*?)\s*[.;]?\s*\Z", re.S
)
# A key's term is a word or a few ("Achieved", "Not yet started").
_MAX_TERM_WORDS = 4
TEXT_KEY_RULE = "status word read through the document's own key"


@dataclass(frozen=True, slots=True)
class TextKey:
    """A document's key written as text.

    ``words`` are ``(term, status, entry)``: the document's own progress word,
    the status its definition gives, and the entry as written; ``colours`` are
    ``(fill, status)`` for the coloured symbols of a symbol key.
    """

    words: tuple[tuple[str, Status, str], ...] = ()
    colours: tuple[tuple[str, Status], ...] = ()


# A definition saying the due date has gone by: overdue, whatever else it says
# ("the target has passed and the action is not complete").
_PAST_DUE = re.compile(
    r"\b(?:date|deadline|target|timescale)s?\s+(?:has\s+|have\s+)?(?:passed|been\s+missed|gone\s+by)"
    r"|\bpast\s+(?:its|the|their)\s+(?:due\s+)?(?:date|deadline|target)",
    re.I,
)


def status_of_definition(text: str) -> Status | None:
    """The status a key's definition names: the first of the register's own status names
    it uses, else a status word; ``None`` when it names none or says ``not`` one.

    >>> status_of_definition("behind plan, at risk of missing the date")
    <Status.AT_RISK: 'At risk'>
    >>> status_of_definition("the target has passed and the action is not complete")
    <Status.OVERDUE: 'Overdue'>
    >>> status_of_definition("agreed by the Board") is None
    True
    """
    if _PAST_DUE.search(text):
        return Status.OVERDUE
    names = list(_STATUS_NAMES.finditer(text))
    if any(m["not"] for m in names):
        return None
    if names:
        return _name_status(names[0]["name"])
    return status_from_text(text)


def _name_status(name: str) -> Status:
    squeezed = re.sub(r"[\s-]+", " ", name.casefold())
    return next(s for s in Status if s.value.casefold() == squeezed)


def text_key(lines: Sequence[str]) -> TextKey:
    """The key a document writes in its text lines (title lines, text after the table).

    >>> key = text_key(["Progress key: Achieved – done; Slipping – at risk of missing the date"])
    >>> [(term, status.value) for term, status, _ in key.words]
    [('achieved', 'Complete'), ('slipping', 'At risk')]
    >>> [t for t, _, _ in text_key(["Status: Done – delivered; Missed – the date has passed"]).words]
    ['done', 'missed']
    >>> [s.value for _, s, _ in text_key(["Status: Done – delivered; Missed – the date has",
    ...                                     "passed and the action is not complete."]).words]
    ['Complete', 'Overdue']
    >>> text_key(["Status: agreed by the Board – see minutes"]).words
    ()
    >>> [t for t, _, _ in text_key(["Updated 1/11. Status: Behind – at risk; Done – done"]).words]
    ['behind', 'done']
    >>> text_key(["🟢 on track 🟠 some slippage – at risk"]).colours
    (('00B050', <Status.ON_TRACK: 'On track'>), ('FFC000', <Status.AT_RISK: 'At risk'>))
    """
    words: list[tuple[str, Status, str]] = []
    colours: list[tuple[str, Status]] = []
    for k, line in enumerate(lines):
        symbols = _symbol_key(line)
        if symbols:
            colours.extend(symbols)
            continue
        label = _key_label(line)
        if label is None:
            continue
        text = line[label.end() :]
        # A key wrapped over lines (a PDF's) goes on while it stops mid-entry.
        for more in lines[k + 1 :]:
            last = re.split(r"[;|\n]", text)[-1]
            wrapped = more.strip()[:1].islower()  # a sentence carried on to the next line
            if _KEY_LINE.match(more) or (not wrapped and last.strip() and _KEY_ENTRY.match(last)):
                break
            text = f"{text} {more}"
        found = [
            read
            for entry in re.split(r"[;|\n]", text)
            if (read := _key_entry(entry, by_term=True)) is not None
        ]
        named_key = label["label"].casefold() in ("key", "legend")
        if named_key or len(found) >= _MIN_UNLABELLED_ENTRIES:
            words.extend(found)
    known = {term for term, _, _ in words}
    words.extend(w for w in listed_key(lines) if w[0] not in known)
    return TextKey(tuple(words), tuple(colours))


_KEY_AT = re.compile(_KEY_LINE.pattern.removeprefix(r"\A"), re.I)
_SENTENCE_START = re.compile(r"(?<=[.;!?])\s+(?=\S)")


def _key_entry(entry: str, *, by_term: bool) -> tuple[str, Status, str] | None:
    """``(term, status, entry)`` of one key entry (a short term, a dash, its definition),
    the status from the definition, else (``by_term``) from the term itself."""
    read = _KEY_ENTRY.match(entry)
    if read is None or len(read["term"].split()) > _MAX_TERM_WORDS:
        return None
    term = " ".join(read["term"].split())
    status = status_of_definition(read["definition"])
    if status is None and by_term:
        status = status_from_text(term)
    return (term.casefold(), status, " ".join(entry.split())) if status is not None else None


def _key_label(line: str) -> re.Match[str] | None:
    """The key's label (``Status:``) opening the line or one of its sentences
    (``Last updated: 14/11/2025. Status: Completed – ...``)."""
    for start in (0, *(m.end() for m in _SENTENCE_START.finditer(line))):
        found = _KEY_AT.match(line, start)  # match() anchors at ``start``
        if found is not None:
            return found
    return None


def listed_key(lines: Sequence[str]) -> list[tuple[str, Status, str]]:
    """A key written one entry per line with no label (a key table's rows, as the
    parser writes them: ``Stalled – the target date has passed``): two or more
    lines in a row, each a short term and a definition that names a status.

    >>> [(t, s.value) for t, s, _ in listed_key(["Key", "Stalled – the date has passed",
    ...                                          "Finished – complete", "Notes"])]
    [('stalled', 'Overdue'), ('finished', 'Complete')]
    >>> listed_key(["Finished – complete", "Notes follow"])
    []
    """
    out: list[tuple[str, Status, str]] = []
    run: list[tuple[str, Status, str]] = []
    for line in (*lines, ""):
        entry = _key_entry(line, by_term=False)  # with no label, the definition must say it
        if entry is not None:
            run.append(entry)
            continue
        if len(run) >= _MIN_UNLABELLED_ENTRIES:
            out.extend(run)
        run = []
    return out


def _symbol_key(line: str) -> list[tuple[str, Status]]:
    """``(fill, status)`` for a line of two or more coloured symbols, each before a label
    that names a status; ``[]`` for any other line."""
    marks = list(_SYMBOL.finditer(line))
    if len(marks) < 2:
        return []
    out = []
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        label = line[mark.end() : end].strip(" \t\ufe0f–—-:=,;")
        status = status_of_definition(label) if label else None
        if status is None:
            return []
        out.append((SYMBOL_COLOURS[mark.group()], status))
    return out


def symbol_fills(text: str) -> list[str]:
    """The fills of the coloured symbols in a status cell's text, in order.

    >>> symbol_fills("🟢")
    ['00B050']
    """
    return [SYMBOL_COLOURS[m.group()] for m in _SYMBOL.finditer(text)]


def _lab(hex_rgb: str) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_rgb[i : i + 2], 16) / 255) for i in (0, 2, 4))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def colour_distance(a: str, b: str) -> float:
    """CIE76 distance between two ``RRGGBB`` colours.

    >>> round(colour_distance("FF0000", "FF0000"), 1)
    0.0
    """
    return math.dist(_lab(a), _lab(b))


def status_from_text(text: str) -> Status | None:
    """A written status (``G``, ``Amber``, ``On track``, ``Action Complete``), or ``None``."""
    text = " ".join(text.split())
    if not text:
        return None
    for pattern, status in _TEXT_STATUS:
        if pattern.search(text):
            return status
    return None


# A status word the label denies: "Not achieved by the target date", "not yet complete".
_DENIED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:achieved|complete[d]?|done|met|delivered|on[\s-]*track)\b", re.I
)


def key_palette(key: Sequence[KeyEntry]) -> tuple[tuple[str, Status], ...]:
    """The document's own key as ``(fill, status)``; labels that name no status are left out.

    A label that denies a status word (``Not achieved by the target date``)
    is never read as that status: its own colour's usual meaning says what it is.

    >>> key_palette([KeyEntry("Achieved", "00B050"), KeyEntry("Not achieved by the date", "FF0000")])
    (('00B050', <Status.COMPLETE: 'Complete'>), ('FF0000', <Status.OVERDUE: 'Overdue'>))
    """
    out = []
    for entry in key:
        if _DENIED.search(entry.label):
            status, confidence = status_from_fill(entry.fill, DEFAULT_PALETTE)
            status = status if confidence > 0 else None
        else:
            status = status_from_text(entry.label)
        if status is not None:
            out.append((entry.fill, status))
    return tuple(out)


def status_from_fill(
    fill: str, palette: Sequence[tuple[str, Status]]
) -> tuple[Status | None, float]:
    """The status whose colour is nearest ``fill``, and a confidence (1 = exact colour).

    ``(None, 0.0)`` for a fill that is grey or far from every status colour
    (unless the palette names that very colour: a key's black symbol).
    """
    exact = next((status for colour, status in palette if colour == fill), None)
    if exact is not None:
        return exact, 1.0
    _lightness, a, b = _lab(fill)
    if math.hypot(a, b) < _MIN_CHROMA:
        return None, 0.0
    best = min(palette, key=lambda entry: colour_distance(fill, entry[0]), default=None)
    if best is None:
        return None, 0.0
    distance = colour_distance(fill, best[0])
    if distance > MAX_COLOUR_DISTANCE:
        return None, 0.0
    return best[1], round(1 - distance / (2 * MAX_COLOUR_DISTANCE), 2)


def row_status(
    fills: Sequence[str],
    texts: Sequence[str],
    key: Sequence[KeyEntry],
    written_key: TextKey = TextKey(),
) -> tuple[Status | None, tuple[Repair, ...]]:
    """A row's status from its status-column text, else its fills (status column first).

    A word the document's own key defines (``written_key``) is read through
    that key first; a coloured symbol in the text is a fill of its colour, read
    before the usual status words and the row's fills. Fills are matched against the document's own key
    (its colour key, and its symbol key) where it has one, else the usual RAG
    colours; an inexact colour match is recorded for review.
    """
    own = (*key_palette(key), *written_key.colours)
    # A key that names only some statuses (no "on track") leaves the usual
    # colours for the others.
    named = {status for _, status in own}
    palette = (*own, *(entry for entry in DEFAULT_PALETTE if entry[1] not in named))
    source = "the document's colour key" if own else "the usual RAG colours"
    for text in texts:
        status, repairs = _status_of_text(text, written_key, palette)
        if status is not None:
            return status, repairs
    for fill in fills:
        status, confidence = status_from_fill(fill, palette)
        if status is None:
            continue
        if confidence < 1.0:
            note = f"status read from fill #{fill}, nearest colour in {source}"
            return status, (Repair("Status", f"#{fill}", status.value, note, confidence),)
        return status, ()
    return None, ()


def _status_of_text(
    text: str, written_key: TextKey, palette: Sequence[tuple[str, Status]]
) -> tuple[Status | None, tuple[Repair, ...]]:
    """A status cell's words read through the document's key, its coloured symbols through
    ``palette`` (the key's colours first: a key may make yellow "on track"), else the
    usual status words."""
    said = " ".join(text.split()).strip(" .")
    for term, status, entry in written_key.words:
        if said.casefold() == term:
            if status_from_text(said) is status:
                return status, ()
            note = f"{TEXT_KEY_RULE} ({entry})"
            return status, (Repair("Status", said, status.value, note, 0.9),)
    for fill in symbol_fills(text):
        shown, _ = status_from_fill(fill, palette)
        if shown is not None:
            return shown, ()
    return status_from_text(text), ()


KEY_RULE = "the document's own key, read before the standard words and colours"


def key_records(colour_key: Sequence[KeyEntry], written: TextKey) -> list[Repair]:
    """The Review records of a document's status keys: which key, its entries, their meaning.

    >>> [r.before for r in key_records([KeyEntry("Complete", "8EAADB"),
    ...                                 KeyEntry("On track", "A8D08D")], TextKey())]
    ['colour key: Complete #8EAADB; On track #A8D08D']
    """
    out = []
    if colour_key:
        entries = "; ".join(f"{e.label} #{e.fill}" for e in colour_key)
        meant = "; ".join(f"#{fill} {status.value}" for fill, status in key_palette(colour_key))
        out.append(Repair("Key", f"colour key: {entries}", meant, KEY_RULE, 1.0))
    if written.words:
        entries = "; ".join(entry for _, _, entry in written.words)
        meant = "; ".join(f"{term} {status.value}" for term, status, _ in written.words)
        out.append(Repair("Key", f"key in the text: {entries}", meant, KEY_RULE, 1.0))
    if written.colours:
        meant = "; ".join(f"#{fill} {status.value}" for fill, status in written.colours)
        out.append(Repair("Key", "key of coloured symbols in the text", meant, KEY_RULE, 1.0))
    return out
