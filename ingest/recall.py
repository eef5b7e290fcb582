"""What the store remembers, and when it is still good: settings keys, failures, parsed forms.

A document read before is ``Unchanged`` while the code and settings it was
normalised under stay the same; under new settings it is normalised again
from its stored parsed form (milliseconds, where parsing took seconds), and
under new parsers it is parsed again. A file that failed is ``Failed`` again,
unread, while its content, the code, the settings and the limits stay the
same. ``ingest.run`` asks ``recall`` before it reads anything: from the
store's index alone (one query, no actions loaded), so a run with nothing new
can tell so before it loads a single workplan; ``complete`` then loads the
actions of the documents the register is built from, in one batch.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ingest import parsed_form
from ingest.about import normaliser_version, parser_version
from ingest.copies import DocumentFile, as_file, as_named, copy_of, labelled, unchanged
from ingest.state_errors import shown
from ingest.store import Index, Saving, Store, Stored, held_records
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


@dataclass(frozen=True, slots=True)
class Recalled:
    """What the store says of an inbox's files before any is read, and before any actions load.

    ``readings`` has a reading for each position the store answers for: a
    failure remembered, or content read before under these settings, whose
    record is final but whose workplan ``complete`` loads (``documents``:
    the stored document's id, and the ``Source`` its actions are given).
    ``stale``: content read before under other settings, normalised again by
    ``complete``.
    """

    readings: dict[int, Reading] = field(default_factory=dict)
    documents: dict[int, tuple[int, str]] = field(default_factory=dict)
    stale: dict[int, Stored] = field(default_factory=dict)


# A stand-in while a stored document's actions are not loaded: ``unchanged`` makes its
# record from the stored one alone.
_NOT_LOADED = Workplan("", "", "", ())


def recall(
    index: Index,
    files: Sequence[DocumentFile],
    chosen: Sequence[int],
    copies: Mapping[int, int],
    keys: Keys,
) -> Recalled:
    """What ``index`` (``Store.index``) holds of ``files`` (positions): no actions loaded.

    ``chosen`` and ``copies`` are as ``choose`` gives them: the actions of
    one content name the file chosen of those that have it. Content that
    failed under ``keys.failure`` is ``Failed`` again, with the same message;
    content read before under ``keys.settings`` is ``Unchanged``; under
    other settings it is ``stale``.
    """
    out = Recalled()
    records: dict[int, SourceRecord] = {}  # of the contents read before, the stored record
    for position in chosen:
        file = files[position]
        if not file.digest:
            continue
        last = index.latest.get(file.digest)
        if last is not None and _failed_under(last, keys.failure):
            out.readings[position] = Reading(
                as_file(last.record, file, "Failed", last.record.message)
            )
            continue
        found = index.ingested.get(file.digest)
        if found is None:
            continue
        if keys.settings and found.settings_key != keys.settings:
            out.stale[position] = found
            continue
        out.documents[position] = (found.id, file.name)
        records[position] = found.record
        out.readings[position] = _unchanged(found.record, file, file.name)
    for position, original in copies.items():
        if original in out.documents:
            document, label = out.documents[original]
            out.documents[position] = (document, label)
            out.readings[position] = _unchanged(records[original], files[position], label)
        elif original in out.readings:
            out.readings[position] = copy_of(out.readings[original], files[position])
    return out


def _failed_under(stored: Stored, key: str) -> bool:
    return bool(key) and stored.record.result == "Failed" and stored.fingerprint == key


def _unchanged(record: SourceRecord, file: DocumentFile, label: str) -> Reading:
    """``file``'s reading as ``unchanged`` makes it, its workplan not loaded yet."""
    return Reading(unchanged((record, _NOT_LOADED), file, label).source)


def complete(
    store: Store,
    recalled: Recalled,
    files: Sequence[DocumentFile],
    copies: Mapping[int, int],
    keys: Keys,
    settings: Settings,
    limits: Limits,
    now: datetime,
) -> tuple[dict[int, Reading], set[int]]:
    """``recalled`` with its workplans: loaded in one batch, and the ``stale`` normalised again.

    Content read before under other settings is normalised again from its
    stored parsed form (those positions are returned too), or left to be
    parsed when there is none for ``keys.parser``.
    """
    out = dict(recalled.readings)
    workplans = store.workplans({document for document, _ in recalled.documents.values()})
    for position, (document, label) in recalled.documents.items():
        out[position] = Reading(out[position].source, labelled(workplans[document], label))
    fresh: set[int] = set()
    known: dict[int, tuple[SourceRecord, Workplan]] = {}
    for position, found in recalled.stale.items():
        again = _renormalised(store, found.record, files[position], settings, keys, limits, now)
        if again is None:
            continue  # no parsed form from these parsers: parse it again
        out[position] = again
        fresh.add(position)
        if again.workplan is not None:
            known[position] = (again.source, again.workplan)
    for position, original in copies.items():
        if original in known:
            out[position] = unchanged(known[original], files[position], files[original].name)
        elif original in recalled.stale and original in out:
            out[position] = copy_of(out[original], files[position])
    return out, fresh


# Said in Sources of a document normalised again from its stored parsed form.
RENORMALISED = "normalised again from its stored tables: the settings changed (not parsed again)"


def _renormalised(
    store: Store,
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
    digest = record.sha256
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


def held_settled(store: Store, index: Index, besides: Collection[str], keys: Keys) -> bool:
    """Whether ``refreshed`` would keep every document held from earlier runs as it is.

    True when each was normalised under ``keys.settings``, or has no parsed
    form from these parsers to be normalised again from.
    """
    stale = [
        s.record.sha256
        for s in held_records(index, besides)
        if keys.settings and s.settings_key != keys.settings
    ]
    return not stale or not store.parsed_contents(keys.parser).intersection(stale)


def refreshed(
    store: Store,
    besides: Collection[str],
    settings: Settings,
    keys: Keys,
    limits: Limits,
    now: datetime,
) -> tuple[list[Reading], int]:
    """The documents held from earlier runs whose content is not in ``besides``, under these settings.

    These are versions the register keeps although their files are no longer
    in the inbox (``Store.held``). One whose actions were made under other
    settings is normalised again from its stored parsed form, and kept so;
    one with no parsed form from these parsers stays as it was (its file is
    gone: there is nothing to parse). Returns the readings and how many
    were normalised again.
    """
    held = held_records(store.index(), besides)
    workplans = store.workplans([s.id for s in held])
    out: list[Reading] = []
    saving: list[Saving] = []
    for stored in held:
        record, reading = stored.record, Reading(stored.record, workplans[stored.id])
        if not keys.settings or stored.settings_key == keys.settings:
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
        saving.append(Saving(source, again.workplan, keys.failure, keys.settings))
        out.append(Reading(replace(source, result=record.result, message=record.message), again.workplan))  # fmt: skip
    store.save_many(saving)
    return out, len(saving)
