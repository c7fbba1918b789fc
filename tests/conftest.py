"""Shared fixtures: headless Qt, a fresh encrypted database per test, the shared corpus."""

import gc
import os
from collections.abc import Generator, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.store import Database, MemorySecretStore, unlock
from tests.reports.system_font_isolation import bundled_fonts_only  # noqa: F401 (autouse)

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


class InMemoryKeyring(KeyringBackend):
    """A keyring backend held in memory, so no test reads or writes the real OS store."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """Every test runs against an in-memory keyring backend."""
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(memory_keyring: InMemoryKeyring) -> None:
    """A machine with no keyring backend (headless Linux): the passphrase path."""
    keyring.set_keyring(fail.Keyring())


_FULL_COLLECTION_EVERY = 100  # tests; a full collection costs ~120 ms with the app loaded
_TESTS_RUN: list[None] = []


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage only between tests, on the main thread (see app/ui/main_thread_gc.py).

    Left automatic, a background task's thread can collect the last test's window and delete
    it there, which crashes Qt (tests/ui/test_dashboard_page.py segfaulted that way).
    """
    gc.disable()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """After pytest-qt has closed the test's widgets: delete them and collect, here."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        # processEvents() leaves deleteLater() pending; the next test's event loop would
        # otherwise delete these widgets while its background work runs.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _TESTS_RUN.append(None)
    gc.collect(2 if len(_TESTS_RUN) % _FULL_COLLECTION_EVERY == 0 else 1)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process without Python's finalisation once pytest has reported.

    PySide6 6.12 can abort while the interpreter tears down after many windows have come and
    gone ("bool_dealloc: deallocating True or False", during the final garbage collection, no
    Python frame; reproduced at commit 84833c6 with tests/ui/test_main_window.py followed by
    tests/team/test_team_gui.py). Every test has run and been reported by then; the abort would
    only replace the real exit status with 134.
    """
    if _EXIT_STATUS:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[0])
