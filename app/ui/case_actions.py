"""Base for controllers that change one case through a service in one short session."""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.errors import PrivacyDeskError
from app.models import Case
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.workflow.availability import CaseActionState, action_state
from app.store import Database
from app.ui.messages import show_error

CaseChange = Callable[[Session, Case], object]
T = TypeVar("T")


class CaseActionController(QObject):
    """Applies a change to a case; a refused change shows why and changes nothing.

    Signals:
        changed(str): the reference of the case that changed.
    """

    changed = Signal(str)

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        today: Callable[[], date],
        window: QWidget,
        actor: Callable[[], str] = lambda: "system",
    ) -> None:
        super().__init__(window)
        self._database = database
        self._rule_book = rule_book
        self._today = today
        self._window = window
        self._actor = actor

    def action_state(self, reference: str) -> CaseActionState | None:
        """Return what the case ``reference`` allows now, or ``None`` when it cannot be read
        (the actions then stay offered, and running one says what is wrong)."""
        try:
            return self._read(reference, lambda case: action_state(case, today=self._today()))
        except PrivacyDeskError:
            return None

    def _read(self, reference: str, read: Callable[[Case], T]) -> T:
        with self._database.session() as session:
            return read(find_case(session, reference))

    def apply_as_user(
        self, reference: str, change: Callable[[Session, Case, str], object], title: str
    ) -> bool:
        """Apply ``change(session, case, user)`` to ``reference`` as the signed-in user, as
        ``_apply`` does (an undo from ``UndoHistory``); ``title`` heads a refusal."""
        actor = self._actor
        return self._apply(reference, lambda session, case: change(session, case, actor()), title)

    def _apply(self, reference: str, change: CaseChange, title: str = "") -> bool:
        try:
            with self._database.session() as session:
                change(session, find_case(session, reference))
        except PrivacyDeskError as error:
            heading = title or self.tr("Case not changed")
            show_error(self._window, heading, str(error), known=True)
            return False
        self.changed.emit(reference)
        return True
