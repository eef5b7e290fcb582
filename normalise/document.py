"""One parsed document to its workplan: identity, then each draft to a typed action."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from normalise.cells import lead_with_support
from normalise.draft import Draft
from normalise.identity import Identity, identity
from normalise.ids import find_duplicate_ids, infer_missing_ids, priority_of_id
from normalise.leads.initials import InitialsKey, initials_key
from normalise.model import Action, Repair, Timeframe, TimeframeType, Workplan
from normalise.rows import LABEL_RULE, read_table
from normalise.settings import DocumentSettings
from normalise.status import TextKey, key_records, row_status, text_key
from normalise.text import strip_own_label
from normalise.themes import ThemeConfig, extend_with_footnote, match_themes, themes_from_footnote
from normalise.timeframes import find_timeframe_in_text, parse_timeframe
from parsers.errors import DocumentError
from parsers.header_words import names_nothing
from parsers.model import RawDocument, RawTable, Role


def normalise_document(raw: RawDocument, settings: DocumentSettings) -> Workplan:
    """Turn a parsed document into its workplan's actions, every repair recorded.

    Leads are split into mentions and tidied here; making one canonical name
    per person across documents is ``build_register``'s job.
    """
    # a running header repeated on every page (a PDF gives it among the title lines too)
    # is read after the title, as Word's page header is
    running = set(raw.page_lines)
    title = [line for line in raw.title_lines if line not in running]
    ident = identity((*title, *raw.page_lines), Path(raw.path).stem)
    themes = settings.themes
    for note in raw.footnotes:
        phrases = themes_from_footnote(note.text)
        if phrases:
            themes = extend_with_footnote(themes, phrases)
    text = raw.title_lines + raw.trailing_text + raw.loose_text
    keys = _Keys(text_key(text), initials_key(text))
    rows: list[Draft] = []
    left_out: list[Repair] = []
    for table in raw.tables:
        reading = read_table(table, themes)
        rows.extend(reading.drafts)
        left_out.extend(reading.left_out)
        left_out.extend(unread_columns(table, reading.matrix))
    rows = _priorities(rows)
    inferred = infer_missing_ids([d.action_id for d in rows], [d.priority for d in rows])
    duplicates = find_duplicate_ids([action_id for action_id, _ in inferred])
    actions = []
    seen: Counter[str] = Counter()
    for number, (draft, (action_id, repair)) in enumerate(
        zip(rows, inferred, strict=True), start=1
    ):
        repairs = list(draft.repairs)
        if repair is not None:
            repairs.append(repair)
        action_id = action_id or f"row {number}"
        seen[action_id] += 1
        register_id = f"{ident.key} / {action_id}"
        if action_id in duplicates:
            repairs.append(
                Repair(
                    "Action ID", action_id, action_id, "duplicate action id in this workplan", 0.5
                )
            )
            if seen[action_id] > 1:
                register_id = f"{register_id} ({seen[action_id]})"
        actions.append(
            _action(
                draft,
                ident,
                action_id,
                register_id,
                raw,
                themes,
                repairs,
                keys,
            )
        )
    if not actions:
        raise DocumentError(raw.path, _no_actions(raw))
    notes = [f"title: {r.rule}" for r in ident.repairs] + list(raw.notes)
    return Workplan(
        ident.title,
        ident.period,
        ident.key,
        tuple(actions),
        tuple(notes),
        ident.subgroup,
        ident.abbreviation,
        (
            *ident.repairs,
            *key_records(raw.colour_key, keys.status),
            *keys.initials.records(),
            *left_out,
        ),
    )


UNREAD_COLUMN_RULE = (
    "a column the register does not read: its cells are left out (workplans parse --raw shows them)"
)


def unread_columns(table: RawTable, matrix: Collection[int] = ()) -> list[Repair]:
    """A Review record for each labelled column with text that no rule could give a role.

    Columns the register knowingly leaves out (``Success measure``,
    ``Evidence``: their label names them) and the columns of a theme matrix
    are read as what they are (``matrix``: the columns ``read_table`` read as
    one); a column whose label names nothing known is said, so nothing is
    dropped without a word.
    """
    out = []
    for k, (role, label) in enumerate(zip(table.roles, table.header, strict=False)):
        if role is not Role.OTHER or not label.strip() or not names_nothing(label) or k in matrix:
            continue
        if any(k < len(row) and (row[k].text or "").strip() for row in table.rows):
            out.append(Repair("Column", label, "", UNREAD_COLUMN_RULE, 0.5))
    return out


def _no_actions(raw: RawDocument) -> str:
    """Why a document with a workplan header gave no action, in words a user can act on."""
    headers = "; ".join(" | ".join(h for h in t.header if h.strip()) for t in raw.tables)
    rows = sum(len(t.rows) for t in raw.tables)
    return (
        f"a workplan table was found (header: {headers}) but no action could be read from it "
        f"({rows} row{'s' if rows != 1 else ''} under the header, none with an action, lead or "
        "timeframe); check the table's rows sit under its header in one table, then drop it in again"
    )


def _priorities(rows: Sequence[Draft]) -> list[Draft]:
    """Give each draft its priority: the Impact's number, else the action ids under that Impact
    (under no Impact, each draft's own id)."""
    out: list[Draft] = []
    block: list[Draft] = []

    def flush() -> None:
        majors = Counter(p for d in block if (p := priority_of_id(d.action_id)) is not None)
        guess = majors.most_common(1)[0][0] if majors else None
        for d in block:
            # With no Impact at all nothing ties the rows together: each
            # row's own id is the only word on its priority.
            own = priority_of_id(d.action_id) if not d.impact.strip() else None
            priority = d.priority if d.priority is not None else own or guess
            out.append(d if priority == d.priority else replace(d, priority=priority))
        block.clear()

    for draft in rows:
        if block and draft.impact != block[-1].impact:
            flush()
        block.append(draft)
    flush()
    return out


@dataclass(frozen=True, slots=True)
class _Keys:
    """The document's own keys: to its status words and colours, and to initials."""

    status: TextKey
    initials: InitialsKey


def _lead_read_as(draft: Draft, repairs: list[Repair], initials: InitialsKey) -> str:
    """The lead cell as the lead splitter reads it, or ``""`` when that is the cell as written.

    Its column's label written before the names is dropped (``Responsible:``
    under ``Responsible officer``), and a Support column's names follow
    ``supported by``: ``build_register`` splits lead and support in one pass,
    whether one cell or two wrote them, and ``Lead (as written)`` stays the cell.
    """
    lead = draft.lead.strip()
    read = strip_own_label(lead, draft.lead_label)
    if read != lead:
        repairs.append(Repair("Lead", lead, read, LABEL_RULE, 0.9))
    read = lead_with_support(read, draft.support)
    expanded, used = initials.expand(read)
    if used:
        repairs.append(initials.repair(read, expanded, used))
        read = expanded
    return read if read != lead else ""


def _action(
    draft: Draft,
    ident: Identity,
    action_id: str,
    register_id: str,
    raw: RawDocument,
    themes: ThemeConfig,
    repairs: list[Repair],
    keys: _Keys,
) -> Action:
    timeframe_text = draft.timeframe.strip()
    if not timeframe_text:  # no timeframe column, or this row's cell left empty
        found = find_timeframe_in_text(draft.action)
        if found:
            timeframe_text = found
            repairs.append(
                Repair("Timeframe", "", found, "timeframe read from the action text", 0.8)
            )
    timeframe, timeframe_repairs = (
        parse_timeframe(timeframe_text)
        if timeframe_text
        else (Timeframe("", TimeframeType.NONE), ())
    )
    repairs.extend(timeframe_repairs)
    theme_names, theme_repairs = match_themes(draft.themes, themes)
    repairs.extend(theme_repairs)
    status, status_repairs = row_status(
        draft.fills, draft.status_texts, raw.colour_key, keys.status
    )
    repairs.extend(status_repairs)
    return Action(
        register_id=register_id,
        workplan=ident.title,
        period=ident.period,
        priority=draft.priority,
        impact=draft.impact,
        action_id=action_id,
        action=draft.action,
        themes=theme_names,
        lead=(),  # split and made canonical across documents by build_register
        support=(),
        lead_as_written=draft.lead.strip(),
        lead_read_as=_lead_read_as(draft, repairs, keys.initials),
        timeframe=timeframe,
        status=status,
        source=Path(raw.path).name,
        location=draft.location,
        review=tuple(repairs),
    )
