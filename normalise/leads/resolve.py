"""The resolver: give every spelling of one lead one canonical name, across all documents.

``resolve_leads`` takes every mention of every document and decides, in this
order, what each written form means: the analysts' lead directory; ``Lead to be
agreed`` and friends; the plan's own group (``Full Subgroup``, ``ESS subgroup
members``, ``the Board``, ``All partners``); the alias table and abbreviations
written out in the documents; the shipped list of public bodies (``MPS`` and
``Met Police``, joining only forms the documents wrote); then spellings equal
apart from case and punctuation; then fuzzy matching (persons with the same
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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from normalise.leads.abbreviations import abbreviation_of
from normalise.leads.bodies import Body, body_links, load_bodies
from normalise.leads.cells import LeadCell, Mention
from normalise.leads.files import default_aliases
from normalise.leads.match import Cluster, Root, cluster_roots
from normalise.leads.model import LeadMention, LeadResolution, Match, ResolvedLead, _owner_id
from normalise.leads.names import UNASSIGNED_LEAD, Kind, classify, lookup_key
from normalise.leads.rules import FIX_OWNER, Rules, follow_rules, written_prefixes
from normalise.leads.words import area_of, clean_name, is_abbreviation
from normalise.model import LeadRecord


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
    areas: set[str] = field(default_factory=set)


def resolve_leads(
    mentions: Sequence[LeadMention],
    *,
    aliases: Mapping[str, str] | None = None,
    directory: Mapping[str, str] | None = None,
    abbreviations: Mapping[str, str] | None = None,
    bodies: Sequence[Body] | None = None,
) -> LeadResolution:
    """Give every mention's written form a canonical lead, across all documents.

    ``aliases`` maps written forms to canonical leads (None: the packaged
    ``aliases.json``); ``directory`` is the analysts' lead directory
    (``read_directory``), which wins over every other rule; ``abbreviations``
    are expansions learned with ``learn_abbreviations`` from the documents' text;
    ``bodies`` the list of public bodies and their short forms (None: the shipped
    ``bodies.json``), which joins only forms the documents wrote.

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
        load_bodies() if bodies is None else bodies,
    )
    forms: dict[tuple[str, str], _Form] = {}
    followed: dict[tuple[str, str], tuple[str, tuple[tuple[str, float], ...], int, str]] = {}
    for mention in mentions:
        text = clean_name(mention.text)
        owner = _owner_id(mention.owner_subgroup, mention.workplan_key)
        written = clean_name(mention.as_written) or text
        if (owner, text) not in followed:
            abbreviation = mention.owner_abbreviation or abbreviation_of(mention.owner_subgroup)
            area = area_of(mention.owner_subgroup)
            followed[(owner, text)] = follow_rules(rules, text, written, owner, abbreviation, area)
        root, applied, fixed, scope = followed[(owner, text)]
        form = forms.setdefault((scope, text), _Form(root, applied, fixed))
        form.count += 1
        form.areas.add(area_of(mention.owner_subgroup))
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
        known.areas |= form.areas
    clusters = cluster_roots(list(roots.values()), rules.prefixes)
    return _resolution(forms, clusters)


def _rules(
    mentions: Sequence[LeadMention],
    aliases: Mapping[str, str],
    directory: Mapping[str, str],
    abbreviations: Mapping[str, str],
    bodies: Sequence[Body],
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
    names = {clean_name(m.text) for m in mentions}
    # The names written in each area's plans (each plan alone when its group names no place).
    documents: dict[str, set[str]] = defaultdict(set)
    areas: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        area = area_of(m.owner_subgroup)
        documents[area or m.workplan_key].add(clean_name(m.text))
        areas[clean_name(m.text)].add(area)
    prefixes |= written_prefixes(names)
    directory_keys = {lookup_key(k) or k.casefold(): clean_name(v) for k, v in directory.items()}
    alias_keys = {lookup_key(k): clean_name(v) for k, v in aliases.items()}
    abbreviation_keys = {lookup_key(k): clean_name(v) for k, v in abbreviations.items()}
    # The documents' own words and the analysts' settings win over the shipped list.
    settled = set(directory_keys) | set(alias_keys) | set(abbreviation_keys)
    settled |= {lookup_key(v) for v in (*alias_keys.values(), *directory_keys.values())}
    return Rules(
        directory=directory_keys,
        aliases=alias_keys,
        abbreviations=abbreviation_keys,
        owners_by_abbreviation={a: next(iter(o)) for a, o in owners.items() if len(o) == 1},
        prefixes=frozenset(prefixes),
        bodies=body_links(names, bodies, settled, list(documents.values()), areas)
        if bodies
        else {},
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
