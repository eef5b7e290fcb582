"""What makes the Actions sheet kind to work in: status colours, a drop-down, links."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from output.columns import ANALYST_STATUS, Column

# Status colours as conditional formatting, so a status an analyst types in
# takes its colour too.
STATUS_FILLS = {
    "Complete": "9DC3E6",
    "On track": "A9D08E",
    "At risk": "FFD966",
    "Overdue": "F4B183",
}


REMOVED_FONT = Font(color="7F7F7F", italic=True)
# The columns coloured by status and given its drop-down: the document's and the analyst's.
STATUS_COLUMNS = ("Status", ANALYST_STATUS)


def dress_actions(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: int,
    sources: Mapping[str, str],
    removed: Collection[int] = (),
    folder: Path | None = None,
) -> None:
    """Colour and constrain the Status column; link each Source cell to its document.

    ``sources`` maps a file name to the document's path; rows numbered in
    ``removed`` (1 = first data row) are actions a newer version dropped,
    shown in grey italics. Links are relative to the register's ``folder``
    where they can be (``link``).
    """
    names = [c.name for c in columns]
    for r in removed:
        for cell in ws[r + 1]:
            cell.font = REMOVED_FONT
    areas = [
        f"{letter}2:{letter}{rows + 1}"
        for name in STATUS_COLUMNS
        if rows and name in names
        for letter in [get_column_letter(names.index(name) + 1)]
    ]
    for area in areas:
        for status, colour in STATUS_FILLS.items():
            fill = PatternFill("solid", start_color=colour, end_color=colour)
            rule = CellIsRule(operator="equal", formula=[f'"{status}"'], fill=fill)  # type: ignore[no-untyped-call]
            ws.conditional_formatting.add(area, rule)
    if areas:
        choice = DataValidation(
            type="list", formula1='"' + ",".join(STATUS_FILLS) + '"', allow_blank=True
        )
        choice.error = "Choose Complete, On track, At risk or Overdue (or leave blank)."
        choice.errorTitle = "Status"
        ws.add_data_validation(choice)
        for area in areas:
            choice.add(area)
    if rows and "Source" in names:
        col = names.index("Source") + 1
        for r in range(2, rows + 2):
            cell = ws.cell(row=r, column=col)
            path = sources.get(str(cell.value or ""))
            if path:
                cell.hyperlink = link(Path(path), folder)
                cell.font = Font(color="0563C1", underline="single")


def link(document: Path, folder: Path | None) -> str:
    """The hyperlink to ``document`` from a register in ``folder``.

    Relative (``inbox/team%20A/plan.docx``) when the document sits below the
    register's folder, so the link keeps working when the folder is moved or
    shared; else the document's ``file:`` URI.

    >>> link(Path("/srv/reg/inbox/team A/plan.docx"), Path("/srv/reg"))
    'inbox/team%20A/plan.docx'
    >>> link(Path("/srv/docs/plan.docx"), Path("/srv/reg"))
    'file:///srv/docs/plan.docx'
    """
    document = document.resolve()
    if folder is not None:
        try:
            return quote(document.relative_to(folder.resolve()).as_posix())
        except ValueError:
            pass  # not below the register's folder
    return document.as_uri()
