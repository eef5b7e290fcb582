"""Canonical themes: the config file, matching cells, and reading a definition footnote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalise.themes import (
    THEME_SCORE_CUTOFF,
    Theme,
    ThemeConfig,
    extend_with_footnote,
    load_themes,
    match_themes,
    theme_key,
    themes_from_footnote,
)
from parsers.errors import ConfigError

CANONICAL = (
    "Voice of CYP and families",
    "Think Family",
    "Addressing disproportionality",
    "Pressures on families",
    "Learning from reviews & embedding reforms",
)
SEED_001_FOOTNOTE = (
    " The MSCP business includes five cross-cutting themes: A) Voice of children, young people, "
    "and families, b) Think Family, c) Addressing disproportionality, d) Pressures on families "
    "including cost-of-living and impact of Covid-19, e) Learning from reviews & embedding reforms"
)


@pytest.fixture
def config() -> ThemeConfig:
    return load_themes(None)


def test_default_themes_are_the_contracts(config: ThemeConfig) -> None:
    assert config.names == CANONICAL


def test_load_a_user_file(tmp_path: Path) -> None:
    path = tmp_path / "my-themes.json"
    path.write_text(
        json.dumps({"themes": ["Early help", {"name": "Neglect", "aliases": ["Child neglect"]}]}),
        encoding="utf-8",
    )
    assert load_themes(path) == ThemeConfig(
        (Theme("Early help"), Theme("Neglect", ("Child neglect",)))
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"themes": []}', "expected {"),
        ('["Think Family"]', "expected {"),
        ('{"themes": [{"aliases": ["x"]}]}', 'needs a non-empty "name"'),
        ('{"themes": [{"name": "A", "aliases": "B"}]}', 'needs a non-empty "name"'),
        ('{"themes": [{"name": "A", "aliases": [""]}]}', "must be non-empty strings"),
        ('{"themes": ["Think Family", {"name": "B", "aliases": ["think family"]}]}', "both"),
    ],
)
def test_bad_theme_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "themes-bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_themes(path)
    assert str(error.value).startswith("themes-bad.json: ")
    assert message in str(error.value)


def test_missing_theme_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^absent\.json: cannot read"):
        load_themes(tmp_path / "absent.json")


def test_theme_key_ignores_case_punctuation_and_spelling_variants() -> None:
    assert theme_key("Voice of CYP & Families") == theme_key(
        "Voice of children and young people and families"
    )
    assert theme_key("Think-Family") == theme_key("think family")


def test_seed_cells_match_exactly(config: ThemeConfig) -> None:
    cell = "Learning from reviews & embedding reforms; Voice of CYP and families"
    assert match_themes(cell, config) == (
        ("Learning from reviews & embedding reforms", "Voice of CYP and families"),
        (),
    )
    assert match_themes("Think Family; Voice of CYP and families;", config) == (
        ("Think Family", "Voice of CYP and families"),
        (),
    )
    assert match_themes("Addressing disproportionality; Learning from reviews & embedding reforms ",
                        config)[0] == (CANONICAL[2], CANONICAL[4])  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Think family", ("Think Family",)),
        ("THINK FAMILY", ("Think Family",)),
        ("Think families", ("Think Family",)),
        ("Voice of children and young people", ("Voice of CYP and families",)),
        ("Voice of C&YP and families", ("Voice of CYP and families",)),
        ("learning from reviews and embedding reforms", (CANONICAL[4],)),
        ("Voice of the child", ("Voice of CYP and families",)),
        (
            "Pressures on families including cost-of-living and impact of Covid-19",
            ("Pressures on families",),
        ),
        ("Think Family¹", ("Think Family",)),
        ("", ()),
        (" ; ;", ()),
    ],
)
def test_tolerant_exact_matches_need_no_repair(
    config: ThemeConfig, cell: str, expected: tuple[str, ...]
) -> None:
    assert match_themes(cell, config) == (expected, ())


def test_commas_split_themes_but_not_a_theme_with_commas(config: ThemeConfig) -> None:
    cell = (
        "Voice of children, young people, and families, Think Family\nAddressing disproportionality"
    )
    assert match_themes(cell, config) == (
        ("Voice of CYP and families", "Think Family", "Addressing disproportionality"),
        (),
    )


def test_order_kept_and_duplicates_dropped(config: ThemeConfig) -> None:
    names, _ = match_themes("Think Family; Voice of CYP; think family; Voice of the child", config)
    assert names == ("Think Family", "Voice of CYP and families")


def test_near_miss_matched_with_its_score(config: ThemeConfig) -> None:
    names, repairs = match_themes("Think Famly; Adressing disproportionality", config)
    assert names == ("Think Family", "Addressing disproportionality")
    assert [(r.field, r.before, r.after, r.rule) for r in repairs] == [
        ("Themes", "Think Famly", "Think Family", "matched a theme by similar spelling"),
        ("Themes", "Adressing disproportionality", "Addressing disproportionality",
         "matched a theme by similar spelling"),
    ]  # fmt: skip
    assert all(THEME_SCORE_CUTOFF / 100 <= r.confidence < 1 for r in repairs)


def test_theme_written_at_greater_length(config: ThemeConfig) -> None:
    names, repairs = match_themes("Pressures on families (housing and Covid)", config)
    assert names == ("Pressures on families",)
    assert [r.rule for r in repairs] == ["matched a theme written at greater length"]


def test_unknown_theme_kept_as_written(config: ThemeConfig) -> None:
    names, repairs = match_themes("Early help; Think Family", config)
    assert names == ("Early help", "Think Family")
    assert [(r.before, r.after, r.rule, r.confidence) for r in repairs] == [
        ("Early help", "Early help", "theme not recognised: kept as written", 0.0)
    ]


def test_part_of_two_themes_is_not_guessed(config: ThemeConfig) -> None:
    # "Families" is in two themes; neither is taken.
    names, repairs = match_themes("Families", config)
    assert names == ("Families",)
    assert repairs[0].rule.startswith("theme not recognised")


def test_seed_001_footnote_read_into_phrases() -> None:
    assert themes_from_footnote(SEED_001_FOOTNOTE) == [
        "Voice of children, young people, and families",
        "Think Family",
        "Addressing disproportionality",
        "Pressures on families including cost-of-living and impact of Covid-19",
        "Learning from reviews & embedding reforms",
    ]


def test_footnotes_without_letters() -> None:
    assert themes_from_footnote("¹ Cross-cutting themes: Think Family; Early help") == [
        "Think Family",
        "Early help",
    ]
    assert themes_from_footnote("Themes: Think Family, Early help.") == [
        "Think Family",
        "Early help",
    ]
    assert themes_from_footnote("See the MSCP website for details") == []


def test_seed_001_footnote_matches_the_defaults(config: ThemeConfig) -> None:
    extended = extend_with_footnote(config, themes_from_footnote(SEED_001_FOOTNOTE))
    assert extended.names == CANONICAL


def test_footnote_adds_aliases_and_new_themes(config: ThemeConfig) -> None:
    extended = extend_with_footnote(
        config, ["Think Famly", "Early help", "Pressures on families including housing"]
    )
    assert extended.names == (*CANONICAL, "Early help")
    assert extended.themes[1].aliases == ("Think Famly",)
    assert "Pressures on families including housing" in extended.themes[3].aliases
    assert match_themes("Pressures on families including housing; Early help", extended) == (
        ("Pressures on families", "Early help"),
        (),
    )
    assert config.names == CANONICAL  # the original is untouched
