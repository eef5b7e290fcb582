"""Versions of a workplan: which document is current, what changed, what went.

Documents with the same title (``normalise.identity.title_identity``: case,
punctuation and the spellings of ``Sub-Group`` and ``Workplan`` aside) and
period are versions of one workplan, ordered by ``SourceRecord.version_key``;
so are titles a letter or two apart, with a ``Review`` row saying the match is
doubtful (and titles a word apart stay two workplans, with the same row). Two
different titles are never versions of each other, even when their short keys
agree (``Child Exploitation`` and ``Children's Education`` are both ``CE
2024-25``): the workplan seen first keeps the key, the next is ``CE 2024-25
(2)``, and a ``Review`` row names both titles. The newest version is current
and its actions are the register's rows. Walking the versions oldest first,
every tracked field that differs from the action's last known value is a
``History`` row; an action an earlier version had and the current one lacks is
kept, flagged ``removed`` and with a ``Removed`` repair in its review trail. A
Word file and its PDF export are two versions with no differences between them.

``Result`` in ``Sources`` says what this run did with each document: a
document becomes ``Replaced`` in the run where a newer version arrives (or in
the run it arrives itself, when it is older than the one already held);
after that it is ``Unchanged``, its message naming the version that is used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from normalise.identity import title_identity, title_matches
from normalise.model import Action, HistoryRecord, Reading, Repair, SourceRecord, Workplan

# How sure the rule is that two titles a word apart are two workplans: it
# cannot tell an edited title from another group's name, so an analyst decides.
DISTINCT_CONFIDENCE = 0.5


def _squash(text: str) -> str:
    return " ".join(text.split())


# The fields whose change is news to an analyst, by their Actions column name.
# Spelling and layout (``Lead (as written)``, ``Timeframe (as written)``,
# ``Location``) are left out: they change without the plan changing.
TRACKED: tuple[tuple[str, Callable[[Action], str]], ...] = (
    ("Priority", lambda a: "" if a.priority is None else str(a.priority)),
    ("Impact", lambda a: _squash(a.impact)),
    ("Action", lambda a: _squash(a.action)),
    ("Themes", lambda a: "; ".join(a.themes)),
    ("Lead", lambda a: "; ".join(a.lead)),
    ("Support", lambda a: "; ".join(a.support)),
    ("Timeframe type", lambda a: a.timeframe.type.value),
    ("Due", lambda a: a.timeframe.due.isoformat() if a.timeframe.due else ""),
    ("Status", lambda a: a.status.value if a.status else ""),
)


@dataclass(frozen=True, slots=True)
class Merged:
    """The register's view of every workplan's versions.

    ``workplans`` holds each workplan's current version, with the actions it
    no longer has appended (flagged); ``sources`` every reading's record with
    the result this run reports.
    """

    workplans: tuple[Workplan, ...]
    history: tuple[HistoryRecord, ...]
    sources: tuple[SourceRecord, ...]


def changes(old: Action, new: Action, source: SourceRecord) -> list[HistoryRecord]:
    """The ``History`` rows from ``old`` to ``new``, one per tracked field that differs."""
    when = source.version_key[0]
    return [
        HistoryRecord(new.register_id, name, get(old), get(new), source.file, when)
        for name, get in TRACKED
        if get(old) != get(new)
    ]


def removed(action: Action, current: SourceRecord, key: str) -> Action:
    """``action`` kept after the current version of its workplan dropped it."""
    flag = Repair(
        "Action",
        action.action_id,
        "Removed",
        f"Removed: not in {current.file}, the newest version of {key}",
    )
    return replace(action, removed=True, review=(flag, *action.review))


def merge_versions(readings: Sequence[Reading]) -> Merged:
    """Current actions, History and this run's results from every document read."""
    workplans: list[Workplan] = []
    history: list[HistoryRecord] = []
    fates: dict[str, tuple[str, str]] = {}
    notes: dict[str, str] = {}
    for chain in distinct_keys(workplan_chains(readings)):
        key = chain.key
        versions = sorted(chain.readings, key=lambda r: r.source.version_key)
        current = versions[-1]
        assert current.workplan is not None
        latest: dict[str, Action] = {}
        for reading in versions:
            assert reading.workplan is not None
            for action in reading.workplan.actions:
                if action.register_id in latest:
                    history += changes(latest[action.register_id], action, reading.source)
                latest[action.register_id] = action
        present = {a.register_id for a in current.workplan.actions}
        gone = tuple(
            removed(a, current.source, key) for rid, a in latest.items() if rid not in present
        )
        workplans.append(
            replace(
                current.workplan,
                actions=current.workplan.actions + gone,
                review=current.workplan.review + chain.notes,
            )
        )
        fates.update(_fates(versions, key))
        if chain.source_note:
            notes.update((r.source.sha256, chain.source_note) for r in chain.readings)
    sources = tuple(
        _noted(_with_fate(r.source, fates.get(r.source.sha256)), notes.get(r.source.sha256))
        for r in readings
    )
    return Merged(tuple(workplans), tuple(history), sources)


@dataclass(frozen=True, slots=True)
class Chain:
    """The versions of one workplan, as read, and its key once keys are settled.

    ``notes`` are ``Review`` rows for the whole workplan (a doubtful title
    match, a shared short key); ``source_note`` goes in each version's
    ``Sources`` message.
    """

    readings: tuple[Reading, ...]
    key: str = ""
    notes: tuple[Repair, ...] = ()
    source_note: str = ""


@dataclass
class _Building:
    """A chain while near-identical titles are joined to it."""

    period: str
    identity: str
    readings: list[Reading]
    notes: list[Repair] = field(default_factory=list)


def workplan_chains(readings: Sequence[Reading]) -> list[Chain]:
    """Group documents into workplans by title and period, in the order first read.

    A copy of a document counted already and a failed document are left out;
    a document with no key stands alone. Titles at most a letter or two apart
    join the workplan seen first (``title_matches``), flagged as doubtful; titles a
    word apart stay apart, flagged the same way.
    """
    groups: dict[str, list[Reading]] = {}
    seen: set[str] = set()
    for reading in readings:
        if reading.workplan is None or reading.source.sha256 in seen:
            continue  # a failed file, or a copy of one already counted
        seen.add(reading.source.sha256)
        groups.setdefault(_group_name(reading), []).append(reading)
    built: list[_Building] = []
    for name in sorted(groups, key=lambda n: (_first_seen(groups[n]), n)):
        group = groups[name]
        workplan = _workplan_of(group[0])
        identity = title_identity(workplan.title)
        if not workplan.key:
            built.append(_Building(workplan.period, "", group))
            continue
        peers = [b for b in built if b.identity and b.period == workplan.period]
        matches = title_matches(identity, [b.identity for b in peers])
        same = next((m for m in matches if m.same), None)
        if same is not None:
            chain = peers[same.index]
            chain.notes.append(_doubtful(group, chain, same.score, one=True))
            chain.readings += group
            continue
        fresh = _Building(workplan.period, identity, group)
        fresh.notes += [_doubtful(group, peers[m.index], m.score, one=False) for m in matches]
        built.append(fresh)
    position = {r.source.sha256: k for k, r in reversed(list(enumerate(readings)))}
    built.sort(key=lambda b: min(position[r.source.sha256] for r in b.readings))
    return [Chain(tuple(b.readings), notes=tuple(b.notes)) for b in built]


def distinct_keys(chains: Sequence[Chain]) -> list[Chain]:
    """Each chain with its own key, every version's Register IDs under it.

    A chain's key is the key of its version read first, so the Register IDs
    an analyst has annotated stay put when a newer version spells the key
    differently. When two chains would share a key, the one read first keeps
    it and the next are ``KEY (2)``, ``KEY (3)``, each with a ``Review`` row
    naming both titles.
    """
    owners: dict[str, str] = {}
    count: Counter[str] = Counter()
    keyed: dict[int, Chain] = {}
    for k in sorted(range(len(chains)), key=lambda k: _first_seen(chains[k].readings)):
        chain = chains[k]
        first = _workplan_of(min(chain.readings, key=_seen))
        base = first.key
        if not base:
            keyed[k] = chain
            continue
        count[base] += 1
        owners.setdefault(base, first.title)
        key = base if count[base] == 1 else f"{base} ({count[base]})"
        readings = tuple(replace(r, workplan=rekeyed(_workplan_of(r), key)) for r in chain.readings)
        if key == base:
            keyed[k] = replace(chain, readings=readings, key=key)
            continue
        rule = (
            f"two workplans share the key {base}: {owners[base]} keeps it, {first.title} is {key}"
        )
        keyed[k] = replace(
            chain,
            readings=readings,
            key=key,
            notes=(*chain.notes, Repair("Workplan", base, key, rule)),
            source_note=f"workplan key {key}: {base} is {owners[base]}",
        )
    return [keyed[k] for k in range(len(chains))]


def rekeyed(workplan: Workplan, key: str) -> Workplan:
    """``workplan`` under ``key``: its own key and each action's Register ID.

    >>> w = Workplan("Child Exploitation", "2024-25", "CE 2024-25", ())
    >>> rekeyed(w, "CE 2024-25 (2)").key
    'CE 2024-25 (2)'
    """
    if workplan.key == key:
        return workplan
    prefix = f"{workplan.key} / "
    actions = tuple(
        replace(a, register_id=f"{key} / {a.register_id[len(prefix) :]}")
        if a.register_id.startswith(prefix)
        else a
        for a in workplan.actions
    )
    return replace(workplan, key=key, actions=actions)


def _workplan_of(reading: Reading) -> Workplan:
    assert reading.workplan is not None  # chains hold only documents that were read
    return reading.workplan


def _group_name(reading: Reading) -> str:
    """Documents with one name here are one workplan's versions for certain."""
    workplan = _workplan_of(reading)
    if not workplan.key:
        return reading.source.sha256
    return f"{workplan.period}|{title_identity(workplan.title)}"


def _seen(reading: Reading) -> tuple[datetime, tuple[datetime, datetime, bool, str]]:
    """When the register first had ``reading``; a tie goes to the older version."""
    return reading.source.ingested_at, reading.source.version_key


def _first_seen(
    readings: Sequence[Reading],
) -> tuple[datetime, tuple[datetime, datetime, bool, str]]:
    return min(_seen(r) for r in readings)


def _doubtful(group: Sequence[Reading], chain: _Building, score: float, *, one: bool) -> Repair:
    """The ``Review`` row for a title near another one: joined (``one``) or kept apart."""
    title = _workplan_of(group[0]).title
    other = _workplan_of(chain.readings[0]).title
    if one:
        rule = f"doubtful match: titles {score:.0f}% alike, read as versions of one workplan"
        return Repair("Workplan", title, other, rule, round(score / 100, 2))
    rule = f"doubtful match: titles {score:.0f}% alike, read as two workplans"
    return Repair("Workplan", other, title, rule, DISTINCT_CONFIDENCE)


def _fates(chain: Sequence[Reading], key: str) -> dict[str, tuple[str, str]]:
    """Result and message for each superseded version in ``chain`` (oldest first)."""
    current = chain[-1].source
    held = [r.source for r in chain if r.source.result != "Ingested"]
    previous = held[-1] if held else None  # the version current before this run
    fates = {}
    for reading in chain[:-1]:
        source = reading.source
        now = source.result == "Ingested" or (source is previous and current.result == "Ingested")
        message = (
            f"replaced by {current.file}, the newest version of {key} ({_when(current)}): "
            + difference(reading, chain[-1])
        )
        fates[source.sha256] = ("Replaced" if now else "Unchanged", message)
    return fates


def difference(older: Reading, newer: Reading) -> str:
    """How ``newer`` differs from ``older``, in words: ``2 changes, 1 action removed``.

    A Word file and its PDF export give ``the same actions``.
    """
    old = {a.register_id: a for a in older.workplan.actions} if older.workplan else {}
    new = {a.register_id: a for a in newer.workplan.actions} if newer.workplan else {}
    changed = sum(len(changes(old[k], new[k], newer.source)) for k in old.keys() & new.keys())
    parts = [
        _count(changed, "change"),
        _count(len(new.keys() - old.keys()), "action added", "actions added"),
        _count(len(old.keys() - new.keys()), "action removed", "actions removed"),
    ]
    return ", ".join(p for p in parts if p) or "the same actions"


def _count(n: int, one: str, many: str | None = None) -> str:
    if not n:
        return ""
    return f"{n} {one}" if n == 1 else f"{n} {many or one + 's'}"


def _when(source: SourceRecord) -> str:
    basis = "saved" if source.modified else "file date"
    return f"{basis} {source.version_key[0]:%Y-%m-%d %H:%M}"


def _noted(source: SourceRecord, note: str | None) -> SourceRecord:
    """``source`` with ``note`` after its message."""
    if not note:
        return source
    return replace(source, message="; ".join(m for m in (source.message, note) if m))


def _with_fate(source: SourceRecord, fate: tuple[str, str] | None) -> SourceRecord:
    if fate is None:
        return source
    result, message = fate
    return replace(
        source, result=result, message="; ".join(m for m in (message, source.message) if m)
    )
