"""What one cell holds beyond its text: several actions, ticks, helpers.

Pure functions of cell text (and, for a theme matrix, of a table's columns).

**Several actions in one cell.** A cell made only of list items, numbered
(``1.`` ``2.``), lettered (``a)`` ``b)``), in roman numerals (``i.`` ``ii.``),
bulleted (``•``, ``-``, ``–``) or each starting with its own action id
(``1.1``, ``1.2``), holds one action per item. A cell whose list follows a
stem (``Receive data on other areas of concern, such as:`` then bullets) is
one action whose text contains a list: the stem is what the action does, the
items its detail; unless every item closes with its own owner in brackets
(``Talks at every scheme (Housing Manager)``): then each item is an action of
its own, the stem before it (``normalise.sub_actions.split_owned_items``). The seed workplans write both ways and the stem is what
tells them apart; the text itself is never read for meaning. Lines that do
not carry the next marker of the first item's kind (a wrapped line, a nested
``a)`` under ``1.``) continue the item above.

**A theme matrix.** Several columns headed by theme names (the configured
themes and their aliases) whose cells hold only ticks or nothing: an
action's themes are the names of the columns its row ticks.

**A Support column.** Its names are read by the lead splitter after
``supported by``, as if the lead cell had written them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from normalise.ids import split_action_id
from normalise.themes import ThemeConfig, match_themes
from parsers.model import RawCell
from parsers.vocabulary import ACTION_ID

_ITEM = re.compile(
    r"""\A\s*(?:
        (?P<bullet>[•·▪◦‣●○■□➢➤►\-–—*])\s+
      | \(?(?P<number>\d{1,2})[.)]\s+
      | \(?(?P<letter>[a-z]|[ivx]{1,4})[.)]\s+
    )""",
    re.X | re.I,
)
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_DASHES = frozenset("-–—")

# Marks that tick a theme matrix's cell; a cross counts, as in "x marks the
# column". What a cell may hold when the theme does not apply:
TICKS = frozenset({"✓", "✔", "☑", "✅", "✗", "✘", "x", "y", "yes", "•", "●", "*"})
_UNTICKED = frozenset({"", "-", "–", "—", "n", "no", "n/a"})
# A theme matrix is several columns: one theme-named column is a Themes column.
MIN_MATRIX_COLUMNS = 2


def item_marker(line: str) -> tuple[str, str, int] | None:
    """A list line's ``(kind, marker, end of marker)``; kinds: id, bullet, number, alpha."""
    action_id = ACTION_ID.match(line)
    if action_id is not None and action_id.end() < len(line):
        return "id", action_id["number"], action_id.end()
    match = _ITEM.match(line)
    if match is None:
        return None
    if match["bullet"]:
        bullet = match["bullet"]
        return "bullet", "-" if bullet in _DASHES else bullet, match.end()
    if match["number"]:
        return "number", match["number"], match.end()
    return "alpha", match["letter"].lower(), match.end()


def is_item_mark(text: str) -> bool:
    """True for a list item's mark alone (``a)``, ``(ii)``, ``3.``), as a nested table's first cell.

    >>> is_item_mark("a)"), is_item_mark("(ii)"), is_item_mark("Audit")
    (True, True, False)
    """
    text = text.strip()
    found = item_marker(f"{text} x")
    return found is not None and found[0] in {"alpha", "number"} and found[2] == len(text) + 1


def _follows(kind: str, first: str, previous: str, marker: str) -> bool:
    """Whether ``marker`` is the next item of a list of ``kind`` after ``previous``."""
    if kind == "id":
        return True
    if kind == "bullet":
        return marker == first
    if kind == "number":
        return marker.isdigit() and int(marker) == int(previous) + 1
    if kind == "roman":
        return previous in _ROMAN[:-1] and marker == _ROMAN[_ROMAN.index(previous) + 1]
    return len(marker) == 1 and ord(marker) == ord(previous) + 1


def listed_items(text: str) -> list[tuple[str | None, str]] | None:
    """The items of a cell made only of list items: ``[(own id or None, text), ...]``.

    ``None`` when the cell is no such list: fewer than two items, or text
    before the first item (a stem). An item's own id is the action id it
    starts with (``1.2``); other markers are dropped. Numbered, lettered and
    roman lists must start at ``1``, ``a`` or ``i`` and run in order.

    >>> listed_items("• Run the audit\\n• Report to the board")
    [(None, 'Run the audit'), (None, 'Report to the board')]
    >>> listed_items("Receive data on, such as:\\n• Self-harm\\n• Substance misuse") is None
    True
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = item_marker(lines[0]) if lines else None
    if first is None:
        return None
    kind, first_marker, _ = first
    if kind == "alpha":
        kind = {"a": "letter", "i": "roman"}.get(first_marker, "")
    if not kind or (kind == "number" and first_marker != "1"):
        return None
    items: list[tuple[str | None, list[str]]] = []
    previous = ""
    for line in lines:
        found = item_marker(line)
        same = found is not None and (
            found[0] == kind or (found[0] == "alpha" and kind in {"letter", "roman"})
        )
        if (
            found is not None
            and same
            and (not items or _follows(kind, first_marker, previous, found[1]))
        ):
            previous = found[1]
            own_id = split_action_id(line)[0] if kind == "id" else None
            items.append((own_id, [line[found[2] :].strip()]))
        else:
            items[-1][1].append(line)
    if len(items) < 2:
        return None
    return [(own_id, "\n".join(body).strip()) for own_id, body in items]


def stem_items(text: str) -> tuple[str, list[str]] | None:
    """A stem and the list under it (``Raise awareness:`` then bullets): ``(stem, items)``.

    ``None`` when the cell has no stem (``listed_items`` reads a bare list)
    or fewer than two items follow it.

    >>> stem_items("Raise awareness:\\n• Talks (Housing)\\n• Leaflets (Comms)")
    ('Raise awareness:', ['Talks (Housing)', 'Leaflets (Comms)'])
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for at, line in enumerate(lines):
        if at and item_marker(line) is not None:
            items = listed_items("\n".join(lines[at:]))
            if items is None:
                return None
            return " ".join(lines[:at]), [item for _, item in items]
    return None


def is_tick(text: str | None) -> bool:
    """True for a cell that ticks its column (``✓``, ``x``, ``Yes``)."""
    return " ".join((text or "").split()).casefold() in TICKS


def _is_matrix_cell(text: str | None) -> bool:
    return text is None or is_tick(text) or " ".join(text.split()).casefold() in _UNTICKED


def _theme_of_label(label: str, config: ThemeConfig) -> str | None:
    """The canonical theme a column's label names, alone or after a group label."""
    words = label.split()
    # The label alone, then its last words (a group header "Cross-cutting
    # themes" joined in front of each sub-column's own label).
    for start in range(len(words)):
        names, repairs = match_themes(" ".join(words[start:]), config)
        if len(names) == 1 and names[0] in config.names and (not repairs or start == 0):
            return names[0]
    return None


def theme_matrix(
    header: Sequence[str], rows: Sequence[Sequence[RawCell]], config: ThemeConfig
) -> dict[int, str]:
    """The columns of a theme matrix and the theme each stands for, or ``{}``.

    A matrix is at least :data:`MIN_MATRIX_COLUMNS` columns whose labels name
    configured themes and whose cells in ``rows`` (the action rows) hold only
    ticks or nothing, with at least one tick.
    """
    columns = {
        k: name for k, label in enumerate(header) if (name := _theme_of_label(label, config))
    }
    body = {k: [row[k].text for row in rows if k < len(row)] for k in columns}
    matrix = {
        k: name for k, name in columns.items() if all(_is_matrix_cell(text) for text in body[k])
    }
    if len(matrix) < MIN_MATRIX_COLUMNS or not any(
        is_tick(text) for k in matrix for text in body[k]
    ):
        return {}
    return matrix


def ticked_themes(row: Sequence[RawCell], matrix: Mapping[int, str]) -> list[str]:
    """The themes whose matrix column the row ticks, in column order."""
    return [name for k, name in sorted(matrix.items()) if k < len(row) and is_tick(row[k].text)]


def support_text(cell: str) -> str:
    """A Support cell as one run of names: list markers dropped, lines joined by ``, ``.

    >>> support_text("• Public Health\\n• Met Police; Schools")
    'Public Health, Met Police, Schools'
    """
    names = []
    for line in re.split(r"[\n;]", cell):
        found = item_marker(line.strip())
        body = line.strip()[found[2] :] if found is not None and found[0] != "id" else line
        if body.strip():
            names.append(body.strip().rstrip(","))
    return ", ".join(names)


def lead_with_support(lead: str, support: str) -> str:
    """The lead cell with a Support column's names after ``supported by``.

    The lead splitter then reads both in one pass, as it reads ``X supported
    by Y`` written in one cell.

    >>> lead_with_support("Jo Bloggs", "Public Health")
    'Jo Bloggs supported by Public Health'
    """
    support = support_text(support)
    if not support:
        return lead
    return f"{lead.strip()} supported by {support}".strip()
