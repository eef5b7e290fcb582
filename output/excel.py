"""Write the register workbook: one Excel table per contract sheet, safely.

The workbook is written to a temporary file beside the target and renamed
into place, so a reader never sees half a register and a failed run leaves
the previous one as it was.
"""

from __future__ import annotations

import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from normalise.model import Register
from output.columns import Column, Value, sheets
from output.dress import dress_actions
from output.summary import Block, summary

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
# A lock file is there while the register is open; one older than a working day
# was most likely left behind by a program that crashed or lost its network drive.
STALE_LOCK_AGE = timedelta(days=1)
# Dated copies written while the register is locked; the newest few are kept so a
# leftover lock file does not fill the folder with one copy a run.
KEEP_DATED_COPIES = 3


class RegisterWriteError(OSError):
    """The register could not be written where asked (folder missing, no permission)."""


@dataclass(frozen=True, slots=True)
class Written:
    """Where the register went: its path, the backup of the one before,
    whether the usual file was locked (open in Excel) so a dated copy was
    written, and a ``note`` for the user ("" when there is nothing to say,
    else what to do about a lock file that looks stale)."""

    path: Path
    backup: Path | None = None
    locked: bool = False
    note: str = ""


# The widest a Summary column grows; longer text (an action) wraps.
SUMMARY_WIDTH = 60


def write_register(register: Register, path: Path, *, today: date | None = None) -> Written:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``.

    A ``Summary`` sheet comes first, then every sheet of the contract, each an
    Excel table with a frozen header row and filter buttons; dates are real
    dates; no cell holds a formula. The previous register is kept as
    ``<name>.previous.xlsx``; when the register is open (locked), a dated copy
    is written beside it instead, only the newest ``KEEP_DATED_COPIES`` of
    them are kept, and a lock file that looks left over is said in
    ``Written.note``.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    write_summary(workbook.create_sheet("Summary"), summary(register, today or date.today()))
    sources = {s.file: s.path for s in register.sources if s.path}
    for name, columns, records in sheets(register):
        ws = workbook.create_sheet(name)
        _write_sheet(ws, name, columns, records)
        if name == "Actions":
            removed = [n for n, a in enumerate(register.actions, start=1) if a.removed]
            dress_actions(ws, columns, len(records), sources, removed)
    return _save(workbook, Path(path))


def lock_files(path: Path) -> list[Path]:
    """The lock files that say the register at ``path`` is open: Excel's
    ``~$name`` and LibreOffice's ``.~lock.name#``, those that exist."""
    names = (f"~${path.name}", f".~lock.{path.name}#")
    return [lock for lock in (path.parent / n for n in names) if lock.exists()]


def _locked(path: Path) -> bool:
    """Excel (``~$name``) or LibreOffice (``.~lock.name#``) has the register open."""
    return bool(lock_files(path))


def stale_lock_note(path: Path, now: datetime | None = None) -> str:
    """What to do about a lock file of ``path`` older than ``STALE_LOCK_AGE``, or "".

    Such a file was most likely left by a program that closed without
    removing it; while it is there every run writes a dated copy instead.
    """
    now = now or datetime.now()
    for lock in lock_files(path):
        try:
            modified = datetime.fromtimestamp(lock.stat().st_mtime)
        except OSError:  # removed meanwhile: not stale
            continue
        if now - modified > STALE_LOCK_AGE:
            return (
                f"{lock} is more than a day old, so it is probably left over from a closed or "
                f"crashed program: if no one has {path.name} open, delete {lock} and the next "
                f"run writes {path} again"
            )
    return ""


def _dated(path: Path) -> Path:
    return path.with_name(f"{path.stem} {datetime.now():%Y-%m-%d %H%M%S}{path.suffix}")


def dated_copies(path: Path) -> list[Path]:
    """The dated copies of the register at ``path`` beside it, oldest first.

    Their names carry the time they were written, so name order is age order.
    """
    return sorted(p for p in path.parent.iterdir() if _is_dated_copy(p, path))


def _prune_dated_copies(path: Path, keep: int = KEEP_DATED_COPIES) -> None:
    """Delete all but the newest ``keep`` dated copies of ``path``.

    A copy someone has open (its own lock file, or Windows refusing) is left.
    """
    copies = dated_copies(path)
    for copy in copies[: max(len(copies) - keep, 0)]:
        if _locked(copy):
            continue
        try:
            copy.unlink()
        except OSError as e:
            log.warning("%s: old dated copy not deleted (%s)", copy, e.strerror)
        else:
            log.info("deleted old dated copy %s", copy)


def backup_of(path: Path) -> Path:
    """Where the register at ``path`` is kept before it is replaced: ``x.previous.xlsx``."""
    return path.with_name(f"{path.stem}.previous{path.suffix}")


def is_copy_of(candidate: Path, path: Path) -> bool:
    """Whether ``candidate`` is a backup or dated copy this writer makes of ``path``."""
    return candidate.parent == path.parent and (
        candidate.name == backup_of(path).name or _is_dated_copy(candidate, path)
    )


def _is_dated_copy(candidate: Path, path: Path) -> bool:
    """Whether ``candidate`` is named as ``_dated`` names a copy of ``path``."""
    dated = re.escape(path.stem) + r" \d{4}-\d\d-\d\d \d{6}" + re.escape(path.suffix)
    return candidate.parent == path.parent and re.fullmatch(dated, candidate.name) is not None


def _save(workbook: Workbook, path: Path) -> Written:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
    except OSError as e:
        raise RegisterWriteError(f"{path}: cannot write the register here ({e.strerror})") from e
    try:
        workbook.save(tmp)
        target, locked, backup = path, _locked(path), None
        if locked:
            target = _dated(path)
        elif path.exists():
            backup = backup_of(path)
            shutil.copy2(path, backup)
        try:
            os.replace(tmp, target)
        except PermissionError:  # Windows: the register is open in another program
            target, locked, backup = _dated(path), True, None
            os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise RegisterWriteError(f"{path}: cannot write the register ({e.strerror})") from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    note = ""
    if locked:
        log.warning("%s is open in another program: wrote %s instead", path, target)
        note = stale_lock_note(path)
        if note:
            log.warning("%s", note)
        _prune_dated_copies(path)
    log.info("wrote %s", target)
    return Written(target, backup, locked, note)


def write_summary(ws: Worksheet, blocks: Sequence[Block]) -> None:
    """Lay the summary blocks down the sheet, each a titled Excel table."""
    row = 1
    widths: dict[int, int] = {}
    for block in blocks:
        ws.cell(row=row, column=1, value=block.title).font = Font(bold=True, size=12)
        header = row + 1
        for k, name in enumerate(block.columns, start=1):
            title = ws.cell(row=header, column=k, value=name)
            title.font = Font(bold=True)
            if block.rows and all(isinstance(r[k - 1], int) for r in block.rows):
                title.alignment = Alignment(horizontal="right")  # over its right-aligned counts
            widths[k] = max(widths.get(k, 0), len(name) + 2)
        for r, values in enumerate(block.rows, start=header + 1):
            for k, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=k)
                _set(cell, value)
                cell.alignment = Alignment(vertical="top")
                if _display_width(value) > SUMMARY_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    lines = math.ceil(_display_width(value) / SUMMARY_WIDTH)
                    ws.row_dimensions[r].height = min(lines * _POINTS_PER_LINE, _MAX_ROW_POINTS)
                widths[k] = max(widths.get(k, 0), min(_display_width(value), SUMMARY_WIDTH))
        last = get_column_letter(len(block.columns))
        if block.rows:
            table = Table(displayName=block.name, ref=f"A{header}:{last}{header + len(block.rows)}")
            table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            ws.add_table(table)
        else:
            ws.cell(row=header + 1, column=1, value="none")
        row = header + max(len(block.rows), 1) + 2
    for k, width in widths.items():
        ws.column_dimensions[get_column_letter(k)].width = width + 1
    ws.freeze_panes = "A2"
    _print_setup(ws, title_rows=False)


def _write_sheet(
    ws: Worksheet, name: str, columns: Sequence[Column], records: Sequence[Any]
) -> None:
    ws.append([c.name for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c.name) + 2 for c in columns]
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
    for k, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(k + 1)].width = width + 1
    _row_heights(ws, columns, records, widths)
    ws.freeze_panes = "A2"
    _print_setup(ws, title_rows=True)
    last = get_column_letter(len(columns))
    # An Excel table needs a data row: an empty sheet's table has one blank row,
    # as Excel makes when a table is inserted over a header alone.
    table = Table(displayName=name, ref=f"A1:{last}{max(len(records), 1) + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)


def _print_setup(ws: Worksheet, *, title_rows: bool) -> None:
    """Landscape, as wide as the page, the header row repeated on each printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        ws.print_title_rows = "1:1"


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
