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

The cues (what looks like a person's name, a body, a role) are general English
and public-sector wording, never a list of the names seen in sample documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalise.model import Repair


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Head nouns of bodies that exist in their own right or are a unit of one.
ORG_WORDS = _word_set(
    "police nhs council councils partnership trust ccg icb board unit service services "
    "department directorate authority agency borough ltd limited cic charity school "
    "schools college academy university hospital clinic probation commission office "
    "foundation division government ministry constabulary ambulance"
)
# Head nouns of groups of people inside a body.
TEAM_WORDS = _word_set(
    "team teams group groups subgroup subgroups panel forum committee network hub members "
    "partners inspectors scrutineers champions reps representatives practitioners colleagues "
    "officers leads managers everyone workstream taskforce"
)
# Job titles: a role is not a person's name, and the Leads sheet counts it as a group.
ROLE_WORDS = _word_set(
    "manager director head chair co-chair vice-chair officer lead coordinator co-ordinator "
    "scrutineer adviser advisor nurse doctor gp worker practitioner consultant commissioner "
    "administrator analyst secretary clerk inspector deputy interim acting principal "
    "specialist designated"
)
KEYWORDS = ORG_WORDS | TEAM_WORDS | ROLE_WORDS
# Ordinary words that open the names of services and groups ("Early Help", "Youth
# Inclusion", "Think Family"); a person's given name is not one of them.
DOMAIN_WORDS = _word_set(
    "early youth young children children's child adult adults family families think voice "
    "independent strategic business policy training quality public mental social education "
    "health community domestic local joint multi-agency safeguarding safer practice learning "
    "performance contextual emotional substance risk missing exploitation violence crime "
    "housing virtual named senior executive operational parent parents carers victims full "
    "whole all task neglect prevention help support inclusion special looked care leaving "
    "corporate integrated targeted universal commissioning communications workforce legal "
    "finance data digital research national regional county city central"
)
PARTICLES = _word_set("de da di du del della van von der den le la bin al st")
TITLES = _word_set("dr mr mrs ms miss mx cllr prof rev sir dame")
STOPWORDS = _word_set("and of the for to in on at with by a an")

_INITIAL = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}")  # K, K., J.K.; not QA
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)*")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,6}s?")
_BRACKETED = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?")
SUBGROUP = re.compile(r"\bsub[\s-]*group", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
_UNASSIGNED = re.compile(
    r"(?:lead\s*[:\-–]?\s*)?(?:"
    r"to\s+be\s+(?:agreed|confirmed|decided|determined|appointed|identified|allocated|assigned)"
    r"|t\.?b\.?[acd]\.?|n/?a|none|unassigned|unknown|vacant|agree\s+lead|\?+|-+|–+"
    r"|not\s+(?:yet\s+)?(?:agreed|assigned|known|confirmed|allocated)"
    r")(?:\s*[-–:]?\s*lead)?",
    re.IGNORECASE,
)


def clean_name(text: str) -> str:
    """One line, single spaces, no stray separators at either end.

    >>> clean_name("  Keith Shipman /")
    'Keith Shipman'
    """
    text = " ".join(text.replace("\u00a0", " ").split())
    return text.strip(" -–—•·*:;,./&")


def strip_brackets(text: str) -> str:
    """``text`` without its bracketed parts (``Keith Shipman (LB Merton)`` -> ``Keith Shipman``)."""
    return clean_name(_BRACKETED.sub(" ", text))


def is_unassigned(text: str) -> bool:
    """True for an empty cell and for ``Lead to be agreed``, ``TBC``, ``TBA``, ``N/A``..."""
    text = clean_name(text).strip("()[] ")
    return not text or _UNASSIGNED.fullmatch(text) is not None


def is_abbreviation(token: str) -> bool:
    """True for an all-capitals token such as ``BSU``, ``NHS``, ``MSCP``, ``CCGs``."""
    return _ABBREVIATION.fullmatch(token) is not None


def _word_key(token: str) -> str:
    return SUBGROUP.sub("subgroup", token.casefold().strip(".,'’"))


def is_person_name(text: str) -> bool:
    """True when ``text`` has the shape of a person's name.

    Two to four capitalised words (hyphens, apostrophes, initials, ``van``/``de``
    particles and titles allowed), none of them a body or role word, and the first
    not an ordinary word that opens a service's name.

    >>> is_person_name("James Dickson Leach"), is_person_name("Youth Inclusion")
    (True, False)
    """
    tokens = strip_brackets(text).split()
    while tokens and _word_key(tokens[0]) in TITLES:
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 4 or _word_key(tokens[0]) in DOMAIN_WORDS:
        return False
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        word = _word_key(token)
        if word in KEYWORDS:
            return False
        if 0 < i < last and word in PARTICLES:
            continue
        if _INITIAL.fullmatch(token):
            if i == last:
                return False
            continue
        if not _NAME_WORD.fullmatch(token):
            return False
    return True


def words_of(text: str) -> list[str]:
    """The words of ``text``, casefolded, ``Sub-Group`` spelt ``subgroup``."""
    return [_word_key(w) for w in WORD.findall(SUBGROUP.sub("subgroup", text))]


def stands_alone(text: str) -> bool:
    """True when ``text`` is a lead on its own: a person, a body, a role or an abbreviation.

    Used to decide whether ``&`` or ``and`` joins two leads or sits inside one name:
    ``Keith Shipman`` and ``Sarah Brewster`` stand alone; ``Youth Inclusion`` (in
    ``Service Manager - CSC & Youth Inclusion``) and ``Policy`` do not.
    """
    text = strip_brackets(text)
    if not text:
        return False
    if is_person_name(text):
        return True
    if any(w in KEYWORDS for w in words_of(text)):
        return True
    tokens = text.split()
    return all(is_abbreviation(t) for t in tokens) or text.casefold() in {"all", "everyone"}


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
        if sep in {"&", "and", "+"} and not joins_two:
            chunks[-1] = (f"{previous} {written} {piece}", before)  # inside one name
        else:
            chunks.append((piece, sep))
    return [(c, s) for c, s in chunks if _plain(c) or _PLACEHOLDER.search(c)]


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
        if mention is not None:
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
