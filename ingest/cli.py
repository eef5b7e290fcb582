"""The ``workplans`` command. Thin: it turns errors into messages and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from ingest.about import tool_version
from ingest.config import CONFIG_NAME, Config, find_config, load_config, write_starter
from ingest.discover import discover
from ingest.lock import LockHeld, run_lock
from ingest.progress import Report, bar_available
from ingest.remote import address_of
from ingest.store import Store, default_state
from ingest.watch import DEFAULT_INTERVAL
from ingest.workers import DEFAULT_TIMEOUT, Limits, Stopped, default_jobs
from normalise import Settings, load_settings, normalise_document, resolve_leads_of, with_leads
from normalise.model import Action
from output.files import RegisterWriteError
from parsers import parse
from parsers.errors import ConfigError, DocumentError, WorkplanError

if TYPE_CHECKING:
    from ingest.run import RunResult

# What a command needs is imported when it runs (ingest.run and ingest.watch bring the
# parsers, the normaliser and openpyxl): --help, --version and init start at once.

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

# Built-in values of the options a settings file may also give (a given option wins over both).
_DEFAULTS: dict[str, object] = {
    "jobs": default_jobs(),
    "timeout": DEFAULT_TIMEOUT,
    "interval": DEFAULT_INTERVAL,
}
_CONFIGURABLE = ("inbox", "register", "state", "themes", "lead_aliases", "lead_directory",
                 "jobs", "timeout", "interval", "executor")  # fmt: skip


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name (``workplans -v run`` or ``run -v``)."""
    common = argparse.ArgumentParser(add_help=False)
    quiet = argparse.SUPPRESS  # unset unless given, so one given before the command survives
    common.add_argument(
        "-v", "--verbose", action="store_true", default=quiet, help="log what each stage does"
    )
    common.add_argument(
        "-q", "--quiet", action="store_true", default=quiet,
        help="print one line as a run starts and its closing summary",
    )  # fmt: skip
    common.add_argument(
        "--log-json", action="store_true", default=quiet,
        help="print the run's progress as JSON lines, for log collectors",
    )  # fmt: skip
    common.add_argument(
        "--config", type=Path, default=quiet,
        help=f"settings file (default: {CONFIG_NAME} in the current folder, if there is one)",
    )  # fmt: skip
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common()
    top = argparse.ArgumentParser(
        prog="workplans",
        description="Turn a folder of Word and PDF workplans into one Excel register.",
        parents=[common],
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {tool_version()}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser(
        "run",
        parents=[common],
        help="read every workplan in an inbox folder and write the register",
        description="Read every .docx and .pdf under the inbox (recursively) and write "
        "the register workbook. A file that cannot be read becomes a Failed "
        "row in the Sources sheet; the run goes on and exits 1 after writing.",
    )
    _run_options(r)
    r.add_argument(
        "--retry-failed",
        action="store_true",
        help="read again the files that failed in earlier runs (they are not, until they change)",
    )
    r.add_argument(
        "--rebuild",
        action="store_true",
        help="write the register even when nothing is new since the last one (it is left as "
        "it is otherwise)",
    )
    r.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first file that fails; write no register",
    )

    w = sub.add_parser(
        "watch",
        parents=[common],
        help="run whenever the inbox changes, until stopped",
        description="Watch the inbox and run the batch (as 'run' does) on start and whenever "
        "files are added, changed or removed, once the folder has stopped changing for one "
        "interval (a file being copied in is not read half-way). Only new files are read. "
        "Stop with Ctrl-C or SIGTERM: a run in progress finishes first.",
    )
    _run_options(w)
    w.add_argument(
        "--retry-failed",
        action="store_true",
        help="at the first run, read again the files that failed in earlier runs",
    )
    w.add_argument(
        "--interval",
        type=_positive_float,
        help=f"seconds between looks at the inbox (default: {DEFAULT_INTERVAL:.0f})",
    )

    ld = sub.add_parser(
        "leads",
        parents=[common],
        help="write the lead directory CSV analysts own, or show the uncertain lead matches",
        description="Resolve the leads of every workplan in the inbox and write the lead directory "
        "(Written as, Canonical lead, Kind, Organisation). Edit 'Canonical lead' where a match is wrong "
        "and pass the file to 'run --lead-directory': what it says wins over any fuzzy match.",
    )
    ld.add_argument(
        "--inbox", type=Path, help="folder of workplan documents (searched recursively)"
    )
    ld.add_argument(
        "--register",
        type=Path,
        help="the register whose state file to use, so documents read before are not read again",
    )
    ld.add_argument(
        "--state", type=Path, help="the state file to use (default: beside --register, if given)"
    )
    ld.add_argument(
        "--out", type=Path, default=Path("leads.csv"), help="CSV to write (default: leads.csv)"
    )
    ld.add_argument(
        "--uncertain",
        action="store_true",
        help="print the matches that are guesses (score under 100) instead of writing",
    )
    _settings_options(ld)
    _reading_options(ld)

    i = sub.add_parser(
        "init",
        parents=[common],
        help=f"write a commented starter settings file ({CONFIG_NAME})",
        description=f"Write a commented starter {CONFIG_NAME} (never over an existing file).",
    )
    i.add_argument(
        "path",
        type=Path,
        nargs="?",
        default=Path(CONFIG_NAME),
        help=f"where (default: {CONFIG_NAME})",
    )

    p = sub.add_parser(
        "parse",
        parents=[common],
        help="print one document's actions as JSON (touches no state)",
        description="Parse and normalise one document and print its actions as JSON. "
        "Writes nothing.",
    )
    p.add_argument("file", type=Path, help="a .docx or .pdf workplan")
    p.add_argument(
        "--raw",
        action="store_true",
        help="also print the raw table cells each action came from, with their provenance",
    )
    _settings_options(p)
    return top


def _settings_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--themes", type=Path, help="JSON file of canonical cross-cutting themes and their aliases"
    )
    p.add_argument(
        "--lead-aliases", type=Path, help="JSON file mapping lead spellings/abbreviations to names"
    )
    p.add_argument(
        "--lead-directory",
        type=Path,
        help="CSV lead directory (Written as, Canonical lead, ...) whose entries win over fuzzy matches",
    )


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--inbox", type=Path, help="folder of workplan documents (searched recursively)")
    p.add_argument(
        "--register",
        type=Path,
        help="workbook to write (default: register.xlsx); written whole, then renamed into place",
    )
    _settings_options(p)
    _reading_options(p)
    p.add_argument(
        "--state",
        type=Path,
        help="SQLite file that remembers what was read (default: beside the register, register.sqlite)",
    )
    p.add_argument("--csv", type=Path, help="also write the Actions table as CSV to this file")
    p.add_argument("--json", type=Path, help="also write the Actions table as JSON to this file")


def _reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        type=_positive_int,
        help=f"files read at once, each in its own process (default: {default_jobs()}, one per core up to 4)",
    )
    p.add_argument(
        "--timeout",
        type=_positive_float,
        help=f"seconds one file may take before it is stopped and reported Failed (default: {DEFAULT_TIMEOUT:.0f})",
    )
    p.add_argument(
        "--executor",
        metavar="dask://HOST:PORT",
        help="read the files on an existing Dask cluster instead of this machine's cores "
        "(needs the extra: pip install 'workplan-register[dask]')",
    )
    p.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="inbox paths that are not documents (a glob such as 'Archive/*'; may be repeated)",
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _limits(args: argparse.Namespace) -> Limits:
    executor = getattr(args, "executor", None) or ""
    if executor:
        address_of(executor)  # a malformed address is a usage error before anything is read
    return Limits(jobs=args.jobs, timeout=args.timeout, executor=executor, **args.config_limits)


def _configured(args: argparse.Namespace, config: Config) -> argparse.Namespace:
    """``args`` with each option not given taken from ``config``, else from its built-in default."""
    for name in _CONFIGURABLE:
        if hasattr(args, name) and getattr(args, name) is None:
            value = getattr(config, name)
            setattr(args, name, value if value is not None else _DEFAULTS.get(name))
    if args.command in ("run", "watch") and args.register is None:
        args.register = Path("register.xlsx")
    if hasattr(args, "exclude") and not args.exclude:
        args.exclude = list(config.exclude)
    args.config_limits = dict(config.limits)
    if args.command in ("run", "watch", "leads") and args.inbox is None:
        where = f"in {config.source}" if config.source else f"in a {CONFIG_NAME}"
        raise ConfigError(
            f"no inbox given: pass --inbox, or set inbox {where} ('workplans init' writes one)"
        )
    return args


def _state_of(args: argparse.Namespace) -> Path | None:
    """The state file a command uses: ``--state``, else beside ``--register``; ``None`` for none."""
    state: Path | None = getattr(args, "state", None)
    register: Path | None = getattr(args, "register", None)
    return state or (default_state(register) if register is not None else None)


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        themes=args.themes, aliases=args.lead_aliases, directory=args.lead_directory
    )


def action_json(action: Action) -> dict[str, object]:
    """An action as ``workplans parse`` prints it (snake-case keys, ISO dates)."""
    return {
        "register_id": action.register_id,
        "priority": action.priority,
        "impact": action.impact,
        "action_id": action.action_id,
        "action": action.action,
        "themes": list(action.themes),
        "lead": list(action.lead),
        "support": list(action.support),
        "lead_as_written": action.lead_as_written,
        "timeframe_as_written": action.timeframe.as_written,
        "timeframe_type": action.timeframe.type.value,
        "due": action.timeframe.due.isoformat() if action.timeframe.due else None,
        "status": action.status.value if action.status else None,
        "location": action.location,
        "review": [
            {
                "field": r.field,
                "before": r.before,
                "after": r.after,
                "rule": r.rule,
                "confidence": r.confidence,
            }
            for r in action.review
        ],
    }


def _cmd_parse(args: argparse.Namespace) -> int:
    raw = parse(args.file)
    settings = _settings(args)
    workplan = normalise_document(raw, settings)
    (shown,) = with_leads([workplan], settings)  # leads as the register shows them
    actions = shown.actions
    out: dict[str, object] = {
        "document": args.file.name,
        "workplan": workplan.title,
        "period": workplan.period,
        "key": workplan.key,
        "notes": list(workplan.notes),
        "actions": [action_json(a) for a in actions],
    }
    if args.raw:
        out["tables"] = [
            {
                "index": t.index,
                "method": t.method,
                "header": list(t.header),
                "roles": [r.value for r in t.roles],
                "rows": [
                    [
                        {
                            "text": c.text,
                            "row": c.provenance.row,
                            "col": c.provenance.col,
                            "pages": list(c.provenance.pages),
                            "row_span": c.row_span,
                            "col_span": c.col_span,
                            "fill": c.fill,
                        }
                        for c in row
                    ]
                    for row in t.rows
                ],
            }
            for t in raw.tables
        ]
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return EXIT_OK


def _report(args: argparse.Namespace) -> Report:
    if getattr(args, "log_json", False):
        return Report("json", sys.stdout)
    if getattr(args, "quiet", False):
        return Report("quiet", sys.stdout)
    if sys.stderr.isatty() and bar_available():
        from ingest.run import own_files

        found = discover(args.inbox, own_files(args.register, args.state), exclude=args.exclude)
        return Report("bar", sys.stdout, total=sum(1 for _ in found))
    return Report("lines", sys.stdout)


def _outputs(args: argparse.Namespace) -> list[tuple[str, str, Path]]:
    """What a run writes: (what it is, the option that moves it, where it goes)."""
    named = [
        ("register", "--register", args.register),
        ("state file", "--state", args.state or default_state(args.register)),
        ("CSV export", "--csv", args.csv),
        ("JSON export", "--json", args.json),
    ]
    return [(what, option, path) for what, option, path in named if path is not None]


def _existing_folder(path: Path) -> Path:
    """The folder ``path`` goes in, or its nearest ancestor that exists (the run makes the rest)."""
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def check_writable(outputs: Sequence[tuple[str, str, Path]]) -> None:
    """Raise ``ConfigError`` naming the first of ``outputs`` whose folder cannot be written.

    ``outputs`` are (what it is, the option that moves it, where it goes), as
    ``_outputs`` gives them. Checked before the state file opens, so a
    read-only folder is said as such and not as a damaged state file.
    """
    for what, option, path in outputs:
        folder = _existing_folder(path)
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise ConfigError(
                f"the folder '{folder}' is not writable, so the {what} cannot be written to "
                f"{path}: give yourself permission to write there, or pass {option} with a "
                "folder you can write to"
            )


def _run_batch(
    args: argparse.Namespace,
    *,
    fail_fast: bool = False,
    retry_failed: bool = False,
    rebuild: bool = False,
) -> RunResult:
    """One batch run with the command's options, its outcome printed.

    Raises ``ConfigError`` before anything is read when a folder the run
    writes to is not writable.
    """
    check_writable(_outputs(args))
    if not args.inbox.is_dir():
        raise DocumentError(args.inbox, "inbox folder not found: create it or pass --inbox")
    report = _report(args)
    report.start(
        f"workplans {tool_version()}: reading {args.inbox} into {args.register}",
        inbox=str(args.inbox), register=str(args.register),
    )  # fmt: skip
    try:
        from ingest.run import run

        result = run(
            args.inbox,
            args.register,
            _settings(args),
            fail_fast=fail_fast,
            progress=report.file,
            csv_path=args.csv,
            json_path=args.json,
            state=args.state,
            limits=_limits(args),
            exclude=args.exclude,
            retry_failed=retry_failed,
            stop=getattr(args, "stop", None),
            rebuild=rebuild,
        )
    finally:
        report.close()  # the bar leaves the terminal however the run ends
    if result.locked:
        print(
            f"{args.register} is open in another program: the register was written to {result.register}"
        )
        if result.note:
            print(result.note)
    if report.mode == "lines":  # what needs a person's attention, where a scheduler looks for it
        for source in result.failed_now:
            print(f"  FAILED    {source.file}: {source.message}", file=sys.stderr, flush=True)
    report.summary(
        summary(result),
        actions=result.actions, parsed=result.parsed, renormalised=result.renormalised,
        failed=len(result.failed_now),
        failed_before=len(result.failed) - len(result.failed_now),
    )  # fmt: skip
    return result


def summary(result: RunResult) -> str:
    """The closing line of a run: where the register is, what it holds, what failed."""
    documents = sum(1 for s in result.sources if s.result != "Failed")
    replaced = sum(1 for s in result.sources if s.result == "Replaced")
    before = len(result.failed) - len(result.failed_now)
    if result.unchanged:
        return (
            f"Nothing new since the last run: {result.register} left as it is ({result.actions} "
            f"actions from {documents} documents; --rebuild writes it again)"
            + (
                f"; {before} file(s) that failed before were not read again (--retry-failed "
                "reads them)"
                if before
                else ""
            )
        )
    return (
        f"Register written to {result.register}: {result.actions} actions from {documents} documents"
        + (f"; {replaced} replaced by a newer version, see Sources and History" if replaced else "")
        + (
            f"; {len(result.failed_now)} file(s) failed, see the Sources sheet"
            if result.failed_now
            else ""
        )
        + (
            f"; {before} file(s) that failed before were not read again (--retry-failed reads them)"
            if before
            else ""
        )
    )


def _cmd_run(args: argparse.Namespace) -> int:
    with _locked(args):
        result = _run_batch(
            args, fail_fast=args.fail_fast, retry_failed=args.retry_failed, rebuild=args.rebuild
        )
    return EXIT_SOME_FAILED if result.failed_now else EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    if not args.inbox.is_dir():
        raise ConfigError(f"inbox folder not found: {args.inbox}")
    _settings(args)  # a bad settings file stops here, not at the first run
    retry = [args.retry_failed]

    def run_once() -> None:
        try:
            _run_batch(args, retry_failed=retry.pop() if retry else False)
        except (WorkplanError, RegisterWriteError) as e:  # the next change may put it right
            print(f"workplans: {e}; still watching", file=sys.stderr, flush=True)

    def acknowledge(number: int) -> None:
        name = signal.Signals(number).name
        print(
            f"workplans: {name} received; stopping after the run in progress",
            file=sys.stderr,
            flush=True,
        )

    with _locked(args):
        print(f"Watching {args.inbox} every {args.interval:g} s; Ctrl-C to stop", flush=True)
        from ingest.run import own_files
        from ingest.watch import watch

        outputs = own_files(args.register, args.state, args.csv, args.json)
        watch(
            args.inbox, run_once, interval=args.interval, outputs=outputs, exclude=args.exclude,
            acknowledge=acknowledge,
        )  # fmt: skip
    print("Stopped watching", flush=True)
    return EXIT_OK


@contextlib.contextmanager
def _locked(args: argparse.Namespace) -> Iterator[Path | None]:
    """Hold the lock on the command's state file, if it has one; ``LockHeld`` if another run has it."""
    state = _state_of(args)
    if state is None:
        yield None
        return
    # before the lock file is made: a folder that cannot be written is said as such
    own = _outputs(args) if args.command in ("run", "watch") else [("state file", "--state", state)]
    check_writable(own)
    with run_lock(state):
        yield state


def _cmd_init(args: argparse.Namespace) -> int:
    write_starter(args.path)
    print(f"Settings written to {args.path}: set inbox and register, then run 'workplans run'")
    return EXIT_OK


def _cmd_leads(args: argparse.Namespace) -> int:
    from ingest.run import read_inbox
    from normalise.leads import write_directory
    from normalise.leads.apply import merges_to_check

    settings = _settings(args)
    if not args.uncertain:
        check_writable([("lead directory", "--out", args.out)])
    with _locked(args) as state:
        if state is None:
            readings = read_inbox(
                args.inbox, settings, limits=_limits(args), exclude=args.exclude, stop=args.stop
            )
        else:
            with Store(state) as store:  # documents read before are not read again
                readings = read_inbox(
                    args.inbox, settings, limits=_limits(args), exclude=args.exclude, store=store,
                    stop=args.stop,
                )  # fmt: skip
    for reading in readings:
        if reading.workplan is None:
            print(f"  FAILED  {reading.source.file}: {reading.source.message}", file=sys.stderr)
    workplans = [r.workplan for r in readings if r.workplan is not None]
    resolution = resolve_leads_of(workplans, settings)
    if args.uncertain:
        guesses = merges_to_check(resolution, workplans)
        for m in guesses:
            detail = f": {m.rule}" if m.rule else ""
            print(f"{m.score:5.1f}  {m.written} -> {m.canonical}  ({m.source}{detail})")
        print(
            f"{len(guesses)} uncertain match(es) or acronym(s) read as names "
            f"among {len(resolution.leads)} leads"
        )
        return EXIT_OK
    write_directory(args.out, resolution)
    print(
        f"Lead directory written to {args.out}: {len(resolution.leads)} leads from {len(workplans)} documents; "
        "edit 'Canonical lead' and pass it to 'workplans run --lead-directory'"
    )
    return EXIT_OK


@contextlib.contextmanager
def _stop_on_signals(args: argparse.Namespace) -> Iterator[None]:
    """Ctrl-C and SIGTERM ask the command to stop between two files (``args.stop``).

    Asking, not raising where the signal lands: an exception raised at any
    line can be swallowed (in a library's cleanup) or leave a file half
    written. A second signal stops at once.
    """
    args.stop = threading.Event()
    args.signal = ""

    def handler(number: int, _frame: FrameType | None) -> None:
        name = signal.Signals(number).name
        if args.stop.is_set():
            raise KeyboardInterrupt(name)
        args.signal = name
        args.stop.set()

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in before:
            signal.signal(number, handler)
    except ValueError:  # not the main thread (a test calling main): no signals to take
        before = {}
    try:
        yield
    finally:
        for number, previous in before.items():
            signal.signal(number, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workplans`` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    commands = {
        "run": _cmd_run,
        "watch": _cmd_watch,
        "parse": _cmd_parse,
        "leads": _cmd_leads,
        "init": _cmd_init,
    }
    args.stop = None
    try:
        if args.command != "init":
            path = find_config(getattr(args, "config", None), Path.cwd())
            args = _configured(args, load_config(path) if path else Config())
        if args.command in ("run", "leads"):  # watch takes the signals itself, between runs
            with _stop_on_signals(args):
                code: int = commands[args.command](args)
        else:
            code = commands[args.command](args)
    except Stopped:
        print(
            f"workplans: {interrupted(args, args.signal or 'SIGINT')}", file=sys.stderr, flush=True
        )
        return EXIT_INTERRUPTED
    except LockHeld as e:
        print(f"workplans: {e}", file=sys.stderr)
        return EXIT_LOCKED
    except (WorkplanError, RegisterWriteError) as e:
        print(f"workplans: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt as e:
        print(f"workplans: {interrupted(args, str(e) or 'SIGINT')}", file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` and closed: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    return code


def interrupted(args: argparse.Namespace, name: str) -> str:
    """The one line said when a command is stopped by ``name`` (``SIGINT``, ``SIGTERM``)."""
    state = _state_of(args) if args.command in ("run", "watch", "leads") else None
    if state is None:
        return f"stopped by {name}"
    return (
        f"stopped by {name}: the documents read so far are kept in {state}; the register was "
        "not updated; run again to read the rest"
    )


if __name__ == "__main__":
    sys.exit(main())
