"""Split one ``Lead`` cell into the leads, helpers and notes it names.

A cell is read in three steps. Brackets are set aside first, so nothing inside
``(Link to QA Subgroup, case audits)`` is split. The cell is then cut into
segments at strong breaks (new lines, ``;``, ``a)`` ``b)`` items, bullets), and
each segment into its lead part and its support part (after ``with support
from``, ``supported by``, or a bare ``with`` between two leads). Last, each part
is cut at weak breaks (``/``, ``,``, ``&``, ``and``), where ``&`` and ``and``
only split when both sides are a lead on their own.

A bracketed organisation (``Keith Shipman (LB Merton)``) becomes the mention's
organisation. Written after the last of several people joined by ``/``, ``&``
or ``and`` (``Keith Shipman/Robert Carrick (LB Merton)``), it is shared with the
others of that run who have none of their own, marked ``organisation_shared``
so the resolver trusts an organisation written beside the name itself first.

The vocabulary and the shape of names (what looks like a person, a body, a
role) live in ``words``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from normalise.leads.bodies import is_listed_name
from normalise.leads.words import (
    DOMAIN_WORDS,
    ORG_WORDS,
    ROLE_WORDS,
    clean_name,
    is_abbreviation,
    is_person_name,
    is_unassigned,
    stands_alone,
)
from normalise.model import Repair
from parsers.header_words import label_role
from parsers.model import Role

HEADER_BLEED_CONFIDENCE = 0.9
"""How sure the header-bleed rule is: the label is dropped only before a lead that
stands alone, but a body whose name starts with the label word would be cut."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One name in a cell.

    ``text`` is the name alone; ``organisation`` comes from a bracket
    (``organisation_shared`` when it was written after a neighbour's name);
    ``note`` holds other bracketed words; ``as_written`` is the piece of the
    cell the mention came from, brackets included.
    """

    text: str
    organisation: str = ""
    note: str = ""
    as_written: str = ""
    organisation_shared: bool = False


@dataclass(frozen=True, slots=True)
class LeadCell:
    """What one ``Lead`` cell says.

    ``unassigned`` is true when the cell names no lead: empty, ``Lead to be
    agreed``/``TBC``/``TBA`` (kept in ``unassigned_as``), or only a note. ``notes``
    holds every bracketed note, also those kept on a mention. ``repairs`` records
    what was dropped (header text bled into the cell).
    """

    leads: tuple[Mention, ...]
    support: tuple[Mention, ...]
    notes: tuple[str, ...]
    unassigned: bool
    unassigned_as: str = ""
    repairs: tuple[Repair, ...] = ()


_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_BRACKET = re.compile(r"\([^()\[\]\x00]*\)|\[[^()\[\]\x00]*\]")
_OPEN_TAIL = re.compile(r"[(\[][^()\[\]]*$")
_LINE_ITEM = re.compile(
    r"^[ \t]*(?:\(?[a-z]\)|[a-z]\.(?=\s)|\(?\d{1,2}\)|[·•▪◦‣*]|[-–](?=\s))[ \t]*", re.M
)
_INLINE_ITEM = re.compile(r"(?<=\s)\(?[a-z]\)\s+")
_WEAK = re.compile(r"\s*(/|,|&|\+|\band\b)\s*", re.IGNORECASE)
_EXPLICIT_SUPPORT = re.compile(
    r"\b(?:with\s+(?:the\s+)?support\s+(?:from|of)|supported\s+by|assisted\s+by)\b", re.I
)
_WITH = re.compile(r"\bwith\b", re.IGNORECASE)
_RUN_JOINS = frozenset({"/", "&", "and", "+"})
_CONNECTORS = frozenset({"&", "and", "of", "the", "for"})


def _plain(text: str) -> str:
    """The text without its bracketed parts or a stray bracket."""
    return clean_name(re.sub(r"[()\[\]]", " ", _PLACEHOLDER.sub(" ", text)))


def _restore(text: str, brackets: list[str]) -> str:
    while _PLACEHOLDER.search(text):
        text = _PLACEHOLDER.sub(lambda m: brackets[int(m.group(1))], text)
    return text


def _protect(text: str, brackets: list[str]) -> str:
    """Replace bracketed parts (innermost first, an unclosed one to the end) by placeholders."""

    def keep(match: re.Match[str]) -> str:
        brackets.append(match.group(0))
        return f"\x00{len(brackets) - 1}\x00"

    while True:
        replaced = _BRACKET.sub(keep, text)
        if replaced == text:
            break
        text = replaced
    return _OPEN_TAIL.sub(keep, text)


def _prepare(cell: str) -> str:
    """One item per line: list markers become line breaks, continued lines are joined."""
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\xa0", " ")
    text = _LINE_ITEM.sub("\n", text)
    text = _INLINE_ITEM.sub("\n", text)
    text = re.sub(r":[ ]*\n\s*", ": ", text)  # a label ending its line labels the next
    text = re.sub(r"[ ]*([/&,+])[ ]*\n\s*", r" \1 ", text)
    text = re.sub(r"\s*\n[ ]*([/&,+])[ ]*", r" \1 ", text)
    joins = r"and|with|supported\s+by|with\s+support\s+from"
    text = re.sub(rf"\s*\n\s*(?=(?:{joins})\b)", " ", text, flags=re.I)
    return re.sub(rf"\b({joins})[ ]*\n\s*", r"\1 ", text, flags=re.I)


def _chunks(part: str) -> list[tuple[str, str]]:
    """Cut ``part`` at weak breaks; each chunk comes with the separator before it."""
    pieces = _WEAK.split(part)
    chunks = [(pieces[0], "")]
    for written, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        sep = written.casefold()
        previous, before = chunks[-1]
        joins_two = stands_alone(_plain(previous)) and stands_alone(_plain(piece))
        # a listed body's own name ("Police and Crime Commissioner") is one lead
        joins_two = joins_two and not is_listed_name(_plain(f"{previous} {written} {piece}"))
        if sep in {"&", "and", "+"} and not joins_two:
            chunks[-1] = (f"{previous} {written} {piece}", before)  # inside one name
        else:
            chunks.append((piece, sep))
    return [(c, s) for c, s in chunks if _plain(c) or _PLACEHOLDER.search(c)]


# A label is the last word or two (three at most) before a colon inside a lead cell
# (``Support: Police``, ``Supported by: BSU``), read by the header vocabulary.
_LABEL_WORDS = 3


def _support_label(segment: str) -> tuple[str, str] | None:
    """``(before, after)`` a support label in ``segment`` (``Support:``, ``Partners:``), or
    None: the label opens the segment, or follows the lead when the cell's lines were run
    together (``Dan Price Support: Trading Standards``).

    >>> _support_label("Support: Police, Public Health")
    ('', 'Police, Public Health')
    >>> _support_label("Dan Price Support: Trading Standards")
    ('Dan Price', 'Trading Standards')
    >>> _support_label("Lead: TBC") is None, _support_label("Jo Brown") is None
    (True, True)
    """
    for colon in re.finditer(r":", segment):
        words, rest = segment[: colon.start()].split(), segment[colon.end() :]
        for k in range(1, min(_LABEL_WORDS, len(words)) + 1):
            role = label_role(" ".join(words[-k:]))
            if role is Role.SUPPORT and rest.strip():
                return " ".join(words[:-k]), rest.strip()
            if role is not None:
                break
    return None


def _split_support(segment: str) -> tuple[str, str]:
    match = _EXPLICIT_SUPPORT.search(segment)
    if match:
        return segment[: match.start()], segment[match.end() :]
    for match in _WITH.finditer(segment):
        left, right = segment[: match.start()], segment[match.end() :]
        if _chunks(left) and _chunks(right):
            last, first = _plain(_chunks(left)[-1][0]), _plain(_chunks(right)[0][0])
            if stands_alone(last) and stands_alone(first):
                return left, right
    return segment, ""


def _organisation_like(inner: str) -> bool:
    """``LB Merton``, ``NHS``, ``Merton Council``: capitalised, short, not a role or a remark."""
    words = inner.split()
    if not words or len(words) > 6 or is_unassigned(inner):
        return False
    if words[0].casefold() in ROLE_WORDS:
        return False
    if not all(w.casefold() in _CONNECTORS or w[0].isupper() or w[0].isdigit() for w in words):
        return False
    return (
        any(is_abbreviation(w) or w.casefold() in ORG_WORDS for w in words)
        or words[0].casefold() not in DOMAIN_WORDS
    )


def _mention(chunk: str, brackets: list[str]) -> tuple[Mention | None, list[str]]:
    """A chunk's name, organisation and notes; no mention when it holds only notes."""
    organisation, notes = "", []
    text = _plain(chunk)
    for match in _PLACEHOLDER.finditer(chunk):
        raw = _restore(brackets[int(match.group(1))], brackets)
        inner = clean_name(raw[1:-1] if raw[-1] in ")]" else raw[1:])
        if not inner:
            continue
        if raw[0] == "(" and is_person_name(inner) and text and not is_person_name(text):
            text, inner = inner, text  # "Hub Manager (Zoe Gallen)": the person leads
            notes.append(inner)
        elif raw[0] == "(" and not organisation and _organisation_like(inner):
            organisation = inner
        else:
            notes.append(inner)
    if not text or is_unassigned(text):  # "Keith Shipman / TBC": only Keith leads
        return None, notes
    as_written = clean_name(_restore(chunk, brackets))
    return Mention(text, organisation, "; ".join(notes), as_written), notes


def _parse_part(part: str, brackets: list[str], notes: list[str]) -> list[Mention]:
    """The mentions of one lead or support part, bracket organisations shared along a run."""
    parsed: list[tuple[Mention, str]] = []
    for chunk, sep in _chunks(part):
        mention, chunk_notes = _mention(chunk, brackets)
        notes.extend(chunk_notes)
        if mention is None:
            continue
        if sep == "," and parsed and _is_title_of(parsed[-1][0], mention):
            person, before = parsed[-1]  # "Sarah Pike, Principal Social Worker": her title
            note = "; ".join(n for n in (person.note, mention.text) if n)
            written = f"{person.as_written}, {mention.as_written}"
            parsed[-1] = (Mention(person.text, person.organisation, note, written), before)
            continue
        parsed.append((mention, sep))
    mentions = [m for m, _ in parsed]
    shared = ""
    for i in range(len(parsed) - 1, -1, -1):
        mention, sep = parsed[i]
        if not is_person_name(mention.text):
            shared = ""
        elif mention.organisation:
            shared = mention.organisation if not mention.organisation_shared else shared
        elif shared:
            mentions[i] = Mention(
                mention.text, shared, mention.note, mention.as_written, organisation_shared=True
            )
        if sep not in _RUN_JOINS:
            shared = ""
    return mentions


def _is_title_of(person: Mention, title: Mention) -> bool:
    """Whether ``title``, written after ``person`` and a comma, is that person's job title:
    a person's name, then a role (``Board Manager``, ``Head of Safeguarding``; not
    ``Police`` or another person).

    >>> _is_title_of(Mention("Karen Doyle"), Mention("Board Manager"))
    True
    >>> _is_title_of(Mention("Karen Doyle"), Mention("Police"))
    False
    """
    if person.note or not is_person_name(person.text) or is_person_name(title.text):
        return False
    words = [w.casefold().strip(".,") for w in title.text.split()]
    if not words:
        return False
    # a role by its head word (``Board Manager``) or opening ``Head of ...``
    return words[-1] in ROLE_WORDS or (
        len(words) > 2 and words[0] in ROLE_WORDS and words[1] == "of"
    )


def _drop_label(part: str, label: str) -> str | None:
    """``part`` without header text ``label`` bled in front of a lead; None when there is none."""
    match = re.match(rf"\s*{re.escape(label)}\b\s*([:\-–]\s*)?", part, re.IGNORECASE)
    if not label or match is None:
        return None
    rest = part[match.end() :]
    chunks = _chunks(rest)
    if not chunks:
        return None
    first = _plain(chunks[0][0])
    if match.group(1) is None:
        words = first.split()
        if not words or words[0].casefold() in ROLE_WORDS or not stands_alone(first):
            return None
    return rest


def _dedupe(mentions: list[Mention]) -> tuple[Mention, ...]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        key = m.text.casefold()
        if key not in seen or (m.organisation and not seen[key].organisation):
            seen[key] = m
    return tuple(seen.values())


@functools.lru_cache(maxsize=1 << 16)  # a register repeats its cells; a LeadCell is frozen
def split_lead_cell(cell: str, *, column_label: str = "Lead") -> LeadCell:
    """Split a ``Lead`` cell into its leads, its helpers and its notes.

    ``column_label`` is the column's header text, dropped when it has bled into
    the front of the cell (``Lead Business Support Unit/Anne Akamo``). The same
    name twice in one cell (``a) Keith Shipman ... e) Keith Shipman``) is one
    mention.

    >>> cell = split_lead_cell("Keith Shipman/Robert Carrick (LB Merton) supported by BSU")
    >>> [(m.text, m.organisation) for m in cell.leads], [m.text for m in cell.support]
    ([('Keith Shipman', 'LB Merton'), ('Robert Carrick', 'LB Merton')], ['BSU'])
    """
    brackets: list[str] = []
    text = _protect(_prepare(cell), brackets)
    leads: list[Mention] = []
    support: list[Mention] = []
    notes: list[str] = []
    repairs: list[Repair] = []
    unassigned_as = ""
    segments = [s for s in re.split(r"[\n;]", text) if _plain(s) or _PLACEHOLDER.search(s)]
    for n, segment in enumerate(segments):
        labelled = _support_label(segment)  # "Lead: Jo Brown; Support: Police"
        if labelled is not None:
            segment, rest = labelled
            support.extend(_parse_part(rest, brackets, notes))
        lead_part, support_part = _split_support(segment)
        phrase = _plain(lead_part)
        if phrase and is_unassigned(phrase):
            unassigned_as = unassigned_as or phrase
            notes.extend(
                clean_name(_restore(m.group(0), brackets)).strip("()[] ")
                for m in _PLACEHOLDER.finditer(lead_part)
            )
        else:
            dropped = _drop_label(lead_part, column_label) if n == 0 else None
            if dropped is not None:
                after = clean_name(_restore(dropped + support_part, brackets))
                rule = f"header text '{column_label}' bled into the cell: dropped"
                repairs.append(
                    Repair(column_label, clean_name(cell), after, rule, HEADER_BLEED_CONFIDENCE)
                )
                lead_part = dropped
            leads.extend(_parse_part(lead_part, brackets, notes))
        support.extend(_parse_part(support_part, brackets, notes))
    lead_mentions = _dedupe(leads)
    return LeadCell(
        leads=lead_mentions,
        support=_dedupe(support),
        notes=tuple(dict.fromkeys(n for n in notes if n)),
        unassigned=not lead_mentions,
        unassigned_as=unassigned_as if not lead_mentions else "",
        repairs=tuple(repairs),
    )
