"""The user's settings a run normalises under: themes, lead aliases, the lead directory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from normalise.themes import ThemeConfig


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    """What normalising one document needs from the user's settings."""

    themes: ThemeConfig


@dataclass(frozen=True, slots=True)
class Settings(DocumentSettings):
    """The user's settings for a run: themes, lead aliases, the lead directory."""

    aliases: dict[str, str] | None = None
    directory: dict[str, str] | None = None
