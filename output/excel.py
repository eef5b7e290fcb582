"""Write the register workbook: one Excel table per contract sheet, safely.

The workbook is written to a temporary file beside the target and renamed
into place, so a reader never sees half a register and a failed run leaves
the previous one as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.worksheet import Worksheet

from normalise.model import Register
from output.analyst import (
    IN_VIEWS,
    LOOKS,
    analyst_columns,
    dress_analyst,
    min_widths,
    write_fingerprints,
)
from output.book import Book, put
from output.cells import (
    MAX_ROW_POINTS,
    POINTS_PER_LINE,
    display_width,
    stored,
    style_kind,
    wrapped_lines,
)
from output.columns import CONFLICTS, FROZEN, PRINTED, VIEWS, Column, Value, sheets
from output.dress import REMOVED_LOOK, dress_actions
from output.edits import AnalystEdits, Conflict, conflicts, fingerprint
from output.files import RegisterWriteError, backup_of, is_dated_copy
from output.printing import page_setup, print_columns
from output.summary import summary
from output.summary_sheet import write_summary

log = logging.getLogger(__name__)

# A lock file is there while the register is open; one older than a working day
# was most likely left behind by a program that crashed or lost its network drive.
STALE_LOCK_AGE = timedelta(days=1)
# Dated copies written while the register is locked; the newest few are kept so a
# leftover lock file does not fill the folder with one copy a run.
KEEP_DATED_COPIES = 3


@dataclass(frozen=True, slots=True)
class Written:
    """Where the register went: its path, the backup of the one before,
    whether the usual file was locked (open in Excel) so a dated copy was
    written, a ``note`` for the user ("" when there is nothing to say,
    else what to do about a lock file that looks stale), and the analysts'
    values the register holds beside the documents' (``Conflicts``)."""

    path: Path
    backup: Path | None = None
    locked: bool = False
    note: str = ""
    conflicts: tuple[Conflict, ...] = ()


def write_register(
    register: Register,
    path: Path,
    *,
    today: date | None = None,
    edits: AnalystEdits | None = None,
) -> Written:
    """Write ``register`` as an ``.xlsx`` workbook at ``path``.

    A ``Summary`` sheet comes first, then every sheet of the contract, each an
    Excel table with a frozen header row and filter buttons; dates are real
    dates; no cell holds a formula. ``today`` is the run date the views count
    from. ``edits`` (``output.edits.read_edits`` of the register being
    replaced) fill the analyst's columns of ``Actions`` by Register ID; their
    edits of generated cells go to ``Conflicts``, never over the documents'
    values. The previous register is kept as ``<name>.previous.xlsx``; when
    the register is open (locked), a dated copy is written beside it instead,
    only the newest ``KEEP_DATED_COPIES`` of them are kept, and a lock file
    that looks left over is said in ``Written.note``.
    """
    today = today or date.today()
    edits = edits or AnalystEdits()
    path = Path(path)
    found = conflicts(edits, register, today)

    def fill(book: Book) -> None:
        write_summary(book, book.sheet("Summary"), summary(register, today))
        paths = {s.file: s.path for s in register.sources if s.path}
        for name, columns, records in sheets(register, today):
            ws = book.sheet(name)
            if name in VIEWS:  # the analyst's status and note beside the open actions
                columns = (*columns, *analyst_columns(edits, IN_VIEWS))
            if name != "Actions":
                _write_sheet(book, ws, name, columns, records)
                continue
            columns = (*columns, *analyst_columns(edits))
            removed = {n for n, a in enumerate(register.actions) if a.removed}
            values = _write_sheet(
                book, ws, name, columns, records, removed, LOOKS, min_widths(), blanks=True
            )
            shown = [a.source for a in register.actions]
            dress_actions(book, ws, columns, shown, paths, path.parent)
            dress_analyst(ws, columns, len(records))
            ws.freeze_panes(1, FROZEN)
            print_columns(ws, PRINTED, len(records))
            actions = (columns, values)
        _write_sheet(book, book.sheet("Conflicts"), "Conflicts", CONFLICTS, found)
        write_fingerprints(book, *actions)  # last, and hidden

    written = _save(fill, path)
    _say_new_conflicts(found, edits.conflicts, path)
    return Written(written.path, written.backup, written.locked, written.note, found)


def _say_new_conflicts(found: Sequence[Conflict], before: Sequence[Conflict], path: Path) -> None:
    """Warn of the conflicts ``found`` that the register did not hold ``before``: once each."""
    said = {(c.register_id, c.column, fingerprint(c.analyst)) for c in before}
    new = [c for c in found if (c.register_id, c.column, fingerprint(c.analyst)) not in said]
    if new:
        log.warning(
            "%d edit(s) of generated cells in %s kept in its Conflicts sheet, beside the "
            "documents' values (which stay in Actions): %s",
            len(new),
            path.name,
            "; ".join(f"{c.register_id} {c.column}: {c.analyst!s}" for c in new[:3])
            + ("; ..." if len(new) > 3 else ""),
        )


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
    return sorted(p for p in path.parent.iterdir() if is_dated_copy(p, path))


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


def _save(fill: Callable[[Book], None], path: Path) -> Written:
    """Write the workbook ``fill`` lays out beside ``path``, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
        # mkstemp makes the file owner-only; the register is shared as the folder's other files
        os.chmod(tmp, _USUAL_MODE & ~_umask())
    except OSError as e:
        raise RegisterWriteError(f"{path}: cannot write the register here ({e.strerror})") from e
    try:
        book = Book(Path(tmp))
        fill(book)
        book.close()
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
    except XlsxWriterException as e:  # XlsxWriter's own wrapping of a failed file write
        Path(tmp).unlink(missing_ok=True)
        raise RegisterWriteError(f"{path}: cannot write the register ({e})") from e
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


# What a program creating a file asks for; the umask takes away what the user's settings forbid.
_USUAL_MODE = 0o666


def _umask() -> int:
    """The process's umask (read by setting it, then put back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_TOP: dict[str, Any] = {"valign": "top"}
_WRAP_TOP: dict[str, Any] = {"valign": "top", "text_wrap": True}


def _write_sheet(
    book: Book,
    ws: Worksheet,
    name: str,
    columns: Sequence[Column],
    records: Sequence[Any],
    removed: set[int] | frozenset[int] = frozenset(),
    looks: Mapping[str, Mapping[str, Any]] | None = None,
    floors: Mapping[str, int] | None = None,
    *,
    blanks: bool = False,
) -> list[list[Value]]:
    """``records`` as an Excel table under a bold header row, each column as wide as its text.

    Rows numbered in ``removed`` (0 = first record) show greyed (an action a
    newer version dropped); ``looks`` add to a column's cells' look (a
    number format), ``floors`` are the narrowest a column may be. With
    ``blanks``, an empty cell keeps its column's look too (wrapping, a date
    format), for a sheet analysts type into. Returns the values written, a
    list per record.
    """
    looks, floors = looks or {}, floors or {}
    widths = [max(len(c.name) + 2, floors.get(c.name, 0)) for c in columns]
    bases = [{**(_WRAP_TOP if c.wrap else _TOP), **looks.get(c.name, {})} for c in columns]
    made: dict[tuple[int, str, bool], Any] = {}
    wrapped = [k for k, c in enumerate(columns) if c.wrap]
    written: list[list[Value]] = []
    getters = [(k, c.get) for k, c in enumerate(columns)]
    write_string = ws.write_string
    for r, record in enumerate(records, start=1):
        grey = r - 1 in removed
        row: list[Value] = []
        for k, get in getters:
            value = get(record)
            if type(value) is not str or not (value.isascii() and value.isprintable()):
                value = stored(value)  # control characters out, cut to Excel's limit
            look = made.get((k, style_kind(value), grey)) or _look(
                book, made, bases, k, value, grey
            )
            if type(value) is str and value:  # most cells: text, written directly
                write_string(r, k, value, look)
                shown = len(value) if "\n" not in value else display_width(value)
            else:
                if blanks or (value is not None and value != ""):
                    put(ws, r, k, value, look)
                shown = display_width(value)
            if shown > widths[k]:
                widths[k] = min(shown, max(columns[k].max_width, widths[k]))
            row.append(value)
        written.append(row)
    for k, width in enumerate(widths):
        ws.set_column(k, k, width + 1)
    _row_heights(ws, [(k, widths[k]) for k in wrapped], written)
    ws.freeze_panes(1, 0)
    page_setup(ws, title_rows=True)
    # An Excel table needs a data row: an empty sheet's table has one blank row,
    # as Excel makes when a table is inserted over a header alone. Its name has
    # no spaces (``Action leads`` is the table ``ActionLeads``).
    bold = book.look(bold=True)
    ws.add_table(
        0,
        0,
        max(len(records), 1),
        len(columns) - 1,
        {
            "name": name.replace(" ", ""),
            "style": "Table Style Medium 2",
            "columns": [{"header": c.name, "header_format": bold} for c in columns],
        },
    )
    return written


def _look(
    book: Book,
    made: dict[tuple[int, str, bool], Any],
    bases: Sequence[Mapping[str, Any]],
    k: int,
    value: Value,
    grey: bool,
) -> Any:
    """Make (once) the look of column ``k``'s cells holding values of ``value``'s kind."""
    base = {**bases[k], **REMOVED_LOOK} if grey else dict(bases[k])
    look = made[(k, style_kind(value), grey)] = book.value_look(value, base)
    return look


def _row_heights(
    ws: Worksheet, wrapped: Sequence[tuple[int, int]], written: Sequence[Sequence[Value]]
) -> None:
    """Give each row the height its longest wrapped cell needs: ``wrapped`` are the
    wrapping columns and their widths, ``written`` the rows' values."""
    for r, values in enumerate(written, start=1):
        lines = max((wrapped_lines(values[k], width) for k, width in wrapped), default=1)
        if lines > 1:
            ws.set_row(r, min(lines * POINTS_PER_LINE, MAX_ROW_POINTS))
