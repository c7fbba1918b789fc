"""The detail pane's own actions: add an internal note (undoable), and save a copy of an
attachment where the user chooses (never a temporary file), each in one short session."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog
from sqlalchemy.orm import Session

from app.errors import PrivacyDeskError
from app.files import write_file_atomically
from app.models import Case
from app.services.case_queries import attachment_copy
from app.services.workflow import add_note
from app.services.workflow.notes import withdraw_note
from app.ui.case_actions import CaseActionController
from app.ui.case_detail_undo import UndoEntry, UndoHistory, UndoKind
from app.ui.messages import show_error
from app.ui.save_folder import remember, start_path

ATTACHMENTS = "attachments"  # the save dialog's remembered folder (app.ui.save_folder)


class CaseDetailController(CaseActionController):
    """Notes and attachment copies for the main window.

    Args:
        history: where the undo of each note is offered.
        (the rest as ``CaseActionController``)

    Signals:
        note_added(str): the reference of the case a note was added to (after ``changed``).
        attachment_saved(str): the path a copy was written to.
    """

    note_added = Signal(str)
    attachment_saved = Signal(str)

    def __init__(self, *args: object, history: UndoHistory, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.history = history
        history.bind(self)

    def add_note(self, reference: str, text: str) -> bool:
        """Add an internal note to ``reference`` as the current user; offer its undo."""
        note_ids: list[int] = []

        def change(session: Session, case: Case) -> None:
            note = add_note(session, case, text, actor=self._actor())
            session.flush()
            note_ids.append(note.id)

        if not self._apply(reference, change, self.tr("Note not added")):
            return False
        self._offer_withdrawal(reference, note_ids[0])
        self.note_added.emit(reference)
        return True

    def _offer_withdrawal(self, reference: str, note_id: int) -> None:
        def withdraw(session: Session, case: Case, actor: str) -> None:
            withdraw_note(session, case, note_id, actor=actor)

        self.history.push(UndoEntry(UndoKind.NOTE, reference, withdraw))

    def ask_save_attachment(self, reference: str, attachment_id: int) -> Path | None:
        """Ask where to save a copy of the attachment (starting in the folder last saved to,
        else Documents: ``app.ui.save_folder``), then save it there; the folder is kept once
        the copy is written."""
        target, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save a copy of the attachment"), start_path(ATTACHMENTS, "")
        )
        if not target:
            return None
        saved = self.save_attachment(reference, attachment_id, Path(target))
        if saved is not None:
            remember(ATTACHMENTS, str(saved))
        return saved

    def save_attachment(self, reference: str, attachment_id: int, target: Path) -> Path | None:
        """Write the attachment's bytes to ``target`` (audited as ``attachment.copied``).

        Returns:
            ``target``, or ``None`` when it could not be written (the reason is shown).
        """
        try:
            with self._database.session() as session:
                _name, content = attachment_copy(
                    session, reference, attachment_id, actor=self._actor()
                )
                # Written inside the session: the audit event commits only if the copy exists.
                write_file_atomically(target, content)
        except PrivacyDeskError as error:
            show_error(self._window, self.tr("Copy not saved"), str(error), known=True)
            return None
        except OSError as error:
            message = self.tr("The file could not be written (%1).").replace(
                "%1", error.strerror or type(error).__name__
            )
            show_error(self._window, self.tr("Copy not saved"), message, known=True)
            return None
        self.attachment_saved.emit(str(target))
        self.changed.emit(reference)
        return target
