"""The passphrase dialog refuses short or mismatched passphrases for a new database."""

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.ui.unlock_dialog import UnlockDialog


def test_a_new_passphrase_must_be_long_enough_and_repeated(qtbot: QtBot) -> None:
    dialog = UnlockDialog(creating=True)
    qtbot.addWidget(dialog)
    dialog._passphrase.setText("short")
    dialog._accept_if_valid()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "8 characters" in dialog._problem.text()
    dialog._passphrase.setText("long enough 密码")
    dialog._confirmation.setText("something else")
    dialog._accept_if_valid()
    assert "differ" in dialog._problem.text()
    dialog._confirmation.setText("long enough 密码")
    dialog._accept_if_valid()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == "long enough 密码"


def test_unlocking_shows_the_previous_error(qtbot: QtBot) -> None:
    dialog = UnlockDialog(
        creating=False, problem="The key or passphrase does not open this case database."
    )
    qtbot.addWidget(dialog)
    assert "does not open" in dialog._problem.text()
