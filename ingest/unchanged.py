"""Nothing new, nothing done: a run whose inputs are those of the last register written.

A scheduled run over a growing archive mostly finds nothing new. Then the
register it would write is the one already there: same documents (by content),
same failures, same settings and tool, same day (``Overdue`` and ``Due soon``
are counted from the run's date), the same files asked for. The last run's
inputs are kept in the store as one fingerprint with the register's size and
modified time; when both match, the run leaves the register as it is. An
analyst who saved the workbook changed its size or time, so their edits are
always carried into a new one. ``--rebuild`` writes it whatever.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from normalise.model import Reading


@dataclass(frozen=True, slots=True)
class Output:
    """The register the last run wrote: its inputs' fingerprint, where it is, its stamp."""

    fingerprint: str
    register: str
    size: int
    mtime_ns: int
    actions: int


def inputs_fingerprint(
    readings: Sequence[Reading],
    settings_key: str,
    today: date,
    files: Sequence[Path | None],
    kept: Sequence[Reading] = (),
) -> str:
    """One digest of what a register is made from.

    Each document in the inbox by name and content (a failed one with its
    message), each kept from the store after its file left the inbox
    (``kept``), the settings and tool (``settings_key``), the day, and the
    files the run writes. Not the result words (``Ingested`` then
    ``Unchanged``), which say how the run got a document, not what it holds.

    >>> from datetime import datetime
    >>> from normalise.model import SourceRecord
    >>> def reading(sha: str) -> Reading:
    ...     return Reading(SourceRecord("a.docx", sha, "docx", 1, "W", "2025-26", 3,
    ...                                 "Ingested", "", datetime(2026, 1, 1)))
    >>> one = inputs_fingerprint([reading("1")], "k", date(2026, 1, 2), [Path("r.xlsx")])
    >>> one == inputs_fingerprint([reading("1")], "k", date(2026, 1, 2), [Path("r.xlsx")])
    True
    >>> one == inputs_fingerprint([reading("2")], "k", date(2026, 1, 2), [Path("r.xlsx")])
    False
    """
    documents = sorted(
        (
            r.source.file,
            r.source.sha256,
            r.source.message if r.source.result == "Failed" else "",
        )
        for r in readings
    )
    left = sorted((r.source.file, r.source.sha256) for r in kept)
    text = json.dumps(
        [documents, left, settings_key, today.isoformat(), [str(f) if f else "" for f in files]],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modified time (ns), or ``None`` when it is not there."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def still_current(
    last: Output | None, fingerprint: str, register: Path, files: Sequence[Path | None]
) -> bool:
    """Whether the register the last run wrote is the one this run would write, untouched."""
    if last is None or last.fingerprint != fingerprint or last.register != str(register):
        return False
    if stamp(register) != (last.size, last.mtime_ns):
        return False  # gone, or saved since (an analyst's edits): write it again
    return all(f is None or f.exists() for f in files)
