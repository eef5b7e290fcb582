"""A table nested in an action cell: its rows become sub-actions.

Two readings of one structure. The Word reader renders a nested table into
its cell's text, one line per row: ``• `` then the row's cells joined by
`` — `` (``parsers/word_nested.py``; a tab in older output). A PDF reader
draws it as rows of the grid under the action cell, which is merged down
over them, with text only in the columns that cell covers. Either way each
row's first cell is the sub-action (its own mark or id in front), a later
cell that reads as a timeframe is its timeframe, the first other one its lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalise.cells import is_item_mark, item_marker
from normalise.ids import split_action_id
from normalise.model import TimeframeType
from normalise.timeframes import parse_timeframe
from parsers.model import RawCell, RawTable, Role

# Separators of a nested row's cells as the Word reader renders them.
_NESTED_SEPARATOR = re.compile(r"\s+—\s+|\t")
_NESTED_LINE = re.compile(r"\A\s*•\s+")


@dataclass(frozen=True, slots=True)
class NestedRow:
    """One row of a table nested in an action cell."""

    action: str
    lead: str = ""
    timeframe: str = ""
    own_id: str = ""  # the id or letter the row writes before its action (``2.3a``, ``a``)


def nested_rows(text: str) -> tuple[str, list[NestedRow]] | None:
    """The stem and the rows of a nested table rendered into a cell, or ``None``.

    Every line after the stem is a ``• `` line, one at least with two cells
    or more (``• Run it`` alone is a bullet); a row's own mark or id before
    its action (``a) Refresh``, ``2.3a Design``) is its ``own_id``; a later
    cell that reads as a timeframe is the row's timeframe, the first other
    one its lead.

    >>> stem, rows = nested_rows("Train staff:\\n• Design course — Jo Bloggs — March 2025")
    >>> stem, rows[0]
    ('Train staff:', NestedRow(action='Design course', lead='Jo Bloggs', timeframe='March 2025', own_id=''))
    """
    stem: list[str] = []
    rows: list[list[str]] = []
    for line in (ln for ln in text.splitlines() if ln.strip()):
        bullet = _NESTED_LINE.match(line)
        parts = [p.strip() for p in _NESTED_SEPARATOR.split(line[bullet.end() :])] if bullet else []
        if bullet:
            rows.append(parts)
        elif rows:
            return None
        else:
            stem.append(line.strip())
    # A bullet list is a nested table when one of its rows has several fields
    # (an empty field is left out, so a row may have only its action).
    if not any(len(parts) >= 2 for parts in rows):
        return None
    return "\n".join(stem), [nested_row(parts) for parts in rows]


def nested_row(parts: Sequence[str]) -> NestedRow:
    """One nested row from its fields: action (its own mark or id in front), lead, timeframe."""
    action, own_id = parts[0], ""
    found = item_marker(action)
    if found is not None and found[0] == "id":
        own_id = split_action_id(action)[0] or ""
    elif found is not None and found[0] == "alpha" and len(found[1]) == 1:
        own_id = found[1]
    if found is not None and found[0] != "bullet":
        action = action[found[2] :].strip()
    lead, timeframe = "", ""
    for part in parts[1:]:
        if not part:
            continue
        if not timeframe and parse_timeframe(part)[0].type is not TimeframeType.NONE:
            timeframe = part
        elif not lead:
            lead = part
    return NestedRow(action, lead, timeframe, own_id)


def nested_grids(table: RawTable) -> dict[int, list[int]]:
    """Rows that are a table nested in an action cell, by the row of that cell.

    A PDF reader draws a nested table's rows as rows of the grid: they sit
    under an action cell merged down over them, with text only in the
    columns that cell covers, and one of them at least in two cells.
    """
    if Role.ACTION not in table.roles:
        return {}
    column = table.roles.index(Role.ACTION)
    out: dict[int, list[int]] = {}
    for index, row in enumerate(table.rows):
        cell = row[column] if column < len(row) else None
        if cell is None or cell.text is None or cell.row_span < 2:
            continue
        inside = range(column, column + cell.col_span)
        below = list(range(index + 1, min(index + cell.row_span, len(table.rows))))
        texts = [
            [k for k, c in enumerate(table.rows[at]) if c.text is not None and c.text.strip()]
            for at in below
        ]
        if (
            below
            and all(k in inside for ks in texts for k in ks)
            and any(len(ks) >= 2 for ks in texts)
        ):
            out[index] = [at for at, ks in zip(below, texts, strict=True) if ks]
    return out


def _grid_parts(row: Sequence[RawCell]) -> list[str]:
    """A nested grid row's fields, an item mark alone in its cell joined to the next."""
    parts = [" ".join(c.text.split()) for c in row if c.text is not None and c.text.strip()]
    if len(parts) > 1 and is_item_mark(parts[0]):
        parts[:2] = [f"{parts[0]} {parts[1]}"]
    return parts


def nested_grid_rows(
    text: str, grid_rows: Sequence[Sequence[RawCell]]
) -> tuple[str, list[NestedRow]]:
    """The action cell's own text before its nested grid rows, and those rows.

    The cell's text repeats the nested rows' words (a PDF reader reads the
    whole cell); its stem is the lines before the one where the first nested
    row starts.
    """
    inner = [parts for parts in map(_grid_parts, grid_rows) if parts]
    rows = [nested_row(parts) for parts in inner]
    first = inner[0][0].split()[0] if inner and inner[0] else ""
    lines = text.splitlines()
    cut = next(
        (i for i, line in enumerate(lines) if first and line.strip().startswith(first)), None
    )
    return "\n".join(lines[:cut] if cut is not None else lines), rows
