"""Long-lived workers (issue 17): one process reads many files, and still a hang or a crash costs one.

Real documents, read through ``read_inbox`` as a run reads them; the
readers log which process parsed each file, so the tests can tell a worker
that read on from a fresh one that took over.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from conftest import INBOX, SAMPLES

import ingest.run
from ingest.run import read_inbox
from ingest.store import Store
from ingest.workers import Limits, failed_record, read_files
from normalise import load_settings
from normalise.model import Reading
from parsers.model import RawDocument

REAL_PARSE = ingest.run.parse
NOW = datetime(2026, 1, 1)
# Read in inbox order by one worker: the second is the one that hangs or crashes.
PLANS = {
    "1-ess.pdf": "ess-2023-24.pdf",
    "2-ppyp.docx": "ppyp-2021-22.docx",
    "3-ppyp.docx": "ppyp-2023-24.docx",
    "4-ess.docx": "ess-2023-24.docx",
}
CRASHED = (
    f"the reader stopped unexpectedly (exit code {-signal.SIGKILL}); "
    "please report it with this file"
)


def _inbox(folder: Path, plans: dict[str, str] = PLANS) -> Path:
    inbox = folder / "inbox"
    inbox.mkdir(parents=True)
    for name, sample in plans.items():
        shutil.copy(INBOX / sample, inbox / name)
    return inbox


def _logging_parse(log: Path, hangs: str = "", crashes: str = "") -> object:
    """A parse that notes which process read each file, and hangs or dies on the one named."""

    def parse(path: Path) -> RawDocument:
        with log.open("a") as handle:  # the readers are other processes: they tell a file
            handle.write(f"{path.name} {os.getpid()}\n")
        if path.name == hangs:
            time.sleep(120)  # were it not stopped, it would come back as read
        if path.name == crashes:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does out of memory
        return REAL_PARSE(path)

    return parse


def _readers(log: Path) -> dict[str, int]:
    """Which process parsed each file, from the log ``_logging_parse`` keeps."""
    return {name: int(pid) for name, pid in (line.split() for line in log.read_text().splitlines())}


def _sources(readings: list[Reading]) -> dict[str, tuple[str, str, int]]:
    return {r.source.file: (r.source.result, r.source.message, r.source.actions) for r in readings}


def _alone(folder: Path, name: str) -> tuple[str, str, int]:
    """How ``name`` of ``PLANS`` reads in an inbox of its own, in one worker."""
    inbox = _inbox(folder / name, {name: PLANS[name]})
    (reading,) = read_inbox(inbox, load_settings(), limits=Limits(jobs=1))
    return reading.source.result, reading.source.message, reading.source.actions


def test_a_file_that_hangs_is_failed_and_a_fresh_worker_reads_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path)
    log = tmp_path / "parsed.log"
    monkeypatch.setattr("ingest.run.parse", _logging_parse(log, hangs="2-ppyp.docx"))
    readings = read_inbox(inbox, load_settings(), limits=Limits(jobs=1, timeout=10))
    sources = _sources(readings)
    assert sources["2-ppyp.docx"] == (
        "Failed",
        "took longer than 10 s to read and was stopped; check the file opens, or raise --timeout",
        0,
    )
    monkeypatch.undo()
    for name in ("1-ess.pdf", "3-ppyp.docx", "4-ess.docx"):
        assert sources[name] == _alone(tmp_path, name)
    readers = _readers(log)
    assert readers["1-ess.pdf"] == readers["2-ppyp.docx"]  # one worker, two files: no fork per file
    assert readers["3-ppyp.docx"] == readers["4-ess.docx"] != readers["2-ppyp.docx"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_dies_fails_only_the_file_it_was_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    inbox = _inbox(tmp_path)
    log = tmp_path / "parsed.log"
    monkeypatch.setattr("ingest.run.parse", _logging_parse(log, crashes="2-ppyp.docx"))
    readings = read_inbox(inbox, load_settings(), limits=Limits(jobs=jobs, timeout=60))
    sources = _sources(readings)
    assert sources["2-ppyp.docx"] == ("Failed", CRASHED, 0)
    monkeypatch.undo()
    for name in ("1-ess.pdf", "3-ppyp.docx", "4-ess.docx"):  # the file queued behind it too
        assert sources[name] == _alone(tmp_path, name)
    if jobs == 1:
        readers = _readers(log)
        assert readers["1-ess.pdf"] == readers["2-ppyp.docx"] != readers["3-ppyp.docx"]


def _comparable(readings: list[Reading]) -> list[Reading]:
    """``readings`` without the moment of the run (each run stamps its own)."""
    return [replace(r, source=replace(r.source, ingested_at=NOW)) for r in readings]


def test_two_or_three_workers_give_what_one_gives_and_store_it_alike(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    for path in sorted((SAMPLES / "layouts").glob("a*"))[:9]:  # Word, LibreOffice and Chromium
        shutil.copy(path, inbox / path.name)
    (inbox / "bad.pdf").write_text("not a pdf")
    shutil.copy(INBOX / "ess-2023-24.docx", inbox / "copy of ess.docx")
    settings = load_settings()
    results = {}
    held = {}
    for jobs in (1, 2, 3):
        with Store(tmp_path / f"{jobs}.sqlite") as store:
            results[jobs] = _comparable(
                read_inbox(inbox, settings, store=store, limits=Limits(jobs=jobs))
            )
            held[jobs] = sorted(_comparable(store.held()), key=lambda r: r.source.sha256)
    assert len(results[1]) == 7 + 9 + 2
    assert sum(r.workplan is not None for r in results[1]) == 7 + 9 + 1
    assert results[2] == results[1] and results[3] == results[1]
    assert len(held[1]) == 7 + 9  # each content stored once, whole
    assert held[2] == held[1] and held[3] == held[1]


# --- the reader itself, in workers started either way -------------------------------------------

# Kept by the reader below: memory a worker holds on to after a file.
_KEPT: list[bytearray] = []


def _reader(path: Path, digest: str | None) -> Reading:
    """Hangs on ``slow``, keeps 64 MiB on ``hog``, else says which process read the file."""
    if path.name == "slow":
        time.sleep(120)
    if path.name == "hog":
        _KEPT.append(bytearray(64 << 20))
    return Reading(failed_record(path, digest, f"pid {os.getpid()}", NOW))


def _read(names: list[str], limits: Limits) -> dict[str, str]:
    files = [(Path(name), None) for name in names]
    out = dict(read_files(files, _reader, limits, NOW))
    assert sorted(out) == list(range(len(names)))
    return {names[k]: r.source.message for k, r in out.items()}


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_after_a_hang_a_fresh_worker_reads_on_under_either_start_method(
    monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    monkeypatch.setenv("WORKPLANS_START_METHOD", method)
    results = _read(["a", "slow", "b", "c"], Limits(jobs=1, timeout=10))
    assert results["slow"].startswith("took longer than 10 s to read and was stopped")
    assert results["a"] != results["b"] == results["c"]  # a fresh worker, reading on
    assert f"pid {os.getpid()}" not in results.values()


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory limit needs /proc")
def test_a_worker_that_keeps_memory_hands_over_to_a_fresh_one() -> None:
    # a 256 MiB share: a worker grown by 64 MiB has used more than RETIRE_GROWTH of it
    limits = Limits(jobs=1, memory=256 << 20, timeout=60)
    results = _read(["a", "b", "hog", "c", "d"], limits)
    assert results["a"] == results["b"] == results["hog"]
    assert results["c"] == results["d"] != results["hog"]
