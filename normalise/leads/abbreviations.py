"""Abbreviations: a body's initials, a sub-group's abbreviation, and those spelt out in documents.

``learn_abbreviations`` finds ``Business Support Unit (BSU)`` in the documents'
text and keeps a pair only when the words' initials spell the abbreviation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from normalise.leads.words import STOPWORDS, SUBGROUP, WORD


def initials(text: str, prefixes: Iterable[str] = ()) -> str:
    """The capital initials of a body's significant words (``Business Support Unit`` -> ``BSU``)."""
    words = [w for w in WORD.findall(text.replace("-", " ")) if w.casefold() not in STOPWORDS]
    drop = set(prefixes)
    while len(words) > 1 and words[0].casefold() in drop:
        words = words[1:]
    return "".join(w[0].upper() for w in words)


def abbreviation_of(subgroup: str) -> str:
    """The usual abbreviation of a sub-group's name, from its initials.

    >>> abbreviation_of("Effective Safeguarding and Support Sub-Group")
    'ESS'
    """
    written = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", subgroup)
    if written:  # "Promote and Protect Young People (PPYP) Sub-Group"
        return written.group(1)
    skip = {"subgroup", "group", "workplan", "sub", "plan", "work", "draft"}
    words = [w for w in WORD.findall(SUBGROUP.sub(" ", subgroup)) if w.casefold() not in skip]
    return initials(" ".join(words))


def _fits(words: list[str], letters: str) -> bool:
    """Whether ``words`` spell ``letters`` by their initials; small words may be skipped."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if letters and word[0].casefold() == letters[0] and _fits(rest, letters[1:]):
        return True
    return word.casefold() in STOPWORDS and _fits(rest, letters)


def _expansion(text: str, abbreviation: str) -> str:
    """The shortest end of ``text`` whose words' initials spell ``abbreviation``, as written."""
    letters = "".join(c for c in abbreviation if c.isalpha())
    if len(letters) > 2 and letters.endswith("s"):  # a plural: CCGs
        letters = letters[:-1]
    letters = letters.casefold()
    found = list(WORD.finditer(text.replace("-", " ").replace("/", " ")))
    words = [m.group() for m in found]
    for start in range(len(words) - 1, max(-1, len(words) - 3 * len(letters) - 1), -1):
        run = words[start:]
        if run[0].casefold() not in STOPWORDS and run[0][0].isupper() and _fits(run, letters):
            return " ".join(text[found[start].start() :].split())
    return ""


_WRITTEN_OUT = re.compile(r"([^()\n]{2,160}?)\s*\(\s*([A-Z][A-Za-z&]*[A-Z]s?)\s*\)")
_WRITTEN_ABBR = re.compile(r"\b([A-Z][A-Z&]{1,7}s?)\s*\(\s*([^()\n]{2,80})\s*\)")


def learn_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviations the documents spell out, checked by their initials.

    Finds ``Business Support Unit (BSU)`` and ``BSU (Business Support Unit)`` and
    keeps a pair only when the words' initials spell the abbreviation (small words
    such as ``and`` may or may not count, as in ``VAWG``). The first expansion seen
    for an abbreviation wins.

    >>> learn_abbreviations(["the MSCP Business Support Unit (BSU) will", "CSF (Children)"])
    {'BSU': 'Business Support Unit'}
    """
    found: dict[str, str] = {}
    for text in dict.fromkeys(texts):  # a register repeats its texts: each read once
        if "(" in text:
            for abbreviation, expansion in _pairs_in(text):
                found.setdefault(abbreviation, expansion)
    return found


@functools.lru_cache(maxsize=1 << 16)
def _pairs_in(text: str) -> tuple[tuple[str, str], ...]:
    """The (abbreviation, expansion) pairs one text spells out, in order; every run
    asks again of the same texts, so the answers are kept."""
    pairs = []
    for match in _WRITTEN_OUT.finditer(text):
        expansion = _expansion(match.group(1), match.group(2))
        if expansion:
            pairs.append((match.group(2), expansion))
    for match in _WRITTEN_ABBR.finditer(text):
        inside = " ".join(match.group(2).split())
        if _expansion(inside, match.group(1)) == inside:
            pairs.append((match.group(1), inside))
    return tuple(pairs)
