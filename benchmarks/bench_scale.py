"""``make bench``'s record: the whole run on N distinct documents, against floors, in one run.

For each N (default 10, 100, 1000) on the corpus of ``corpus.py`` (half Word,
half PDF, 5-80 actions each), measured in this run on this machine:

- **floor**: python-docx reading every cell of each Word file, pdfplumber
  ``extract_tables`` on every page of each PDF, in this process;
- **obvious script**: the floor plus every table row written to one openpyxl
  workbook and saved: what a hand-written script does, with no repair;
- **ours**: ``workplans run --jobs 2`` in a fresh folder (a real process, as a
  user runs it), with the peak memory of its whole process tree (sampled);
- **no-op rerun**: the same command again with nothing new;
- **--jobs 1** against **--jobs 2** (for N up to 100);
- **stages**: parse, normalise, build and write timed in this process, per document;
- **Word only**: the same end to end on N Word documents (default 1,000), the
  issue's figure for a Word archive (no stages).

It prints a table of seconds and ratios, and rewrites ``benchmarks/RESULTS.md``
with the machine, the table and ``benchmarks/results.png`` (time per document
against N: flat is linear). ``--quick`` runs N = 10 and 50 only.
Run: ``python benchmarks/bench_scale.py [--sizes ...] [--quick]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import docx
import pdfplumber
import psutil
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from corpus import corpus  # noqa: E402

from normalise import build_register, load_settings, normalise_document  # noqa: E402
from normalise.model import Reading, SourceRecord  # noqa: E402
from output.excel import write_register  # noqa: E402
from parsers import parse  # noqa: E402

WORKPLANS = Path(sys.executable).with_name("workplans")


@dataclass
class Row:
    """One N's figures, in seconds (memory in MB)."""

    n: int
    actions: int = 0
    floor: float = 0.0
    obvious: float = 0.0
    ours: float = 0.0
    peak_mb: float = 0.0
    noop: float = 0.0
    jobs1: float | None = None
    stages: dict[str, float] = field(default_factory=dict)
    word_only: bool = False


def _cells(path: Path) -> list[list[str]]:
    """The floor's reading: every table row's cell texts, nothing more."""
    rows: list[list[str]] = []
    if path.suffix == ".docx":
        for table in docx.Document(str(path)).tables:
            for row in table.rows:
                rows.append([c.text for c in row.cells])
    else:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    rows.extend([c or "" for c in row] for row in table)
    return rows


def _floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        _cells(path)
    return time.perf_counter() - start


def _obvious(files: list[Path], out: Path) -> float:
    start = time.perf_counter()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for path in files:
        for row in _cells(path):
            sheet.append([path.name, *row])
    book.save(out)
    return time.perf_counter() - start


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def _run(inbox: Path, folder: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak MB of the process tree for one ``workplans run``."""
    command = [
        str(WORKPLANS), "run", "--inbox", str(inbox), "--register", str(folder / "register.xlsx"),
        "--state", str(folder / "state.db"), "--jobs", str(jobs), "-q",
    ]  # fmt: skip
    peak = 0
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(child.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                peak = max(peak, _tree_rss(watched))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    took = time.perf_counter() - start
    done.set()
    sampler.join()
    if child.returncode not in (0, 1):
        raise RuntimeError(f"workplans run failed ({child.returncode}): {err.decode()[-500:]}")
    return took, peak / 2**20


def _stages(files: list[Path], folder: Path) -> tuple[dict[str, float], int]:
    settings = load_settings()
    times = {"parse": 0.0, "normalise": 0.0}
    readings = []
    for number, path in enumerate(files):
        start = time.perf_counter()
        raw = parse(path)
        middle = time.perf_counter()
        workplan = normalise_document(raw, settings)
        times["parse"] += middle - start
        times["normalise"] += time.perf_counter() - middle
        source = SourceRecord(
            path.name, f"{number:064x}", path.suffix[1:], raw.pages, workplan.title, workplan.period,
            len(workplan.actions), "Ingested", "", datetime.now(UTC).replace(tzinfo=None),
        )  # fmt: skip
        readings.append(Reading(source, workplan))
    start = time.perf_counter()
    register = build_register(readings, settings)
    times["build"] = time.perf_counter() - start
    start = time.perf_counter()
    write_register(register, folder / "stages.xlsx")
    times["write"] = time.perf_counter() - start
    return times, len(register.actions)


def measure(n: int, jobs1_up_to: int, *, word_only: bool = False) -> Row:
    """N plans end to end, the floors and the no-op rerun; stages only for the mixed corpus."""
    files = corpus(n, word_only=word_only)
    row = Row(n, word_only=word_only)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = Path(tmp)
        inbox = folder / "inbox"
        inbox.mkdir()
        for path in files:
            shutil.copy2(path, inbox / path.name)
        row.floor = _floor(files)
        row.obvious = _obvious(files, folder / "obvious.xlsx")
        run2 = folder / "jobs2"
        run2.mkdir()
        row.ours, row.peak_mb = _run(inbox, run2, jobs=2)
        row.noop, _ = _run(inbox, run2, jobs=2)
        if n <= jobs1_up_to:
            run1 = folder / "jobs1"
            run1.mkdir()
            row.jobs1, _ = _run(inbox, run1, jobs=1)
        if word_only:
            row.actions = _actions(run2 / "register.xlsx")
        else:
            row.stages, row.actions = _stages(files, folder)
    return row


def _actions(register: Path) -> int:
    """How many actions the register at ``register`` holds (rows of its Actions sheet)."""
    from openpyxl import load_workbook

    book = load_workbook(register, read_only=True)
    try:
        return int(book["Actions"].max_row or 1) - 1
    finally:
        book.close()


def _table(rows: list[Row]) -> list[str]:
    out = [
        "| N | actions | floor s | obvious script s | ours (--jobs 2) s | ours / floor | "
        "ours / obvious | docs/s | ms per doc | peak MB (tree) | no-op rerun s | --jobs 1 s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in (r for r in rows if not r.word_only):
        jobs1 = f"{r.jobs1:.1f} ({r.jobs1 / r.ours:.2f}x of --jobs 2)" if r.jobs1 else "not run"
        out.append(
            f"| {r.n} | {r.actions} | {r.floor:.1f} | {r.obvious:.1f} | {r.ours:.1f} | "
            f"{r.ours / r.floor:.2f} | {r.ours / r.obvious:.2f} | {r.n / r.ours:.1f} | "
            f"{1000 * r.ours / r.n:.0f} | {r.peak_mb:.0f} | {r.noop:.2f} | {jobs1} |"
        )
    words = [r for r in rows if r.word_only]
    if words:
        out += ["", "Word documents only (python-docx), the same measures:", ""]
        out += [out[0], out[1]]
        for r in words:
            out.append(
                f"| {r.n} | {r.actions} | {r.floor:.1f} | {r.obvious:.1f} | {r.ours:.1f} | "
                f"{r.ours / r.floor:.2f} | {r.ours / r.obvious:.2f} | {r.n / r.ours:.1f} | "
                f"{1000 * r.ours / r.n:.0f} | {r.peak_mb:.0f} | {r.noop:.2f} | not run |"
            )
    out += ["", "Stages in one process, milliseconds per document:", ""]
    out += ["| N | parse | normalise | build | write |", "|---:|---:|---:|---:|---:|"]
    for r in (r for r in rows if not r.word_only):
        s = r.stages
        out.append(
            f"| {r.n} | {1000 * s['parse'] / r.n:.1f} | {1000 * s['normalise'] / r.n:.1f} | "
            f"{1000 * s['build'] / r.n:.2f} | {1000 * s['write'] / r.n:.2f} |"
        )
    return out


# Where RESULTS.md's hand-kept section starts (``main`` keeps it when it rewrites the file).
TARGETS = "<!-- targets: kept by bench_scale.py -->"


def _plot(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns = [r.n for r in rows]
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    ax.plot(ns, [1000 * r.ours / r.n for r in rows], marker="o", label="ours, --jobs 2")
    ax.plot(ns, [1000 * r.obvious / r.n for r in rows], marker="s", label="obvious script")
    ax.plot(ns, [1000 * r.floor / r.n for r in rows], marker="^", label="floor (read cells)")
    ax.set_xscale("log")
    ax.set_xlabel("documents (N)")
    ax.set_ylabel("ms per document")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--quick", action="store_true", help="N = 10 and 50 only")
    parser.add_argument("--jobs1-up-to", type=int, default=100)
    parser.add_argument(
        "--word-sizes", type=int, nargs="*", default=[1000], help="Word-only corpora to run too"
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [10, 50] if args.quick else args.sizes
    began = time.perf_counter()
    rows = []
    for n in sizes:
        rows.append(measure(n, args.jobs1_up_to))
        print("\n".join(_table(rows)[:2] + _table(rows)[2 : 2 + len(rows)]), flush=True)
    for n in [] if args.quick else args.word_sizes:
        rows.append(measure(n, 0, word_only=True))
        print("\n".join(_table(rows)), flush=True)
    table = _table(rows)
    picture = args.out.with_name(args.out.stem.lower() + ".png")
    _plot([r for r in rows if not r.word_only], picture)
    machine = (
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB"
    )
    text = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/bench_scale.py` ({'make bench-quick' if args.quick else 'make bench'}) "
        f"on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {time.perf_counter() - began:.0f} s.",
        f"Machine: {machine}.",
        "",
        "Corpus: `benchmarks/corpus.py`, N distinct plans, half Word (python-docx), half PDF "
        "(reportlab), 5-80 actions each. Floor: python-docx reading every cell and pdfplumber "
        "`extract_tables`, in one process. Obvious script: the floor plus every row written "
        "to one openpyxl workbook. Ours: `workplans run --jobs 2` as a user runs it, a fresh "
        "state; peak memory summed over its process tree; the no-op rerun is the same command "
        "again with nothing new.",
        "",
        *table,
        "",
        f"![time per document against N]({picture.name})",
        "",
    ]
    # what was written by hand below the marker (the targets, from the other
    # benchmarks of the same ``make bench``) is kept
    kept = args.out.read_text(encoding="utf-8").partition(TARGETS)[2] if args.out.exists() else ""
    if kept:
        text += ["", TARGETS + kept.rstrip("\n")]
    args.out.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} and {picture}")


if __name__ == "__main__":
    main()
