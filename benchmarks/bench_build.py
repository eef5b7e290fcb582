"""The cross-document build (``build_register``) on N workplans, against a floor.

Workplans are the samples' Word documents read once, then copied N times under
distinct titles and keys (what an archive of N plans looks like to the build:
every lead cell and text seen again). The floor, measured in the same run, is
one pass that rebuilds every action (``dataclasses.replace``), which any step
touching each action costs. Printed per N: actions, seconds, ratio to the floor
and time per document (it should stay flat as N grows). Issue 17's target:
under 3 s for about 1,000 documents and 20,000 actions.

Run: ``python benchmarks/bench_build.py [--sizes 10 100 1000]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalise import build_register, load_settings, normalise_document  # noqa: E402
from normalise.model import Reading, SourceRecord, Workplan  # noqa: E402
from parsers import parse  # noqa: E402


def _copies(base: list[Workplan], n: int) -> list[Reading]:
    readings = []
    for i in range(n):
        w = base[i % len(base)]
        key = f"W{i} {w.period}"
        actions = tuple(replace(a, register_id=f"{key} / {a.action_id}") for a in w.actions)
        copy = replace(
            w, title=f"{w.title} {i}", key=key, actions=actions, subgroup=f"{w.subgroup} {i}"
        )
        source = SourceRecord(
            f"plan-{i}.docx", f"{i:064x}", "docx", 1, copy.title, copy.period,
            len(actions), "Ingested", "", datetime(2026, 1, 1),
        )  # fmt: skip
        readings.append(Reading(source, copy))
    return readings


def _floor(readings: list[Reading]) -> float:
    start = time.perf_counter()
    for r in readings:
        assert r.workplan is not None
        _ = [replace(a, review=a.review) for a in r.workplan.actions]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args()
    settings = load_settings()
    inbox = ROOT / "samples" / "inbox"
    base = [normalise_document(parse(p), settings) for p in sorted(inbox.glob("*.docx"))]
    print(
        f"{'documents':>9} {'actions':>8} {'build s':>8} {'floor s':>8} {'ratio':>6} {'ms/doc':>7}"
    )
    for n in args.sizes:
        readings = _copies(base, n)
        actions = sum(len(r.workplan.actions) for r in readings if r.workplan is not None)
        floor = _floor(readings)
        start = time.perf_counter()
        build_register(readings, settings)
        took = time.perf_counter() - start
        print(
            f"{n:>9} {actions:>8} {took:>8.2f} {floor:>8.3f} {took / floor:>6.0f}x "
            f"{1000 * took / n:>7.2f}"
        )


if __name__ == "__main__":
    main()
