"""The ``Actions`` table as CSV and JSON, for people who feed other tools.

Same columns, same order and same values as the workbook's ``Actions`` sheet;
dates as ``YYYY-MM-DD``. Written whole to a temporary file, then renamed.
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
from output.columns import ACTIONS, Value


def _plain(value: Value) -> str | int | float | None:
    if isinstance(value, date):
        return value.isoformat()
    return value


def rows(actions: Sequence[Action]) -> list[dict[str, str | int | float | None]]:
    """Each action as ``{column: value}`` in the contract's column order."""
    return [{c.name: _plain(c.get(a)) for c in ACTIONS} for a in actions]


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


def write_actions_csv(actions: Sequence[Action], path: Path) -> Path:
    """The Actions table as UTF-8 CSV (with a byte-order mark, so Excel reads it as UTF-8)."""
    lines: list[str] = []

    class _Sink:
        def write(self, text: str) -> int:
            lines.append(text)
            return len(text)

    writer = csv.DictWriter(_Sink(), fieldnames=[c.name for c in ACTIONS])
    writer.writeheader()
    writer.writerows(rows(actions))
    return _atomic(path, "\ufeff" + "".join(lines))


def write_actions_json(actions: Sequence[Action], path: Path) -> Path:
    """The Actions table as a JSON list of objects keyed by column name."""
    return _atomic(path, json.dumps(rows(actions), ensure_ascii=False, indent=1) + "\n")
