"""Internal notes and messages with the requester, kept apart."""

from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case, Message, Note
from app.models.enums import MessageDirection
from app.services.audit import record_event
from app.services.typed_text import has_direction_controls


def add_note(session: Session, case: Case, text: str, *, actor: str) -> Note:
    """Add an internal note (never shown to the requester).

    Raises:
        WorkflowError: empty text, or text holding a bidi embedding, override or isolate
            (``app.services.typed_text``: it would display otherwise than it is stored).
    """
    if not text.strip():
        raise WorkflowError("A note needs some text.")
    if has_direction_controls(text):
        raise WorkflowError("The text holds direction-changing characters; type it again.")
    note = Note(author=actor, text=text)
    case.notes.append(note)
    record_event(session, "note.added", case=case, actor=actor)
    return note


def record_message(
    session: Session,
    case: Case,
    direction: MessageDirection,
    summary: str,
    *,
    channel: str,
    occurred_at: datetime,
    actor: str,
) -> Message:
    """Record a message to or from the requester (phone call, letter, e-mail)."""
    message = Message(
        direction=direction,
        channel=channel,
        summary=summary,
        occurred_at=occurred_at,
        recorded_by=actor,
    )
    case.messages.append(message)
    record_event(
        session,
        "message.recorded",
        case=case,
        actor=actor,
        payload={"direction": direction.value, "channel": channel},
    )
    return message
