"""The settings file (``workplans.toml``), ``init``, ``--version`` and options after the command.

Every test runs the real command in its own process, as a scheduler would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from service import inbox_of, sources, workplans

from ingest.about import tool_version
from ingest.config import KEYS, STARTER, Config, load_config
from parsers.errors import ConfigError


def test_version_comes_from_the_package_metadata(tmp_path: Path) -> None:
    done = workplans("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == f"workplans {tool_version()}\n"
    assert tool_version() not in ("", "unknown")


def test_verbose_and_quiet_are_taken_after_the_command_as_well_as_before(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path, "ess-2023-24.docx")
    after = workplans("run", "--inbox", inbox, "-q", "-v", cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert "INFO ingest.run: parsing" in after.stderr  # -v after the command
    lines = after.stdout.splitlines()
    assert len(lines) == 2 and "reading" in lines[0]  # -q after it: a start line and the summary
    assert lines[1] == "Register written to register.xlsx: 15 actions from 1 documents"
    before = workplans("-q", "-v", "run", "--inbox", inbox, "--rebuild", cwd=tmp_path)
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines()[1] == lines[1]
    assert "INFO " in before.stderr
    quiet = workplans("run", "--inbox", inbox, cwd=tmp_path)
    assert "INFO " not in quiet.stderr and "unchanged" in quiet.stdout  # neither: per-file lines


def test_init_writes_a_starter_that_loads_and_never_overwrites(tmp_path: Path) -> None:
    done = workplans("init", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "workplans.toml"
    assert written.read_text() == STARTER
    config = load_config(written)
    assert config.inbox == tmp_path / "inbox" and config.register == tmp_path / "register.xlsx"
    # every key the file knows is in the starter, commented where it has a default
    starter_keys = {
        line.lstrip("# ").split(" =")[0] for line in STARTER.splitlines() if " = " in line
    }
    assert set(KEYS) - {"limits"} <= starter_keys
    written.write_text("inbox = 'mine'\n")
    again = workplans("init", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == (
        "workplans: workplans.toml: already exists; edit it, or move it away to write a new one\n"
    )
    assert written.read_text() == "inbox = 'mine'\n"


def test_the_whole_starter_uncommented_is_a_valid_settings_file(tmp_path: Path) -> None:
    text = STARTER.replace("# [limits]", "[limits]")
    text = "\n".join(
        line[2:] if line.startswith("# ") and " = " in line else line for line in text.splitlines()
    )
    path = tmp_path / "workplans.toml"
    path.write_text(text)
    config = load_config(path)
    assert config.jobs == 2 and config.timeout == 180.0 and config.interval == 30.0
    assert config.exclude == ("Archive/*", "*.bak")
    assert config.limits == {
        "max_bytes": 268435456,
        "max_actions": 2000,
        "max_cell_chars": 32767,
        "max_document_chars": 5000000,
        "memory": 4294967296,
    }
    assert config.lead_directory == tmp_path / "leads.csv"


def test_the_settings_file_in_the_working_folder_is_used_and_options_win(tmp_path: Path) -> None:
    inbox_of(tmp_path, "ess-2023-24.docx", "ppyp-2023-24.pdf")
    (tmp_path / "inbox" / "Archive").mkdir()
    (tmp_path / "inbox" / "Archive" / "old.pdf").write_text("not a pdf")
    (tmp_path / "workplans.toml").write_text(
        'inbox = "inbox"\nregister = "out/reg.xlsx"\nexclude = ["archive/*"]\njobs = 1\n'
    )
    done = workplans("run", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # Archive/old.pdf excluded: nothing failed
    assert set(sources(tmp_path / "out" / "reg.xlsx")) == {"ess-2023-24.docx", "ppyp-2023-24.pdf"}
    assert (tmp_path / "out" / "reg.sqlite").is_file()
    # an option given wins over the file: another register, and no exclusion
    other = tmp_path / "other.xlsx"
    done = workplans("run", "--register", other, "--exclude", "*.docx", cwd=tmp_path)
    assert done.returncode == 1
    assert set(sources(other)) == {"Archive/old.pdf", "ppyp-2023-24.pdf"}


def test_config_option_names_a_file_elsewhere_and_its_paths_are_relative_to_it(
    tmp_path: Path,
) -> None:
    service = tmp_path / "srv"
    inbox_of(service, "ess-2023-24.docx")
    settings = service / "settings.toml"
    settings.write_text('inbox = "inbox"\nregister = "register.xlsx"\ntimeout = 60\n')
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    done = workplans("run", "--config", settings, "--log-json", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events[-1]["message"].startswith(f"Register written to {service / 'register.xlsx'}")
    assert not list(elsewhere.iterdir())
    missing = workplans("run", "--config", tmp_path / "nope.toml", cwd=elsewhere)
    assert missing.returncode == 2
    assert missing.stderr == (
        f"workplans: {tmp_path / 'nope.toml'}: settings file not found; check --config, "
        "or write one with 'workplans init'\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "inbox = 'in'\njob = 2\n",
            "unknown key 'job' (did you mean 'jobs'?); the keys are inbox, register, state, "
            "themes, lead-aliases, lead-directory, jobs, timeout, interval, executor, exclude, "
            "limits",
        ),
        (
            "executor = 'spark://x:1'\n",
            "'executor' must be a Dask scheduler's address such as \"dask://10.0.0.5:8786\", "
            "not 'spark://x:1'",
        ),
        ("jobs = 'four'\n", "'jobs' must be a whole number of 1 or more, not 'four'"),
        ("jobs = true\n", "'jobs' must be a whole number of 1 or more, not True"),
        ("timeout = -5\n", "'timeout' must be a number of seconds more than 0, not -5"),
        ("inbox = 3\n", "'inbox' must be a path in quotes, such as \"inbox\", not 3"),
        (
            "exclude = 'Archive'\n",
            "'exclude' must be a list of patterns such as [\"Archive/*\", \"*.bak\"], not 'Archive'",
        ),
        (
            "[limits]\nmax-action = 5\n",
            "unknown key 'limits.max-action' (did you mean 'limits.max-actions'?); the keys are "
            "limits.max-file-bytes, limits.max-actions, limits.max-cell-chars, "
            "limits.max-document-chars, limits.memory-budget-bytes",
        ),
        (
            "[limits]\nmax-actions = 0\n",
            "'limits.max-actions' must be a whole number of 1 or more, not 0",
        ),
    ],
)
def test_a_wrong_key_or_value_is_one_line_naming_it_and_the_file_exit_2(
    tmp_path: Path, text: str, message: str
) -> None:
    inbox_of(tmp_path, "ess-2023-24.docx")
    (tmp_path / "workplans.toml").write_text(text)
    done = workplans("run", "--inbox", "inbox", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"workplans: {tmp_path / 'workplans.toml'}: {message}\n"
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not (tmp_path / "register.xlsx").exists() and not (tmp_path / "register.sqlite").exists()


def test_a_settings_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "workplans.toml"
    path.write_text("inbox = \n")
    with pytest.raises(ConfigError, match=r"workplans.toml: not a valid settings file \(Invalid"):
        load_config(path)
    done = workplans("run", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"workplans: {path}: not a valid settings file")


def test_limits_from_the_file_reach_the_run(tmp_path: Path) -> None:
    inbox_of(tmp_path, "ess-2023-24.docx")
    (tmp_path / "workplans.toml").write_text('inbox = "inbox"\n[limits]\nmax-actions = 3\n')
    done = workplans("run", cwd=tmp_path)
    assert done.returncode == 1
    assert sources(tmp_path / "register.xlsx")["ess-2023-24.docx"] == (
        "Failed",
        "gave 15 actions, more than the 3 one workplan may have; check its table, or split the document",
    )


def test_no_inbox_anywhere_is_a_usage_error(tmp_path: Path) -> None:
    done = workplans("run", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "workplans: no inbox given: pass --inbox, or set inbox in a workplans.toml "
        "('workplans init' writes one)\n"
    )


def test_an_empty_config_changes_nothing() -> None:
    assert Config().inbox is None and Config().limits == {}
