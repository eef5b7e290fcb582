"""Pipeline speed on the samples, as ratios to the bare libraries in the same run.

Baseline per file: what python-docx or pdfplumber alone take to open the file
and pull its tables (``Document(path).tables`` cell texts; pdfplumber
``extract_tables()`` on every page). Ours: parse and normalise the same file.
Run: ``python benchmarks/bench_pipeline.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pdfplumber  # noqa: E402

from normalise import load_settings, normalise_document  # noqa: E402
from parsers import parse  # noqa: E402


def _baseline(path: Path) -> None:
    if path.suffix == ".docx":
        for table in docx.Document(str(path)).tables:
            for row in table.rows:
                [c.text for c in row.cells]
    else:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()


def _ours(path: Path) -> None:
    normalise_document(parse(path), SETTINGS)


SETTINGS = load_settings()


def _best(fn: Callable[[Path], None], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted((ROOT / "samples" / "inbox").glob("*.*"))
    print(f"{'file':32}{'baseline s':>12}{'ours s':>10}{'ratio':>8}{'peak MiB':>10}")
    ratios = []
    for path in files:
        base = _best(_baseline, path, args.repeat)
        ours = _best(_ours, path, args.repeat)
        tracemalloc.start()
        _ours(path)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        ratios.append(ours / base)
        print(f"{path.name:32}{base:12.3f}{ours:10.3f}{ours / base:8.2f}{peak:10.1f}")
    print(f"median ratio ours/baseline: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
