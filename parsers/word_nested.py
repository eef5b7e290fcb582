"""A table nested in a cell, rendered as lines of that cell's text.

The contract the normaliser splits sub-actions by: each nested row is one
line, ``• `` then the row's fields joined by `` — `` (space, em dash, space),
empty fields left out.

- When the nested table has its own workplan header (``Action | Lead | By
  when``), that row is not rendered and each row's fields are, in this order:
  the action (its id in front when there is an id column), the lead (with
  `` with support from `` and the support column's text when there is one),
  the timeframe. Other columns are left out.
- Without such a header, every row is rendered, its non-empty cells in
  column order; when the first column holds only item marks or codes
  (``a)``, ``(ii)``, ``1.``, ``2.3a``), each is put in front of the next cell
  with a space (``• a) Level 2 refresh — Jo — July 2024``), as an id column is.

Inside a field, text is on one line (its own lines joined by a space) and an
em dash between spaces becomes an en dash, so `` — `` only separates fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.header import find_header
from parsers.model import Role

# An item's mark or code alone in its cell: a) (ii) 1. 2.3a SV1
_MARK = re.compile(
    r"\(?(?:[a-z]|[ivx]{1,4})\)|(?:[a-z]{0,4}-?)?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?", re.I
)
BULLET = "• "
SEPARATOR = " — "


def nested_lines(
    rows: Sequence[Sequence[str | None]], col_spans: Sequence[Sequence[int]] | None = None
) -> list[str]:
    """The lines a nested table adds to its cell's text.

    >>> nested_lines([["Action", "Lead", "By when"], ["Design course", "Jo", "March 2025"],
    ...               ["Run it", "", "May 2025"]])
    ['• Design course — Jo — March 2025', '• Run it — May 2025']
    >>> nested_lines([["a", "b"], ["c", None]])
    ['• a — b', '• c']
    >>> nested_lines([["a)", "Refresh e-learning", "Jo", "July 2024"]])
    ['• a) Refresh e-learning — Jo — July 2024']
    """
    header = find_header(rows, look=1, col_spans=col_spans)
    firsts = [_flat(row[0]) for row in rows if row and row[0] and row[0].strip()]
    marked = bool(firsts) and all(_MARK.fullmatch(t) for t in firsts)
    lines = []
    for row in rows[header.rows if header else 0 :]:
        if header is None:
            fields = [_flat(t) for t in row]
            if marked and len(fields) > 1:
                fields[:2] = [" ".join(filter(None, fields[:2]))]
        else:
            by_role: dict[Role, str] = {}
            for text, role in zip(row, header.roles, strict=False):
                if role is not Role.OTHER and text and role not in by_role:
                    by_role[role] = _flat(text)
            lead = by_role.get(Role.LEAD, "")
            support = by_role.get(Role.SUPPORT, "")
            if support:
                lead = (
                    f"{lead} with support from {support}"
                    if lead
                    else f"with support from {support}"
                )
            action = " ".join(filter(None, (by_role.get(Role.ID), by_role.get(Role.ACTION))))
            fields = [action, lead, by_role.get(Role.TIMEFRAME, "")]
        shown = [f for f in fields if f]
        if shown:
            lines.append(BULLET + SEPARATOR.join(shown))
    return lines


def _flat(text: str | None) -> str:
    return " ".join((text or "").split()).replace(SEPARATOR, " – ")
