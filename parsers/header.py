"""Recognise a workplan table's header row by what its cells mean.

Shared by every parser: a header cell's text is matched against the phrases
workplans use for each column, and the phrase that appears *first* in the
cell wins, so ``ACTION – WHAT DO WE NEED TO DO ... /TIMESCALE FOR DELIVERY?``
is an Action column even though it mentions a timescale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.model import Role

# Phrases per role, as regular expressions on lower-cased text. Each alternative
# is a wording seen in workplans; word boundaries keep "lead" out of "leadership".
_ROLE_PATTERNS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.IMPACT, re.compile(r"\bimpact\b|\boutcomes?\b|what will success look like|\bsuccess\b")),
    (
        Role.ACTION,
        re.compile(r"\bactions?\b|what (?:do )?we (?:will|need to) do|\bactivit(?:y|ies)\b"),
    ),
    (Role.THEMES, re.compile(r"cross[\s-]*cutting|\bthemes?\b")),
    (Role.LEAD, re.compile(r"\bleads?\b|responsib|\bowners?\b|\bwho\b|accountable")),
    (
        Role.TIMEFRAME,
        re.compile(r"time\s*frame|time\s*scale|by when|deadline|\bdue\b|target date|\bwhen\b"),
    ),
    (Role.STATUS, re.compile(r"\bstatus\b|\brag\b|\bprogress\b")),
)

# A header needs an action column and one other workplan column; a table with
# only "Action" in it (a glossary, a minutes template) is not a workplan.
_REQUIRED = Role.ACTION
_SUPPORTING = frozenset({Role.IMPACT, Role.LEAD, Role.TIMEFRAME})


def role_of(text: str) -> Role:
    """The role a header cell's text names, or ``Role.OTHER``.

    >>> role_of("IMPACT – WHAT WILL SUCCESS LOOK LIKE?")
    <Role.IMPACT: 'impact'>
    >>> role_of("By when?")
    <Role.TIMEFRAME: 'timeframe'>
    """
    lowered = " ".join(text.lower().split())
    best: tuple[int, Role] | None = None
    for role, pattern in _ROLE_PATTERNS:
        match = pattern.search(lowered)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), role)
    return best[1] if best else Role.OTHER


def header_roles(cells: Sequence[str | None]) -> tuple[Role, ...] | None:
    """Roles of a candidate header row, or ``None`` when it is not a workplan header.

    Empty header cells get ``Role.OTHER`` here; the caller decides from the data
    whether an unlabelled narrow column is a status column.
    """
    roles = tuple(role_of(c) if c else Role.OTHER for c in cells)
    if _REQUIRED not in roles or not _SUPPORTING & set(roles):
        return None
    return _dedupe(roles)


def _dedupe(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    """Keep the first column of each role; a second one becomes ``OTHER``."""
    seen: set[Role] = set()
    out = []
    for role in roles:
        if role in seen and role is not Role.OTHER:
            out.append(Role.OTHER)
        else:
            seen.add(role)
            out.append(role)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Header:
    """A recognised header: how many rows it takes, each column's role and label."""

    rows: int
    roles: tuple[Role, ...]
    labels: tuple[str, ...]


def find_header(rows: Sequence[Sequence[str | None]], *, look: int = 3) -> Header | None:
    """Find the header within the first ``look`` rows.

    A header written over two rows (``Lead`` above ``(name / agency)``) is read
    by joining each column's texts.

    >>> find_header([["Impact", "Action", "Lead"], ["x", "1.1 y", "z"]]).roles
    (<Role.IMPACT: 'impact'>, <Role.ACTION: 'action'>, <Role.LEAD: 'lead'>)
    """
    for start in range(min(look, len(rows))):
        roles = header_roles(rows[start])
        if roles is None:
            continue
        labels = tuple(" ".join((c or "").split()) for c in rows[start])
        if start + 1 < len(rows) and _second_header_row(rows[start + 1], roles):
            joined = tuple(
                " ".join(filter(None, (a, " ".join((b or "").split()))))
                for a, b in zip(labels, rows[start + 1], strict=False)
            )
            return Header(start + 2, roles, joined)
        return Header(start + 1, roles, labels)
    return None


# A second header row holds short labels: no action id, nothing under Action.
_MAX_LABEL_WORDS = 6
_ID_START = re.compile(r"\s*\d+(\.\d+)*\.?\s")


def _second_header_row(cells: Sequence[str | None], roles: tuple[Role, ...]) -> bool:
    texts = [(c or "").strip() for c in cells]
    if not any(texts) or any(_ID_START.match(t + " ") or t.endswith(".") for t in texts if t):
        return False
    action = roles.index(Role.ACTION)
    if action < len(texts) and texts[action] and role_of(texts[action]) is not Role.ACTION:
        return False
    return all(len(t.split()) <= _MAX_LABEL_WORDS for t in texts)


def is_repeated_header(cells: Sequence[str | None], header: Sequence[str]) -> bool:
    """True when a row repeats the table's header (as on each new page)."""
    texts = [" ".join((c or "").split()).lower() for c in cells]
    wanted = [" ".join(h.split()).lower() for h in header]
    labelled = [(t, w) for t, w in zip(texts, wanted, strict=False) if w]
    return bool(labelled) and all(t == w for t, w in labelled)
