"""A table printed in two halves side by side: the second half's rows join the first's by id.

A wide plan exported from Excel (or a Word table split to fit the page) goes
on in a second table that repeats the key columns (``Priority``, ``Ref``)
and carries the rest (``Start date``, ``Target completion date``,
``Progress``). Its rows are the same rows, matched by the id column; the
join is made only when every one of its ids is one of the first table's.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.header import Header, find_header
from parsers.model import Role


def id_key(text: str | None) -> str:
    """A cell's text as ids are matched: spaces and case do not count."""
    return " ".join((text or "").split()).casefold()


def more_columns(
    header: Header,
    body: Sequence[Sequence[str | None]],
    table: Sequence[Sequence[str | None]],
) -> tuple[Header, list[int], dict[str, int]] | None:
    """How ``table`` widens a workplan whose one-row ``header`` and ``body`` are given.

    Returns the widened header, the columns of ``table`` that are new, and for
    each id the row of ``table`` that carries it; ``None`` when ``table`` is
    not the rest of these rows.

    >>> h = find_header([["Ref", "Action", "Lead"], ["1.1", "Do a", "Ann"]])
    >>> wide = more_columns(h, [["1.1", "Do a", "Ann"]], [["Ref", "Due", "RAG"], ["1.1", "May 2025", "G"]])
    >>> wide[0].roles, wide[1], wide[2]
    ((<Role.ID: 'id'>, <Role.ACTION: 'action'>, <Role.LEAD: 'lead'>, <Role.TIMEFRAME: 'timeframe'>, <Role.STATUS: 'status'>), [1, 2], {'1.1': 1})
    """
    if header.rows != 1 or Role.ID not in header.roles or len(table) < 2:
        return None
    id_col = header.roles.index(Role.ID)
    labels = [id_key(t) for t in table[0]]
    shared = {k for k, label in enumerate(labels) if label in {id_key(h) for h in header.labels}}
    id_label = id_key(header.labels[id_col])
    if id_label not in labels:
        return None
    their_id = labels.index(id_label)
    ours = {id_key(row[id_col]) for row in body if id_col < len(row) and id_key(row[id_col])}
    rows: dict[str, int] = {}
    for r, row in enumerate(table[1:], start=1):
        key = id_key(row[their_id]) if their_id < len(row) else ""
        if key:
            if key not in ours or key in rows:
                return None
            rows[key] = r
    new = [k for k in range(len(table[0])) if k not in shared and labels[k]]
    if not rows or not new:
        return None
    widened = find_header([[*header.labels, *(table[0][k] or "" for k in new)]])
    if widened is None:
        return None
    return widened, new, rows
