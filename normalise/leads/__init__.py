"""Leads: split cells into names, then give every spelling of one lead one canonical name.

This package's top level is the public face of leads; the parts are modules:

- ``words``: the vocabulary and the shape of names, shared by splitting and matching;
- ``cells``: splitting one lead cell into mentions (``split_lead_cell``);
- ``names``: kinds (person, team, organisation) and lookup keys;
- ``abbreviations``: initials, and abbreviations written out in the documents;
- ``rules``: the exact rules (directory, unassigned, the plan's own group, aliases);
- ``match``: fuzzy matching and blocking of what the rules leave;
- ``model``: the resolver's dataclasses (``LeadMention`` in, ``LeadResolution`` out);
- ``files``: the alias table (``aliases.json``) and the analysts' lead directory;
- ``resolve``: the resolver itself (``resolve_leads``) and the ``Leads`` sheet rows;
- ``apply``: leads resolved over a register's workplans and put on their actions.
"""

from __future__ import annotations

from normalise.leads.abbreviations import learn_abbreviations
from normalise.leads.cells import LeadCell, Mention, split_lead_cell
from normalise.leads.files import default_aliases, load_aliases, read_directory, write_directory
from normalise.leads.model import LeadMention, LeadResolution, Match, ResolvedLead
from normalise.leads.names import UNASSIGNED_LEAD, Kind, classify
from normalise.leads.resolve import canonical_leads, lead_records, mentions_from_cell, resolve_leads

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
