"""Shared fixtures: headless Qt, a fresh encrypted database per test, the shared corpus."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.store import Database, MemorySecretStore, unlock  # noqa: E402 - after the Qt setting

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_INBOX = SHARED / "corpus" / "inbox"


@pytest.fixture
def secrets() -> MemorySecretStore:
    """An in-memory secret store; tests never touch the OS keyring."""
    return MemorySecretStore()


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    """Where the test's database lives (not yet created)."""
    return tmp_path / "data" / "privacy-desk.db"


@pytest.fixture
def database(database_path: Path, secrets: MemorySecretStore) -> Iterator[Database]:
    """A new, migrated, encrypted database keyed with a raw key from ``secrets``."""
    db = unlock(database_path, secrets=secrets, passphrase=None, create=True)
    yield db
    db.close()
