"""What a parser hands to the normaliser: tables of raw cells with provenance.

Parsers convert library objects (python-docx proxies, pdfplumber dicts) into
these frozen dataclasses at their edge; nothing downstream sees Word or PDF.
A cell's ``text`` is ``None`` where no cell starts (the position is covered by
a merge) and ``""`` for an empty cell, as pdfplumber does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """What a workplan column holds, recognised from its header's meaning."""

    STATUS = "status"
    IMPACT = "impact"
    ACTION = "action"
    THEMES = "themes"
    LEAD = "lead"
    TIMEFRAME = "timeframe"
    ID = "id"  # the action's own reference (Ref / No. / ID, or a column of codes)
    SUPPORT = "support"  # partners / contributors helping the lead
    PRIORITY = "priority"  # the priority or objective a row sits under, as its own column
    OTHER = "other"  # a column the register does not use (Success measure, Evidence, ...)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a cell came from: file, table, row and column, and page(s) for PDF.

    ``table``, ``row`` and ``col`` are 0-based indices in the parser's grid;
    ``pages`` are 1-based page numbers (empty for Word, which has no pages).
    """

    file: str
    table: int
    row: int
    col: int
    pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RawCell:
    """One grid position of a table.

    ``text`` is ``None`` when a merged cell above or to the left covers this
    position; the merged cell itself carries ``row_span``/``col_span``.
    ``fill`` is the cell's background as ``RRGGBB`` upper-case hex, or ``None``
    when it has none (white counts as none).
    """

    text: str | None
    provenance: Provenance
    row_span: int = 1
    col_span: int = 1
    fill: str | None = None
    nested: bool = False


@dataclass(frozen=True, slots=True)
class RawTable:
    """A workplan table: header rows first, then data rows, all in one grid.

    ``roles`` gives each grid column's meaning, read from the header.
    ``method`` says how it was read (``docx``, ``lines``, ``text``, ``tagged``).
    A table that ran over pages or was split into several Word tables is one
    ``RawTable``; repeated header rows are already dropped.

    ``headings`` are the document's own words that set a priority for the rows
    that follow them but sit outside the grid: ``(row, text)`` for a heading
    paragraph (``Priority 2: Safe at home``) written before data row ``row``
    (0 for one before the table). Band rows inside the grid stay rows.
    """

    index: int
    roles: tuple[Role, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[RawCell, ...], ...]
    method: str
    pages: tuple[int, ...] = ()
    headings: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One entry of a document's own colour key, e.g. ``Action on Track`` on green."""

    label: str
    fill: str


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or endnote, with the text of the cell or paragraph it is attached to."""

    mark: str
    text: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Everything a parser read from one file.

    ``title_lines`` are the document's opening lines (body paragraphs before
    the first table, then page header lines, then core-properties title) in
    that order; the normaliser picks the title and period from them.
    ``other_tables`` counts tables that were not workplan tables, with a word
    on each in ``notes``. ``modified`` is when the document says it was last
    saved (Word's core properties, the PDF's ``ModDate`` or ``CreationDate``),
    in UTC without a zone; ``None`` when it does not say.
    """

    path: str
    format: str
    pages: int
    title_lines: tuple[str, ...]
    tables: tuple[RawTable, ...]
    colour_key: tuple[KeyEntry, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    page_lines: tuple[str, ...] = field(default=())
    trailing_text: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    modified: datetime | None = None
