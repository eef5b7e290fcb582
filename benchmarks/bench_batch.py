"""A batch of files read in worker processes, as ratios to reading them in turn in this process.

Baseline, measured in the same run: ``ingest_file`` on each file, one after
the other, in this process (what a run did before workers). Then
``read_inbox`` with 1 worker (the cost of a process per file) and with one
worker per core (what ``workplans run`` does by default). The batch is the
samples plus the peer corpus (``../shared/corpus/peers``) when it is there.
Run: ``python benchmarks/bench_batch.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.discover import discover  # noqa: E402
from ingest.run import ingest_file, read_inbox  # noqa: E402
from ingest.workers import Limits, default_jobs  # noqa: E402
from normalise import load_settings  # noqa: E402

PEERS = ROOT.parent / "shared" / "corpus" / "peers"


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp)
        shutil.copytree(ROOT / "samples" / "inbox", inbox / "samples")
        if PEERS.is_dir():
            shutil.copytree(
                PEERS, inbox / "peers", ignore=shutil.ignore_patterns("expected", "*.md")
            )
        files = list(discover(inbox))
        now = datetime.now()
        baseline = _best(lambda: [ingest_file(p, settings, now) for p in files], args.repeat)
        one = _best(lambda: read_inbox(inbox, settings, limits=Limits(jobs=1)), args.repeat)
        jobs = default_jobs()
        many = _best(lambda: read_inbox(inbox, settings, limits=Limits(jobs=jobs)), args.repeat)
    print(f"{len(files)} files, best of {args.repeat}")
    print(f"  in turn, in this process (baseline): {baseline:6.2f} s")
    print(f"  1 worker process:                    {one:6.2f} s  ({one / baseline:.2f}x baseline)")
    print(
        f"  {jobs} worker processes:                  {many:6.2f} s  ({many / baseline:.2f}x baseline)"
    )


if __name__ == "__main__":
    main()
