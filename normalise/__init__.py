"""Normalise: parsed documents to the register's actions, leads and review trail.

``normalise_document`` handles one document; ``build_register`` puts every
document's actions together, resolves leads across all of them and lets the
newest version of each workplan take over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from normalise.document import DocumentSettings, normalise_document
from normalise.leads import LeadResolution
from normalise.leads.apply import lead_resolution, leads_sheet, resolve_register_leads
from normalise.model import Reading, Register, ReviewRecord, Workplan
from normalise.themes import ThemeConfig, load_themes
from normalise.versions import merge_versions

__all__ = [
    "Settings",
    "build_register",
    "load_settings",
    "normalise_document",
    "resolve_leads_of",
    "with_leads",
]


@dataclass(frozen=True, slots=True)
class Settings(DocumentSettings):
    """The user's settings for a run: themes, lead aliases, the lead directory."""

    aliases: dict[str, str] | None = None
    directory: dict[str, str] | None = None


def load_settings(
    *, themes: Path | None = None, aliases: Path | None = None, directory: Path | None = None
) -> Settings:
    """Read the settings files (each optional); a bad file raises ``ConfigError`` naming it."""
    from normalise.leads import load_aliases, read_directory

    config: ThemeConfig = load_themes(themes)
    return Settings(
        themes=config,
        aliases=load_aliases(aliases),
        directory=read_directory(directory) if directory is not None else None,
    )


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
