"""Sheets for pivots and views: actions by lead and theme, and the open actions analysts chase.

Pure functions of the register and the run date; the writer lays them out.
``Action leads`` and ``Action themes`` have one row per action and lead (or
theme), every action of ``Actions`` included, so a PivotTable by lead or theme
counts what the register holds. ``Overdue``, ``Due soon`` and ``By lead`` list
open actions only: not ``Complete`` and not removed by a newer version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from normalise.model import Action, Register, Status
from output.summary import DUE_SOON_DAYS, UNASSIGNED

LEAD = "Lead"
SUPPORT = "Support"


@dataclass(frozen=True, slots=True)
class ActionLead:
    """A row of ``Action leads``: one lead (or supporter) of one action."""

    register_id: str
    lead: str
    kind: str
    role: str


@dataclass(frozen=True, slots=True)
class ActionTheme:
    """A row of ``Action themes``: one cross-cutting theme of one action."""

    register_id: str
    theme: str


@dataclass(frozen=True, slots=True)
class LeadAction:
    """A row of ``By lead``: one open action of one lead, with the lead's role in it."""

    lead: str
    role: str
    action: Action


def is_open(action: Action) -> bool:
    """Still to do: not ``Complete`` and not dropped by a newer version of its workplan."""
    return not action.removed and action.status is not Status.COMPLETE


def action_leads(register: Register) -> tuple[ActionLead, ...]:
    """One row per action and lead, then per action and supporter.

    An action that names no lead has one row, ``Unassigned``, so it is counted
    too. ``Kind`` is the lead's kind from the ``Leads`` sheet.
    """
    kinds = {r.lead: r.kind for r in register.leads}
    rows: list[ActionLead] = []
    for a in register.actions:
        for lead in a.lead or (UNASSIGNED,):
            rows.append(ActionLead(a.register_id, lead, kinds.get(lead, UNASSIGNED), LEAD))
        for name in a.support:
            rows.append(ActionLead(a.register_id, name, kinds.get(name, ""), SUPPORT))
    return tuple(rows)


def action_themes(register: Register) -> tuple[ActionTheme, ...]:
    """One row per action and theme; an action with no theme has no row."""
    return tuple(ActionTheme(a.register_id, t) for a in register.actions for t in a.themes)


def _by_due(actions: Sequence[Action]) -> tuple[Action, ...]:
    """Soonest (longest overdue) first; an action with no due date last."""
    return tuple(
        sorted(actions, key=lambda a: (a.timeframe.due or date.max, a.register_id.casefold()))
    )


def overdue(register: Register, today: date) -> tuple[Action, ...]:
    """Open actions due before ``today``, or shaded ``Overdue`` by their document."""
    return _by_due(
        [
            a
            for a in register.actions
            if is_open(a)
            and (
                (a.timeframe.due is not None and a.timeframe.due < today)
                or a.status is Status.OVERDUE
            )
        ]
    )


def due_soon(register: Register, today: date) -> tuple[Action, ...]:
    """Open actions due from ``today`` to ``DUE_SOON_DAYS`` days after it."""
    until = today + timedelta(days=DUE_SOON_DAYS)
    return _by_due(
        [
            a
            for a in register.actions
            if is_open(a) and a.timeframe.due is not None and today <= a.timeframe.due <= until
        ]
    )


def by_lead(register: Register) -> tuple[LeadAction, ...]:
    """Each lead's open actions (as lead, then as support), by lead then due date."""
    rows = [
        LeadAction(name, role, a)
        for a in register.actions
        if is_open(a)
        for role, names in ((LEAD, a.lead or (UNASSIGNED,)), (SUPPORT, a.support))
        for name in names
    ]
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                r.lead.casefold(),
                r.role != LEAD,
                r.action.timeframe.due or date.max,
                r.action.register_id.casefold(),
            ),
        )
    )
