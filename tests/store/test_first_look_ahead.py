"""A first look started ahead on a thread (the passphrase in the environment, main.py) gives
exactly what the plain first look gives: the same rows, the same refusals and messages, and
no file written or lock left behind."""

import hashlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import WrongKeyError
from app.models import Case
from app.services.case_list_start import StartCaseSource, read_ahead
from app.services.case_list_terms import CasePage, CaseQuery, CaseSource, SavedView, SortColumn
from app.store import Database, MemorySecretStore, unlock
from app.store import first_look as first_look_module
from app.store.first_look import FirstLook, first_look, look_ahead
from app.store.keys import RawKey, generate_raw_key, pending_secret_name, stored_key
from tests.services.test_case_search import CASES, TODAY, _add_cases, reference

PASSPHRASE = "correct horse battery 正确"
START = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
# The open cases of test_case_search by binding due date (extended when extended), ties by id.
START_ORDER = tuple(reference(n) for n in (16, 19, 1, 5, 8, 2, 6, 15, 3, 4, 7, 18, 13))
WRONG_KEY_MESSAGE = (
    "The key or passphrase does not open this case database: the passphrase or key is wrong, "
    "or the file is not this database (damaged or replaced). If the passphrase is right, "
    "restore the file from a backup."
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_look_left_ahead() -> Iterator[None]:
    yield
    left = first_look_module._take_ahead()  # a failed test's: closed, not handed to the next
    if left is not None:
        left.claim(Path("/nowhere"), None, 0)


@pytest.fixture
def passphrase_path(tmp_path: Path) -> Path:
    """A closed database keyed with ``PASSPHRASE`` holding test_case_search's cases."""
    path = tmp_path / "data" / "privacy-desk.db"
    database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    with database.session() as session:
        _add_cases(session)
    database.close()
    return path


def _no_other_source() -> CaseSource:
    raise AssertionError("the start view must be served by the first look's connection")


def _start_reads(look: FirstLook) -> tuple[bool, int, CasePage]:
    source = StartCaseSource(look.connection, _no_other_source)
    return source.has_cases(), source.count(START), source.page(START)


def _fingerprint(path: Path) -> dict[str, str]:
    """Each file in the database's folder, by name, with the SHA-256 of its bytes."""
    files = sorted(path.parent.iterdir())
    return {found.name: hashlib.sha256(found.read_bytes()).hexdigest() for found in files}


def _lock_is_free(path: Path) -> bool:
    """Whether another process can take the database's instance lock now."""
    code = (
        "import sys, pathlib; from app.store.instance_lock import acquire_instance_lock;"
        "acquire_instance_lock(pathlib.Path(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, timeout=60
    )
    return done.returncode == 0


def test_the_look_ahead_reads_the_same_first_page_as_the_plain_look(
    passphrase_path: Path,
) -> None:
    plain = first_look(passphrase_path, None, PASSPHRASE)
    assert plain is not None
    expected = _start_reads(plain)
    plain.close()
    assert expected[0] and expected[1] == 13
    assert tuple(row.reference for row in expected[2].rows) == START_ORDER

    assert look_ahead(passphrase_path, PASSPHRASE, read_ahead)
    assert not look_ahead(passphrase_path, PASSPHRASE, read_ahead)  # one per process
    look = first_look(passphrase_path, None, PASSPHRASE)
    assert look is not None and look.key.material() == PASSPHRASE
    assert _start_reads(look) == expected
    look.close()
    assert _lock_is_free(passphrase_path)


def test_the_start_view_is_served_from_the_reads_made_ahead_once(
    passphrase_path: Path,
) -> None:
    assert look_ahead(passphrase_path, PASSPHRASE, read_ahead)
    look = first_look(passphrase_path, None, PASSPHRASE)
    assert look is not None
    source = StartCaseSource(look.connection, _no_other_source)
    look.connection.execute("BEGIN")
    look.connection.execute("UPDATE \"case\" SET status = 'closed'")  # rolled back below
    try:
        assert source.count(START) == 13  # as read ahead, before the change
        assert tuple(row.reference for row in source.page(START).rows) == START_ORDER
        assert source.count(START) == 0 and source.page(START).rows == ()  # read again
    finally:
        look.connection.execute("ROLLBACK")
    look.close()


def test_a_wrong_passphrase_ahead_gives_the_same_error_and_leaves_the_file_untouched(
    passphrase_path: Path,
) -> None:
    before = _fingerprint(passphrase_path)
    with pytest.raises(WrongKeyError) as plain:
        unlock(passphrase_path, secrets=None, passphrase="not the passphrase")
    assert look_ahead(passphrase_path, "not the passphrase", read_ahead)
    assert first_look(passphrase_path, None, "not the passphrase") is None
    with pytest.raises(WrongKeyError) as after_ahead:  # what the app then shows
        unlock(passphrase_path, secrets=None, passphrase="not the passphrase")
    assert str(after_ahead.value) == str(plain.value) == WRONG_KEY_MESSAGE
    assert _fingerprint(passphrase_path) == before
    assert _lock_is_free(passphrase_path)


def test_a_missing_database_is_not_created_ahead(tmp_path: Path) -> None:
    path = tmp_path / "data" / "privacy-desk.db"
    assert look_ahead(path, PASSPHRASE, read_ahead)
    assert first_look(path, None, PASSPHRASE) is None  # the first start goes the full way
    assert not path.parent.exists()


def test_a_key_in_the_keyring_wins_over_the_look_ahead(
    database: Database, secrets: MemorySecretStore
) -> None:
    with database.session() as session:
        _add_cases(session)
    database.close()
    path = database.path
    assert look_ahead(path, PASSPHRASE, read_ahead)  # a passphrase that opens nothing here
    look = first_look(path, secrets, PASSPHRASE)
    assert look is not None and look.key == stored_key(secrets, path)
    assert isinstance(look.key, RawKey)
    assert tuple(row.reference for row in _start_reads(look)[2].rows) == START_ORDER
    look.close()
    assert _lock_is_free(path)  # the look made ahead let go of the file too
    secrets.set(pending_secret_name(path), generate_raw_key().key.hex())
    assert look_ahead(path, PASSPHRASE)
    assert first_look(path, secrets, PASSPHRASE) is None  # a rotation to settle: full way
    assert _lock_is_free(path)


def test_a_look_ahead_for_another_file_is_closed(passphrase_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "privacy-desk.db"
    unlock(other, secrets=None, passphrase=PASSPHRASE, create=True).close()
    assert look_ahead(other, PASSPHRASE, read_ahead)
    look = first_look(passphrase_path, None, PASSPHRASE)
    assert look is not None and look.path == passphrase_path
    assert _lock_is_free(other)
    look.close()


def test_a_look_nobody_takes_over_lets_go_of_the_file(
    passphrase_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_look_module, "UNCLAIMED_AHEAD_SECONDS", 0.05)
    assert look_ahead(passphrase_path, PASSPHRASE, read_ahead)
    for thread in threading.enumerate():
        if thread.name == "first-look-ahead":
            thread.join(timeout=60)
    assert _lock_is_free(passphrase_path)  # e.g. the team server was used instead
    look = first_look(passphrase_path, None, PASSPHRASE)  # opened anew, the plain way
    assert look is not None
    with look.database().session() as session:
        assert len(session.scalars(select(Case)).all()) == len(CASES) == 20
    look.database().close()


def test_the_app_started_with_the_passphrase_paints_its_list_from_the_look_ahead(
    passphrase_path: Path, tmp_path: Path
) -> None:
    code = (
        "import runpy, sys; from app.store import first_look as f; taken = [];"
        "claim = f._LookAhead.claim;"
        "f._LookAhead.claim = lambda self, *a: taken.append(claim(self, *a)) or taken[-1];"
        "import atexit; atexit.register(lambda: print('TAKEN', [t[0] and t[1] is not None"
        " for t in taken], flush=True));"
        "sys.argv = ['main.py']; runpy.run_path('main.py', run_name='__main__')"
    )
    environment = {
        "PRIVACY_DESK_PASSPHRASE": PASSPHRASE,
        "PRIVACY_DESK_DATA_DIR": str(passphrase_path.parent),
        "QT_QPA_PLATFORM": "offscreen",
        "PRIVACY_DESK_STARTUP_PROBE": "0",  # quit at the list's first paint
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),  # the app's settings go there, not to the real home
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "first list paint after" in done.stderr, done.stderr[-3000:]
    assert "TAKEN [True]" in done.stdout  # the window's first look was the one made ahead
