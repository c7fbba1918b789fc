"""The lock screen hides the case data and opens again only with a key that opens the file."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.store import Database, MemorySecretStore, unlock
from app.store.keys import secret_name
from app.ui.lock_screen import LockScreen, file_key_check

PASSPHRASE = "p@ss 'wörd' 100% \\ 密码"


@pytest.fixture
def passphrase_database(tmp_path: Path) -> Database:
    database = unlock(tmp_path / "pass.db", secrets=None, passphrase=PASSPHRASE, create=True)
    database.close()
    return database


def _screen(qtbot: QtBot, check: object, uses_passphrase: bool) -> tuple[LockScreen, QLabel]:
    cases = QLabel("PD-2026-000001 张三")
    qtbot.addWidget(cases)
    cases.show()
    screen = LockScreen(check, uses_passphrase=uses_passphrase, protected=cases)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.lock()
    assert cases.isHidden()
    return screen, cases


def test_a_wrong_passphrase_keeps_it_locked_and_the_right_one_unlocks(
    qtbot: QtBot, passphrase_database: Database
) -> None:
    check = file_key_check(passphrase_database.path, None)
    screen, cases = _screen(qtbot, check, uses_passphrase=True)
    screen._passphrase.setText("wrong passphrase")
    with qtbot.assertNotEmitted(screen.unlocked):
        screen.try_unlock()
    assert "does not open" in screen._problem.text() and cases.isHidden()
    assert screen._passphrase.text() == ""
    screen._passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        screen.try_unlock()
    assert not cases.isHidden()


def test_a_keyring_database_unlocks_on_a_click_while_the_keyring_holds_its_key(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore
) -> None:
    check = file_key_check(database.path, secrets)
    screen, cases = _screen(qtbot, check, uses_passphrase=False)
    assert screen._passphrase.isHidden()
    kept = secrets.get(secret_name(database.path))
    secrets.set(secret_name(database.path), "")  # the keyring lost the key meanwhile
    with qtbot.assertNotEmitted(screen.unlocked):
        screen.unlock_button.click()
    assert "needs its key" in screen._problem.text() and cases.isHidden()
    secrets.set(secret_name(database.path), kept or "")
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        screen.unlock_button.click()
    assert not cases.isHidden()


def test_escape_does_not_unlock(qtbot: QtBot, passphrase_database: Database) -> None:
    screen, cases = _screen(qtbot, file_key_check(passphrase_database.path, None), True)
    screen.reject()
    assert screen.isVisible() and cases.isHidden()
