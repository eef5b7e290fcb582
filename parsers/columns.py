"""Column roles from what the cells hold, where the header names nothing.

A column whose label is empty or matches no phrase (``parsers.header_words``)
may still be a workplan column, told by its body cells:

- short codes (``1.1``, ``2.3a``, ``SV1``, ``A3``, ``CS-02``) -> ``Role.ID``,
  one per row; codes merged down over several rows each (``1`` over the
  rows of priority 1) number the priorities -> ``Role.PRIORITY``;
- shaded cells with (almost) no text -> ``Role.STATUS`` (``mark_status_column``);
- only status words (``R``, ``A``, ``G``, ``Red``, ``Amber/Green``, ``Complete``,
  ``On track``: ``parsers.vocabulary.STATUS_PATTERNS``) -> ``Role.STATUS``.

A column the header names as unused (``Evidence``, ``Success measure``) never
takes a role from its content, and a role the header already gave stays with
its column: one column per role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from parsers.header_words import names_nothing
from parsers.model import RawCell, Role
from parsers.status_column import mark_status_column
from parsers.vocabulary import STATUS_PATTERNS

# An action's own code: optional letters (SV, CS-, A), a number, dotted or
# dashed sub-numbers, an optional letter (2.3a). Three digits at most, so a
# year (2024) or an amount is not a code.
_CODE = re.compile(r"[a-z]{0,4}[-\s]?\d{1,3}(?:[.-]\d{1,3})*[a-z]?[.)]?", re.I)
# A quarter (Q3) is a date, not a code.
_QUARTER = re.compile(r"q[1-4]", re.I)
# A status cell is a word or two ("On track"); "/" for a status between two (A/G).
_MAX_STATUS_WORDS = 3
_BETWEEN = re.compile(r"\s*/\s*")
# Letters alone that are also list marks: a column of only these is not a status.
_MARK_LETTERS = frozenset({"a", "b"})
# Most of a column's written cells must fit: a stray note ("see 1.2 above") is allowed.
_MIN_SHARE = 0.8


def column_roles(
    roles: Sequence[Role], labels: Sequence[str], rows: Sequence[Sequence[RawCell]]
) -> tuple[Role, ...]:
    """``roles`` with unlabelled columns given the role their content shows.

    >>> from parsers.model import Provenance
    >>> cell = lambda t: RawCell(t, Provenance("f", 0, 0, 0))
    >>> rows = [[cell("1.1"), cell("Do a"), cell("Ann"), cell("G")],
    ...         [cell("1.2a"), cell("Do b"), cell("Bob"), cell("Amber")]]
    >>> column_roles([Role.OTHER, Role.ACTION, Role.LEAD, Role.OTHER], ["", "Action", "Lead", ""], rows)
    (<Role.ID: 'id'>, <Role.ACTION: 'action'>, <Role.LEAD: 'lead'>, <Role.STATUS: 'status'>)
    """
    out = list(mark_status_column(tuple(roles), labels, rows))
    for col, role in enumerate(out):
        if role is not Role.OTHER or not names_nothing(labels[col] if col < len(labels) else ""):
            continue
        texts = [" ".join(t.split()) for t in _texts(rows, col) if t.strip()]
        if not texts:
            continue
        if _share(texts, _is_code) >= _MIN_SHARE:
            role = Role.PRIORITY if _merged_down(rows, col) else Role.ID
            out[col] = role if role not in out else Role.OTHER
        elif (
            Role.STATUS not in out
            and _share(texts, _is_status) >= _MIN_SHARE
            and any(t.lower() not in _MARK_LETTERS for t in texts)
        ):
            out[col] = Role.STATUS
    return tuple(out)


def spread_wide(
    roles: Sequence[Role],
    labels: Sequence[str],
    rows: Sequence[Sequence[RawCell]],
    wide: Sequence[tuple[int, int]],
) -> tuple[tuple[Role, ...], tuple[str, ...]]:
    """Roles and labels with a label merged over several body columns moved to the
    one holding most text (``Header.wide``).

    Word tables often have a header cell spanning two grid columns that the body
    splits: ``Action`` over ``1.1 | Develop a ...``. The role and label go to the
    column with the most text; the others are left unlabelled, for their content
    to tell (a column of codes is the id).

    >>> from parsers.model import Provenance
    >>> rows = [[RawCell(t, Provenance("f", 0, 0, k)) for k, t in enumerate(["1.1", "Do it", "Ann"])]]
    >>> spread_wide([Role.ACTION, Role.OTHER, Role.LEAD], ["Action", "", "Lead"], rows, [(0, 2)])
    ((<Role.OTHER: 'other'>, <Role.ACTION: 'action'>, <Role.LEAD: 'lead'>), ('', 'Action', 'Lead'))
    """
    out, names = list(roles), list(labels)
    for col, span in wide:
        cols = [k for k in range(col, col + span) if k < len(out)]
        if out[col] is Role.OTHER or any(names[k] or out[k] is not Role.OTHER for k in cols[1:]):
            continue
        size = {k: sum(len(t.strip()) for t in _texts(rows, k)) for k in cols}
        best = max(cols, key=lambda k: size[k])
        if size[best] > size[col]:
            out[best], out[col] = out[col], Role.OTHER
            names[best], names[col] = names[col], ""
    return tuple(out), tuple(names)


def _texts(rows: Sequence[Sequence[RawCell]], col: int) -> list[str]:
    return [t for row in rows if col < len(row) and (t := row[col].text) is not None]


def _share(texts: Sequence[str], test: Callable[[str], bool]) -> float:
    return sum(1 for t in texts if test(t)) / len(texts)


def _is_code(text: str) -> bool:
    return bool(_CODE.fullmatch(text)) and not _QUARTER.fullmatch(text)


def _is_status(text: str) -> bool:
    return len(text.split()) <= _MAX_STATUS_WORDS and all(
        any(pattern.search(part) for _, pattern in STATUS_PATTERNS) for part in _BETWEEN.split(text)
    )


def _merged_down(rows: Sequence[Sequence[RawCell]], col: int) -> bool:
    """Most of the column's written cells are merged over several rows."""
    cells = [r[col] for r in rows if col < len(r) and (r[col].text or "").strip()]
    return sum(1 for c in cells if c.row_span > 1) * 2 > len(cells)


def join_timeframes(
    rows: Sequence[Sequence[RawCell]], spans: Sequence[tuple[int, int]]
) -> tuple[tuple[RawCell, ...], ...]:
    """Rows with each timeframe group's end cell holding ``start - end`` as written.

    ``spans`` are ``(start column, end column)`` pairs (``Header.spans``: a
    ``Timescale`` group over ``Start | End``). The end column is the
    timeframe; the start cell stays in its own (``OTHER``) column too. An end
    cell left empty stays empty: a start alone is not a due date.

    >>> from parsers.model import Provenance
    >>> row = [RawCell(t, Provenance("f", 0, 0, k)) for k, t in enumerate(["Do a", "April 2024", "March 2025"])]
    >>> join_timeframes([row], [(1, 2)])[0][2].text
    'April 2024 - March 2025'
    """
    out = []
    for row in rows:
        cells = list(row)
        for start, end in spans:
            if end >= len(cells) or start >= len(cells):
                continue
            first, last = (cells[start].text or "").strip(), (cells[end].text or "").strip()
            if first and last:
                cells[end] = replace(cells[end], text=f"{first} - {last}")
        out.append(tuple(cells))
    return tuple(out)


# A timeline (Gantt) strip: three or more side-by-side columns, each labelled
# by a quarter or a month, optionally beside a year (from a group label over
# them, ``2025/26`` over ``Q1 | Q2 | Q3 | Q4``). Fewer is a start | end pair.
_MIN_STRIP = 3
_YEAR = r"(?:fy\s*)?(?:19|20)\d\d(?:\s*[/-]\s*\d\d(?:\d\d)?)?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT = (
    r"q[1-4]|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIMELINE_LABEL = re.compile(
    rf"(?P<before>{_YEAR})?\s*(?P<unit>{_UNIT})\s*(?P<after>{_YEAR})?", re.I
)
# A strip cell is marked by its fill; it may hold a mark ("x", a tick), never words.
_MAX_MARK = 2


def read_timeline(
    roles: Sequence[Role], labels: Sequence[str], rows: Sequence[Sequence[RawCell]]
) -> tuple[tuple[Role, ...], tuple[tuple[RawCell, ...], ...]]:
    """Roles and rows with a timeline strip read as the timeframe.

    A strip is ``_MIN_STRIP`` or more adjacent columns the header leaves
    unused, labelled by quarters or months (``2025/26 Q1``), whose body cells
    are shaded, not written. Its shading is when the action runs, never its
    status: every strip cell loses its fill. When the table has no timeframe
    column, the strip's last column becomes it, holding the row's first and
    last shaded units and the year (``Q1 - Q3 2025/26``; months carry their
    own calendar year, ``Nov 2025 - Feb 2026``); a row with nothing shaded
    has no timeframe.

    >>> from parsers.model import Provenance
    >>> cell = lambda t, f=None: RawCell(t, Provenance("f", 0, 0, 0), fill=f)
    >>> labels = ["Action", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"]
    >>> row = [cell("Do a"), cell(""), cell("", "2F5597"), cell("", "2F5597"), cell("")]
    >>> roles, rows = read_timeline([Role.ACTION] + [Role.OTHER] * 4, labels, [row])
    >>> roles[-1], rows[0][-1].text, [c.fill for c in rows[0]]
    (<Role.TIMEFRAME: 'timeframe'>, 'Q2 - Q3 2025/26', [None, None, None, None, None])
    """
    out = list(roles)
    body = tuple(tuple(row) for row in rows)
    for strip in _strips(out, labels, body):
        units = [_TIMELINE_LABEL.fullmatch(" ".join(labels[k].split())) for k in strip]
        names = [m["unit"].rstrip(".").capitalize() if m else "" for m in units]
        years = [(m["before"] or m["after"] or "") if m else "" for m in units]
        last = strip[-1]
        write = Role.TIMEFRAME not in out
        if write:
            out[last] = Role.TIMEFRAME
        new_rows = []
        for row in body:
            cells = list(row)
            marked = [i for i, k in enumerate(strip) if k < len(cells) and _marked(cells[k])]
            for k in strip:
                if k < len(cells) and cells[k].fill:
                    cells[k] = replace(cells[k], fill=None)
            if write and last < len(cells) and cells[last].text is not None:
                text = _span_text(names, years, marked)
                cells[last] = replace(cells[last], text=text)
            new_rows.append(tuple(cells))
        body = tuple(new_rows)
    return tuple(out), body


def _strips(
    roles: Sequence[Role], labels: Sequence[str], rows: Sequence[Sequence[RawCell]]
) -> list[list[int]]:
    """Runs of adjacent unused columns labelled by quarters or months, shaded not written."""
    runs: list[list[int]] = []
    for col, role in enumerate(roles):
        label = " ".join(labels[col].split()) if col < len(labels) else ""
        match = _TIMELINE_LABEL.fullmatch(label)
        fits = role is Role.OTHER and match is not None and bool(match["unit"])
        if fits and runs and runs[-1][-1] == col - 1:
            runs[-1].append(col)
        elif fits:
            runs.append([col])
    return [run for run in runs if len(run) >= _MIN_STRIP and _shaded_strip(rows, run)]


def _shaded_strip(rows: Sequence[Sequence[RawCell]], cols: Sequence[int]) -> bool:
    cells = [row[k] for row in rows for k in cols if k < len(row) and row[k].text is not None]
    return any(c.fill for c in cells) and all(
        len((c.text or "").strip()) <= _MAX_MARK for c in cells
    )


def _marked(cell: RawCell) -> bool:
    return cell.text is not None and (bool(cell.fill) or bool((cell.text or "").strip()))


def _span_text(names: Sequence[str], years: Sequence[str], marked: Sequence[int]) -> str:
    """``first - last year`` of the marked units (``Q2 - Q4 2025/26``), ``""`` for none."""
    if not marked:
        return ""
    first, last = marked[0], marked[-1]
    if names[last][:3].lower() in _MONTHS:
        start, end = _month_year(names, years, first), _month_year(names, years, last)
        return f"{start} - {end}" if first != last else end
    year = years[last]
    span = names[first] if first == last else f"{names[first]} - {names[last]}"
    return f"{span} {year}".strip()


def _month_year(names: Sequence[str], years: Sequence[str], at: int) -> str:
    """A month of the strip with its calendar year: the year's first year, plus one
    for each time the months wrap round (``Nov | Dec | Jan`` of ``2025/26``)."""
    written = re.match(r"\D*((?:19|20)\d\d)", years[at] or "")
    if not written:
        return names[at]
    year = int(written.group(1))
    month = [_MONTHS.index(n[:3].lower()) for n in names[: at + 1]]
    year += sum(1 for a, b in pairwise(month) if b < a)
    return f"{names[at]} {year}"
