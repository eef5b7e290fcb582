"""The ``Actions`` table as CSV and JSON, for people who feed other tools.

Same columns, same order and same values as the workbook's ``Actions`` sheet;
dates as ``YYYY-MM-DD``. Written whole to a temporary file, then renamed. In
the CSV, text that starts like a formula (``=``, ``+``, ``-``, ``@``, tab,
carriage return) has a single quote put before it, so no spreadsheet opening
the file runs it (OWASP's advice); the JSON holds the text as it is.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from normalise.model import Action
from output.analyst import analyst_columns
from output.columns import ACTIONS, Column, Value
from output.edits import AnalystEdits

# A spreadsheet opening a CSV takes a cell starting with one of these for a
# formula; OWASP's advice is a single quote first. The same rule as the lead
# directory's (``normalise.leads.files.csv_cell``), repeated because that module
# reads settings files through ``parsers.errors``, which the writer may not import.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet takes for a formula (OWASP's quote prefix).

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("- item"), csv_cell("'=x"), csv_cell("it's")
    ("'=HYPERLINK(1)", "'- item", "''=x", "it's")
    """
    return _QUOTE + text if text.lstrip(_QUOTE).startswith(_FORMULA_STARTS) else text


def _plain(value: Value) -> str | int | float | None:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _columns(edits: AnalystEdits | None) -> tuple[Column, ...]:
    """The Actions sheet's columns: the generated ones, then the analysts'."""
    return (*ACTIONS, *analyst_columns(edits or AnalystEdits()))


def rows(
    actions: Sequence[Action], edits: AnalystEdits | None = None
) -> list[dict[str, str | int | float | None]]:
    """Each action as ``{column: value}`` in the Actions sheet's column order.

    The analysts' columns come last, filled from ``edits`` (blank without).
    """
    columns = _columns(edits)
    return [{c.name: _plain(c.get(a)) for c in columns} for a in actions]


def csv_rows(
    actions: Sequence[Action], edits: AnalystEdits | None = None
) -> list[dict[str, str | int | float | None]]:
    """``rows(actions)`` with every text that starts like a formula quoted (``csv_cell``)."""
    return [
        {k: csv_cell(v) if isinstance(v, str) else v for k, v in row.items()}
        for row in rows(actions, edits)
    ]


def _atomic(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_actions_csv(
    actions: Sequence[Action], path: Path, edits: AnalystEdits | None = None
) -> Path:
    """The Actions table as UTF-8 CSV (with a byte-order mark, so Excel reads it as UTF-8).

    A cell that starts like a formula is written with a single quote first:
    ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``.
    """
    lines: list[str] = []

    class _Sink:
        def write(self, text: str) -> int:
            lines.append(text)
            return len(text)

    writer = csv.DictWriter(_Sink(), fieldnames=[c.name for c in _columns(edits)])
    writer.writeheader()
    writer.writerows(csv_rows(actions, edits))
    return _atomic(path, "\ufeff" + "".join(lines))


def write_actions_json(
    actions: Sequence[Action], path: Path, edits: AnalystEdits | None = None
) -> Path:
    """The Actions table as a JSON list of objects keyed by column name."""
    return _atomic(path, json.dumps(rows(actions, edits), ensure_ascii=False, indent=1) + "\n")
