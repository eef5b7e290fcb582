"""What makes the Actions sheet kind to work in: status colours, a drop-down, links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from output.book import Book, link_cell
from output.columns import ANALYST_STATUS, Column

# Status colours as conditional formatting, so a status an analyst types in
# takes its colour too.
STATUS_FILLS = {
    "Complete": "9DC3E6",
    "On track": "A9D08E",
    "At risk": "FFD966",
    "Overdue": "F4B183",
}

# How a row of an action a newer version dropped looks, and a link to a document.
REMOVED_LOOK: dict[str, Any] = {"font_color": "#7F7F7F", "italic": True}
LINK_LOOK: dict[str, Any] = {"font_color": "#0563C1", "underline": 1}
# The columns coloured by status and given its drop-down: the document's and the analyst's.
STATUS_COLUMNS = ("Status", ANALYST_STATUS)
# Excel holds at most this many links on a sheet; later Source cells are plain text.
MAX_LINKS = 65_530


def dress_actions(
    book: Book,
    ws: Worksheet,
    columns: Sequence[Column],
    sources: Sequence[str],
    paths: Mapping[str, str],
    folder: Path | None = None,
) -> None:
    """Colour and constrain the status columns; link each Source cell to its document.

    ``sources`` are the Source cells' texts, one a data row; ``paths`` maps a
    file name to the document's path. Links are relative to the register's
    ``folder`` where they can be (``link``).
    """
    names = [c.name for c in columns]
    rows = len(sources)
    at = [names.index(name) for name in STATUS_COLUMNS if rows and name in names]
    for col in at:
        for status, colour in STATUS_FILLS.items():
            look = book.look(bg_color="#" + colour)
            rule = {"type": "cell", "criteria": "equal to", "value": f'"{status}"', "format": look}
            ws.conditional_format(1, col, rows, col, rule)
    if at:
        ranges = " ".join(f"{xl_col_to_name(c)}2:{xl_col_to_name(c)}{rows + 1}" for c in at)
        ws.data_validation(
            1,
            at[0],
            rows,
            at[0],
            {
                "validate": "list",
                "source": list(STATUS_FILLS),
                "ignore_blank": True,
                "error_title": "Status",
                "error_message": "Choose Complete, On track, At risk or Overdue (or leave blank).",
                "multi_range": ranges,
            },
        )
    if rows and "Source" in names:
        col = names.index("Source")
        look = book.look(valign="top", **LINK_LOOK)
        linked = 0
        for r, source in enumerate(sources, start=1):
            path = paths.get(source)
            if not path or linked >= MAX_LINKS:
                continue
            if link_cell(ws, r, col, link(Path(path), folder), source, look):
                linked += 1


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
