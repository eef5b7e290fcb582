"""Words and patterns that both the parsers and the normaliser read workplans by.

One definition each, so a reader that finds a table and the rules that make
actions of it agree on what an action id or a status word is. The parsers
layer cannot import ``normalise``; ``normalise`` imports from here.

- :data:`ACTION_ID`: an action id at the start of a text (``1.1``, ``2.1a``,
  ``2.1 a)``, ``2.1(a)``, ``1.2.3``), with its parts named.
- :data:`PRIORITY_START`: a priority number at the start of a text, after an
  optional label (``3.``, ``Priority 3:``, ``Outcome 1 –``, ``Objective 2)``).
- :data:`STATUS_PATTERNS`: status words by the register's status name;
  :data:`STATUS_WORDS` any of them.
- :func:`carries_on`: whether a text reads as the rest of the one above it
  (a cell cut by a page break), by :data:`SENTENCE_END`.
- :data:`WORD_PLACEHOLDER`: the text Word shows in a form field nobody filled
  in (``Click or tap here to enter text.``): a cell holding it is empty.
"""

from __future__ import annotations

import re

# "1.1", "2.1a", "2.1 a)", "2.1(a)", "1.2.3"; parts of one or two digits so a
# year ("2021.") or an amount ("2.125") is never read as an id.
ACTION_ID = re.compile(
    r"""\A\s*
    (?P<number>\d{1,2}(?:\.\d{1,2}){1,2})
    (?:
        (?P<letter>[a-zA-Z])(?![a-zA-Z])\)?     # 2.1a  2.1a)
      | \s*\(?(?P<spaced>[a-z])\)               # 2.1 a)  2.1 (a): the bracket says it is no article
    )?
    (?![\d%])
    [\s.:)\-–]*
    """,
    re.X,
)

# The words a document puts before a priority's number ("Priority 2:",
# "Strategic objective 3.", "Outcome 1 –").
PRIORITY_LABEL = (
    r"(?:(?:strategic|key|our)\s+)?"
    r"(?:priority(?:\s+area)?|outcome|objective|aim|goal|ambition|theme|workstream|area)"
)

# "3. MSCP", "3) MSCP", "Priority 3: MSCP", "Outcome 1 – Safe", or "1 Provide"
# (a bare number counts only before a capital, so "3 agencies will ..." keeps
# its number).
PRIORITY_START = re.compile(
    rf"\A\s*(?:(?i:{PRIORITY_LABEL})\s*)?(?P<number>\d{{1,2}})"
    r"(?:\s*[.):]\s*(?!\d)|\s*[–—-]\s+(?!\d)|\s+(?=[A-Z(\"'“‘]))"
)

# Keyed by the register's ``Status`` values (``normalise.model.Status``), in
# the order they are tried. A single letter is a RAG scale's: B or C (blue,
# complete), R, A, G.
STATUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Complete",
        re.compile(r"\b(complete[d]?|done|achieved|closed)\b|^[bc]$|^blue$|dark\s*green", re.I),
    ),
    ("Overdue", re.compile(r"\b(overdue|off[\s-]*track|behind|missed)\b|^r(ed)?$", re.I)),
    # "Delayed" is slipping, not yet late: the amber of a RAG scale.
    ("At risk", re.compile(r"\b(at[\s-]*risk|delayed|slipping|slipped)\b|^a(mber)?$", re.I)),
    (
        "On track",
        re.compile(
            r"\b(on[\s-]*(?:track|schedule|target|course)|in[\s-]*progress|progressing)\b"
            r"|^g(reen)?$",
            re.I,
        ),
    ),
)

# Any status word, as a colour key's labels use them (``Action on Track``).
STATUS_WORDS = re.compile(
    r"\b(complete[d]?|done|achieved|on[\s-]*track|at[\s-]*risk|overdue|delayed|behind|"
    r"slipping|slipped|missed|progressing|"
    r"not[\s-]*started|off[\s-]*track|in[\s-]*progress|on[\s-]*(?:schedule|target)|"
    r"red|amber|green|blue)\b",
    re.IGNORECASE,
)

# Where a cell's text may stop: a sentence's end, or a closing bracket.
WORD_PLACEHOLDER = re.compile(
    r"\s*(?:click|tap)(?: or tap)? (?:here )?to enter (?:text|a date)\.?"
    r"|\s*choose an item\.?|\s*enter text here\.?",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?;)\]]\s*$")


def carries_on(above: str, text: str) -> bool:
    """Whether ``text`` reads as the rest of ``above``: it starts in lower case, or
    ``above`` stops mid-sentence. Only the words' side of the question: whether
    the layout allows a join (a page break between the two) is the caller's.

    >>> carries_on("Keep children safe from harmful sexual", "Behaviour beyond the home.")
    True
    >>> carries_on("Children are safe.", "Families are supported.")
    False
    """
    stripped = text.strip()
    return bool(stripped) and (stripped[0].islower() or not SENTENCE_END.search(above))
