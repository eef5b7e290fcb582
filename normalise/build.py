"""The register from every document read: leads resolved across all, newest versions on top.

``normalise``'s package functions call these when first needed, so importing the
package (``workplans --help``) does not load the lead matcher and its libraries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from normalise.leads import LeadResolution
from normalise.leads.apply import lead_resolution, leads_sheet, resolve_register_leads
from normalise.model import Reading, Register, ReviewRecord, Workplan
from normalise.settings import Settings
from normalise.versions import merge_versions


def build_register(readings: Sequence[Reading], settings: Settings) -> Register:
    """The register from every document read: current actions, leads, History, sources.

    Leads are resolved across every version of every workplan, so a lead
    that changed between versions is compared under one canonical name; then
    each workplan's newest version takes over (``normalise.versions``).
    """
    workplans, resolution = resolve_register_leads(
        [r.workplan for r in readings if r.workplan is not None],
        settings.aliases,
        settings.directory,
    )
    resolved = iter(workplans)
    merged = merge_versions(
        [r if r.workplan is None else replace(r, workplan=next(resolved)) for r in readings]
    )
    actions = tuple(a for w in merged.workplans for a in w.actions)
    document_review = tuple(
        ReviewRecord(w.key, r.field, r.before, r.after, r.rule, r.confidence)
        for w in merged.workplans
        for r in w.review
    )
    return Register(
        actions=actions,
        sources=merged.sources,
        leads=tuple(leads_sheet(resolution, actions)),
        history=merged.history,
        document_review=document_review,
    )


def with_leads(workplans: Sequence[Workplan], settings: Settings) -> list[Workplan]:
    """Each workplan as read, its actions' leads made canonical across all of them."""
    return resolve_register_leads(workplans, settings.aliases, settings.directory)[0]


def resolve_leads_of(workplans: Sequence[Workplan], settings: Settings) -> LeadResolution:
    """The lead resolution across ``workplans``, for writing the lead directory."""
    return lead_resolution(workplans, settings.aliases, settings.directory)[0]
