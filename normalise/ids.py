"""Action ids, priority numbers and a) b) c) sub-items read from cell text.

Pure functions of values. An id that had to be guessed comes back with a
:class:`~normalise.model.Repair` so the analyst sees the guess in ``Review``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from normalise.model import Repair
from parsers.vocabulary import ACTION_ID, PRIORITY_LABEL, PRIORITY_START

INFERRED_ID_RULE = "inferred missing action id from its neighbours"

# A priority's number written as a word or a capital roman numeral after its
# label (``Priority One –``, ``Outcome Two:``, ``Objective three.``, ``Aim IV:``).
# Only after a label and before a separator (or the end): a sentence that
# starts "One of our aims" keeps its words.
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)  # fmt: skip
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
WORDED_PRIORITY = re.compile(
    rf"\A\s*(?i:{PRIORITY_LABEL})\s+"
    rf"(?P<word>(?i:{'|'.join(NUMBER_WORDS)})|{'|'.join(reversed(_ROMAN))})\b"
    r"(?:\s*[.):]\s*|\s*[–—-]\s+|\s*\Z)"
)

# A priority numbered with a bare capital roman numeral, as a list of priorities
# is often numbered (``II. Domestic abuse``, ``IV) Housing``): the numeral, its
# stop or bracket, then a capital letter. Nothing else starts so: the pronoun
# ``I`` takes no stop.
BARE_ROMAN_PRIORITY = re.compile(rf"\A\s*(?P<word>{'|'.join(reversed(_ROMAN))})[.)]\s+(?=[A-Z])")

_ID_PARTS = re.compile(r"\A(?P<priority>\d+)\.(?P<number>\d+)(?P<letter>[a-z]?)", re.I)
_LINE_MARKER = re.compile(r"\A\s*(?:\((?P<paren>[a-z])\)|(?P<plain>[a-z])[.)])\s+", re.I)
# Inline markers need a closing bracket and a space or start before them:
# "a. " inline is too often "e.g. " or an initial.
_INLINE_MARKER = re.compile(r"(?:(?<=\A)|(?<=[\s,;:]))\(?(?P<letter>[a-z])\)\s+", re.I)


def split_action_id(text: str) -> tuple[str | None, str]:
    """Read a leading action id: ``(normalised id, rest of the text)``.

    >>> split_action_id("2.1 a) Develop")
    ('2.1a', 'Develop')
    >>> split_action_id("Survey to test")
    (None, 'Survey to test')
    """
    match = ACTION_ID.match(text)
    if match is None:
        return None, text.strip()
    letter = (match.group("letter") or match.group("spaced") or "").lower()
    return match.group("number") + letter, text[match.end() :].strip()


def split_priority(text: str) -> tuple[int | None, str]:
    """Read a leading priority number: ``(number, rest of the text)``.

    >>> split_priority("3. MSCP is assured")
    (3, 'MSCP is assured')
    >>> split_priority(" Children and young people")
    (None, 'Children and young people')
    >>> split_priority("Priority Two – Safe at home")
    (2, 'Safe at home')
    >>> split_priority("III. Anti-social behaviour")
    (3, 'Anti-social behaviour')
    """
    match = PRIORITY_START.match(text)
    if match is not None and int(match.group("number")) != 0:
        return int(match.group("number")), text[match.end() :].strip()
    worded = WORDED_PRIORITY.match(text)
    if worded is not None:
        word = worded["word"]
        number = (
            _ROMAN.index(word) + 1 if word in _ROMAN else NUMBER_WORDS.index(word.casefold()) + 1
        )
        return number, text[worded.end() :].strip()
    bare = BARE_ROMAN_PRIORITY.match(text)
    if bare is not None:
        return _ROMAN.index(bare["word"]) + 1, text[bare.end() :].strip()
    return None, text.strip()


# The same rule under the name the first plan gave it.
strip_priority_number = split_priority


def infer_missing_ids(
    ids: Sequence[str | None], priorities: Sequence[int | None]
) -> list[tuple[str, Repair | None]]:
    """Fill in missing action ids from the ids around them in the same priority.

    The rule: a missing id takes the next number after the id above it in the
    same priority (``.1`` at the top of a priority), skipping numbers already
    used, as long as that number comes before the id below it. When it does
    not (``1.2``, missing, ``1.3``), it takes the id above with the next free
    letter (``1.2a``; ``.0`` with a letter at the top). A row whose priority is
    unknown and has no numbered neighbour gets ``?.n``.

    Known ids come back unchanged with no repair; each inferred one comes with
    a :class:`Repair` whose confidence says how well its neighbours pin it.

    >>> [i for i, _ in infer_missing_ids(["1.2", None, "1.4"], [1, 1, 1])]
    ['1.2', '1.3', '1.4']
    >>> [i for i, _ in infer_missing_ids([None, "3.3"], [3, 3])]
    ['3.1', '3.3']
    """
    if len(ids) != len(priorities):
        raise ValueError("ids and priorities must have one entry per row")
    known = [(i or "").strip() or None for i in ids]
    groups = _priority_labels(known, priorities)
    used = {i.casefold() for i in known if i}
    out: list[tuple[str, Repair | None]] = []
    for row, action_id in enumerate(known):
        if action_id is not None:
            out.append((action_id, None))
            continue
        group = groups[row]
        above = next((out[r][0] for r in range(row - 1, -1, -1) if groups[r] == group), None)
        below = next(
            (known[r] for r in range(row + 1, len(known)) if groups[r] == group and known[r]),
            None,
        )
        inferred, confidence = _infer_one(group, above, below, used)
        used.add(inferred.casefold())
        out.append((inferred, Repair("Action ID", "", inferred, INFERRED_ID_RULE, confidence)))
    return out


def _priority_labels(ids: Sequence[str | None], priorities: Sequence[int | None]) -> list[str]:
    """Each row's priority as text: given, else from a numbered row above (or below), else ``?``."""
    from_ids = [parts[0] if (parts := _parts(i or "")) else None for i in ids]
    labels: list[str] = []
    for row, priority in enumerate(priorities):
        if priority is not None:
            labels.append(str(priority))
            continue
        nearest = [from_ids[r] for r in range(row, -1, -1)] + from_ids[row + 1 :]
        labels.append(next((str(p) for p in nearest if p is not None), "?"))
    return labels


def priority_of_id(action_id: str | None) -> int | None:
    """The priority an action id names: its first number (``2.1a`` -> 2), if it has parts.

    >>> priority_of_id("2.1a"), priority_of_id("SV1"), priority_of_id("7")
    (2, None, None)
    """
    parts = _parts(action_id or "")
    return parts[0] if parts else None


def _parts(action_id: str) -> tuple[int, int, str] | None:
    match = _ID_PARTS.match(action_id)
    if match is None:
        return None
    return int(match["priority"]), int(match["number"]), match["letter"].lower()


def _infer_one(
    group: str, above: str | None, below: str | None, used: set[str]
) -> tuple[str, float]:
    above_parts = _parts(above) if above else None
    below_parts = _parts(below) if below else None
    number = (above_parts[1] if above_parts else 0) + 1
    while f"{group}.{number}" in used:
        number += 1
    if below_parts is None or below_parts[1] > number:
        if group == "?":
            return f"?.{number}", 0.1
        return f"{group}.{number}", 0.8 if above and below else 0.6
    base = f"{group}.{above_parts[1]}" if above_parts else f"{group}.0"
    letter = chr(ord(above_parts[2]) + 1) if above_parts and above_parts[2] else "a"
    while f"{base}{letter}" in used and letter < "z":
        letter = chr(ord(letter) + 1)
    return f"{base}{letter}", 0.3


def find_duplicate_ids(ids: Iterable[str | None]) -> set[str]:
    """The ids (as written) that occur more than once, ignoring case and blanks.

    >>> sorted(find_duplicate_ids(["1.1", "1.2", "1.1", None, ""]))
    ['1.1']
    """
    present = [i.strip() for i in ids if i and i.strip()]
    counts = Counter(i.casefold() for i in present)
    return {i for i in present if counts[i.casefold()] > 1}


def split_sub_items(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split ``a) b) c)`` sub-items: ``(stem, [(letter, item text), ...])``.

    Markers ``a)``, ``(a)`` or ``a.`` at line starts, or ``a)``/``(a)`` inline,
    count only while their letters run a, b, c, ... in order; a marker out of
    sequence is ordinary text. Fewer than two items is no list: the text comes
    back whole as the stem. Letters are returned in lower case.

    >>> split_sub_items("Proposed schedule:\\na) Autumn 2023\\nb) TBC")
    ('Proposed schedule:', [('a', 'Autumn 2023'), ('b', 'TBC')])
    """
    lines = _line_items(text)
    if lines is not None:
        return lines
    inline = _inline_items(text)
    if inline is not None:
        return inline
    return text.strip(), []


def _line_items(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    stem: list[str] = []
    items: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = _LINE_MARKER.match(line)
        letter = (match["paren"] or match["plain"]).lower() if match else ""
        if match and letter == chr(ord("a") + len(items)):
            items.append((letter, [line[match.end() :]]))
        elif items:
            items[-1][1].append(line)
        else:
            stem.append(line)
    if len(items) < 2:
        return None
    joined = [
        (letter, _clean_item("\n".join(part.strip() for part in body))) for letter, body in items
    ]
    return "\n".join(s.strip() for s in stem).strip(), joined


def _inline_items(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    starts: list[tuple[str, int, int]] = []
    for match in _INLINE_MARKER.finditer(text):
        letter = match["letter"].lower()
        if letter == chr(ord("a") + len(starts)):
            starts.append((letter, match.start(), match.end()))
    if len(starts) < 2:
        return None
    items = []
    for k, (letter, _, body_start) in enumerate(starts):
        body_end = starts[k + 1][1] if k + 1 < len(starts) else len(text)
        # Inline items are joined by ", and" or "; or": the joiner is not the item's.
        body = re.sub(r"[\s,;]+(?:and|or)\s*\Z", "", text[body_start:body_end].strip())
        items.append((letter, _clean_item(body)))
    return text[: starts[0][1]].strip(), items


def _clean_item(body: str) -> str:
    return body.strip().rstrip(",;").strip()
