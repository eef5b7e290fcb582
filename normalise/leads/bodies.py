"""Common UK public bodies and roles by acronym and in full: the shipped list (``bodies.json``).

An entry lists the forms one body or role goes by (``Metropolitan Police Service``,
``Met Police``, ``MPS``). It is used only for names the documents wrote: when two
or more of an entry's forms are written, they become one lead under the entry's
first written form, so an entry never adds a lead nobody wrote. An entry marked
``local`` is a kind of body that each area has its own of (``ICB``): a name ending
in one of its forms (``NHS South West London ICB``) is a local body of that kind,
and the bare forms join it only when it is the only one of its kind written and
every document writing a bare form names it too, so two different local bodies
are never joined. ``Police`` is not ``local``: ``Police`` and ``British Transport
Police`` in one plan are two bodies. Forms the analysts' lead directory
or the alias table settle are left to them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from normalise.leads.names import Kind, classify, lookup_key
from normalise.leads.words import ROLE_WORDS, TEAM_WORDS, apart
from parsers.errors import ConfigError

BODIES_PATH = Path(__file__).with_name("bodies.json")
SOURCE = "shipped list of public bodies"
LISTED_SCORE = 95.0
"""Two forms the list gives for one body, both written: the list is curated, but a
document may use a short form for something else, so the join is shown as a guess."""
LOCAL_SCORE = 85.0
"""A bare ``ICB`` joined to the one local ICB written, in the same documents: an area
has one ICB, but the documents do not say so in as many words, so it is a guess."""


@dataclass(frozen=True, slots=True)
class Body:
    """One entry of the list: the forms one body or role goes by, preferred first."""

    forms: tuple[str, ...]
    local: bool = False


def load_bodies(path: Path | None = None) -> tuple[Body, ...]:
    """The list of bodies in ``path`` (default: the shipped ``bodies.json``).

    A bad file raises ``ConfigError`` naming it.
    """
    path = BODIES_PATH if path is None else Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"list of public bodies '{path}' cannot be read: {e}") from e
    entries = data.get("bodies") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"list of public bodies '{path}': expected a 'bodies' list")
    bodies = []
    for n, entry in enumerate(entries, 1):
        forms = entry.get("forms") if isinstance(entry, dict) else None
        if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
            raise ConfigError(f"list of public bodies '{path}': entry {n} needs a list of 'forms'")
        bodies.append(Body(tuple(forms), bool(entry.get("local", False))))
    return tuple(bodies)


def body_links(
    names: Collection[str],
    bodies: Sequence[Body],
    settled: Collection[str] = (),
    documents: Sequence[Collection[str]] = (),
    areas: Mapping[str, Collection[str]] | None = None,
) -> dict[str, tuple[str, str, float, frozenset[str]]]:
    """Written names the list joins: ``lookup_key`` of a name -> (lead, rule, score, areas).

    ``names`` are the written lead names; ``settled`` the lookup keys the lead
    directory, alias table and the documents' own abbreviations decide, which the
    list leaves alone; ``documents`` the names each area's documents wrote (default:
    all ``names`` in one). A bare form of a ``local`` entry (``ICB``) joins the local
    body (``NHS South West London ICB``) only when that is the one local body of its
    kind written anywhere and the documents of every area writing the bare form
    name it too. ``areas`` gives the places of the plans that wrote each name
    (``words.area_of``): two forms of a ``local`` entry (``YOS``, ``Youth Justice
    Service``) written only in plans of different places are two bodies; written
    both in one area's plans and the shorter also elsewhere, they are one body
    in that area only: ``areas`` are where a link holds (empty: everywhere).
    A name whose lead is itself is not in the result.

    >>> links = body_links(["MPS", "Met Police", "Police", "Anne Akamo"], load_bodies())
    >>> {k: v[0] for k, v in links.items()}
    {'mps': 'Met Police'}
    >>> links = body_links(["ICB", "NHS South West London ICB"], load_bodies())
    >>> {k: v[0] for k, v in links.items()}
    {'icb': 'NHS South West London ICB'}
    >>> links = body_links(["Probation", "Probation Service"], load_bodies(),
    ...     areas={"Probation": {"wexcombe", "ashdown"}, "Probation Service": {"wexcombe"}})
    >>> {k: (v[0], sorted(v[3])) for k, v in links.items()}
    {'probation': ('Probation Service', ['wexcombe'])}
    >>> body_links(["ICB", "NHS South West London ICB"], load_bodies(),
    ...            documents=[["ICB"], ["ICB", "NHS South West London ICB"]])
    {}
    """
    key_of = {name: lookup_key(name) for name in names}
    documents = documents or [names]
    areas_of: dict[str, set[str]] = {}
    for name, found in (areas or {}).items():
        areas_of.setdefault(key_of.get(name) or lookup_key(name), set()).update(found)
    written: dict[str, str] = {}
    for name in sorted(names):
        key = key_of[name]
        if key and key not in settled:
            written.setdefault(key, name)
    links: dict[str, tuple[str, str, float, frozenset[str]]] = {}
    entry_of: dict[str, int] = {}
    bare: dict[int, list[str]] = {}
    for n, body in enumerate(bodies):
        keys = [k for k in dict.fromkeys(lookup_key(f) for f in body.forms) if k]
        for key in keys:
            entry_of.setdefault(key, n)
        # A person is never a body, whatever an edited list says.
        seen = [k for k in keys if k in written and classify(written[k]) is not Kind.PERSON]
        for key in seen[1:]:
            # each area has its own body of a local kind: two of its forms are one body
            # only where one area's plans write both
            mine, theirs = areas_of.get(seen[0], set()), areas_of.get(key, set())
            if not body.local or not apart(mine, theirs):
                within = _within(mine, theirs) if body.local else frozenset()
                links[key] = (written[seen[0]], SOURCE, LISTED_SCORE, within)
        if body.local and seen:
            bare[n] = seen

    def lead(key: str) -> str:
        return links[key][0] if key in links else written[key]

    local: dict[int, set[str]] = {}
    if bare:
        for key, name in written.items():
            entry = _local_entry(key, name, entry_of)
            if entry in bare and entry != entry_of.get(key):
                local.setdefault(entry, set()).add(lead(key))
    for n, keys in bare.items():
        if len(local.get(n, ())) != 1:
            continue
        (one,) = local[n]
        bare_leads = {lead(k) for k in keys}
        together = (
            {lead(k) for k in (key_of.get(m) or lookup_key(m) for m in d) if k in written}
            for d in documents
        )
        if all(one in d for d in together if d & bare_leads):
            for key in keys:
                if lead(key) != one:
                    rule = f"{SOURCE}: the one local body of its kind"
                    links[key] = (one, rule, LOCAL_SCORE, frozenset())
    return links


def _within(mine: set[str], theirs: set[str]) -> frozenset[str]:
    """Where a local body's form written in ``theirs`` places means the one written in
    ``mine``: the places writing both, and plans that name no place (``""``: they may
    be anyone's); empty (everywhere) when that is every place writing it, or when
    the body itself is written in a plan naming no place.

    >>> sorted(_within({"a"}, {"a", "b"})), sorted(_within({"a", "b"}, {"a"}))
    (['a'], [])
    >>> sorted(_within({"a"}, {"a", "b", ""})), sorted(_within({""}, {"b"}))
    (['', 'a'], [])
    """
    if "" in mine:
        return frozenset()
    holds = (mine & theirs) | (theirs & {""})
    return frozenset(holds) if theirs - holds else frozenset()


def _local_entry(key: str, name: str, entry_of: Mapping[str, int]) -> int | None:
    """The list entry ``name`` is a local body of (``Kent Police``), else None.

    A role (``Head of YJS``) or a person is not a body.
    """
    words = key.split()
    for cut in range(1, len(words)):
        entry = entry_of.get(" ".join(words[cut:]))
        if entry is not None:
            people = ROLE_WORDS | TEAM_WORDS
            if any(w in people for w in words[:cut]) or classify(name) is Kind.PERSON:
                return None
            return entry
    return None


@functools.cache
def _shipped_names() -> frozenset[str]:
    return frozenset(" ".join(f.casefold().split()) for b in load_bodies() for f in b.forms)


def is_listed_name(text: str) -> bool:
    """Whether ``text`` is, word for word, a name in the shipped list (``Police and Crime
    Commissioner``), so ``and`` inside it joins no two leads.

    >>> is_listed_name("Police and Crime Commissioner's Office"), is_listed_name("Police and Health")
    (True, False)
    """
    return " ".join(text.casefold().split()) in _shipped_names()
