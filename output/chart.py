"""The Summary's picture: a native Excel bar chart of RAG status counts by workplan."""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook

from output.dress import STATUS_FILLS

NO_STATUS = "No status"
NO_STATUS_FILL = "BFBFBF"
# Centimetres: wide enough for the legend, a bar (1 cm) per workplan plus axes.
WIDTH_CM = 18
BASE_HEIGHT_CM = 4
BAR_CM = 1
# XlsxWriter sizes a chart in pixels, 96 an inch.
_PIXELS_PER_CM = 96 / 2.54


def height_cm(rows: int) -> float:
    """How tall the chart of ``rows`` workplans is."""
    return BASE_HEIGHT_CM + BAR_CM * max(rows, 1)


def rag_chart(
    workbook: Workbook,
    sheet: str,
    header_row: int,
    label_column: int,
    first_column: int,
    series: Sequence[str],
    rows: int,
) -> Chart:
    """A stacked bar per workplan of its actions by status, from the table at ``header_row``.

    Rows and columns count from 0. The table on ``sheet`` has ``rows`` rows;
    ``label_column`` names the workplans (their keys); ``series`` are the
    status columns' headers, the first at ``first_column``.
    """
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    first, last = header_row + 1, header_row + rows
    for k, name in enumerate(series):
        colour = "#" + STATUS_FILLS.get(name, NO_STATUS_FILL)
        chart.add_series(
            {
                "name": [sheet, header_row, first_column + k],
                "categories": [sheet, first, label_column, last, label_column],
                "values": [sheet, first, first_column + k, last, first_column + k],
                "fill": {"color": colour},
                "border": {"color": colour},
                "gap": 60,
                "overlap": 100,
            }
        )
    chart.set_title({"name": "Actions by RAG status and workplan"})
    # in a bar chart the x axis is the values' (across), the y axis the workplans'
    chart.set_x_axis({"name": "Actions", "major_gridlines": {"visible": False}})
    chart.set_y_axis({"reverse": True})  # first workplan at the top, as in the table
    chart.set_legend({"position": "bottom"})
    chart.set_size(
        {
            "width": round(WIDTH_CM * _PIXELS_PER_CM),
            "height": round(height_cm(rows) * _PIXELS_PER_CM),
        }
    )
    return chart
