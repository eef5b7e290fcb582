"""One lead name on its own: its kind, the key its spellings compare under, a person's parts.

``classify`` tells a person from a team or role and from a body; ``lookup_key``
makes spellings of one body equal apart from case, punctuation and ``Sub-Group``;
``person_parts`` gives a person's given name and surname for matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from rapidfuzz.utils import default_process

from normalise.leads.words import (
    ORG_WORDS,
    ROLE_WORDS,
    SUBGROUP,
    TEAM_WORDS,
    TITLES,
    is_abbreviation,
    is_person_name,
    is_unassigned,
    strip_brackets,
    words_of,
)


class Kind(StrEnum):
    """The contract's ``Kind`` values on the ``Leads`` sheet."""

    PERSON = "Person"
    TEAM = "Team or group"
    ORGANISATION = "Organisation"
    UNASSIGNED = "Unassigned"


UNASSIGNED_LEAD = "Unassigned"
"""The canonical lead of every cell that names no lead (``Lead to be agreed``, ``TBC``, blank)."""

_DASH = re.compile(r"\s+[-–—]\s+")


def classify(name: str) -> Kind:
    """The kind of lead ``name`` is, from its shape and its head noun.

    The head noun is the last body or role word before any `` - `` qualifier, so
    ``Service Manager - CSC & Youth Inclusion`` is a role and ``Youth Crime Executive
    Board`` a body.

    >>> [classify(n).value for n in ("Anne Akamo", "VAWG Board", "Hub Manager", "TBC")]
    ['Person', 'Organisation', 'Team or group', 'Unassigned']
    """
    text = strip_brackets(name)
    if is_unassigned(text):
        return Kind.UNASSIGNED
    if is_person_name(text):
        return Kind.PERSON
    head = _DASH.split(text)[0]
    for words in (words_of(head), words_of(text)):
        for word in reversed(words):
            if word in ORG_WORDS:
                return Kind.ORGANISATION
            if word in TEAM_WORDS or word in ROLE_WORDS:
                return Kind.TEAM
    tokens = text.split()
    if all(is_abbreviation(t) for t in tokens):
        return Kind.ORGANISATION
    if len(tokens) == 1:
        return Kind.TEAM if text.casefold() in {"all", "everyone"} else Kind.ORGANISATION
    return Kind.TEAM


def lookup_key(text: str, prefixes: Iterable[str] = ()) -> str:
    """A key under which spellings of one body compare equal.

    Case, punctuation, ``&``/``and``, ``the`` and ``Sub-Group``/``Subgroup`` do not
    count; a leading partnership prefix in ``prefixes`` (casefolded) is dropped.

    >>> lookup_key("MSCP Policy & Training Sub-Group", {"mscp"})
    'policy training subgroup'
    """
    words = SUBGROUP.sub("subgroup", default_process(SUBGROUP.sub("subgroup", text))).split()
    words = [w for w in words if w not in {"and", "the"}]
    drop = set(prefixes)
    while len(words) > 1 and words[0] in drop:
        words = words[1:]
    return " ".join(words)


def person_parts(text: str) -> tuple[str, tuple[str, ...]]:
    """A person's given name and the rest of the name, casefolded, titles dropped.

    >>> person_parts("Dr Ann-Marie Dickson-Leach")
    ('ann-marie', ('dickson', 'leach'))
    """
    tokens = [t for t in strip_brackets(text).split() if t.casefold().strip(".") not in TITLES] or [
        ""
    ]
    first = re.sub(r"[^\w-]", "", tokens[0].casefold())
    rest = tuple(w for t in tokens[1:] for w in default_process(t).split())
    return first, rest
