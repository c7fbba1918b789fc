"""Erasing the personal data of one case record: the single place that knows where a case
keeps personal data. Used by the anonymisation of closed cases (``app.services.case_retention``)
and by the account-cancellation purge (``app.services.workflow.retention``).

Kept: reference, kind, status, dates, outcome, staff names and hashes (attachments and letters
keep their SHA-256 as proof of what was received and sent). Audit events are never edited.
"""

from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, object_session

from app.models import Attachment, Case, Letter
from app.models.base import utc_now

ANONYMISED = "[anonymised]"


class ErasedCounts(NamedTuple):
    """What ``erase_case`` erased (the shape the purge certificate takes)."""

    attachments: int
    identifiers: int
    notes: int


def erase_case(case: Case) -> ErasedCounts:
    """Erase every piece of personal data a case record holds, in its own session.

    Kept: reference, kind, status, dates, outcome, staff names, hashes (attachments and letters
    keep their SHA-256 as proof of what was received and sent). The data subject is erased
    too, unless another of their cases is not yet erased: then this case is only unlinked.

    Returns:
        Counts of attachments, subject identifiers and notes erased.
    """
    attachments = erase_attachments(case.attachments)
    identifiers = _erase_subject(case)
    for note in case.notes:
        note.text = ANONYMISED
    for message in case.messages:
        message.summary = ANONYMISED
    _erase_free_text(case)
    _erase_letters(case)
    case.subject_line, case.message_id, case.triage_reasons = ANONYMISED, None, []
    case.purged_at = utc_now()
    return ErasedCounts(attachments, identifiers, len(case.notes))


def _erase_free_text(case: Case) -> None:
    """Blank what staff or the requester typed about the person."""
    if case.extension_reason is not None:
        case.extension_reason = ANONYMISED
    for party in case.parties:
        party.name, party.email, party.relationship_to_subject = ANONYMISED, None, ""
    for check in case.verifications:
        check.note = ANONYMISED if check.note else ""
    for pause in case.pauses:
        pause.note = ANONYMISED if pause.note else ""
    for review in case.reviews:
        review.comment = ANONYMISED if review.comment else ""
    for ground in case.refusal_grounds:
        ground.explanation = ANONYMISED if ground.explanation else ""
    for action in case.category_actions:
        action.note = ANONYMISED if action.note else ""


def erase_attachments(attachments: list[Attachment]) -> int:
    """Blank the content and file name of those ``attachments`` not yet purged (their SHA-256
    and size stay as proof of receipt); return how many were blanked."""
    live = [a for a in attachments if a.purged_at is None]
    for attachment in live:
        attachment.content, attachment.file_name, attachment.purged_at = b"", ANONYMISED, utc_now()
    return len(live)


def _erase_subject(case: Case) -> int:
    subject = case.subject
    if subject is None:
        return 0
    if subject_shared(case):
        case.subject = None
        return 0
    identifiers = len(subject.identifiers)
    subject.identifiers.clear()
    subject.display_name, subject.anonymised_at = None, utc_now()
    return identifiers


def subject_shared(case: Case, erased_before: int = 0) -> bool:
    """Return True when the case's subject has another case whose data is not yet erased, not
    counting ``erased_before`` of its cases that an earlier step of the same run erases."""
    session = _session_of(case)
    others = session.scalar(
        select(func.count(Case.id)).where(
            Case.subject_id == case.subject_id, Case.id != case.id, Case.purged_at.is_(None)
        )
    )
    return (others or 0) > erased_before


def _erase_letters(case: Case) -> None:
    """Blank the letters' PDFs (they name and address the person), keeping their hashes.

    A bulk UPDATE on purpose: the ORM guard that keeps a generated letter immutable protects
    what was sent against edits; erasure at the end of retention is the one change allowed.
    """
    session, fetch = _session_of(case), {"synchronize_session": "fetch"}
    session.execute(
        update(Letter).where(Letter.case_id == case.id).values(pdf=b""), execution_options=fetch
    )
    session.execute(
        update(Letter)
        .where(Letter.case_id == case.id, Letter.sent_proof.is_not(None))
        .values(sent_proof=ANONYMISED),
        execution_options=fetch,
    )


def _session_of(case: Case) -> Session:
    session = object_session(case)
    if session is None:
        raise ValueError("the case must belong to a session")
    return session
