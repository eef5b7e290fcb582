"""What the store remembers, and when it is still good: settings keys, failures, parsed forms.

A document read before is ``Unchanged`` while the code and settings it was
normalised under stay the same; under new settings it is normalised again
from its stored parsed form (milliseconds, where parsing took seconds), and
under new parsers it is parsed again. A file that failed is ``Failed`` again,
unread, while its content, the code, the settings and the limits stay the
same. ``ingest.run`` asks ``from_store`` before it reads anything.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ingest import parsed_form
from ingest.about import normaliser_version, parser_version
from ingest.copies import DocumentFile, as_file, as_named, copy_of, labelled, unchanged
from ingest.state_errors import shown
from ingest.store import Store
from ingest.workers import Limits, bounded, failed_record
from normalise import Settings, normalise_document
from normalise.model import Reading, SourceRecord, Workplan
from parsers.errors import DocumentError
from parsers.model import RawDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Keys:
    """What the store keys its memory by, for one run's code and settings.

    ``settings``: what a document's actions were normalised under (the
    parsers' and normaliser's versions, themes, aliases, lead directory);
    when it differs, the document is normalised again from its stored
    parsed form, made by the ``parser`` version, or parsed again when there
    is none. ``failure``: what a failure is remembered under (the same, and
    the limits: a longer timeout may let a file finish).
    """

    settings: str = ""
    failure: str = ""
    parser: str = ""


def store_keys(settings: Settings, limits: Limits) -> Keys:
    """The ``Keys`` of a run with ``settings`` and ``limits`` by this code."""
    parser = parser_version()
    made = f"{parser}|{normaliser_version()}|{settings!r}"
    bounds = (limits.timeout, limits.memory, limits.max_bytes, limits.max_actions,
              limits.max_cell_chars, limits.max_document_chars)  # fmt: skip
    return Keys(_digest_of(made), _digest_of(f"{made}|{bounds!r}"), parser)


def _digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def normalised(
    raw: RawDocument,
    path: Path,
    name: str,
    digest: str,
    file_time: datetime | None,
    settings: Settings,
    now: datetime,
) -> Reading:
    """The reading of the parsed document ``raw`` of ``path``: its workplan, or why it failed."""
    try:
        workplan = normalise_document(raw, settings)
    except DocumentError as e:
        return failed(path, name, digest, e.problem, now)
    except MemoryError:
        raise
    except Exception as e:  # a bug must not lose the rest of the batch
        log.exception("unexpected error normalising %s", path)
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return failed(path, name, digest, message, now)
    record = SourceRecord(
        name,
        digest,
        raw.format,
        raw.pages or None,
        workplan.title,
        workplan.period,
        len(workplan.actions),
        "Ingested",
        "; ".join(workplan.notes),
        now,
        shown(str(path)),
        raw.modified,
        file_time,
    )
    return Reading(record, labelled(workplan, name))


def failed(path: Path, name: str, digest: str, message: str, now: datetime) -> Reading:
    record = failed_record(path, digest, message, now)
    return Reading(replace(record, file=name, path=shown(str(path)), message=shown(message)))


def from_store(
    store: Store,
    files: Sequence[DocumentFile],
    chosen: Sequence[int],
    copies: Mapping[int, int],
    keys: Keys,
    settings: Settings,
    limits: Limits,
    now: datetime,
) -> tuple[dict[int, Reading], set[int]]:
    """The files (positions in ``files``) whose content ``store`` holds, unparsed.

    ``chosen`` and ``copies`` are as ``choose`` gives them: the actions of
    one content name the file chosen of those that have it. Content read
    before under ``keys.settings`` is ``Unchanged``; under other settings it
    is normalised again from its stored parsed form (those positions are
    returned too), or left to be parsed when there is none for
    ``keys.parser``. Content that failed under ``keys.failure`` is
    ``Failed`` again, with the same message.
    """
    out: dict[int, Reading] = {}
    fresh: set[int] = set()
    known: dict[int, tuple[SourceRecord, Workplan]] = {}
    for position in chosen:
        file = files[position]
        digest = file.digest
        if not digest:
            continue
        if keys.failure and (failure := store.failure(digest, keys.failure)) is not None:
            out[position] = Reading(as_file(failure, file, "Failed", failure.message))
            continue
        found = store.known(digest)
        if found is None:
            continue
        if keys.settings and store.settings_key(digest) != keys.settings:
            again = _renormalised(store, digest, found[0], file, settings, keys, limits, now)
            if again is None:
                continue  # no parsed form from these parsers: parse it again
            out[position] = again
            fresh.add(position)
            if again.workplan is not None:
                known[position] = (again.source, again.workplan)
            continue
        known[position] = found
        out[position] = unchanged(found, file, file.name)
    for position, original in copies.items():
        if original in known:
            out[position] = unchanged(known[original], files[position], files[original].name)
        elif original in out:
            out[position] = copy_of(out[original], files[position])
    return out, fresh


# Said in Sources of a document normalised again from its stored parsed form.
RENORMALISED = "normalised again from its stored tables: the settings changed (not parsed again)"


def _renormalised(
    store: Store,
    digest: str,
    record: SourceRecord,
    file: DocumentFile,
    settings: Settings,
    keys: Keys,
    limits: Limits,
    now: datetime,
) -> Reading | None:
    """``file``'s content, read before as ``record``, normalised again from its stored parsed form.

    ``None`` when the store has no parsed form of it from ``keys.parser``.
    """
    text = store.parsed(digest, keys.parser)
    raw = parsed_form.from_json(text) if text else None
    if raw is None:
        return None
    log.info("normalising %s again from its stored parsed form", file.path)
    path = shown(str(file.path))
    reading = normalised(
        replace(raw, path=path), file.path, file.name, digest, record.file_modified, settings, now
    )
    reading = bounded(reading, file.path, limits, now)
    if reading.workplan is None:
        return as_named(reading, file)
    message = "; ".join(m for m in (reading.source.message, RENORMALISED) if m)
    return Reading(replace(reading.source, path=path, message=message), reading.workplan)


def refreshed(
    store: Store,
    held: Sequence[Reading],
    settings: Settings,
    keys: Keys,
    limits: Limits,
    now: datetime,
) -> tuple[list[Reading], int]:
    """The documents ``held`` from earlier runs (``Store.held``), under this run's settings.

    One whose actions were made under other settings is normalised again
    from its stored parsed form, and kept so; one with no parsed form from
    these parsers stays as it was (its file is gone: there is nothing to
    parse). Returns the readings and how many were normalised again.
    """
    out: list[Reading] = []
    count = 0
    for reading in held:
        record = reading.source
        if not keys.settings or store.settings_key(record.sha256) == keys.settings:
            out.append(reading)
            continue
        text = store.parsed(record.sha256, keys.parser)
        raw = parsed_form.from_json(text) if text else None
        if raw is None:
            out.append(reading)
            continue
        path = Path(record.path)
        when = record.file_modified
        again = normalised(replace(raw, path=record.path), path, record.file, record.sha256, when, settings, now)  # fmt: skip
        again = bounded(again, path, limits, now)
        if again.workplan is None:  # the old actions are better than none
            out.append(reading)
            continue
        source = replace(again.source, file=record.file)
        store.save(source, again.workplan, fingerprint=keys.failure, settings_key=keys.settings)
        out.append(Reading(replace(source, result=record.result, message=record.message), again.workplan))  # fmt: skip
        count += 1
    return out, count
