"""Window-modal message boxes that do not block the caller (``open()``, not ``exec()``), so
background work keeps reporting and tests can inspect them."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_message(
    parent: QWidget, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> QMessageBox:
    """Open a message box over ``parent`` and return it; it deletes itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget, title: str, message: str, known: bool) -> QMessageBox:
    """Open an error box: a known user error as it is, anything else as a bug by its type."""
    if not known:
        message = QCoreApplication.translate(
            "Messages", "An unexpected error occurred (%1). Nothing was changed."
        ).replace("%1", message)
    return show_message(parent, title, message, QMessageBox.Icon.Critical)
