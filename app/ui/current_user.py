"""Who is working: the name written into the audit trail and checked by four-eyes rules.

On one desktop the user says who they are (default: the operating-system login); in team mode
the database session user is the actor (issue 9). Kept in QSettings, not in the database.

The name is taken as the staff list spells it (``app.services.user_names.staff_spelling``:
signed in as "LI.WEI", the user acts as the member "li.wei"), once, when the user is signed in
or switched (and again when the staff list or the database may have changed: ``respell``), so
that every audit event, four-eyes check and "Mine" view uses one spelling per person.
"""

import getpass
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

SETTINGS_KEY = "user/name"


class CurrentUser(QObject):
    """The current staff member's user name.

    Args:
        parent: the owning object (the main window).
        spell: returns a name as the staff list spells it (the window's database:
            ``DatabaseHolder.staff_spelling``); by default names are taken as given.

    Signals:
        changed(str): the new name.
    """

    changed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, spell: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(parent)
        self._spell = spell or _as_given
        stored = QSettings().value(SETTINGS_KEY, "", type=str)
        self._name = self._spell(str(stored) or _login_name())

    def name(self) -> str:
        """Return the current user name."""
        return self._name

    def switch(self, name: str) -> None:
        """Act as ``name``, as the staff list spells it, from now on (remembered for the next
        start); a blank name changes nothing."""
        name = name.strip()
        if name:
            self._set(self._spell(name))

    def respell(self) -> None:
        """Take the current name as the staff list spells it now (after the staff list was
        changed or another database was opened: "LI.WEI" signed in before the member "li.wei"
        was added acts as "li.wei" from then on)."""
        self._set(self._spell(self._name))

    def _set(self, name: str) -> None:
        if name != self._name:
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


def _as_given(name: str) -> str:
    return name


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): a neutral default
        return "staff"
