"""Tell an unlabelled status column from its data: narrow, empty text, coloured."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.header_words import names_nothing
from parsers.model import RawCell, Role

# Most cells of a status column carry no text; allow a few ("G", "Amber").
_MAX_TEXT_SHARE = 0.2
_MAX_STATUS_TEXT = 12


def mark_status_column(
    roles: tuple[Role, ...], header: Sequence[str], rows: Sequence[Sequence[RawCell]]
) -> tuple[Role, ...]:
    """Give ``Role.STATUS`` to an unlabelled column whose cells are coloured, not written.

    A column already labelled (``RAG``, ``Status``) keeps its role. The first
    such column with an empty label is the status; failing that, a column
    whose label names nothing (``Column 6``), when it is the only one: several
    shaded columns under labels are a timeline (``Q1 | Q2 | Q3``), not a status.
    """
    if Role.STATUS in roles:
        return roles
    empty: list[int] = []
    unnamed: list[int] = []
    for col, role in enumerate(roles):
        label = header[col].strip() if col < len(header) else ""
        if role is not Role.OTHER or not names_nothing(label) or not _shaded(rows, col):
            continue
        (unnamed if label else empty).append(col)
    chosen = empty[:1] or (unnamed if len(unnamed) == 1 else [])
    return tuple(Role.STATUS if k in chosen else r for k, r in enumerate(roles))


def _shaded(rows: Sequence[Sequence[RawCell]], col: int) -> bool:
    cells = [row[col] for row in rows if col < len(row) and row[col].text is not None]
    if not cells:
        return False
    filled = sum(1 for c in cells if c.fill)
    texted = sum(1 for c in cells if (c.text or "").strip())
    short = all(len((c.text or "").strip()) <= _MAX_STATUS_TEXT for c in cells)
    return bool(filled) and short and texted <= _MAX_TEXT_SHARE * len(cells)
