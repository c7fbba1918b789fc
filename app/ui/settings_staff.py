"""Settings page: staff and roles — add, edit, deactivate (members are never deleted, the
audit trail names them).

Nobody locks themselves out (``app.services.settings_staff``): while the register is empty the
form holds the signed-in user's own name, fixed, so the first manager or administrator is the
person setting up; the service refuses anything else, and a manager demoting or deactivating
themselves, with a message saying why.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.errors import PrivacyDeskError
from app.models.enums import StaffRole
from app.services.settings import SETTINGS_ROLES
from app.services.settings_staff import (
    StaffRow,
    add_staff,
    edit_staff,
    list_staff,
    set_staff_active,
)
from app.ui.settings_context import SettingsContext, read_only_notice, report_failure
from app.ui.settings_errors import FieldPlace, clear_marks
from app.ui.settings_table import Column, RowTableModel

StaffChange = Callable[[Session, str], str]
"""A change in a session by an actor, returning the user name to select afterwards."""


def role_text(role: StaffRole) -> str:
    """Return the translated name of ``role``."""
    names = {
        StaffRole.HANDLER: QCoreApplication.translate("Staff", "Handler"),
        StaffRole.REVIEWER: QCoreApplication.translate("Staff", "Reviewer"),
        StaffRole.MANAGER: QCoreApplication.translate("Staff", "Manager"),
        StaffRole.AUDITOR: QCoreApplication.translate("Staff", "Auditor"),
        StaffRole.ADMIN: QCoreApplication.translate("Staff", "Administrator"),
    }
    return names[role]


class StaffModel(RowTableModel[StaffRow]):
    """The staff list: user name, name, role, active."""

    def __init__(self, parent: QWidget | None = None) -> None:
        yes, no = self.tr("Active"), self.tr("Deactivated")
        super().__init__(
            [
                Column(self.tr("User name"), lambda r: r.username),
                Column(self.tr("Name"), lambda r: r.display_name),
                Column(self.tr("Role"), lambda r: role_text(r.role), lambda r: r.role.value),
                Column(self.tr("Status"), lambda r: yes if r.active else no, lambda r: r.active),
            ],
            parent,
        )


class StaffPage(QWidget):
    """The staff table and a form to add or edit the selected member."""

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = StaffModel(self)
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        layout.addWidget(self._build_table())
        self.first_setup = QLabel(
            self.tr(
                "No staff yet: add yourself first (your user name is filled in), as an "
                "administrator or manager, then the others. From then on only active managers "
                "and administrators can change the settings."
            )
        )
        self.first_setup.setWordWrap(True)
        layout.addWidget(self.first_setup)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_buttons())
        self.refresh()

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        return self.table

    def _build_form(self) -> QFormLayout:
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in StaffRole:
            self.role.addItem(role_text(role), role)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("Add member"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        row.addStretch()
        for button in (self.add_button, self.save_button, self.active_button):
            row.addWidget(button)
        self._update_buttons()
        return row

    def refresh(self, select: str | None = None) -> None:
        """Reload the staff list, selecting ``select`` (a user name) if given."""
        with self._context.database.session() as session:
            self.model.set_rows(list_staff(session))
        for index, row in enumerate(self.model.rows()):
            if row.username == select:
                self.table.selectRow(index)
        first_setup = not self.model.rows()
        self.first_setup.setVisible(first_setup)
        # First setup: the first member must be whoever sets up, as a manager or admin, or
        # they could not change the settings afterwards; the user name is theirs until then.
        self.username.setReadOnly(first_setup)
        if first_setup:
            self.username.setText(self._context.actor())
            if self._role() not in SETTINGS_ROLES:
                self.role.setCurrentIndex(self.role.findData(StaffRole.ADMIN))
        self._update_buttons()

    def selected(self) -> StaffRow | None:
        """Return the selected member, or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected()
        if row is not None:
            self.username.setText(row.username)
            self.display_name.setText(row.display_name)
            self.role.setCurrentIndex(self.role.findData(row.role))
        self._update_buttons()

    def _update_buttons(self) -> None:
        if not hasattr(self, "active_button"):
            return
        row, allowed = self.selected(), self._context.can_change
        self.add_button.setEnabled(allowed)
        self.save_button.setEnabled(allowed and row is not None)
        self.active_button.setEnabled(allowed and row is not None)
        active = row is None or row.active
        self.active_button.setText(self.tr("Deactivate") if active else self.tr("Reactivate"))

    def _role(self) -> StaffRole:
        return StaffRole(self.role.currentData())

    def add(self) -> bool:
        """Add the member in the form; the form keeps its input when refused."""
        username = self.username.text()
        return self._apply(
            lambda s, actor: (
                add_staff(s, username, self.display_name.text(), self._role(), actor=actor).username
            )
        )

    def save(self) -> bool:
        """Save the name and role of the selected member."""
        row = self.selected()
        if row is None:
            return False
        return self._apply(
            lambda s, actor: (
                edit_staff(
                    s, row.username, self.display_name.text(), self._role(), actor=actor
                ).username
            )
        )

    def toggle_active(self) -> bool:
        """Deactivate the selected member (or reactivate a deactivated one)."""
        row = self.selected()
        if row is None:
            return False
        return self._apply(
            lambda s, actor: set_staff_active(s, row.username, not row.active, actor=actor).username
        )

    def place(self, key: str) -> FieldPlace | None:
        """Return the editor of the setting ``key`` (``staff.username``), ``None`` if none."""
        editors = {
            "staff.username": self.username,
            "staff.display_name": self.display_name,
            "staff.role": self.role,
        }
        editor = editors.get(key)
        return FieldPlace(editor) if editor is not None else None

    def _apply(self, change: StaffChange) -> bool:
        try:
            with self._context.database.session() as session:
                username = change(session, self._context.actor())
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        clear_marks(self)
        self.refresh(select=username)
        return True
