"""A workplan's identity from its opening lines: title, period, sub-group and key.

``DRAFT PROMOTE AND PROTECT YOUNG PEOPLE SUB-GROUP WORKPLAN 2021-22`` gives
title ``Promote and Protect Young People Sub-Group Workplan``, period
``2021-22``, sub-group ``Promote and Protect Young People Sub-Group`` and key
``PPYP 2021-22``.

The key is short, for people: two sub-groups can share it (``Child
Exploitation`` and ``Children's Education`` are both ``CE``). Which documents
are versions of one workplan is decided on the title instead:
``title_identity`` reduces a title to the words that name its group, and
``title_matches`` says which other titles are near enough to be the same one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from normalise.model import Repair
from normalise.text import repair_text

_PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-/–]|to)\s*(?:20)?(\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_PLAN_WORD = re.compile(r"\b(work\s*plan|workplan|action\s*plan|business\s*plan|plan)\b", re.I)
_DRAFT = re.compile(r"\b(draft|final|version\s*\d+(\.\d+)?|v\d+(\.\d+)?)\b", re.I)
_ABBR = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_SMALL = frozenset({"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "&"})
_NOT_INITIALS = frozenset({"sub-group", "subgroup", "workplan", "plan", "work", "group"})
# A title naming a group or a body of its own (``... Partnership``, ``... Board``) is
# that group; any other title (``Neglect``) names a sub-group's subject.
_SUBGROUP = re.compile(
    r"\b(sub[\s-]*group|subgroup|group|board|committee|panel|partnership|forum|network|"
    r"alliance|executive)\b",
    re.I,
)


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
        """The workplan key: abbreviation and period (``PPYP 2023-24``).

        A short form for people and Register IDs, not an identity: two
        workplans can share it (``normalise.versions.distinct_keys``).
        """
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
    """The owning group's name: the title without its plan words, ending in Sub-Group
    unless it names a group or body itself."""
    name = re.sub(r"\b(work\s*plan|workplan|action\s*plan|plan)\b", "", title, flags=re.I)
    name = " ".join(name.split()).strip(" -–:,")
    nouns = list(_SUBGROUP.finditer(name))
    if not nouns:
        return f"{name} Sub-Group" if name else "Sub-Group"
    # the group ends at its noun: what follows describes the plan (``Delivery``)
    return name[: nouns[-1].end()]


def _initials(name: str) -> str:
    words = [
        w
        for w in re.split(r"\s+", name)
        if w and w.lower() not in _SMALL and w.lower() not in _NOT_INITIALS
    ]
    return "".join(w[0].upper() for w in words if w[0].isalpha()) or "WP"


# ``fuzz.ratio`` (0-100) of two title identities (words run together). From
# SAME_TITLE they are one workplan's titles: a letter mistyped, dropped or
# doubled in a name of twenty letters or more (``Promote and Protect Young
# Peple``/``... People`` 98, ``Practice Review``/``Practice Reviews`` 97).
# Between DOUBTFUL_TITLE and SAME_TITLE a word has changed (``Children and
# Young Persons``/``... People`` 84, ``Child Death Overview Panel``/``Child
# Death Review Panel`` 91, ``Safeguarding Adolescents``/``Safeguarding
# Adults`` 83): an edit of one title or another group's name, so the two stay
# apart and an analyst is told. Below it titles are plainly different
# (``Learning and Development``/``Learning and Improvement`` 77, ``Child
# Exploitation``/``Children's Education`` 63).
SAME_TITLE = 95.0
DOUBTFUL_TITLE = 80.0

_APOSTROPHE = re.compile(r"['’‘`ʼ]")
_JOINING_HYPHEN = re.compile(r"(?<=\w)[-‐‑­]\s*(?=\w)")  # Sub-Group, Exploi- tation
_SUB_GROUP_WORDS = re.compile(r"\bsub\s*groups?\b")
_WORK_PLAN_WORDS = re.compile(r"\bwork\s*plans?\b")
# Words every workplan's title may or may not carry: they name no group.
_GENERIC_WORDS = frozenset({"subgroup", "workplan"})
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A candidate title near another: its index, ``fuzz.ratio`` score and verdict.

    ``same`` is True when the two are one workplan's titles; a match with a
    score under 100 is doubtful either way and goes to the analyst.
    """

    index: int
    score: float
    same: bool


def title_identity(title: str) -> str:
    """The words of a title that name its group, lower case, run together.

    Case, accents, apostrophes, punctuation, hyphens and spaces between words
    are dropped, and so are the words ``Sub-Group`` and ``Workplan`` however
    spelt, so the spellings of one title agree:

    >>> title_identity("Child Exploitation Sub-group Work Plan")
    'childexploitation'
    >>> title_identity("CHILDREN'S EDUCATION SUBGROUP WORKPLAN")
    'childrenseducation'
    """
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _JOINING_HYPHEN.sub("", _APOSTROPHE.sub("", text)).replace("&", " and ")
    text = _WORK_PLAN_WORDS.sub(" workplan ", _SUB_GROUP_WORDS.sub(" subgroup ", text))
    return "".join(w for w in re.findall(r"[^\W_]+", text) if w not in _GENERIC_WORDS)


def title_matches(identity: str, candidates: Sequence[str]) -> list[TitleMatch]:
    """The ``candidates`` (title identities) at least DOUBTFUL_TITLE alike to ``identity``, best first.

    Titles whose numbers differ (``Priority 1``/``Priority 2``) never match.

    >>> titles = ["childexploitation", "childrenandyoungpersons", "childrenandyoungpeople"]
    >>> [(m.index, round(m.score), m.same) for m in title_matches("childrenandyoungpeple", titles)]
    [(2, 98, True), (1, 82, False)]
    """
    found = process.extract(
        identity,
        candidates,
        scorer=fuzz.ratio,
        processor=None,  # identities are already normalised
        score_cutoff=DOUBTFUL_TITLE,
        limit=None,
    )
    numbers = _NUMBER.findall(identity)
    return [
        TitleMatch(index, score, score >= SAME_TITLE)
        for _, score, index in found
        if _NUMBER.findall(candidates[index]) == numbers
    ]
