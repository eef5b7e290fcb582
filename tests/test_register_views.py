"""The sheets for pivots and views (#15), on registers written from the sample documents."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import INBOX
from openpyxl import load_workbook

from ingest.run import ingest_file, run
from normalise import build_register, load_settings
from normalise.model import Register

# On 1 October 2023 (the PPYP 2023-24 plan's own year), as its shading says.
RUN_DATE = date(2023, 10, 1)


def _rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The register of the whole sample inbox, as ``make demo`` writes it."""
    out = tmp_path_factory.mktemp("views") / "register.xlsx"
    run(INBOX, out, load_settings())
    return out


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Register, Path]:
    """The two PPYP Word plans, written as on ``RUN_DATE``."""
    from output.excel import write_register

    settings = load_settings()
    readings = [
        ingest_file(INBOX / n, settings, datetime(2026, 1, 1))
        for n in ("ppyp-2021-22.docx", "ppyp-2023-24.docx")
    ]
    reg = build_register(readings, settings)
    path = write_register(reg, tmp_path_factory.mktemp("dated") / "r.xlsx", today=RUN_DATE).path
    return reg, path


def _names(cell: object) -> list[str]:
    return [n for n in str(cell or "").split("; ") if n]


def test_action_leads_has_one_row_per_action_and_lead(register: Path) -> None:
    actions = _rows(register, "Actions")
    kinds = {r["Lead"]: r["Kind"] for r in _rows(register, "Leads")}
    wanted: Counter[tuple[str, str, str]] = Counter()
    for a in actions:
        for lead in _names(a["Lead"]) or ["Unassigned"]:
            wanted[(a["Register ID"], lead, "Lead")] += 1
        for name in _names(a["Support"]):
            wanted[(a["Register ID"], name, "Support")] += 1
    got = _rows(register, "Action leads")
    assert Counter((r["Register ID"], r["Lead"], r["Role"]) for r in got) == wanted
    assert max(wanted.values()) == 1  # no action names a lead twice
    assert {r["Register ID"] for r in got} == {a["Register ID"] for a in actions}
    assert all(r["Kind"] == kinds[r["Lead"]] for r in got)  # every lead is on Leads
    assert {"Register ID": "ESS 2023-24 / 1.4", "Lead": "Halima Mehmood", "Kind": "Person",
            "Role": "Support"} in got  # fmt: skip
    # ESS 1.1 is led by three bodies: three rows, one pivot count each
    assert [r["Lead"] for r in got if r["Register ID"] == "ESS 2023-24 / 1.1"] == [
        "VAWG Board",
        "Police",
        "CSF",
    ]


def test_action_leads_pivots_by_lead_in_pandas(register: Path) -> None:
    """The pivot an analyst builds: open-and-closed actions per lead, straight from the sheet."""
    frame = pd.read_excel(register, sheet_name="Action leads")
    pivot = frame[frame["Role"] == "Lead"].pivot_table(
        index="Lead", values="Register ID", aggfunc="count"
    )
    assert pivot.loc["Keith Shipman", "Register ID"] == 7
    # as lead or support, each lead's actions are the Leads sheet's count
    leads = pd.read_excel(register, sheet_name="Leads").set_index("Lead")["Actions"]
    assert frame.groupby("Lead")["Register ID"].nunique().to_dict() == leads.to_dict()


def test_action_themes_has_one_row_per_action_and_theme(register: Path) -> None:
    actions = _rows(register, "Actions")
    wanted = Counter((a["Register ID"], t) for a in actions for t in _names(a["Themes"]))
    got = Counter((r["Register ID"], r["Theme"]) for r in _rows(register, "Action themes"))
    assert got == wanted and len(got) > 20
    assert ("ESS 2023-24 / 1.5", "Think Family") in got


def _open(a: dict[str, Any]) -> bool:
    return a["Status"] != "Complete" and not str(a["Review"] or "").startswith("Removed")


def test_overdue_and_due_soon_list_open_actions_by_due_date(
    dated: tuple[Register, Path],
) -> None:
    _, path = dated
    actions = {a["Register ID"]: a for a in _rows(path, "Actions")}
    overdue = _rows(path, "Overdue")
    soon = _rows(path, "Due soon")
    # Kelly Anderson's September 2023 report is past due; Keith Shipman's Autumn 2023
    # (30 November) report falls due within 90 days; the December 2023 HSB policy
    # (31 December, 91 days on) in neither
    assert "PPYP 2023-24 / 1.2c" in {r["Register ID"] for r in overdue}
    assert [(r["Register ID"], r["Due"]) for r in soon] == [
        ("PPYP 2023-24 / 1.2a", datetime(2023, 11, 30))
    ]
    assert "PPYP 2023-24 / 2.1c" not in {r["Register ID"] for r in (*overdue, *soon)}
    wanted_overdue = {
        rid
        for rid, a in actions.items()
        if _open(a)
        and ((a["Due"] is not None and a["Due"].date() < RUN_DATE) or a["Status"] == "Overdue")
    }
    assert {r["Register ID"] for r in overdue} == wanted_overdue
    assert "PPYP 2023-24 / 2.2" in wanted_overdue  # shaded Overdue, no date: still listed
    dues = [r["Due"] for r in overdue]
    dated_dues = [d for d in dues if d is not None]
    assert dated_dues == sorted(dated_dues) and dues[: len(dated_dues)] == dated_dues
    for row in (*overdue, *soon):  # the view's cells are the action's
        assert all(actions[row["Register ID"]][k] == v for k, v in row.items())
        assert _open(actions[row["Register ID"]])


def test_complete_and_removed_actions_are_in_no_view(dated: tuple[Register, Path]) -> None:
    register, path = dated
    closed = {a.register_id for a in register.actions if a.removed or a.status == "Complete"}
    assert len(closed) >= 6
    for sheet in ("Overdue", "Due soon", "By lead"):
        assert not closed & {r["Register ID"] for r in _rows(path, sheet)}


def test_by_lead_lists_each_leads_open_actions(dated: tuple[Register, Path]) -> None:
    _, path = dated
    actions = _rows(path, "Actions")
    rows = _rows(path, "By lead")
    wanted = {
        (lead, role, a["Register ID"])
        for a in actions
        if _open(a)
        for role, names in (
            ("Lead", _names(a["Lead"]) or ["Unassigned"]),
            ("Support", _names(a["Support"])),
        )
        for lead in names
    }
    assert {(r["Lead"], r["Role"], r["Register ID"]) for r in rows} == wanted
    assert len(rows) == len(wanted)
    order = [(str(r["Lead"]).casefold(), r["Role"] != "Lead") for r in rows]
    assert order == sorted(order)
    kelly = [r["Register ID"] for r in rows if r["Lead"] == "Kelly Anderson"]
    assert kelly == ["PPYP 2023-24 / 1.2c"]


def test_actions_starts_with_id_action_status_frozen(register: Path) -> None:
    ws = load_workbook(register)["Actions"]
    assert [c.value for c in ws[1]][:4] == ["Register ID", "Action", "Status", "Due"]
    assert ws.freeze_panes == "C2"  # Register ID and Action stay in sight


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def test_pandas_reads_every_word_the_register_holds(register: Path) -> None:
    """No cell pandas reads as missing where the workbook holds a word (``None``, ``NA``, ...)."""
    book = load_workbook(register)
    frames = pd.read_excel(register, sheet_name=None)
    assert set(frames) == set(book.sheetnames)
    checked = 0
    for name, frame in frames.items():
        if name == "Summary":
            continue  # titled blocks, not one table
        ws = book[name]
        for r, row in enumerate(ws.iter_rows(min_row=2, values_only=True)):
            if r >= len(frame):  # an empty table's blank row
                assert not any(row)
                continue
            for k, value in enumerate(row):
                if isinstance(value, str) and value.strip():
                    assert not _is_missing(frame.iat[r, k]), (name, r + 2, k + 1, value)
                    checked += 1
                elif value is None:
                    assert _is_missing(frame.iat[r, k])
        # a blank cell is empty, never the text None or nan
        assert not any(c in ("None", "nan", "NaN") for row in ws.iter_rows(values_only=True)
                       for c in row), name  # fmt: skip
    assert checked > 1000


def test_the_notebook_api_runs_and_reads_the_register(tmp_path: Path) -> None:
    from ingest.api import read_register
    from ingest.api import run as api_run

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("ess-2023-24.docx", "ppyp-2021-22.docx"):
        (inbox / name).write_bytes((INBOX / name).read_bytes())
    result = api_run(str(inbox), str(tmp_path / "register.xlsx"))
    assert (result.register, result.actions, result.failed) == (tmp_path / "register.xlsx", 34, ())
    frames = read_register(result.register)
    assert list(frames) == [
        "Actions", "Overdue", "Due soon", "By lead", "Action leads", "Action themes",
        "Leads", "Review", "Sources", "History", "Conflicts",
    ]  # fmt: skip
    actions = frames["Actions"]
    assert len(actions) == 34 and actions["Register ID"].is_unique
    assert str(actions["Due"].dtype).startswith("datetime64")
    assert actions["Timeframe type"].notna().all()  # a word is never read as missing
    assert actions["Analyst note"].isna().all()  # a blank cell is
    assert len(frames["Action leads"]) >= 34


def test_a_state_file_from_before_not_given_still_reads(tmp_path: Path) -> None:
    """Timeframe type ``None`` became ``Not given``: actions stored as ``None`` read as it."""
    import sqlite3

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ppyp-2021-22.docx").write_bytes((INBOX / "ppyp-2021-22.docx").read_bytes())
    register = tmp_path / "register.xlsx"
    run(inbox, register, load_settings())
    with sqlite3.connect(tmp_path / "register.sqlite") as db:
        changed = db.execute(
            "UPDATE actions SET data = replace(data, :new, :old) WHERE instr(data, :new)",
            {"new": '"type": "Not given"', "old": '"type": "None"'},
        ).rowcount
    assert changed == 14  # as the tool stored them before the rename
    run(inbox, register, load_settings())
    types = Counter(r["Timeframe type"] for r in _rows(register, "Actions"))
    assert types["Not given"] == 14 and "None" not in types


def test_the_notebook_api_takes_the_lock_a_scheduled_run_takes(tmp_path: Path) -> None:
    from ingest.api import run as api_run
    from ingest.lock import LockHeld, run_lock
    from ingest.store import default_state

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ess-2023-24.docx").write_bytes((INBOX / "ess-2023-24.docx").read_bytes())
    register = tmp_path / "register.xlsx"
    with run_lock(default_state(register)), pytest.raises(LockHeld):
        api_run(inbox, register)
    assert not register.exists()  # the run that found the lock taken touched nothing
    assert api_run(inbox, register).actions > 0
