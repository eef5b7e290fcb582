"""The date a document gives for its last save, which orders a workplan's versions."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from conftest import INBOX

from parsers import parse
from parsers.dates import saved_at_pdf, saved_at_word


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"ModDate": "D:20231123095401+01'00'"}, datetime(2023, 11, 23, 8, 54, 1)),
        ({"ModDate": "D:20231123095401-05'30'"}, datetime(2023, 11, 23, 15, 24, 1)),
        ({"ModDate": "D:20261123095401Z'"}, datetime(2026, 11, 23, 9, 54, 1)),
        ({"ModDate": b"D:202311"}, datetime(2023, 11, 1)),  # the rest may be left off
        ({"ModDate": "yesterday", "CreationDate": "D:20200102"}, datetime(2020, 1, 2)),
        ({"ModDate": "D:20231399"}, None),  # month 13: unreadable, not a guess
        ({}, None),
    ],
)
def test_pdf_dates(metadata: dict[str, object], expected: datetime | None) -> None:
    assert saved_at_pdf(metadata) == expected


def test_word_dates_are_utc_and_bad_ones_are_none() -> None:
    from datetime import UTC, timedelta, timezone

    paris = timezone(timedelta(hours=1))
    assert saved_at_word(SimpleNamespace(modified=datetime(2024, 1, 15, 11, 0, tzinfo=paris))) == (
        datetime(2024, 1, 15, 10, 0)
    )
    assert saved_at_word(SimpleNamespace(modified=datetime(2024, 1, 15, tzinfo=UTC))) == datetime(
        2024, 1, 15
    )
    assert saved_at_word(SimpleNamespace(modified=None)) is None

    class Broken:
        @property
        def modified(self) -> datetime:
            raise ValueError("time data '2024-13-01' does not match format")

    assert saved_at_word(Broken()) is None


def test_the_samples_say_when_they_were_saved() -> None:
    assert parse(INBOX / "ppyp-2023-24.docx").modified == datetime(2023, 9, 1, 9, 0)
    assert parse(INBOX / "ess-2023-24-reportlab.pdf").modified == datetime(2000, 1, 1)
    exported = parse(INBOX / "ppyp-2023-24.pdf").modified
    assert exported is not None and exported > datetime(2023, 9, 1, 9, 0)  # exported after saving
