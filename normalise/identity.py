"""A workplan's identity from its opening lines: title, period, sub-group and key.

``DRAFT PROMOTE AND PROTECT YOUNG PEOPLE SUB-GROUP WORKPLAN 2021-22`` gives
title ``Promote and Protect Young People Sub-Group Workplan``, period
``2021-22``, sub-group ``Promote and Protect Young People Sub-Group`` and key
``PPYP 2021-22``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalise.model import Repair
from normalise.text import repair_text

_PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-/–]|to)\s*(?:20)?(\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_PLAN_WORD = re.compile(r"\b(work\s*plan|workplan|action\s*plan|business\s*plan|plan)\b", re.I)
_DRAFT = re.compile(r"\b(draft|final|version\s*\d+(\.\d+)?|v\d+(\.\d+)?)\b", re.I)
_ABBR = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_SMALL = frozenset({"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "&"})
_NOT_INITIALS = frozenset({"sub-group", "subgroup", "workplan", "plan", "work", "group"})
_SUBGROUP = re.compile(r"\b(sub[\s-]*group|subgroup|group|board|committee|panel)\b", re.I)


@dataclass(frozen=True, slots=True)
class Identity:
    """Who owns the workplan and for when."""

    title: str
    period: str
    subgroup: str
    abbreviation: str
    repairs: tuple[Repair, ...] = ()

    @property
    def key(self) -> str:
        """The workplan key: abbreviation and period (``PPYP 2023-24``)."""
        return f"{self.abbreviation} {self.period}".strip()


def identity(lines: Sequence[str], fallback: str) -> Identity:
    """Read title and period from a document's opening lines.

    ``fallback`` (the file name's stem) names a document whose lines say
    nothing usable.
    """
    title_text = _title_text(lines) or fallback
    title_text, repairs = repair_text(title_text, "Workplan")
    period = _period(title_text) or _period(" ".join(lines)) or ""
    abbreviation_match = _ABBR.search(title_text)
    name = _PERIOD.sub(" ", title_text)
    name = _ABBR.sub(" ", name)
    name = _DRAFT.sub(" ", name)
    name = _YEAR.sub(" ", name)
    name = " ".join(name.replace("\n", " ").split()).strip(" -–:,")
    title = _title_case(name) if name.isupper() or name.islower() else name
    subgroup = _subgroup(title)
    abbreviation = abbreviation_match.group(1) if abbreviation_match else _initials(subgroup)
    return Identity(title, period, subgroup, abbreviation, repairs)


def _title_text(lines: Sequence[str]) -> str:
    """The opening lines up to and including the one naming the plan."""
    taken: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        taken.append(line)
        if _PLAN_WORD.search(line):
            return (
                " ".join(taken[-2:]) if len(taken) > 1 and not _PLAN_WORD.search(taken[0]) else line
            )
        if len(taken) >= 3:
            break
    return taken[0] if taken else ""


def _period(text: str) -> str | None:
    match = _PERIOD.search(text)
    if match:
        return f"{match.group(1)}-{match.group(2)}"
    year = _YEAR.search(text)
    return year.group(1) if year else None


def _title_case(text: str) -> str:
    words = []
    for k, word in enumerate(text.lower().split()):
        if k and word in _SMALL:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def _subgroup(title: str) -> str:
    """The owning sub-group's name: the title without its plan words, ending in Sub-Group."""
    name = re.sub(r"\b(work\s*plan|workplan|action\s*plan|plan)\b", "", title, flags=re.I)
    name = " ".join(name.split()).strip(" -–:,")
    if not _SUBGROUP.search(name):
        name = f"{name} Sub-Group" if name else "Sub-Group"
    return name


def _initials(name: str) -> str:
    words = [
        w
        for w in re.split(r"\s+", name)
        if w and w.lower() not in _SMALL and w.lower() not in _NOT_INITIALS
    ]
    return "".join(w[0].upper() for w in words if w[0].isalpha()) or "WP"
