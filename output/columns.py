"""The contract's sheets and columns (``../shared/REGISTER.md``), and how each row fills them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from normalise.model import Action, LeadRecord, Register, ReviewRecord, SourceRecord
from output import views

Value = str | int | float | date | datetime | None


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its exact contract name, how to read it from a record, its width cap."""

    name: str
    get: Callable[[Any], Value]
    max_width: int = 40
    wrap: bool = False


def _join(values: Sequence[str]) -> str:
    return "; ".join(values)


# Register ID and Action first (frozen on the left), then what an analyst scans
# for: Status, Due, who leads; the printed page shows the columns up to ``PRINTED``.
ACTIONS = (
    Column("Register ID", lambda a: a.register_id, 20),
    Column("Action", lambda a: a.action, 50, True),
    Column("Status", lambda a: a.status.value if a.status else None, 10),
    Column("Due", lambda a: a.timeframe.due, 12),
    Column("Lead", lambda a: _join(a.lead), 24, True),
    Column("Support", lambda a: _join(a.support), 20, True),
    Column("Timeframe (as written)", lambda a: a.timeframe.as_written, 22, True),
    Column("Timeframe type", lambda a: a.timeframe.type.value, 14),
    Column("Themes", lambda a: _join(a.themes), 30, True),
    Column("Workplan", lambda a: a.workplan, 48),
    Column("Period", lambda a: a.period, 9),
    Column("Priority", lambda a: a.priority, 9),
    Column("Impact", lambda a: a.impact, 50, True),
    Column("Action ID", lambda a: a.action_id, 10),
    Column("Lead (as written)", lambda a: a.lead_as_written, 28, True),
    Column("Source", lambda a: a.source, 24),
    Column("Location", lambda a: a.location, 18),
    Column("Review", lambda a: a.review_summary, 50, True),
)
# The columns kept frozen on the left of Actions, and those printed (A4 landscape).
FROZEN = 2
PRINTED = 6

# The analyst's own columns, right of the generated ones: the tool never fills
# them, and carries them (and any column added after them) over by Register ID.
ANALYST_STATUS = "Analyst status"
CHECKED_ON = "Checked on"
ANALYST = (ANALYST_STATUS, "Analyst note", "Checked by", CHECKED_ON)

LEADS = (
    Column("Lead", lambda r: r.lead, 34),
    Column("Kind", lambda r: r.kind, 14),
    Column("Organisation", lambda r: r.organisation, 20),
    Column("Written as", lambda r: _join(r.written_as), 60, True),
    Column("Actions", lambda r: r.actions, 9),
    Column("Workplans", lambda r: r.workplans, 10),
)

REVIEW = (
    Column("Register ID", lambda r: r.register_id, 26),
    Column("Field", lambda r: r.field, 16),
    Column("Before", lambda r: r.before, 50, True),
    Column("After", lambda r: r.after, 50, True),
    Column("Rule", lambda r: r.rule, 40, True),
    Column("Confidence", lambda r: r.confidence, 11),
)

SOURCES = (
    Column("File", lambda s: s.file, 30),
    Column("SHA-256", lambda s: s.sha256, 20),
    Column("Format", lambda s: s.format, 8),
    Column("Pages", lambda s: s.pages, 7),
    Column("Workplan", lambda s: s.workplan, 30, True),
    Column("Period", lambda s: s.period, 9),
    Column("Actions", lambda s: s.actions, 9),
    Column("Result", lambda s: s.result, 10),
    Column("Message", lambda s: s.message, 60, True),
    Column("Ingested at", lambda s: s.ingested_at, 18),
)

HISTORY = (
    Column("Register ID", lambda h: h.register_id, 26),
    Column("Field", lambda h: h.field, 16),
    Column("Old", lambda h: h.old, 40, True),
    Column("New", lambda h: h.new, 40, True),
    Column("Source", lambda h: h.source, 24),
    Column("Changed at", lambda h: h.changed_at, 18),
)


def _pick(*names: str) -> tuple[Column, ...]:
    by_name = {c.name: c for c in ACTIONS}
    return tuple(by_name[n] for n in names)


def _of_action(column: Column) -> Column:
    """``column`` of ``Actions`` read from a row that holds an action (``LeadAction``)."""

    def get(row: Any) -> Value:
        return column.get(row.action)

    return Column(column.name, get, column.max_width, column.wrap)


# The views of open actions; the writer adds the analyst's status and note.
VIEWS = ("Overdue", "Due soon", "By lead")
# Overdue, Due soon: the open actions' key columns.
VIEW = _pick("Register ID", "Action", "Status", "Due", "Lead", "Support", "Timeframe (as written)",
             "Workplan")  # fmt: skip

BY_LEAD = (
    Column("Lead", lambda r: r.lead, 34),
    Column("Role", lambda r: r.role, 8),
    *(_of_action(c) for c in _pick("Register ID", "Action", "Status", "Due", "Workplan")),
)

ACTION_LEADS = (
    Column("Register ID", lambda r: r.register_id, 20),
    Column("Lead", lambda r: r.lead, 34),
    Column("Kind", lambda r: r.kind, 14),
    Column("Role", lambda r: r.role, 8),
)

ACTION_THEMES = (
    Column("Register ID", lambda r: r.register_id, 20),
    Column("Theme", lambda r: r.theme, 44),
)

# An analyst's edit of a generated cell, kept beside the document's value.
CONFLICTS = (
    Column("Register ID", lambda c: c.register_id, 20),
    Column("Column", lambda c: c.column, 16),
    Column("Analyst value", lambda c: c.analyst, 40, True),
    Column("Document value", lambda c: c.document, 40, True),
    Column("Found on", lambda c: c.found_on, 12),
)


def sheets(register: Register, today: date) -> list[tuple[str, tuple[Column, ...], Sequence[Any]]]:
    """The workbook's generated sheets in order: name, columns, records.

    ``today`` is the run date the ``Overdue`` and ``Due soon`` views count from.
    """
    actions: Sequence[Action] = register.actions
    leads: Sequence[LeadRecord] = register.leads
    review: Sequence[ReviewRecord] = register.review
    sources: Sequence[SourceRecord] = register.sources
    return [
        ("Actions", ACTIONS, actions),
        ("Overdue", VIEW, views.overdue(register, today)),
        ("Due soon", VIEW, views.due_soon(register, today)),
        ("By lead", BY_LEAD, views.by_lead(register)),
        ("Action leads", ACTION_LEADS, views.action_leads(register)),
        ("Action themes", ACTION_THEMES, views.action_themes(register)),
        ("Leads", LEADS, leads),
        ("Review", REVIEW, review),
        ("Sources", SOURCES, sources),
        ("History", HISTORY, register.history),
    ]
