"""Reading files on a Dask cluster: ``--executor dask://HOST:PORT``.

For an archive of many thousands of documents, the parsing can run on an
existing Dask cluster (``dask.distributed``) instead of this machine's cores.
Each file's bytes are sent to the cluster with the same reader the local
workers use; on a worker they are written to a private folder under the file's
own name and modified time, read, and the parsed form and workplan come back.
The store and the workbook stay with the run. The time limit holds per file:
a file not back within it is ``Failed`` and its task cancelled (a Dask worker
cannot be stopped mid-task, so it may stay busy until the parse ends).

Needs the optional extra ``workplan-register[dask]``.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Generator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.workers import Limits, Outcome, OutcomeReader, Stopped, failed_record, read_bounded
from normalise.model import Reading
from parsers.errors import ConfigError

SCHEME = "dask://"
# Files in flight per worker thread: enough to keep the cluster busy, few enough
# that an inbox of thousands is not all in memory at once.
IN_FLIGHT_PER_THREAD = 2
POLL_SECONDS = 0.2


def address_of(executor: str) -> str:
    """The scheduler's address for ``dask.distributed.Client`` (``tcp://HOST:PORT``).

    >>> address_of("dask://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    if not executor.startswith(SCHEME) or not executor[len(SCHEME) :].strip():
        raise ConfigError(f"executor {executor!r}: give it as dask://HOST:PORT")
    return "tcp://" + executor[len(SCHEME) :]


def read_there(
    read: OutcomeReader,
    name: str,
    data: bytes,
    mtime_ns: int,
    digest: str | None,
    limits: Limits,
    now: datetime,
) -> Outcome:
    """On a Dask worker: ``data`` written as ``name`` with its modified time, then read
    within the same bounds as a local worker's (``workers.read_bounded``)."""
    with tempfile.TemporaryDirectory(prefix="workplans-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        os.utime(path, ns=(mtime_ns, mtime_ns))
        return read_bounded(read, path, digest, limits, now)


def _client(executor: str) -> Any:
    try:
        from distributed import Client
    except ImportError as e:
        raise ConfigError(
            "the Dask executor needs the dask extra: pip install 'workplan-register[dask]'"
        ) from e
    try:
        return Client(address_of(executor), timeout=30)  # type: ignore[no-untyped-call]
    except OSError as e:
        raise ConfigError(f"cannot reach the Dask scheduler at {executor}: {e}") from e


def dask_outcomes(
    files: Sequence[tuple[Path, str | None]],
    read: OutcomeReader,
    limits: Limits,
    now: datetime,
    stop: threading.Event | None = None,
) -> Generator[tuple[int, Outcome], None, None]:
    """``workers.read_outcomes`` on the Dask cluster ``limits.executor``, in the order files end."""
    from distributed import wait

    client = _client(limits.executor)
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending = list(enumerate(files))
        pending.reverse()
        running: dict[Any, tuple[int, Path, str | None, float]] = {}
        while pending or running:
            if stop is not None and stop.is_set():
                raise Stopped
            while pending and len(running) < IN_FLIGHT_PER_THREAD * threads:
                index, (path, digest) = pending.pop()
                try:
                    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
                except OSError as e:
                    message = f"cannot be read ({e.strerror})"
                    yield index, Outcome(Reading(failed_record(path, digest, message, now)))
                    continue
                future = client.submit(
                    read_there, read, path.name, data, mtime, digest, limits, now, pure=False
                )
                running[future] = (index, path, digest, time.monotonic() + limits.timeout)
            if not running:
                continue
            try:
                done, _ = wait(  # type: ignore[no-untyped-call]
                    list(running), timeout=POLL_SECONDS, return_when="FIRST_COMPLETED"
                )
            except TimeoutError:  # distributed's wait raises where concurrent.futures returns
                done = set()
            for future in list(running):
                index, path, digest, deadline = running[future]
                if future in done:
                    del running[future]
                    yield index, _result(future, path, digest, now)
                elif time.monotonic() >= deadline:
                    del running[future]
                    future.cancel()
                    message = (
                        f"took longer than {limits.timeout:.0f} s to read on the Dask cluster "
                        "and was stopped; check the file opens, or raise --timeout"
                    )
                    yield index, Outcome(Reading(failed_record(path, digest, message, now)))
    finally:
        client.close()


def _result(future: Any, path: Path, digest: str | None, now: datetime) -> Outcome:
    try:
        outcome: Outcome = future.result()
    except Exception as e:  # the worker died or the task failed: that file only
        message = f"the Dask worker could not read it ({type(e).__name__}: {e})"
        return Outcome(Reading(failed_record(path, digest, message, now)))
    return outcome
