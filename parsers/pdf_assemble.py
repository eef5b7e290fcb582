"""Join a ruled workplan table's parts, page by page and part by part.

A part continues the table when it is the first table of the next page
(with the header repeated, or the same column edges), or when it follows
the table on the same page or the next with only headings between
(``Priority 2: ...``) and the header repeated or the same number of columns.
Those headings, one just above the table (``pdf_headings``) and title rows
merged across a part above its header (``Header.titles``) become ``Grid.headings``.
Repeated header rows are dropped and a row cut by a page break is rejoined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.colour_key import key_entries
from parsers.header import Header, find_header, is_repeated_header
from parsers.model import Grid, GridCell, Role
from parsers.pdf_grid import col_spans, header_marks, is_furniture
from parsers.pdf_headings import heads_first_part
from parsers.pdf_page import Page, PageCell, PageTable
from parsers.pdf_words import Line, body_size, is_heading, join_line, names_priority
from parsers.transpose import card_id, is_sideways, part_with_card_id, rejoin_cut, turned_part
from parsers.vocabulary import ACTION_ID, carries_on
from parsers.widen import id_key, more_columns

# Sentence ends; a colon is not one (it announces a list that carries on).
_LIST_ITEM = re.compile(r"^\s*(?:•|[a-z]\)|\([a-z]\)|-\s)")
# More lines than this between two parts is text, not a heading.
_MAX_HEADING_LINES = 3
# A heading above the table sits within this many of its own line heights of it.
_ABOVE_GAP_LINES = 3.0


@dataclass(slots=True)
class _Place:
    """Where the table's last part ended: page and bottom."""

    page: int
    bottom: float


def assemble(
    pages: Sequence[Page], furniture: set[str], *, rules: bool
) -> tuple[Grid | None, list[tuple[str, str | None]], list[str]]:
    """The workplan table from the pages' ruled parts, the colour key's labelled fills, and notes.

    ``rules`` reads the parts ruled by horizontal lines only (``Page.rule_tables``)
    instead of the fully ruled ones (``Page.tables``).
    """
    current: Grid | None = None
    end = _Place(0, 0.0)
    above: tuple[Line, float] | None = None  # the line above the first part, its page's body size
    between: list[Line] = []  # the headings between parts
    own_titles = 0  # title rows above the first part's header, counted in its header rows
    key_pairs: list[tuple[str, str | None]] = []
    notes: list[str] = []
    by_page = _rejoined([list(page.rule_tables if rules else page.tables) for page in pages])
    for page, parts in zip(pages, by_page, strict=True):
        for index, part in enumerate(parts):
            texts = _texts(part)
            code = card_id(texts)
            if code is not None:  # an action card: its title carries the id
                part = part_with_card_id(part, code)
                texts = _texts(part)
            sideways = is_sideways(texts)
            if sideways:  # one action per column: turn it to one per row
                part = turned_part(part)
                texts = _texts(part)
            header = find_header(texts, col_spans=col_spans(part.rows))
            if current is None and header is not None:
                current = Grid(header.labels, header.roles, part.columns, method=part.method,
                               top=part.bbox[1], header_rows=header.rows, spans=header.spans)  # fmt: skip
                current.header_marks = header_marks(part.rows[: header.rows], header.labels)
                current.headings.extend((0, t) for t in header.titles)
                own_titles = len(header.titles)
                line = _line_above(page, part, furniture)
                above = (line, body_size(page.lines)) if line is not None else None
                _append(current, part, page.number, header.rows, split_check=False)
                end = _Place(page.number, part.bbox[3])
                continue
            headings = (
                _headings_between(pages, end, page, part, furniture)
                if current is not None
                else None
            )
            pairs = [(c.text, c.fill) for row in part.rows for c in row if c]
            repeats = header is not None and current is not None and header.labels == current.header
            if (
                current is not None
                and headings is not None
                and not key_entries(pairs)
                and _continues(
                    current, part, header is not None, repeats, index, page.number, bool(headings)
                )
            ):
                # a repeated header has the rows it had on the first page, no more,
                # and the part's own title rows (``Priority 2: ...``) above it
                titles = header.titles if header is not None else ()
                skip = current.header_rows - own_titles + len(titles) if header is not None else 0
                if not skip and texts and is_repeated_header(texts[0], current.header):
                    skip = 1
                for line, line_page in headings:
                    current.headings.append((len(current.rows), line.text))
                    between.append(line)
                    _extend(current, line_page, line.top, line.bottom)
                current.headings.extend((len(current.rows), t) for t in titles)
                # only a page break cuts a row; a table carried on below on the same page starts
                # afresh, and so does a turned one (its rows were its columns: rejoined already)
                cut = page.number != end.page and not headings and not sideways
                _append(current, part, page.number, skip, split_check=cut)
                end = _Place(page.number, part.bbox[3])
                continue
            if current is not None and header is None and _widen(current, part, page.number):
                continue  # the rest of the same rows, printed on the next page (``parsers.widen``)
            if key_entries(pairs):
                key_pairs.extend(pairs)
                notes.append(f"page {page.number}: colour key")
            elif current is None or page.number > current.last_page:
                first = next((c.text for row in part.rows for c in row if c and c.text.strip()), "")
                notes.append(
                    f"page {page.number}: not a workplan table ({' '.join(first.split())[:40]})"
                )
    if current is not None and above is not None:
        title = next((ln for p in pages for ln in p.lines if not is_furniture(ln, furniture)), None)
        if heads_first_part(above[0], above[1], between, title=title):
            current.headings.insert(0, (0, above[0].text))
            current.top = min(current.top, above[0].top)
    return current, key_pairs, notes


def _texts(table: PageTable) -> list[list[str | None]]:
    return [[c.text if c else None for c in row] for row in table.rows]


def _continues(
    table: Grid,
    part: PageTable,
    has_header: bool,
    repeats: bool,
    index: int,
    page: int,
    headed: bool,
) -> bool:
    """Does ``part`` carry the table on?

    The first part of the next page does when it has a workplan header or the
    same column edges (as before headings were read); any later part, or one
    after a heading, when it repeats the header (``repeats``) or has as many
    columns, with or without a header of its own.
    """
    if page == table.last_page + 1 and index == 0 and not headed:
        return has_header or _aligned(table, part)
    if page not in (table.last_page, table.last_page + 1):
        return False
    return repeats or len(part.columns) == len(table.columns)


def _aligned(table: Grid, part: PageTable) -> bool:
    """A headerless table part with the same column edges continues the table."""
    if len(part.columns) != len(table.columns):
        return False
    return all(abs(a - b) <= 3 for a, b in zip(part.columns, table.columns, strict=True))


def _line_above(page: Page, part: PageTable, furniture: set[str]) -> Line | None:
    """The line just above the table's first part, when close enough to be its heading."""
    above = [
        ln for ln in page.lines if ln.bottom <= part.bbox[1] + 1 and not is_furniture(ln, furniture)
    ]
    if not above:
        return None
    line = max(above, key=lambda ln: ln.bottom)
    close = part.bbox[1] - line.bottom <= _ABOVE_GAP_LINES * (line.bottom - line.top)
    return line if close else None


def _headings_between(
    pages: Sequence[Page], end: _Place, page: Page, part: PageTable, furniture: set[str]
) -> list[tuple[Line, int]] | None:
    """The heading lines between the table's last part and ``part``, with their pages.

    ``None`` when something else lies between them on one page (prose, more
    than a few lines): the part is then not the table carried on. Across a
    page break only headings are kept; footnotes and the like are left to the
    notes reader.
    """
    if page.number == end.page:
        between = [
            ln
            for ln in page.lines
            if ln.top >= end.bottom - 1
            and ln.bottom <= part.bbox[1] + 1
            and not is_furniture(ln, furniture)
        ]
        body = body_size(page.lines)
        if len(between) > _MAX_HEADING_LINES or not all(is_heading(ln, body) for ln in between):
            return None
        return [(ln, page.number) for ln in between]
    if page.number != end.page + 1:
        return []
    previous = pages[end.page - 1]
    tail = [ln for ln in previous.lines if ln.top >= end.bottom - 1]
    head = [ln for ln in page.lines if ln.bottom <= part.bbox[1] + 1]
    found = [
        (ln, p.number)
        for p, lines in ((previous, tail), (page, head))
        for ln in lines
        if not is_furniture(ln, furniture) and names_priority(ln.text)
        and is_heading(ln, body_size(p.lines))
    ]  # fmt: skip
    return found[:_MAX_HEADING_LINES]


def _extend(table: Grid, page: int, top: float, bottom: float) -> None:
    low, high = table.extents.get(page, (top, bottom))
    table.extents[page] = (min(low, top), max(high, bottom))


def _rejoined(parts: list[list[PageTable]]) -> list[list[PageTable]]:
    """Each page's parts, a sideways table or card cut by a page break put back on its first page."""
    for k in range(len(parts) - 1):
        if parts[k] and parts[k + 1]:
            whole = rejoin_cut(parts[k][-1], parts[k + 1][0], _texts)
            if whole is not None:
                parts[k][-1] = whole
                parts[k + 1] = parts[k + 1][1:]
    return parts


def _widen(table: Grid, part: PageTable, page: int) -> bool:
    """Join a part that carries more columns of the table's rows, matched by id."""
    found = more_columns(
        Header(table.header_rows, table.roles, table.header),
        [[c.text for c in row] for row in table.rows],
        _texts(part),
    )
    if found is None:
        return False
    header, new, rows = found
    id_col = table.roles.index(Role.ID)
    for row in table.rows:
        key = id_key(row[id_col].text)
        source = part.rows[rows[key]] if key in rows else ()
        row.extend(
            _cell(source[k], page) if k < len(source) else GridCell("", None, {page}) for k in new
        )
    table.header, table.roles, table.spans = header.labels, header.roles, header.spans
    table.pages.add(page)
    return True


def _append(table: Grid, part: PageTable, page: int, skip: int, *, split_check: bool) -> None:
    width = len(table.roles)
    for k, row in enumerate(part.rows[skip:]):
        cells = [_cell(c, page) for c in row][:width]
        cells += [GridCell("", None, {page}) for _ in range(width - len(cells))]
        if split_check and k == 0 and table.rows and _is_split_continuation(table, cells):
            _join_rows(table, cells, page)
            continue
        table.rows.append(cells)
    table.pages.add(page)
    table.last_page = page
    table.columns = part.columns  # the next part lines up with this one
    _extend(table, page, part.bbox[1], part.bbox[3])


def _cell(cell: PageCell | None, page: int) -> GridCell:
    if cell is None:
        return GridCell(None, None, {page})
    return GridCell(
        cell.text, cell.fill, {page}, cell.row_span, cell.col_span, cell.marks, cell.nested
    )


def _is_split_continuation(table: Grid, cells: list[GridCell]) -> bool:
    """The top row of a page that only carries on the row above, cut by the page break.

    It has no action id (in the action or an id column), and either starts in lower case, has an empty action,
    or the row above stops mid-sentence.
    """
    if Role.ACTION not in table.roles:
        return False
    col = table.roles.index(Role.ACTION)
    text = (cells[col].text or "").strip()
    if ACTION_ID.match(text):
        return False
    if Role.ID in table.roles and (cells[table.roles.index(Role.ID)].text or "").strip():
        return False  # a row with its own id (``MW3``) is a new action
    above = _origin(table, len(table.rows) - 1, col).text or ""
    impact_col = table.roles.index(Role.IMPACT) if Role.IMPACT in table.roles else None
    if impact_col is not None and re.match(r"^\s*\d+\.?\s", cells[impact_col].text or ""):
        return False  # a numbered Impact starts a new priority
    return not text or bool(_LIST_ITEM.match(text)) or carries_on(above, text)


def _origin(table: Grid, row: int, col: int) -> GridCell:
    """The cell that covers ``(row, col)``: itself, or the merged cell above it."""
    while row > 0 and table.rows[row][col].text is None:
        row -= 1
    return table.rows[row][col]


def _join_rows(table: Grid, cells: list[GridCell], page: int) -> None:
    last = len(table.rows) - 1
    for col, cell in enumerate(cells):
        target = _origin(table, last, col)
        target.pages.add(page)
        if cell.text:
            target.text = join_line(target.text or "", cell.text)
        target.fill = target.fill or cell.fill
        target.marks += cell.marks
        if cell.text is not None and cell.row_span > 1:
            target.row_span += cell.row_span - 1  # the continuation also covered rows below
