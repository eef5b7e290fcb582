"""The ``workplans.toml`` settings file: what a scheduled run would otherwise pass as options.

Keys are the command's long option names (``lead-directory``, ``timeout``);
an option given on the command line wins over the file. Paths in the file
are relative to the file's own folder, so a scheduler can start the command
from anywhere with ``--config``. A key the command does not know, or a value
of the wrong kind, is a ``ConfigError`` naming the key and the file: a typo
must not be ignored in a run nobody watches.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parsers.errors import ConfigError

CONFIG_NAME = "workplans.toml"

# The keys holding paths, by the attribute the command's options use.
_PATHS = {
    "inbox": "inbox",
    "register": "register",
    "state": "state",
    "themes": "themes",
    "lead-aliases": "lead_aliases",
    "lead-directory": "lead_directory",
}
_NUMBERS = {"jobs": "jobs", "timeout": "timeout", "interval": "interval"}
_LIMITS = {
    "max-file-bytes": "max_bytes",
    "max-actions": "max_actions",
    "max-cell-chars": "max_cell_chars",
    "max-document-chars": "max_document_chars",
    "memory-budget-bytes": "memory",
}
KEYS = (*_PATHS, *_NUMBERS, "executor", "exclude", "limits")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings a ``workplans.toml`` gives; ``None`` where it says nothing.

    ``limits`` maps ``ingest.workers.Limits`` field names to values;
    ``exclude`` holds glob patterns of inbox paths that are not documents.
    """

    source: Path | None = None
    inbox: Path | None = None
    register: Path | None = None
    state: Path | None = None
    themes: Path | None = None
    lead_aliases: Path | None = None
    lead_directory: Path | None = None
    jobs: int | None = None
    timeout: float | None = None
    interval: float | None = None
    executor: str | None = None
    exclude: tuple[str, ...] = ()
    limits: Mapping[str, int] = field(default_factory=dict)


def find_config(given: Path | None, folder: Path) -> Path | None:
    """The settings file to read: ``given`` (which must exist), else ``workplans.toml`` in ``folder``."""
    if given is not None:
        if not given.is_file():
            raise ConfigError(
                f"{given}: settings file not found; check --config, or write one with 'workplans init'"
            )
        return given
    found = folder / CONFIG_NAME
    return found if found.is_file() else None


def load_config(path: Path) -> Config:
    """Read and check the settings file at ``path``; a bad one raises ``ConfigError`` naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(
            f"{path}: not a valid settings file ({e}); fix it, or start again with 'workplans init'"
        ) from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: the settings file cannot be read ({e})") from e
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    """The ``Config`` that the TOML table ``data``, read from ``path``, gives.

    >>> parse_config({"jobs": 2, "inbox": "in"}, Path("/srv/wp/workplans.toml")).inbox
    PosixPath('/srv/wp/in')
    >>> parse_config({"job": 2}, Path("w.toml"))
    Traceback (most recent call last):
    ...
    parsers.errors.ConfigError: w.toml: unknown key 'job' (did you mean 'jobs'?); the keys are inbox, register, state, themes, lead-aliases, lead-directory, jobs, timeout, interval, executor, exclude, limits
    """
    _known(data, KEYS, path, "")
    values: dict[str, Any] = {"source": path}
    for key, attribute in _PATHS.items():
        if key in data:
            values[attribute] = path.parent / _text(data[key], key, path)
    if "jobs" in data:
        values["jobs"] = _whole(data["jobs"], "jobs", path)
    for key in ("timeout", "interval"):
        if key in data:
            values[key] = _seconds(data[key], key, path)
    if "executor" in data:
        executor = data["executor"]
        if not isinstance(executor, str) or not executor.startswith("dask://"):
            raise ConfigError(
                f"{path}: 'executor' must be a Dask scheduler's address such as "
                f'"dask://10.0.0.5:8786", not {executor!r}'
            )
        values["executor"] = executor
    if "exclude" in data:
        patterns = data["exclude"]
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
            raise ConfigError(
                f'{path}: \'exclude\' must be a list of patterns such as ["Archive/*", "*.bak"], not {patterns!r}'
            )
        values["exclude"] = tuple(patterns)
    if "limits" in data:
        table = data["limits"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'limits' must be a table ([limits]), not {table!r}")
        _known(table, tuple(_LIMITS), path, "limits.")
        values["limits"] = {_LIMITS[k]: _whole(v, f"limits.{k}", path) for k, v in table.items()}
    return Config(**values)


def _known(data: Mapping[str, Any], keys: tuple[str, ...], path: Path, prefix: str) -> None:
    for key in data:
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{path}: unknown key '{prefix}{key}'{hint}; the keys are {', '.join(prefix + k for k in keys)}"
            )


def _text(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(
            f"{path}: '{key}' must be a path in quotes, such as \"inbox\", not {value!r}"
        )
    return value


def _whole(value: object, key: str, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{path}: '{key}' must be a whole number of 1 or more, not {value!r}")
    return value


def _seconds(value: object, key: str, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigError(f"{path}: '{key}' must be a number of seconds more than 0, not {value!r}")
    return float(value)


STARTER = """\
# Settings for the `workplans` command (Workplan Register).
# Keys are the command's long option names; an option given on the command
# line wins over this file. Paths are relative to this file's folder.

# The folder of workplans (searched recursively) and the workbook to write.
inbox = "inbox"
register = "register.xlsx"

# The SQLite memory between runs (default: beside the register).
# state = "register.sqlite"

# Your own lists (JSON, JSON, CSV); the shipped ones are used when not given.
# themes = "themes.json"
# lead-aliases = "aliases.json"
# lead-directory = "leads.csv"

# Files read at once, each in its own process (default: one per core, up to 4),
# and how long one file may take, in seconds, before it is stopped and Failed.
# jobs = 2
# timeout = 180

# Seconds between looks at the inbox for `workplans watch`.
# interval = 30

# Read the files on an existing Dask cluster instead of this machine's cores
# (needs: pip install 'workplan-register[dask]').
# executor = "dask://10.0.0.5:8786"

# Inbox paths that are not documents (glob patterns, matched against the path
# under the inbox and against the file name).
# exclude = ["Archive/*", "*.bak"]

# What one file may be and give before it is Failed.
# [limits]
# max-file-bytes = 268435456
# max-actions = 2000
# max-cell-chars = 32767
# max-document-chars = 5000000
# memory-budget-bytes = 4294967296
"""


def write_starter(path: Path) -> None:
    """Write a commented starter settings file at ``path``; never over an existing file."""
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(STARTER)
    except FileExistsError as e:
        raise ConfigError(
            f"{path}: already exists; edit it, or move it away to write a new one"
        ) from e
    except OSError as e:
        raise ConfigError(f"{path}: cannot be written ({e.strerror})") from e
