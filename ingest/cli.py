"""The ``workplans`` command. Thin: it turns errors into messages and exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ingest.run import RunResult, own_files, read_inbox, run
from ingest.store import default_state
from ingest.watch import DEFAULT_INTERVAL, watch
from ingest.workers import DEFAULT_TIMEOUT, Limits, default_jobs
from normalise import Settings, load_settings, normalise_document, resolve_leads_of, with_leads
from normalise.leads import write_directory
from normalise.model import Action, SourceRecord
from output.excel import RegisterWriteError
from parsers import parse
from parsers.errors import ConfigError, WorkplanError

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="workplans",
        description="Turn a folder of Word and PDF workplans into one Excel register.",
    )
    top.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser(
        "run",
        help="read every workplan in an inbox folder and write the register",
        description="Read every .docx and .pdf under the inbox (recursively) and write "
        "the register workbook. A file that cannot be read becomes a Failed "
        "row in the Sources sheet; the run goes on and exits 1 after writing.",
    )
    _run_options(r)
    r.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first file that fails; write no register",
    )

    w = sub.add_parser(
        "watch",
        help="run whenever the inbox changes, until stopped",
        description="Watch the inbox and run the batch (as 'run' does) on start and whenever "
        "files are added, changed or removed, once the folder has stopped changing for one "
        "interval (a file being copied in is not read half-way). Only new files are read. "
        "Stop with Ctrl-C or SIGTERM: a run in progress finishes first.",
    )
    _run_options(w)
    w.add_argument(
        "--interval",
        type=_positive_float,
        default=DEFAULT_INTERVAL,
        help=f"seconds between looks at the inbox (default: {DEFAULT_INTERVAL:.0f})",
    )

    ld = sub.add_parser(
        "leads",
        help="write the lead directory CSV analysts own, or show the uncertain lead matches",
        description="Resolve the leads of every workplan in the inbox and write the lead directory "
        "(Written as, Canonical lead, Kind, Organisation). Edit 'Canonical lead' where a match is wrong "
        "and pass the file to 'run --lead-directory': what it says wins over any fuzzy match.",
    )
    ld.add_argument(
        "--inbox",
        type=Path,
        required=True,
        help="folder of workplan documents (searched recursively)",
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

    p = sub.add_parser(
        "parse",
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
    p.add_argument(
        "--inbox",
        type=Path,
        required=True,
        help="folder of workplan documents (searched recursively)",
    )
    p.add_argument(
        "--register",
        type=Path,
        default=Path("register.xlsx"),
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
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")


def _reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        type=_positive_int,
        default=default_jobs(),
        help=f"files read at once, each in its own process (default: {default_jobs()}, one per core up to 4)",
    )
    p.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds one file may take before it is stopped and reported Failed (default: {DEFAULT_TIMEOUT:.0f})",
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
    return Limits(jobs=args.jobs, timeout=args.timeout)


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


def _progress(args: argparse.Namespace) -> Callable[[SourceRecord], None]:
    def show(record: SourceRecord) -> None:
        if args.quiet:
            return
        if record.result == "Failed":
            print(f"  FAILED    {record.file}: {record.message}", file=sys.stderr)
        else:
            word = "unchanged" if record.result == "Unchanged" else "read"
            print(
                f"  {word:9} {record.file}: {record.actions} actions ({record.workplan} {record.period})"
            )

    return show


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


def _run_batch(args: argparse.Namespace, *, fail_fast: bool = False) -> RunResult:
    """One batch run with the command's options, its outcome printed.

    Raises ``ConfigError`` before anything is read when a folder the run
    writes to is not writable.
    """
    check_writable(_outputs(args))
    result = run(
        args.inbox,
        args.register,
        _settings(args),
        fail_fast=fail_fast,
        progress=_progress(args),
        csv_path=args.csv,
        json_path=args.json,
        state=args.state,
        limits=_limits(args),
    )
    if result.locked:
        print(
            f"{args.register} is open in another program: the register was written to {result.register}"
        )
        if result.note:
            print(result.note)
    documents = sum(1 for s in result.sources if s.result != "Failed")
    replaced = sum(1 for s in result.sources if s.result == "Replaced")
    print(
        f"Register written to {result.register}: {result.actions} actions from {documents} documents"
        + (f"; {replaced} replaced by a newer version, see Sources and History" if replaced else "")
        + (
            f"; {len(result.failed)} file(s) failed, see the Sources sheet" if result.failed else ""
        ),
        flush=True,
    )
    return result


def _cmd_run(args: argparse.Namespace) -> int:
    result = _run_batch(args, fail_fast=args.fail_fast)
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    if not args.inbox.is_dir():
        raise ConfigError(f"inbox folder not found: {args.inbox}")
    _settings(args)  # a bad settings file stops here, not at the first run

    def run_once() -> None:
        try:
            _run_batch(args)
        except (WorkplanError, RegisterWriteError) as e:  # the next change may put it right
            print(f"workplans: {e}; still watching", file=sys.stderr, flush=True)

    print(f"Watching {args.inbox} every {args.interval:g} s; Ctrl-C to stop", flush=True)
    outputs = own_files(args.register, args.state, args.csv, args.json)
    watch(args.inbox, run_once, interval=args.interval, outputs=outputs)
    print("Stopped watching", flush=True)
    return EXIT_OK


def _cmd_leads(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not args.uncertain:
        check_writable([("lead directory", "--out", args.out)])
    readings = read_inbox(args.inbox, settings, limits=_limits(args))
    for reading in readings:
        if reading.workplan is None:
            print(f"  FAILED  {reading.source.file}: {reading.source.message}", file=sys.stderr)
    workplans = [r.workplan for r in readings if r.workplan is not None]
    resolution = resolve_leads_of(workplans, settings)
    if args.uncertain:
        guesses = sorted(
            (m for m in resolution.matches if m.score < 100), key=lambda m: (m.score, m.written)
        )
        for m in guesses:
            print(f"{m.score:5.1f}  {m.written} -> {m.canonical}  ({m.rule})")
        print(f"{len(guesses)} uncertain match(es) among {len(resolution.leads)} leads")
        return EXIT_OK
    write_directory(args.out, resolution)
    print(
        f"Lead directory written to {args.out}: {len(resolution.leads)} leads from {len(workplans)} documents; "
        "edit 'Canonical lead' and pass it to 'workplans run --lead-directory'"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workplans`` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        commands = {
            "run": _cmd_run,
            "watch": _cmd_watch,
            "parse": _cmd_parse,
            "leads": _cmd_leads,
        }
        code: int = commands[args.command](args)
    except (WorkplanError, RegisterWriteError) as e:
        print(f"workplans: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head` and closed: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
