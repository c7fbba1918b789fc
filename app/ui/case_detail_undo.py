"""Undo within a working session, for the actions whose reversal is lawful: the last note one
wrote, and the last triage (kind, jurisdiction, handler and the status it moved the case to:
all put back, ``reversals.revert_triage``). Each undo is a compensating change
with its own audit event (the trail is append-only); sent letters, purges, answers and clock
changes are never offered. The history lives in memory only: it ends with the session, and
is cleared when another person signs in.

Not a ``QUndoStack``: an undone note or triage is not redone from here (a redo would be a new
note or a new triage, made the normal way), and ``QUndoStack`` runs ``redo()`` on push, which
would repeat an action already done.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.models import Case
from app.models.enums import CaseKind
from app.services.workflow.reversals import revert_triage, triage_values
from app.ui.workflow_controller import WorkflowController

MAX_ENTRIES = 20


@dataclass(frozen=True)
class UndoEntry:
    """One action that can be undone: its label (e.g. "note on PD-2026-000001") and the
    compensating change, which returns whether it was made."""

    label: str
    reference: str
    undo: Callable[[], bool]


class UndoHistory(QObject):
    """The session's undoable actions, last first, behind one "Undo …" action (Ctrl+Z).

    Signals:
        changed(): an entry was added or used up.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[UndoEntry] = []
        self.action = QAction(self.tr("&Undo"), parent)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action.triggered.connect(self.undo)
        self._update()

    def push(self, entry: UndoEntry) -> None:
        """Offer ``entry`` as the next thing to undo."""
        self._entries = [*self._entries[-(MAX_ENTRIES - 1) :], entry]
        self._update()

    def entries(self) -> tuple[UndoEntry, ...]:
        """Return the entries, oldest first."""
        return tuple(self._entries)

    def undo(self) -> bool:
        """Undo the last entry; it is used up even when a guard refuses it (the refusal is
        shown by the controller that made it)."""
        if not self._entries:
            return False
        entry = self._entries.pop()
        self._update()
        return entry.undo()

    def clear(self) -> None:
        """Forget every entry (another person signed in, or another database was opened)."""
        self._entries.clear()
        self._update()

    def _update(self) -> None:
        last = self._entries[-1] if self._entries else None
        self.action.setEnabled(last is not None)
        self.action.setText(
            self.tr("&Undo %1").replace("%1", last.label) if last else self.tr("&Undo")
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

    def triage(self, reference: str, kind: CaseKind, jurisdiction: str, assignee: str) -> bool:
        """Triage as ``WorkflowController.triage`` does, and offer its undo."""
        before = self._read(reference, triage_values)
        triaged_at = datetime.now(UTC)
        if not super().triage(reference, kind, jurisdiction, assignee):
            return False
        after = self._read(reference, triage_values)
        if after == before:
            return True

        def revert(session: object, case: Case) -> None:
            revert_triage(
                session,  # type: ignore[arg-type]
                case,
                self._rule_book,
                restore=before,
                expected=after,
                triaged_at=triaged_at,
                today=self._today(),
                actor=self._actor(),
            )

        label = self.tr("triage of %1").replace("%1", reference)
        title = self.tr("Triage not undone")
        self.history.push(
            UndoEntry(label, reference, lambda: self._apply(reference, revert, title))
        )
        return True
