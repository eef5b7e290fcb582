"""Timeframe cells to a type and a due date, by the contract's rules (REGISTER.md).

A named month, season, quarter or year is due on its last day: spring ends
31 May, summer 31 Aug, autumn 30 Nov, winter at the end of February of the
following year; financial years and their quarters start in April. Dates win
over "TBC" (``June 2023 (session) TBC (follow-up work)`` is a Date), except a
bare year beside "TBC", which stays To be agreed with a due date
(``TBA - 2024``). With several dates the latest is due: the action is done
when its last part is. A recurring, ongoing or ad hoc timeframe that also
names a date keeps its kind and takes the date as due. Each of those choices
is a :class:`~normalise.model.Repair` with confidence below 1.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from normalise.model import Repair, Timeframe, TimeframeType

FIELD = "Timeframe"
NOT_RECOGNISED = "timeframe not recognised: kept as written"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+term)?"
_YEAR4 = r"(?:19|20)\d\d"
# (month the season ends, whether it ends in the following calendar year)
_SEASON_END = {"spring": (5, False), "summer": (8, False), "autumn": (11, False),
               "fall": (11, False), "winter": (2, True)}  # fmt: skip

_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("numeric", r"\b(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>\d{4}|\d\d)\b"),
        ("day_month", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+"
                      rf"(?P<year>{_YEAR4})\b"),
        ("month_day", rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{_YEAR4})\b"),
        ("fy_quarter", r"\bq(?P<q>[1-4])\s*(?:fy\s*)?(?P<y1>(?:19|20)?\d\d)\s*[/-]\s*"
                       r"(?P<y2>\d\d(?:\d\d)?)\b"),
        ("quarter", rf"\bq(?P<q>[1-4])\s*(?P<y1>{_YEAR4})\b"),
        ("season_span", rf"\b{_SEASON}\s+(?P<y1>{_YEAR4})\s*[/-]\s*(?P<y2>\d\d(?:\d\d)?)\b"),
        ("season", rf"\b{_SEASON}[\s,-]*(?P<year>{_YEAR4}|'\d\d|\d\d)\b"),
        ("month", rf"\b{_MONTH}[\s,/-]*(?P<year>{_YEAR4}|'\d\d|\d\d)\b"),
        ("fy", rf"\b(?:fy\s*)?(?P<y1>{_YEAR4})\s*[/-]\s*(?P<y2>\d\d(?:\d\d)?)\b"),
        ("fy_short", r"\b(?P<y1>\d\d)/(?P<y2>\d\d)\b"),
        ("year", rf"\b(?P<year>{_YEAR4})\b"),
    )
)  # fmt: skip

_DAY_PATTERNS = frozenset({"numeric", "day_month", "month_day"})

_KEYWORDS: tuple[tuple[TimeframeType, str], ...] = (
    (TimeframeType.RECURRING,
     r"quarterly|monthly|annually|annual|yearly|weekly|fortnightly|termly|daily"
     r"|(?:bi|semi)-?annual(?:ly)?|(?:bi|tri|six|6|three|3|two|2|half|twelve|12)[\s-]?(?:monthly|weekly|yearly)"
     r"|twice\s+(?:a|per|each)\s+(?:year|month|term)|(?:once\s+)?per\s+(?:year|quarter|month|term)"
     r"|every\s+(?:\d+\s+|two\s+|three\s+|four\s+|six\s+|twelve\s+)?(?:weeks?|months?|years?|quarters?|terms?)"
     r"|(?:at\s+)?(?:each|every)\s+(?:[\w-]+\s+){0,2}meetings?"),
    (TimeframeType.ONGOING,
     r"on-?\s?going|continuous(?:ly)?|continual(?:ly)?|throughout(?:\s+the\s+year)?|business\s+as\s+usual"),
    (TimeframeType.AD_HOC,
     r"ad[\s-]?hoc|as\s+(?:and\s+when\s+)?(?:required|needed|necessary|appropriate)"
     r"|when\s+(?:required|needed|necessary)|as\s+and\s+when|if\s+required|by\s+exception"),
    (TimeframeType.TO_BE_AGREED,
     r"tb[acd]|to\s+be\s+(?:agreed|confirmed|decided|determined|arranged|scheduled)"
     r"|agree(?:d)?\s+(?:a\s+)?time\s*-?\s*frames?|time\s*-?\s*frames?\s+(?:to\s+be\s+)?(?:agreed|confirmed)"),
)  # fmt: skip
_KEYWORD_PATTERNS = tuple((kind, re.compile(rf"\b(?:{words})\b")) for kind, words in _KEYWORDS)


@dataclass(frozen=True, slots=True)
class _Found:
    """One date read from the text: its due day, whether it is only a year, and any guess."""

    due: date
    vague: bool = False
    guess: Repair | None = None


def parse_timeframe(text: str) -> tuple[Timeframe, tuple[Repair, ...]]:
    """Type a timeframe cell and find its due date.

    >>> parse_timeframe("Autumn 2023")[0].due
    datetime.date(2023, 11, 30)
    >>> str(parse_timeframe("TBA - 2024")[0].type)
    'To be agreed'
    """
    written = text.strip()
    if not written:
        return Timeframe("", TimeframeType.NONE, None), ()
    plain = re.sub(r"\s+", " ", written.casefold().replace("–", "-").replace("—", "-"))
    end = _range_end(plain)
    if end is not None:
        timeframe, of_end = parse_timeframe(end)
        note = Repair(FIELD, written, end, "a start - end range: the end decides", 0.8)
        return Timeframe(written, timeframe.type, timeframe.due), (*of_end, note)
    found = _dates(plain)
    kinds = _kinds(plain)
    repairs = [f.guess for f in found if f.guess is not None]
    if not found and not kinds:
        return Timeframe(written, TimeframeType.NONE, None), (
            Repair(FIELD, written, written, NOT_RECOGNISED, 0.2),
        )
    due = max((f.due for f in found), default=None)
    if len({f.due for f in found}) > 1:
        repairs.append(
            Repair(FIELD, written, f"{due:%d %b %Y}", "several dates: took the latest", 0.7)
        )
    timed = [k for k in kinds if k is not TimeframeType.TO_BE_AGREED]
    if len(set(kinds)) > 1 and not found:
        repairs.append(
            Repair(FIELD, written, str(kinds[0]), "several kinds of timeframe: took the first", 0.6)
        )
    if due is None:
        kind = kinds[0]
    elif timed:
        kind = timed[0]
        repairs.append(
            Repair(
                FIELD,
                written,
                f"{kind}, due {due:%d %b %Y}",
                f"{str(kind).lower()} timeframe naming a date: took the date as due",
                0.6,
            )
        )
    elif kinds and all(f.vague for f in found):
        kind = TimeframeType.TO_BE_AGREED
    else:
        kind = TimeframeType.DATE
    return Timeframe(written, kind, due), tuple(repairs)


# A range written "start - end" / "start to end": spaces round the dash, so
# that "2024-25" stays one financial year.
_RANGE = re.compile(r"^(?P<start>.+?)\s+(?:-|to|until|till)\s+(?P<end>.+)$")


def _range_end(plain: str) -> str | None:
    """The end of a ``start - end`` range whose end is not a date, or ``None``.

    The start must be a single dated month, season or day and the end a
    timeframe of its own: then the start says when work begins, not when it is
    due, and the end decides the type and due date (``April 2024 - Quarterly``
    is Recurring with no due date). A range of two dates needs no rule: the
    latest date is due already.

    >>> _range_end("april 2024 - quarterly")
    'quarterly'
    >>> _range_end("april 2024 - march 2025") is None
    True
    >>> _range_end("tba - 2024") is None
    True
    """
    match = _RANGE.match(plain)
    if match is None:
        return None
    start, end = match["start"], match["end"]
    dated = _dates(start)
    if len(dated) != 1 or dated[0].vague or _kinds(start):
        return None
    if _dates(end) or not _kinds(end):
        return None
    return end


def _dates(plain: str) -> list[_Found]:
    """Every date in the text, most specific pattern first; a match hides its span."""
    found: list[tuple[int, _Found]] = []
    for name, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(plain):
            hit = _read(name, match)
            if hit is not None:
                found.append((match.start(), hit))
            if hit is not None or name in _DAY_PATTERNS:
                # An impossible day ("31/02/2024") is no date, and its year is not one either.
                plain = plain[: match.start()] + " " * len(match.group()) + plain[match.end() :]
    return [hit for _, hit in sorted(found, key=lambda pair: pair[0])]


def _read(name: str, m: re.Match[str]) -> _Found | None:
    """The due date a matched pattern names, or ``None`` when it is no real date."""
    if name == "numeric":
        year = _full_year(m["year"])
        month, day = int(m["mon"]), int(m["day"])
        return _Found(date(year, month, day)) if _valid(year, month, day) else None
    if name in ("day_month", "month_day"):
        year, month, day = int(m["year"]), _MONTHS[m["month"][:3]], int(m["day"])
        return _Found(date(year, month, day)) if _valid(year, month, day) else None
    if name in ("fy_quarter", "fy", "fy_short", "season_span"):
        first = _full_year(m["y1"])
        if _full_year(m["y2"], century=first // 100) != first + 1:
            return None
        if name == "season_span":
            # An academic year: autumn in its first calendar year, the rest in its second.
            season = m["season"]
            year = first if season in ("autumn", "fall", "winter") else first + 1
            return _Found(_season_end(season, year))
        if name == "fy_quarter":
            return _Found(_quarter_end(first, int(m["q"])))
        return _Found(date(first + 1, 3, 31))
    if name == "quarter":
        first, q = int(m["y1"]), int(m["q"])
        fy_text = f"Q{q} {first}/{(first + 1) % 100:02d}"
        rule = "read a quarter as a financial-year quarter (April start)"
        as_financial = Repair(FIELD, m.group(), fy_text, rule, 0.6)
        return _Found(_quarter_end(first, q), guess=as_financial)
    if name in ("season", "month"):
        written = m["year"]
        year = _full_year(written.lstrip("'"))
        guess: Repair | None = None
        if name == "month" and len(written) == 2:
            # "Sept 23" could be the 23rd; a workplan almost always means the year.
            guess = Repair(FIELD, m.group(), f"{m['month']} {year}", "read a two-digit year", 0.7)
        if name == "season":
            return _Found(_season_end(m["season"], year), guess=guess)
        month = _MONTHS[m["month"][:3]]
        return _Found(date(year, month, calendar.monthrange(year, month)[1]), guess=guess)
    return _Found(date(int(m["year"]), 12, 31), vague=True)


def _full_year(written: str, century: int = 20) -> int:
    return int(written) if len(written) == 4 else century * 100 + int(written)


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _season_end(season: str, year: int) -> date:
    month, following = _SEASON_END[season]
    year += following
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(first_year: int, quarter: int) -> date:
    """Financial-year quarters: Q1 ends 30 Jun, Q2 30 Sep, Q3 31 Dec, Q4 31 Mar next year."""
    month = (3 + 3 * quarter) % 12 or 12
    year = first_year + (quarter == 4)
    return date(year, month, calendar.monthrange(year, month)[1])


def _kinds(plain: str) -> list[TimeframeType]:
    """The kinds of timeframe named in the text, in the order they are written."""
    hits = [
        (match.start(), kind)
        for kind, pattern in _KEYWORD_PATTERNS
        for match in pattern.finditer(plain)
    ]
    return [kind for _, kind in sorted(hits, key=lambda pair: pair[0])]


# What may end an action's text as its timeframe: a dated month, season or
# quarter, a financial year written with four digits, or a keyword. A bare year
# ("Domestic Abuse Act 2021") or "21/22" is too often something else.
_ATOM = (
    r"(?:by\s+)?(?:the\s+)?(?:end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH.replace('?P<month>', '?:')}\s+{_YEAR4}"
    rf"|{_MONTH.replace('?P<month>', '?:')}[\s,-]*(?:{_YEAR4}|'\d\d)"
    rf"|{_SEASON.replace('?P<season>', '?:')}\s+{_YEAR4}(?:\s*[/-]\s*\d\d(?:\d\d)?)?"
    rf"|q[1-4]\s*{_YEAR4}(?:\s*[/-]\s*\d\d(?:\d\d)?)?"
    rf"|{_YEAR4}\s*[/-]\s*\d\d(?:\d\d)?"
    rf"|{'|'.join(words for _, words in _KEYWORDS)})"
)
_TAIL = re.compile(rf"{_ATOM}(?:\s*(?:,|/|&|-|–|and|or|to|until|then)\s*{_ATOM})*", re.I)
_WORD_START = re.compile(r"(?<![\w'])[\w']")


def find_timeframe_in_text(text: str) -> str | None:
    """The timeframe written at the end of an action's final parenthesis, if any.

    The parenthesis must close the text (a full stop may follow) and its
    content must end with a timeframe; the longest such ending is returned as
    written.

    >>> find_timeframe_in_text("Consider findings and actions arising. (September 2021)")
    'September 2021'
    >>> find_timeframe_in_text("(to be informed by work of 3.1 above, October 2021)")
    'October 2021'
    >>> find_timeframe_in_text("(Contextual Safeguarding Strategy)") is None
    True
    """
    content = _final_parenthesis(text)
    if content is None:
        return None
    content = content.rstrip(" .;,")
    for start in _WORD_START.finditer(content):
        tail = content[start.start() :]
        if _TAIL.fullmatch(tail):
            return tail
    return None


def _final_parenthesis(text: str) -> str | None:
    """The content of the bracket pair that closes ``text``, or ``None``."""
    split = split_final_parenthesis(text)
    return split[1] if split is not None else None


def split_final_parenthesis(text: str) -> tuple[str, str] | None:
    """``(text before, content)`` of the bracket pair that closes ``text`` (a full stop
    may follow it), or ``None``.

    >>> split_final_parenthesis("Talks in schools (Head of Education).")
    ('Talks in schools', 'Head of Education')
    """
    stripped = text.rstrip().rstrip(".").rstrip()
    if not stripped.endswith(")"):
        return None
    depth = 0
    for position in range(len(stripped) - 1, -1, -1):
        char = stripped[position]
        depth += char == ")"
        depth -= char == "("
        if depth == 0:
            return stripped[:position].strip(), stripped[position + 1 : -1].strip()
    return None
