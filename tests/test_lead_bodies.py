"""Leads by acronym and in full (the shipped list of public bodies), a plan's own
group (``the Board``, ``All partners``), and where the lead code lives."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

import normalise.leads as leads
from normalise.leads import Kind, LeadMention, resolve_leads, split_lead_cell
from normalise.leads.bodies import SOURCE, Body, body_links, load_bodies
from parsers.errors import ConfigError

NEPTUNE = "Neptune Sub-Group"
CORAL = "Coral Board"


def _in(key: str, *names: str, owner: str = "") -> list[LeadMention]:
    return [LeadMention(n, workplan_key=key, owner_subgroup=owner) for n in names]


# --- Layout of the lead code ------------------------------------------------------


def test_lead_modules_live_in_the_leads_package() -> None:
    assert not list((ROOT / "normalise").glob("lead_*.py"))
    assert not (ROOT / "normalise" / "leads.py").exists()
    assert not (ROOT / "normalise" / "register.py").exists()
    package = ROOT / "normalise" / "leads"
    for module in (
        "words",
        "names",
        "abbreviations",
        "rules",
        "model",
        "files",
        "match",
        "cells",
        "resolve",
        "apply",
        "bodies",
    ):
        assert (package / f"{module}.py").exists(), module
    assert (package / "aliases.json").exists() and (package / "bodies.json").exists()


def test_the_public_api_of_normalise_leads_is_unchanged() -> None:
    assert sorted(leads.__all__) == sorted(
        [
            "UNASSIGNED_LEAD",
            "Kind",
            "LeadCell",
            "LeadMention",
            "LeadResolution",
            "Match",
            "Mention",
            "ResolvedLead",
            "canonical_leads",
            "classify",
            "default_aliases",
            "lead_records",
            "learn_abbreviations",
            "load_aliases",
            "mentions_from_cell",
            "read_directory",
            "resolve_leads",
            "split_lead_cell",
            "write_directory",
        ]
    )
    assert all(hasattr(leads, name) for name in leads.__all__)
    assert leads.default_aliases()["BSU"] == "MSCP Business Support Unit"


def test_every_package_and_its_data_is_installed() -> None:
    """A package missing from setuptools' list breaks the installed ``workplans`` command."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("ingest", "parsers", "normalise", "output")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert found <= packages
    data = config["tool"]["setuptools"]["package-data"]
    for package in found:
        if list((ROOT / package.replace(".", "/")).glob("*.json")):
            assert "*.json" in data.get(package, []), package


# --- Bodies by acronym and in full -----------------------------------------------


def test_shipped_list_loads_and_covers_the_common_bodies() -> None:
    bodies = load_bodies()
    forms = {f for b in bodies for f in b.forms}
    for form in (
        "MPS",
        "Met Police",
        "Metropolitan Police Service",
        "Police",
        "Probation",
        "Probation Service",
        "PS",
        "ICB",
        "Integrated Care Board",
        "CCG",
        "CSC",
        "Children's Social Care",
        "ASC",
        "Adult Social Care",
        "YJS",
        "YOT",
        "Youth Justice Service",
        "VCS",
        "VCSE",
        "Education",
        "Housing",
    ):
        assert form in forms, form
    assert len(bodies) == len(
        json.loads((ROOT / "normalise/leads/bodies.json").read_text())["bodies"]
    )


def test_acronym_and_full_name_in_two_documents_are_one_body() -> None:
    res = resolve_leads(
        _in("A 2024-25", "MPS", "Met Police") + _in("B 2024-25", "Metropolitan Police Service")
    )
    assert {res.canonical_for(n) for n in ("MPS", "Met Police", "Metropolitan Police Service")} == {
        "Metropolitan Police Service"
    }
    match = res.match_for("MPS")
    assert match is not None and SOURCE in match.rule and match.score < 100
    assert res.leads["Metropolitan Police Service"].kind is Kind.ORGANISATION


def test_probation_youth_justice_and_social_care_short_forms_join() -> None:
    res = resolve_leads(
        _in("A", "Probation", "YOT", "CSC", "ASC", "VCSE")
        + _in(
            "B",
            "Probation Service",
            "Youth Justice Service",
            "Children's Social Care",
            "Adult Social Care",
            "VCS",
        )
    )
    assert res.canonical_for("Probation") == "Probation Service"
    assert res.canonical_for("YOT") == "Youth Justice Service"
    assert res.canonical_for("CSC") == "Children's Social Care"
    assert res.canonical_for("ASC") == "Adult Social Care"
    assert res.canonical_for("VCSE") == res.canonical_for("VCS")


def test_an_entry_never_adds_a_lead_nobody_wrote() -> None:
    res = resolve_leads(_in("A", "MPS", "ICB", "PS"))
    assert set(res.leads) == {"MPS", "ICB", "PS"}
    assert res.matches == ()


def test_generic_police_stays_apart_from_a_named_force() -> None:
    """``Police`` and ``British Transport Police`` in one plan are two bodies."""
    res = resolve_leads(_in("A", "Police", "British Transport Police", "Met Police"))
    assert res.canonical_for("Police") == "Police"
    assert res.canonical_for("British Transport Police") == "British Transport Police"
    assert res.canonical_for("Met Police") == "Met Police"


def test_generic_icb_joins_the_one_local_icb_its_document_names() -> None:
    res = resolve_leads(
        _in("A", "ICB", "NHS South West London ICB")
        + _in("B", "Integrated Care Board", "NHS South West London ICB")
    )
    assert res.canonical_for("ICB") == "NHS South West London ICB"
    assert res.canonical_for("Integrated Care Board") == "NHS South West London ICB"
    match = res.match_for("ICB")
    assert match is not None and SOURCE in match.rule and match.score < 100


def test_generic_icb_never_joins_one_of_two_local_icbs() -> None:
    res = resolve_leads(
        _in("A", "ICB", "NHS South West London ICB") + _in("B", "ICB", "NHS North East London ICB")
    )
    assert res.canonical_for("ICB") == "ICB"
    assert res.canonical_for("NHS North East London ICB") == "NHS North East London ICB"


def test_generic_icb_in_a_document_not_naming_the_local_one_stays() -> None:
    res = resolve_leads(_in("A", "ICB") + _in("B", "NHS South West London ICB"))
    assert res.canonical_for("ICB") == "ICB"


def test_a_role_ending_in_a_body_name_is_not_a_local_body() -> None:
    links = body_links(["YJS", "Head of YJS"], load_bodies())
    assert links == {}


def test_directory_and_alias_table_win_over_the_list() -> None:
    res = resolve_leads(
        _in(
            "A", "MPS", "Met Police", "Metropolitan Police Service", "CSC", "Children's Social Care"
        ),
        directory={"MPS": "Merton Police"},
        aliases={"CSC": "Merton Children's Services"},
    )
    assert res.canonical_for("MPS") == "Merton Police"
    assert res.canonical_for("CSC") == "Merton Children's Services"
    assert res.canonical_for("Met Police") == "Metropolitan Police Service"
    assert res.canonical_for("Children's Social Care") == "Children's Social Care"


def test_abbreviation_written_out_in_a_document_wins_over_the_list() -> None:
    res = resolve_leads(_in("A", "PS", "Probation Service"), abbreviations={"PS": "Public Safety"})
    assert res.canonical_for("PS") == "Public Safety"


def test_no_list_no_joins() -> None:
    res = resolve_leads(_in("A", "MPS", "Met Police"), bodies=())
    assert res.canonical_for("MPS") == "MPS"


def test_people_are_never_joined_by_the_list() -> None:
    res = resolve_leads(_in("A", "Pat Smith", "P Smith", "Met Police", "MPS"))
    assert res.canonical_for("Pat Smith") == "Pat Smith"
    assert res.canonical_for("Met Police") == res.canonical_for("MPS") == "Met Police"
    # a list entry naming people still never joins two different people
    listed = [Body(("Anne Akamo", "Claire Bailey"))]
    res = resolve_leads(_in("A", "Anne Akamo", "Claire Bailey"), bodies=listed)
    assert res.canonical_for("Claire Bailey") == "Claire Bailey"


@pytest.mark.parametrize(
    "content",
    ["{", '{"bodies": 3}', '{"bodies": [{"forms": "MPS"}]}', '{"bodies": [{"forms": [1]}]}'],
)
def test_a_bad_list_of_bodies_is_a_named_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bodies.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bodies\.json"):
        load_bodies(path)


# --- A plan's own group ----------------------------------------------------------

OWN_GROUP = [
    "Full Sub-Group",
    "the Board",
    "All partners",
    "Full Forum",
    "the Partnership",
    "Whole group",
]


@pytest.mark.parametrize("written", OWN_GROUP)
def test_own_group_words_resolve_to_each_documents_own_group(written: str) -> None:
    res = resolve_leads(
        _in("NEP 2024-25", written, owner=NEPTUNE) + _in("CB 2024-25", written, owner=CORAL)
    )
    assert res.canonical_for(written, owner_subgroup=NEPTUNE) == NEPTUNE
    assert res.canonical_for(written, owner_subgroup=CORAL) == CORAL
    assert res.leads[NEPTUNE].kind is Kind.TEAM
    match = res.match_for(written, owner_subgroup=NEPTUNE)
    assert match is not None and match.rule == "the owning sub-group"


def test_all_own_group_words_in_one_plan_are_one_lead() -> None:
    res = resolve_leads(_in("NEP 2024-25", *OWN_GROUP, owner=NEPTUNE))
    assert {res.canonical_for(w, owner_subgroup=NEPTUNE) for w in OWN_GROUP} == {NEPTUNE}
    assert set(res.leads) == {NEPTUNE}


@pytest.mark.parametrize(
    "written",
    [
        "Board",
        "VAWG Board",
        "Partners",
        "All",
        "Parent Carer Forum",
        "the Board Manager",
        "Partnership Business Manager",
    ],
)
def test_a_named_or_bare_body_is_not_the_plans_own_group(written: str) -> None:
    res = resolve_leads(_in("NEP 2024-25", written, owner=NEPTUNE))
    assert res.canonical_for(written, owner_subgroup=NEPTUNE) != NEPTUNE


def test_and_inside_a_listed_body_name_joins_no_two_leads() -> None:
    cell = split_lead_cell("Victim Support, Police and Crime Commissioner's Office")
    assert [m.text for m in cell.leads] == [
        "Victim Support",
        "Police and Crime Commissioner's Office",
    ]
    assert [m.text for m in split_lead_cell("Police and Probation").leads] == [
        "Police",
        "Probation",
    ]


def test_a_local_short_form_joins_the_full_name_only_where_one_areas_plans_write_both() -> None:
    """``Probation`` in Wexcombe's plans, which write ``Probation Service`` too, is that
    service; Millbrook's plans write only ``Probation``: their own, not Wexcombe's."""

    def plan(group: str, *names: str) -> list[LeadMention]:
        return [LeadMention(n, workplan_key=group, owner_subgroup=group) for n in names]

    wexcombe = "Wexcombe Community Safety Partnership"
    millbrook = "Millbrook Community Safety Partnership"
    res = resolve_leads(
        plan(wexcombe, "Probation", "Probation Service") + plan(millbrook, "Probation")
    )
    assert res.canonical_for("Probation", owner_subgroup=wexcombe) == "Probation Service"
    assert res.canonical_for("Probation", owner_subgroup=millbrook) == "Probation"
    match = res.match_for("Probation", owner_subgroup=wexcombe)
    assert match is not None and SOURCE in match.rule
    assert res.match_for("Probation", owner_subgroup=millbrook) is None
