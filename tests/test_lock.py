"""One run at a time per state file: a second run exits 3 at once, touching nothing.

The first "run" is a helper process that takes the lock as a run does and
holds it until the test lets go, so contention does not hang on timing luck.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service import inbox_of, sources, workplans

from ingest.lock import holder_path, lock_path

HOLD = """
import sys
from pathlib import Path
from ingest.lock import run_lock
with run_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


@contextmanager
def held(state: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding the run lock of ``state`` for the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(state)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder
    finally:
        if holder.poll() is None and holder.stdin is not None:
            holder.stdin.close()  # lets go
        holder.wait(timeout=30)


def test_a_second_run_exits_3_naming_the_lock_and_its_holder_and_touches_nothing(
    tmp_path: Path,
) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    register = tmp_path / "register.xlsx"
    state = tmp_path / "register.sqlite"
    with held(state) as holder:
        done = workplans("run", "--inbox", inbox, "--register", register, cwd=tmp_path)
        assert done.returncode == 3
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith(
            f"workplans: {state}: another run is using this state file "
            f"(lock {lock_path(state)} held by pid {holder.pid} on "
        )
        assert done.stderr.endswith("nothing was done: wait for it to finish, or stop it\n")
        assert not register.exists() and not state.exists()
        for command in ("watch", "leads"):
            other = workplans(command, "--inbox", inbox, "--register", register, cwd=tmp_path)
            assert other.returncode == 3, (command, other.stderr)
            assert f"held by pid {holder.pid}" in other.stderr
        assert not state.exists() and not (tmp_path / "leads.csv").exists()
    assert not holder_path(state).exists()  # the holder let go and said so
    done = workplans("run", "--inbox", inbox, "--register", register, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sources(register) == {"ess-2023-24.docx": ("Ingested", "")}


def test_a_lock_on_another_state_file_does_not_stop_a_run(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    with held(tmp_path / "other.sqlite"):
        done = workplans("run", "--inbox", inbox, "--register", tmp_path / "r.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_a_killed_holder_does_not_block_the_next_run(tmp_path: Path) -> None:
    """The lock is the operating system's: it ends with the process, even one killed outright."""
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    state = tmp_path / "register.sqlite"
    with held(state) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    assert holder_path(state).exists()  # it could not tidy up; the next run takes over
    done = workplans("run", "--inbox", inbox, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not holder_path(state).exists()


def test_the_lock_files_in_the_inbox_are_never_documents(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    register = inbox / "register.xlsx"  # the register and its state written into the inbox
    for _ in range(2):
        done = workplans("run", "--inbox", inbox, "--register", register, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert lock_path(inbox / "register.sqlite").exists()
    assert set(sources(register)) == {"ess-2023-24.docx"}
