"""Case › Clock › Correct the extension reason…: replace the reason of an extension taken
(``app.services.extension_reason``), e.g. one holding a character no letter font has, which
the extension notice could never print.

The correction is offered while the case is open and until an extension notice has been
recorded as sent (afterwards the requester was told the reason on record). The dialog stays
open while the new reason is refused, showing why beside it; accepted, the reason is saved in
one short session and the controller's ``changed`` refreshes the list and the detail pane.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from app.errors import PrivacyDeskError
from app.models import Case
from app.reports.letter_text import check_letter_text
from app.services.case_queries import find_case
from app.services.extension_reason import correct_extension_reason, refuse_reason_correction
from app.ui.case_actions import CaseActionController
from app.ui.form_dialog import FormDialog
from app.ui.messages import error_text, show_error

# Saves the reason as typed; raises PrivacyDeskError when it is refused.
SaveReason = Callable[[str], object]


class ExtensionReasonDialog(FormDialog):
    """The extension reason on record, to correct.

    Args:
        reason: the reason on record (prefilled).
        save: called on OK with the reason as typed; a ``PrivacyDeskError`` it raises is
            shown in the dialog, which stays open with the text as typed.
    """

    def __init__(self, reason: str, save: SaveReason, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Correct the extension reason"),
            self.tr(
                "The requester must be told the reasons for the extension. Correct the reason "
                "before the extension notice is sent; the deadline does not change. Notices "
                "already produced keep the old reason: produce the notice again."
            ),
            parent,
        )
        self._save = save
        self.reason = QPlainTextEdit()
        self.reason.setPlainText(reason)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages are text, never markup
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.form.addRow(self.error)

    def accept(self) -> None:
        """Save the reason; close only when it is saved."""
        try:
            self._save(self.reason.toPlainText())
        except PrivacyDeskError as error:
            self.error.setText(error_text(str(error)))
            self.error.setVisible(True)
            self.reason.setFocus()
            return
        super().accept()


def extension_reason_dialog(
    controller: CaseActionController, reference: str
) -> ExtensionReasonDialog | None:
    """Return the dialog correcting the extension reason of case ``reference`` (not yet
    shown), or ``None`` after telling the user why it cannot be corrected (not extended,
    answered or closed, its notice sent). Saving emits ``controller.changed``."""
    # The controller's own database, actor and window, as its actions use them (read now:
    # the window may have switched databases since the controller was made).
    database, actor, window = controller._database, controller._actor, controller._window

    def read(case: Case) -> str:
        refuse_reason_correction(case)
        return case.extension_reason or ""

    def save(reason: str) -> None:
        with database.session() as session:
            case = find_case(session, reference)
            correct_extension_reason(
                session, case, reason=reason, printable=check_letter_text, actor=actor()
            )
        controller.changed.emit(reference)

    try:
        reason = controller._read(reference, read)
    except PrivacyDeskError as error:
        title = QCoreApplication.translate("ExtensionReasonDialog", "Reason not corrected")
        show_error(window, title, str(error), known=True)
        return None
    return ExtensionReasonDialog(reason, save, window)


def ask_extension_reason(controller: CaseActionController, reference: str) -> None:
    """Show the dialog correcting the extension reason of ``reference`` (Case › Clock)."""
    dialog = extension_reason_dialog(controller, reference)
    if dialog is not None:
        dialog.exec()
