"""Status from a row's colour (matched to the document's own key) or from status text.

Colours are compared in CIELAB, where distance follows what the eye sees:
light green and dark green are closer than green and amber, which RGB
distance gets wrong.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

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


def key_palette(key: Sequence[KeyEntry]) -> tuple[tuple[str, Status], ...]:
    """The document's own key as ``(fill, status)``; labels that name no status are left out."""
    out = []
    for entry in key:
        status = status_from_text(entry.label)
        if status is not None:
            out.append((entry.fill, status))
    return tuple(out)


def status_from_fill(
    fill: str, palette: Sequence[tuple[str, Status]]
) -> tuple[Status | None, float]:
    """The status whose colour is nearest ``fill``, and a confidence (1 = exact colour).

    ``(None, 0.0)`` for a fill that is grey or far from every status colour.
    """
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
    fills: Sequence[str], texts: Sequence[str], key: Sequence[KeyEntry]
) -> tuple[Status | None, tuple[Repair, ...]]:
    """A row's status from its status-column text, else its fills (status column first).

    Matched against the document's own key where it has one, else the usual RAG
    colours; an inexact colour match is recorded for review.
    """
    for text in texts:
        status = status_from_text(text)
        if status is not None:
            return status, ()
    own = key_palette(key)
    # A key that names only some statuses (no "on track") leaves the usual
    # colours for the others.
    named = {status for _, status in own}
    palette = (*own, *(entry for entry in DEFAULT_PALETTE if entry[1] not in named))
    source = "the document's colour key" if own else "the usual RAG colours"
    for fill in fills:
        status, confidence = status_from_fill(fill, palette)
        if status is None:
            continue
        if confidence < 1.0:
            note = f"status read from fill #{fill}, nearest colour in {source}"
            return status, (Repair("Status", f"#{fill}", status.value, note, confidence),)
        return status, ()
    return None, ()
