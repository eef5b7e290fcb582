"""What a header label means: the phrases workplans use for each column.

A label is matched against every phrase; the phrase that appears *first* in
the label wins, so ``ACTION – WHAT DO WE NEED TO DO ... /TIMESCALE FOR
DELIVERY?`` is an Action column even though it mentions a timescale. Where two
phrases start at the same place the longer one wins, so ``Success measure``
is a measure (a column the register does not use), not the Impact that
``success`` alone would suggest, and ``Action ref`` is an id, not the action.

Columns the register does not use (measures, evidence, progress updates,
comments, resources, budget, risks, start and review dates) are named too:
they are ``Role.OTHER`` on purpose and never take a role from their content.
"""

from __future__ import annotations

import functools
import re

from parsers.model import Role

# Phrases per role, as regular expressions on lower-cased, space-normalised
# text. Each alternative is a wording seen in published partnership plans;
# word boundaries keep "lead" out of "leadership" and "partner" out of
# "partnership". Anchored phrases (^...$) only count as the whole label:
# "No." or "Progress" alone are a column's name, inside a sentence they are not.
_VOCABULARY: tuple[tuple[Role, str], ...] = (
    (
        Role.ID,
        r"^(?:(?:action|item|task|activity|ref)\s*)?(?:ref(?:erence)?|no|number|id|#)"
        r"(?:\s*(?:no|number))?[\s.:#]*$",
    ),
    (
        Role.IMPACT,
        r"\bimpacts?\b|\boutcomes?\b|\bobjectives?\b|what (?:will|does) success look like"
        r"|what difference (?:will|does|would) (?:it|this|we) make|\baims?\b"
        r"|what (?:do )?we want to achieve",
    ),
    (
        Role.ACTION,
        r"\bactions?\b|what (?:do )?we (?:will|need to|are going to) do|what will we do"
        r"|\bactivit(?:y|ies)\b|\btasks?\b|\bdeliverables?\b"
        r"|how (?:will we|we will) (?:do|deliver|achieve)|priorit(?:y|ies) actions?",
    ),
    (Role.THEMES, r"cross[\s-]*cutting|\bthemes?\b"),
    (
        Role.LEAD,
        r"\bleads?\b|responsib|\bowners?\b|\bwho\b|accountable|named (?:officer|person)"
        r"|\bofficers?\b|(?:action|task|activity|priority) (?:owners?|leads?)",
    ),
    (
        Role.SUPPORT,
        r"\bpartners?\b|\bsupport(?:ed by|ing)?\b|\bcontributors?\b|who else"
        r"|in partnership with|(?:working|delivered|jointly) with\b|\bwith support from\b"
        r"|(?:other|partner|supporting|contributing) (?:agenc(?:y|ies)|organi[sz]ations?|bod(?:y|ies))"
        r"|\bcollaborators?\b",
    ),
    (
        Role.TIMEFRAME,
        r"time\s*frames?|time\s*scales?|by when|deadlines?|\bdue\b|target (?:completion )?dates?"
        r"|completion dates?|end dates?|\bwhen\b|\bdates?\b"
        r"|(?:action|task|activity) (?:dates?|deadlines?|due)",
    ),
    (
        Role.STATUS,
        r"\bstatus\b|\bb?rag\b|^progress[\s.:]*$|(?:action|task|activity) (?:status|b?rag)\b",
    ),
    (Role.PRIORITY, r"\bpriorit(?:y|ies)\b(?!\s*\d)"),
    (
        Role.OTHER,
        r"success (?:measures?|criteria|indicators?)|measures? of success"
        r"|how (?:will we|we will|do we) (?:know|measure)"
        r"|(?:outcome|performance|impact) (?:measures?|indicators?)|\bkpis?\b"
        r"|\bmeasures?\b|\bindicators?\b|\bevidence\b"
        r"|(?:progress|status) (?:updates?|to date|reports?|notes?|commentary)"
        r"|\bupdates?\b|\bcomments?\b|\bcommentary\b|\bnotes?\b"
        r"|\bresources?\b|\bbudgets?\b|\bcosts?\b|\bfunding\b|\brisks?\b|\bissues?\b"
        r"|start dates?|review dates?|^(?:start|from|begin)[\s.:]*$|\bbaseline\b",
    ),
)
_PATTERNS = tuple((role, re.compile(pattern)) for role, pattern in _VOCABULARY)

# The head word of a lead label says who it names. The register's Lead is the
# person who answers for the action; a column naming the body they work for
# (``Accountable body`` beside ``Lead officer``) is context, not the lead.
_PERSON = re.compile(
    r"\b(?:officers?|persons?|people|owners?|managers?|names?|contacts?|individuals?"
    r"|who|champions?|coordinators?|leads?)\b"
)
_BODY = re.compile(
    r"\b(?:bod(?:y|ies)|organi[sz]ations?|agenc(?:y|ies)|partners?|services?|departments?"
    r"|directorates?|institutions?|sectors?|boards?|teams?|groups?|partnerships?)\b"
)


def lead_rank(text: str) -> int:
    """How surely a lead label names a person: 2 when its last naming word is a
    person's (``Lead officer``), 0 when it is a body's (``Accountable body``,
    ``Lead organisation``), 1 when it names neither.

    >>> lead_rank("Lead officer"), lead_rank("Lead organisation"), lead_rank("Accountable")
    (2, 0, 1)
    """
    lowered = " ".join(text.lower().split())
    person = [m.start() for m in _PERSON.finditer(lowered)]
    body = [m.start() for m in _BODY.finditer(lowered)]
    if not person and not body:
        return 1
    return 2 if max(person, default=-1) > max(body, default=-1) else 0


@functools.lru_cache(maxsize=1024)  # a table's labels, asked once a row
def names_role(text: str, role: Role) -> bool:
    """Whether any phrase of ``role`` appears in the label, first or not.

    >>> names_role("Lead agency and partners", Role.SUPPORT)
    True
    """
    lowered = " ".join(text.lower().split())
    return any(r is role and pattern.search(lowered) for r, pattern in _PATTERNS)


def label_role(text: str) -> Role | None:
    """The role a header label names: ``Role.OTHER`` for a column named but not
    used (``Success measure``), ``None`` when no phrase matches at all.

    >>> label_role("Success measure"), label_role("Start"), label_role("Column 3")
    (<Role.OTHER: 'other'>, <Role.OTHER: 'other'>, None)
    """
    lowered = " ".join(text.lower().split())
    best: tuple[int, int, Role] | None = None
    for role, pattern in _PATTERNS:
        match = pattern.search(lowered)
        if match is None:
            continue
        key = (match.start(), -(match.end() - match.start()), role)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def role_of(text: str) -> Role:
    """The role a header cell's text names, or ``Role.OTHER``.

    >>> role_of("IMPACT – WHAT WILL SUCCESS LOOK LIKE?")
    <Role.IMPACT: 'impact'>
    >>> role_of("By when?"), role_of("Progress update"), role_of("Ref.")
    (<Role.TIMEFRAME: 'timeframe'>, <Role.OTHER: 'other'>, <Role.ID: 'id'>)
    """
    return label_role(text) or Role.OTHER


def names_nothing(text: str | None) -> bool:
    """True when a header label is empty or matches no phrase, so the column's
    content may say what it is (a column of codes is the id).

    >>> names_nothing(""), names_nothing("Column 3"), names_nothing("Evidence")
    (True, True, False)
    """
    return not (text or "").strip() or label_role(text or "") is None
