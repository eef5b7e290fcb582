"""The contract's sheets and columns (``../shared/REGISTER.md``), and how each row fills them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from normalise.model import Action, LeadRecord, Register, ReviewRecord, SourceRecord

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


ACTIONS = (
    Column("Register ID", lambda a: a.register_id, 26),
    Column("Workplan", lambda a: a.workplan, 48),
    Column("Period", lambda a: a.period, 9),
    Column("Priority", lambda a: a.priority, 9),
    Column("Impact", lambda a: a.impact, 50, True),
    Column("Action ID", lambda a: a.action_id, 10),
    Column("Action", lambda a: a.action, 60, True),
    Column("Themes", lambda a: _join(a.themes), 30, True),
    Column("Lead", lambda a: _join(a.lead), 28, True),
    Column("Support", lambda a: _join(a.support), 24, True),
    Column("Lead (as written)", lambda a: a.lead_as_written, 28, True),
    Column("Timeframe (as written)", lambda a: a.timeframe.as_written, 22, True),
    Column("Timeframe type", lambda a: a.timeframe.type.value, 14),
    Column("Due", lambda a: a.timeframe.due, 12),
    Column("Status", lambda a: a.status.value if a.status else None, 10),
    Column("Source", lambda a: a.source, 24),
    Column("Location", lambda a: a.location, 18),
    Column("Review", lambda a: a.review_summary, 50, True),
)

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


def sheets(register: Register) -> list[tuple[str, tuple[Column, ...], Sequence[Any]]]:
    """The workbook's sheets in order: name, columns, records."""
    actions: Sequence[Action] = register.actions
    leads: Sequence[LeadRecord] = register.leads
    review: Sequence[ReviewRecord] = register.review
    sources: Sequence[SourceRecord] = register.sources
    return [
        ("Actions", ACTIONS, actions),
        ("Leads", LEADS, leads),
        ("Review", REVIEW, review),
        ("Sources", SOURCES, sources),
        ("History", HISTORY, register.history),
    ]
