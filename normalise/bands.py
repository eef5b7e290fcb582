"""Row roles: which rows of a workplan table are actions, and which set the scene.

A table's data rows are not all actions. Read by structure first (how many
cells hold text, how wide they are), with words only as labels:

- a **band** row holds its text in one cell merged across several columns
  (often the whole table, or all but a narrow status column), perhaps beside
  one short cell with its number: ``Priority 2: Keep adults safe``,
  ``Outcome 1 – ...``, ``Priority One – ...``, ``2. ...``. It sets the priority and impact of the
  rows below it. A lone single-column cell is a band only when it starts with
  a priority label and a number (``Objective 3.``): without the merge, the
  label is the only sign.
- a **header** row repeats the table's header labels (a page's repeated
  header a reader did not drop, or a second header part).
- a **key** row is a colour key inside the table: it starts ``Key``, or every
  cell holding text is a status label (``Complete | On track | At risk``).
- a **note** row is one cell starting ``Note:``, ``NB`` or a mark (``*``).

Headings outside the grid (``RawTable.headings``) are read like band rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from normalise.ids import WORDED_PRIORITY, split_priority
from normalise.model import Repair
from normalise.status import status_from_text
from normalise.text import tidy_whitespace
from parsers.model import RawCell, Role
from parsers.vocabulary import PRIORITY_LABEL

BAND_RULE = "priority and impact read from a band row across the table"
HEADING_RULE = "priority and impact read from a heading above the rows"
# A band row is a statement, not a label with a number; the cell beside its
# merged text (its number, "Priority 2") is at most this many words.
_MAX_NUMBER_CELL_WORDS = 3
# A key label is short: a long sentence mentioning "complete" is an action.
_MAX_KEY_LABEL_WORDS = 6

_LABEL_ONLY = re.compile(rf"\A\s*(?i:{PRIORITY_LABEL})\s*[:.\-–—]\s*")
_LABEL_CELL = re.compile(rf"\s*(?i:{PRIORITY_LABEL})\s*(?:\d{{1,2}}\s*[.:)–—-]?)?\s*")
_LABELLED_NUMBER = re.compile(rf"\A\s*(?i:{PRIORITY_LABEL})\s*\d{{1,2}}\b")
_BARE_NUMBER = re.compile(rf"\s*(?:(?i:{PRIORITY_LABEL})\s*)?(?P<number>\d{{1,2}})\s*[.):]?\s*")
_KEY = re.compile(r"\A\s*(?:(?:colou?r|rag|status)\s+)?key\b\s*:?", re.I)
_NOTE = re.compile(r"\A\s*(?:notes?|nb|n\.b\.|please note)\b\s*[:.\-–]", re.I)
# A footnote's mark starts a note too, but also a bullet: only in a merged cell.
_NOTE_MARK = re.compile(r"\A\s*[*†‡]")
_WORD = re.compile(r"[^\W_]+")


class RowKind(StrEnum):
    """What one data row of a table is."""

    ACTION = "action"
    BAND = "band"
    HEADER = "header"
    KEY = "key"
    NOTE = "note"
    NESTED = "nested"  # a row of a table nested in the action cell above


@dataclass(frozen=True, slots=True)
class Band:
    """A priority band: its number (``None`` when it has none) and impact statement."""

    priority: int | None
    impact: str
    repair: Repair


def _texts(row: Sequence[RawCell]) -> list[tuple[int, RawCell, str]]:
    """``(column, cell, text)`` for each cell of the row holding text."""
    return [
        (k, cell, tidy_whitespace(cell.text))
        for k, cell in enumerate(row)
        if cell.text is not None and tidy_whitespace(cell.text)
    ]


def band_text(
    row: Sequence[RawCell], roles: Sequence[Role] = (), impact_columns: Sequence[int] = ()
) -> str | None:
    """The text of a band row, or ``None`` when the row is no band.

    A band's text sits in one cell merged over the columns of at least two
    roles (``roles``; any two columns when not given), alone or beside one
    short cell (its number), which comes first in the text: a cell merged over
    one role's columns only (an Action cell spread over the columns of a table
    nested in it) is no band. A lone cell of one column is a band only when it
    starts with a priority label and a number and is not in an Impact or
    Priority column (``impact_columns``), whose cells say the same thing in
    their own place. A row whose first
    text cell is only a priority label (``Outcome``) is a band whose merge a
    PDF reader lost: its text is every cell's, in order, when that starts
    with a priority number.

    >>> from parsers.model import Provenance
    >>> p = Provenance("t.docx", 0, 3, 0)
    >>> band_text([RawCell("Priority 2: Safe", p, col_span=3), RawCell(None, p), RawCell(None, p)])
    'Priority 2: Safe'
    """
    texts = _texts(row)
    if not texts:
        return None
    wide = [t for t in texts if _covers_several_roles(t[0], t[1].col_span, roles)]
    if len(wide) == 1 and len(texts) <= 2:
        others = [t for t in texts if t is not wide[0]]
        if all(len(text.split()) <= _MAX_NUMBER_CELL_WORDS for _, _, text in others):
            return " ".join(text for _, _, text in texts)
        return None
    if len(texts) == 1 and not wide:
        column, _, text = texts[0]
        labelled = _LABELLED_NUMBER.match(text) or WORDED_PRIORITY.match(text)
        if column not in impact_columns and labelled:
            return text
    if texts[0][0] not in impact_columns and _LABEL_CELL.fullmatch(texts[0][2]):
        # A reader that lost the merge spreads the band's words over the
        # cells it covered, its label alone in the first: "Outcome | 1 – ...".
        joined = " ".join(text for _, _, text in texts)
        if split_priority(joined)[0] is not None:
            return joined
    return None


def _covers_several_roles(column: int, span: int, roles: Sequence[Role]) -> bool:
    """A cell merged over the columns of at least two of the table's roles (any two
    columns when the roles are not known)."""
    if span < 2:
        return False
    if not roles:
        return True
    covered = {roles[k] for k in range(column, column + span) if k < len(roles)}
    return len(covered - {Role.OTHER}) >= 2


def read_band(text: str, rule: str = BAND_RULE) -> Band:
    """A band's priority and impact, its label and number stripped and recorded.

    >>> band = read_band("Priority 2: Keep adults safe")
    >>> band.priority, band.impact
    (2, 'Keep adults safe')
    >>> read_band("Outcome – People feel safe").impact
    'People feel safe'
    >>> read_band("Priority 3").priority
    3
    """
    written = tidy_whitespace(text)
    number, rest = split_priority(written)
    bare = _BARE_NUMBER.fullmatch(written)
    if bare is not None:
        number, rest = int(bare["number"]) or None, ""
    elif number is None:
        rest = _LABEL_ONLY.sub("", written, count=1)
    confidence = 0.9 if number is not None else 0.7
    return Band(number, rest, Repair("Impact", written, rest, rule, confidence))


def is_repeated_header(row: Sequence[RawCell], header: Sequence[str]) -> bool:
    """True when at least two cells hold text and each is its column's label or a run of
    its words (one part of a two-row header: ``Start`` under ``Timescale Start``)."""
    texts = _texts(row)
    if len(texts) < 2:
        return False
    return all(k < len(header) and _label_part(text, header[k]) for k, _, text in texts)


def _label_part(text: str, label: str) -> bool:
    words, label_words = _WORD.findall(text.casefold()), _WORD.findall(label.casefold())
    n = len(words)
    return n > 0 and any(label_words[i : i + n] == words for i in range(len(label_words) - n + 1))


def is_key_row(row: Sequence[RawCell]) -> bool:
    """True for a colour key inside the table: ``Key: ...`` or only short status labels."""
    texts = _texts(row)
    if not texts:
        return False
    if _KEY.match(texts[0][2]):
        return True
    return len(texts) >= 2 and all(
        len(text.split()) <= _MAX_KEY_LABEL_WORDS and status_from_text(text) is not None
        for _, _, text in texts
    )


def is_note_row(row: Sequence[RawCell]) -> bool:
    """True for a row whose only text is one note: ``Note: ...``, or ``* ...`` merged across
    columns (alone in one column, ``* Run the audit`` is a bulleted action)."""
    texts = _texts(row)
    if len(texts) != 1:
        return False
    _, cell, text = texts[0]
    return bool(_NOTE.match(text)) or (cell.col_span >= 2 and bool(_NOTE_MARK.match(text)))


def row_kind(
    row: Sequence[RawCell],
    header: Sequence[str],
    roles: Sequence[Role] = (),
    impact_columns: Sequence[int] = (),
) -> RowKind:
    """What the row is: a repeated header, a key, a note, a band, else an action row.

    An action row may still turn out empty; that is the row reader's call.
    """
    if is_repeated_header(row, header):
        return RowKind.HEADER
    if is_key_row(row):
        return RowKind.KEY
    if is_note_row(row):
        return RowKind.NOTE
    if band_text(row, roles, impact_columns) is not None:
        return RowKind.BAND
    return RowKind.ACTION


def skipped_row(kind: RowKind, row: Sequence[RawCell], location: str) -> Repair:
    """The record of a row that is not an action, for the workplan's Review rows."""
    text = " | ".join(text for _, _, text in _texts(row))
    what = {
        RowKind.HEADER: "a repeated header row",
        RowKind.KEY: "a colour key row",
        RowKind.NOTE: "a note row",
    }.get(kind, f"a {kind.value} row")
    return Repair("Action", f"{text} ({location})", "", f"{what} is not an action: left out", 0.9)
