"""Files read in worker processes: a hang, a crash or a memory bomb costs one file, not the run."""

from __future__ import annotations

import os
import shutil
import signal
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.cli import main
from ingest.workers import Limits, bounded, failed_record, oversize, read_files, too_large
from normalise.model import Reading

NOW = datetime(2026, 1, 1)


def _ok(path: Path, digest: str | None) -> Reading:
    return Reading(failed_record(path, digest, "stand-in", NOW))  # any picklable reading will do


def _results(files: list[str], read: object, limits: Limits) -> dict[str, str]:
    paths = [(Path(name), None) for name in files]
    out = dict(read_files(paths, read, limits, NOW))  # type: ignore[arg-type]
    assert sorted(out) == list(range(len(files)))
    return {files[k]: r.source.message for k, r in out.items()}


def test_a_file_that_overruns_is_stopped_and_the_others_are_read() -> None:
    def read(path: Path, digest: str | None) -> Reading:
        if path.name == "slow.pdf":
            time.sleep(30)  # were it not stopped, it would come back as read
        return _ok(path, digest)

    results = _results(["a.pdf", "slow.pdf", "b.docx", "c.pdf"], read, Limits(jobs=2, timeout=1))
    assert results["slow.pdf"].startswith("took longer than 1 s to read and was stopped")
    assert {results[n] for n in ("a.pdf", "b.docx", "c.pdf")} == {"stand-in"}


def test_a_reader_that_dies_is_a_failed_file() -> None:
    def read(path: Path, digest: str | None) -> Reading:
        if path.name == "crash.pdf":
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does out of memory
        return _ok(path, digest)

    results = _results(["crash.pdf", "fine.pdf"], read, Limits(jobs=1, timeout=60))
    assert results["crash.pdf"] == (
        f"the reader stopped unexpectedly (exit code {-signal.SIGKILL}); please report it with this file"
    )
    assert results["fine.pdf"] == "stand-in"


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory limit needs /proc")
def test_a_file_that_would_eat_all_memory_is_stopped() -> None:
    def read(path: Path, digest: str | None) -> Reading:
        hog = bytearray(16 << 30)  # 16 GiB: more than a child may take
        return _ok(path, str(len(hog)))

    results = _results(["bomb.pdf"], read, Limits(jobs=1, timeout=60))
    assert results["bomb.pdf"] == "too large to read: it ran out of memory"


def test_run_reports_the_stopped_file_and_writes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.pdf", inbox / "ess.pdf")
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox / "spins.docx")
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox / "tt spins.docx")
    import ingest.run

    real = ingest.run.parse

    def parse(path: Path) -> object:
        if path.name == "spins.docx":
            time.sleep(30)
        return real(path)

    monkeypatch.setattr("ingest.run.parse", parse)  # the forked readers inherit it
    register = tmp_path / "register.xlsx"
    args = ["run", "--inbox", str(inbox), "--register", str(register), "--timeout", "2"]
    assert main([*args, "--jobs", "2"]) == 1
    assert "2 file(s) failed" in capsys.readouterr().out
    rows = list(load_workbook(register)["Sources"].iter_rows(min_row=2, values_only=True))
    sources = {r[0]: (r[7], r[8]) for r in rows}
    assert sources["ess.pdf"][0] == "Ingested"
    assert sources["spins.docx"][0] == "Failed"
    assert str(sources["spins.docx"][1]).startswith("took longer than 2 s")
    # the same content under another name is not read a second time: it shares the outcome
    assert sources["tt spins.docx"] == (
        "Failed",
        "same content as spins.docx; " + sources["spins.docx"][1],
    )
    assert load_workbook(register)["Actions"].max_row == 1 + 15


def test_one_job_gives_the_same_register_as_two(tmp_path: Path) -> None:
    def actions(jobs: str) -> list[tuple[object, ...]]:
        register = tmp_path / jobs / "register.xlsx"
        assert (
            main(["run", "--inbox", str(INBOX), "--register", str(register), "--jobs", jobs, "-q"])
            == 0
        )
        return list(load_workbook(register)["Actions"].iter_rows(values_only=True))

    assert actions("1") == actions("2")


def test_the_memory_budget_is_shared_out_between_workers() -> None:
    assert Limits(jobs=1, memory=4 << 30).child_memory == 4 << 30
    assert Limits(jobs=4, memory=4 << 30).child_memory == 1 << 30


def test_a_file_larger_than_the_limit_is_refused_before_hashing(tmp_path: Path) -> None:
    big = tmp_path / "inbox" / "huge.pdf"
    big.parent.mkdir()
    with big.open("wb") as handle:
        handle.truncate(300 << 20)  # sparse: 300 MB that costs no disk
    assert too_large(big, Limits()) == (
        "is 314,572,800 bytes, more than the 268,435,456 a workplan may have; check it is the right file"
    )
    assert too_large(INBOX / "ppyp-2023-24.pdf", Limits()) is None


def test_a_document_producing_too_much_is_a_failed_reading(tmp_path: Path) -> None:
    from ingest.run import ingest_file
    from normalise import load_settings

    reading = ingest_file(INBOX / "ppyp-2023-24.docx", load_settings(), NOW)
    assert reading.workplan is not None
    count = len(reading.workplan.actions)
    limits = Limits(max_actions=count - 1)
    out = bounded(reading, INBOX / "ppyp-2023-24.docx", limits, NOW)
    assert out.workplan is None and out.source.result == "Failed"
    assert out.source.message == (
        f"gave {count} actions, more than the {count - 1} one workplan may have; "
        "check its table, or split the document"
    )
    long_cell = Limits(max_cell_chars=50)
    message = oversize(reading.workplan, long_cell)
    assert message is not None and message.endswith(
        "more than the 50 an Excel cell holds; check the document's text"
    )
    assert oversize(reading.workplan, Limits()) is None


def test_workers_die_with_a_killed_run(tmp_path: Path) -> None:
    """A worker of a run killed with SIGKILL does not read on for --timeout."""
    pids = tmp_path / "pids"
    script = f"""
import os, sys, time
from datetime import datetime
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).parent)!r})
from ingest.workers import Limits, read_files

def read(path, digest):
    Path({str(pids)!r}).write_text(str(os.getpid()))
    time.sleep(120)

for _ in read_files([(Path("slow.pdf"), None)], read, Limits(jobs=1, timeout=300), datetime.now()):
    pass
"""
    import subprocess
    import sys

    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not pids.exists() or not pids.read_text():
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.05)
        worker = int(pids.read_text())
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker):
        assert time.monotonic() < deadline, f"worker {worker} outlived its killed parent"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_out_of_memory_while_reading_is_named_not_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ingest.run import ingest_file
    from normalise import load_settings

    def parse(path: Path) -> object:
        raise MemoryError  # as a parser does when the worker's memory limit is reached

    monkeypatch.setattr("ingest.run.parse", parse)  # the forked reader inherits it
    settings = load_settings()

    def read(path: Path, digest: str | None) -> Reading:
        return ingest_file(path, settings, NOW, digest)

    out = dict(read_files([(INBOX / "ess-2023-24.pdf", None)], read, Limits(jobs=1), NOW))
    assert (out[0].source.result, out[0].source.message) == (
        "Failed",
        "too large to read: it ran out of memory",
    )


def test_a_file_too_large_is_failed_unhashed_and_the_others_are_read(tmp_path: Path) -> None:
    from ingest.run import read_inbox
    from normalise import load_settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ppyp-2023-24.docx", inbox)
    with (inbox / "huge.pdf").open("wb") as handle:
        handle.truncate(40 << 20)
    limits = Limits(jobs=1, max_bytes=20 << 20)
    readings = {r.source.file: r.source for r in read_inbox(inbox, load_settings(), limits=limits)}
    assert readings["huge.pdf"].result == "Failed" and readings["huge.pdf"].sha256 == ""
    assert readings["huge.pdf"].message == (
        "is 41,943,040 bytes, more than the 20,971,520 a workplan may have; check it is the right file"
    )
    assert readings["ppyp-2023-24.docx"].result == "Ingested"
