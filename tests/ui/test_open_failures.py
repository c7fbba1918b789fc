"""The start-up dialogs when the database does not open: the passphrase prompt after a failed
attempt says the file may not be this database; the damaged-file box names where this
computer's automatic backups are (the window with its Backup and keys dialog never opens)."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors import DamagedDatabaseError, WrongKeyError
from app.store import MemorySecretStore
from app.ui.application import open_database_interactively, open_failure_text
from app.ui.safety_settings import SafetySettings
from app.ui.unlock_dialog import UnlockDialog


def test_the_prompt_after_a_failed_attempt_says_the_file_may_not_be_this_database(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "privacy-desk.db"
    path.write_bytes(os.urandom(4096 * 25))  # replaced by random pages
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "the passphrase it always had")
    shown: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDialog)
        shown.append(dialog._problem.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    assert open_database_interactively(path, MemorySecretStore()) is None
    assert shown == [
        "The key or passphrase does not open this case database: the passphrase or key is "
        "wrong, or the file is not this database (damaged or replaced). If the passphrase is "
        "right, restore the file from a backup."
    ]


def test_the_damaged_file_box_names_the_automatic_backups_folder(tmp_path: Path) -> None:
    damaged = DamagedDatabaseError("'privacy-desk.db' … is truncated or damaged")
    assert open_failure_text(damaged) == "'privacy-desk.db' … is truncated or damaged"
    SafetySettings(QSettings()).set_folder(tmp_path / "Backups 备份")
    assert open_failure_text(damaged) == (
        "'privacy-desk.db' … is truncated or damaged\n\n"
        f"The automatic backups are in '{tmp_path / 'Backups 备份'}'."
    )
    wrong = WrongKeyError("The key or passphrase does not open this case database.")
    assert open_failure_text(wrong) == "The key or passphrase does not open this case database."
