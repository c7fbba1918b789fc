"""Window-modal message boxes that do not block the caller (``open()``, not ``exec()``), so
background work keeps reporting and tests can inspect them; and ``error_text``, an error's
English message in the UI language (``app.error_text``)."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.error_text import localised
from app.ui.labels import code_label, ui_language


def error_text(message: str) -> str:
    """Return an error's message (``str(error)``, English) in the UI language: the Chinese
    text from ``resources/translations/errors.zh_CN.toml`` while the UI is Chinese and the
    catalogue knows it, else ``message`` unchanged."""
    return localised(message, ui_language(), code_label)


def show_message(
    parent: QWidget, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> QMessageBox:
    """Open a message box over ``parent`` and return it; it deletes itself when closed.

    ``text`` may be an error's English message: it is shown in the UI language
    (``error_text``); any other text passes unchanged.
    """
    box = QMessageBox(icon, title, error_text(text), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget, title: str, message: str, known: bool) -> QMessageBox:
    """Open an error box: a known user error's message in the UI language (``error_text``),
    anything else as a bug by its type."""
    if not known:
        message = QCoreApplication.translate(
            "Messages", "An unexpected error occurred (%1). Nothing was changed."
        ).replace("%1", message)
    return show_message(parent, title, message, QMessageBox.Icon.Critical)
