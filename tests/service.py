"""Running the ``workplans`` command as a real process, for the tests of running it as a service."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import INBOX
from openpyxl import load_workbook

WORKPLANS = [sys.executable, "-m", "ingest.cli"]


def workplans(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``workplans ARGS`` in ``cwd`` to its end; its exit code, stdout and stderr."""
    return subprocess.run(
        [*WORKPLANS, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def inbox_of(folder: Path, *names: str) -> Path:
    """An inbox in ``folder`` holding copies of the named sample documents."""
    inbox = folder / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(INBOX / name, inbox / name)
    return inbox


def sources(register: Path) -> dict[str, tuple[str, str]]:
    """The register's ``Sources`` rows: file -> (Result, Message)."""
    rows = list(load_workbook(register, read_only=True)["Sources"].iter_rows(values_only=True))
    header = list(rows[0])
    file, result, message = (header.index(c) for c in ("File", "Result", "Message"))
    return {str(r[file]): (str(r[result]), str(r[message] or "")) for r in rows[1:]}
