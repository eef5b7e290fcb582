"""What a run says while it works: one line per file people and log collectors can follow.

Three ways, chosen by the command's options:

- ``lines`` (the default): a timestamped line per file on standard output, in
  the order files finish, failures included, flushed at once, so a scheduler's
  log shows progress as it happens; the closing summary after them.
- ``quiet`` (``-q``): one line as the run starts and the closing summary.
- ``json`` (``--log-json``): the same events as JSON objects, one a line.
- ``bar``: on a terminal, a ``rich`` progress bar on standard error (files
  done of all, the last file read, time left), failures printed above it.

Each line is built by a pure function of its record and the time; the
``Report`` only writes them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TextIO

from normalise.model import SourceRecord

Mode = Literal["lines", "quiet", "json", "bar"]


def stamp(now: datetime) -> str:
    """The time as each line starts with it.

    >>> stamp(datetime(2026, 1, 5, 7, 0, 3, 120))
    '2026-01-05 07:00:03'
    """
    return now.strftime("%Y-%m-%d %H:%M:%S")


def file_line(record: SourceRecord, now: datetime) -> str:
    """The line for one file: when, what became of it, its name, and its actions or why it failed."""
    if record.result == "Failed":
        return f"{stamp(now)}  FAILED    {record.file}: {record.message}"
    word = "unchanged" if record.result == "Unchanged" else "read"
    return f"{stamp(now)}  {word:9} {record.file}: {record.actions} actions ({record.workplan} {record.period})"


def file_event(record: SourceRecord, now: datetime) -> dict[str, object]:
    """The JSON event for one file."""
    return {
        "time": now.isoformat(timespec="seconds"),
        "event": "file",
        "file": record.file,
        "result": record.result,
        "actions": record.actions,
        "workplan": record.workplan,
        "period": record.period,
        "sha256": record.sha256,
        "message": record.message,
    }


@dataclass(slots=True)
class Report:
    """Writes a run's start, each file and its summary to ``out`` in one ``mode``."""

    mode: Mode
    out: TextIO
    clock: Callable[[], datetime] = datetime.now
    files: int = field(default=0)
    total: int = 0
    _bar: Any = None

    def start(self, text: str, **details: object) -> None:
        """Say the run has started (every mode); ``total`` files are expected, for the bar."""
        if self.mode == "bar":
            self._bar = _bar(self.total)
            self._bar.console.print(f"{stamp(self.clock())}  {text}", highlight=False)
            return
        self._say(text, "start", details)

    def file(self, record: SourceRecord) -> None:
        """Say what became of one file (not when quiet)."""
        self.files += 1
        now = self.clock()
        if self._bar is not None:
            if record.result == "Failed":
                self._bar.console.print(file_line(record, now), highlight=False, markup=False)
            self._bar.update(self._bar.task_ids[0], advance=1, description=record.file)
        elif self.mode == "lines":
            self._write(file_line(record, now))
        elif self.mode == "json":
            self._write(json.dumps(file_event(record, now), ensure_ascii=False))

    def summary(self, text: str, **details: object) -> None:
        """Say how the run ended (every mode)."""
        self.close()
        self._say(text, "summary", details)

    def close(self) -> None:
        """Take the bar off the terminal (a run that stops early too)."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _say(self, text: str, event: str, details: dict[str, object]) -> None:
        now = self.clock()
        if self.mode == "json":
            data = {"time": now.isoformat(timespec="seconds"), "event": event, "message": text}
            self._write(json.dumps(data | details, ensure_ascii=False, default=str))
        elif event == "start":
            self._write(f"{stamp(now)}  {text}")
        else:
            self._write(text)

    def _write(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def bar_available() -> bool:
    """Whether ``rich`` is installed, for the terminal's progress bar."""
    try:
        import rich.progress  # noqa: F401
    except ImportError:
        return False
    return True


def _bar(total: int) -> Any:
    """A started ``rich`` progress bar on standard error for ``total`` files."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    )
    bar.add_task("", total=total or None)
    bar.start()
    return bar
