"""A plan written as paragraphs, with no table of actions.

Some plans write each action as a numbered paragraph that ends with its lead
and date in brackets, under a heading per priority::

    1. Best start in life
    1.1 Open two further Family Hubs (Lead: Head of Early Help; by September 2025)

Read when a document has no workplan table: a paragraph is an action when it
opens with an action id and ends in a bracket whose first part is labelled as
the lead (``Lead:``, ``Owner:``, ``Responsible:``); the bracket's other parts
are the timeframe (a leading ``by`` is the label's word, not the date's). A
short numbered line before actions is their priority's heading. A status is
taken from a table of the document's that lists the action ids with a shading
or a word beside each (a RAG summary). At least two such paragraphs make a
plan. The result is a ``Grid`` like any table's, so the rest of the pipeline
reads it the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.model import Grid, GridCell, Role
from parsers.vocabulary import ACTION_ID, PRIORITY_START

HEADER = ("Ref", "Action", "Lead", "Timeframe", "RAG")
ROLES = (Role.ID, Role.ACTION, Role.LEAD, Role.TIMEFRAME, Role.STATUS)

_LEAD_LABEL = re.compile(r"\A\s*(?:lead|leads|owner|owners|responsible|who)\s*:\s*", re.I)
_BY = re.compile(r"\A\s*by\s+(?=\S)", re.I)
# A heading names a priority in a few words: "1. Best start in life", "Priority 2: Safety".
_MAX_HEADING_WORDS = 12
_MIN_ACTIONS = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the document's text, with the page it starts on (0 for Word)."""

    text: str
    page: int = 0


def _tail_bracket(text: str) -> tuple[str, str] | None:
    """``text`` split before the balanced bracket it ends with: (before, inside)."""
    stripped = text.rstrip(" .;")
    if not stripped.endswith(")"):
        return None
    depth = 0
    for k in range(len(stripped) - 1, -1, -1):
        if stripped[k] == ")":
            depth += 1
        elif stripped[k] == "(":
            depth -= 1
            if depth == 0:
                return stripped[:k].rstrip(), stripped[k + 1 : -1]
    return None


def _parts(inside: str) -> list[str]:
    """The bracket's parts, split at ``;`` outside any inner bracket."""
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(inside):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth == 0:
            parts.append(inside[start:k])
            start = k + 1
    parts.append(inside[start:])
    return [" ".join(p.split()) for p in parts if p.strip()]


def action_of(text: str) -> tuple[str, str, str, str] | None:
    """(id, action, lead, timeframe) of an action paragraph, else ``None``.

    >>> action_of("1.2 Open two Family Hubs (Lead: Head of Early Help (ICB); by May 2025)")
    ('1.2', 'Open two Family Hubs', 'Head of Early Help (ICB)', 'May 2025')
    >>> action_of("1.2 Open two Family Hubs (in Eastgate)") is None
    True
    """
    head = ACTION_ID.match(text)
    split = _tail_bracket(text)
    if head is None or split is None:
        return None
    before, inside = split
    parts = _parts(inside)
    if not parts or not _LEAD_LABEL.match(parts[0]):
        return None
    lead = _LEAD_LABEL.sub("", parts[0], count=1)
    when = "; ".join(_BY.sub("", p, count=1) for p in parts[1:])
    action_id = text[: head.end()].strip(" .:)-–")
    return action_id, " ".join(before[head.end() :].split()), lead, when


def _is_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and PRIORITY_START.match(text) is not None
        and ACTION_ID.match(text) is None
        and not text.rstrip().endswith((".", ";", ":"))
    )


def paragraphs_of_lines(lines: Sequence[Paragraph]) -> list[Paragraph]:
    """Printed lines (a PDF's) as paragraphs: a line opening with an action id or a
    heading starts one; any other line carries on the paragraph above it while that
    one is an action still waiting for the bracket it ends with."""
    out: list[Paragraph] = []
    for line in lines:
        text = line.text.strip()
        open_action = (
            bool(out)
            and ACTION_ID.match(out[-1].text) is not None
            and action_of(out[-1].text) is None
        )
        starts = ACTION_ID.match(text) is not None or _is_heading(text)
        if open_action and not starts:
            joined = f"{out[-1].text}{'' if out[-1].text.endswith('-') else ' '}{text}"
            out[-1] = Paragraph(joined, out[-1].page)
        else:
            out.append(Paragraph(text, line.page))
    return out


def _statuses(tables: Sequence[Sequence[Sequence[GridCell]]]) -> dict[str, GridCell]:
    """Each action id a side table lists, with the cell beside it (its shading or word)."""
    found: dict[str, GridCell] = {}
    for table in tables:
        for row in table:
            cells = [c for c in row if c.text is not None]
            if len(cells) < 2 or cells[0].text is None:
                continue
            head = ACTION_ID.match(cells[0].text)
            if head is not None and not cells[0].text[head.end() :].strip():
                found.setdefault(cells[0].text.strip(" .:"), cells[-1])
    return found


def paragraph_grid(
    paragraphs: Sequence[Paragraph], tables: Sequence[Sequence[Sequence[GridCell]]] = ()
) -> Grid | None:
    """The plan its paragraphs write, as a ``Grid``; ``None`` when fewer than two
    paragraphs read as actions."""
    rows: list[list[GridCell]] = []
    headings: list[tuple[int, str]] = []
    statuses = _statuses(tables)
    pages: set[int] = set()
    for paragraph in paragraphs:
        found = action_of(paragraph.text)
        where = {paragraph.page} if paragraph.page else set()
        if found is None:
            if _is_heading(paragraph.text):
                headings.append((len(rows), " ".join(paragraph.text.split())))
            continue
        action_id, action, lead, when = found
        status = statuses.get(action_id)
        cells = [
            GridCell(action_id, None, where),
            GridCell(action, None, where),
            GridCell(lead, None, where),
            GridCell(when, None, where),
            GridCell(status.text if status else "", status.fill if status else None, where),
        ]
        rows.append(cells)
        pages |= where
    if len(rows) < _MIN_ACTIONS:
        return None
    # a heading after the last action is no priority of it (the RAG summary's own)
    headings = [(at, text) for at, text in headings if at < len(rows)]
    return Grid(HEADER, ROLES, (), rows=rows, pages=pages, method="paragraphs", headings=headings)
