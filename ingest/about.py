"""The tool's own version, from its package metadata, and the versions of its readers.

``parser_version`` and ``normaliser_version`` change whenever the code (or the
shipped lists) of ``parsers`` or ``normalise`` change, released or not: the
store keys what it keeps by them, so a document is parsed again when the
parsers change and normalised again when the normaliser does.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DISTRIBUTION = "workplan-register"


def tool_version() -> str:
    """The installed version of the Workplan Register (``0.1.0``); ``unknown`` when not installed."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


@functools.cache
def parser_version() -> str:
    """The version of the parsers: the tool's version and a digest of their code."""
    return f"{tool_version()}+{_code_digest('parsers')}"


@functools.cache
def normaliser_version() -> str:
    """The version of the normaliser: the tool's version and a digest of its code and lists."""
    return f"{tool_version()}+{_code_digest('normalise')}"


def _code_digest(package: str) -> str:
    """A short digest of every ``.py`` and ``.json`` file of ``package``, by path and content."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return "unknown"
    digest = hashlib.sha256()
    for folder in spec.submodule_search_locations:
        root = Path(folder)
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
