"""A reader's ``Grid`` frozen into the ``RawTable`` the normaliser reads: written once.

Word and every PDF strategy hand their grid here. The column rules run on the
frozen cells, the same for every format: a timeframe group's end cell holds
``start - end``, a header label merged over several body columns moves to the
one holding most text, columns the header leaves unnamed take a role from
their content, and a Gantt strip of shaded quarters or months becomes the
timeframe, its shading never a status (``parsers.columns``).
"""

from __future__ import annotations

from pathlib import Path

from parsers.columns import column_roles, join_timeframes, read_timeline, spread_wide
from parsers.model import Grid, Provenance, RawCell, RawTable


def freeze(grid: Grid, path: Path) -> RawTable:
    """The grid as a ``RawTable``: cells with provenance (file, ``grid.index``, row, column, pages).

    >>> from parsers.model import GridCell, Role
    >>> cells = [GridCell(t, None, {1}) for t in ("Do it", "April 2024", "March 2025")]
    >>> grid = Grid(("Action", "Start", "End"), (Role.ACTION, Role.OTHER, Role.TIMEFRAME), (),
    ...             rows=[cells], pages={1}, spans=((1, 2),))
    >>> raw = freeze(grid, Path("plan.pdf"))
    >>> raw.rows[0][2].text, raw.rows[0][2].provenance.pages, raw.pages
    ('April 2024 - March 2025', (1,), (1,))
    """
    rows = tuple(
        tuple(
            RawCell(
                c.text,
                Provenance(path.name, grid.index, r, k, tuple(sorted(c.pages))),
                c.row_span,
                c.col_span,
                c.fill,
                c.nested,
            )
            for k, c in enumerate(row)
        )
        for r, row in enumerate(grid.rows)
    )
    rows = join_timeframes(rows, grid.spans)
    roles, header = spread_wide(grid.roles, grid.header, rows, grid.wide)
    roles, rows = read_timeline(column_roles(roles, header, rows), header, rows)
    return RawTable(
        grid.index,
        roles,
        header,
        rows,
        grid.method,
        tuple(sorted(grid.pages)),
        tuple(grid.headings),
    )
