"""The words of lead names: vocabulary, and what a person, a body or a role looks like.

The word lists (body, team and role head nouns, the ordinary words that open a
service's name, titles, particles) and the shape tests built on them
(``is_person_name``, ``is_abbreviation``, ``is_unassigned``, ``stands_alone``)
serve both splitting a cell (``cells``) and comparing names (``names``,
``match``).

The cues (what looks like a person's name, a body, a role) are general English
and public-sector wording, never a list of the names seen in sample documents.
"""

from __future__ import annotations

import re
from collections.abc import Collection


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Head nouns of bodies that exist in their own right or are a unit of one.
ORG_WORDS = _word_set(
    "police nhs council councils partnership trust ccg icb board unit service services "
    "department directorate authority agency borough ltd limited cic charity school "
    "schools college academy university hospital clinic probation commission office "
    "foundation division government ministry constabulary ambulance"
)
# Head nouns of groups of people inside a body.
TEAM_WORDS = _word_set(
    "team teams group groups subgroup subgroups panel forum committee network hub members "
    "partners inspectors scrutineers champions reps representatives practitioners colleagues "
    "officers leads managers everyone workstream taskforce"
)
# Job titles: a role is not a person's name, and the Leads sheet counts it as a group.
ROLE_WORDS = _word_set(
    "manager director head chair co-chair vice-chair officer lead coordinator co-ordinator "
    "scrutineer adviser advisor nurse doctor gp worker practitioner consultant commissioner "
    "administrator analyst secretary clerk inspector deputy interim acting principal "
    "specialist designated"
)
KEYWORDS = ORG_WORDS | TEAM_WORDS | ROLE_WORDS
# Ordinary words that open the names of services and groups ("Early Help", "Youth
# Inclusion", "Think Family"); a person's given name is not one of them.
DOMAIN_WORDS = _word_set(
    "early youth young children children's child adult adults family families think voice "
    "independent strategic business policy training quality public mental social education "
    "health community domestic local joint multi-agency safeguarding safer practice learning "
    "performance contextual emotional substance risk missing exploitation violence crime "
    "housing virtual named senior executive operational parent parents carers victims full "
    "whole all task neglect prevention help support inclusion special looked care leaving "
    "corporate integrated targeted universal commissioning communications workforce legal "
    "finance data digital research national regional county city central healthy wellbeing"
)
PARTICLES = _word_set("de da di du del della van von der den le la bin al st")
TITLES = _word_set("dr mr mrs ms miss mx cllr prof rev sir dame")
# Ranks written before a person's name (police and fire ranks, their short
# forms): a rank says what the person is now, not who they are.
RANKS = _word_set(
    "detective chief inspector superintendent sergeant constable commander officer "
    "insp supt sgt pc dc ds di dci dsi dsupt ch det station watch"
)
STOPWORDS = _word_set("and of the for to in on at with by a an")

_INITIAL = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}")  # K, K., J.K.; not QA
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)*")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,6}s?")
_BRACKETED = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?")
SUBGROUP = re.compile(r"\bsub[\s-]*group", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
_UNASSIGNED = re.compile(
    r"(?:lead\s*[:\-–]?\s*)?(?:"
    r"to\s+be\s+(?:agreed|confirmed|decided|determined|appointed|identified|allocated|assigned)"
    r"|t\.?b\.?[acd]\.?|n/?a|none|unassigned|unknown|vacant|agree\s+lead|\?+|-+|–+"
    r"|not\s+(?:yet\s+)?(?:agreed|assigned|known|confirmed|allocated)"
    r")(?:\s*[-–:]?\s*lead)?",
    re.IGNORECASE,
)


def clean_name(text: str) -> str:
    """One line, single spaces, no stray separators at either end.

    >>> clean_name("  Keith Shipman /")
    'Keith Shipman'
    """
    text = " ".join(text.replace("\u00a0", " ").split())
    return text.strip(" -–—•·*:;,./&")


def strip_brackets(text: str) -> str:
    """``text`` without its bracketed parts (``Keith Shipman (LB Merton)`` -> ``Keith Shipman``)."""
    return clean_name(_BRACKETED.sub(" ", text))


def is_unassigned(text: str) -> bool:
    """True for an empty cell and for ``Lead to be agreed``, ``TBC``, ``TBA``, ``N/A``..."""
    text = clean_name(text).strip("()[] ")
    return not text or _UNASSIGNED.fullmatch(text) is not None


def is_abbreviation(token: str) -> bool:
    """True for an all-capitals token such as ``BSU``, ``NHS``, ``MSCP``, ``CCGs``."""
    return _ABBREVIATION.fullmatch(token) is not None


def _word_key(token: str) -> str:
    return SUBGROUP.sub("subgroup", token.casefold().strip(".,'’"))


def is_person_name(text: str) -> bool:
    """True when ``text`` has the shape of a person's name.

    Two to four capitalised words (hyphens, apostrophes, initials, ``van``/``de``
    particles and titles allowed), none of them a body or role word, and the first
    not an ordinary word that opens a service's name.

    >>> is_person_name("James Dickson Leach"), is_person_name("Youth Inclusion")
    (True, False)
    """
    tokens = strip_brackets(text).split()
    while tokens and _word_key(tokens[0]) in TITLES:
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 4 or _word_key(tokens[0]) in DOMAIN_WORDS:
        return False
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        word = _word_key(token)
        if word in KEYWORDS:
            return False
        if 0 < i < last and word in PARTICLES:
            continue
        if _INITIAL.fullmatch(token):
            if i == last:
                return False
            continue
        if not _NAME_WORD.fullmatch(token):
            return False
    return True


def words_of(text: str) -> list[str]:
    """The words of ``text``, casefolded, ``Sub-Group`` spelt ``subgroup``."""
    return [_word_key(w) for w in WORD.findall(SUBGROUP.sub("subgroup", text))]


def stands_alone(text: str) -> bool:
    """True when ``text`` is a lead on its own: a person, a body, a role or an abbreviation.

    Used to decide whether ``&`` or ``and`` joins two leads or sits inside one name:
    ``Keith Shipman`` and ``Sarah Brewster`` stand alone; ``Youth Inclusion`` (in
    ``Service Manager - CSC & Youth Inclusion``) and ``Policy`` do not.
    """
    text = strip_brackets(text)
    if not text:
        return False
    if is_person_name(text):
        return True
    if any(w in KEYWORDS for w in words_of(text)):
        return True
    tokens = text.split()
    return all(is_abbreviation(t) for t in tokens) or text.casefold() in {"all", "everyone"}


def without_titles(text: str) -> str:
    """A person's name without the titles and ranks written before it.

    Only a person's name loses them: what remains must have the shape of a
    name, so ``Chief Inspector`` or ``Inspector of Schools`` stay as written.

    >>> without_titles("Detective Inspector Ravi Bains"), without_titles("Dr Ben Achebe")
    ('Ravi Bains', 'Ben Achebe')
    >>> without_titles("Chief Inspector"), without_titles("Ann Lee")
    ('Chief Inspector', 'Ann Lee')
    """
    tokens = text.split()
    k = 0
    while k < len(tokens) and _word_key(tokens[k]) in TITLES | RANKS:
        k += 1
    rest = " ".join(tokens[k:])
    if k == 0 or not is_person_name(rest):
        return text
    return rest


def area_of(group: str) -> str:
    """The place a plan's own group is named after: its leading proper nouns, before
    the first ordinary or body word (``Wexcombe`` of ``Wexcombe Community Safety
    Partnership``); ``""`` when its name opens with an ordinary word.

    Plans of one area share that area's local bodies (its ICB, its youth justice
    service), so a bare ``ICB`` in one of them may be the one another names.

    >>> area_of("Marlow Fields Community Safety Partnership"), area_of("Children's Partnership")
    ('marlow fields', '')
    """
    words = []
    for token in group.split():
        word = _word_key(token)
        if not token[:1].isupper() or word in KEYWORDS | DOMAIN_WORDS | TITLES:
            break
        words.append(word)
    return " ".join(words)


def apart(mine: Collection[str], theirs: Collection[str]) -> bool:
    """Two names only ever written in plans of different places (``area_of``): two leads,
    however alike (each area has its own Head of Adult Safeguarding and its own youth
    justice service). A name from a plan that names no place (``""``) may be anyone's.

    >>> apart({"kirkwood"}, {"wexcombe"}), apart({"kirkwood"}, {"kirkwood", ""}), apart(set(), {"x"})
    (True, False, False)
    """
    known = bool(mine) and bool(theirs) and "" not in mine and "" not in theirs
    return known and not set(mine) & set(theirs)
