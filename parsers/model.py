"""What a parser hands to the normaliser: tables of raw cells with provenance.

Every reader (Word; PDF ruled lines, horizontal rules, structure tree, text
alignment) builds one ``Grid`` per workplan table, and one function
(``parsers.grid.freeze``) turns it into the frozen ``RawTable`` the normaliser
reads. Parsers convert library objects (python-docx proxies, pdfplumber dicts)
into these dataclasses at their edge; nothing downstream sees Word or PDF.
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


@dataclass(slots=True)
class GridCell:
    """One position of a ``Grid``, while a reader builds it.

    ``text`` is ``None`` where a merged cell covers the position (the merged
    cell carries ``row_span``/``col_span``), ``""`` for an empty cell; its
    lines are kept (``\\n``), list items with their numbering. ``fill`` is the
    background as ``RRGGBB`` hex or ``None``; ``pages`` the 1-based pages it
    lies on (empty for Word); ``marks`` the footnote marks taken off its text;
    ``nested`` says a table inside the cell was rendered into its lines.
    """

    text: str | None
    fill: str | None
    pages: set[int]
    row_span: int = 1
    col_span: int = 1
    marks: tuple[str, ...] = ()
    nested: bool = False


@dataclass(slots=True)
class Grid:
    """One workplan table as any reader builds it: the contract every format meets.

    ``header`` and ``roles`` are the header's labels and each column's meaning
    (``parsers.header.find_header``), over ``header_rows`` rows that are not in
    ``rows``; ``rows`` are the body, repeated header rows already dropped, one
    ``GridCell`` per grid column. ``spans`` are the header's timeframe groups
    (``Start | End``), ``wide`` its labels merged over several body columns
    (``Header.wide``). ``headings`` are ``(body row, text)`` for headings
    written outside the grid before that row. ``method`` says how it was read
    (``docx``, ``lines``, ``rules``, ``tagged``, ``text``) and ``index`` which
    table of the document it is.

    Where it lies, for PDF: ``pages``, ``last_page``, ``columns`` (the last
    part's column edges, for the next part to line up with), ``top`` (of the
    table or the heading above it), ``extents`` (top and bottom per page) and
    ``header_marks`` (footnote mark -> header label). Word leaves them empty.
    """

    header: tuple[str, ...]
    roles: tuple[Role, ...]
    columns: tuple[float, ...]
    rows: list[list[GridCell]] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    last_page: int = 0
    method: str = "lines"
    top: float = 0.0
    header_rows: int = 1
    extents: dict[int, tuple[float, float]] = field(default_factory=dict)
    header_marks: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[int, str]] = field(default_factory=list)
    spans: tuple[tuple[int, int], ...] = ()
    wide: tuple[tuple[int, int], ...] = ()
    index: int = 0


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
    on each in ``notes``; ``loose_text`` is their text, one line per row (a
    key to owners' initials, a glossary), cells joined by `` – ``. ``modified`` is when the document says it was last
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
    loose_text: tuple[str, ...] = ()
    modified: datetime | None = None
