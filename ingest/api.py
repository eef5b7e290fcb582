"""The register from a notebook or a script, without the command line.

``run("samples/inbox", "out/register.xlsx")`` reads the inbox and writes the
register as ``workplans run`` does, and returns the run's ``RunResult``;
``read_register(result.register)`` gives its sheets as pandas DataFrames
(``result.actions`` is 53 for the samples). The README's "From a notebook"
shows both."""

from __future__ import annotations

from pathlib import Path

from ingest.lock import run_lock
from ingest.run import RunResult
from ingest.run import run as _run
from ingest.store import default_state
from ingest.workers import Limits
from normalise import Settings, load_settings
from output.read import read_register

__all__ = ["RunResult", "read_register", "run"]


def run(
    inbox: Path | str,
    register: Path | str = "register.xlsx",
    *,
    settings: Settings | None = None,
    state: Path | str | None = None,
    csv_path: Path | str | None = None,
    json_path: Path | str | None = None,
    limits: Limits | None = None,
) -> RunResult:
    """Read every document under ``inbox`` and write the register, as ``workplans run`` does.

    ``settings`` default to the shipped themes and lead aliases
    (``normalise.load_settings()``); ``state`` to the SQLite file beside the
    register. Returns the run's ``RunResult``: the register's path, every
    source's record (``result.failed`` the files that could not be read), the
    number of actions, and the analysts' edits kept in ``Conflicts``.
    Raises ``DocumentError`` when the inbox is missing, ``LockHeld`` when
    another run holds the state file (as the command's exit status 3).
    """
    state_path = Path(state) if state is not None else default_state(Path(register))
    with run_lock(state_path):
        return _run(
            Path(inbox),
            Path(register),
            settings or load_settings(),
            state=state_path,
            csv_path=Path(csv_path) if csv_path is not None else None,
            json_path=Path(json_path) if json_path is not None else None,
            limits=limits,
        )
