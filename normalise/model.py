"""The register's own records: actions, review records, leads and sources.

These are what ``normalise`` produces and ``output`` writes. Field names follow
the contract's columns (``../shared/REGISTER.md``) in snake case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class TimeframeType(StrEnum):
    """The contract's ``Timeframe type`` values."""

    DATE = "Date"
    RECURRING = "Recurring"
    ONGOING = "Ongoing"
    AD_HOC = "Ad hoc"
    TO_BE_AGREED = "To be agreed"
    # "Not given", not "None": pandas reads the word None as a missing value.
    NONE = "Not given"

    @classmethod
    def _missing_(cls, value: object) -> TimeframeType | None:
        """The value before it was renamed (``"None"``), as state files written then hold it."""
        return cls.NONE if value == "None" else None


class Status(StrEnum):
    """The contract's ``Status`` values; a row without one has ``None``."""

    COMPLETE = "Complete"
    ON_TRACK = "On track"
    AT_RISK = "At risk"
    OVERDUE = "Overdue"


@dataclass(frozen=True, slots=True)
class Repair:
    """One change a rule made to a value, before it is tied to a register row.

    ``confidence`` is how sure the rule is that the change is right (0 to 1).
    """

    field: str
    before: str
    after: str
    rule: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Timeframe:
    """A typed timeframe. ``due`` is the last day of the named period, if any."""

    as_written: str
    type: TimeframeType
    due: date | None = None


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """A row of the ``Review`` sheet: one repair or guess on one register row."""

    register_id: str
    field: str
    before: str
    after: str
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Action:
    """A row of the ``Actions`` sheet.

    ``removed`` marks an action a newer version of its workplan no longer
    has: it stays in the register, flagged in its review trail.
    ``lead_read_as`` is the lead cell as the lead splitter reads it when that
    differs from ``lead_as_written``: its column's label dropped, a Support
    column's names after ``supported by``; empty otherwise.
    """

    register_id: str
    workplan: str
    period: str
    priority: int | None
    impact: str
    action_id: str
    action: str
    themes: tuple[str, ...]
    lead: tuple[str, ...]
    support: tuple[str, ...]
    lead_as_written: str
    timeframe: Timeframe
    status: Status | None
    source: str
    location: str
    review: tuple[Repair, ...] = ()
    removed: bool = False
    lead_read_as: str = ""

    @property
    def review_summary(self) -> str:
        """The ``Review`` cell: each repair in words, ``; `` separated."""
        return "; ".join(dict.fromkeys(r.rule for r in self.review))


@dataclass(frozen=True, slots=True)
class LeadRecord:
    """A row of the ``Leads`` sheet."""

    lead: str
    kind: str
    organisation: str
    written_as: tuple[str, ...]
    actions: int
    workplans: int


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A row of the ``Sources`` sheet: one document seen by a run.

    ``modified`` is when the document says it was saved, ``file_modified``
    the file's own time (both UTC): they order versions of a workplan.
    """

    file: str
    sha256: str
    format: str
    pages: int | None
    workplan: str
    period: str
    actions: int
    result: str
    message: str
    ingested_at: datetime
    path: str = ""
    modified: datetime | None = None
    file_modified: datetime | None = None

    @property
    def version_key(self) -> tuple[datetime, datetime, bool, str]:
        """How versions of one workplan are ordered, oldest first.

        The date the document gives for its last save, else the file's
        modified time; then the file's time; on a tie a Word file counts as
        newer than a PDF (it is the source the PDF is exported from, and
        richer); then the name, so the order never depends on the inbox.
        """
        file_time = self.file_modified or self.ingested_at
        return (self.modified or file_time, file_time, self.format == "docx", self.file)


@dataclass(frozen=True, slots=True)
class Workplan:
    """One document's normalised content: its identity and its actions."""

    title: str
    period: str
    key: str
    actions: tuple[Action, ...]
    notes: tuple[str, ...] = ()
    subgroup: str = ""
    abbreviation: str = ""
    review: tuple[Repair, ...] = ()


@dataclass(frozen=True, slots=True)
class Reading:
    """One document as a run has it: its record and, unless it failed, its workplan."""

    source: SourceRecord
    workplan: Workplan | None = None


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """A row of the ``History`` sheet: one field of one action changed between versions."""

    register_id: str
    field: str
    old: str
    new: str
    source: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class Register:
    """Everything the workbook shows, as the writer receives it.

    ``document_review`` holds repairs that belong to a whole workplan (its
    title), keyed by the workplan key in place of a register id.
    """

    actions: tuple[Action, ...]
    sources: tuple[SourceRecord, ...]
    leads: tuple[LeadRecord, ...] = ()
    history: tuple[HistoryRecord, ...] = ()
    document_review: tuple[ReviewRecord, ...] = ()

    @property
    def review(self) -> tuple[ReviewRecord, ...]:
        """Every repair of every workplan and action, as ``Review`` sheet rows."""
        return self.document_review + tuple(
            ReviewRecord(a.register_id, r.field, r.before, r.after, r.rule, r.confidence)
            for a in self.actions
            for r in a.review
        )
