"""Compare the pipeline's actions with the hand-written goldens, field by field.

Run as a script to print the per-field table: ``python tests/golden.py``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.cli import action_json  # noqa: E402
from normalise import load_settings, normalise_document, with_leads  # noqa: E402
from normalise.model import Action  # noqa: E402
from parsers import parse  # noqa: E402
from parsers.errors import DocumentError  # noqa: E402

EXPECTED = ROOT / "samples" / "expected"
INBOX = ROOT / "samples" / "inbox"

FIELDS = (
    "register_id",
    "priority",
    "impact",
    "action_id",
    "action",
    "themes",
    "lead",
    "support",
    "lead_as_written",
    "timeframe_as_written",
    "timeframe_type",
    "due",
    "status",
)


def _text(value: Any) -> Any:
    """Whitespace is layout, not content: a PDF wraps where Word broke a line."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_text(v) for v in value]
    return value


def action_fields(action: Action) -> dict[str, Any]:
    """The golden's fields of an action, as ``workplans parse`` prints them."""
    return {k: v for k, v in action_json(action).items() if k in FIELDS}


@dataclass
class Score:
    """Per-field right/total counts, actions missing and extra."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.right.update(other.right)
        self.total.update(other.total)
        self.missing += other.missing
        self.extra += other.extra
        self.wrong += other.wrong

    def ratio(self, name: str | None = None) -> float:
        if name is None:
            total = sum(self.total.values())
            return sum(self.right.values()) / total if total else 1.0
        return self.right[name] / self.total[name] if self.total[name] else 1.0


def actions_of(paths: list[Path]) -> dict[str, list[Action]]:
    """Each document's actions as the register shows them (leads resolved across all)."""
    settings = load_settings()
    workplans = []
    for p in paths:
        try:
            workplans.append(normalise_document(parse(p), settings))
        except DocumentError as e:  # scored as every action missing
            print(f"could not read {e}")
    out: dict[str, list[Action]] = {p.name: [] for p in paths}
    for workplan in with_leads(workplans, settings):
        for action in workplan.actions:
            out[action.source].append(action)
    return out


def score(golden: dict[str, Any], actions: list[Action]) -> Score:
    """Match actions to the golden by action id (in order for repeats) and compare each field."""
    result = Score()
    got: dict[str, list[dict[str, Any]]] = {}
    for action in actions:
        got.setdefault(action.action_id, []).append(action_fields(action))
    for want in golden["actions"]:
        candidates = got.get(want["action_id"], [])
        if not candidates:
            result.missing.append(want["action_id"])
            for name in FIELDS:
                result.total[name] += 1
            continue
        have = candidates.pop(0)
        for name in FIELDS:
            result.total[name] += 1
            if _text(have[name]) == _text(want[name]):
                result.right[name] += 1
            else:
                result.wrong.append((want["action_id"], name, want[name], have[name]))
    result.extra = [k for k, rest in got.items() for _ in rest]
    return result


def golden_for(path: Path) -> dict[str, Any]:
    golden_path = EXPECTED / f"{path.name}.json"
    if not golden_path.exists():
        raise FileNotFoundError(
            f"no golden for {path.name}: write {golden_path.relative_to(ROOT)} by hand"
        )
    data: dict[str, Any] = json.loads(golden_path.read_text(encoding="utf-8"))
    return data


def table(scores: dict[str, Score]) -> str:
    """A per-field table: one column per group (docx, pdf, ...)."""
    names = list(scores)
    lines = [f"{'field':22}" + "".join(f"{n:>12}" for n in names)]
    for name in FIELDS:
        lines.append(f"{name:22}" + "".join(f"{100 * scores[n].ratio(name):11.1f}%" for n in names))
    lines.append(f"{'ALL FIELDS':22}" + "".join(f"{100 * scores[n].ratio():11.1f}%" for n in names))
    lines.append(
        f"{'missing / extra':22}"
        + "".join(f"{len(scores[n].missing):>7} / {len(scores[n].extra):<2}" for n in names)
    )
    return "\n".join(lines)


def main() -> None:
    paths = sorted(p for p in INBOX.iterdir() if p.suffix in (".docx", ".pdf"))
    found = actions_of(paths)
    groups: dict[str, Score] = {}
    for path in paths:
        one = score(golden_for(path), found[path.name])
        group = "reportlab" if "reportlab" in path.name else path.suffix.lstrip(".")
        groups.setdefault(group, Score()).add(one)
        if "-v" in sys.argv:
            for action_id, name, want, have in one.wrong:
                print(f"{path.name} {action_id} {name}:\n   want {want!r}\n   have {have!r}")
            if one.missing or one.extra:
                print(f"{path.name}: missing {one.missing} extra {one.extra}")
    print(table(groups))


if __name__ == "__main__" and re.search(r"golden", sys.argv[0]):
    main()
