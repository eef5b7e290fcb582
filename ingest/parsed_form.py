"""A document's parsed form (``parsers.model.RawDocument``) as JSON, for the store.

Kept so that new settings (themes, lead aliases, the lead directory) apply to
documents read before without parsing them again: normalising a stored
parsed form takes milliseconds, parsing a PDF seconds. The codec follows
the dataclasses' own type hints, so a field added to the model is kept
without a change here; a stored form that no longer fits the model (a field
renamed) reads as ``None``, and the document is parsed again.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from datetime import datetime
from typing import Any

from parsers.model import RawDocument


def to_json(raw: RawDocument) -> str:
    """``raw`` as JSON text.

    >>> from parsers.model import RawDocument
    >>> to_json(RawDocument("a.pdf", "pdf", 1, ("Title",), ()))[:60]
    '{"path": "a.pdf", "format": "pdf", "pages": 1, "title_lines"'
    """
    # ASCII: a file name that is not UTF-8 leaves lone surrogates, which SQLite cannot store
    return json.dumps(_plain(raw), separators=(", ", ": "))


def from_json(text: str) -> RawDocument | None:
    """The ``RawDocument`` ``to_json`` wrote, or ``None`` when it no longer fits the model.

    >>> raw = RawDocument("a.pdf", "pdf", 1, ("Title",), (), modified=datetime(2024, 5, 1))
    >>> from_json(to_json(raw)) == raw
    True
    """
    try:
        value = _typed(RawDocument, json.loads(text))
    except (ValueError, TypeError, KeyError):
        return None
    return value if isinstance(value, RawDocument) else None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return [[_plain(k), _plain(v)] for k, v in value.items()]  # keys need not be text
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    return value


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A dataclass's field types and the names its constructor takes (looked up once)."""
    return typing.get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls) if f.init)


def _typed(hint: Any, value: Any) -> Any:
    """``value`` (from ``_plain``) as the type ``hint`` says."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints, fields = _fields(hint)
        unknown = set(value) - fields
        if unknown:
            raise KeyError(f"{hint.__name__} has no field {sorted(unknown)[0]}")
        return hint(**{name: _typed(hints[name], v) for name, v in value.items()})
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        (kind,) = [a for a in args if a is not type(None)]
        return _typed(kind, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    if origin is list:
        return [_typed(args[0], v) for v in value]
    if origin in (set, frozenset):
        return origin(_typed(args[0], v) for v in value)
    if origin is dict:
        return {_typed(args[0], k): _typed(args[1], v) for k, v in value}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is float and isinstance(value, int):
        return float(value)
    if hint in (str, int, float, bool) and not isinstance(value, hint):
        raise TypeError(f"expected {hint.__name__}, got {value!r}")
    return value
