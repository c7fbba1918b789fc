"""Starting the desktop app: unlock the database (asking for a passphrase where needed), then
show the main window."""

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.clock import local_today
from app.errors import KeyUnavailableError, PrivacyDeskError, TeamServerError, WrongKeyError
from app.services.clock import refresh_after_rule_change
from app.services.deadlines import load_rule_book
from app.store import (
    Database,
    default_database_path,
    passphrase_from_environment,
    system_secret_store,
    unlock,
)
from app.store.keys import RawKey
from app.ui.main_window import MainWindow
from app.ui.recovery_offer import RecoveryOffer
from app.ui.team_connect import TeamConnectDialog, TeamSettings, open_team_from_settings
from app.ui.unlock_dialog import UnlockDialog


def open_database_interactively(path: Path) -> Database | None:
    """Open (or create) the database at ``path``, asking for the passphrase while needed.

    Returns:
        The open ``Database``, or ``None`` when the user cancels or the file cannot be used
        (after a message saying why).
    """
    secrets = system_secret_store()
    passphrase = passphrase_from_environment()
    problem = ""
    while True:
        try:
            return unlock(path, secrets=secrets, passphrase=passphrase, create=True)
        except (KeyUnavailableError, WrongKeyError) as error:
            problem = (
                "" if passphrase is None and isinstance(error, KeyUnavailableError) else str(error)
            )
        except PrivacyDeskError as error:
            QMessageBox.critical(None, QApplication.translate("Unlock", "Privacy Desk"), str(error))
            return None
        dialog = UnlockDialog(creating=not path.exists(), problem=problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        passphrase = dialog.passphrase()


def open_database_at_start(path: Path) -> Database | None:
    """Open the team server saved in the settings (asking again when it fails), else the
    local database at ``path``."""
    settings, secrets = QSettings(), system_secret_store()
    if TeamSettings(settings).url() is None:
        return open_database_interactively(path)
    problem = ""
    try:
        database = open_team_from_settings(settings, secrets)
    except TeamServerError as error:
        database, problem = None, str(error)
    if database is not None:
        return database
    dialog = TeamConnectDialog(settings, secrets, problem=problem)
    return dialog.database() if dialog.exec() == QDialog.DialogCode.Accepted else None


def run(argv: Sequence[str]) -> int:
    """Run the desktop app; returns the process exit status."""
    app = QApplication(list(argv))
    app.setApplicationName("Privacy Desk")
    app.setOrganizationName("PrivacyDesk")
    try:
        rule_book = load_rule_book()
    except PrivacyDeskError as error:
        QMessageBox.critical(None, "Privacy Desk", str(error))
        return 2
    path = default_database_path()
    created = not path.exists()
    database = open_database_at_start(path)
    if database is None:
        return 1
    with database.session() as session:
        refresh_after_rule_change(session, rule_book, today=local_today())
    window = MainWindow(database, rule_book)
    window.resize(1280, 800)
    window.show()
    if created and isinstance(database.key, RawKey):
        # The key lives only in this computer's keyring: offer the printable recovery sheet.
        RecoveryOffer(database.key, database.path.name, parent=window).open()
    try:
        return app.exec()
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
