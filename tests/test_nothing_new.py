"""Nothing new, nothing done (issue 17): a rerun with nothing new leaves the register as it is.

Through the real command: a second run parses nothing and rewrites nothing;
``--rebuild`` writes it; a new document, a changed setting or an analyst's
save of the workbook each make the next run write it again.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Collection
from pathlib import Path

import pytest
from conftest import INBOX
from openpyxl import load_workbook
from service import inbox_of, workplans

from ingest.cli import main
from ingest.store import Store
from normalise.model import Action, Workplan


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


def test_a_rerun_with_nothing_new_loads_no_workplan_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2021-22.pdf")
    (inbox / "bad.pdf").write_text("not a pdf")  # a failure remembered is no workplan either
    shutil.copy(INBOX / "ppyp-2023-24.docx", inbox / "gone.docx")
    args = ["run", "--inbox", str(inbox), "--register", str(tmp_path / "r.xlsx"), "-q"]
    assert main(args) == 1
    (inbox / "gone.docx").unlink()  # kept in the register from the store
    assert main(args) == 0  # the register says gone.docx left the inbox: written again
    capsys.readouterr()
    loaded: list[int] = []
    real = Store.workplans

    def workplans(store: Store, ids: Collection[int]) -> dict[int, Workplan]:
        loaded.extend(ids)
        return real(store, ids)

    monkeypatch.setattr(Store, "workplans", workplans)
    monkeypatch.setattr("ingest.store.action_from_dict", _never)
    assert main(args) == 0
    assert "Nothing new since the last run" in capsys.readouterr().out
    assert loaded == []
    monkeypatch.undo()
    monkeypatch.setattr(Store, "workplans", workplans)
    assert main([*args, "--rebuild"]) == 0  # a rebuild loads every document it builds from
    assert len(loaded) == 3


def _never(data: object) -> Action:
    raise AssertionError("an action was loaded from the store")
