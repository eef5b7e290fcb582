"""The exact rules that settle what one written lead form stands for.

``follow_rules`` applies them to one written form: the lead directory, ``Lead to
be agreed`` and friends, the owning sub-group's own words, the alias table,
abbreviations written out in the documents, the shipped list of public bodies
(``bodies``), and a partnership prefix dropped.
What is left, ``match`` groups by similarity. Every rule carries a 0-100 score.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from rapidfuzz.utils import default_process

from normalise.leads.names import UNASSIGNED_LEAD, lookup_key
from normalise.leads.words import (
    KEYWORDS,
    SUBGROUP,
    is_abbreviation,
    is_unassigned,
    without_titles,
    words_of,
)

# How a root's name came to be fixed, weakest first: a canonical chosen by a
# stronger source wins the cluster's name, and two different names fixed at
# FIX_ALIAS or above are different leads by configuration, never joined.
FIX_NONE, FIX_EXPANSION, FIX_ALIAS, FIX_OWNER, FIX_DIRECTORY = range(5)

EXACT_SCORE = 100.0
LEARNED_SCORE = 95.0
"""An expansion written in a document, ``Business Support Unit (BSU)``, checked by initials."""
OTHER_SUBGROUP_SCORE = 95.0
"""``ESS Sub-Group`` in another workplan: the abbreviation is the initials of one owner."""

# Words a plan uses for its own group: the sub-group (``Full Sub-Group``,
# ``ESS subgroup members``, bare ``Subgroup``) and, with a word that points at
# this one (``the``, ``full``, ``whole``, ``all``), the group, board, forum or
# partnership (``the Board``, ``Full Forum``, ``All partners``, ``Whole group``).
# A bare ``Board`` or ``Partners`` may be another body, so it needs that word.
_OWN = re.compile(
    r"(?:all )?(?:this |our |the )?(?:(?:full|whole|entire) )?(?:(?P<abbr>[a-z0-9]{2,8}) )?"
    r"subgroups?(?: members)?"
    r"|(?:all (?:the |of the |our )?|this |our |the )?(?:(?:full|whole|entire) )?"
    r"(?<=[a-z] )(?:group|board|forum|partnership|partners)(?: members)?"
)

Step = tuple[str, float]


@dataclass(frozen=True, slots=True)
class Rules:
    """The exact rules' tables, keyed by ``lookup_key``."""

    directory: Mapping[str, str]
    aliases: Mapping[str, str]
    abbreviations: Mapping[str, str]
    owners_by_abbreviation: Mapping[str, str]
    prefixes: frozenset[str]
    # lookup key -> (lead, rule, score, the areas it holds in: none, everywhere)
    bodies: Mapping[str, tuple[str, str, float, frozenset[str]]] = field(default_factory=dict)


def _subgroup(
    rules: Rules, text: str, owner: str, abbreviation: str
) -> tuple[str, tuple[Step, ...], int, str] | None:
    match = _OWN.fullmatch(own_key(text))
    if match is None:
        return None
    abbr = match.group("abbr")
    if abbr is None or abbr == abbreviation.casefold():
        if owner:
            return owner, (("the owning sub-group", EXACT_SCORE),), FIX_OWNER, owner
        return None
    other = rules.owners_by_abbreviation.get(abbr)
    if other:
        return (
            other,
            (("sub-group named by its abbreviation", OTHER_SUBGROUP_SCORE),),
            FIX_OWNER,
            "",
        )
    return None


def own_key(text: str) -> str:
    """``text`` compared for the plan's own-group words: like ``lookup_key``, keeping ``the``.

    >>> own_key("The Full Sub-Group"), own_key("All Partners")
    ('the full subgroup', 'all partners')
    """
    plain = default_process(SUBGROUP.sub("subgroup", text.replace("&", " and ")))
    return " ".join(SUBGROUP.sub("subgroup", plain).split())


def written_prefixes(names: Collection[str]) -> set[str]:
    """Abbreviations written in front of another lead's name (``MSCP BSU`` beside ``BSU``).

    The rest must name something by itself: ``QA Sub-Group`` beside ``Sub-Group``
    does not make ``QA`` a prefix.
    """
    seen = {lookup_key(n) for n in names}
    found = set()
    for name in names:
        first, _, rest = name.partition(" ")
        named = not all(w in KEYWORDS for w in words_of(rest))
        if rest and is_abbreviation(first) and named and lookup_key(rest) in seen:
            found.add(first.casefold())
    return found


def follow_rules(
    rules: Rules, text: str, written: str, owner: str, abbreviation: str, area: str = ""
) -> tuple[str, tuple[Step, ...], int, str]:
    """Apply the exact rules to one written form, written in a plan of ``owner`` in ``area``.

    Returns the name it stands for, the rules applied, how fixed that name is,
    and the scope of the answer: ``""`` when it holds everywhere, the owner when
    it depends on the owning sub-group (``Full Subgroup``), ``area_scope(area)``
    when on the plan's place (``Probation`` is the ``Probation Service`` only
    where one area's plans write both).
    """
    for key in (lookup_key(written), lookup_key(text)):
        if key in rules.directory:
            return rules.directory[key], (("lead directory", EXACT_SCORE),), FIX_DIRECTORY, ""
    if is_unassigned(text):
        named = (("no lead named", EXACT_SCORE),) if text else ()
        return UNASSIGNED_LEAD, named, FIX_OWNER, ""
    own = _subgroup(rules, text, owner, abbreviation)
    if own is not None:
        return own
    steps: list[Step] = []
    fixed = FIX_NONE
    scope = ""
    for _ in range(3):  # a few hops: "MSCP BSU" -> "BSU" -> "Business Support Unit"
        key = lookup_key(text)
        if key in rules.aliases:  # an alias's target is final
            fixed = FIX_ALIAS
            if rules.aliases[key] != text:
                text = rules.aliases[key]
                steps.append(("alias table", EXACT_SCORE))
            break
        if key in rules.abbreviations and rules.abbreviations[key] != text:
            text = rules.abbreviations[key]
            steps.append(("abbreviation written out in a workplan", LEARNED_SCORE))
            fixed = max(fixed, FIX_EXPANSION)
            continue
        link = rules.bodies.get(key)
        if link is not None and link[3]:
            scope = area_scope(area)  # the answer depends on the plan's place
        if link is not None and link[0] != text and (not link[3] or area in link[3]):
            text, rule, score, _ = link
            steps.append((rule, score))
            fixed = max(fixed, FIX_EXPANSION)
            continue
        words = text.split()
        rest = " ".join(words[1:])
        known = lookup_key(rest) in rules.aliases or lookup_key(rest) in rules.abbreviations
        if len(words) > 1 and words[0].casefold() in rules.prefixes and known:
            text = rest
            steps.append(("partnership prefix dropped", EXACT_SCORE))
            continue
        break
    person = without_titles(text)
    if person != text and fixed < FIX_ALIAS:
        text = person
        steps.append(("title or rank before a name dropped", EXACT_SCORE))
    return text, tuple(steps), fixed, scope


def area_scope(area: str) -> str:
    """The scope of an answer that holds in plans of ``area`` only (``follow_rules``).

    >>> area_scope("wexcombe")
    'area: wexcombe'
    """
    return f"area: {area}"
