"""Comparing lead names: kinds, keys, abbreviations, and grouping spellings into leads.

``follow_rules`` applies the exact rules to one written form (directory, owning
sub-group, alias table, abbreviations written out in the documents);
``cluster_roots`` then joins what the rules left: spellings equal apart from case
and punctuation, persons with the same given name and a surname one typo away,
bodies with near-identical names, and abbreviations that spell a body's initials.
Every join carries its rule and a 0-100 score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process

from normalise.lead_cells import (
    KEYWORDS,
    ORG_WORDS,
    ROLE_WORDS,
    STOPWORDS,
    SUBGROUP,
    TEAM_WORDS,
    TITLES,
    WORD,
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


def initials(text: str, prefixes: Iterable[str] = ()) -> str:
    """The capital initials of a body's significant words (``Business Support Unit`` -> ``BSU``)."""
    words = [w for w in WORD.findall(text.replace("-", " ")) if w.casefold() not in STOPWORDS]
    drop = set(prefixes)
    while len(words) > 1 and words[0].casefold() in drop:
        words = words[1:]
    return "".join(w[0].upper() for w in words)


def abbreviation_of(subgroup: str) -> str:
    """The usual abbreviation of a sub-group's name, from its initials.

    >>> abbreviation_of("Effective Safeguarding and Support Sub-Group")
    'ESS'
    """
    written = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", subgroup)
    if written:  # "Promote and Protect Young People (PPYP) Sub-Group"
        return written.group(1)
    skip = {"subgroup", "group", "workplan", "sub", "plan", "work", "draft"}
    words = [w for w in WORD.findall(SUBGROUP.sub(" ", subgroup)) if w.casefold() not in skip]
    return initials(" ".join(words))


def _fits(words: list[str], letters: str) -> bool:
    """Whether ``words`` spell ``letters`` by their initials; small words may be skipped."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if letters and word[0].casefold() == letters[0] and _fits(rest, letters[1:]):
        return True
    return word.casefold() in STOPWORDS and _fits(rest, letters)


def _expansion(text: str, abbreviation: str) -> str:
    """The shortest end of ``text`` whose words' initials spell ``abbreviation``, as written."""
    letters = "".join(c for c in abbreviation if c.isalpha())
    if len(letters) > 2 and letters.endswith("s"):  # a plural: CCGs
        letters = letters[:-1]
    letters = letters.casefold()
    found = list(WORD.finditer(text.replace("-", " ").replace("/", " ")))
    words = [m.group() for m in found]
    for start in range(len(words) - 1, max(-1, len(words) - 3 * len(letters) - 1), -1):
        run = words[start:]
        if run[0].casefold() not in STOPWORDS and run[0][0].isupper() and _fits(run, letters):
            return " ".join(text[found[start].start() :].split())
    return ""


_WRITTEN_OUT = re.compile(r"([^()\n]{2,160}?)\s*\(\s*([A-Z][A-Za-z&]*[A-Z]s?)\s*\)")
_WRITTEN_ABBR = re.compile(r"\b([A-Z][A-Z&]{1,7}s?)\s*\(\s*([^()\n]{2,80})\s*\)")


def learn_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviations the documents spell out, checked by their initials.

    Finds ``Business Support Unit (BSU)`` and ``BSU (Business Support Unit)`` and
    keeps a pair only when the words' initials spell the abbreviation (small words
    such as ``and`` may or may not count, as in ``VAWG``). The first expansion seen
    for an abbreviation wins.

    >>> learn_abbreviations(["the MSCP Business Support Unit (BSU) will", "CSF (Children)"])
    {'BSU': 'Business Support Unit'}
    """
    found: dict[str, str] = {}
    for text in texts:
        for match in _WRITTEN_OUT.finditer(text):
            expansion = _expansion(match.group(1), match.group(2))
            if expansion:
                found.setdefault(match.group(2), expansion)
        for match in _WRITTEN_ABBR.finditer(text):
            inside = " ".join(match.group(2).split())
            if _expansion(inside, match.group(1)) == inside:
                found.setdefault(match.group(1), inside)
    return found


# How a root's name came to be fixed, weakest first: a canonical chosen by a
# stronger source wins the cluster's name, and two different names fixed at
# FIX_ALIAS or above are different leads by configuration, never joined.
FIX_NONE, FIX_EXPANSION, FIX_ALIAS, FIX_OWNER, FIX_DIRECTORY = range(5)

EXACT_SCORE = 100.0
SURNAME_EDITS = 1
"""Surnames (everything after the given name) may differ by one edit (a wrong, missing,
extra or swapped letter: Akamo/Akaro, Shipman/Shipmen). A score cutoff would not do:
Harris/Harrison and Thomas/Thompson score over 80 on ``fuzz.ratio`` yet are different
names; they are two or more edits apart."""
LONG_SURNAME_EDITS = 2
LONG_SURNAME = 10
"""From this many letters a surname may differ by ``LONG_SURNAME_EDITS``."""
SHORT_SURNAME = 5
"""Below this many letters one changed, added or dropped letter makes another common
surname (Hill/Hall, Shaw/Shah, Lee/Lea): only a swap or a single-for-double slip joins."""
BODY_CUTOFF = 95.0
"""Body names must score this on ``fuzz.token_sort_ratio``: one typo in a name of
twenty letters or more. Short names one letter apart (Policy/Police Group, 92)
are often different bodies, so they stay apart."""
MIDDLE_NAME_SCORE = 90.0
"""Same given name and surname, one spelling with a middle name the other lacks."""
INITIAL_SCORE = 85.0
"""``K. Shipman`` joins ``Keith Shipman`` only when one person fits: a guess."""
INITIALS_SCORE = 90.0
"""An abbreviation spelling the initials of exactly one body among the leads."""
LEARNED_SCORE = 95.0
"""An expansion written in a document, ``Business Support Unit (BSU)``, checked by initials."""
OTHER_SUBGROUP_SCORE = 95.0
"""``ESS Sub-Group`` in another workplan: the abbreviation is the initials of one owner."""

_OWN = re.compile(
    r"(?:all )?(?:this |our )?(?:(?:full|whole|entire) )?(?:(?P<abbr>[a-z0-9]{2,8}) )?"
    r"subgroups?(?: members)?"
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


def _subgroup(
    rules: Rules, text: str, owner: str, abbreviation: str
) -> tuple[str, tuple[Step, ...], int, bool] | None:
    key = lookup_key(text)
    match = _OWN.fullmatch(key)
    if match is None:
        return None
    abbr = match.group("abbr")
    if abbr is None or abbr == abbreviation.casefold():
        if owner:
            return owner, (("the owning sub-group", EXACT_SCORE),), FIX_OWNER, True
        return None
    other = rules.owners_by_abbreviation.get(abbr)
    if other:
        return (
            other,
            (("sub-group named by its abbreviation", OTHER_SUBGROUP_SCORE),),
            FIX_OWNER,
            False,
        )
    return None


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
    rules: Rules, text: str, written: str, owner: str, abbreviation: str
) -> tuple[str, tuple[Step, ...], int, bool]:
    """Apply the exact rules to one written form.

    Returns the name it stands for, the rules applied, how fixed that name is,
    and whether the answer depends on the owning sub-group (``Full Subgroup``).
    """
    for key in (lookup_key(written), lookup_key(text)):
        if key in rules.directory:
            return rules.directory[key], (("lead directory", EXACT_SCORE),), FIX_DIRECTORY, False
    if is_unassigned(text):
        named = (("no lead named", EXACT_SCORE),) if text else ()
        return UNASSIGNED_LEAD, named, FIX_OWNER, False
    own = _subgroup(rules, text, owner, abbreviation)
    if own is not None:
        return own
    steps: list[Step] = []
    fixed = FIX_NONE
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
        words = text.split()
        rest = " ".join(words[1:])
        known = lookup_key(rest) in rules.aliases or lookup_key(rest) in rules.abbreviations
        if len(words) > 1 and words[0].casefold() in rules.prefixes and known:
            text = rest
            steps.append(("partnership prefix dropped", EXACT_SCORE))
            continue
        break
    return text, tuple(steps), fixed, False


@dataclass
class Root:
    """A distinct name after the exact rules, with its mention count."""

    name: str
    count: int
    fixed: int


@dataclass(frozen=True, slots=True)
class Cluster:
    """One canonical lead: its roots and the joins between them (a tree)."""

    name: str
    fixed: int
    members: tuple[str, ...]
    edges: Mapping[str, tuple[tuple[str, str, float], ...]] = field(default_factory=dict)

    def path(self, root: str) -> list[Step]:
        """The joins between ``root`` and the canonical name, as (rule, score)."""
        seen: dict[str, list[Step]] = {root: []}
        todo = [root]
        while todo and self.name not in seen:
            here = todo.pop()
            for there, rule, score in self.edges.get(here, ()):
                if there not in seen:
                    seen[there] = [*seen[here], (rule, score)]
                    todo.append(there)
        return seen.get(self.name, [])


@dataclass
class _Group:
    """Roots with one key (equal apart from case and punctuation), led by the best."""

    roots: list[Root]
    kind: Kind
    key: str

    @property
    def lead(self) -> Root:
        return self.roots[0]


class _Joins:
    """Union-find over groups that refuses to join two differently fixed names."""

    def __init__(self, groups: Sequence[_Group]) -> None:
        self.parent = list(range(len(groups)))
        self.authority = [g.lead.name if g.lead.fixed >= FIX_ALIAS else "" for g in groups]
        self.edges: list[tuple[int, int, str, float]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, rule: str, score: float) -> bool:
        a, b = self.find(i), self.find(j)
        mine, theirs = self.authority[a], self.authority[b]
        if a == b or (mine and theirs and mine != theirs):
            return False
        self.parent[a] = b
        self.authority[b] = self.authority[b] or self.authority[a]
        self.edges.append((i, j, rule, score))
        return True


def _order(root: Root) -> tuple[int, int, int, str]:
    """Best first: most fixed, most frequent, longest (most complete), then by name."""
    return (-root.fixed, -root.count, -len(root.name), root.name)


def _slip(a: str, b: str) -> bool:
    """A slip that does not make another name: two letters swapped, or a double letter
    written single (Hlil or Hil for Hill, but not Hall)."""
    if len(a) == len(b):
        return sorted(a) == sorted(b)
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(
        longer[i] == longer[i + 1] and longer[:i] + longer[i + 1 :] == shorter
        for i in range(len(longer) - 1)
    )


def _people_leaders(block: list[int], keys: list[str], joins: _Joins) -> None:
    """Leader clustering of one block of persons in best-first order.

    Each name joins the nearest leader (a name that joined no one) within the allowed
    surname edits, or one that has the same surname and lacks (or adds) a middle name.
    Comparing with leaders only stops a chain of small differences from joining two
    different people through a third.
    """
    edits = process.cdist(
        keys,
        keys,
        scorer=OSA.distance,
        processor=None,
        score_cutoff=LONG_SURNAME_EDITS,
        dtype=np.int32,
    )
    lengths = np.array([len(k) for k in keys])
    leaders: list[int] = []
    by_last: dict[str, list[int]] = defaultdict(list)
    for pos, i in enumerate(block):
        best, score, why = -1, 0.0, "same given name, surname spelt differently"
        if leaders:
            mine = np.array(leaders)
            shortest = np.minimum(lengths[mine], lengths[pos])
            allowed = np.where(shortest >= LONG_SURNAME, LONG_SURNAME_EDITS, SURNAME_EDITS)
            distance = edits[pos, mine]
            for k in np.argsort(distance, kind="stable"):
                if distance[k] > allowed[k]:
                    break
                longest = max(lengths[pos], lengths[mine[k]])
                if longest >= SHORT_SURNAME or _slip(keys[pos], keys[mine[k]]):
                    best = int(mine[k])
                    score = fuzz.ratio(keys[pos], keys[best], processor=None, score_cutoff=0)
                    break
        words = keys[pos].split()
        if best < 0:
            for other in by_last[words[-1]]:
                theirs = set(keys[other].split())
                if set(words) <= theirs or theirs <= set(words):
                    best, score, why = other, MIDDLE_NAME_SCORE, "same name but for a middle name"
                    break
        if best < 0 or not joins.join(i, block[best], why, score):
            leaders.append(pos)
            by_last[words[-1]].append(pos)


def _body_leaders(block: list[int], keys: list[str], joins: _Joins) -> None:
    """Leader clustering of one block of bodies: join the best leader scoring ``BODY_CUTOFF``."""
    scores = process.cdist(
        keys, keys, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=BODY_CUTOFF
    )
    leaders: list[int] = []
    for pos, i in enumerate(block):
        if leaders:
            row = scores[pos, leaders]
            k = int(row.argmax())
            if row[k] >= BODY_CUTOFF and joins.join(
                i, block[leaders[k]], "near-identical body name", float(row[k])
            ):
                continue
        leaders.append(pos)


def _join_people(groups: Sequence[_Group], joins: _Joins) -> None:
    # Blocks: the same given name (a person never joins another given name) and the
    # same initial of the last surname word (a typo seldom hits the first letter).
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_initial: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    initialled: list[int] = []
    for i, group in enumerate(groups):
        if group.kind is not Kind.PERSON:
            continue
        first, rest = person_parts(group.lead.name)
        if not first or not rest:
            continue
        if len(first.strip(".")) == 1:
            initialled.append(i)
        else:
            blocks[(first, rest[-1][0])].append(i)
            by_initial[(first[0], rest)].append(i)
    for block in blocks.values():
        if len(block) > 1:
            _people_leaders(
                block, [" ".join(person_parts(groups[i].lead.name)[1]) for i in block], joins
            )
    for i in initialled:
        first, rest = person_parts(groups[i].lead.name)
        candidates = by_initial.get((first[0], rest), [])
        if len({joins.find(j) for j in candidates}) == 1:
            joins.join(i, candidates[0], "first-name initial", INITIAL_SCORE)


def _join_bodies(groups: Sequence[_Group], joins: _Joins, prefixes: frozenset[str]) -> None:
    blocks: dict[frozenset[str], list[int]] = defaultdict(list)
    by_initials: dict[str, list[int]] = defaultdict(list)
    abbreviations: list[tuple[int, str]] = []
    for i, group in enumerate(groups):
        if group.kind in (Kind.PERSON, Kind.UNASSIGNED):
            continue
        tokens = [t for t in group.lead.name.split() if t.casefold() not in prefixes]
        marks = frozenset(t for t in tokens if is_abbreviation(t))
        if len(tokens) == 1 and marks:
            abbreviations.append((i, tokens[0]))
            continue
        blocks[marks].append(i)  # bodies with different abbreviations are different bodies
        by_initials[initials(group.lead.name, prefixes)].append(i)
    for block in blocks.values():
        if len(block) > 1:
            _body_leaders(block, [groups[i].key for i in block], joins)
    for i, token in abbreviations:
        candidates = by_initials.get(token.rstrip("s") if len(token) > 2 else token, [])
        if len({joins.find(j) for j in candidates}) == 1:
            joins.join(i, candidates[0], "abbreviation matches the initials", INITIALS_SCORE)


def cluster_roots(roots: Sequence[Root], prefixes: frozenset[str]) -> list[Cluster]:
    """Join the roots that name one lead; each cluster is named by its best root."""
    keyed: dict[str, list[Root]] = defaultdict(list)
    for root in sorted(roots, key=_order):
        keyed[lookup_key(root.name, prefixes) or root.name.casefold()].append(root)
    groups = [_Group(members, classify(members[0].name), key) for key, members in keyed.items()]
    joins = _Joins(groups)
    _join_people(groups, joins)
    _join_bodies(groups, joins, prefixes)
    members: dict[int, list[Root]] = defaultdict(list)
    edges: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for g, group in enumerate(groups):
        members[joins.find(g)].extend(group.roots)
        for root in group.roots[1:]:
            same = group.kind is Kind.PERSON or lookup_key(root.name) == lookup_key(group.lead.name)
            rule = "same name apart from case and punctuation"
            rule = rule if same else "same name but for a partnership prefix"
            edges[root.name].append((group.lead.name, rule, EXACT_SCORE))
            edges[group.lead.name].append((root.name, rule, EXACT_SCORE))
    for i, j, rule, score in joins.edges:
        a, b = groups[i].lead.name, groups[j].lead.name
        edges[a].append((b, rule, score))
        edges[b].append((a, rule, score))
    clusters = []
    for found in members.values():
        best = min(found, key=_order)
        names = tuple(r.name for r in found)
        mine = {n: tuple(edges.get(n, ())) for n in names}
        clusters.append(Cluster(best.name, best.fixed, names, mine))
    return clusters
