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
LAYOUTS = ROOT / "samples" / "layouts"
LAYOUT_EXPECTED = LAYOUTS / "expected"
# How a layout document's name ends, and which program made it (longest ending first).
PRODUCERS = (
    ("-chromium.pdf", "chromium"),
    ("-reportlab.pdf", "reportlab"),
    (".docx", "docx"),
    (".pdf", "libreoffice"),
)

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


def actions_of(paths: list[Path], *, any_error: bool = False) -> dict[str, list[Action]]:
    """Each document's actions as the register shows them (leads resolved across all).

    A document the program refuses (``DocumentError``) is scored as every action
    missing; with ``any_error`` so is one it crashes on (the layout zoo, where a
    layout not read yet must not stop the others being scored).
    """
    settings = load_settings()
    workplans = []
    caught = Exception if any_error else DocumentError
    for p in paths:
        try:
            workplans.append(normalise_document(parse(p), settings))
        except caught as e:  # scored as every action missing
            print(f"could not read {p.name}: {type(e).__name__}: {e}")
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


def layout_of(path: Path) -> tuple[str, str]:
    """The layout stem and producer of a layout-zoo document.

    >>> layout_of(Path("ksab-business-plan-chromium.pdf"))
    ('ksab-business-plan', 'chromium')
    """
    for ending, producer in PRODUCERS:
        if path.name.endswith(ending):
            return path.name[: -len(ending)], producer
    raise ValueError(f"{path.name} is not a layout-zoo document (.docx or .pdf)")


def layout_file(stem: str, producer: str) -> Path:
    """The path of a layout's document made by ``producer`` (``layout_of`` reversed)."""
    ending = next(e for e, p in PRODUCERS if p == producer)
    return LAYOUTS / f"{stem}{ending}"


def layout_golden_for(path: Path) -> dict[str, Any]:
    """The hand-written golden of a layout, for any of its documents.

    One golden per layout serves its Word file and every PDF made from it: only
    ``document`` differs, so it is set to ``path``'s name here.
    """
    stem, _ = layout_of(path)
    golden_path = LAYOUT_EXPECTED / f"{stem}.json"
    if not golden_path.exists():
        raise FileNotFoundError(
            f"no golden for {path.name}: write {golden_path.relative_to(ROOT)} by hand"
        )
    data: dict[str, Any] = json.loads(golden_path.read_text(encoding="utf-8"))
    return {**data, "document": path.name}


def layout_documents() -> list[Path]:
    """Every document of the layout zoo, Word and each PDF producer."""
    return sorted(p for p in LAYOUTS.iterdir() if p.suffix in (".docx", ".pdf"))


def layout_table(scores: dict[str, Score], marks: dict[str, str] | None = None) -> str:
    """One row per layout: % of each field right, then actions missing / extra."""
    short = {
        "register_id": "reg_id",
        "priority": "prio",
        "impact": "impact",
        "action_id": "act_id",
        "action": "action",
        "themes": "themes",
        "lead": "lead",
        "support": "supp",
        "lead_as_written": "lead_wr",
        "timeframe_as_written": "tf_wr",
        "timeframe_type": "tf_type",
        "due": "due",
        "status": "status",
    }
    width = max([len(n) for n in scores] + [6]) + 2
    lines = [
        f"{'layout':{width}}" + "".join(f"{short[f]:>8}" for f in FIELDS) + "     ALL  miss/extra"
    ]
    for name, one in scores.items():
        label = name + (marks or {}).get(name, "")
        cells = "".join(f"{100 * one.ratio(f):7.0f}%" for f in FIELDS)
        lines.append(
            f"{label:{width}}{cells}{100 * one.ratio():7.1f}%  {len(one.missing):>4} / {len(one.extra)}"
        )
    return "\n".join(lines)


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


def main_layouts() -> None:
    """``python tests/golden.py --layouts [-v]``: the layout zoo, per producer and per layout."""
    paths = layout_documents()
    by_layout: dict[str, list[Path]] = {}
    for path in paths:
        by_layout.setdefault(layout_of(path)[0], []).append(path)
    producers: dict[str, Score] = {}
    layouts: dict[str, Score] = {}
    for stem, docs in by_layout.items():
        found = actions_of(docs, any_error=True)
        for path in docs:
            one = score(layout_golden_for(path), found[path.name])
            producers.setdefault(layout_of(path)[1], Score()).add(one)
            layouts.setdefault(stem, Score()).add(one)
            if "-v" in sys.argv:
                for action_id, name, want, have in one.wrong:
                    print(f"{path.name} {action_id} {name}:\n   want {want!r}\n   have {have!r}")
                if one.missing or one.extra:
                    print(f"{path.name}: missing {one.missing} extra {one.extra}")
    print(table(producers))
    print(layout_table(layouts))


def main() -> None:
    if "--layouts" in sys.argv:
        main_layouts()
        return
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
