"""Rebuild a workplan table's rows into actions.

Rows are first sorted by role (``normalise.bands``): band rows and headings
set the priority and impact of the rows below them; repeated headers, colour
keys and notes are left out and recorded; the rest are action rows.

An action row becomes one action, or several: when its action lists a) b) c)
items whose lead and timeframe cells list the same items; when the cell is
only a list of actions, or a nested table of sub-actions
(``normalise.cells``). Columns are read by role: an Impact cell, merged down
over its actions, is carried to each of them (an Impact cell that the layout
shows to be the rest of a merged Impact cut by a PDF page break is joined to
it; two cells of two rows are never joined); an ID column gives the action id
as written; a Priority column the priority (and the impact, where there is no
Impact column); a Support column the helpers; a theme matrix the themes.
A parent row (``1.1`` with no lead, date or status over rows ``1.1.1``,
``1.1.2`` with their own) heads its sub-actions and is no action
(``normalise.sub_actions.fold_parent_rows``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from normalise.bands import (
    BAND_RULE,
    HEADING_RULE,
    Band,
    RowKind,
    band_text,
    read_band,
    row_kind,
    skipped_row,
)
from normalise.cells import listed_items, theme_matrix, ticked_themes
from normalise.draft import Draft
from normalise.ids import split_action_id, split_priority
from normalise.model import Repair
from normalise.nested import nested_grid_rows, nested_grids, nested_rows
from normalise.sub_actions import (
    fold_parent_rows,
    split_listed,
    split_nested,
    split_owned_items,
    split_sub_actions,
)
from normalise.text import repair_text, strip_own_label
from normalise.themes import ThemeConfig
from parsers.header_words import names_role
from parsers.model import RawCell, RawTable, Role
from parsers.vocabulary import STATUS_WORDS, WORD_PLACEHOLDER, carries_on

LABEL_RULE = "removed the column's own label written before the cell's content"
PLACEHOLDER_RULE = "Word's placeholder for a form field nobody filled in: the cell is empty"
OTHER_LEAD_RULE = "the lead column is empty: the other column naming a lead ({}) stands in"
LATEST_RATING_RULE = (
    "a rating per period side by side (``RAG rating`` over ``Q1``..``Q4``): the latest rated "
    "period's is the status"
)
OWNER_DEADLINE_RULE = (
    "the lead column's header names a deadline too: the text after the cell's last dash "
    "is the timeframe"
)
ID_COLUMN_RULE = "a number before the action text dropped: the id column gives the action id"


@dataclass(frozen=True, slots=True)
class Cells:
    """One table row's cells by role, as written, with where they came from.

    ``action_id`` is the ID column's text, ``None`` when the table has no ID
    column; ``repairs`` records column labels stripped from the cells.
    """

    impact: RawCell | None
    action: str
    themes: str
    lead: str
    timeframe: str
    status_texts: tuple[str, ...]
    fills: tuple[str, ...]
    location: str
    action_id: str | None = None
    support: str = ""
    priority: str = ""
    repairs: tuple[Repair, ...] = ()
    lead_label: str = ""


@dataclass(frozen=True, slots=True)
class TableReading:
    """A table's actions, the rows left out as no action (for the Review sheet), and the
    columns it read as a theme matrix."""

    drafts: tuple[Draft, ...]
    left_out: tuple[Repair, ...] = ()
    matrix: tuple[int, ...] = ()  # the columns read as a theme matrix


# Cells whose column label, written before their content, is dropped here:
# those read into another form (an id, a number, theme and helper names). The
# Lead and Timeframe cells are shown as written, so they keep it: the lead
# splitter reads the lead without it (``Draft.lead_label``), and a timeframe
# is found inside its cell's text.
_LABELLED = {
    Role.SUPPORT: "Support",
    Role.THEMES: "Themes",
    Role.ID: "Action ID",
    Role.PRIORITY: "Priority",
}


def row_cells(
    row: Sequence[RawCell],
    roles: Sequence[Role],
    header: Sequence[str] = (),
    matrix: Mapping[int, str] | None = None,
) -> Cells | None:
    """One data row's cells by role; ``None`` for a row with nothing in it.

    The first column of each role is read (theme matrix columns are not a
    Themes column: their ticks become theme names); a cell that starts with
    its column's label and a colon loses the label.
    """
    matrix = matrix or {}
    by_role: dict[Role, RawCell] = {}
    labels: dict[Role, str] = {}
    for k, (cell, role) in enumerate(zip(row, roles, strict=False)):
        if role is not Role.OTHER and role not in by_role and k not in matrix:
            by_role[role] = cell
            labels[role] = header[k] if k < len(header) else ""
    repairs = []
    latest = _latest_rating(row, roles, header)
    if latest is not None and by_role.get(Role.STATUS) is not row[latest]:
        by_role[Role.STATUS] = row[latest]
        repairs.append(
            Repair("Status", labels[Role.STATUS], header[latest], LATEST_RATING_RULE, 0.9)
        )
    texts = {role: (cell.text or "") for role, cell in by_role.items()}
    for role, text in texts.items():
        if WORD_PLACEHOLDER.fullmatch(text.strip()):  # a Word form field nobody filled in
            repairs.append(Repair(role.value.title(), text.strip(), "", PLACEHOLDER_RULE, 0.95))
            texts[role] = ""
    if not texts.get(Role.LEAD, "").strip():
        stand_in = _other_lead(row, roles, header)
        if stand_in is not None:
            k, text = stand_in
            repairs.append(Repair("Lead", "", text.strip(), OTHER_LEAD_RULE.format(header[k]), 0.8))
            texts[Role.LEAD] = text
    ticked = ticked_themes(row, matrix)
    if (
        not any(t.strip() for r, t in texts.items() if r is not Role.STATUS)
        and not ticked
        and not any(c.fill for c in row if c.text is not None and c is not by_role.get(Role.IMPACT))
    ):
        return None
    for role, name in _LABELLED.items():
        if role in texts:
            stripped = strip_own_label(texts[role], labels[role])
            if stripped != texts[role]:
                repairs.append(Repair(name, texts[role].strip(), stripped.strip(), LABEL_RULE, 0.9))
                texts[role] = stripped
    # a lead column headed for a deadline too (``Owner – deadline``), and no timeframe column
    owns_deadline = Role.TIMEFRAME not in texts and names_role(
        labels.get(Role.LEAD, ""), Role.TIMEFRAME
    )
    if Role.LEAD in texts and owns_deadline:
        owner, deadline = split_owner_deadline(texts[Role.LEAD])
        if deadline:
            repairs.append(Repair("Timeframe", "", deadline, OWNER_DEADLINE_RULE, 0.9))
            texts[Role.LEAD], texts[Role.TIMEFRAME] = owner, deadline
    status = by_role.get(Role.STATUS)
    fills = [status.fill] if status is not None and status.fill else []
    fills += [
        c.fill for c in row if c.fill and c.text is not None and c is not by_role.get(Role.IMPACT)
    ]
    themes = "; ".join(t for t in (texts.get(Role.THEMES, "").strip(), *ticked) if t)
    return Cells(
        impact=by_role.get(Role.IMPACT),
        action=texts.get(Role.ACTION, ""),
        themes=themes,
        lead=texts.get(Role.LEAD, ""),
        timeframe=texts.get(Role.TIMEFRAME, ""),
        status_texts=(texts.get(Role.STATUS, ""),) if Role.STATUS in texts else (),
        fills=tuple(dict.fromkeys(fills)),
        location=_location(row),
        action_id=texts.get(Role.ID),
        support=texts.get(Role.SUPPORT, ""),
        priority=texts.get(Role.PRIORITY, ""),
        repairs=tuple(repairs),
        lead_label=labels.get(Role.LEAD, ""),
    )


def _other_lead(
    row: Sequence[RawCell], roles: Sequence[Role], header: Sequence[str]
) -> tuple[int, str] | None:
    """The first filled cell of a column the header names a lead but was not taken as the
    Lead (``Lead agency`` beside ``Named lead``): ``(column, text)``, or None."""
    for k, (cell, role) in enumerate(zip(row, roles, strict=False)):
        text = (cell.text or "").strip()
        named = role is Role.OTHER and k < len(header) and names_role(header[k], Role.LEAD)
        if named and text and not WORD_PLACEHOLDER.fullmatch(text):
            return k, text
    return None


# A status word opening a cell's text, then a dash or colon (``GREEN – on track``,
# ``Amber: recovery plan agreed``).
_OPENING = re.compile(r"\s*(?P<word>[A-Za-z]+(?:[ -][A-Za-z]+)?)\s*[–—:-]\s")
OPENING_STATUS_RULE = "the status is the word opening the {} cell (no status column)"


def status_opening_column(
    roles: Sequence[Role], rows: Sequence[Sequence[RawCell]], matrix: Mapping[int, str]
) -> int | None:
    """A column whose cells open with a status word (``GREEN – ...``), where the table has
    no status column: a progress update written after its RAG word. Most of its filled
    cells (three in five, two at least) must open so."""
    if Role.STATUS in roles:
        return None
    for k, role in enumerate(roles):
        if role is not Role.OTHER or k in matrix:
            continue
        texts = [row[k].text or "" for row in rows if k < len(row) and (row[k].text or "").strip()]
        opened = [t for t in texts if _opening_word(t)]
        if len(opened) >= 2 and 5 * len(opened) >= 3 * len(texts):
            return k
    return None


def _opening_word(text: str) -> str:
    """The status word opening ``text`` before a dash or colon, or ""."""
    match = _OPENING.match(text)
    return match["word"] if match and STATUS_WORDS.fullmatch(match["word"]) else ""


def _opening_status(cells: Cells, row: Sequence[RawCell], k: int, header: Sequence[str]) -> Cells:
    """``cells`` with the status word opening column ``k``'s cell as their status text."""
    word = _opening_word(row[k].text or "") if k < len(row) else ""
    if not word:
        return cells
    label = header[k] if k < len(header) else "progress"
    note = Repair("Status", "", word, OPENING_STATUS_RULE.format(label), 0.85)
    return replace(cells, status_texts=(word,), repairs=(*cells.repairs, note))


def status_series(header: Sequence[str], at: int) -> list[int]:
    """The status column ``at`` and the columns beside it rating the same thing per period.

    Their labels are one group's label over each period's (``RAG rating Q1``,
    ``RAG rating Q2``: the header's rows joined); the group's label names a
    status. Just ``[at]`` when the column stands alone.

    >>> status_series(["Action", "RAG rating Q1", "RAG rating Q2", "Notes"], 1)
    [1, 2]
    >>> status_series(["Action", "Status", "RAG"], 1)
    [1]
    """
    group, _, period = header[at].rpartition(" ") if at < len(header) else ("", "", "")
    if not group or not period or not names_role(group, Role.STATUS):
        return [at]
    series = [at]
    for k in range(at + 1, len(header)):
        other, _, next_period = header[k].rpartition(" ")
        if other != group or not next_period:
            break
        series.append(k)
    return series


def _latest_rating(
    row: Sequence[RawCell], roles: Sequence[Role], header: Sequence[str]
) -> int | None:
    """The column of the last rated period of a status series (``status_series``), if any."""
    at = next((k for k, role in enumerate(roles) if role is Role.STATUS), None)
    if at is None:
        return None
    series = _series(tuple(header), at)
    rated = [
        k
        for k in series
        if k < len(row) and row[k].text is not None and ((row[k].text or "").strip() or row[k].fill)
    ]
    return rated[-1] if len(series) > 1 and rated else None


@functools.lru_cache(maxsize=256)  # one answer a table, asked once a row
def _series(header: tuple[str, ...], at: int) -> tuple[int, ...]:
    return tuple(status_series(header, at))


# A dash between spaces (en, em or a hyphen): what separates an owner from a
# deadline written in one cell. A line break is not enough: it as often parts two owners.
_OWNER_DEADLINE = re.compile(r"\s+[–—-]\s+")


def split_owner_deadline(text: str) -> tuple[str, str]:
    """``(owner, deadline)`` of a cell of a column headed for both (``Owner – deadline``):
    split at its last dash between spaces; ``(text, "")`` when it has none.

    >>> split_owner_deadline("Jo Brown – 31/03/2026")
    ('Jo Brown', '31/03/2026')
    >>> split_owner_deadline("Head of Service - Children – Q4 2025/26")
    ('Head of Service - Children', 'Q4 2025/26')
    >>> split_owner_deadline("Jo Brown")
    ('Jo Brown', '')
    """
    stripped = text.strip()
    found = list(_OWNER_DEADLINE.finditer(stripped))
    if not found:
        return text, ""
    owner, deadline = stripped[: found[-1].start()], stripped[found[-1].end() :]
    return (owner, deadline) if owner and deadline else (text, "")


def _location(row: Sequence[RawCell]) -> str:
    first = next((c for c in row if c.text is not None), row[0])
    p = first.provenance
    pages = sorted({page for c in row for page in c.provenance.pages})
    where = f"table {p.table + 1}, row {p.row + 1}"
    if pages:
        shown = f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}-{pages[-1]}"
        return f"{shown}; {where}"
    return where


@dataclass(slots=True)
class _Scene:
    """What the rows above say about the next action: its priority and impact."""

    impact: str = ""
    priority: int | None = None
    band_priority: int | None = None
    impact_cell: RawCell | None = None
    repairs: tuple[Repair, ...] = ()

    def band(self, band: Band) -> None:
        self.impact, self.priority, self.band_priority = band.impact, band.priority, band.priority
        self.impact_cell = None
        self.repairs = (band.repair,)

    def impact_from(
        self, cell: RawCell, labels: Mapping[Role, str], all_labels: Sequence[str]
    ) -> None:
        raw_impact = cell.text or ""
        number, text = split_priority(raw_impact)
        cut = self.impact_cell is not None and continues_over_page(self.impact_cell, cell)
        self.impact_cell = cell
        if number is None and self.impact and cut and carries_on(self.impact, text):
            self.impact, _ = repair_text(f"{self.impact} {text}", "Impact")
            joined = Repair(
                "Impact",
                text.strip(),
                self.impact,
                "joined an Impact cell cut by a page break",
                0.9,
            )
            self.repairs = (*self.repairs, joined)
            return
        self.impact, repairs = repair_text(
            text, "Impact", own_label=labels.get(Role.IMPACT, ""), header_labels=all_labels
        )
        self.priority = number if number is not None else self.band_priority
        self.repairs = repairs


def drafts(table: RawTable, themes: ThemeConfig | None = None) -> list[Draft]:
    """The table's action rows as drafts, impact carried down and text repaired."""
    return list(read_table(table, themes).drafts)


# Columns whose cell, merged down over several actions, belongs to each of them
# (one lead, one date for the rows it covers). The Impact is carried by the scene.
_SHARED_DOWN = frozenset({Role.LEAD, Role.SUPPORT, Role.TIMEFRAME, Role.THEMES})


def shared_down(
    rows: Sequence[Sequence[RawCell]], index: int, roles: Sequence[Role]
) -> tuple[RawCell, ...]:
    """Row ``index`` with each position a merged Lead, Support, Timeframe or Themes cell
    covers given that cell's text: the document wrote it once for all those rows.

    >>> from parsers.model import Provenance
    >>> lead = RawCell("Ann", Provenance("t", 0, 0, 1), row_span=2)
    >>> rows = [(RawCell("Do a", Provenance("t", 0, 0, 0)), lead),
    ...         (RawCell("Do b", Provenance("t", 0, 1, 0)), RawCell(None, Provenance("t", 0, 1, 1)))]
    >>> [c.text for c in shared_down(rows, 1, (Role.ACTION, Role.LEAD))]
    ['Do b', 'Ann']
    """
    row = tuple(rows[index])
    out = list(row)
    for k, cell in enumerate(row):
        if cell.text is not None or k >= len(roles) or roles[k] not in _SHARED_DOWN:
            continue
        for above in range(index - 1, -1, -1):
            origin = rows[above][k] if k < len(rows[above]) else None
            if origin is None or origin.text is None:
                continue
            if above + origin.row_span > index and origin.col_span == 1:
                out[k] = RawCell(origin.text, cell.provenance, 1, 1, origin.fill, origin.nested)
            break
    return tuple(out)


def read_table(table: RawTable, themes: ThemeConfig | None = None) -> TableReading:
    """The table's actions, and a record of each row that is no action.

    ``themes`` lets a theme matrix (columns named after themes, holding
    ticks) be read; without it such columns are left alone.
    """
    labels = dict(zip(table.roles, table.header, strict=False))
    all_labels = tuple(h for h in table.header if h.strip())
    scene_columns = [k for k, r in enumerate(table.roles) if r in (Role.IMPACT, Role.PRIORITY)]
    kinds = [row_kind(row, table.header, table.roles, scene_columns) for row in table.rows]
    grids = nested_grids(table)
    for nested_at in grids.values():
        for at in nested_at:
            kinds[at] = RowKind.NESTED
    action_rows = [
        row for row, kind in zip(table.rows, kinds, strict=True) if kind is RowKind.ACTION
    ]
    matrix = theme_matrix(table.header, action_rows, themes) if themes is not None else {}
    opening = status_opening_column(table.roles, action_rows, matrix)
    headings: dict[int, list[str]] = {}
    for at, text in table.headings:
        headings.setdefault(at, []).append(text)
    scene = _Scene()
    out: list[Draft] = []
    left_out: list[Repair] = []
    for index, (row, kind) in enumerate(zip(table.rows, kinds, strict=True)):
        for text in headings.get(index, ()):
            if text.strip():
                scene.band(read_band(text, HEADING_RULE))
        if kind is RowKind.BAND:
            scene.band(read_band(band_text(row, table.roles, scene_columns) or "", BAND_RULE))
            continue
        if kind is RowKind.NESTED:
            continue  # read with the action whose cell holds it
        if kind is not RowKind.ACTION:
            left_out.append(skipped_row(kind, row, _location(row)))
            continue
        cells = row_cells(
            shared_down(table.rows, index, table.roles), table.roles, table.header, matrix
        )
        if cells is None:
            continue
        if opening is not None and not cells.status_texts:
            cells = _opening_status(cells, row, opening, table.header)
        if cells.impact is not None and cells.impact.text and cells.impact.text.strip():
            scene.impact_from(cells.impact, labels, all_labels)
        if cells.priority.strip():
            from_column = read_band(cells.priority)
            if from_column.priority is not None:
                scene.priority = from_column.priority
            if Role.IMPACT not in table.roles:
                scene.impact = from_column.impact
        inner = [table.rows[at] for at in grids.get(index, ())]
        draft = _draft(cells, scene, labels, all_labels, inner)
        if draft is not None:
            out.extend(draft)
    return TableReading(tuple(fold_parent_rows(out)), tuple(left_out), tuple(sorted(matrix)))


def _draft(
    cells: Cells,
    scene: _Scene,
    labels: Mapping[Role, str],
    all_labels: Sequence[str],
    inner: Sequence[Sequence[RawCell]] = (),
) -> list[Draft] | None:
    """The drafts of one action row; ``None`` for a row that only states a priority.

    ``inner`` are the rows of a table nested in the action cell, when the
    reader gave them as rows of the grid.
    """
    nested = nested_rows(cells.action) if not inner else nested_grid_rows(cells.action, inner)
    source = nested[0] if nested is not None else cells.action
    action, action_repairs = repair_text(
        source, "Action", own_label=labels.get(Role.ACTION, ""), header_labels=all_labels
    )
    own_items = listed_items(action) if cells.action_id is None else None
    if own_items is not None and all(own_id for own_id, _ in own_items):
        action_id: str | None = None  # each line writes its own id
    elif cells.action_id is None:
        action_id, action = split_action_id(action)
    else:
        action_id, action, dropped = _id_from_column(cells.action_id, action)
        action_repairs = (*action_repairs, *dropped)
    if not (
        cells.action.strip()
        or cells.lead.strip()
        or cells.timeframe.strip()
        or cells.themes.strip()
        or cells.support.strip()
        or (cells.action_id or "").strip()
    ):
        return None  # a row that only states a priority's Impact: the actions below carry it
    draft = Draft(
        impact=scene.impact,
        priority=scene.priority,
        action_id=action_id,
        action=action,
        themes=cells.themes,
        lead=cells.lead,
        timeframe=cells.timeframe,
        status_texts=cells.status_texts,
        fills=cells.fills,
        location=cells.location,
        repairs=scene.repairs + cells.repairs + action_repairs,
        support=cells.support,
        lead_label=cells.lead_label,
    )
    if nested is not None:
        return split_nested(draft, nested[1])
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
    split = split_sub_actions(draft)
    if len(split) > 1 or split[0] is not draft:
        return split
    split = split_owned_items(draft)
    if len(split) > 1:
        return split
    return split_listed(draft, own_items if action_id is None and own_items else None)


def _id_from_column(written: str, action: str) -> tuple[str | None, str, tuple[Repair, ...]]:
    """The id an ID column writes, and the action text without a number written before it.

    The id is kept exactly as written. An empty id cell gives no id (it is
    inferred later, and flagged) and the text keeps any number it starts with.
    """
    action_id = " ".join(written.split()) or None
    if action_id is None:
        return None, action, ()
    text_id, rest = split_action_id(action)
    if text_id is None:
        return action_id, action, ()
    same = text_id.casefold() == (split_action_id(action_id)[0] or action_id).casefold()
    dropped = () if same else (Repair("Action", action, rest, ID_COLUMN_RULE, 0.7),)
    return action_id, rest, dropped


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
