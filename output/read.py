"""The register read back for a notebook: one pandas DataFrame per sheet.

``read_register("out/register.xlsx")["Action leads"].groupby("Lead").size()``
counts each lead's actions, as a PivotTable of that sheet does."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

SUMMARY = "Summary"


def read_register(path: Path | str) -> dict[str, pd.DataFrame]:
    """Every table sheet of the register at ``path``, by sheet name, in workbook order.

    Dates are pandas datetimes, blank cells missing (``NaN``/``NaT``), and every
    word is a word: pandas' guesses that ``None``, ``NA`` or ``null`` mean
    missing are switched off, only an empty cell is. ``Summary`` (titled
    blocks and a chart, not one table) and the hidden sheets the tool keeps for
    itself are left out.
    """
    workbook = load_workbook(path, read_only=True)
    try:
        names = [
            ws.title
            for ws in workbook.worksheets
            if ws.sheet_state == "visible" and ws.title != SUMMARY
        ]
    finally:
        workbook.close()
    frames = pd.read_excel(path, sheet_name=names, keep_default_na=False, na_values=[""])
    return {name: frames[name] for name in names}
