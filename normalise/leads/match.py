"""Grouping spellings into leads: fuzzy matching with blocking, after the exact rules.

``follow_rules`` (in ``rules``) applies the exact rules to one written form
(directory, owning sub-group, alias table, abbreviations written out in the
documents); ``cluster_roots`` then joins what the rules left: spellings equal
apart from case and punctuation, persons with the same given name and a surname
one typo away, bodies with near-identical names, and abbreviations that spell a
body's initials. Every join carries its rule and a 0-100 score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from normalise.leads.abbreviations import initials
from normalise.leads.names import Kind, classify, lookup_key, person_parts
from normalise.leads.rules import EXACT_SCORE, FIX_ALIAS, Step
from normalise.leads.words import apart, is_abbreviation

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


@dataclass
class Root:
    """A distinct name after the exact rules, with its mention count."""

    name: str
    count: int
    fixed: int
    # The areas of the plans that wrote it (``words.area_of``; ``""``: a plan naming no place).
    areas: set[str] = field(default_factory=set)


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
        self.areas = [set().union(*(r.areas for r in g.roots)) for g in groups]
        self.edges: list[tuple[int, int, str, float]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, rule: str, score: float) -> bool:
        a, b = self.find(i), self.find(j)
        mine, theirs = self.authority[a], self.authority[b]
        if a == b or (mine and theirs and mine != theirs) or apart(self.areas[a], self.areas[b]):
            return False
        self.parent[a] = b
        self.authority[b] = self.authority[b] or self.authority[a]
        self.areas[b] |= self.areas[a]
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


ESTABLISHED_SURNAME = 3
"""A surname written for this many different given names in the inbox is a surname in its
own right, not a typo of another: Barker beside Baker is two families, where a slip
(Akaro for Akamo) is seldom written for more than one person."""


def _people_leaders(
    block: list[int], keys: list[str], joins: _Joins, established: frozenset[str] = frozenset()
) -> None:
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
                if distance[k] and {keys[pos], keys[mine[k]]} <= established:
                    continue  # two surnames in their own right: two people
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
    given: dict[str, set[str]] = defaultdict(set)  # surname -> the given names written with it
    for (first, _), block in blocks.items():
        for i in block:
            given[" ".join(person_parts(groups[i].lead.name)[1])].add(first)
    established = frozenset(s for s, names in given.items() if len(names) >= ESTABLISHED_SURNAME)
    for block in blocks.values():
        if len(block) > 1:
            _people_leaders(
                block,
                [" ".join(person_parts(groups[i].lead.name)[1]) for i in block],
                joins,
                established,
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
