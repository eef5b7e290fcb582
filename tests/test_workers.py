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
from ingest.workers import Limits, failed_record, read_files
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
