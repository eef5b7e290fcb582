"""The Summary's picture: a native Excel bar chart of RAG status counts by workplan."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.worksheet import Worksheet

from output.dress import STATUS_FILLS

NO_STATUS = "No status"
NO_STATUS_FILL = "BFBFBF"
# Centimetres: wide enough for the legend, a bar (1 cm) per workplan plus axes.
WIDTH_CM = 18
BASE_HEIGHT_CM = 4
BAR_CM = 1


def rag_chart(
    ws: Worksheet,
    header_row: int,
    label_column: int,
    first_column: int,
    series: Sequence[str],
    rows: int,
) -> BarChart:
    """A stacked bar per workplan of its actions by status, from the table at ``header_row``.

    The table has ``rows`` rows; ``label_column`` names the workplans (their
    keys); ``series`` are the status columns' headers, the first at ``first_column``.
    """
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = "Actions by RAG status and workplan"
    chart.y_axis.title = "Actions"
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first workplan at the top, as in the table
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(
        ws,
        min_col=first_column,
        max_col=first_column + len(series) - 1,
        min_row=header_row,
        max_row=header_row + rows,
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(ws, min_col=label_column, min_row=header_row + 1, max_row=header_row + rows)
    )
    for name, line in zip(series, chart.series, strict=True):
        colour = STATUS_FILLS.get(name, NO_STATUS_FILL)
        line.graphicalProperties = GraphicalProperties(solidFill=colour)
        line.graphicalProperties.line.solidFill = colour
    chart.width = WIDTH_CM
    chart.height = BASE_HEIGHT_CM + BAR_CM * max(rows, 1)
    chart.legend.position = "b"
    return chart
