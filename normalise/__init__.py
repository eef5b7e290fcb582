"""Normalise: parsed documents to the register's actions, leads and review trail.

``normalise_document`` handles one document; ``build_register`` puts every
document's actions together, resolves leads across all of them and lets the
newest version of each workplan take over (``normalise.build``). Each function
imports what it needs when first called, so importing the package is cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from normalise.settings import DocumentSettings, Settings

if TYPE_CHECKING:
    from normalise.leads import LeadResolution
    from normalise.model import Reading, Register, Workplan
    from parsers.model import RawDocument

__all__ = [
    "DocumentSettings",
    "Settings",
    "build_register",
    "load_settings",
    "normalise_document",
    "resolve_leads_of",
    "with_leads",
]


def load_settings(
    *, themes: Path | None = None, aliases: Path | None = None, directory: Path | None = None
) -> Settings:
    """Read the settings files (each optional); a bad file raises ``ConfigError`` naming it."""
    from normalise.leads import load_aliases, read_directory
    from normalise.themes import load_themes

    return Settings(
        themes=load_themes(themes),
        aliases=load_aliases(aliases),
        directory=read_directory(directory) if directory is not None else None,
    )


def normalise_document(raw: RawDocument, settings: DocumentSettings) -> Workplan:
    """Turn a parsed document into its workplan's actions (``normalise.document``)."""
    from normalise.document import normalise_document as normalise

    return normalise(raw, settings)


def build_register(readings: Sequence[Reading], settings: Settings) -> Register:
    """The register from every document read (``normalise.build.build_register``)."""
    from normalise.build import build_register as build

    return build(readings, settings)


def with_leads(workplans: Sequence[Workplan], settings: Settings) -> list[Workplan]:
    """Each workplan as read, its actions' leads made canonical across all of them."""
    from normalise.build import with_leads as resolved

    return resolved(workplans, settings)


def resolve_leads_of(workplans: Sequence[Workplan], settings: Settings) -> LeadResolution:
    """The lead resolution across ``workplans``, for writing the lead directory."""
    from normalise.build import resolve_leads_of as resolution

    return resolution(workplans, settings)
