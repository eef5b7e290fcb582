"""Normalise: parsed documents to the register's actions, leads and review trail.

``normalise_document`` handles one document; ``build_register`` puts every
document's actions together and resolves leads across all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from normalise.document import DocumentSettings, normalise_document
from normalise.leads import LeadResolution
from normalise.model import Register, ReviewRecord, SourceRecord, Workplan
from normalise.register import lead_resolution, resolve_register_leads
from normalise.themes import ThemeConfig, load_themes

__all__ = ["Settings", "build_register", "load_settings", "normalise_document", "resolve_leads_of"]


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


def build_register(
    workplans: Sequence[Workplan], sources: Sequence[SourceRecord], settings: Settings
) -> Register:
    """All workplans' actions with canonical leads, the Leads sheet, and the sources."""
    actions, leads = resolve_register_leads(workplans, settings.aliases, settings.directory)
    document_review = tuple(
        ReviewRecord(w.key, r.field, r.before, r.after, r.rule, r.confidence)
        for w in workplans
        for r in w.review
    )
    return Register(
        actions=tuple(actions),
        sources=tuple(sources),
        leads=tuple(leads),
        document_review=document_review,
    )


def resolve_leads_of(workplans: Sequence[Workplan], settings: Settings) -> LeadResolution:
    """The lead resolution across ``workplans``, for writing the lead directory."""
    return lead_resolution(workplans, settings.aliases, settings.directory)[0]
