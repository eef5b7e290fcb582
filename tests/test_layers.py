"""The layer rule, ingest -> parsers -> normalise -> output, as a check that can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("ingest", "parsers", "normalise", "output")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)}, check=False)  # fmt: skip


def test_layers_are_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def _copy(tmp_path: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_output_importing_a_parser_breaks_the_rule(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    with (root / "output" / "excel.py").open("a") as handle:
        handle.write("\nimport parsers.word  # noqa\n")
    result = _lint(root)
    assert result.returncode != 0
    assert "The writer knows nothing of Word or PDF BROKEN" in result.stdout


def test_importing_ingest_from_below_breaks_the_rule(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    with (root / "normalise" / "rows.py").open("a") as handle:
        handle.write("\nimport ingest.run  # noqa\n")
    assert _lint(root).returncode != 0
