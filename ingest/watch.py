"""Watch mode: run the batch whenever the inbox changes, and only once it has settled.

The inbox is polled: every ``interval`` seconds its files' names, sizes and
modification times are compared with what the last run saw. A change starts a
run only when the folder looked the same at two polls in a row, so a file
still being copied in is not read half-way. Each run is the ordinary batch
(``ingest.run.run``), so the store makes it read only what is new.

Why polling and not file-system events (``watchdog``, inotify): partnership
inboxes are often shared network folders, where events do not arrive; a poll
of a few dozen files every half-minute costs nothing, and needs no dependency.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from types import FrameType

from ingest.discover import discover

log = logging.getLogger(__name__)

Snapshot = Mapping[str, tuple[int, int]]

DEFAULT_INTERVAL = 30.0


def snapshot(
    inbox: Path, outputs: Collection[Path] = (), exclude: Sequence[str] = ()
) -> dict[str, tuple[int, int]]:
    """Each file the batch would see, with its size and modification time (ns)."""
    out = {}
    for path in discover(inbox, outputs, exclude=exclude):
        try:
            stat = path.stat()
        except OSError:  # gone between listing and looking
            continue
        out[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return out


def due(last_run: Snapshot | None, previous: Snapshot, current: Snapshot) -> bool:
    """Whether to run now: the inbox differs from the last run's and has stopped changing."""
    if last_run is None:
        return True  # first poll: catch up with whatever is there
    return current != last_run and current == previous


def watch(
    inbox: Path,
    run_once: Callable[[], object],
    *,
    interval: float = DEFAULT_INTERVAL,
    stop: threading.Event | None = None,
    outputs: Collection[Path] = (),
    exclude: Sequence[str] = (),
    acknowledge: Callable[[int], object] | None = None,
) -> None:
    """Call ``run_once`` on the first poll and whenever the inbox has changed and settled.

    Returns when ``stop`` is set (``SIGTERM`` and ``SIGINT`` set it when this
    runs in the main thread); a run in progress is finished first. The
    run's own ``outputs`` are not changes to the inbox, nor are paths
    matching an ``exclude`` pattern. ``acknowledge`` is told the signal's
    number as it arrives, so the user hears at once that it was taken.
    """
    stop = stop or threading.Event()
    restore = _stop_on_signals(stop, acknowledge)
    try:
        last_run: Snapshot | None = None
        previous: Snapshot = {}
        while not stop.is_set():
            current = snapshot(inbox, outputs, exclude) if inbox.is_dir() else {}
            if due(last_run, previous, current):
                run_once()
                last_run = current
            previous = current
            stop.wait(interval)
    finally:
        restore()


def _stop_on_signals(
    stop: threading.Event, acknowledge: Callable[[int], object] | None
) -> Callable[[], None]:
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(number: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping after the current run", number)
        if not stop.is_set() and acknowledge is not None:
            acknowledge(number)
        stop.set()

    before = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for number, previous in before.items():
            signal.signal(number, previous)

    return restore
