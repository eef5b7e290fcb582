"""Rebuild a workplan table's rows into actions.

A row of the table becomes one action, or several when its action lists
a) b) c) items whose lead and timeframe cells list the same items. The
Impact cell, merged down over its actions, is carried to each of them; an
Impact cell that the layout shows to be the rest of a merged Impact cut by a
PDF page break is joined to it. Two cells of two rows are never joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from normalise.ids import split_action_id, split_priority, split_sub_items
from normalise.model import Repair
from normalise.text import repair_text
from parsers.model import RawCell, RawTable, Role

_TERMINAL = re.compile(r"[.!?;)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Cells:
    """One table row's cells by role, as written, with where they came from."""

    impact: RawCell | None
    action: str
    themes: str
    lead: str
    timeframe: str
    status_texts: tuple[str, ...]
    fills: tuple[str, ...]
    location: str


@dataclass(frozen=True, slots=True)
class Draft:
    """An action before its identity, timeframe, themes and leads are settled."""

    impact: str
    priority: int | None
    action_id: str | None
    action: str
    themes: str
    lead: str
    timeframe: str
    status_texts: tuple[str, ...]
    fills: tuple[str, ...]
    location: str
    repairs: tuple[Repair, ...] = field(default=())


def row_cells(table: RawTable) -> list[Cells]:
    """Each data row's cells by role; rows with nothing in them are left out."""
    roles = table.roles
    out = []
    for row in table.rows:
        by_role: dict[Role, RawCell] = {}
        for cell, role in zip(row, roles, strict=False):
            if role is not Role.OTHER and role not in by_role:
                by_role[role] = cell
        texts = {role: (cell.text or "") for role, cell in by_role.items()}
        if not any(t.strip() for r, t in texts.items() if r is not Role.STATUS) and not any(
            c.fill for c in row if c.text is not None and c is not by_role.get(Role.IMPACT)
        ):
            continue
        status = by_role.get(Role.STATUS)
        fills = [status.fill] if status is not None and status.fill else []
        fills += [
            c.fill
            for c in row
            if c.fill and c.text is not None and c is not by_role.get(Role.IMPACT)
        ]
        out.append(
            Cells(
                impact=by_role.get(Role.IMPACT),
                action=texts.get(Role.ACTION, ""),
                themes=texts.get(Role.THEMES, ""),
                lead=texts.get(Role.LEAD, ""),
                timeframe=texts.get(Role.TIMEFRAME, ""),
                status_texts=(texts.get(Role.STATUS, ""),) if Role.STATUS in texts else (),
                fills=tuple(dict.fromkeys(fills)),
                location=_location(row),
            )
        )
    return out


def _location(row: Sequence[RawCell]) -> str:
    first = next((c for c in row if c.text is not None), row[0])
    p = first.provenance
    pages = sorted({page for c in row for page in c.provenance.pages})
    where = f"table {p.table + 1}, row {p.row + 1}"
    if pages:
        shown = f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}-{pages[-1]}"
        return f"{shown}; {where}"
    return where


def drafts(table: RawTable) -> list[Draft]:
    """The table's rows as drafts, impact carried down and text repaired."""
    labels = dict(zip(table.roles, table.header, strict=False))
    all_labels = tuple(h for h in table.header if h.strip())
    impact, priority = "", None
    impact_cell: RawCell | None = None
    impact_repairs: tuple[Repair, ...] = ()
    out: list[Draft] = []
    for cells in row_cells(table):
        raw_impact = cells.impact.text if cells.impact is not None else None
        if cells.impact is not None and raw_impact and raw_impact.strip():
            number, text = split_priority(raw_impact)
            cut = impact_cell is not None and continues_over_page(impact_cell, cells.impact)
            impact_cell = cells.impact
            if number is None and impact and cut and _continues(impact, text):
                impact, repairs = repair_text(f"{impact} {text}", "Impact")
                impact_repairs = (
                    *impact_repairs,
                    Repair(
                        "Impact",
                        text.strip(),
                        impact,
                        "joined an Impact cell cut by a page break",
                        0.9,
                    ),
                )
            else:
                impact, repairs = repair_text(
                    text, "Impact", own_label=labels.get(Role.IMPACT, ""), header_labels=all_labels
                )
                priority = number
                impact_repairs = repairs
        action, action_repairs = repair_text(
            cells.action, "Action", own_label=labels.get(Role.ACTION, ""), header_labels=all_labels
        )
        action_id, action = split_action_id(action)
        if not (
            cells.action.strip()
            or cells.lead.strip()
            or cells.timeframe.strip()
            or cells.themes.strip()
        ):
            continue  # a row that only states a priority's Impact: the actions below carry it
        draft = Draft(
            impact=impact,
            priority=priority,
            action_id=action_id,
            action=action,
            themes=cells.themes,
            lead=cells.lead,
            timeframe=cells.timeframe,
            status_texts=cells.status_texts,
            fills=cells.fills,
            location=cells.location,
            repairs=impact_repairs + action_repairs,
        )
        if not action.strip() and cells.action.strip():
            draft = replace(
                draft,
                repairs=(
                    *draft.repairs,
                    Repair(
                        "Action",
                        cells.action.strip(),
                        "",
                        "action cell has no text after repair: kept for review",
                        0.3,
                    ),
                ),
            )
        out.extend(_split_sub_actions(draft))
    return out


def continues_over_page(above: RawCell, cell: RawCell) -> bool:
    """Whether ``cell`` is the rest of the merged cell ``above``, cut by a page break.

    Only the layout can say so: ``cell`` starts on the page after the one
    ``above`` ends on, in the grid row right under the rows ``above`` covers,
    and one of the two parts covers several rows (a merged cell). Word tables
    have no pages, so their cells are never joined; two single-row cells of two
    rows are two cells, whatever their words.
    """
    if not above.provenance.pages or not cell.provenance.pages:
        return False
    return (
        min(cell.provenance.pages) == max(above.provenance.pages) + 1
        and cell.provenance.row == above.provenance.row + above.row_span
        and cell.provenance.col == above.provenance.col
        and (above.row_span > 1 or cell.row_span > 1)
    )


def _continues(previous: str, text: str) -> bool:
    """An Impact fragment that carries on the one above: it starts in lower case, or
    the one above stops mid-sentence."""
    stripped = text.strip()
    return bool(stripped) and (stripped[0].islower() or not _TERMINAL.search(previous))


def _split_sub_actions(draft: Draft) -> list[Draft]:
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
