"""Repair the text of one table cell: encoding, alt text, header bleed, repetition.

Every rule is a pure function of the cell's value (and of the table's header
labels for header bleed). Each change a reader would notice comes back as a
:class:`~normalise.model.Repair` worded for an analyst; tidying whitespace does
not, because it would bury the real repairs in noise.

Dashes are kept: an em dash or a spaced en dash used as a separator becomes
`` – `` (spaced en dash) so that ``Keith Shipman—June`` and ``Keith Shipman –
June`` read the same, but an unspaced en dash in a range (``2021–22``) is left
alone. Hyphens are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ftfy

from normalise.model import Repair

# A few passes reach a fixed point on any real text: removing alt text or a
# header prefix can expose a repetition, collapsing one can expose another.
_MAX_PASSES = 6

# A dropped cut-off tail must be rebuilt from pieces of the earlier text that
# are long enough not to match by chance ("of the", "to be" occur everywhere).
MIN_TAIL_PIECE_WORDS = 3
# ...and from only a few of them: a tail stitched from many scraps is more
# likely new text that happens to reuse common phrases.
MAX_TAIL_PIECES = 3

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})  # fmt: skip
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\v\f]")
# An em dash or horizontal bar is always a separator; an en dash is one only
# when it has a space on at least one side.
_SEPARATOR_DASH = re.compile(r"[ ]*[—―][ ]*|[ ]+–[ ]*|[ ]*–[ ]+")

_ALT_MARKER = (
    r"description automatically generated(?: with (?:very )?(?:low|medium|high) confidence)?"
)
# How Word's automatic alt text begins ("A close up of a logo", "Logo", "Text,
# icon"); only text starting like this, right before the marker, is removed.
_ALT_CAPTION = (
    r"(?:a (?:picture|close[- ]up|drawing|screenshot|photo|black and white|cartoon|logo|sign)"
    r"|logo|icon|text|diagram|shape|chart|graphical user interface|background pattern)"
)
_ALT_PATTERNS = (
    re.compile(r"\[image:[^\]\n]*\]", re.I),
    re.compile(
        rf"(?:^|(?<=[\[\]]))[ ]*{_ALT_CAPTION}[^\[\]\n]{{0,150}}?\s+{_ALT_MARKER}[ ]*\]?",
        re.I | re.M,
    ),
    re.compile(rf"\[?[ ]*(?:image:[ ]*)?{_ALT_MARKER}[ ]*\]?", re.I),
    re.compile(
        r"^[ ]*\[?[ ]*(?:a close[- ]up of (?:a )?logo|a picture containing [^\n\]]*|logo)"
        r"[ ]*\]?[ ]*$",
        re.I | re.M,
    ),
    # A "]" cannot start real cell text: it is what is left of "[image: ...]".
    re.compile(r"\A[ \n]*\][ ]*"),
)

_WORD = re.compile(r"[^\W_]+")
# A sentence ends at . ! ? or … (maybe followed by closing quotes or brackets)
# before whitespace; a line break also ends a unit.
_UNIT_END = re.compile(r"[.!?…]+[\"')\]]*(?:[ ]*\n|[ ]+)|\n")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"')\]]*\Z")


def repair_text(
    text: str,
    field: str,
    *,
    own_label: str = "",
    header_labels: Sequence[str] = (),
) -> tuple[str, tuple[Repair, ...]]:
    """Repair one cell's text and say what was changed.

    ``field`` names the register column the cell feeds (``"Impact"``); it goes
    into each :class:`Repair`. ``own_label`` is the header label of the cell's
    own column: a cell starting with it followed by more text loses it.
    ``header_labels`` are every header label of the table (the own label is
    always included): a cell that is wholly a piece of one becomes ``""``.

    The result is idempotent: repairing it again changes nothing.

    >>> repair_text("Agree the plan. Agree the plan. Agree the plan.", "Action")[0]
    'Agree the plan.'
    >>> repair_text("ACHIEVE OUR GOALS", "Action",
    ...             header_labels=["ACTION – WHAT DO WE DO TO ACHIEVE OUR GOALS?"])[0]
    ''
    """
    repairs: list[Repair] = []
    labels = (own_label, *header_labels) if own_label else tuple(header_labels)
    current = text
    for _ in range(_MAX_PASSES):
        before = current
        current = _one_pass(current, field, own_label, labels, repairs)
        if current == before:
            break
    return current, tuple(repairs)


def _one_pass(
    text: str, field: str, own_label: str, labels: Sequence[str], repairs: list[Repair]
) -> str:
    """Apply every rule once, in an order where each sees the previous one's output."""
    steps = (
        (_fix_mojibake, "fixed mojibake", 1.0),
        (_straighten_quotes, "straightened curly quotes", 1.0),
        (_space_dashes, "made dashes consistent", 1.0),
        (_remove_alt_text, "removed logo alt text", 0.95),
    )
    text = tidy_whitespace(text)
    for rule_fn, rule, confidence in steps:
        changed = tidy_whitespace(rule_fn(text))
        if changed != text:
            repairs.append(Repair(field, text, changed, rule, confidence))
            text = changed
    if text and _is_header_fragment(text, labels):
        repairs.append(Repair(field, text, "", "removed header text bled into the cell", 0.9))
        return ""
    stripped = _strip_label_prefix(text, own_label)
    if stripped != text:
        repairs.append(Repair(field, text, stripped, "removed header text bled into the cell", 0.8))
        text = stripped
    text = _collapse_repeats(text, field, repairs)
    dropped = _drop_repeated_tail(text)
    if dropped is not None:
        after, mid_word = dropped
        repairs.append(
            Repair(
                field,
                text,
                after,
                "dropped a cut-off tail repeating earlier text",
                0.9 if mid_word else 0.8,
            )
        )
        text = after
    return text


def tidy_whitespace(text: str) -> str:
    """Normalise spaces and line breaks; no :class:`Repair` is worth recording for it.

    Non-breaking and other odd spaces become spaces, runs of spaces collapse,
    each line is stripped, blank lines go and the whole is stripped.

    >>> tidy_whitespace("  Keith\\u00a0 Shipman \\n\\n  (LB Merton) ")
    'Keith Shipman\\n(LB Merton)'
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    lines = (re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _fix_mojibake(text: str) -> str:
    # Only the encoding fix: ftfy's other fixes (quotes, widths) are our own
    # steps so each is reported under its own name.
    return str(ftfy.fix_encoding(text))


def _straighten_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def _space_dashes(text: str) -> str:
    return _SEPARATOR_DASH.sub(" – ", text)


def _remove_alt_text(text: str) -> str:
    for pattern in _ALT_PATTERNS:
        text = pattern.sub("", text)
    return text


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _is_header_fragment(text: str, labels: Sequence[str]) -> bool:
    """True when the whole cell is a run of words from one header label.

    One word is too weak a sign ("All" could sit inside a long label) unless it
    is the whole label.
    """
    words = _words(text)
    if not words:
        return False
    for label in labels:
        label_words = _words(label)
        if words == label_words or (len(words) >= 2 and _contains_run(label_words, words)):
            return True
    return False


def _strip_label_prefix(text: str, label: str) -> str:
    """Remove the column's own label from the start of the cell, when real content follows.

    The content must start with a capital or a digit: in ``Lead to be agreed``
    the label word reads on into the sentence, so it stays.
    """
    label_words = _words(label)
    if not label_words:
        return text
    pattern = re.compile(
        r"\A\W*(?i:" + r"\W+".join(map(re.escape, label_words)) + r")\b[\W_]*(?=[A-Z0-9])"
    )
    stripped = text
    while (match := pattern.match(stripped)) and match.end() < len(stripped):
        stripped = stripped[match.end() :]
    return strip_own_label(stripped, label)


# A label's own words end where its explanation starts: "Impact – what will
# success look like?", "Lead/Owner", "Timeframe (by when)".
_LABEL_END = re.compile(r"\s[–—-]\s|[/?(:]")


def strip_own_label(text: str, label: str) -> str:
    """Remove a column's label written with a colon before its own cell's content.

    The label's leading words, all or the first ones, then ``:``: under
    ``Responsible officer``, ``Responsible: Jo Bloggs`` and ``Responsible
    officer: Jo Bloggs`` both read ``Jo Bloggs``. The colon is what marks the
    words as a label, so ``Lead to be agreed`` keeps its first word.

    >>> strip_own_label("Responsible: Jo Bloggs", "Responsible officer")
    'Jo Bloggs'
    >>> strip_own_label("Lead to be agreed", "Lead")
    'Lead to be agreed'
    """
    words = _words(_LABEL_END.split(label, maxsplit=1)[0])
    if not words:
        return text
    runs = "|".join(r"\W+".join(map(re.escape, words[:n])) for n in range(len(words), 0, -1))
    match = re.match(rf"\A\W*(?i:{runs})[ ]*:\s*(?=\S)", text)
    return text[match.end() :] if match else text


def _units(text: str) -> list[tuple[str, str]]:
    """Split text into (sentence or line, separator after it) pairs."""
    units: list[tuple[str, str]] = []
    start = 0
    for match in _UNIT_END.finditer(text):
        body_end = match.start() + len(match.group().rstrip(" \n"))
        units.append((text[start:body_end], text[body_end : match.end()]))
        start = match.end()
    if start < len(text):
        units.append((text[start:], ""))
    merged: list[tuple[str, str]] = []
    for body, sep in units:
        if body.strip() or not merged:
            merged.append((body, sep))
        else:
            # A bare line break belongs to the unit before it, so repeats stay adjacent.
            merged[-1] = (merged[-1][0], merged[-1][1] + body + sep)
    return merged


def _collapse_repeats(text: str, field: str, repairs: list[Repair]) -> str:
    """Collapse consecutive repeats of a sentence, or of a run of sentences, to one.

    Only units that occur at least twice in a row are removed, so a sentence
    that appears once always survives.
    """
    units = _units(text)
    keys = [" ".join(body.split()) for body, _ in units]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(units):
        size, count = _repeat_at(keys, i)
        if count < 2:
            out.append(units[i])
            i += 1
            continue
        block = units[i : i + size]
        last_sep = units[i + size * count - 1][1]
        out.extend([*block[:-1], (block[-1][0], last_sep)])
        rebuilt = "".join(body + sep for body, sep in out + units[i + size * count :])
        after = tidy_whitespace(rebuilt)
        what = "a sentence" if size == 1 else f"a run of {size} sentences"
        repairs.append(Repair(field, text, after, f"collapsed {what} repeated {count} times", 0.95))
        text = after
        i += size * count
    return tidy_whitespace("".join(body + sep for body, sep in out))


def _repeat_at(keys: Sequence[str], i: int) -> tuple[int, int]:
    """The shortest block starting at ``i`` that repeats right after itself, and its count."""
    for size in range(1, (len(keys) - i) // 2 + 1):
        block = keys[i : i + size]
        # A unit without a word (a leader dot in ". . . .") is no sentence.
        if not all(map(_WORD.search, block)) or keys[i + size : i + 2 * size] != block:
            continue
        count = 2
        while keys[i + count * size : i + (count + 1) * size] == block:
            count += 1
        return size, count
    return 1, 1


def _drop_repeated_tail(text: str) -> tuple[str, bool] | None:
    """Drop an unpunctuated final fragment made only of pieces of the earlier text.

    The tail must follow a sentence on the same line (a list's last line is
    not a cut-off sentence) and must not end in a bracket or quote, which a
    cut-off never does. A last line that starts in lower case after a line
    with no stop is the same line wrapped (a PDF cell's), and read so. Returns
    the shortened text and whether the tail ended mid-word, or ``None`` when
    the tail stays.
    """
    dropped = _drop_tail(text)
    head, _, last = text.rpartition("\n")
    if dropped is None and head and last[:1].islower() and not _ENDS_SENTENCE.search(head):
        dropped = _drop_tail(f"{head} {last}")
    return dropped


def _drop_tail(text: str) -> tuple[str, bool] | None:
    units = _units(text)
    if len(units) < 2 or "\n" in units[-2][1]:
        return None
    tail = units[-1][0]
    if _ENDS_SENTENCE.search(tail) or re.search(r"[\"')\]]\s*\Z", tail):
        return None
    earlier = "".join(body + sep for body, sep in units[:-1])
    covered = _cover(_words(tail), _words(earlier))
    if covered is None:
        return None
    return earlier.rstrip(), covered


def _cover(tail: Sequence[str], earlier: Sequence[str]) -> bool | None:
    """Cover ``tail`` greedily with long runs of ``earlier``; the last word may be cut short.

    Returns whether the last word was cut short, or ``None`` if the tail cannot
    be covered by at most :data:`MAX_TAIL_PIECES` runs of at least
    :data:`MIN_TAIL_PIECE_WORDS` words.
    """
    if len(tail) < MIN_TAIL_PIECE_WORDS:
        return None
    position, pieces, mid_word = 0, 0, False
    while position < len(tail):
        best, best_cut = 0, False
        for start in range(len(earlier)):
            length, cut = _run_length(tail, position, earlier, start)
            if length > best:
                best, best_cut = length, cut
        if best < MIN_TAIL_PIECE_WORDS or pieces == MAX_TAIL_PIECES:
            return None
        position += best
        pieces += 1
        mid_word = best_cut
    return mid_word


def _run_length(
    tail: Sequence[str], at: int, earlier: Sequence[str], start: int
) -> tuple[int, bool]:
    """How many words of ``tail`` from ``at`` match ``earlier`` from ``start``."""
    length = 0
    while at + length < len(tail) and start + length < len(earlier):
        word, source = tail[at + length], earlier[start + length]
        if word == source:
            length += 1
        elif at + length == len(tail) - 1 and source.startswith(word):
            return length + 1, True
        else:
            break
    return length, False
