"""Cells as the register writes them: text stays text, dates are dates, widths to fit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from output.columns import Value

# Excel reads a cell starting with these as a formula when a user edits it;
# we store such text as text and tell Excel so (quote prefix).
_FORMULA_STARTS = ("=", "+", "-", "@")
_EXCEL_MAX_CHARS = 32_767
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel does not size rows to wrapped text itself; 15 points a line (Calibri 11),
# capped at Excel's maximum row height.
POINTS_PER_LINE = 15.0
MAX_ROW_POINTS = 409.0


def set_cell(cell: Any, value: Value) -> None:
    """Put ``value`` in ``cell``: text as text (never a formula), dates with their format."""
    put_value(cell, value)
    if isinstance(value, str) and cell.value.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True
    elif isinstance(value, datetime):
        cell.number_format = _DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = _DATE_FORMAT


def put_value(cell: Any, value: Value) -> None:
    """Put ``value`` in ``cell`` with no style: text as text, cleaned and cut to Excel's limit."""
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)[:_EXCEL_MAX_CHARS]
        cell.data_type = "s"
    else:
        cell.value = value


def style_kind(value: Value) -> str:
    """What ``set_cell`` styles a value as: cells of one kind in one column share a style.

    >>> style_kind("=1+1"), style_kind("x"), style_kind(date(2025, 1, 1)), style_kind(None)
    ('formula-like text', 'plain', 'date', 'plain')
    """
    if isinstance(value, str):
        return "formula-like text" if value.startswith(_FORMULA_STARTS) else "plain"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return "plain"


def display_width(value: Value) -> int:
    """How many characters wide ``value`` shows: its longest line."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)
