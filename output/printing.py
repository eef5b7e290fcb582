"""How the register prints: A4 landscape, header row on every page, a footer naming it.

``Actions`` prints its key columns (``columns.PRINTED``, the first ones) as
wide as the page and as long as it needs, so the text stays readable;
``Summary`` fits one page.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# Excel's and LibreOffice's page codes: footer fields for the file's name,
# the page, the page count and the date it is printed.
FOOTER_LEFT = "&F"
FOOTER_CENTRE = "Page &P of &N"
FOOTER_RIGHT = "Printed &D"
# Margins in inches: narrow, so the text is not shrunk for white space.
MARGINS = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
A4_LANDSCAPE_MM = 297.0
# The smallest print scale that keeps the body font (11 pt) at 8 pt or more.
BODY_POINTS = 11.0
MIN_POINTS = 8.0


def page_setup(ws: Worksheet, *, title_rows: bool, one_page: bool = False) -> None:
    """A4 landscape, as wide as one page (and, with ``one_page``, as high), with the footer.

    With ``title_rows`` the header row repeats at the top of every printed page.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = MARGINS
    ws.oddFooter = HeaderFooterItem(
        left=_HeaderFooterPart(FOOTER_LEFT),
        center=_HeaderFooterPart(FOOTER_CENTRE),
        right=_HeaderFooterPart(FOOTER_RIGHT),
    )
    if title_rows:
        ws.print_title_rows = "1:1"


def print_columns(ws: Worksheet, columns: int, rows: int) -> None:
    """Print only the first ``columns`` columns of the sheet's ``rows`` data rows."""
    ws.print_area = f"A1:{get_column_letter(columns)}{rows + 1}"


def column_mm(width: float) -> float:
    """How wide a column of Excel width ``width`` (characters) prints at 100 %, in mm.

    Excel draws ``width`` characters of its default font 7 pixels each plus
    5 pixels of padding, at 96 pixels an inch.
    """
    return (width * 7 + 5) * 25.4 / 96


def fit_scale(ws: Worksheet, columns: int) -> float:
    """The scale fit-to-width prints the first ``columns`` columns at on A4 landscape."""
    widths = (
        ws.column_dimensions[get_column_letter(k)].width or 8.43 for k in range(1, columns + 1)
    )
    page = A4_LANDSCAPE_MM - (MARGINS.left + MARGINS.right) * 25.4
    return min(1.0, page / sum(column_mm(w) for w in widths))
