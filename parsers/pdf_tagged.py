"""Tagged PDFs: the table as the producer described it in the structure tree.

Word and LibreOffice can write a structure tree (``Table`` / ``TR`` / ``TH`` /
``TD``) in which each cell names its marked content. Where one is present it
is the producer's own account of rows, columns and spans: a row cut by a page
break is one ``TR``, and a repeated header row is not repeated. It is one of
the readings ``parsers.pdf`` compares: some producers tag only part of the
text (Chromium leaves a cell's wrapped lines out), so it is not trusted blindly.
Chromium also leaves empty cells out, naming each cell's header cell instead
(``Headers``), which places the cells that are there. Cell text comes from the cell's own
characters; a cell's colour from the filled box behind it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.pdftypes import resolve1
from pdfplumber.utils.text import extract_words

from parsers.header import find_header, is_repeated_header
from parsers.model import Grid, GridCell
from parsers.pdf_grid import col_spans, header_marks
from parsers.pdf_page import fill_at
from parsers.pdf_words import BBox, Word, clean_word, group_lines, join_line, text_of

log = logging.getLogger(__name__)

Node = Mapping[str, Any]
CharKey = tuple[int, int]  # page number, marked-content id

# Width attributes of a cell and its column agree to about this (LibreOffice
# rounds to 3 decimals); used to place cells when empty ones are left out.
_WIDTH_TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class TaggedCell:
    """One cell from the structure tree: text, pages, box, fill and spans."""

    text: str
    pages: frozenset[int]
    fill: str | None
    row_span: int = 1
    col_span: int = 1
    marks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TaggedTable:
    """A table read from tags: rows of cells, ``None`` where a span covers the position."""

    rows: tuple[tuple[TaggedCell | None, ...], ...]
    top: float
    first_page: int
    extents: dict[int, tuple[float, float]]


def find(node: Node, kind: str) -> Iterator[Node]:
    """Every node of ``kind`` under ``node`` (itself included), in document order."""
    if node.get("type") == kind:
        yield node
        return
    for child in node.get("children", ()):
        yield from find(child, kind)


def _leaves(node: Node) -> Iterator[CharKey]:
    yield from node.get("leaves", ())
    for child in node.get("children", ()):
        yield from _leaves(child)


# A structure tree larger than this is not a workplan's; stop rather than stall.
MAX_ELEMENTS = 100_000


def structure_tree(document: Any, page_numbers: Mapping[Any, int]) -> list[Node]:
    """The document's structure tree as plain nodes ``{type, attributes, children, leaves}``.

    Read with pdfminer rather than pdfplumber's ``structure_tree``, which gives a
    marked-content reference the page of its element: a cell cut by a page
    break names content on two pages, and each reference's own ``Pg`` is kept
    here. ``page_numbers`` maps page object ids to 1-based page numbers.
    """
    root = resolve1(document.catalog.get("StructTreeRoot"))
    if not isinstance(root, dict):
        return []
    role_map = {str(k): _name(v) for k, v in (resolve1(root.get("RoleMap")) or {}).items()}
    budget = [MAX_ELEMENTS]
    seen: set[int] = set()

    def page_of(obj: Mapping[str, Any], inherited: int | None) -> int | None:
        ref = obj.get("Pg")
        return (
            page_numbers.get(getattr(ref, "objid", None), inherited)
            if ref is not None
            else inherited
        )

    def walk(ref: Any, page: int | None) -> Node | None:
        objid = getattr(ref, "objid", None)
        if objid is not None:
            if objid in seen:
                return None
            seen.add(objid)
        obj = resolve1(ref)
        budget[0] -= 1
        if not isinstance(obj, dict) or budget[0] < 0:
            return None
        kind = _name(obj.get("S"))
        page = page_of(obj, page)
        children: list[Node] = []
        leaves: list[CharKey] = []
        kids = resolve1(obj.get("K"))
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            value = resolve1(kid)
            if isinstance(value, int):
                if page is not None:
                    leaves.append((page, value))
            elif isinstance(value, dict) and "MCID" in value:
                kid_page = page_of(value, page)
                if kid_page is not None:
                    leaves.append((kid_page, int(resolve1(value["MCID"]))))
            elif isinstance(value, dict) and "S" in value:
                child = walk(kid, page)
                if child is not None:
                    children.append(child)
        return {"type": role_map.get(kind, kind), "attributes": _attributes(obj.get("A")),
                "children": children, "leaves": leaves, "id": _id(obj.get("ID"))}  # fmt: skip

    kids = resolve1(root.get("K"))
    nodes = [walk(kid, None) for kid in (kids if isinstance(kids, list) else [kids])]
    return [n for n in nodes if n is not None]


def _name(value: Any) -> str:
    value = resolve1(value)
    return str(getattr(value, "name", value) or "")


def _id(value: Any) -> str:
    """An element's ``ID`` (a byte string in the file) as text; ``""`` when it has none."""
    value = resolve1(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else ""


def _attributes(value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    value = resolve1(value)
    for part in value if isinstance(value, list) else [value]:
        part = resolve1(part)
        if isinstance(part, dict):
            out.update({str(k): resolve1(v) for k, v in part.items()})
    return out


def marked_chars(
    page_number: int, chars: Sequence[dict[str, Any]]
) -> dict[CharKey, list[dict[str, Any]]]:
    """A page's characters by marked-content id, in content-stream order.

    pdfplumber keeps no stack of marked content: a span nested inside a cell's
    marked content (Chromium's ``/Span <</ActualText (fi)>>`` round a ligature)
    clears the id, so the characters after it, to the end of the cell, have
    none. Such a character (no id, not an ``Artifact``) belongs to the id of
    the characters before it.
    """
    out: dict[CharKey, list[dict[str, Any]]] = {}
    last: int | None = None
    for char in chars:
        mcid = char.get("mcid")
        if mcid is None:
            if char.get("tag") == "Artifact":
                last = None
                continue
            mcid = last
        if mcid is None:
            continue
        last = int(mcid)
        out.setdefault((page_number, last), []).append(char)
    return out


def tagged_tables(tree: Sequence[Node]) -> list[Node]:
    """The ``Table`` nodes of a document's structure tree."""
    return [table for root in tree for table in find(root, "Table")]


def read_tagged(
    table: Node,
    chars: Mapping[CharKey, list[dict[str, Any]]],
    fills: Mapping[int, Sequence[tuple[BBox, str]]],
) -> TaggedTable | None:
    """Lay a ``Table`` node's cells on a grid with their text, pages and fills.

    Cells are placed left to right past positions a span from above covers;
    a producer that leaves empty cells out (LibreOffice) is followed by the
    cells' ``Width`` attributes, matched to the header row's.
    """
    rows = [
        [c for c in tr.get("children", ()) if c.get("type") in ("TH", "TD")]
        for tr in find_rows(table)
    ]
    if not rows or not rows[0]:
        return None
    widths = [_width(c) for c in rows[0]]
    # Chrome leaves empty cells out but names each cell's header cell (``Headers``).
    header_ids = {c.get("id"): k for k, c in enumerate(rows[0]) if c.get("id")}
    covering: dict[int, int] = {}  # column -> rows still covered by a span from above
    grid: list[list[TaggedCell | None]] = []
    grid_boxes: list[list[dict[int, BBox]]] = []
    starts: list[tuple[int, float]] = []
    extents: dict[int, tuple[float, float]] = {}
    for nodes in rows:
        placed: dict[int, TaggedCell | None] = dict.fromkeys(covering)
        placed_boxes: dict[int, dict[int, BBox]] = {}
        col = 0
        for node in nodes:
            width = _width(node)
            named = _named_column(node, header_ids)
            if named is not None and named >= col and named not in placed:
                col = named
            while col in placed or (width and col < len(widths) and abs(widths[col] - width) > _WIDTH_TOLERANCE
                                    and _later(widths, col, width)):  # fmt: skip
                col += 1
            attributes = node.get("attributes") or {}
            row_span = int(attributes.get("RowSpan", 1) or 1)
            col_span = int(attributes.get("ColSpan", 1) or 1)
            cell, start, boxes = _cell(node, chars, fills, row_span, col_span)
            if start is not None:
                starts.append(start)
            for page, box in boxes.items():
                top, bottom = extents.get(page, (box[1], box[3]))
                extents[page] = (min(top, box[1]), max(bottom, box[3]))
            placed[col] = cell
            placed_boxes[col] = boxes
            for c in range(col, col + col_span):
                if c > col:
                    placed[c] = None
                if row_span > 1:
                    covering[c] = row_span
            col += col_span
        positions = range(max([*placed, len(widths) - 1]) + 1)
        grid.append([placed.get(c, _EMPTY) for c in positions])
        grid_boxes.append([placed_boxes.get(c, {}) for c in positions])
        # a span of n set on this row covers the n - 1 rows below it
        covering = {c: left - 1 for c, left in covering.items() if left > 1}
    _colour_empty_cells(grid, grid_boxes, fills)
    # Trailing positions that nothing ever fills (text or colour) are not columns.
    used = [
        k for r in grid for k, c in enumerate(r) if c is not None and (c.text.strip() or c.fill)
    ]
    width = max(used, default=0) + 1
    grid = [r[:width] for r in grid]
    first_page, top = min(starts) if starts else (1, 0.0)
    return TaggedTable(
        tuple(tuple(r + [_EMPTY] * (width - len(r))) for r in grid), top, first_page, extents
    )


_EMPTY = TaggedCell("", frozenset(), None)


def _colour_empty_cells(
    grid: list[list[TaggedCell | None]],
    boxes: Sequence[Sequence[Mapping[int, BBox]]],
    fills: Mapping[int, Sequence[tuple[BBox, str]]],
) -> None:
    """Give cells with no text the colour of the filled box where they must be.

    A cell without characters (an unlabelled status column shaded red or
    green) has no box of its own to look behind. It lies in its row's band
    of text and between the text of the columns either side of it; a filled
    box that fits there, and covers the band's middle, is its colour.
    """
    extents: dict[int, tuple[float, float]] = {}  # column -> left and right of its text
    for r, row in enumerate(grid):
        for k, cell in enumerate(row):
            if cell is None or cell.col_span > 1:
                continue
            for box in boxes[r][k].values():
                x0, x1 = extents.get(k, (box[0], box[2]))
                extents[k] = (min(x0, box[0]), max(x1, box[2]))
    for r, row in enumerate(grid):
        bands: dict[int, tuple[float, float]] = {}  # page -> top and bottom of the row's text
        for k, cell in enumerate(row):
            if cell is None or cell.row_span > 1:
                continue  # a merged cell's text reaches into other rows
            for page, box in boxes[r][k].items():
                top, bottom = bands.get(page, (box[1], box[3]))
                bands[page] = (min(top, box[1]), max(bottom, box[3]))
        for k, cell in enumerate(row):
            if cell is None or cell.text.strip() or cell.fill:
                continue
            left = max((x1 for j, (_, x1) in extents.items() if j < k), default=float("-inf"))
            right = min((x0 for j, (x0, _) in extents.items() if j > k), default=float("inf"))
            fill = next(
                (
                    colour
                    for page, (top, bottom) in sorted(bands.items())
                    for (x0, f_top, x1, f_bottom), colour in fills.get(page, ())
                    if f_top <= (top + bottom) / 2 <= f_bottom
                    and left - 2 <= x0
                    and x1 <= right + 2
                ),
                None,
            )
            if fill is not None:
                row[k] = TaggedCell("", cell.pages, fill, cell.row_span, cell.col_span, cell.marks)


def _width(node: Node) -> float:
    try:
        return float((node.get("attributes") or {}).get("Width", 0) or 0)
    except (TypeError, ValueError):
        return 0.0


def _named_column(node: Node, header_ids: Mapping[str, int]) -> int | None:
    """The column of the first header cell a cell's ``Headers`` attribute names."""
    names = (node.get("attributes") or {}).get("Headers")
    for name in names if isinstance(names, list) else [names]:
        name = resolve1(name)
        key = name.decode("latin-1") if isinstance(name, bytes) else name
        if isinstance(key, str) and key in header_ids:
            return header_ids[key]
    return None


def _later(widths: Sequence[float], col: int, width: float) -> bool:
    """Skip to a later column only if one of that width is still to come."""
    return any(abs(w - width) <= _WIDTH_TOLERANCE for w in widths[col + 1 :])


def find_rows(table: Node) -> Iterator[Node]:
    """The table's ``TR`` nodes, through ``THead``/``TBody``/``TFoot``."""
    for child in table.get("children", ()):
        if child.get("type") == "TR":
            yield child
        elif child.get("type") in ("THead", "TBody", "TFoot"):
            yield from find_rows(child)


def _cell(
    node: Node,
    chars: Mapping[CharKey, list[dict[str, Any]]],
    fills: Mapping[int, Sequence[tuple[BBox, str]]],
    row_span: int,
    col_span: int,
) -> tuple[TaggedCell, tuple[int, float] | None, dict[int, BBox]]:
    """A cell's text from its own characters, page by page; its fill from behind them."""
    by_page: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for key in _leaves(node):
        by_page[key[0]].extend(chars.get(key, ()))
    text, fill, start = "", None, None
    marks: list[str] = []
    boxes: dict[int, BBox] = {}
    texts: list[str] = []
    for page in sorted(p for p, found in by_page.items() if found):
        page_chars = by_page[page]
        raw = extract_words(page_chars, extra_attrs=["size"])
        words = [
            Word(clean_word(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]))
            for w in raw
        ]
        lines = group_lines(words)
        page_text = text_of(lines)
        if page_text not in texts:  # a header cell repeated on each page (Chrome's <thead>) once
            text = join_line(text, page_text)
            marks.extend(m for ln in lines for m in ln.marks)
        texts.append(page_text)
        box = (min(c["x0"] for c in page_chars), min(c["top"] for c in page_chars),
               max(c["x1"] for c in page_chars), max(c["bottom"] for c in page_chars))  # fmt: skip
        fill = fill or fill_at(box, fills.get(page, ()))
        start = start or (page, box[1])
        boxes[page] = box
    cell = TaggedCell(text, frozenset(boxes), fill, row_span, col_span, tuple(marks))
    return cell, start, boxes


def tagged_table(tables: Sequence[TaggedTable]) -> Grid | None:
    """The first tagged table with a workplan header, as the shared ``Grid``; repeated headers dropped."""
    for found in tables:
        texts = [[c.text if c else None for c in row] for row in found.rows]
        header = find_header(texts, col_spans=col_spans(found.rows))
        if header is None:
            continue
        table = Grid(header.labels, header.roles, (), method="tagged", top=found.top,
                     header_rows=header.rows, spans=header.spans, extents=dict(found.extents),
                     header_marks=header_marks(found.rows[: header.rows], header.labels))  # fmt: skip
        for row in found.rows[header.rows :]:
            if is_repeated_header([c.text if c else None for c in row], header.labels):
                continue
            table.rows.append(
                [
                    GridCell(None, None, set())
                    if c is None
                    else GridCell(c.text, c.fill, set(c.pages), c.row_span, c.col_span, c.marks)
                    for c in row
                ]
            )
            table.pages |= {p for c in row if c is not None for p in c.pages}
        table.last_page = max(table.pages, default=found.first_page)
        return table
    return None
