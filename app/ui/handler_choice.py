"""The handler field of the triage dialog: an editable list of the active staff members.

Typing stays fast (completion matches any part of a user name, case-insensitively), but the
field names only people of Settings › Staff and roles: a line below it says whose name is
chosen, or why the name is not taken. The workflow service checks again
(``app.services.staff_handlers.check_handler``); this only spares a round trip.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.user_names import user_key
from app.ui.bidi import isolated_or

MAX_USERNAME = 100  # Settings › Staff and roles takes user names of 1-100 characters


class HandlerChoice(QWidget):
    """An editable combo box of the active staff members' user names with a hint line.

    Args:
        members: (user name, display name) of each active staff member.
        current: the case's handler now (or the signed-in user), shown first; it may be no
            member (a case assigned before the staff list, or by someone since deactivated).
        open_list: the staff list is empty (first start): any user name is taken.
    """

    def __init__(
        self,
        members: Sequence[tuple[str, str]],
        current: str,
        *,
        open_list: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members = {user_key(name): (name, display) for name, display in members}
        self._current, self._open = current, open_list
        self.box = QComboBox()
        self.box.setEditable(True)
        self.box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name, display in members:
            self.box.addItem(name)
            self.box.setItemData(self.box.count() - 1, display, Qt.ItemDataRole.ToolTipRole)
        edit = QLineEdit()
        self.box.setLineEdit(edit)
        edit.setMaxLength(max(MAX_USERNAME, len(current)))
        completer = QCompleter([name for name, _ in members], self.box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.box.setCompleter(completer)
        self.box.setEditText(current)
        edit.setCursorPosition(0)  # a long name shows its start, not its end
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # names are shown, never rendered
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        self.box.editTextChanged.connect(self._show_hint)
        self._show_hint(current)

    def text(self) -> str:
        """Return the handler typed or chosen, stripped."""
        return self.box.currentText().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit name it replaces
        """Type ``text`` into the field (as a user would; scripts and tests use it)."""
        self.box.setEditText(text)

    def acceptable(self) -> bool:
        """Return whether the field names an active member, the case's handler unchanged,
        nobody (the case keeps its handler), or anyone while the staff list is empty."""
        name = self.text()
        return not name or name == self._current or self._open or self._member(name) is not None

    def _member(self, name: str) -> tuple[str, str] | None:
        return self._members.get(user_key(name))

    def _show_hint(self, text: str) -> None:
        name = text.strip()
        member = self._member(name) if name else None
        if member is not None:
            hint = isolated_or(member[1])
        elif self._open:
            hint = self.tr(
                "No staff list yet: any user name is taken. Add the team in Settings › Staff "
                "and roles to choose handlers from it."
            )
        elif not name:
            hint = self.tr("Nobody chosen: the handler stays as it is.")
        elif name == self._current:
            hint = self.tr(
                "Not (or no longer) an active staff member: the case keeps this handler "
                "unless you choose one from the list."
            )
        else:
            hint = self.tr(
                "Not an active staff member: choose one from the list, or add them in "
                "Settings › Staff and roles first."
            )
        self.hint.setText(hint)
