"""The workbook as the register writes it: XlsxWriter, one shared format per look.

Why XlsxWriter and not openpyxl for writing: measured on 20,526 actions
(``benchmarks/bench_write.py``), openpyxl spent most of the write building a
cell object per value and serialising it again at save; XlsxWriter keeps a
row table of values and writes the XML once. Tables, conditional formats,
data validation, print settings and charts are all native there. openpyxl
still reads the register back (an analyst's edits, ``output.read``).

Looks are given as XlsxWriter format properties (``{"bold": True}``); each
distinct look is made once (``Book.look``) and shared by every cell that
has it, as Excel stores them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.url import Url, UrlTypes
from xlsxwriter.worksheet import Worksheet

from output.cells import KIND_LOOKS, style_kind
from output.columns import Value

# XlsxWriter reads nothing into a string: text that looks like a number, a
# formula or a link stays the text it is.
_OPTIONS = {
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


class Book:
    """An XlsxWriter workbook at ``path`` and the looks its cells share."""

    def __init__(self, path: Path) -> None:
        self.workbook = xlsxwriter.Workbook(str(path), _OPTIONS)
        self._looks: dict[tuple[tuple[str, Any], ...], Format] = {}

    def sheet(self, name: str) -> Worksheet:
        return self.workbook.add_worksheet(name)

    def look(self, **properties: Any) -> Format:
        """The shared format with these XlsxWriter ``properties``."""
        key = tuple(sorted(properties.items()))
        made = self._looks.get(key)
        if made is None:
            made = self._looks[key] = self.workbook.add_format(properties)
        return made

    def value_look(self, value: Value, base: dict[str, Any]) -> Format:
        """The look of a cell holding ``value``: ``base`` and what its kind adds (a date format)."""
        return self.look(**{**base, **KIND_LOOKS[style_kind(value)]})

    def close(self) -> None:
        self.workbook.close()


def put(ws: Worksheet, row: int, col: int, value: Value, look: Format | None) -> None:
    """Write ``value`` (as ``cells.stored`` gives it) at zero-based ``row``, ``col``.

    Text is always text, dates are dates; an empty cell (no value, or empty
    text) keeps its look.
    """
    if isinstance(value, str) and value:
        ws.write_string(row, col, value, look)
    elif value is None or value == "":
        ws.write_blank(row, col, None, look)
    elif isinstance(value, date | datetime):
        ws.write_datetime(row, col, value, look)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, look)
    else:
        ws.write_number(row, col, value, look)


class Link(Url):  # type: ignore[misc]
    """A hyperlink kept exactly as given: a relative path or a ``file:`` URI.

    XlsxWriter rewrites ``file:`` links as Windows paths (``/srv/plan.docx``
    becomes the relative ``srv\\plan.docx``) and refuses a relative path;
    a register on Linux or macOS links its documents as its users' systems
    write them, so the link is taken as a plain external target.
    """

    def _parse_url(self) -> None:
        self._link_type = UrlTypes.URL
        self._relationship_link = self._link


def link_cell(ws: Worksheet, row: int, col: int, target: str, text: str, look: Format) -> bool:
    """Link the cell at ``row``, ``col`` to ``target``, showing ``text``; False past Excel's limits

    (65,530 links a sheet, 2,079 characters a link), when the cell holds
    ``text`` alone."""
    if len(target) > _MAX_LINK:
        return False
    link = Link(target)
    link.text = text
    return int(ws.write_url(row, col, link, look)) == 0


_MAX_LINK = 2079
