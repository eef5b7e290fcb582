"""Headings outside the grid: the paragraphs that set a priority for a table part.

A workplan written as several tables, one per priority, puts a heading before
each (``Priority 2: Safe at home``, or a short paragraph in a heading style
or in bold, or a one-cell banner table). Read by shape, never by the heading's
words. A paragraph *looks like a heading* when it is short (at most
``_MAX_HEADING_WORDS`` words) and is a label and a number then text
(``Outcome 1 – ...``), or has a paragraph style other than the body's, or is
bold throughout, or is a banner; a short plain line (``continued overleaf``)
is not a heading.

- **between** two tables joined into one workplan table, the short
  paragraphs right before the second (at most ``_MAX_HEADING_PARAGRAPHS``;
  a longer paragraph is prose and ends the run) that look like headings;
- **before** the first table, the paragraphs right before it (as many as
  before the second part) when the first of them has the shape of the first
  heading between the parts (the same paragraph style, bold like it, or the
  same label-and-number shape), or, with no headings between, the paragraph
  right before it when it is a label and a number then text and not the
  document's first paragraph (its title).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A heading is a line, not a paragraph of prose.
_MAX_HEADING_WORDS = 20
# A priority heading and its one-line description; more is prose.
_MAX_HEADING_PARAGRAPHS = 2
# A label of one to three words, a number (``1``, ``2a``, ``IV``), a separator, text.
_LABELLED = re.compile(
    r"\A\s*(?P<label>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})\s+"
    r"(?:\d{1,2}[a-z]?|[IVX]{1,4})\s*[:.)–—-]\s*\S"
)
# Paragraph styles that say nothing about a paragraph being a heading.
_PLAIN_STYLES = frozenset({"", "normal", "bodytext", "listparagraph"})
# A one-cell table standing between table parts is written like a heading.
BANNER_STYLE = "(one-cell table)"


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph (or a one-cell table) as the heading rules see it."""

    text: str
    style: str = ""
    bold: bool = False


def looks_like_heading(para: Para) -> bool:
    """Short, and set apart by a label and number, a style, bold, or a banner.

    >>> looks_like_heading(Para("Priority 2: Safe")), looks_like_heading(Para("Continued"))
    (True, False)
    """
    return is_short(para) and (
        labelled(para.text) is not None or para.style.lower() not in _PLAIN_STYLES or para.bold
    )


def is_short(para: Para) -> bool:
    """A heading's length: some text, at most ``_MAX_HEADING_WORDS`` words."""
    return 0 < len(para.text.split()) <= _MAX_HEADING_WORDS


def short_run(paras: Sequence[Para]) -> list[Para]:
    """The run of short paragraphs right before a table part (at most two)."""
    run: list[Para] = []
    for para in reversed(paras):
        if not is_short(para) or len(run) == _MAX_HEADING_PARAGRAPHS:
            break
        run.append(para)
    return run[::-1]


def between(paras: Sequence[Para]) -> list[Para]:
    """The headings among the paragraphs between two table parts: those of the
    run of short paragraphs right before the second part that look like headings.

    >>> [p.text for p in between([Para("A long note " * 20), Para("Priority 2: Safe")])]
    ['Priority 2: Safe']
    >>> between([Para("Continued from page 1")])
    []
    """
    return [p for p in short_run(paras) if looks_like_heading(p)]


def labelled(text: str) -> str | None:
    """The label of a ``Label N: text`` heading, lower-cased, or ``None``.

    >>> labelled("Priority 1: Safer streets"), labelled("Outcome 2 – Fewer falls")
    ('priority', 'outcome')
    >>> labelled("Community Safety Plan 2024-25") is None
    True
    """
    match = _LABELLED.match(text)
    return match["label"].lower() if match else None


def before(paras: Sequence[Para], first_block: Sequence[Para]) -> list[Para]:
    """The headings of the first table part among the paragraphs before it.

    ``paras`` are the document's paragraphs before the table (the first is its
    title); ``first_block`` the headings found before the second part, whose
    shape the first part's headings share (as many paragraphs, the first of
    the same style or the same label).

    >>> [p.text for p in before([Para("Plan 2024-25"), Para("Priority 1: Safer streets")], [])]
    ['Priority 1: Safer streets']
    >>> before([Para("Plan 2024-25"), Para("Introduction")], [])
    []
    """
    if not first_block:
        last = paras[-1] if len(paras) >= 2 else None
        return [last] if last is not None and is_short(last) and labelled(last.text) else []
    for count in range(min(len(first_block), len(paras) - 1), 0, -1):
        run = list(paras[-count:])
        if all(is_short(p) for p in run) and _same_shape(run[0], first_block[0]):
            return run
    return []


def _same_shape(para: Para, heading: Para) -> bool:
    style = heading.style.lower()
    if style not in _PLAIN_STYLES and para.style.lower() == style:
        return True
    if heading.bold and para.bold:
        return True
    label = labelled(heading.text)
    return label is not None and labelled(para.text) == label
