"""What analysts typed into the register, read back before it is replaced.

Three kinds of edit survive a run, keyed by ``Register ID``:

- the analyst-owned columns (``Analyst status``, ``Analyst note``,
  ``Checked by``, ``Checked on``) and any column an analyst added to the right
  of ``Actions``: carried over as they are, removed actions included;
- an edit of a generated cell (a ``Lead`` typed over): never written over the
  documents' truth, but kept as a ``Conflicts`` row beside the document's
  value, and said by the run;
- the ``Conflicts`` rows of the previous register, until the document agrees
  with the analyst or the analyst deletes the row.

An edit of a generated cell is told from a change in the documents by the
hidden sheet ``WRITTEN`` (``_written``): a short fingerprint of every generated
cell as the tool wrote it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from normalise.model import Register
from output.columns import ACTIONS, ANALYST, Value

log = logging.getLogger(__name__)

# The hidden sheet of fingerprints, and the sheets read back by name.
WRITTEN = "_written"
ACTIONS_SHEET = "Actions"
CONFLICTS_SHEET = "Conflicts"
REGISTER_ID = "Register ID"
# The document's value of an analyst's edit whose action is no longer in the register.
NOT_IN_REGISTER = "(no such action in this register)"
GENERATED = tuple(c.name for c in ACTIONS if c.name != REGISTER_ID)
# Eight hex digits: a typed-over cell is missed once in four billion.
_FINGERPRINT_BYTES = 4


@dataclass(frozen=True, slots=True)
class Conflict:
    """An analyst's value of a generated cell beside the document's, found on ``found_on``."""

    register_id: str
    column: str
    analyst: Value
    document: Value
    found_on: date


@dataclass(frozen=True, slots=True)
class AnalystEdits:
    """The analyst's work in a register, by ``Register ID``.

    ``columns``: the analyst-owned columns, then those the analyst added, in
    order. ``values``: their non-blank cells. ``changed``: generated cells that
    differ from what the tool wrote there. ``conflicts``: the previous
    ``Conflicts`` rows. ``problem``: why the register could not be read ("" if
    it was, or there was none).
    """

    columns: tuple[str, ...] = ANALYST
    values: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)
    changed: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    problem: str = ""


def fingerprint(value: Any) -> str:
    """A short hash of a cell's value as Excel shows it, so a retyped equal value is no edit.

    >>> fingerprint("Ann Lee") == fingerprint("Ann Lee"), fingerprint(None) == fingerprint("")
    (True, True)
    >>> fingerprint(date(2024, 1, 31)) == fingerprint(datetime(2024, 1, 31))
    True
    """
    text = _text(value)
    return hashlib.blake2s(text.encode("utf-8"), digest_size=_FINGERPRINT_BYTES).hexdigest()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def cell_value(value: Any) -> Value:
    """A cell as read back, as the writer takes it: a midnight date-time is a date."""
    if isinstance(value, datetime) and value.time() == time():
        return value.date()
    if value is None or isinstance(value, str | int | float | date):
        return value
    return str(value)


def read_edits(path: Path) -> AnalystEdits:
    """The analyst's edits in the register at ``path``, read (read-only) before it is replaced.

    No register there gives no edits. A register that cannot be read gives no
    edits and says why in ``problem`` (and the log): the writer keeps it as
    the backup.
    """
    path = Path(path)
    if not path.is_file():
        return AnalystEdits()
    try:
        workbook = load_workbook(path, read_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as e:
        problem = f"{path}: the analysts' edits could not be read ({e}); it is kept as the backup"
        log.warning("%s", problem)
        return AnalystEdits(problem=problem)
    try:
        if ACTIONS_SHEET not in workbook.sheetnames:
            return AnalystEdits()
        for ws in workbook.worksheets:
            # the size a sheet says it is may be stale (a column typed in by another
            # program); read every cell there is instead
            ws.reset_dimensions()
        written = _fingerprints(workbook[WRITTEN]) if WRITTEN in workbook.sheetnames else {}
        edits = _actions(workbook[ACTIONS_SHEET].iter_rows(values_only=True), written)
        if CONFLICTS_SHEET in workbook.sheetnames:
            rows = _records(workbook[CONFLICTS_SHEET].iter_rows(values_only=True))
            edits = AnalystEdits(edits.columns, edits.values, edits.changed, _conflicts(rows))
        return edits
    finally:
        workbook.close()


def _records(rows: Iterator[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows under a header row as ``{column: value}``; rows with no Register ID left out."""
    header = [_text(h) for h in next(rows, ())]
    out = []
    for row in rows:
        record = dict(zip(header, row, strict=False))
        if _text(record.get(REGISTER_ID)):
            out.append(record)
    return out


def _fingerprints(ws: Any) -> dict[str, dict[str, str]]:
    """``{Register ID: {column: fingerprint}}`` from the hidden sheet, as ``pack_fingerprints``
    writes it (one cell a row) or as registers before it did (one cell a column)."""
    rows = ws.iter_rows(values_only=True)
    header = next(rows, ())
    names = _packed_names(header)
    if names is None:
        return {
            _text(r[REGISTER_ID]): {k: _text(v) for k, v in r.items() if k != REGISTER_ID}
            for r in _records(iter([header, *rows]))
        }
    width = 2 * _FINGERPRINT_BYTES
    out = {}
    for row in rows:
        rid = _text(row[0]) if row else ""
        if rid:
            packed = _text(row[1]) if len(row) > 1 else ""
            out[rid] = {n: packed[k * width : (k + 1) * width] for k, n in enumerate(names)}
    return out


def pack_fingerprints(names: Sequence[str]) -> str:
    """The hidden sheet's second header: the generated columns whose fingerprints each
    row's second cell holds, in order, eight hex digits each (one cell a row, not one a
    column: a twentieth of the cells to write and read).

    >>> pack_fingerprints(["Action", "Lead"])
    'fingerprints of ["Action", "Lead"]'
    """
    return f"{_PACKED}{json.dumps(list(names))}"


_PACKED = "fingerprints of "


def _packed_names(header: Sequence[Any]) -> list[str] | None:
    """The columns a packed header names (``pack_fingerprints``), or None for the old layout."""
    second = header[1] if len(header) > 1 else None
    if not isinstance(second, str) or not second.startswith(_PACKED):
        return None
    try:
        names = json.loads(second[len(_PACKED) :])
    except ValueError:
        return None
    return [str(n) for n in names] if isinstance(names, list) else None


def _actions(
    rows: Iterator[tuple[Any, ...]], written: Mapping[str, Mapping[str, str]]
) -> AnalystEdits:
    header = [_text(h) for h in next(rows, ())]
    if REGISTER_ID not in header:
        return AnalystEdits()
    added = [
        n for n in header if n and n not in GENERATED and n not in ANALYST and n != REGISTER_ID
    ]
    columns = tuple(dict.fromkeys((*ANALYST, *added)))
    values: dict[str, dict[str, Value]] = {}
    changed: dict[str, dict[str, Value]] = {}
    for row in rows:
        record = dict(zip(header, row, strict=False))
        rid = _text(record.get(REGISTER_ID))
        if not rid:
            continue
        kept = {n: cell_value(record[n]) for n in columns if _text(record.get(n))}
        if kept:
            values[rid] = kept
        was = written.get(rid, {})
        edited = {
            n: cell_value(record.get(n))
            for n in GENERATED
            if n in was and n in record and fingerprint(record.get(n)) != was[n]
        }
        if edited:
            changed[rid] = edited
    return AnalystEdits(columns, values, changed)


def _conflicts(rows: Sequence[Mapping[str, Any]]) -> tuple[Conflict, ...]:
    out = []
    for r in rows:
        found = cell_value(r.get("Found on"))
        out.append(
            Conflict(
                _text(r[REGISTER_ID]),
                _text(r.get("Column")),
                cell_value(r.get("Analyst value")),
                cell_value(r.get("Document value")),
                found if isinstance(found, date) else date.today(),
            )
        )
    return tuple(out)


def conflicts(edits: AnalystEdits, register: Register, today: date) -> tuple[Conflict, ...]:
    """Every analyst value the new register does not hold where the analyst put it.

    The generated cells the analyst typed over whose document value differs,
    the analyst's values on actions no longer in the register, and the
    previous conflicts the documents still disagree with; one per register id
    and column, dated when it was first found.
    """
    getters = {c.name: c.get for c in ACTIONS}
    actions = {a.register_id: a for a in register.actions}
    found: dict[tuple[str, str], Conflict] = {}
    for rid, cells in edits.changed.items():
        action = actions.get(rid)
        for column, analyst in cells.items():
            document = getters[column](action) if action is not None else NOT_IN_REGISTER
            if fingerprint(analyst) != fingerprint(document):
                found[(rid, column)] = Conflict(rid, column, analyst, document, today)
    for rid, cells in edits.values.items():
        if rid not in actions:
            for column, analyst in cells.items():
                found[(rid, column)] = Conflict(rid, column, analyst, NOT_IN_REGISTER, today)
    for old in edits.conflicts:
        key = (old.register_id, old.column)
        if key in found:
            found[key] = Conflict(*key, found[key].analyst, found[key].document, old.found_on)
            continue
        action = actions.get(old.register_id)
        if action is not None and old.column in getters:
            document = getters[old.column](action)
            if fingerprint(old.analyst) == fingerprint(document):
                continue  # the document now says what the analyst said
            found[key] = Conflict(*key, old.analyst, document, old.found_on)
        else:  # the action is gone, or it is an analyst column's value kept from a gone action
            document = NOT_IN_REGISTER if action is None else old.document
            found[key] = Conflict(*key, old.analyst, document, old.found_on)
    return tuple(sorted(found.values(), key=lambda c: (c.register_id.casefold(), c.column)))


def _encoded(value: Value) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _decoded(value: Any) -> Value:
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        return date.fromisoformat(value["date"])
    return cell_value(value)


def to_json(edits: AnalystEdits, found: Sequence[Conflict]) -> str:
    """``edits`` with the conflicts a run ``found``, as the state file keeps them (JSON text)."""
    return json.dumps(
        {
            "columns": list(edits.columns),
            "values": {
                rid: {k: _encoded(v) for k, v in cells.items()}
                for rid, cells in edits.values.items()
            },
            "conflicts": [
                [c.register_id, c.column, _encoded(c.analyst), _encoded(c.document),
                 c.found_on.isoformat()]
                for c in found
            ],
        },
        ensure_ascii=False,
    )  # fmt: skip


def from_json(text: str) -> AnalystEdits:
    """The edits ``to_json`` kept: the analyst's columns, values and conflicts."""
    data = json.loads(text)
    return AnalystEdits(
        tuple(data["columns"]),
        {rid: {k: _decoded(v) for k, v in cells.items()} for rid, cells in data["values"].items()},
        {},
        tuple(
            Conflict(rid, column, _decoded(a), _decoded(d), date.fromisoformat(on))
            for rid, column, a, d, on in data["conflicts"]
        ),
    )


def current_edits(path: Path, kept: str | None) -> AnalystEdits:
    """The analysts' edits: read from the register at ``path``, else those the state ``kept``.

    The register wins when it can be read: what the analysts deleted there is
    gone. When it is missing or cannot be read, the state file's copy
    (``to_json``) stands in, so a deleted workbook loses nothing.
    """
    edits = read_edits(path)
    if (edits.problem or not Path(path).is_file()) and kept:
        log.info("%s: the analysts' edits are taken from the state file", path)
        return from_json(kept)
    return edits
