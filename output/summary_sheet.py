"""The ``Summary`` sheet laid out: its blocks as titled tables, and the RAG chart under them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from xlsxwriter.worksheet import Worksheet

from output.book import Book, put
from output.cells import MAX_ROW_POINTS, POINTS_PER_LINE, display_width, stored
from output.chart import NO_STATUS, height_cm, rag_chart
from output.printing import page_setup
from output.summary import STATUSES, Block

# The widest a Summary column grows; longer text (an action) wraps.
SUMMARY_WIDTH = 60


def write_summary(book: Book, ws: Worksheet, blocks: Sequence[Block]) -> None:
    """Lay the summary blocks down the sheet, each a titled Excel table, then the RAG chart.

    The chart (``output.chart``) draws the ``ByWorkplan`` block; none when it is empty.
    """
    row = 0
    widths: dict[int, int] = {}
    at: dict[str, int] = {}
    top, wrap = {"valign": "top"}, {"valign": "top", "text_wrap": True}
    for block in blocks:
        ws.write_string(row, 0, block.title, book.look(bold=True, font_size=12))
        header = row + 1
        at[block.name] = header
        headers = []
        for k, name in enumerate(block.columns):
            counts = bool(block.rows) and all(isinstance(r[k], int) for r in block.rows)
            # over its right-aligned counts
            look = book.look(bold=True, align="right") if counts else book.look(bold=True)
            headers.append({"header": name, "header_format": look})
            widths[k] = max(widths.get(k, 0), len(name) + 2)
        for r, values in enumerate(block.rows, start=header + 1):
            for k, raw in enumerate(values):
                value = stored(raw)
                shown = display_width(value)
                put(ws, r, k, value, book.value_look(value, wrap if shown > SUMMARY_WIDTH else top))
                if shown > SUMMARY_WIDTH:
                    lines = math.ceil(shown / SUMMARY_WIDTH)
                    ws.set_row(r, min(lines * POINTS_PER_LINE, MAX_ROW_POINTS))
                widths[k] = max(widths.get(k, 0), min(shown, SUMMARY_WIDTH))
        if block.rows:
            ws.add_table(
                header,
                0,
                header + len(block.rows),
                len(block.columns) - 1,
                {"name": block.name, "style": "Table Style Light 9", "columns": headers},
            )
        else:
            for k, name in enumerate(block.columns):
                ws.write_string(header, k, name, headers[k]["header_format"])
            ws.write_string(header + 1, 0, "none")
        row = header + max(len(block.rows), 1) + 2
    for k, width in widths.items():
        ws.set_column(k, k, width + 1)
    ws.freeze_panes(1, 0)
    page_setup(ws, title_rows=False, one_page=True)
    last_column = max(widths, default=0)
    by_workplan = next((b for b in blocks if b.name == "ByWorkplan"), None)
    if by_workplan is None or not by_workplan.rows:
        ws.print_area(0, 0, row, last_column)
        return
    series = (*STATUSES, NO_STATUS)
    first = by_workplan.columns.index(series[0])
    label = by_workplan.columns.index("Key")
    rows = len(by_workplan.rows)
    chart = rag_chart(book.workbook, ws.name, at["ByWorkplan"], label, first, series, rows)
    # under the blocks, full width: beside them it is cramped, and the page no smaller
    ws.insert_chart(row, 0, chart)
    bottom = row + math.ceil(height_cm(rows) / _CM_PER_ROW)
    ws.print_area(0, 0, bottom, last_column)


# A default row (15 points) in centimetres, to know how many rows the chart covers.
_CM_PER_ROW = 15 / 72 * 2.54
