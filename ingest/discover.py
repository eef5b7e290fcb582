"""Find the documents in an inbox folder."""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path

from output.files import is_copy_of

log = logging.getLogger(__name__)

# Told of each link discovery will not follow: the link's path and why, a
# message for the Sources sheet (``skipped: a link to ..., outside the inbox; ...``).
Skipped = Callable[[Path, str], None]

# Files a person's tools leave beside documents: Office lock files, partial
# downloads, OS metadata. They are not documents and not failures.
_IGNORED_PREFIXES = ("~$", ".")
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini"})
_IGNORED_SUFFIXES = frozenset({".tmp", ".part", ".crdownload"})


def discover(
    inbox: Path,
    outputs: Collection[Path] = (),
    *,
    skipped: Skipped | None = None,
    exclude: Sequence[str] = (),
) -> Iterator[Path]:
    """Every file under ``inbox`` (recursively, sorted) that someone dropped in.

    Any file counts, so that an image or a ``.doc`` ends as a named failure in
    the register rather than being ignored; lock files, hidden files and
    partial downloads are left alone, and so are the tool's own ``outputs``
    (a register written into its inbox, its state file and their companions),
    and files matching an ``exclude`` pattern (``excluded``).

    A link is followed only to a file inside the inbox. A link out of the
    inbox (to a file or a folder), to nothing, or round in a loop is not read:
    it is logged (once a process, as ``watch`` looks every interval) and passed
    to ``skipped`` with a message saying why. A link to a folder inside the
    inbox is not followed either: its files are found where they are, and a
    link back up cannot loop.
    """
    own = {p.resolve() for p in outputs}
    root = inbox.resolve()
    for path in sorted(inbox.rglob("*")):
        parts = path.relative_to(inbox).parts
        if any(p.startswith(_IGNORED_PREFIXES) for p in parts):
            continue
        if path.name.lower() in _IGNORED_NAMES or path.suffix.lower() in _IGNORED_SUFFIXES:
            continue
        if exclude and excluded(Path(*parts).as_posix(), exclude):
            continue
        problem = link_problem(path, root)
        if problem is not None:
            _warn_once(path, problem)
            if skipped is not None:
                skipped(path, problem)
            continue
        if not path.is_file() or _own(path, own):
            continue
        yield path


def excluded(name: str, patterns: Sequence[str]) -> bool:
    """Whether the inbox path ``name`` (``/``-separated) matches one of the glob ``patterns``.

    A pattern is matched against the whole path under the inbox and against
    the file name, without regard to case (inboxes are often Windows shares);
    a pattern ending in ``/`` or naming a folder matches everything in it.

    >>> [excluded(n, ["Archive/*", "*.bak"]) for n in ("Archive/2019/a.pdf", "t/x.docx.bak", "plan.pdf")]
    [True, True, False]
    >>> excluded("Old/plan.pdf", ["old"])
    True
    """
    name = name.lower()
    parts = name.split("/")
    folders = ["/".join(parts[: k + 1]) for k in range(len(parts) - 1)]
    for pattern in patterns:
        pattern = pattern.lower().rstrip("/")
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(parts[-1], pattern):
            return True
        if any(fnmatch.fnmatchcase(f, pattern) for f in folders):
            return True
    return False


@functools.cache
def _warn_once(path: Path, problem: str) -> None:
    log.warning("%s: %s", path, problem)


def link_problem(path: Path, root: Path) -> str | None:
    """Why the link at ``path`` must not be followed from the inbox at ``root``, or None.

    None for a path that is not a link, a link to a file inside ``root``
    (``root`` resolved), and a link to a folder inside it (never followed, and
    nothing to report: its files are found where they are).
    """
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        missing = path.resolve()
        return (
            f"skipped: a link to {missing}, which does not exist; "
            "delete the link or copy the file into the inbox"
        )
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return "skipped: a link that leads round in a loop; delete the link"
    if target.is_relative_to(root):
        return None
    if target.is_dir():
        return (
            f"skipped: a link to the folder {target}, outside the inbox; "
            "copy what it holds into the inbox instead"
        )
    return f"skipped: a link to {target}, outside the inbox; copy the file into the inbox instead"


def _own(path: Path, outputs: Collection[Path]) -> bool:
    """Whether ``path`` is one of ``outputs`` or a companion of one.

    Companions: SQLite's ``x.sqlite-journal``/``-wal``/``-shm``, the run
    lock ``x.sqlite.lock`` and its ``.lock.holder``, and the register's
    backup and dated copy (``output.files.is_copy_of``).
    """
    if not outputs:
        return False
    path = path.resolve()
    return any(
        path == out
        or (
            path.parent == out.parent and path.name.startswith((out.name + "-", out.name + ".lock"))
        )
        or is_copy_of(path, out)
        for out in outputs
    )


def sha256(path: Path) -> str:
    """The file's SHA-256 as hex, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
