"""How the register prints: A4 landscape, header row on every page, a footer naming it.

``Actions`` prints its key columns (``columns.PRINTED``, the first ones) as
wide as the page and as long as it needs, so the text stays readable;
``Summary`` fits one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

# Excel's and LibreOffice's page codes: footer fields for the file's name,
# the page, the page count and the date it is printed.
FOOTER_LEFT = "&F"
FOOTER_CENTRE = "Page &P of &N"
FOOTER_RIGHT = "Printed &D"
A4 = 9  # Excel's paper size code
A4_LANDSCAPE_MM = 297.0
# The smallest print scale that keeps the body font (11 pt) at 8 pt or more.
BODY_POINTS = 11.0
MIN_POINTS = 8.0


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in inches."""

    left: float
    right: float
    top: float
    bottom: float
    header: float
    footer: float


# Narrow, so the text is not shrunk for white space.
MARGINS = Margins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)


def page_setup(ws: Worksheet, *, title_rows: bool, one_page: bool = False) -> None:
    """A4 landscape, as wide as one page (and, with ``one_page``, as high), with the footer.

    With ``title_rows`` the header row repeats at the top of every printed page.
    """
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 1 if one_page else 0)
    ws.set_margins(MARGINS.left, MARGINS.right, MARGINS.top, MARGINS.bottom)
    ws.set_header("", {"margin": MARGINS.header})
    ws.set_footer(f"&L{FOOTER_LEFT}&C{FOOTER_CENTRE}&R{FOOTER_RIGHT}", {"margin": MARGINS.footer})
    if title_rows:
        ws.repeat_rows(0)


def print_columns(ws: Worksheet, columns: int, rows: int) -> None:
    """Print only the first ``columns`` columns of the sheet's ``rows`` data rows."""
    ws.print_area(0, 0, rows, columns - 1)


def column_mm(width: float) -> float:
    """How wide a column of stored width ``width`` prints at 100 %, in mm.

    The width a workbook stores counts Excel's 5 pixels of padding (7 pixels
    a character of its default font), at 96 pixels an inch.
    """
    return width * 7 * 25.4 / 96


def fit_scale(ws: Any, columns: int) -> float:
    """The scale fit-to-width prints the first ``columns`` columns of the read
    worksheet ``ws`` (openpyxl) at, on A4 landscape."""
    widths = (
        ws.column_dimensions[xl_col_to_name(k - 1)].width or 8.43 for k in range(1, columns + 1)
    )
    page = A4_LANDSCAPE_MM - (MARGINS.left + MARGINS.right) * 25.4
    return min(1.0, page / sum(column_mm(w) for w in widths))
