"""Recognise a document's own colour key (``Action Complete`` on blue, ...).

Shared by the parsers: given labelled fills found in a document (key table
cells, shaded paragraphs, filled boxes beside text in a PDF), keep those whose
label names a status. What each label *means* is the normaliser's business.
A table that is no workplan and no colour key (a key to owners' initials, a
glossary) is kept as lines of text (``row_lines``) for the normaliser to read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parsers.model import KeyEntry
from parsers.vocabulary import STATUS_WORDS

# A key label is short; a long sentence mentioning "complete" is an action.
_MAX_LABEL_WORDS = 6


def is_key_label(text: str) -> bool:
    """True for a short text that names a status (``Action on Track``)."""
    words = text.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and bool(STATUS_WORDS.search(text))


def key_entries(labelled_fills: Iterable[tuple[str, str | None]]) -> tuple[KeyEntry, ...]:
    """The colour key among ``(label, fill)`` pairs, or ``()`` when there is none.

    A key needs at least two distinct coloured status labels.

    >>> key_entries([("Action Complete", "8EAADB"), ("Action on Track", "A8D08D")])
    (KeyEntry(label='Action Complete', fill='8EAADB'), KeyEntry(label='Action on Track', fill='A8D08D'))
    """
    entries = tuple(
        KeyEntry(" ".join(label.split()), fill)
        for label, fill in labelled_fills
        if fill and is_key_label(label)
    )
    return entries if len({e.fill for e in entries}) >= 2 else ()


def shaded_runs(pieces: Iterable[tuple[str, str | None]], sep: str) -> list[tuple[str, str | None]]:
    """Pieces of text on their fills as key labels: neighbours on one fill make one label,
    unshaded pieces part them; ``[]`` when fewer than two fills are used (one shaded
    phrase is emphasis, not a key). ``sep`` joins the pieces (``""`` for Word's runs,
    ``" "`` for a PDF's words).

    >>> shaded_runs([("Key:", None), ("On", "00B050"), ("track", "00B050"), ("Late", "FF0000")], " ")
    [('On track', '00B050'), ('Late', 'FF0000')]
    """
    labels: list[tuple[list[str], str]] = []
    previous: str | None = None
    for text, fill in pieces:
        if fill and fill == previous:
            labels[-1][0].append(text)
        elif fill:
            labels.append(([text], fill))
        previous = fill
    joined = [(" ".join(sep.join(texts).split()), fill) for texts, fill in labels]
    out: list[tuple[str, str | None]] = [(label, fill) for label, fill in joined if label]
    return out if len({fill for _, fill in out}) >= 2 else []


def row_lines(texts: Sequence[Sequence[str | None]]) -> list[str]:
    """Each row of a table as one line: its cells' text joined by `` – ``.

    A merged cell is written once (``None`` marks the cells it covers), empty
    cells and empty rows are left out.

    >>> row_lines([["JB", "Jo Brown, Head of Early Help"], ["Key", None], ["", ""]])
    ['JB – Jo Brown, Head of Early Help', 'Key']
    """
    lines = []
    for row in texts:
        cells = [" ".join(t.split()) for t in row if t and t.strip()]
        if cells:
            lines.append(" – ".join(cells))
    return lines
