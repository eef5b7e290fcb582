"""The analyst's side of ``Actions``: their columns filled from their edits, and the fingerprints.

The columns (``columns.ANALYST`` and any the analyst added) sit right of the
generated ones; the tool never fills them, it only carries the analyst's
values over (``edits.read_edits``). The hidden ``_written`` sheet keeps a
fingerprint of every generated cell as written, so the next run tells an
analyst's edit from a change in the documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from normalise.model import Action
from output.columns import ANALYST, CHECKED_ON, Column, Value
from output.edits import GENERATED, REGISTER_ID, WRITTEN, AnalystEdits, fingerprint
from output.views import LeadAction

# How wide each analyst column starts, and whether it wraps; added columns get the default.
_WIDTHS = {"Analyst status": (14, False), "Analyst note": (40, True), "Checked by": (16, False),
           CHECKED_ON: (12, False)}  # fmt: skip
_ADDED = (24, True)
_DATE_FORMAT = "yyyy-mm-dd"


# The analyst's columns the views of open actions show beside the document's.
IN_VIEWS = ("Analyst status", "Analyst note")


def analyst_columns(edits: AnalystEdits, names: Sequence[str] = ()) -> tuple[Column, ...]:
    """The analyst-owned columns then those the analyst added, filled from ``edits``.

    With ``names``, those columns only. A row is an action, or a ``By lead``
    row holding one.
    """
    values = edits.values

    def getter(name: str) -> Column:
        def get(row: Action | LeadAction) -> Value:
            action = row.action if isinstance(row, LeadAction) else row
            return values.get(action.register_id, {}).get(name)

        width, wrap = _WIDTHS.get(name, _ADDED)
        return Column(name, get, width, wrap)

    wanted = names or tuple(dict.fromkeys((*ANALYST, *edits.columns)))
    return tuple(getter(name) for name in wanted)


def dress_analyst(ws: Worksheet, columns: Sequence[Column], rows: int) -> None:
    """``Checked on`` takes dates (shown ``yyyy-mm-dd``), blank cells included; width floors."""
    names = [c.name for c in columns]
    for name in ANALYST:
        letter = get_column_letter(names.index(name) + 1)
        width, _ = _WIDTHS[name]
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)
    column = names.index(CHECKED_ON) + 1
    letter = get_column_letter(column)
    for r in range(2, rows + 2):
        ws.cell(row=r, column=column).number_format = _DATE_FORMAT
    when = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
    when.error = "Type the date the action was checked (e.g. 2025-03-31)."
    when.errorTitle = CHECKED_ON
    ws.add_data_validation(when)
    when.add(f"{letter}2:{letter}{max(rows, 1) + 1}")


def write_fingerprints(
    workbook: Workbook, ws: Worksheet, columns: Sequence[Column], rows: int
) -> None:
    """The hidden ``_written`` sheet: each generated cell of ``ws`` (Actions) as a fingerprint."""
    names = [c.name for c in columns]
    at = [names.index(n) + 1 for n in GENERATED]
    key = names.index(REGISTER_ID) + 1
    sheet = workbook.create_sheet(WRITTEN)
    sheet.append([REGISTER_ID, *GENERATED])
    for r in range(2, rows + 2):
        values = [fingerprint(ws.cell(row=r, column=k).value) for k in at]
        for k, value in enumerate((str(ws.cell(row=r, column=key).value), *values), start=1):
            cell = sheet.cell(row=r, column=k, value=value)
            cell.data_type = "s"  # text, never a formula
    sheet.sheet_state = "veryHidden"
