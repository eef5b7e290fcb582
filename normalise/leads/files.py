"""The lead settings files: the alias table (JSON) and the lead directory (CSV) analysts edit.

A bad file raises ``ConfigError`` naming the file (and the line, for the directory).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from normalise.leads.model import LeadResolution
from normalise.leads.words import clean_name
from parsers.errors import ConfigError

DEFAULT_ALIASES_PATH = Path(__file__).with_name("aliases.json")
DIRECTORY_COLUMNS = ("Written as", "Canonical lead", "Kind", "Organisation")

# A spreadsheet opening a CSV takes a cell starting with one of these for a
# formula (``=HYPERLINK(...)``, ``=DDE(...)``; tab and carriage return start one
# in some programs). OWASP's advice: write such a cell with a single quote first.
# https://owasp.org/www-community/attacks/CSV_Injection
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def default_aliases() -> dict[str, str]:
    """The packaged alias table (``normalise/leads/aliases.json``)."""
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


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet takes for a formula (OWASP's quote prefix).

    Text that starts like a formula, after any single quotes, gets one more
    quote in front, so ``text_of_csv_cell`` can take exactly that one away.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("- item"), csv_cell("'=x"), csv_cell("it's")
    ("'=HYPERLINK(1)", "'- item", "''=x", "it's")
    """
    return _QUOTE + text if text.lstrip(_QUOTE).startswith(_FORMULA_STARTS) else text


def text_of_csv_cell(cell: str) -> str:
    """The text ``csv_cell`` wrote as ``cell``: the quote it added taken away.

    A cell an analyst typed without the quote is read as it is.

    >>> text_of_csv_cell("'=HYPERLINK(1)"), text_of_csv_cell("''=x"), text_of_csv_cell("=x")
    ('=HYPERLINK(1)', "'=x", '=x')
    """
    quoted = cell.startswith(_QUOTE) and cell.lstrip(_QUOTE).startswith(_FORMULA_STARTS)
    return cell[len(_QUOTE) :] if quoted else cell


def write_directory(path: Path, resolution: LeadResolution) -> None:
    """Write the lead directory CSV analysts edit: one row per written form.

    Columns ``Written as,Canonical lead,Kind,Organisation``. Words that mean the
    owning sub-group (``Full Subgroup``) are left out: they mean a different lead
    in each workplan, and the rule resolves them. A cell that starts like a
    formula is written with a quote first (``csv_cell``); ``read_directory``
    takes it away again.
    """
    rows = sorted(
        (text, name) for (owner, text), name in resolution.canonical.items() if not owner and text
    )
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DIRECTORY_COLUMNS)
        for text, name in rows:
            lead = resolution.leads[name]
            cells = (text, name, lead.kind.value, lead.organisation)
            writer.writerow([csv_cell(c) for c in cells])


def read_directory(path: Path) -> dict[str, str]:
    """Read a lead directory CSV back: written form -> canonical lead.

    The quote ``write_directory`` puts before a cell that starts like a formula
    is taken away (``text_of_csv_cell``), so what was written reads back the same.

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
                written = clean_name(text_of_csv_cell(row.get("Written as") or ""))
                name = clean_name(text_of_csv_cell(row.get("Canonical lead") or ""))
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
