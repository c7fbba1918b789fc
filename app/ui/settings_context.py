"""What every settings page needs: the database, who is acting, the rules, today's date, and
whether this user may change settings. Also the page's shared message helpers."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.services.deadlines import RuleBook
from app.store import Database
from app.ui.messages import show_message
from app.ui.settings_errors import FieldPlaces, clear_marks, report_settings_failure


@dataclass(frozen=True)
class SettingsContext:
    """Dependencies of the settings pages (STYLE.md §14: passed in, not global).

    Attributes:
        database: the open database; each user action opens one short session.
        actor: returns the current user's name (audit trail and permission).
        rule_book: the loaded deadline rules.
        today: returns the local date (recomputing open cases).
        can_change: whether the user may change settings (checked again by the services).
    """

    database: Database
    actor: Callable[[], str]
    rule_book: RuleBook
    today: Callable[[], date]
    can_change: bool


def read_only_notice(context: SettingsContext) -> QLabel | None:
    """Return a label saying the settings are read-only for this user, or ``None``."""
    if context.can_change:
        return None
    label = QLabel(
        QCoreApplication.translate(
            "Settings",
            "Only managers and administrators can change these settings; you can view them.",
        )
    )
    label.setWordWrap(True)
    return label


def report_failure(parent: QWidget, error: Exception, places: FieldPlaces | None = None) -> None:
    """Show why a change was not saved: a known error in the UI language, a ``SettingsError``
    naming its field by the page's label and marking it (``places``: where the page edits
    each setting; ``app.ui.settings_errors``), anything else as a bug."""
    report_settings_failure(parent, error, places)


def report_saved(parent: QWidget, text: str) -> None:
    """Confirm a saved change; the fields marked by a refused one are unmarked."""
    clear_marks(parent)
    show_message(parent, QCoreApplication.translate("Settings", "Settings"), text)
