"""What the PDF strategies share: page furniture, header marks, and measuring a reading.

The ruled assembler (``pdf_assemble``), the tagged reader and the text reader
each give a ``parsers.model.Grid``; ``explains`` and ``better`` compare their
readings, and ``parsers.grid.freeze`` turns the chosen one into the
``RawTable`` the normaliser reads, as it does Word's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from parsers.model import Grid, GridCell, Role
from parsers.pdf_page import Page
from parsers.pdf_words import Line

_DIGITS = re.compile(r"\d+")
# A later strategy replaces an earlier one's reading only when it explains
# clearly more: the text reader can take a line of prose beside the table for
# a row (measured: 1.6% more words on the ESS sample, all of them prose).
_MORE_WORDS = 1.05
# ... or about the same words (within 2%) in over twice the cells: the earlier
# reading merged whole rows that the later one keeps apart (booktabs with no
# rule between rows: 4 cells against 58). A smaller gain is the text reader
# splitting one cell's numbered actions (24 cells against 18 on a layout whose
# cells hold several actions), which the ruled reading rightly keeps together.
_SAME_WORDS = 0.98
_MORE_CELLS = 2.0


class SourceCell(Protocol):
    """A cell as a strategy read it on the page (``PageCell``, ``TaggedCell``)."""

    @property
    def text(self) -> str: ...
    @property
    def col_span(self) -> int: ...
    @property
    def marks(self) -> tuple[str, ...]: ...


def furniture(pages: Sequence[Page]) -> set[str]:
    """Lines repeated at the same place on several pages: page headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        for line in {
            (_DIGITS.sub("#", ln.text), round(ln.top / 4)) for ln in page.lines_outside_tables()
        }:
            seen[line] += 1
    return {text for (text, _), n in seen.items() if n >= 2 and text.strip()}


def is_furniture(line: Line, repeated: set[str]) -> bool:
    """True for a page header or footer line (``furniture``), page numbers aside."""
    return _DIGITS.sub("#", line.text) in repeated


def header_marks(
    rows: Sequence[Sequence[SourceCell | None]], labels: Sequence[str]
) -> dict[str, str]:
    """Footnote marks taken off header cells, each with its column's label (``1`` -> ``Themes``)."""
    marks: dict[str, str] = {}
    for row in rows:
        for k, cell in enumerate(row):
            if cell is None:
                continue
            for mark in cell.marks:
                marks.setdefault(mark, labels[k] if k < len(labels) else cell.text or "")
    return marks


def col_spans(rows: Sequence[Sequence[SourceCell | None]]) -> list[list[int]]:
    """Each cell's column span, as ``find_header`` reads a group label over its sub-columns."""
    return [[c.col_span if c is not None else 1 for c in row] for row in rows]


def explains(table: Grid) -> tuple[int, int]:
    """How much of the page a reading explains: words in its body cells, body cells with text.

    A row that mostly repeats the header's labels (a header repeated over a
    later part, taken for a row) explains nothing, nor does one with text only
    in columns the register does not use (a second header row of sub-labels,
    ``Q1 Q2 Q3 Q4``, taken for a row).
    """
    labels = {" ".join(h.split()).lower() for h in table.header if h.strip()}
    words = cells = 0
    for row in table.rows:
        texts = [c.text for c in row if c.text and c.text.strip()]
        used = [c for c, role in zip(row, table.roles, strict=False) if role is not Role.OTHER]
        if texts and not any(c.text and c.text.strip() for c in used):
            continue
        if sum(1 for t in texts if " ".join(t.split()).lower() in labels) * 2 >= len(texts) > 1:
            continue
        words += sum(len(t.split()) for t in texts)
        cells += len(texts)
    return words, cells


def better(challenger: tuple[int, int], incumbent: tuple[int, int]) -> bool:
    """True when a later strategy's reading (``explains``) clearly explains more than the one kept.

    >>> better((100, 10), (0, 0)), better((101, 12), (100, 10)), better((100, 30), (100, 10))
    (True, False, True)
    """
    words, cells = challenger
    if words > incumbent[0] * _MORE_WORDS:
        return True
    return words >= incumbent[0] * _SAME_WORDS and cells > incumbent[1] * _MORE_CELLS


def fill_spans(table: Grid) -> None:
    """Give each merged cell the row span of the ``None`` positions under it."""
    for col in range(len(table.roles)):
        origin: GridCell | None = None
        for row in table.rows:
            if row[col].text is None and origin is not None:
                origin.row_span += 1
            else:
                origin = row[col]
