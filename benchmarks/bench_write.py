"""Writing the register workbook (``write_register``) against floors measured in the same run.

The register is the samples' Word documents read once and copied N times
under distinct keys (``bench_build``), built across documents, then written.
Measured in the same run, on the same sheets, columns and values:

- the XlsxWriter floor: every value written with ``write()`` and no look at
  all, then the file closed: what any XlsxWriter register costs;
- the openpyxl floor: the same cells appended to an openpyxl workbook and
  saved, as the register was written before (the writer's choice, README).

Printed per N: actions, cells, seconds for ours and each floor, and ours as a
ratio of each. Issue 17's target: under 10 s for about 20,000 actions.

Run: ``python benchmarks/bench_write.py [--sizes 100 1162] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import xlsxwriter  # noqa: E402
from bench_build import _copies  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from normalise import build_register, load_settings, normalise_document  # noqa: E402
from normalise.model import Register  # noqa: E402
from output.cells import stored  # noqa: E402
from output.columns import sheets  # noqa: E402
from output.excel import write_register  # noqa: E402
from parsers import parse  # noqa: E402

TODAY = date(2026, 12, 3)


def _values(register: Register) -> list[tuple[str, list[str], list[list[object]]]]:
    """Every sheet's header and cell values, worked out before any floor is timed."""
    return [
        (name, [c.name for c in columns], [[stored(c.get(r)) for c in columns] for r in records])
        for name, columns, records in sheets(register, TODAY)
    ]


def _xlsxwriter_floor(values: list[tuple[str, list[str], list[list[object]]]], out: Path) -> None:
    book = xlsxwriter.Workbook(
        str(out), {"strings_to_numbers": False, "strings_to_formulas": False}
    )
    for name, header, rows in values:
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, header)
        for r, row in enumerate(rows, start=1):
            ws.write_row(r, 0, row)
    book.close()


def _openpyxl_floor(values: list[tuple[str, list[str], list[list[object]]]], out: Path) -> None:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, header, rows in values:
        ws = book.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append(row)
    book.save(out)


def _median(repeat: int, work: Callable[[], object]) -> float:
    """The median of ``repeat`` timings of ``work``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1162])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings()
    inbox = ROOT / "samples" / "inbox"
    base = [normalise_document(parse(p), settings) for p in sorted(inbox.glob("*.docx"))]
    print(
        f"{'documents':>9} {'actions':>8} {'cells':>9} {'ours s':>7} {'xlsxwriter floor s':>18} "
        f"{'ratio':>6} {'openpyxl floor s':>16} {'ratio':>6}"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for n in args.sizes:
            register = build_register(_copies(base, n), settings)
            values = _values(register)
            cells = sum(len(header) * (len(rows) + 1) for _, header, rows in values)
            ours = _median(
                args.repeat, partial(write_register, register, out / "ours.xlsx", today=TODAY)
            )
            floor = _median(args.repeat, partial(_xlsxwriter_floor, values, out / "floor.xlsx"))
            old = _median(1, partial(_openpyxl_floor, values, out / "openpyxl.xlsx"))
            print(
                f"{n:>9} {len(register.actions):>8} {cells:>9} {ours:>7.2f} {floor:>18.2f} "
                f"{ours / floor:>6.2f} {old:>16.2f} {ours / old:>6.2f}"
            )


if __name__ == "__main__":
    main()
