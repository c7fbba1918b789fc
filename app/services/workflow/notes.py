"""Withdrawing an internal note just written (the "undo" of adding a note).

Notes are added by ``app.services.workflow.correspondence.add_note`` (audited ``note.added``).
The audit trail is append-only, so a withdrawal never removes that event: it removes the note
row and appends its own ``note.withdrawn`` event naming the note and the SHA-256 of its text
(the text itself may be personal data and stays out of the trail). Only the author may withdraw
a note, and only the case's latest one, so nobody else's work and nothing answered on can
disappear.
"""

import hashlib

from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case
from app.services.audit import record_event
from app.services.staff_handlers import same_staff


def withdraw_note(session: Session, case: Case, note_id: int, *, actor: str) -> None:
    """Withdraw the latest note of ``case`` if ``actor`` wrote it.

    Args:
        note_id: the ``Note.id`` to withdraw (the one just added).
        actor: the staff member asking; must be the note's author (as the staff list spells
            either name: "LI.WEI" signed in withdraws a note of "li.wei", ``same_staff``).

    Raises:
        WorkflowError: no such note on the case, a later note exists, or another author.
    """
    note = next((n for n in case.notes if n.id == note_id), None)
    if note is None:
        raise WorkflowError("This note is no longer on the case.")
    if case.notes[-1].id != note_id:
        raise WorkflowError("Only the latest note can be withdrawn; a later note was added.")
    if not same_staff(session, note.author, actor):
        raise WorkflowError("Only the author of a note can withdraw it.")
    digest = hashlib.sha256(note.text.encode()).hexdigest()
    case.notes.remove(note)
    record_event(
        session,
        "note.withdrawn",
        case=case,
        actor=actor,
        payload={"note_id": note_id, "text_sha256": digest},
    )
