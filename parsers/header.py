"""Recognise a workplan table's header rows by what their cells mean.

Shared by every parser. Each label is read by ``parsers.header_words`` (the
phrase appearing first wins). A header takes one to three rows: a label
written over two rows (``Lead`` above ``(name / agency)``) is joined per
column, and a group label merged over sub-columns (``Timescale`` over
``Start | End``) gives its role to one sub-column: for a timeframe the end
(``End``, ``To``, ``Due``...) else the last, for any other role the first
sub-column that names nothing itself; the others are ``Role.OTHER``. A
timeframe group's start and end columns are kept in ``Header.spans``, as are
a ``Start date`` column and an ``End date`` column side by side.
A group is found from the merge, not from its words: the parser passes each
cell's ``col_span`` when it knows it (Word); without it a ``None`` to the
right of a label in the first header row is taken as covered by that label.
A title row merged across above the header (``Priority 3: ...``) is looked
past; its text is kept in ``Header.titles`` for the reader to make a heading
of. Of two columns naming a lead, the one whose label's head word names a
person (``Lead officer``) is the lead over one naming a body (``Accountable
body``, ``Lead organisation``: ``header_words.lead_rank``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parsers.header_words import label_role, lead_rank, names_nothing, names_role, role_of
from parsers.model import Role

__all__ = [
    "Header",
    "find_header",
    "header_roles",
    "is_repeated_header",
    "label_role",
    "names_nothing",
    "role_of",
]

# A header needs an action column and one other workplan column; a table with
# only "Action" in it (a glossary, a minutes template) is not a workplan.
_REQUIRED = Role.ACTION
_SUPPORTING = frozenset({Role.IMPACT, Role.LEAD, Role.TIMEFRAME})
# Real plans use one header row, two for a label and its gloss or a group over
# sub-columns, three for a group over a group. More is a table of something else.
_MAX_HEADER_ROWS = 3
# The sub-column of a timeframe group that holds the due date.
_START = re.compile(r"\b(?:start\w*|from|begin\w*|commenc\w*)\b", re.I)
_END = re.compile(r"\b(?:end|to|finish(?:ed)?|complet\w*|due|by|until|deadline|target)\b", re.I)


def header_roles(cells: Sequence[str | None]) -> tuple[Role, ...] | None:
    """Roles of a candidate header row, or ``None`` when it is not a workplan header.

    Empty header cells get ``Role.OTHER`` here; the caller decides from the data
    whether an unlabelled column is a status or id column.
    """
    roles = tuple(role_of(c) if c else Role.OTHER for c in cells)
    return _checked(roles, [c or "" for c in cells])


def _checked(roles: tuple[Role, ...], labels: Sequence[str]) -> tuple[Role, ...] | None:
    if _REQUIRED not in roles or not _SUPPORTING & set(roles):
        return None
    return _dedupe(_one_lead(roles, labels))


def _one_lead(roles: tuple[Role, ...], labels: Sequence[str]) -> tuple[Role, ...]:
    """Of several columns naming a lead, the one naming a person (``Lead officer``
    over ``Accountable body``; the first on a tie) stays the lead; each other
    becomes the support when its label names support too and none does yet,
    else ``OTHER``.

    >>> _one_lead((Role.LEAD, Role.LEAD), ["Accountable body", "Lead officer"])
    (<Role.OTHER: 'other'>, <Role.LEAD: 'lead'>)
    """
    leads = [k for k, role in enumerate(roles) if role is Role.LEAD]
    if len(leads) < 2:
        return roles
    named = [labels[k] if k < len(labels) else "" for k in range(len(roles))]
    chosen = max(leads, key=lambda k: (lead_rank(named[k]), -k))
    out = list(roles)
    for k in leads:
        if k == chosen:
            continue
        support = names_role(named[k], Role.SUPPORT) and Role.SUPPORT not in out
        out[k] = Role.SUPPORT if support else Role.OTHER
    return tuple(out)


def _dedupe(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    """Keep the first column of each role; a second one becomes ``OTHER``."""
    seen: set[Role] = set()
    out = []
    for role in roles:
        if role in seen and role is not Role.OTHER:
            out.append(Role.OTHER)
        else:
            seen.add(role)
            out.append(role)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Header:
    """A recognised header: how many rows it takes (from the table's first row),
    each column's role and its label (the header rows' texts joined per column)."""

    rows: int
    roles: tuple[Role, ...]
    labels: tuple[str, ...]
    # (start column, end column) of a timeframe group over Start | End
    spans: tuple[tuple[int, int], ...] = ()
    # (column, span) of a label merged across columns with no sub-labels under
    # it: the body may split it (an id and the action under one "Action")
    wide: tuple[tuple[int, int], ...] = ()
    # texts of the title rows above the header in the same table (one text
    # merged across: ``Priority 3: ...``): headings for the rows below
    titles: tuple[str, ...] = ()


def find_header(
    rows: Sequence[Sequence[str | None]],
    *,
    look: int = 3,
    col_spans: Sequence[Sequence[int]] | None = None,
) -> Header | None:
    """Find the header within the first ``look`` rows.

    ``rows`` are cell texts, ``None`` where a merge covers the position.
    ``col_spans`` (optional, same shape) gives each cell's column span, so a
    group label is told from a label merged down; without it, see the module.

    >>> find_header([["Impact", "Action", "Lead"], ["x", "1.1 y", "z"]]).roles
    (<Role.IMPACT: 'impact'>, <Role.ACTION: 'action'>, <Role.LEAD: 'lead'>)
    >>> h = find_header([["Action", "Lead", "Timescale", None], [None, None, "Start", "End"]])
    >>> h.rows, h.roles[2:], h.labels[2:]
    (2, (<Role.OTHER: 'other'>, <Role.TIMEFRAME: 'timeframe'>), ('Timescale Start', 'Timescale End'))

    A title row merged across the table above the header (``Priority 3: ...``)
    is looked past, and its text kept in ``Header.titles``:

    >>> h = find_header([["Priority 3: Voice", None, None], ["Ref", "Action", "Lead"]])
    >>> h.rows, h.titles
    (2, ('Priority 3: Voice',))
    """
    grid = _Grid(rows[: look + _MAX_HEADER_ROWS], col_spans)
    for start in range(min(look, len(rows))):
        if grid.is_band(start):
            continue
        end = start + 1
        while end < min(start + _MAX_HEADER_ROWS, len(grid.rows)) and grid.sub_labels(start, end):
            end += 1
        header = _read(grid, start, end)
        if header is None:
            continue
        if end == start + 1 and end < len(grid.rows) and _second_header_row(grid, end, header):
            header = _read(grid, start, end + 1) or header
        titles = tuple(grid.band_text(r) for r in range(start))
        return replace(header, titles=tuple(t for t in titles if t))
    return None


class _Grid:
    """Header candidate rows with, for each position, the column of the cell
    covering it horizontally (itself for a cell) or -1 (covered from above)."""

    def __init__(
        self, rows: Sequence[Sequence[str | None]], col_spans: Sequence[Sequence[int]] | None
    ) -> None:
        self.rows = [list(r) for r in rows]
        self.width = max((len(r) for r in self.rows), default=0)
        self.known = col_spans is not None
        self.owner: list[list[int]] = []
        for r, row in enumerate(self.rows):
            owner = [-1] * len(row)
            for c, text in enumerate(row):
                if text is not None:
                    owner[c] = c
                    if col_spans is not None and r < len(col_spans) and c < len(col_spans[r]):
                        for k in range(c + 1, min(c + col_spans[r][c], len(row))):
                            owner[k] = c
                elif col_spans is None and c > 0 and owner[c - 1] >= 0 and self._across(r, c):
                    owner[c] = owner[c - 1]
            self.owner.append(owner)

    def _across(self, r: int, c: int) -> bool:
        """Without spans: is a ``None`` right of a cell covered from the left?
        Yes in the first row; below, unless the position above holds a label
        (a label merged down is the usual Word header)."""
        if r == 0:
            return True
        above = self.rows[r - 1]
        if c >= len(above):
            return True
        if above[c] is None:
            return self.owner[r - 1][c] >= 0
        label = above[c]
        return label is not None and not label.strip()

    def text(self, r: int, c: int) -> str:
        row = self.rows[r]
        return " ".join((row[c] or "").split()) if c < len(row) else ""

    def starts(self, r: int, c: int) -> bool:
        """A cell (not a covered position) starts at ``(r, c)``."""
        return c < len(self.owner[r]) and self.owner[r][c] == c

    def span(self, r: int, c: int) -> int:
        return sum(1 for o in self.owner[r] if o == c)

    def band_text(self, r: int) -> str:
        """The text of a band row (``is_band``), else ``""``."""
        if not self.is_band(r):
            return ""
        return next((t for c in range(len(self.rows[r])) if (t := self.text(r, c))), "")

    def is_band(self, r: int) -> bool:
        """One text alone across the row (a title or ``Priority 2: ...``), not labels."""
        row = self.rows[r]
        texts = [c for c in range(len(row)) if self.text(r, c)]
        if len(texts) != 1 or any(t is not None for c, t in enumerate(row) if c != texts[0]):
            return False
        if self.known:
            return self.span(r, texts[0]) >= max(2, self.width - 1)
        return texts[0] == next(c for c, t in enumerate(row) if t is not None)

    def groups(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Cells of rows ``start..end-1`` spanning several columns: ``(row, col, span)``."""
        out = []
        for r in range(start, end):
            for c in range(len(self.rows[r])):
                span = self.span(r, c)
                if span > 1 and self.text(r, c) and span < self.width:
                    out.append((r, c, span))
        return out

    def sub_labels(self, start: int, r: int) -> bool:
        """Row ``r`` labels the sub-columns of a group in the header rows above it:
        short labels, all of them under a group, at least two under one group."""
        if r >= len(self.rows) or self.is_band(r) or not _label_like(self.rows[r]):
            return False
        groups = self.groups(start, r)
        under = [sum(1 for k in range(c, c + span) if self.text(r, k)) for _, c, span in groups]
        inside = {k for _, c, span in groups for k in range(c, c + span)}
        labelled = {k for k in range(len(self.rows[r])) if self.text(r, k)}
        return bool(under) and max(under) >= 2 and labelled <= inside


def _label_like(cells: Sequence[str | None]) -> bool:
    texts = [" ".join((c or "").split()) for c in cells]
    if not any(texts):
        return False
    return all(
        len(t.split()) <= _MAX_LABEL_WORDS and not _ID_START.match(t + " ") and not t.endswith(".")
        for t in texts
        if t
    )


def _read(grid: _Grid, start: int, end: int) -> Header | None:
    """Labels and roles of header rows ``start..end-1``, or ``None`` if not a workplan header."""
    width = max(len(grid.rows[r]) for r in range(start, end))
    merged = grid.groups(start, end)
    groups = [
        (r, c, span)
        for r, c, span in merged
        if any(grid.text(k, j) for k in range(r + 1, end) for j in range(c, c + span))
    ]
    wide = tuple(sorted((c, span) for r, c, span in merged if (r, c, span) not in groups))
    covering = {(r, j) for r, c, span in groups for j in range(c, c + span)}
    labels = []
    for col in range(width):
        parts = []
        for r in range(start, end):
            owner = grid.owner[r][col] if col < len(grid.rows[r]) else -1
            if owner == col or (owner >= 0 and (r, col) in covering):
                parts.append(grid.text(r, owner))
        labels.append(" ".join(p for p in parts if p))
    roles = [role_of(label) for label in labels]
    decided: dict[int, Role] = {}
    spans = []
    for r, c, span in sorted(groups, reverse=True):  # a group inside a group first
        cols = list(range(c, c + span))
        subs = {
            j: " ".join(
                t for k in range(r + 1, end) if grid.starts(k, j) and (t := grid.text(k, j))
            )
            for j in cols
        }
        own = {j: decided.get(j) or label_role(subs[j]) for j in cols}
        pair = _group_roles(roles, role_of(grid.text(r, c)), subs, own)
        if pair is not None:
            spans.append(pair)
        decided.update((j, roles[j]) for j in cols)
    checked = _checked(tuple(roles), labels)
    if checked is None:
        return None
    spans = [(a, b) for a, b in spans if checked[b] is Role.TIMEFRAME]
    if not spans and Role.TIMEFRAME in checked:
        # "Start date | End date" side by side, without a group over them
        end_col = checked.index(Role.TIMEFRAME)
        before = end_col - 1
        if (
            before >= 0
            and checked[before] is Role.OTHER
            and _START.search(labels[before])
            and _END.search(labels[end_col])
        ):
            spans.append((before, end_col))
    return Header(end, checked, tuple(labels), tuple(sorted(spans)), wide)


def _group_roles(
    roles: list[Role], group: Role, subs: dict[int, str], own: dict[int, Role | None]
) -> tuple[int, int] | None:
    """Give a group's role to one of its sub-columns; the others keep their own or ``OTHER``.

    ``subs`` are the sub-columns' own labels, ``own`` the role each names (``None``:
    nothing). For a timeframe group, returns ``(start, end)`` columns when it has a
    start sub-column. A timeframe group over periods alone (``Q1``..``Q4``) gives its
    role to none of them when a column outside it names the timeframe itself.
    """
    cols = sorted(subs)
    for c in cols:
        roles[c] = own[c] or Role.OTHER
    free = [c for c in cols if own[c] is None]
    if group is Role.OTHER or not (free or group in own.values()):
        return None
    if group is not Role.TIMEFRAME:
        if group not in own.values():
            roles[free[0]] = group
        return None
    named = [c for c in cols if own[c] is group]
    ends = [c for c in free if _END.search(subs[c])]
    if not (named or ends) and any(r is group for c, r in enumerate(roles) if c not in subs):
        # periods under a timeframe (``Timescale`` over ``Q1``..``Q4`` ticks) beside a
        # column that names the timeframe itself (``Target date``): that column is it
        return None
    target = (named or ends or free)[-1]
    roles[target] = group
    starts = [c for c in cols if c < target and _START.search(subs[c])]
    first = starts or ([cols[0]] if len(cols) == 2 and cols[0] < target else [])
    return (first[0], target) if first else None


# A second header row holds short labels: no action id, nothing under Action.
_MAX_LABEL_WORDS = 6
_ID_START = re.compile(r"\s*\d+(\.\d+)*\.?\s")


def _second_header_row(grid: _Grid, r: int, header: Header) -> bool:
    if grid.is_band(r) or not _label_like(grid.rows[r]):
        return False
    action = header.roles.index(Role.ACTION)
    text = grid.text(r, action) if action < len(grid.rows[r]) else ""
    return not text or role_of(text) is Role.ACTION


def is_repeated_header(cells: Sequence[str | None], header: Sequence[str]) -> bool:
    """True when a row repeats the table's header (as on each new page)."""
    texts = [" ".join((c or "").split()).lower() for c in cells]
    wanted = [" ".join(h.split()).lower() for h in header]
    labelled = [(t, w) for t, w in zip(texts, wanted, strict=False) if w]
    return bool(labelled) and all(t == w for t, w in labelled)
