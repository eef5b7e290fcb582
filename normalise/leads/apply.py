"""Leads across every workplan: one canonical name per person, team and body.

Every action's lead cell is split into mentions, all mentions of all
documents are resolved together (``resolve_leads``), and each
action gets the canonical names; a renaming is recorded in its review trail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from normalise.leads.abbreviations import learn_abbreviations
from normalise.leads.bodies import SOURCE as BODIES_SOURCE
from normalise.leads.cells import LeadCell, split_lead_cell
from normalise.leads.initials import INITIALS_RULE
from normalise.leads.model import LeadResolution
from normalise.leads.resolve import canonical_leads, lead_records, mentions_from_cell, resolve_leads
from normalise.leads.rules import EXACT_SCORE
from normalise.model import Action, LeadRecord, Repair, Workplan


def lead_resolution(
    workplans: Sequence[Workplan],
    aliases: Mapping[str, str] | None,
    directory: Mapping[str, str] | None,
) -> tuple[LeadResolution, dict[tuple[int, int], LeadCell]]:
    """Resolve every lead mention of every workplan together.

    Returns the resolution and each action's split lead cell, keyed by
    (workplan index, action index): a Word file and its PDF share register ids.
    """
    cells = {
        (i, k): split_lead_cell(a.lead_read_as or a.lead_as_written)
        for i, w in enumerate(workplans)
        for k, a in enumerate(w.actions)
    }
    mentions = [
        mention
        for i, w in enumerate(workplans)
        for k, a in enumerate(w.actions)
        for mention in mentions_from_cell(
            cells[(i, k)],
            workplan_key=w.key,
            owner_subgroup=w.subgroup,
            owner_abbreviation=w.abbreviation,
        )
    ]
    texts = [
        t for w in workplans for a in w.actions for t in (a.lead_as_written, a.action, a.impact)
    ]
    resolution = resolve_leads(
        mentions, aliases=aliases, directory=directory, abbreviations=learn_abbreviations(texts)
    )
    return resolution, cells


def resolve_register_leads(
    workplans: Sequence[Workplan],
    aliases: Mapping[str, str] | None,
    directory: Mapping[str, str] | None,
) -> tuple[list[Workplan], LeadResolution]:
    """Every workplan with canonical ``Lead``/``Support`` on its actions, and the resolution."""
    resolution, cells = lead_resolution(workplans, aliases, directory)
    resolved: list[Workplan] = []
    for i, w in enumerate(workplans):
        actions: list[Action] = []
        for k, a in enumerate(w.actions):
            cell = cells[(i, k)]
            lead, support = canonical_leads(
                resolution, cell, workplan_key=w.key, owner_subgroup=w.subgroup
            )
            notes: list[Repair] = list(cell.repairs)
            notes += [
                Repair("Lead", note, "", "note in the lead cell kept out of the names", 0.9)
                for note in cell.notes
            ]
            if cell.unassigned and a.lead_as_written.strip():
                notes.append(
                    Repair(
                        "Lead",
                        a.lead_as_written.strip(),
                        "Unassigned",
                        "no lead named in the cell",
                        0.9,
                    )
                )
            for m in (*cell.leads, *cell.support):
                match = resolution.match_for(m.text, owner_subgroup=w.subgroup, workplan_key=w.key)
                if match is not None and match.canonical != m.text:
                    notes.append(match.as_repair("Lead"))
            actions.append(replace(a, lead=lead, support=support, review=a.review + tuple(notes)))
        resolved.append(replace(w, actions=tuple(actions)))
    return resolved, resolution


def leads_sheet(resolution: LeadResolution, actions: Sequence[Action]) -> list[LeadRecord]:
    """The ``Leads`` sheet rows, counting the register's actions."""
    return lead_records(
        resolution, ((a.register_id.split(" / ")[0], a.lead + a.support) for a in actions)
    )


@dataclass(frozen=True, slots=True)
class Merge:
    """A written form joined to another lead's name, and where the join came from.

    ``source`` is ``document key`` (the document's own key to initials or an
    abbreviation it writes out), ``shipped list`` (``bodies.json``), ``fuzzy``
    (similar spelling) or ``rule`` (an exact rule: the alias table, the plan's own
    group, the lead directory).
    """

    written: str
    canonical: str
    score: float
    source: str
    rule: str


def _source(rule: str, score: float) -> str:
    """Where a join came from: the document's own key, the shipped list, a fuzzy
    match (any other join short of certain), or an exact rule."""
    if rule.startswith(INITIALS_RULE) or "abbreviation written out" in rule:
        return "document key"
    if rule.startswith(BODIES_SOURCE):
        return "shipped list"
    return "fuzzy" if score < EXACT_SCORE else "rule"


def _detail(rule: str) -> str:
    """The rule in words, without the source it names already (``shipped list of ...``)."""
    return rule.removeprefix(BODIES_SOURCE).lstrip(": ")


def merges_to_check(resolution: LeadResolution, workplans: Sequence[Workplan]) -> list[Merge]:
    """Every guess the leads rest on, least certain first: matches scored under 100,
    and every acronym or initials read as a longer name (a document's key to initials,
    an abbreviation a document writes out, the shipped list), certain or not."""
    out = [
        Merge(m.written, m.canonical, m.score, _source(m.rule, m.score), _detail(m.rule))
        for m in resolution.matches
        if _source(m.rule, m.score) != "rule"
    ]
    seen: set[tuple[str, str]] = set()
    for w in workplans:
        for a in w.actions:
            for r in a.review:
                pair = (r.before, r.after)
                if r.field == "Lead" and r.rule.startswith(INITIALS_RULE) and pair not in seen:
                    seen.add(pair)
                    rule = f"{r.rule.removeprefix(INITIALS_RULE).strip(' ()')} in {w.key}"
                    out.append(Merge(r.before, r.after, r.confidence * 100, "document key", rule))
    return sorted(out, key=lambda m: (m.score, m.written.casefold()))
