"""The heading just above a PDF table's first part: the first priority, or not.

Headings between a table's parts (``2. Tackle domestic abuse``) are taken by
the readers when they find them between two parts. The one above the first
part has no part above it to vouch for it, and the title or a key line may
sit there instead; it is taken by the same rule as the ones between, and
more: it names a priority (``Priority 1: ...``), or it looks like the
headings between the parts (same weight and size, numbered as they are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.pdf_words import Line, is_heading, names_priority
from parsers.vocabulary import PRIORITY_START, STATUS_PATTERNS

# Headings of one level share a type size: within this many points, allowing
# for the rounding of a producer's text matrix (Chromium's 12.9975 for 13).
_SAME_SIZE = 0.5
# A line naming this many status values explains them: a key, not a heading.
_KEY_STATUSES = 2
# A line about the key or RAG scale (``RAG rating: ...``, ``Status key: ...``).
_KEY_WORDS = re.compile(r"\b(?:key|rag)\b", re.IGNORECASE)


def heads_first_part(
    line: Line, body: float, between: Sequence[Line], *, title: Line | None
) -> bool:
    """Is ``line``, just above the table's first part, the heading of its first rows?

    ``body`` is the page's body type size, ``between`` the headings found
    between the table's parts, ``title`` the document's first line (taken
    only when it names a priority). A key line is never one.

    >>> from parsers.pdf_words import Word
    >>> def line(text, size=13.0, bold=True):
    ...     return Line(tuple(Word(t, 0, 10, 0, 10, size, bold=bold) for t in text.split()))
    >>> second = [line("2. Tackle domestic abuse")]
    >>> heads_first_part(line("1. Reduce serious violence"), 10, second, title=None)
    True
    >>> heads_first_part(line("Action plan 2024-25", 15), 10, second, title=None)
    False
    >>> heads_first_part(line("Priority 1: Safer streets", 10), 10, [], title=None)
    True
    """
    if not is_heading(line, body) or _is_key(line.text):
        return False
    if names_priority(line.text):
        return True
    if line is title:
        return False
    numbered = bool(PRIORITY_START.match(line.text))
    return any(
        _same_style(line, other) and numbered == bool(PRIORITY_START.match(other.text))
        for other in between
    )


def _is_key(text: str) -> bool:
    found = {name for name, pattern in STATUS_PATTERNS if pattern.search(text)}
    return len(found) >= _KEY_STATUSES or bool(_KEY_WORDS.search(text))


def _same_style(a: Line, b: Line) -> bool:
    """Set alike: the same weight and, word by word at the median, the same size."""
    sizes_a = sorted(w.size for w in a.words)
    sizes_b = sorted(w.size for w in b.words)
    bold_a = all(w.bold for w in a.words)
    bold_b = all(w.bold for w in b.words)
    return (
        bold_a == bold_b
        and abs(sizes_a[len(sizes_a) // 2] - sizes_b[len(sizes_b) // 2]) <= _SAME_SIZE
    )
