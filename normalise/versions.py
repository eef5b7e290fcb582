"""Versions of a workplan: which document is current, what changed, what went.

Documents with the same workplan key (sub-group and period) are versions of
one workplan, ordered by ``SourceRecord.version_key``. The newest is current
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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from normalise.model import Action, HistoryRecord, Reading, Repair, SourceRecord, Workplan


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
    chains: dict[str, list[Reading]] = {}
    seen: set[str] = set()
    for reading in readings:
        if reading.workplan is None or reading.source.sha256 in seen:
            continue  # a failed file, or a copy of one already counted
        seen.add(reading.source.sha256)
        chains.setdefault(reading.workplan.key or reading.source.sha256, []).append(reading)
    workplans: list[Workplan] = []
    history: list[HistoryRecord] = []
    fates: dict[str, tuple[str, str]] = {}
    for key, chain in chains.items():
        chain.sort(key=lambda r: r.source.version_key)
        current = chain[-1]
        assert current.workplan is not None
        latest: dict[str, Action] = {}
        for reading in chain:
            assert reading.workplan is not None
            for action in reading.workplan.actions:
                if action.register_id in latest:
                    history += changes(latest[action.register_id], action, reading.source)
                latest[action.register_id] = action
        present = {a.register_id for a in current.workplan.actions}
        gone = tuple(
            removed(a, current.source, key) for rid, a in latest.items() if rid not in present
        )
        workplans.append(replace(current.workplan, actions=current.workplan.actions + gone))
        fates.update(_fates(chain, key))
    sources = tuple(_with_fate(r.source, fates.get(r.source.sha256)) for r in readings)
    return Merged(tuple(workplans), tuple(history), sources)


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


def _with_fate(source: SourceRecord, fate: tuple[str, str] | None) -> SourceRecord:
    if fate is None:
        return source
    result, message = fate
    return replace(
        source, result=result, message="; ".join(m for m in (message, source.message) if m)
    )
