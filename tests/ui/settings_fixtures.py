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
    """Return the texts of the message boxes shown over ``widget`` (a heading and the message
    below it joined by a line break), and close them."""
    # A closed box is deleted later (WA_DeleteOnClose): until then it is a child, not shown.
    boxes = [box for box in widget.findChildren(QMessageBox) if box.isVisible()]
    texts = ["\n".join(filter(None, (box.text(), box.informativeText()))) for box in boxes]
    for box in boxes:
        box.close()
    return texts
