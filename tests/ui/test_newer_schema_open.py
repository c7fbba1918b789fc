"""Opening, in the window, a database a newer version of the app upgraded: the unlock path
says so in a message box, and the app does not start on it (QA11 D4: a black screen and a
traceback before)."""

import hashlib
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.store import Database
from app.store.migrations_runner import head_revision
from app.store.secrets import MemorySecretStore
from app.ui.application import open_database_interactively


def test_the_unlock_path_shows_what_is_wrong(
    qtbot: QtBot, database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    database.close()
    digest = hashlib.sha256(database_path.read_bytes()).hexdigest()
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    assert open_database_interactively(database_path, secrets) is None
    assert shown == [
        "This database was written by a newer version of Privacy Desk (schema 0099; "
        f"this version knows up to {head_revision()}): update the app to open it."
    ]
    assert hashlib.sha256(database_path.read_bytes()).hexdigest() == digest
