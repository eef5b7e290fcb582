"""The resolver's hand-offs: a ``LeadMention`` in, a ``LeadResolution`` out.

A ``LeadResolution`` maps each written form to its canonical lead, with the
``Match`` (rule and score) that renamed it and each lead's ``ResolvedLead`` details.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from normalise.leads.names import UNASSIGNED_LEAD, Kind
from normalise.leads.rules import area_scope
from normalise.leads.words import area_of, clean_name
from normalise.model import Repair


@dataclass(frozen=True, slots=True)
class LeadMention:
    """One name from one cell, with what the resolver needs to know about where it stood.

    ``text`` is one name as ``split_lead_cell`` gives it (``Mention.text``);
    ``owner_subgroup`` is the full name of the sub-group whose workplan it is in
    (``Effective Safeguarding and Support Sub-Group``), which ``Full Subgroup``
    means; ``owner_abbreviation`` defaults to its initials (``ESS``).
    """

    text: str
    organisation: str = ""
    workplan_key: str = ""
    owner_subgroup: str = ""
    is_support: bool = False
    as_written: str = ""
    organisation_shared: bool = False
    owner_abbreviation: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """How one written form came to its canonical lead: the rule and its 0-100 score.

    ``owner_subgroup`` is set for words that mean the owning sub-group, whose
    canonical lead depends on the workplan.
    """

    written: str
    canonical: str
    score: float
    rule: str
    owner_subgroup: str = ""

    @property
    def confidence(self) -> float:
        """The score on the ``Review`` sheet's 0-1 scale."""
        return round(self.score / 100, 2)

    def as_repair(self, field: str = "Lead") -> Repair:
        """This match as a ``Repair`` of an action's ``field``."""
        rule = f"lead name matched: {self.rule}"
        return Repair(field, self.written, self.canonical, rule, self.confidence)


@dataclass(frozen=True, slots=True)
class ResolvedLead:
    """One canonical lead: a ``Leads`` sheet row before its counts."""

    name: str
    kind: Kind
    organisation: str
    written_as: tuple[str, ...]
    matches: tuple[Match, ...] = ()


@dataclass(frozen=True, slots=True)
class LeadResolution:
    """Every written form's canonical lead, and each canonical lead's details.

    ``canonical`` and ``matches_by_form`` are keyed by ``(owner, written)``:
    ``owner`` is the owning sub-group for words that mean it (``Full Subgroup``) and
    ``""`` otherwise. A form kept as written has no match.
    """

    canonical: Mapping[tuple[str, str], str]
    leads: Mapping[str, ResolvedLead]
    matches_by_form: Mapping[tuple[str, str], Match]

    @property
    def matches(self) -> tuple[Match, ...]:
        """Every renaming, for the ``Review`` sheet."""
        return tuple(self.matches_by_form.values())

    def canonical_for(self, text: str, *, owner_subgroup: str = "", workplan_key: str = "") -> str:
        """The canonical lead of ``text`` written in a workplan of ``owner_subgroup``.

        Raises ``KeyError`` for a form the resolver never saw.
        """
        name = clean_name(text)
        for owner in _scopes(owner_subgroup, workplan_key):
            if (owner, name) in self.canonical:
                return self.canonical[(owner, name)]
        if not name or name == UNASSIGNED_LEAD:
            return UNASSIGNED_LEAD
        raise KeyError(f"lead {text!r} was not among the mentions resolved")

    def match_for(
        self, text: str, *, owner_subgroup: str = "", workplan_key: str = ""
    ) -> Match | None:
        """The match that renamed ``text``, or None when it was kept as written."""
        name = clean_name(text)
        for owner in _scopes(owner_subgroup, workplan_key):
            found = self.matches_by_form.get((owner, name))
            if found is not None:
                return found
        return None


def _scopes(owner_subgroup: str, workplan_key: str) -> tuple[str, ...]:
    """Where a form's answer may be kept, narrowest first: the owner, the plan's place
    (``rules.area_scope``), everywhere (``""``)."""
    area = area_scope(area_of(owner_subgroup))
    return (owner_subgroup, _owner_id(owner_subgroup, workplan_key), area, "")


def _owner_id(owner_subgroup: str, workplan_key: str) -> str:
    """Whose ``Full Subgroup`` a mention means: the named owner, else the workplan's key."""
    if owner_subgroup:
        return owner_subgroup
    return f"{workplan_key} sub-group" if workplan_key else ""
