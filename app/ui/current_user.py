"""Who is working: the name written into the audit trail and checked by four-eyes rules.

On one desktop the user says who they are (default: the operating-system login); in team mode
the database session user is the actor (issue 9). Kept in QSettings, not in the database.
"""

import getpass

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

SETTINGS_KEY = "user/name"


class CurrentUser(QObject):
    """The current staff member's user name.

    Signals:
        changed(str): the new name.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        stored = QSettings().value(SETTINGS_KEY, "", type=str)
        self._name = str(stored) or _login_name()

    def name(self) -> str:
        """Return the current user name."""
        return self._name

    def switch(self, name: str) -> None:
        """Act as ``name`` from now on (remembered for the next start)."""
        name = name.strip()
        if name and name != self._name:
            self._name = name
            QSettings().setValue(SETTINGS_KEY, name)
            self.changed.emit(name)

    def ask_switch(self, parent: QWidget) -> None:
        """Ask who is working now."""
        name, accepted = QInputDialog.getText(
            parent, self.tr("Switch user"), self.tr("Your user name:"), text=self._name
        )
        if accepted:
            self.switch(name)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): a neutral default
        return "staff"
