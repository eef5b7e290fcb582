"""One table row to several actions: a) b) c) items, listed actions, nested sub-action tables.

The rules for telling a list of actions from one action whose text holds a
list are in ``normalise.cells``; here the row's draft is cut up along them,
each cut recorded on the actions it made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from normalise.cells import listed_items, stem_items
from normalise.draft import Draft
from normalise.ids import split_sub_items
from normalise.leads.words import stands_alone
from normalise.model import Repair
from normalise.nested import NestedRow
from normalise.text import repair_text
from normalise.timeframes import find_timeframe_in_text, split_final_parenthesis

LISTED_RULE = "a cell listing several actions read as one action each"
LISTED_ID_RULE = (
    "inferred action id: the row's id and a letter, for one of several actions listed in one cell"
)
NESTED_RULE = "split a nested table of sub-actions into one action each"
OWNED_ITEMS_RULE = (
    "a list under a stem whose every item names its own lead in brackets: one action per item, "
    "the stem before it, the bracket its lead"
)


def split_sub_actions(draft: Draft) -> list[Draft]:
    """Split a) b) c) items into sub-actions when lead or timeframe list the same items."""
    stem, items = split_sub_items(draft.action)
    if len(items) < 2 or draft.action_id is None:
        return [draft]
    letters = [letter for letter, _ in items]
    lists = {}
    for name, text in (("Lead", draft.lead), ("Timeframe", draft.timeframe)):
        own_stem, own_items = split_sub_items(text)
        if own_items:
            lists[name] = (own_stem, own_items)
    if not lists:
        return [draft]
    if any([letter for letter, _ in own] != letters for _, own in lists.values()):
        note = Repair(
            "Action",
            draft.action,
            draft.action,
            "a) b) c) items do not line up with the lead or timeframe lists: kept as one action",
            0.5,
        )
        return [replace(draft, repairs=(*draft.repairs, note))]
    out = []
    for k, (letter, item) in enumerate(items):
        lead = lists["Lead"][1][k][1] if "Lead" in lists else draft.lead
        timeframe = lists["Timeframe"][1][k][1] if "Timeframe" in lists else draft.timeframe
        text = f"{stem} {item}".strip() if stem else item
        note = Repair(
            "Action ID",
            draft.action_id,
            f"{draft.action_id}{letter}",
            "split a) b) c) items into sub-actions",
            0.9,
        )
        out.append(
            replace(
                draft,
                action_id=f"{draft.action_id}{letter}",
                action=text,
                lead=lead,
                timeframe=timeframe,
                repairs=(*draft.repairs, note),
            )
        )
    return out


def _cell_list(text: str) -> list[str] | None:
    """A lead or timeframe cell's items when it is a list (``a)`` items, bullets), else ``None``."""
    items = listed_items(text)
    if items is not None:
        return [item for _, item in items]
    _, lettered = split_sub_items(text)
    return [item for _, item in lettered] if len(lettered) >= 2 else None


def split_owned_items(draft: Draft) -> list[Draft]:
    """One action per item of a stem's list when every item closes with its own lead in brackets.

    ``Raise awareness of scams:`` over ``• Talks at every scheme (Housing
    Manager)`` and ``• A leaflet with every letter (Comms Lead)`` is two
    actions, ``Raise awareness of scams: Talks at every scheme`` led by the
    Housing Manager and the other by the Comms Lead; they share the row's
    timeframe and status, and take its id and a letter (``1.2a``). A bracket
    holding a timeframe (``(March 2026)``) or anything else that does not
    read as a lead on its own (``(Child O RR)``, a reference) is no lead, so
    such a list stays one action. The row's own Lead cell is recorded, not used.
    """
    found = stem_items(draft.action)
    if found is None or draft.action_id is None:
        return [draft]
    stem, items = found
    owned = [split_final_parenthesis(item) for item in items]
    if not all(_owns(own, item) for own, item in zip(owned, items, strict=True)):
        return [draft]
    out = []
    for k, own in enumerate(owned):
        assert own is not None
        text, lead = own
        action_id = f"{draft.action_id}{chr(ord('a') + k)}"
        notes = (
            Repair("Action", draft.action, f"{stem} {text}", OWNED_ITEMS_RULE, 0.8),
            Repair("Action ID", draft.action_id, action_id, OWNED_ITEMS_RULE, 0.8),
            Repair("Lead", draft.lead, lead, OWNED_ITEMS_RULE, 0.8),
        )
        out.append(
            replace(
                draft,
                action_id=action_id,
                action=f"{stem} {text}",
                lead=lead,
                repairs=(*draft.repairs, *notes),
            )
        )
    return out


def _owns(own: tuple[str, str] | None, item: str) -> bool:
    """Whether an item's closing bracket (``own``: text before, content) names its lead:
    text before it, and a bracket that reads as a lead on its own (a person, a body, a
    role), not a timeframe or a reference (``(Child O RR)``, ``(case audit)``)."""
    return (
        own is not None
        and bool(own[0])
        and stands_alone(own[1])
        and find_timeframe_in_text(item) is None
    )


def split_listed(
    draft: Draft, own_items: list[tuple[str | None, str]] | None = None
) -> list[Draft]:
    """One action per item of an action cell that is only a list of actions.

    The items share the row's lead and timeframe, or take one each when those
    cells list as many items. An item's id is its own (``1.2``) when it
    writes one, else the row's id and a letter (flagged), else none (inferred
    later, and flagged).
    """
    items = own_items or listed_items(draft.action)
    if items is None:
        return [draft]
    lists = {
        name: _cell_list(text)
        for name, text in (("Lead", draft.lead), ("Timeframe", draft.timeframe))
    }
    if any(own is not None and len(own) != len(items) for own in lists.values()):
        note = Repair(
            "Action",
            draft.action,
            draft.action,
            "the listed actions do not line up with the lead or timeframe lists: kept as one action",
            0.5,
        )
        return [replace(draft, repairs=(*draft.repairs, note))]
    out = []
    for k, (own_id, text) in enumerate(items):
        notes = [Repair("Action", draft.action, text, LISTED_RULE, 0.8)]
        action_id = own_id
        if action_id is None and draft.action_id is not None:
            action_id = f"{draft.action_id}{chr(ord('a') + k)}"
            notes.append(Repair("Action ID", draft.action_id, action_id, LISTED_ID_RULE, 0.7))
        lead_items, timeframe_items = lists["Lead"], lists["Timeframe"]
        out.append(
            replace(
                draft,
                action_id=action_id,
                action=text,
                lead=lead_items[k] if lead_items is not None else draft.lead,
                timeframe=timeframe_items[k] if timeframe_items is not None else draft.timeframe,
                repairs=(*draft.repairs, *notes),
            )
        )
    return out


def split_nested(draft: Draft, rows: Sequence[NestedRow]) -> list[Draft]:
    """One sub-action per row of a nested table, with the row's own lead and timeframe."""
    out = []
    for k, row in enumerate(rows):
        text, _ = repair_text(row.action, "Action")
        letter = row.own_id if len(row.own_id) == 1 else chr(ord("a") + k)
        action_id = row.own_id if len(row.own_id) > 1 else None
        if action_id is None and draft.action_id:
            action_id = f"{draft.action_id}{letter}"
        note = Repair("Action ID", draft.action_id or "", action_id or "", NESTED_RULE, 0.8)
        out.append(
            replace(
                draft,
                action_id=action_id,
                action=f"{draft.action} {text}".strip() if draft.action else text,
                lead=row.lead or draft.lead,
                timeframe=row.timeframe or draft.timeframe,
                repairs=(*draft.repairs, note),
            )
        )
    return out


PARENT_RULE = (
    "a parent row (an id its sub-actions' ids extend, no lead, timeframe or status) heads its "
    "sub-actions like an objective: not an action, its text kept here"
)


def fold_parent_rows(drafts: Sequence[Draft]) -> list[Draft]:
    """Drop the parent rows that head sub-action rows, their text kept on each sub-action.

    A parent is a draft with an id and text but no lead, timeframe, support,
    themes or status (text or fill), followed at once by drafts whose ids extend
    its id by a further number (``1.1`` over ``1.1.1``, ``1.1.2``), at least one
    of which has a lead or timeframe of its own. It heads them as an objective
    heads its actions; each sub-action keeps its own text and records the parent's.

    >>> def d(i, text, lead=""):
    ...     return Draft("", 1, i, text, "", lead, "", ("",), (), "")
    >>> [x.action_id for x in fold_parent_rows([d("1.1", "Plan"), d("1.1.1", "Do", "Ann")])]
    ['1.1.1']
    """
    heads: dict[int, str] = {}  # position of a sub-action -> its parent's text
    parents: set[int] = set()
    for k, draft in enumerate(drafts):
        children = _children(draft, drafts[k + 1 :])
        if children and any(c.lead.strip() or c.timeframe.strip() for c in children):
            parents.add(k)
            written = f"{draft.action_id} {draft.action}".strip()
            for n in range(k + 1, k + 1 + len(children)):
                heads.setdefault(n, written)
    return [
        replace(d, repairs=(*d.repairs, Repair("Action", heads[k], d.action, PARENT_RULE, 0.8)))
        if k in heads
        else d
        for k, d in enumerate(drafts)
        if k not in parents
    ]


def _children(draft: Draft, below: Sequence[Draft]) -> list[Draft]:
    """The drafts right below a heading-like ``draft`` whose ids extend its id."""
    if (
        not draft.action_id
        or "." not in draft.action_id  # "1" over "1.1" is a priority, not a parent action
        or not draft.action.strip()
        or any(t.strip() for t in (draft.lead, draft.timeframe, draft.support, draft.themes))
        or any(t.strip() for t in draft.status_texts)
        or draft.fills
    ):
        return []
    prefix = f"{draft.action_id.strip()}.".casefold()
    children = []
    for child in below:
        rest = (child.action_id or "").strip().casefold().removeprefix(prefix)
        if rest == (child.action_id or "").strip().casefold() or not rest[:1].isdigit():
            break
        children.append(child)
    return children
