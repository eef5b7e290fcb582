"""Write the register workbook: one Excel table per contract sheet, safely.

The workbook is written to a temporary file beside the target and renamed
into place, so a reader never sees half a register and a failed run leaves
the previous one as it was.
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from normalise.model import Register
from output.columns import Column, Value, sheets

log = logging.getLogger(__name__)

# Excel reads a cell starting with these as a formula when a user edits it;
# we store such text as text and tell Excel so (quote prefix).
_FORMULA_STARTS = ("=", "+", "-", "@")
_EXCEL_MAX_CHARS = 32_767
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel does not size rows to wrapped text itself; 15 points a line (Calibri 11),
# capped at Excel's maximum row height.
_POINTS_PER_LINE = 15.0
_MAX_ROW_POINTS = 409.0
_STATUS_FILLS = {
    "Complete": "9DC3E6",
    "On track": "A9D08E",
    "At risk": "FFD966",
    "Overdue": "F4B183",
}


class RegisterWriteError(OSError):
    """The register could not be written where asked (folder missing, no permission)."""


def write_register(register: Register, path: Path) -> Path:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``; returns the path written.

    Every sheet of the contract is an Excel table with a frozen header row and
    filter buttons; dates are real dates; no cell holds a formula.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, columns, records in sheets(register):
        _write_sheet(workbook.create_sheet(name), name, columns, records)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
    except OSError as e:
        raise RegisterWriteError(f"{path}: cannot write the register here ({e.strerror})") from e
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise RegisterWriteError(f"{path}: cannot write the register ({e.strerror})") from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("wrote %s", path)
    return path


def _write_sheet(
    ws: Worksheet, name: str, columns: Sequence[Column], records: Sequence[Any]
) -> None:
    ws.append([c.name for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c.name) + 2 for c in columns]
    status_col = next((i for i, c in enumerate(columns) if c.name == "Status"), None)
    for r, record in enumerate(records, start=2):
        for k, column in enumerate(columns):
            value = column.get(record)
            cell = ws.cell(row=r, column=k + 1)
            _set(cell, value)
            if column.wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            widths[k] = max(widths[k], min(_display_width(value), column.max_width))
        if name == "Actions" and status_col is not None:
            status = columns[status_col].get(record)
            if isinstance(status, str) and status in _STATUS_FILLS:
                colour = _STATUS_FILLS[status]
                ws.cell(row=r, column=status_col + 1).fill = PatternFill(
                    "solid", start_color=colour, end_color=colour
                )
    for k, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(k + 1)].width = width + 1
    _row_heights(ws, columns, records, widths)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    last = get_column_letter(len(columns))
    # An Excel table needs at least one data row; an empty sheet gets a filter only.
    if records:
        table = Table(displayName=name, ref=f"A1:{last}{len(records) + 1}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    else:
        ws.auto_filter.ref = f"A1:{last}1"


def _row_heights(
    ws: Worksheet, columns: Sequence[Column], records: Sequence[Any], widths: list[int]
) -> None:
    """Give each row the height its longest wrapped cell needs."""
    for r, record in enumerate(records, start=2):
        lines = 1
        for k, column in enumerate(columns):
            if not column.wrap:
                continue
            value = column.get(record)
            if not isinstance(value, str) or not value:
                continue
            per_line = max(widths[k], 1)
            lines = max(
                lines, sum(math.ceil(max(len(part), 1) / per_line) for part in value.split("\n"))
            )
        if lines > 1:
            ws.row_dimensions[r].height = min(lines * _POINTS_PER_LINE, _MAX_ROW_POINTS)


def _set(cell: Any, value: Value) -> None:
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:_EXCEL_MAX_CHARS]
        cell.value = text
        cell.data_type = "s"
        if text.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = _DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = _DATE_FORMAT


def _display_width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)
