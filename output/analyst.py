"""The analyst's side of ``Actions``: their columns filled from their edits, and the fingerprints.

The columns (``columns.ANALYST`` and any the analyst added) sit right of the
generated ones; the tool never fills them, it only carries the analyst's
values over (``edits.read_edits``). The hidden ``_written`` sheet keeps a
fingerprint of every generated cell as written, so the next run tells an
analyst's edit from a change in the documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from xlsxwriter.worksheet import Worksheet

from normalise.model import Action
from output.book import Book
from output.cells import DATE_FORMAT
from output.columns import ANALYST, CHECKED_ON, Column, Value
from output.edits import (
    GENERATED,
    REGISTER_ID,
    WRITTEN,
    AnalystEdits,
    fingerprint,
    pack_fingerprints,
)
from output.views import LeadAction

# How wide each analyst column starts, and whether it wraps; added columns get the default.
_WIDTHS = {"Analyst status": (14, False), "Analyst note": (40, True), "Checked by": (16, False),
           CHECKED_ON: (12, False)}  # fmt: skip
_ADDED = (24, True)

# The analyst's columns the views of open actions show beside the document's.
IN_VIEWS = ("Analyst status", "Analyst note")
# What the Actions sheet's analyst columns add to a cell's look: ``Checked on``
# shows dates ``yyyy-mm-dd``, its blank cells included.
LOOKS: dict[str, dict[str, Any]] = {CHECKED_ON: {"num_format": DATE_FORMAT}}


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


def min_widths() -> dict[str, int]:
    """The narrowest each analyst column starts, so an empty one is still wide enough to type in."""
    return {name: width for name, (width, _) in _WIDTHS.items()}


def dress_analyst(ws: Worksheet, columns: Sequence[Column], rows: int) -> None:
    """``Checked on`` takes dates only (or nothing)."""
    col = [c.name for c in columns].index(CHECKED_ON)
    ws.data_validation(
        1,
        col,
        max(rows, 1),
        col,
        {
            "validate": "date",
            "criteria": ">",
            "value": date(1900, 1, 1),
            "ignore_blank": True,
            "error_title": CHECKED_ON,
            "error_message": "Type the date the action was checked (e.g. 2025-03-31).",
        },
    )


def write_fingerprints(
    book: Book, columns: Sequence[Column], written: Sequence[Sequence[Value]]
) -> None:
    """The hidden ``_written`` sheet: each generated cell of Actions (``written``: its rows'
    values as written) as a fingerprint, a row's packed in one cell (``pack_fingerprints``)."""
    names = [c.name for c in columns]
    at = [names.index(n) for n in GENERATED]
    key = names.index(REGISTER_ID)
    sheet = book.sheet(WRITTEN)
    sheet.write_string(0, 0, REGISTER_ID)
    sheet.write_string(0, 1, pack_fingerprints(GENERATED))
    for r, values in enumerate(written, start=1):
        sheet.write_string(r, 0, str(values[key]))
        sheet.write_string(r, 1, "".join(fingerprint(values[k]) for k in at))
    sheet.very_hidden()
