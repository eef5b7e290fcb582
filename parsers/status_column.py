"""Tell an unlabelled status column from its data: narrow, empty text, coloured."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.model import RawCell, Role

# Most cells of a status column carry no text; allow a few ("G", "Amber").
_MAX_TEXT_SHARE = 0.2
_MAX_STATUS_TEXT = 12


def mark_status_column(
    roles: tuple[Role, ...], header: Sequence[str], rows: Sequence[Sequence[RawCell]]
) -> tuple[Role, ...]:
    """Give ``Role.STATUS`` to an unlabelled column whose cells are coloured, not written.

    A column already labelled (``RAG``, ``Status``) keeps its role.
    """
    if Role.STATUS in roles:
        return roles
    out = list(roles)
    for col, role in enumerate(roles):
        if role is not Role.OTHER or (col < len(header) and header[col].strip()):
            continue
        cells = [row[col] for row in rows if col < len(row) and row[col].text is not None]
        if not cells:
            continue
        filled = sum(1 for c in cells if c.fill)
        texted = sum(1 for c in cells if (c.text or "").strip())
        short = all(len((c.text or "").strip()) <= _MAX_STATUS_TEXT for c in cells)
        if filled and short and texted <= _MAX_TEXT_SHARE * len(cells):
            out[col] = Role.STATUS
            break
    return tuple(out)
