"""Nothing new, nothing done (issue 17): a rerun with nothing new leaves the register as it is.

Through the real command: a second run parses nothing and rewrites nothing;
``--rebuild`` writes it; a new document, a changed setting or an analyst's
save of the workbook each make the next run write it again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import INBOX
from openpyxl import load_workbook
from service import inbox_of, workplans


def _summary(out: str) -> dict[str, object]:
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    summary: dict[str, object] = lines[-1]
    return summary


def _run(tmp: Path, *extra: str) -> tuple[str, dict[str, object]]:
    done = workplans(
        "run", "--inbox", "inbox", "--register", "r.xlsx", "--log-json", *extra, cwd=tmp
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, _summary(done.stdout)


def test_a_rerun_with_nothing_new_parses_nothing_and_rewrites_nothing(tmp_path: Path) -> None:
    inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2021-22.pdf")
    register = tmp_path / "r.xlsx"
    _, first = _run(tmp_path)
    assert first["parsed"] == 2
    written = register.stat().st_mtime_ns
    out, again = _run(tmp_path)
    assert again["parsed"] == 0
    assert register.stat().st_mtime_ns == written  # not written again
    assert "Nothing new since the last run" in out
    assert again["actions"] == first["actions"]
    _, rebuilt = _run(tmp_path, "--rebuild")
    assert rebuilt["parsed"] == 0 and register.stat().st_mtime_ns != written


def test_a_new_document_or_setting_writes_the_register_again(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    register = tmp_path / "r.xlsx"
    _run(tmp_path)
    written = register.stat().st_mtime_ns
    shutil.copy(INBOX / "ppyp-2021-22.docx", inbox / "ppyp-2021-22.docx")
    _, new = _run(tmp_path)
    assert new["parsed"] == 1 and register.stat().st_mtime_ns != written
    written = register.stat().st_mtime_ns
    themes = tmp_path / "themes.json"
    themes.write_text(
        json.dumps({"themes": [{"name": "Think Family", "aliases": ["whole family"]}]}),
        encoding="utf-8",
    )
    _, changed = _run(tmp_path, "--themes", str(themes))
    assert changed["parsed"] == 0 and register.stat().st_mtime_ns != written


def test_an_analysts_save_of_the_workbook_is_carried_into_a_new_one(tmp_path: Path) -> None:
    inbox_of(tmp_path, "ess-2023-24.docx")
    register = tmp_path / "r.xlsx"
    _run(tmp_path)
    book = load_workbook(register)
    sheet = book["Actions"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("Analyst note") + 1, value="chased in May")
    book.save(register)
    out, _ = _run(tmp_path)
    assert "Nothing new" not in out  # the workbook was saved since: written again
    sheet = load_workbook(register)["Actions"]
    assert sheet.cell(row=2, column=header.index("Analyst note") + 1).value == "chased in May"
    out, _ = _run(tmp_path)
    assert "Nothing new since the last run" in out
