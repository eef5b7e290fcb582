"""Cross-cutting themes: the configurable canonical list and matching cells onto it.

The default list lives in ``normalise/themes.json`` beside this module; a user
file of the same shape replaces it::

    {"themes": [{"name": "Think Family", "aliases": ["Think families"]}, "Early help"]}

An entry is a name, or an object with a ``name`` and optional ``aliases``.
Matching ignores case, punctuation, ``&`` versus ``and``, filler words, and
spells out abbreviations (CYP, YP); near misses are matched by similarity
and reported with their score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from normalise.ids import split_sub_items
from normalise.model import Repair
from parsers.errors import ConfigError

FIELD = "Themes"
# Shipped beside this module (pyproject's package-data includes normalise/*.json).
DEFAULT_THEMES_FILE = Path(__file__).with_name("themes.json")

# token_sort_ratio on theme keys scores a slip of a letter or two ("Think
# Famly" 96, "Thinking family" 89, "Adressing" 98) above 85, and part of a
# theme or an unrelated one ("Family" 67, "Early help" 45) below it; the five
# default themes score at most 53 against each other. WRatio was rejected: its
# partial matching gives any shared word ("Families", "Voice") 90.
THEME_SCORE_CUTOFF = 85.0
# Two themes scoring within this of each other are a coin toss ("Families"
# fits "Think Family" and "Pressures on families" alike): neither is taken.
AMBIGUITY_MARGIN = 3.0

_ABBREVIATIONS = {
    "cyp": "children and young people",
    "yp": "young people",
    "c&yp": "children and young people",
}
# Words whose presence or absence does not change which theme is meant.
_FILLER = frozenset({"a", "an", "and", "the", "of"})
_SUPERSCRIPTS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A theme written at greater length ("Pressures on families including
# cost-of-living ...") starts with at least this many words of the theme's key.
MIN_PREFIX_WORDS = 2
_SPLIT = re.compile(r"[;\n]")
_FOOTNOTE_MARK = re.compile(r"\A\s*(?:\[\d+:\s*\]|\d+\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*")


@dataclass(frozen=True, slots=True)
class Theme:
    """One canonical theme and the other ways it is written."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThemeConfig:
    """The canonical themes, in the order the register lists them."""

    themes: tuple[Theme, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical names."""
        return tuple(t.name for t in self.themes)


def theme_key(text: str) -> str:
    """The form two spellings of a theme share.

    Case, punctuation, ``&``, filler words and plural endings are ignored,
    and abbreviations are spelled out.

    >>> theme_key("Voice of CYP & Families")
    'voice children young people family'
    """
    text = text.casefold().translate(_SUPERSCRIPTS)
    for short, long in _ABBREVIATIONS.items():
        text = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", long, text)
    words = re.findall(r"[^\W_]+", text.replace("&", " and "))
    return " ".join(_singular(w) for w in words if w not in _FILLER)


def _singular(word: str) -> str:
    # Enough for theme words ("families", "reviews"); "ss" keeps "progress".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def load_themes(path: Path | None = None) -> ThemeConfig:
    """Read a theme list; ``None`` reads the default one shipped with the package.

    Raises :class:`~parsers.errors.ConfigError` naming the file when it is
    missing, not JSON, or not shaped like ``{"themes": [...]}``.
    """
    name = path.name if path is not None else "themes.json (default)"
    try:
        text = (path or DEFAULT_THEMES_FILE).read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(
            f"{name}: cannot read the theme list ({e.strerror}): check the path"
        ) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError(
            f"{name}: not valid JSON (line {e.lineno}, column {e.colno}): fix the file"
        ) from e
    return _config_from_json(data, name)


def _config_from_json(data: object, name: str) -> ThemeConfig:
    shape = 'expected {"themes": [{"name": "...", "aliases": ["..."]}, ...]}'
    entries = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{name}: {shape}")
    themes: list[Theme] = []
    owner: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, str):
            entry = {"name": entry}
        theme_name = entry.get("name") if isinstance(entry, dict) else None
        aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
        if (
            not isinstance(theme_name, str)
            or not theme_name.strip()
            or not isinstance(aliases, list)
        ):
            raise ConfigError(f'{name}: a theme needs a non-empty "name"; {shape}')
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError(f"{name}: the aliases of {theme_name!r} must be non-empty strings")
        for spelling in (theme_name, *aliases):
            key = theme_key(spelling)
            if owner.setdefault(key, theme_name) != theme_name:
                raise ConfigError(
                    f"{name}: {spelling!r} would match both {owner[key]!r} and {theme_name!r}: "
                    "keep it under one theme"
                )
        themes.append(Theme(theme_name.strip(), tuple(a.strip() for a in aliases)))
    return ThemeConfig(tuple(themes))


@lru_cache(maxsize=32)
def _keys(config: ThemeConfig) -> dict[str, str]:
    """Every spelling's key to its canonical name."""
    table: dict[str, str] = {}
    for theme in config.themes:
        for spelling in (theme.name, *theme.aliases):
            table.setdefault(theme_key(spelling), theme.name)
    return table


@dataclass(frozen=True, slots=True)
class _Hit:
    """How one phrase matched: its theme (``None`` when none), score 0-100 and rule."""

    name: str | None
    score: float = 0.0
    rule: str = ""


def _match(phrase: str, config: ThemeConfig) -> _Hit:
    key = theme_key(phrase)
    table = _keys(config)
    if not key:
        return _Hit(None)
    if key in table:
        return _Hit(table[key], 100.0)
    best: dict[str, float] = {}
    # processor=None: keys are already case-folded and stripped of punctuation.
    for choice, score, _ in process.extract(
        key,
        list(table),
        scorer=fuzz.token_sort_ratio,
        processor=None,
        score_cutoff=THEME_SCORE_CUTOFF,
        limit=None,
    ):
        best[table[choice]] = max(score, best.get(table[choice], 0.0))
    ranked = sorted(best.items(), key=lambda pair: -pair[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
        return _Hit(None, ranked[0][1], "theme not recognised: it fits several themes")
    if ranked:
        return _Hit(ranked[0][0], ranked[0][1], "matched a theme by similar spelling")
    words = key.split()
    longer = {
        name
        for spelling, name in table.items()
        if len(spelling.split()) >= MIN_PREFIX_WORDS
        and words[: len(spelling.split())] == spelling.split()
    }
    if len(longer) == 1:
        return _Hit(longer.pop(), 90.0, "matched a theme written at greater length")
    return _Hit(None, 0.0, "theme not recognised")


def match_themes(cell: str, config: ThemeConfig) -> tuple[tuple[str, ...], tuple[Repair, ...]]:
    """The canonical themes a themes cell names, in order, without duplicates.

    The cell is split on ``;``, new lines and ``,`` (a comma-separated run that
    names one theme, like ``Voice of children, young people, and families``,
    is kept together). A near miss is matched with a :class:`Repair` whose
    confidence is its score; an unknown theme is kept as written, with a
    :class:`Repair`.

    >>> match_themes("Think family; Voice of CYP and families;", load_themes())[0]
    ('Think Family', 'Voice of CYP and families')
    """
    names: list[str] = []
    repairs: list[Repair] = []
    for part in _SPLIT.split(cell):
        for phrase, hit in _match_part(part, config):
            name = hit.name
            if name is None:
                repairs.append(Repair(FIELD, phrase, phrase, f"{hit.rule}: kept as written", 0.0))
                name = phrase
            elif hit.score < 100.0:
                repairs.append(Repair(FIELD, phrase, name, hit.rule, round(hit.score / 100, 2)))
            if theme_key(name) not in {theme_key(n) for n in names}:
                names.append(name)
    return tuple(names), tuple(repairs)


def _match_part(part: str, config: ThemeConfig) -> list[tuple[str, _Hit]]:
    """Match the comma-separated pieces of one part: the longest run that names a
    theme exactly, else the longest that names one nearly, else the piece alone."""
    pieces = [p.strip() for p in part.split(",")]
    out: list[tuple[str, _Hit]] = []
    i = 0
    while i < len(pieces):
        if not theme_key(pieces[i]):
            i += 1
            continue
        runs = [(j, ", ".join(p for p in pieces[i:j] if p)) for j in range(len(pieces), i, -1)]
        hits = [(j, phrase, _match(phrase, config)) for j, phrase in runs]
        taken = next((h for h in hits if h[2].score == 100.0), None)
        taken = taken or next((h for h in hits if h[2].name is not None), None) or hits[-1]
        i = taken[0]
        out.append((taken[1], taken[2]))
    return out


def themes_from_footnote(text: str) -> list[str]:
    """The theme phrases a definition footnote lists.

    Lettered lists (``A) ..., b) ...``) are read item by item; otherwise the
    text after the colon is split on ``;``, new lines or bullets, and on commas
    only when nothing else separates it. Text without a list gives ``[]``.

    >>> themes_from_footnote("The five themes: A) Voice of children, young people, "
    ...                      "and families, b) Think Family")
    ['Voice of children, young people, and families', 'Think Family']
    """
    body = _FOOTNOTE_MARK.sub("", text).strip()
    if ":" in body:
        body = body.split(":", 1)[1]
    _, items = split_sub_items(body)
    if items:
        phrases = [item for _, item in items]
    else:
        phrases = re.split(r"[;\n•·▪●]", body)
        if len([p for p in phrases if p.strip()]) < 2:
            phrases = body.split(",")
        if len([p for p in phrases if p.strip()]) < 2:
            return []
    cleaned = (re.sub(r"\s+", " ", p).strip(" ,;.") for p in phrases)
    return list(dict.fromkeys(p for p in cleaned if p))


def extend_with_footnote(config: ThemeConfig, phrases: Sequence[str]) -> ThemeConfig:
    """Add a document's footnote phrases: as aliases of the theme each matches, else as new themes.

    >>> extended = extend_with_footnote(load_themes(), ["Think Famly", "Early help"])
    >>> extended.names[-1], extended.themes[1].aliases
    ('Early help', ('Think Famly',))
    """
    themes = list(config.themes)
    for phrase in phrases:
        current = ThemeConfig(tuple(themes))
        name = _match(phrase, current).name
        if name is None:
            themes.append(Theme(phrase))
        elif theme_key(phrase) not in _keys(current):
            themes = [Theme(t.name, (*t.aliases, phrase)) if t.name == name else t for t in themes]
    return ThemeConfig(tuple(themes))
