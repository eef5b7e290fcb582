"""A document's own key to initials: ``JB – Jo Brown, Head of Early Help``.

Plans that write owners as initials explain them somewhere: a key table at the
end, a list under the title, a line in the notes. An entry is initials, a
separator (a dash, a colon, ``=`` or the border between two table cells, which
the parser writes as `` – ``), then a person's name, optionally followed by
their role after a comma or in brackets. It counts only when the initials are
the name's own (first letters of its words, titles and ranks left out, or of
its first and last word): that is what makes it a key to initials and not any
line with a dash in it.

The abbreviations the document's own text writes out (``Safeguarding Adults
Board (SAB)`` in its title or notes) are entries too. Lead cells are read
through the key before they are split into names, so ``DO/JB`` becomes
``DI Dan Okafor/Jo Brown``; the repair names the entries used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from normalise.leads.abbreviations import learn_abbreviations
from normalise.leads.words import is_person_name, without_titles
from normalise.model import Repair

INITIALS_RULE = "initials read through the document's own key"
KEY_TO_INITIALS_RULE = (
    "the document's own key to initials and abbreviations, used to read its lead cells"
)

_ENTRY = re.compile(
    r"^\s*(?P<initials>[A-Z](?:\.?[A-Z]){1,4})\.?\s*(?:[-–—:=]|\t)\s*(?P<who>\S.*)$"
)
# Where the name ends and the role starts: a comma, a bracket, a dash or a semicolon.
_ROLE_START = re.compile(r"\s*(?:,|\(|\s[-–—]\s|;)")


@dataclass(frozen=True, slots=True)
class InitialsEntry:
    """One line of the key: the initials, the name they stand for, the line as written."""

    initials: str
    name: str
    written: str


@dataclass(frozen=True, slots=True)
class InitialsKey:
    """Every entry of a document's key to initials (empty when it has none)."""

    entries: tuple[InitialsEntry, ...] = ()

    def expand(self, cell: str) -> tuple[str, tuple[InitialsEntry, ...]]:
        """The cell with each set of initials the key explains written as the name.

        Initials count only as a whole word in capitals standing as a lead of
        their own (``JB`` in ``JB / MH``; never inside ``JBC`` or ``Jb``, nor as a
        word of a longer name: ``QSAB Business Unit`` and ``LISG Chair`` stay
        as written); returns the new text and the entries used.

        >>> key = initials_key(["JB – Jo Brown, Head of Early Help", "MH: Mark Hughes"])
        >>> key.expand("JB / MH (chair)")[0]
        'Jo Brown / Mark Hughes (chair)'
        >>> key.expand("JBC")[0], key.expand("JB team")[0]
        ('JBC', 'JB team')
        """
        if not self.entries:
            return cell, ()
        by_initials = {e.initials: e for e in self.entries}
        used: dict[str, InitialsEntry] = {}

        def name(match: re.Match[str]) -> str:
            before, after = cell[: match.start()], cell[match.end() :]
            if not (_ALONE_BEFORE.search(before) and _ALONE_AFTER.match(after)):
                return match.group(0)  # a word of a longer name: ``QSAB Business Unit``
            entry = by_initials[match.group(0).replace(".", "")]
            used[entry.initials] = entry
            return entry.name

        text = _pattern(tuple(by_initials)).sub(name, cell)
        return text, tuple(used.values())

    def records(self) -> list[Repair]:
        """The Review record of the key itself (none when the document has no key)."""
        if not self.entries:
            return []
        entries = "; ".join(e.written for e in self.entries)
        return [
            Repair("Key", f"initials and abbreviations: {entries}", "", KEY_TO_INITIALS_RULE, 1.0)
        ]

    def repair(self, before: str, after: str, used: Iterable[InitialsEntry]) -> Repair:
        """The Review record of one lead cell read through the key."""
        entries = "; ".join(e.written for e in used)
        return Repair("Lead", before, after, f"{INITIALS_RULE} ({entries})", 0.95)


# What may stand between a lead of its own and its neighbours in a cell.
_ALONE_BEFORE = re.compile(r"(?:\A|[/,;&+(\n]|\band)\s*\Z", re.IGNORECASE)
_ALONE_AFTER = re.compile(r"\s*(?:\Z|[/,;&+()\[\n]|and\b)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _pattern(initials: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``initials`` as a whole word in capitals, longest first (made once per key)."""
    either = "|".join(re.escape(i) for i in sorted(initials, key=len, reverse=True))
    return re.compile(rf"(?<![\w&'’.-])(?:{either})(?![\w'’-])")


def _initials_of(words: list[str]) -> set[str]:
    letters = [w[0].upper() for w in words if w[:1].isalpha()]
    found = {"".join(letters)}
    if len(letters) > 2:
        found.add(letters[0] + letters[-1])
    return found


def key_entry(line: str) -> InitialsEntry | None:
    """The entry a line of a key to initials holds, or ``None`` when it is none.

    >>> key_entry("DO – DI Dan Okafor, Public Protection Unit")
    InitialsEntry(initials='DO', name='DI Dan Okafor', written='DO – DI Dan Okafor')
    >>> key_entry("RAG – Red, Amber, Green") is None, key_entry("Q3 – December") is None
    (True, True)
    """
    match = _ENTRY.match(line)
    if match is None:
        return None
    initials = match.group("initials").replace(".", "")
    who = match.group("who")
    cut = _ROLE_START.search(who)
    name = " ".join((who[: cut.start()] if cut else who).split())
    plain = without_titles(name)
    if not is_person_name(plain):
        return None
    words = plain.replace("-", " ").split()
    if initials not in _initials_of(words) | _initials_of(name.split()):
        return None
    return InitialsEntry(initials, name, f"{match.group('initials')} – {name}")


def initials_key(lines: Iterable[str]) -> InitialsKey:
    """Every key entry among a document's lines of text (one line may hold several,
    ``;`` separated), then every abbreviation the text writes out
    (``Safeguarding Adults Board (SAB)``); the first entry for a set of initials wins.

    >>> [e.initials for e in initials_key(["JB – Jo Brown; MH – Mark Hughes", "Notes"]).entries]
    ['JB', 'MH']
    """
    entries: dict[str, InitialsEntry] = {}
    lines = list(lines)
    for line in lines:
        for part in line.split(";"):
            entry = key_entry(part)
            if entry is not None:
                entries.setdefault(entry.initials, entry)
    # the abbreviations the document writes out: "Safeguarding Adults Board (SAB)"
    for abbreviation, name in learn_abbreviations(lines).items():
        if abbreviation.isupper():
            written = f"{abbreviation} – {name}"
            entries.setdefault(abbreviation, InitialsEntry(abbreviation, name, written))
    return InitialsKey(tuple(entries.values()))
