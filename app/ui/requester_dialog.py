"""Case › Workflow › Requester details…: correct the data subject's name, e-mail address and
phone number (``app.services.workflow.requester_details``), e.g. a mail display name whose
emoji no letter font can print.

The dialog stays open while the correction is refused (an invalid or another person's address,
an empty name), showing why beside the fields; accepted, the correction is saved in one short
session and the workflow controller's ``changed`` refreshes the list and the detail pane.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy.orm import object_session

from app.errors import ManualIntakeError, PrivacyDeskError
from app.models import Case
from app.services.case_queries import find_case
from app.services.subjects import MAX_IDENTIFIER_LENGTH, MAX_NAME_LENGTH
from app.services.workflow.requester_details import (
    EMAIL,
    NAME,
    PHONE,
    RequesterDetails,
    correct_requester,
    requester_details,
)
from app.ui.case_actions import CaseActionController
from app.ui.form_dialog import FormDialog
from app.ui.messages import error_text, show_error

# Saves (name, e-mail, phone); raises PrivacyDeskError when the correction is refused.
SaveDetails = Callable[[str, str, str], object]


class RequesterDialog(FormDialog):
    """The requester's name, e-mail address and phone number, prefilled from ``details``.

    Args:
        details: the values on record and how many other cases share them.
        save: called on OK with the three fields as typed; a ``PrivacyDeskError`` it raises
            is shown in the dialog (the field at fault takes the focus) and the dialog stays.
    """

    def __init__(
        self, details: RequesterDetails, save: SaveDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Requester details"),
            self.tr(
                "Correct the data subject's details as the company holds them, e.g. a name "
                "that arrived with emoji or garbled characters. Letters produced from now on "
                "use them; letters already produced do not change. Leave the e-mail address "
                "or the phone number empty to remove it."
            ),
            parent,
        )
        self._save = save
        self.name = self._field(details.name, MAX_NAME_LENGTH)
        self.email = self._field(details.email, MAX_IDENTIFIER_LENGTH)
        self.phone = self._field(details.phone, MAX_IDENTIFIER_LENGTH)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.others = self._note(self._others_text(details.other_cases))
        self.error = self._note("")
        self.others.setVisible(details.other_cases > 0)
        self.doubt = self._note(
            self.tr(
                "Part of this name was lost in the mail, or invisible characters were removed "
                "from it: check it against the original message. Saving confirms the name, "
                "and letters may greet the requester by it again."
            )
        )
        self.doubt.setVisible(details.name_doubted)
        self.error.setVisible(False)

    def _field(self, value: str, limit: int) -> QLineEdit:
        # The limit leaves one character over, so a name too long is refused, not cut off.
        edit = QLineEdit(value)
        edit.setMaxLength(limit + 1)
        return edit

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages are text, never markup
        label.setWordWrap(True)
        self.form.addRow(label)
        return label

    def _others_text(self, count: int) -> str:
        return self.tr(
            "This requester has %n other case(s); the correction applies to them too.", "", count
        )

    def accept(self) -> None:
        """Save the fields; close only when the correction is saved."""
        try:
            self._save(self.name.text(), self.email.text(), self.phone.text())
        except PrivacyDeskError as error:
            self._refused(error)
            return
        super().accept()

    def _refused(self, error: PrivacyDeskError) -> None:
        self.error.setText(error_text(str(error)))
        self.error.setVisible(True)
        fields = {NAME: self.name, EMAIL: self.email, PHONE: self.phone}
        if isinstance(error, ManualIntakeError) and error.field in fields:
            fields[error.field].setFocus()


def requester_dialog(controller: CaseActionController, reference: str) -> RequesterDialog | None:
    """Return the dialog correcting the requester of case ``reference`` (not yet shown), or
    ``None`` after telling the user why the case's requester cannot be corrected (none on
    record, data erased). Saving emits ``controller.changed`` with ``reference``."""
    # The controller's own database, actor and window, as its actions use them (read now:
    # the window may have switched databases since the controller was made).
    database, actor, window = controller._database, controller._actor, controller._window

    def read(case: Case) -> RequesterDetails:
        session = object_session(case)
        assert session is not None  # _read hands over a case of its open session
        return requester_details(session, case)

    def save(name: str, email: str, phone: str) -> None:
        with database.session() as session:
            case = find_case(session, reference)
            correct_requester(session, case, name=name, email=email, phone=phone, actor=actor())
        controller.changed.emit(reference)

    try:
        details = controller._read(reference, read)
    except PrivacyDeskError as error:
        title = QCoreApplication.translate("RequesterDialog", "Case not changed")
        show_error(window, title, str(error), known=True)
        return None
    return RequesterDialog(details, save, window)


def ask_requester_details(controller: CaseActionController, reference: str) -> None:
    """Show the requester-details dialog for case ``reference`` (Case › Workflow)."""
    dialog = requester_dialog(controller, reference)
    if dialog is not None:
        dialog.exec()
