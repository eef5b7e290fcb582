"""Cells as the register writes them: text stays text, dates are dates, widths to fit.

Pure rules: what a value is stored as, which look it takes, how wide it shows.
``output.book`` puts them in the workbook.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from output.columns import Value

# Excel reads a cell starting with these as a formula when a user edits it;
# we store such text as text and tell Excel so (quote prefix).
_FORMULA_STARTS = ("=", "+", "-", "@")
_EXCEL_MAX_CHARS = 32_767
# Control characters XML 1.0 cannot hold (tab, line feed and carriage return can).
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel does not size rows to wrapped text itself; 15 points a line (Calibri 11),
# capped at Excel's maximum row height.
POINTS_PER_LINE = 15.0
MAX_ROW_POINTS = 409.0

# What each kind of value (``style_kind``) adds to its column's look.
KIND_LOOKS: dict[str, dict[str, Any]] = {
    "plain": {},
    "formula-like text": {"quote_prefix": True},
    "date": {"num_format": DATE_FORMAT},
    "datetime": {"num_format": DATETIME_FORMAT},
}


def stored(value: Value) -> Value:
    """``value`` as the cell holds it: text without control characters, cut to Excel's limit.

    >>> stored("a\\x07b"), stored(3)
    ('ab', 3)
    """
    return clean_text(value) if isinstance(value, str) else value


def clean_text(text: str) -> str:
    """``text`` without the control characters a cell cannot hold, cut to Excel's limit."""
    if len(text) > _EXCEL_MAX_CHARS or _ILLEGAL.search(text):
        return _ILLEGAL.sub("", text)[:_EXCEL_MAX_CHARS]
    return text


def style_kind(value: Value) -> str:
    """What a value is styled as: cells of one kind in one column share a look.

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
    if isinstance(value, str) and "\n" not in value:
        return len(value)
    return max((len(line) for line in str(value).splitlines()), default=0)


def wrapped_lines(value: Value, width: int) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide.

    >>> wrapped_lines("abcdef", 4), wrapped_lines("ab\\ncd", 10), wrapped_lines(None, 4)
    (2, 2, 1)
    """
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(width, 1)
    if "\n" not in value:
        return max(-(-len(value) // per_line), 1)
    return sum(max(-(-len(part) // per_line), 1) for part in value.split("\n"))
