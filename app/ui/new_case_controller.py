"""Case → New case…: opens the dialog and records the request as a case in one short session
(``app.services.manual_intake``), then says which case it became."""

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.errors import PrivacyDeskError
from app.services.deadlines import RuleBook
from app.services.manual_intake import ManualRequest, record_manual_request
from app.services.manual_intake_subject import SubjectMatch, matching_subject
from app.store import Database
from app.ui.messages import show_error
from app.ui.new_case_dialog import NewCaseDialog


class NewCaseController(QObject):
    """Records requests taken by phone, letter or in person.

    Args:
        database: the open case database (``replace_database`` swaps it).
        rule_book: deadline rules and the jurisdictions offered.
        today: returns the local date.
        window: the parent of the dialog and of error messages.
        actor: returns the current user's name (audit trail).

    Signals:
        created(str): the reference of the new case.
    """

    created = Signal(str)

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        today: Callable[[], date],
        window: QWidget,
        actor: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._database = database
        self._rule_book = rule_book
        self._today = today
        self._window = window
        self._actor = actor

    def ask(self) -> NewCaseDialog:
        """Open the new-case dialog (window-modal, not blocking); record the case on OK."""
        dialog = NewCaseDialog(self._rule_book, self._window, find_subject=self.find_subject)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.record(dialog.request()))
        dialog.open()
        return dialog

    def record(self, request: ManualRequest) -> str | None:
        """Record ``request`` as a new case; return its reference, or ``None`` (the reason
        is shown)."""
        try:
            with self._database.session() as session:
                case = record_manual_request(
                    session,
                    request,
                    self._rule_book,
                    today=self._today(),
                    actor=self._actor(),
                    now=datetime.now(UTC),
                )
                reference = case.reference
        except PrivacyDeskError as error:
            show_error(self._window, self.tr("Case not created"), str(error), known=True)
            return None
        self.created.emit(reference)
        return reference

    def find_subject(self, email: str, phone: str, account_id: str) -> SubjectMatch | None:
        """Return the existing data subject holding an identifier typed, or ``None`` (also
        when the database cannot be read now: the case is then matched when recorded)."""
        try:
            with self._database.session() as session:
                return matching_subject(session, email=email, phone=phone, account_id=account_id)
        except PrivacyDeskError:
            return None

    def replace_database(self, database: Database) -> None:
        """Record into ``database`` from now on."""
        self._database = database
