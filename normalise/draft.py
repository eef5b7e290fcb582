"""An action before its identity, timeframe, themes and leads are settled."""

from __future__ import annotations

from dataclasses import dataclass, field

from normalise.model import Repair


@dataclass(frozen=True, slots=True)
class Draft:
    """An action before its identity, timeframe, themes and leads are settled.

    ``support`` is a Support column's text (the lead cell's own helpers stay
    in ``lead``); ``lead_label`` the Lead column's header label.
    """

    impact: str
    priority: int | None
    action_id: str | None
    action: str
    themes: str
    lead: str
    timeframe: str
    status_texts: tuple[str, ...]
    fills: tuple[str, ...]
    location: str
    repairs: tuple[Repair, ...] = field(default=())
    support: str = ""
    lead_label: str = ""
