"""Results saved a batch at a time (issue 17): whole or not at all, and reported only once saved."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from conftest import INBOX

import ingest.store
from ingest.run import ingest_file, read_inbox
from ingest.store import Saving, Store
from ingest.workers import Limits
from normalise import load_settings
from normalise.model import Action, SourceRecord

NOW = datetime(2026, 1, 1)
REAL_ACTION_DICT = ingest.store.action_dict


def test_each_file_is_reported_only_once_it_is_saved(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    (inbox / "bad.pdf").write_text("not a pdf")
    state = tmp_path / "state.sqlite"
    seen: list[tuple[str, str, int]] = []

    def progress(record: SourceRecord) -> None:
        with sqlite3.connect(state) as db:  # another connection sees only what is committed
            (saved,) = db.execute(
                "SELECT COUNT(*) FROM documents WHERE sha256 = ? AND file = ? AND result = ?",
                (record.sha256, record.file, record.result),
            ).fetchone()
        seen.append((record.file, record.result, saved))

    with Store(state) as store:
        read_inbox(inbox, load_settings(), store=store, limits=Limits(jobs=2), progress=progress)
    assert sorted(seen) == sorted(
        [(path.name, "Ingested", 1) for path in INBOX.iterdir()] + [("bad.pdf", "Failed", 1)]
    )


def test_a_batch_is_saved_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings()
    one = ingest_file(INBOX / "ess-2023-24.docx", settings, NOW)
    two = ingest_file(INBOX / "ppyp-2023-24.pdf", settings, NOW)
    assert one.workplan is not None and two.workplan is not None
    last = two.workplan.actions[-1]

    def action_dict(action: Action) -> dict[str, object]:
        if action is last:  # the second document's last action: the first is in by then
            raise sqlite3.OperationalError("database or disk is full")
        return REAL_ACTION_DICT(action)

    monkeypatch.setattr("ingest.store.action_dict", action_dict)
    with Store(tmp_path / "state.sqlite") as store:
        with pytest.raises(Exception, match="disk is full"):
            store.save_many([Saving(one.source, one.workplan), Saving(two.source, two.workplan)])
        assert store.counts()["documents"] == store.counts()["actions"] == 0
        monkeypatch.undo()
        store.save_many([Saving(one.source, one.workplan), Saving(two.source, two.workplan)])
        assert store.counts()["documents"] == 2
        assert store.counts()["actions"] == len(one.workplan.actions) + len(two.workplan.actions)
        assert store.known(one.source.sha256) == (one.source, one.workplan)
