"""The ``Summary`` sheet laid out: its blocks as titled tables, and the RAG chart under them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from output.cells import MAX_ROW_POINTS, POINTS_PER_LINE, display_width, set_cell
from output.chart import NO_STATUS, rag_chart
from output.printing import page_setup
from output.summary import STATUSES, Block

# The widest a Summary column grows; longer text (an action) wraps.
SUMMARY_WIDTH = 60


def write_summary(ws: Worksheet, blocks: Sequence[Block]) -> None:
    """Lay the summary blocks down the sheet, each a titled Excel table, then the RAG chart.

    The chart (``output.chart``) draws the ``ByWorkplan`` block; none when it is empty.
    """
    row = 1
    widths: dict[int, int] = {}
    at: dict[str, int] = {}
    for block in blocks:
        ws.cell(row=row, column=1, value=block.title).font = Font(bold=True, size=12)
        header = row + 1
        at[block.name] = header
        for k, name in enumerate(block.columns, start=1):
            title = ws.cell(row=header, column=k, value=name)
            title.font = Font(bold=True)
            if block.rows and all(isinstance(r[k - 1], int) for r in block.rows):
                title.alignment = Alignment(horizontal="right")  # over its right-aligned counts
            widths[k] = max(widths.get(k, 0), len(name) + 2)
        for r, values in enumerate(block.rows, start=header + 1):
            for k, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=k)
                set_cell(cell, value)
                cell.alignment = Alignment(vertical="top")
                if display_width(value) > SUMMARY_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    lines = math.ceil(display_width(value) / SUMMARY_WIDTH)
                    ws.row_dimensions[r].height = min(lines * POINTS_PER_LINE, MAX_ROW_POINTS)
                widths[k] = max(widths.get(k, 0), min(display_width(value), SUMMARY_WIDTH))
        last = get_column_letter(len(block.columns))
        if block.rows:
            table = Table(displayName=block.name, ref=f"A{header}:{last}{header + len(block.rows)}")
            table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            ws.add_table(table)
        else:
            ws.cell(row=header + 1, column=1, value="none")
        row = header + max(len(block.rows), 1) + 2
    for k, width in widths.items():
        ws.column_dimensions[get_column_letter(k)].width = width + 1
    ws.freeze_panes = "A2"
    page_setup(ws, title_rows=False, one_page=True)
    by_workplan = next((b for b in blocks if b.name == "ByWorkplan"), None)
    if by_workplan is None or not by_workplan.rows:
        ws.print_area = f"A1:{get_column_letter(max(widths, default=1))}{row}"
        return
    series = (*STATUSES, NO_STATUS)
    first = by_workplan.columns.index(series[0]) + 1
    label = by_workplan.columns.index("Key") + 1
    chart = rag_chart(ws, at["ByWorkplan"], label, first, series, len(by_workplan.rows))
    # under the blocks, full width: beside them it is cramped, and the page no smaller
    ws.add_chart(chart, f"A{row}")
    bottom = row + math.ceil(chart.height / _CM_PER_ROW)
    ws.print_area = f"A1:{get_column_letter(max(widths, default=1))}{bottom}"


# A default row (15 points) in centimetres, to know how many rows the chart covers.
_CM_PER_ROW = 15 / 72 * 2.54
