"""Third-party Word and PDF files: the pipeline never crashes on them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ingest.run import ingest_file
from normalise import load_settings
from parsers import parse
from parsers.errors import DocumentError

PEER_FILES = sorted(
    p.relative_to(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "peers").as_posix()
    for p in (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "peers").rglob("*")
    if p.suffix.lower() in (".pdf", ".docx")
)


def test_the_corpus_is_all_there(peers: Path) -> None:
    assert len(PEER_FILES) == 70


@pytest.mark.parametrize("name", PEER_FILES)
def test_peer_file_gives_a_result_or_a_named_error(peers: Path, name: str) -> None:
    path = peers / name
    try:
        raw = parse(path)
    except DocumentError as e:
        assert str(e).startswith(path.name + ": ")
        assert e.problem
    else:
        assert raw.tables
    record = ingest_file(path, load_settings(), datetime(2026, 1, 1)).source
    assert "internal error" not in record.message
    assert record.result in ("Ingested", "Failed")
