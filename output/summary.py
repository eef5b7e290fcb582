"""The ``Summary`` sheet: the questions analysts ask first, as small tables.

Pure functions of the register and a date; the writer lays them out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from normalise.model import Action, Register

STATUSES = ("Complete", "On track", "At risk", "Overdue")
UNASSIGNED = "Unassigned"
# "Due soon" looks this far ahead: one quarter, the rhythm of sub-group meetings.
DUE_SOON_DAYS = 90


@dataclass(frozen=True, slots=True)
class Block:
    """One summary table: a name (its Excel table name), a title, columns and rows."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]


def _open(action: Action) -> bool:
    """Still to do: not complete (a removed action is skipped before this)."""
    return action.status is None or action.status.value != "Complete"


def by_workplan(register: Register) -> Block:
    """Actions per workplan and status; actions a newer version dropped count as ``Removed``.

    ``Key`` is the workplan's short key (``PPYP 2023-24``), the chart's label.
    """
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    keys: dict[tuple[str, str], str] = {}
    for a in register.actions:
        column = "Removed" if a.removed else a.status.value if a.status else "No status"
        counts[(a.workplan, a.period)][column] += 1
        keys.setdefault((a.workplan, a.period), a.register_id.rsplit(" / ", 1)[0])
    columns = (*STATUSES, "No status", "Removed")
    rows: tuple[tuple[str | int, ...], ...] = tuple(
        (workplan, keys[(workplan, period)], period, *(c[s] for s in columns), sum(c.values()))
        for (workplan, period), c in sorted(counts.items())
    )
    return Block(
        "ByWorkplan",
        "Actions by workplan and status",
        ("Workplan", "Key", "Period", *columns, "Total"),
        rows,
    )


def due_by_lead(register: Register, today: date) -> Block:
    """Per lead: open actions past their due date, and due within the next 90 days."""
    soon = today + timedelta(days=DUE_SOON_DAYS)
    overdue: Counter[str] = Counter()
    due: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for a in register.actions:
        if a.removed:
            continue
        for lead in a.lead:
            total[lead] += 1
            when = a.timeframe.due
            if when is None or not _open(a):
                continue
            if when < today:
                overdue[lead] += 1
            elif when <= soon:
                due[lead] += 1
    rows = tuple(
        (lead, overdue[lead], due[lead], total[lead])
        for lead in sorted(total, key=lambda n: (-overdue[n], -due[n], n.casefold()))
        if overdue[lead] or due[lead]
    )
    return Block("DueByLead", f"Open actions overdue or due by {soon:%d %b %Y}, by lead",
                 ("Lead", "Past due date", f"Due in next {DUE_SOON_DAYS} days", "All actions"), rows)  # fmt: skip


def without_lead(register: Register) -> Block:
    """Actions that name no lead.

    The action text comes first: the Summary's blocks share columns, and the
    first is the one wide text column of each (workplan, lead, action); the
    Register ID names the workplan.
    """
    rows = tuple(
        (a.action or "(no action text)", a.register_id, a.source)
        for a in register.actions
        if not a.removed and (not a.lead or a.lead == (UNASSIGNED,))
    )
    return Block("NoLead", "Actions with no lead", ("Action", "Register ID", "Source"), rows)


def summary(register: Register, today: date) -> tuple[Block, ...]:
    """Every block of the Summary sheet, in order."""
    return (by_workplan(register), due_by_lead(register, today), without_lead(register))
