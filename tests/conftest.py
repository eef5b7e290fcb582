"""Shared paths and fixtures for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
INBOX = SAMPLES / "inbox"
EXPECTED = SAMPLES / "expected"
SHARED = ROOT.parent / "shared"
PEERS = SHARED / "corpus" / "peers"


@pytest.fixture(scope="session")
def peers() -> Path:
    """The third-party corpus beside the checkout; CI always has it, so it must be there."""
    if not PEERS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"peer corpus missing at {PEERS}")
        pytest.skip(f"peer corpus not found at {PEERS}")
    return PEERS
