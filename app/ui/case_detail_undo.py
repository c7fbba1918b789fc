"""Undo within a working session, for the actions whose reversal is lawful: the last note one
wrote, and the last triage (kind, jurisdiction, handler and the status it moved the case to:
all put back, ``reversals.revert_triage``). Each undo is a compensating change
with its own audit event (the trail is append-only); sent letters, purges, answers and clock
changes are never offered. The history lives in memory only: it ends with the session, and
is cleared when another person signs in or another database is shown; View › Language keeps
it (the rebuilt window takes it over: entries hold service calls and values, not widgets).

Not a ``QUndoStack``: an undone note or triage is not redone from here (a redo would be a new
note or a new triage, made the normal way), and ``QUndoStack`` runs ``redo()`` on push, which
would repeat an action already done.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind
from app.services.workflow.reversals import revert_triage, triage_values
from app.ui.case_actions import CaseActionController
from app.ui.workflow_controller import WorkflowController

MAX_ENTRIES = 20

# A compensating change: (session, the case, the user undoing it). Bound to services and the
# values it puts back only, never to a window or its controllers: the history outlives the
# window it was made in (View › Language rebuilds the window, ``app.ui.language_switch``).
UndoChange = Callable[[Session, Case, str], object]


class UndoKind(StrEnum):
    """What an entry undoes; its menu label and refusal title (translated when shown, in
    their first contexts)."""

    NOTE = "note"
    TRIAGE = "triage"


# (context, label with the reference as %1, the title of a refusal)
_WORDS = {
    UndoKind.NOTE: (
        "CaseDetailController",
        QT_TRANSLATE_NOOP("CaseDetailController", "note on %1"),
        QT_TRANSLATE_NOOP("CaseDetailController", "Note not withdrawn"),
    ),
    UndoKind.TRIAGE: (
        "UndoableWorkflowController",
        QT_TRANSLATE_NOOP("UndoableWorkflowController", "triage of %1"),
        QT_TRANSLATE_NOOP("UndoableWorkflowController", "Triage not undone"),
    ),
}


@dataclass(frozen=True)
class UndoEntry:
    """One action that can be undone: what it was, on which case, and the compensating
    change (``UndoChange``)."""

    kind: UndoKind
    reference: str
    change: UndoChange

    def label(self) -> str:
        """The menu's words for it in the UI language now ("note on PD-2026-000001")."""
        context, label, _title = _WORDS[self.kind]
        return QCoreApplication.translate(context, str(label)).replace("%1", self.reference)

    def refusal_title(self) -> str:
        """The title of the message when the change is refused ("Note not withdrawn")."""
        context, _label, title = _WORDS[self.kind]
        return QCoreApplication.translate(context, str(title))


class UndoHistory(QObject):
    """The session's undoable actions, last first, behind one "Undo …" action (Ctrl+Z).

    Entries are undone through the controller last ``bind``-ed (each controller made with
    this history binds itself: its database, window and signed-in user); ``take_over``
    gives a rebuilt window's history the entries of the window it replaces.

    Signals:
        changed(): an entry was added or used up.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[UndoEntry] = []
        self._controller: CaseActionController | None = None
        self.action = QAction(self.tr("&Undo"), parent)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action.triggered.connect(self.undo)
        self._update()

    def push(self, entry: UndoEntry) -> None:
        """Offer ``entry`` as the next thing to undo."""
        self._entries = [*self._entries[-(MAX_ENTRIES - 1) :], entry]
        self._update()

    def bind(self, controller: CaseActionController) -> None:
        """Undo the entries through ``controller`` from now on."""
        self._controller = controller

    def take_over(self, other: "UndoHistory") -> None:
        """Offer ``other``'s entries here (replacing any), as the window rebuilt in another
        UI language (``app.ui.language_switch``) keeps the one it replaces."""
        self._entries = list(other.entries())
        self._update()

    def entries(self) -> tuple[UndoEntry, ...]:
        """Return the entries, oldest first."""
        return tuple(self._entries)

    def undo(self) -> bool:
        """Undo the last entry; it is used up even when a guard refuses it (the refusal is
        shown by the controller that made it)."""
        if not self._entries or self._controller is None:
            return False
        entry = self._entries.pop()
        self._update()
        return self._controller.apply_as_user(entry.reference, entry.change, entry.refusal_title())

    def clear(self) -> None:
        """Forget every entry (another person signed in, or another database was opened)."""
        self._entries.clear()
        self._update()

    def _update(self) -> None:
        last = self._entries[-1] if self._entries else None
        self.action.setEnabled(last is not None)
        self.action.setText(
            self.tr("&Undo %1").replace("%1", last.label()) if last else self.tr("&Undo")
        )
        self.changed.emit()


class UndoableWorkflowController(WorkflowController):
    """The workflow controller whose triage can be undone from ``history``.

    Args:
        history: where the undo of each triage is offered.
        (the rest as ``CaseActionController``)
    """

    def __init__(self, *args: object, history: UndoHistory, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.history = history
        history.bind(self)

    def triage(self, reference: str, kind: CaseKind, jurisdiction: str, assignee: str) -> bool:
        """Triage as ``WorkflowController.triage`` does, and offer its undo."""
        before = self._read(reference, triage_values)
        triaged_at = datetime.now(UTC)
        if not super().triage(reference, kind, jurisdiction, assignee):
            return False
        after = self._read(reference, triage_values)
        if after == before:
            return True

        rule_book, today = self._rule_book, self._today

        def revert(session: Session, case: Case, actor: str) -> None:
            revert_triage(
                session,
                case,
                rule_book,
                restore=before,
                expected=after,
                triaged_at=triaged_at,
                today=today(),
                actor=actor,
            )

        self.history.push(UndoEntry(UndoKind.TRIAGE, reference, revert))
        return True
