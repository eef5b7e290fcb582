"""Leads: split cells into names, then give every spelling of one lead one canonical name.

``split_lead_cell`` (from ``lead_cells``) reads one cell. ``resolve_leads`` takes
every mention of every document and decides, in this order, what each written
form means: the analysts' lead directory; ``Lead to be agreed`` and friends;
the owning sub-group's own words (``Full Subgroup``, ``ESS subgroup members``);
the alias table and abbreviations written out in the documents; then spellings
equal apart from case and punctuation; then fuzzy matching (persons with the same
given name and a near-identical surname, bodies with near-identical names) and
abbreviations that spell a body's initials. Each decision is a ``Match`` with the
rule and a 0-100 score, for the ``Review`` sheet.

Decisions worth knowing:

- ``Keith Shipman/Robert Carrick (LB Merton)``: the organisation belongs to both
  (``split_lead_cell`` shares it along a ``/`` or ``&`` run), but an organisation
  written beside a person's own name elsewhere wins over a shared one.
- ``All`` is kept as its own lead (everyone involved, not only the sub-group);
  ``Lead to be agreed``, ``TBC``, blank and note-only cells all resolve
  to the one ``Unassigned`` lead.
- A person never joins a different given name (Claire Bailey / Maureen Bailey);
  surnames may differ by one slip, not by a different common name (Hill / Hall).
- A spelling the directory lists is settled; a new spelling may still join the
  lead it names, but two leads the directory (or the alias table) names differently
  are never joined.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from normalise.lead_cells import LeadCell, Mention, clean_name, is_abbreviation, split_lead_cell
from normalise.lead_match import (
    FIX_OWNER,
    UNASSIGNED_LEAD,
    Cluster,
    Kind,
    Root,
    Rules,
    abbreviation_of,
    classify,
    cluster_roots,
    follow_rules,
    learn_abbreviations,
    lookup_key,
    written_prefixes,
)
from normalise.model import LeadRecord, Repair
from parsers.errors import ConfigError

__all__ = [
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

DEFAULT_ALIASES_PATH = Path(__file__).with_name("lead_aliases.json")
DIRECTORY_COLUMNS = ("Written as", "Canonical lead", "Kind", "Organisation")


@dataclass(frozen=True, slots=True)
class LeadMention:
    """One name from one cell, with what the resolver needs to know about where it stood.

    ``text`` is one name as ``split_lead_cell`` gives it (``Mention.text``);
    ``owner_subgroup`` is the full name of the sub-group whose workplan it is in
    (``Effective Safeguarding and Support Sub-Group``), which ``Full Subgroup``
    means; ``owner_abbreviation`` defaults to its initials (``ESS``).
    """

    text: str
    organisation: str = ""
    workplan_key: str = ""
    owner_subgroup: str = ""
    is_support: bool = False
    as_written: str = ""
    organisation_shared: bool = False
    owner_abbreviation: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """How one written form came to its canonical lead: the rule and its 0-100 score.

    ``owner_subgroup`` is set for words that mean the owning sub-group, whose
    canonical lead depends on the workplan.
    """

    written: str
    canonical: str
    score: float
    rule: str
    owner_subgroup: str = ""

    @property
    def confidence(self) -> float:
        """The score on the ``Review`` sheet's 0-1 scale."""
        return round(self.score / 100, 2)

    def as_repair(self, field: str = "Lead") -> Repair:
        """This match as a ``Repair`` of an action's ``field``."""
        rule = f"lead name matched: {self.rule}"
        return Repair(field, self.written, self.canonical, rule, self.confidence)


@dataclass(frozen=True, slots=True)
class ResolvedLead:
    """One canonical lead: a ``Leads`` sheet row before its counts."""

    name: str
    kind: Kind
    organisation: str
    written_as: tuple[str, ...]
    matches: tuple[Match, ...] = ()


@dataclass(frozen=True, slots=True)
class LeadResolution:
    """Every written form's canonical lead, and each canonical lead's details.

    ``canonical`` and ``matches_by_form`` are keyed by ``(owner, written)``:
    ``owner`` is the owning sub-group for words that mean it (``Full Subgroup``) and
    ``""`` otherwise. A form kept as written has no match.
    """

    canonical: Mapping[tuple[str, str], str]
    leads: Mapping[str, ResolvedLead]
    matches_by_form: Mapping[tuple[str, str], Match]

    @property
    def matches(self) -> tuple[Match, ...]:
        """Every renaming, for the ``Review`` sheet."""
        return tuple(self.matches_by_form.values())

    def canonical_for(self, text: str, *, owner_subgroup: str = "", workplan_key: str = "") -> str:
        """The canonical lead of ``text`` written in a workplan of ``owner_subgroup``.

        Raises ``KeyError`` for a form the resolver never saw.
        """
        name = clean_name(text)
        for owner in (owner_subgroup, _owner_id(owner_subgroup, workplan_key), ""):
            if (owner, name) in self.canonical:
                return self.canonical[(owner, name)]
        if not name or name == UNASSIGNED_LEAD:
            return UNASSIGNED_LEAD
        raise KeyError(f"lead {text!r} was not among the mentions resolved")

    def match_for(
        self, text: str, *, owner_subgroup: str = "", workplan_key: str = ""
    ) -> Match | None:
        """The match that renamed ``text``, or None when it was kept as written."""
        name = clean_name(text)
        for owner in (owner_subgroup, _owner_id(owner_subgroup, workplan_key), ""):
            found = self.matches_by_form.get((owner, name))
            if found is not None:
                return found
        return None


def _owner_id(owner_subgroup: str, workplan_key: str) -> str:
    """Whose ``Full Subgroup`` a mention means: the named owner, else the workplan's key."""
    if owner_subgroup:
        return owner_subgroup
    return f"{workplan_key} sub-group" if workplan_key else ""


@dataclass
class _Form:
    """One written form (per owner for sub-group words) and what the mentions said of it."""

    root: str
    rules: tuple[tuple[str, float], ...]
    fixed: int
    count: int = 0
    spellings: Counter[str] = field(default_factory=Counter)
    organisations: Counter[str] = field(default_factory=Counter)
    shared_organisations: Counter[str] = field(default_factory=Counter)


def resolve_leads(
    mentions: Sequence[LeadMention],
    *,
    aliases: Mapping[str, str] | None = None,
    directory: Mapping[str, str] | None = None,
    abbreviations: Mapping[str, str] | None = None,
) -> LeadResolution:
    """Give every mention's written form a canonical lead, across all documents.

    ``aliases`` maps written forms to canonical leads (None: the packaged
    ``lead_aliases.json``); ``directory`` is the analysts' lead directory
    (``read_directory``), which wins over every other rule; ``abbreviations``
    are expansions learned with ``learn_abbreviations`` from the documents' text.

    >>> res = resolve_leads([LeadMention("Anne Akamo"), LeadMention("Anne Akamo"),
    ...                      LeadMention("Anne Akaro"), LeadMention("Maureen Bailey"),
    ...                      LeadMention("Claire Bailey")])
    >>> res.canonical_for("Anne Akaro"), res.canonical_for("Claire Bailey")
    ('Anne Akamo', 'Claire Bailey')
    """
    rules = _rules(
        mentions,
        default_aliases() if aliases is None else aliases,
        directory or {},
        abbreviations or {},
    )
    forms: dict[tuple[str, str], _Form] = {}
    followed: dict[tuple[str, str], tuple[str, tuple[tuple[str, float], ...], int, bool]] = {}
    for mention in mentions:
        text = clean_name(mention.text)
        owner = _owner_id(mention.owner_subgroup, mention.workplan_key)
        written = clean_name(mention.as_written) or text
        if (owner, text) not in followed:
            abbreviation = mention.owner_abbreviation or abbreviation_of(mention.owner_subgroup)
            followed[(owner, text)] = follow_rules(rules, text, written, owner, abbreviation)
        root, applied, fixed, per_owner = followed[(owner, text)]
        form = forms.setdefault((owner if per_owner else "", text), _Form(root, applied, fixed))
        form.count += 1
        if written:
            form.spellings[written] += 1
        if mention.organisation:
            orgs = form.shared_organisations if mention.organisation_shared else form.organisations
            orgs[clean_name(mention.organisation)] += 1
    roots: dict[str, Root] = {}
    for form in forms.values():
        known = roots.setdefault(form.root, Root(form.root, 0, form.fixed))
        known.count += form.count
        known.fixed = max(known.fixed, form.fixed)
    clusters = cluster_roots(list(roots.values()), rules.prefixes)
    return _resolution(forms, clusters)


def _rules(
    mentions: Sequence[LeadMention],
    aliases: Mapping[str, str],
    directory: Mapping[str, str],
    abbreviations: Mapping[str, str],
) -> Rules:
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.owner_subgroup:
            abbreviation = m.owner_abbreviation or abbreviation_of(m.owner_subgroup)
            owners[abbreviation.casefold()].add(m.owner_subgroup)
    # A partnership prefix: the abbreviation opening an alias target ("MSCP Business
    # Support Unit"), one written out as a Partnership, or one written in front of
    # another lead's name ("MSCP BSU" beside "BSU").
    openings = [t.split()[0] for t in aliases.values() if len(t.split()) > 1]
    prefixes = {word.casefold() for word in openings if is_abbreviation(word)}
    prefixes |= {
        a.casefold() for a, e in abbreviations.items() if e.casefold().endswith("partnership")
    }
    prefixes |= written_prefixes({clean_name(m.text) for m in mentions})
    return Rules(
        directory={lookup_key(k) or k.casefold(): clean_name(v) for k, v in directory.items()},
        aliases={lookup_key(k): clean_name(v) for k, v in aliases.items()},
        abbreviations={lookup_key(k): clean_name(v) for k, v in abbreviations.items()},
        owners_by_abbreviation={a: next(iter(o)) for a, o in owners.items() if len(o) == 1},
        prefixes=frozenset(prefixes),
    )


def _shown(name: str) -> str:
    """A lead's name as the register shows it: starting with a capital (``scrutineers``)."""
    return name[:1].upper() + name[1:]


def _resolution(forms: dict[tuple[str, str], _Form], clusters: list[Cluster]) -> LeadResolution:
    cluster_of = {name: c for c in clusters for name in c.members}
    canonical: dict[tuple[str, str], str] = {}
    matches: dict[tuple[str, str], Match] = {}
    members: dict[str, list[_Form]] = defaultdict(list)
    renamed: dict[str, list[Match]] = defaultdict(list)
    for (owner, text), form in forms.items():
        cluster = cluster_of[form.root]
        shown = _shown(cluster.name)
        canonical[(owner, text)] = shown
        members[cluster.name].append(form)
        if text and text != shown:
            steps = list(form.rules) + cluster.path(form.root)
            if not steps:
                steps = [("same name apart from case and punctuation", 100.0)]
            rule = ", then ".join(dict.fromkeys(r for r, _ in steps))
            score = round(min(s for _, s in steps), 1)
            matches[(owner, text)] = Match(text, shown, score, rule, owner)
            renamed[cluster.name].append(matches[(owner, text)])
    leads: dict[str, ResolvedLead] = {}
    for cluster in clusters:
        group = members[cluster.name]
        spellings: Counter[str] = Counter()
        own: Counter[str] = Counter()
        shared: Counter[str] = Counter()
        for form in group:
            spellings.update(form.spellings)
            own.update(form.organisations)
            shared.update(form.shared_organisations)
        organisation = (own or shared).most_common(1)[0][0] if own or shared else ""
        kind = Kind.TEAM if cluster.fixed == FIX_OWNER else classify(cluster.name)
        if cluster.name == UNASSIGNED_LEAD:
            kind = Kind.UNASSIGNED
        written = tuple(s for s, _ in spellings.most_common())
        matched = tuple(renamed[cluster.name])
        leads[_shown(cluster.name)] = ResolvedLead(
            _shown(cluster.name), kind, organisation, written, matched
        )
    return LeadResolution(
        MappingProxyType(canonical), MappingProxyType(leads), MappingProxyType(matches)
    )


def mentions_from_cell(
    cell: LeadCell,
    *,
    workplan_key: str,
    owner_subgroup: str = "",
    owner_abbreviation: str = "",
) -> tuple[LeadMention, ...]:
    """The cell's leads and helpers as ``LeadMention`` s; an unassigned cell gives one too."""

    def one(m: Mention, is_support: bool) -> LeadMention:
        return LeadMention(
            m.text,
            m.organisation,
            workplan_key=workplan_key,
            owner_subgroup=owner_subgroup,
            is_support=is_support,
            as_written=m.as_written,
            organisation_shared=m.organisation_shared,
            owner_abbreviation=owner_abbreviation,
        )

    found = [one(m, False) for m in cell.leads] + [one(m, True) for m in cell.support]
    if cell.unassigned:
        found.append(one(Mention(cell.unassigned_as, as_written=cell.unassigned_as), False))
    return tuple(found)


def canonical_leads(
    resolution: LeadResolution, cell: LeadCell, *, workplan_key: str, owner_subgroup: str = ""
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An action's ``Lead`` and ``Support`` canonical names; ``Unassigned`` when it has no lead."""

    def names(mentions: Iterable[Mention]) -> tuple[str, ...]:
        found = (
            resolution.canonical_for(
                m.text, owner_subgroup=owner_subgroup, workplan_key=workplan_key
            )
            for m in mentions
        )
        return tuple(dict.fromkeys(found))

    return names(cell.leads) or (UNASSIGNED_LEAD,), names(cell.support)


def lead_records(
    resolution: LeadResolution, actions: Iterable[tuple[str, Iterable[str]]]
) -> list[LeadRecord]:
    """The ``Leads`` sheet: one row per canonical lead, sorted by name.

    ``actions`` gives, for each action, its workplan key and the canonical names
    to count it under (its leads, and its support too if those should count), e.g.
    ``((a.register_id.split(" / ")[0], a.lead + a.support) for a in actions)``.
    A name counts an action once however often the action names it.
    """
    counts: Counter[str] = Counter()
    workplans: dict[str, set[str]] = defaultdict(set)
    for workplan_key, names in actions:
        for name in set(names):
            counts[name] += 1
            workplans[name].add(workplan_key)
    rows = []
    for name in sorted(set(resolution.leads) | set(counts), key=lambda n: (n.casefold(), n)):
        lead = resolution.leads.get(name) or ResolvedLead(name, classify(name), "", ())
        rows.append(
            LeadRecord(
                lead.name,
                lead.kind.value,
                lead.organisation,
                lead.written_as,
                counts[name],
                len(workplans[name]),
            )
        )
    return rows


def default_aliases() -> dict[str, str]:
    """The packaged alias table (``normalise/lead_aliases.json``)."""
    return _aliases_from(
        DEFAULT_ALIASES_PATH.read_text(encoding="utf-8"), str(DEFAULT_ALIASES_PATH)
    )


def load_aliases(path: Path | None = None) -> dict[str, str]:
    """An alias table file, or the packaged one when ``path`` is None.

    The file is JSON: ``{"aliases": {"written form": "canonical lead", ...}}`` (a
    bare object of strings also does). A bad file raises ``ConfigError`` naming it.
    """
    if path is None:
        return default_aliases()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"lead alias file '{path}' cannot be read: {e}") from e
    return _aliases_from(text, str(path))


def _aliases_from(text: str, name: str) -> dict[str, str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError(f"lead alias file '{name}' is not valid JSON: {e}") from e
    table = data.get("aliases", data) if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"lead alias file '{name}': expected an object of aliases")
    bad = [k for k, v in table.items() if k != "description" and not isinstance(v, str)]
    if bad:
        raise ConfigError(f"lead alias file '{name}': alias {bad[0]!r} must map to a text")
    return {k: v for k, v in table.items() if k != "description" and clean_name(v)}


def write_directory(path: Path, resolution: LeadResolution) -> None:
    """Write the lead directory CSV analysts edit: one row per written form.

    Columns ``Written as,Canonical lead,Kind,Organisation``. Words that mean the
    owning sub-group (``Full Subgroup``) are left out: they mean a different lead
    in each workplan, and the rule resolves them.
    """
    rows = sorted(
        (text, name) for (owner, text), name in resolution.canonical.items() if not owner and text
    )
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DIRECTORY_COLUMNS)
        for text, name in rows:
            lead = resolution.leads[name]
            writer.writerow((text, name, lead.kind.value, lead.organisation))


def read_directory(path: Path) -> dict[str, str]:
    """Read a lead directory CSV back: written form -> canonical lead.

    A missing file, missing columns, an empty cell, or one written form given two
    canonical leads raise ``ConfigError`` naming the file and the line.
    """
    found: dict[str, str] = {}
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in DIRECTORY_COLUMNS[:2] if c not in (reader.fieldnames or ())]
            if missing:
                raise ConfigError(
                    f"lead directory '{path}': no column {missing[0]!r}; the "
                    f"header must be {','.join(DIRECTORY_COLUMNS)}"
                )
            for row in reader:
                line = reader.line_num
                written = clean_name(row.get("Written as") or "")
                name = clean_name(row.get("Canonical lead") or "")
                if not written or not name:
                    problem = "'Written as' and 'Canonical lead' must both be filled"
                    raise ConfigError(f"lead directory '{path}', line {line}: {problem}")
                if found.get(written, name) != name:
                    raise ConfigError(
                        f"lead directory '{path}', line {line}: {written!r} is "
                        f"given as both {found[written]!r} and {name!r}"
                    )
                found[written] = name
    except FileNotFoundError as e:
        raise ConfigError(
            f"lead directory '{path}' not found: check the path, or run once without it "
            "and edit the directory the run writes"
        ) from e
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ConfigError(
            f"lead directory '{path}' cannot be read as a UTF-8 CSV file: {e}; save it "
            "from Excel as 'CSV UTF-8'"
        ) from e
    return found
