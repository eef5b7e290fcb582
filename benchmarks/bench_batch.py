"""A batch of files read in worker processes, as ratios to reading them in turn in this process.

Baseline, measured in the same run: ``ingest_file`` on each file, one after
the other, in this process (what a run did before workers). Then
``read_inbox`` with 1 worker (what a worker process costs) and with one
worker per core (what ``workplans run`` does by default), each saving into a
fresh store as a run does; the last line is the speed-up of the workers over
one (issue 17: at least 1.7x with 2 workers on a parse-bound inbox). The
batch is the samples plus the peer corpus (``../shared/corpus/peers``) when
it is there, or with ``--corpus N`` the first N distinct plans of
``benchmarks/corpus.py`` (parse-bound: every file is new and distinct).
``WORKPLANS_START_METHOD=spawn`` measures spawned workers.
Run: ``python benchmarks/bench_batch.py [--repeat N] [--corpus N] [--jobs J]``.
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
from ingest.store import Store  # noqa: E402
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


def _inbox(folder: Path, corpus: int) -> Path:
    inbox = folder / "inbox"
    if corpus:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from corpus import corpus as make

        inbox.mkdir()
        for path in make(corpus):
            shutil.copy(path, inbox / path.name)
        return inbox
    shutil.copytree(ROOT / "samples" / "inbox", inbox / "samples")
    if PEERS.is_dir():
        shutil.copytree(PEERS, inbox / "peers", ignore=shutil.ignore_patterns("expected", "*.md"))
    return inbox


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=int, default=0, help="N distinct generated plans")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers to compare")
    args = parser.parse_args()
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inbox = _inbox(folder, args.corpus)
        files = list(discover(inbox))
        now = datetime.now()
        runs = iter(range(1_000_000))

        def stored(jobs: int) -> None:  # a fresh store each time, as a first run has
            with Store(folder / f"state-{next(runs)}.sqlite") as store:
                read_inbox(inbox, settings, store=store, limits=Limits(jobs=jobs))

        baseline = _best(lambda: [ingest_file(p, settings, now) for p in files], args.repeat)
        one = _best(lambda: stored(1), args.repeat)
        many = _best(lambda: stored(args.jobs), args.repeat)
    jobs = args.jobs
    print(f"{len(files)} files, best of {args.repeat}")
    print(f"  in turn, in this process (baseline): {baseline:6.2f} s")
    print(f"  1 worker process:                    {one:6.2f} s  ({one / baseline:.2f}x baseline)")
    print(
        f"  {jobs} worker processes:                  {many:6.2f} s  ({many / baseline:.2f}x baseline)"
    )
    print(f"  {jobs} workers against 1:                 {one / many:.2f}x faster")


if __name__ == "__main__":
    main()
