"""Shared helpers for the settings page tests."""

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.deadlines import RuleBook
from app.store import Database
from app.ui.settings_context import SettingsContext

TODAY = date(2026, 11, 29)


def context(
    database: Database, rule_book: RuleBook, actor: str = "admin", can_change: bool = True
) -> SettingsContext:
    """A settings context acting as ``actor`` on 29 Nov 2026."""
    return SettingsContext(database, lambda: actor, rule_book, lambda: TODAY, can_change)


def message_texts(widget: QWidget) -> list[str]:
    """Return the texts of the message boxes open over ``widget``, and close them."""
    boxes = widget.findChildren(QMessageBox)
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
    return texts
