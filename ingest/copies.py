"""Which file stands for a content, and how the run names documents.

A document is known by its path under the inbox (``teamA/workplan.docx``);
of several files with one content, the one read is the one whose suffix a
parser reads and matches its content, so ``plan.docx.bak`` never takes the
place of ``plan.docx``. Every row of such a group says which file was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.state_errors import shown
from normalise.model import Reading, SourceRecord, Workplan
from parsers import PARSERS


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A file found in the inbox: where it is, the name the run gives it, its SHA-256."""

    path: Path
    name: str
    digest: str | None


def inbox_name(path: Path, inbox: Path) -> str:
    """How the run names the document at ``path``: its path under ``inbox``, ``/``-separated.

    >>> inbox_name(Path("in/teamA/workplan.docx"), Path("in"))
    'teamA/workplan.docx'
    """
    try:
        relative = path.relative_to(inbox)
    except ValueError:
        relative = Path(path.name)
    return shown(relative.as_posix())


# How each format the parsers read begins: of files with the same content, one
# whose suffix says what it is is read (a Word file named .pdf is not a PDF).
_SIGNATURES = {".docx": b"PK\x03\x04", ".pdf": b"%PDF"}


def _fitness(path: Path) -> int:
    """How fit ``path`` is to be read for content other files share; the lowest is read.

    0: a suffix a parser reads, on content that begins as that format does
    (``plan.docx``); 1: a suffix a parser reads, on other content (Word bytes
    named ``plan.pdf``); 2: a suffix no parser reads (``plan.docx.bak``).
    """
    suffix = path.suffix.lower()
    if suffix not in PARSERS:
        return 2
    signature = _SIGNATURES.get(suffix)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return 1
    return 0 if signature is None or signature in head else 1


def choose(
    contents: Iterable[Sequence[int]], paths: Sequence[Path]
) -> tuple[list[int], dict[int, int]]:
    """Of each group of files with one content (positions in ``paths``), the one to read.

    Returns the positions to read, in inbox order, and each other file's
    position mapped to the position of the file read for it: the fittest
    (``_fitness``), the first in the inbox on a tie.
    """
    chosen: list[int] = []
    copies: dict[int, int] = {}
    for group in contents:
        first = group[0] if len(group) == 1 else min(group, key=lambda p: (_fitness(paths[p]), p))
        chosen.append(first)
        copies.update((p, first) for p in group if p != first)
    return sorted(chosen), copies


def labelled(workplan: Workplan, name: str) -> Workplan:
    """``workplan`` with each action's ``Source`` naming its document as this run does."""
    if all(a.source == name for a in workplan.actions):
        return workplan
    return replace(workplan, actions=tuple(replace(a, source=name) for a in workplan.actions))


def as_named(reading: Reading, file: DocumentFile) -> Reading:
    """A reader's ``reading`` of ``file`` (a stopped reader's too) as the run names the file."""
    source = replace(reading.source, file=file.name, path=shown(str(file.path)))
    source = replace(source, message=shown(source.message))
    workplan = labelled(reading.workplan, file.name) if reading.workplan is not None else None
    return Reading(source, workplan)


def unchanged(known: tuple[SourceRecord, Workplan], file: DocumentFile, label: str) -> Reading:
    """``file``, whose content the store holds (``known``): ``Unchanged``, its actions' Source ``label``."""
    stored, workplan = known
    message = "" if stored.file == file.name else f"read before as {stored.file}"
    return Reading(as_file(stored, file, "Unchanged", message), labelled(workplan, label))


def copy_of(original: Reading, file: DocumentFile) -> Reading:
    """``file``, with the same content as ``original``'s: it shares the outcome."""
    source = original.source
    result = "Failed" if source.result == "Failed" else "Unchanged"
    note = "; ".join(m for m in (f"same content as {source.file}", source.message) if m)
    return replace(original, source=as_file(source, file, result, note))


def read_for(reading: Reading, copies: Sequence[str]) -> Reading:
    """``reading`` of a file read for itself and ``copies`` (same content): its row says so.

    A failed file's row keeps its own message: nothing of it was used.
    """
    if reading.source.result == "Failed" or not copies:
        return reading
    note = f"same content as {', '.join(copies)}; this file was read"
    message = "; ".join(m for m in (reading.source.message, note) if m)
    return replace(reading, source=replace(reading.source, message=message))


def as_file(source: SourceRecord, file: DocumentFile, result: str, message: str) -> SourceRecord:
    """``source``'s content as found at ``file`` in this run."""
    return replace(
        source, file=file.name, path=shown(str(file.path)), result=result, message=message
    )
