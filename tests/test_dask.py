"""Past one machine (issue 16): the files read on a Dask cluster give the register a local run gives.

A real ``LocalCluster`` with two worker processes; each file's bytes go to the
cluster, are read there and come back; the store and the workbook stay here.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import INBOX
from distributed import Client, LocalCluster
from openpyxl import load_workbook

from ingest.cli import main

FILES = ("ess-2023-24.docx", "ess-2023-24.pdf", "ppyp-2021-22.docx", "ppyp-2023-24.pdf")


def _sheets(register: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(register, read_only=True)
    out = {}
    for name in ("Actions", "Review", "Leads", "History", "Sources"):
        rows = list(book[name].iter_rows(values_only=True))
        if name == "Sources":  # when each was read differs between the two runs
            at = list(rows[0]).index("Ingested at")
            rows = [tuple(v for k, v in enumerate(r) if k != at) for r in rows]
        out[name] = rows
    return out


def _files_read(dask_scheduler: Any) -> int:
    """How many ``read_there`` tasks ended on the cluster with a result (entered ``memory``)."""
    prefixes = dask_scheduler.task_prefixes
    return int(prefixes["read_there"].state_counts["memory"]) if "read_there" in prefixes else 0


def test_a_run_on_a_dask_cluster_gives_the_register_of_a_local_run(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copy2(INBOX / name, inbox / name)
    local, remote = tmp_path / "local" / "register.xlsx", tmp_path / "dask" / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(local), "-q"]) == 0
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        # the cluster named in the settings file, as a scheduled run would have it
        settings = tmp_path / "workplans.toml"
        settings.write_text(f'executor = "{address}"\n', encoding="utf-8")
        args = ["run", "--inbox", str(inbox), "--register", str(remote), "-q"]
        assert main([*args, "--config", str(settings)]) == 0
        with Client(cluster) as client:  # the files were read there, not here
            read = client.run_on_scheduler(_files_read)
        assert read == len(FILES)
    assert _sheets(remote) == _sheets(local)
    assert len(_sheets(remote)["Actions"]) > 1


def test_an_executor_that_is_not_a_dask_address_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    register = tmp_path / "register.xlsx"
    code = main(["run", "--inbox", str(inbox), "--register", str(register), "--executor", "spark"])
    assert code == 2 and not register.exists()
    assert "give it as dask://HOST:PORT" in capsys.readouterr().err
