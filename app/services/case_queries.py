"""Reading cases for the list, the detail pane and ``python -m app list``: the rows of
``app.services.case_rows``, each built in one short session."""

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import CaseNotFoundError, WorkflowError
from app.models import (
    Attachment,
    Case,
    CategoryAction,
    DataSubject,
    Event,
    IdentifierKind,
    Letter,
)
from app.models.enums import (
    AttachmentKind,
    MessageDirection,
    ReviewFlag,
)
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.case_list_terms import CaseRow
from app.services.case_rows import (
    AttachmentRow,
    CaseDetail,
    CategoryRow,
    EventRow,
    LetterRow,
    MessageRow,
    NoteRow,
    PauseRow,
    RuleSource,
    TriageReasonRow,
)
from app.services.clock import DueDateSource, deadline_for, rule_reference, stated_due_source
from app.services.deadlines import (
    Deadline,
    RuleBook,
    explain_deadline,
)
from app.services.workflow.inventory import Inventory, current_inventory


def _row(case: Case) -> CaseRow:
    subject: DataSubject | None = case.subject
    return CaseRow(
        reference=case.reference,
        kind=case.kind,
        status=case.status,
        outcome=case.outcome,
        language=case.language,
        jurisdiction=case.jurisdiction,
        requester_name=subject.display_name if subject else None,
        requester_email=subject.identifier(IdentifierKind.EMAIL) if subject else None,
        received_at=case.received_at,
        due_date=case.due_date,
        due_provisional=case.due_provisional,
        review_flags=tuple(ReviewFlag(flag) for flag in case.review_flags),
    )


def list_cases(session: Session) -> list[CaseRow]:
    """Return every case, newest receipt first."""
    query = (
        select(Case)
        .options(selectinload(Case.subject).selectinload(DataSubject.identifiers))
        .order_by(Case.received_at.desc(), Case.id.desc())
    )
    return [_row(case) for case in session.scalars(query)]


def extended_due_dates(session: Session) -> dict[str, date]:
    """Return the extended due date of every case whose deadline was extended, by reference
    (a few cases: ``list_cases`` rows carry the original ``due_date``; the extended one binds,
    ``Case.binding_due_date``)."""
    query = select(Case.reference, Case.extended_due_date).where(
        Case.extended_due_date.is_not(None)
    )
    return {reference: extended for reference, extended in session.execute(query)}


def find_case(session: Session, reference: str) -> Case:
    """Return the case with ``reference``.

    Raises:
        CaseNotFoundError: no such case.
    """
    case = session.scalar(select(Case).where(Case.reference == reference.strip().upper()))
    if case is None:
        raise CaseNotFoundError(f"No case has the reference '{reference.strip()[:40]}'.")
    return case


def case_detail(
    session: Session,
    reference: str,
    rule_book: RuleBook,
    *,
    today: date,
    actor: str = SYSTEM_ACTOR,
    record_view: bool = True,
) -> CaseDetail:
    """Return the detail of a case and record that ``actor`` viewed its personal data.

    Everything the pane shows is read here, in the caller's one short session: the header
    facts and the rule behind the deadline, the audit trail, category actions, notes, messages,
    attachments (without their bytes) and letters (with their PDF, for the preview).

    Args:
        today: the local date (a running pause counts up to it).
        record_view: false when the same person's screen is only refreshed with the case it
            already shows (a view is recorded once, not at every refresh).

    Raises:
        CaseNotFoundError: no such case.
    """
    case = find_case(session, reference)
    if record_view:
        record_event(session, "case.viewed", case=case, actor=actor)
    stated = stated_due_source(case)
    # A regulator's date is no rule's: no rule source, no day-by-day explanation. Under a date
    # set by hand the statute still counts its own, which binds if it falls earlier: shown too.
    regulator = stated is DueDateSource.REGULATOR_LETTER
    deadline = None if regulator else deadline_for(session, case, rule_book, today=today)
    # Intake's stated-limit reader (3.7 MiB) loads once a regulator's date is shown.
    from app.services.regulator_limit_record import period_on_record

    return CaseDetail(
        stated_period=period_on_record(session, case, rule_book) if regulator else None,
        row=_row(case),
        subject_line=case.subject_line,
        message_text=message_text(case),
        # An old regulator's row has its letter's date and no rule reference: name the letter.
        rule_ref=stated.value if stated else case.rule_ref,
        ack_due_date=case.ack_due_date,
        internal_target_date=case.internal_target_date,
        extended_due_date=case.extended_due_date,
        extension_reason=case.extension_reason,
        pauses=tuple(PauseRow(p.start_date, p.end_date, p.reason) for p in case.pauses),
        explanation=explain_deadline(deadline) if deadline else None,
        triage_reasons=tuple(TriageReasonRow(**reason) for reason in case.triage_reasons),
        letters=tuple(_letter_row(letter) for letter in case.letters),
        events=_event_rows(session, case),
        channel=case.channel,
        assignee=case.assignee,
        rule=_rule_source(case, deadline, stated),
        categories=_category_rows(case.category_actions, current_inventory(session)),
        notes=tuple(NoteRow(n.id, n.author, n.written_at, n.text) for n in case.notes),
        messages=tuple(
            MessageRow(m.direction, m.channel, m.occurred_at, m.summary, m.recorded_by)
            for m in case.messages
        ),
        attachments=tuple(_attachment_row(a) for a in case.attachments),
    )


def message_text(case: Case) -> str:
    """Return the original message's text (``str``); for a request taken by phone, letter or
    in person (no message file), the first incoming message's summary as recorded by staff."""
    original = _original_message(case)
    if original is not None and original.media_type == "message/rfc822":
        # Intake (3.7 MiB) only once a message is shown, not with the window's tools (issue 6).
        from app.services.intake.files import stored_message_text

        return stored_message_text(original.content)
    if original is not None:
        return original.content.decode("utf-8", errors="replace")
    incoming = (m for m in case.messages if m.direction == MessageDirection.INCOMING)
    return next((m.summary for m in incoming), "")


def _letter_row(letter: Letter) -> LetterRow:
    return LetterRow(
        letter_id=letter.id,
        template_key=letter.template_key,
        language=letter.language,
        version=letter.version,
        sha256=letter.sha256,
        generated_at=letter.generated_at,
        template_version=letter.template_version,
        generated_by=letter.generated_by,
        approved_by=letter.approved_by,
        approved_at=letter.approved_at,
        sent_channel=letter.sent_channel,
        sent_at=letter.sent_at,
        pdf=letter.pdf,
    )


def _event_rows(session: Session, case: Case) -> tuple[EventRow, ...]:
    events = session.scalars(select(Event).where(Event.case_id == case.id).order_by(Event.id))
    return tuple(
        EventRow(e.occurred_at, e.actor, e.action, _details(e.payload), e.id) for e in events
    )


def _details(payload: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Flatten a payload into sorted (key, text) pairs; nested values as compact JSON."""
    return tuple(
        (key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
        for key, value in sorted(payload.items())
    )


def _rule_source(
    case: Case, deadline: Deadline | None, stated: DueDateSource | None
) -> RuleSource | None:
    if deadline is None:
        return None
    rule = deadline.rule
    # Under a hand date ``rule_ref`` names the hand: the statutory date's rule is the one counted.
    stored = None if stated else case.rule_ref
    return RuleSource(
        rule_ref=stored or rule_reference(deadline),
        source=rule.source,
        confidence=rule.confidence,
        basis=rule.basis,
        awaiting_verification=deadline.awaiting_verification,
        source_zh=rule.source_zh,
    )


def _category_rows(actions: list[CategoryAction], inventory: Inventory) -> tuple[CategoryRow, ...]:
    rows = []
    for action in actions:
        category = inventory.categories.get(action.category)
        rule = inventory.rules.get(action.hold_rule) if action.hold_rule else None
        rows.append(
            CategoryRow(
                category=action.category,
                name_zh=category.name_zh if category else action.category,
                name_en=category.name_en if category else action.category,
                action=action.action,
                hold_until=action.hold_until,
                hold_rule=action.hold_rule,
                hold_source=rule.source if rule else None,
                note=action.note,
                planned_by=action.planned_by,
                done_by=action.done_by,
                done_at=action.done_at,
            )
        )
    return tuple(rows)


def _attachment_row(attachment: Attachment) -> AttachmentRow:
    return AttachmentRow(
        attachment_id=attachment.id,
        kind=attachment.kind,
        file_name=attachment.file_name,
        media_type=attachment.media_type,
        size=attachment.size,
        sha256=attachment.sha256,
        added_at=attachment.added_at,
        retention_until=attachment.retention_until,
        purged=attachment.purged_at is not None,
    )


def _original_message(case: Case) -> Attachment | None:
    return next((a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE), None)


def attachment_copy(
    session: Session, reference: str, attachment_id: int, *, actor: str
) -> tuple[str, bytes]:
    """Return an attachment's file name and bytes for a copy the user saves, and record that
    ``actor`` copied it out (``attachment.copied`` with its id and SHA-256, no file name:
    names can hold personal data).

    Raises:
        CaseNotFoundError: no such case.
        WorkflowError: the case has no such attachment, or its content was purged.
    """
    case = find_case(session, reference)
    attachment = next((a for a in case.attachments if a.id == attachment_id), None)
    if attachment is None:
        raise WorkflowError(f"Case {case.reference} has no attachment #{attachment_id}.")
    if attachment.purged_at is not None:
        raise WorkflowError("This attachment's content was purged under its retention period.")
    payload = {"attachment_id": attachment.id, "sha256": attachment.sha256}
    record_event(session, "attachment.copied", case=case, actor=actor, payload=payload)
    return attachment.file_name, attachment.content


__all__ = [
    "AttachmentRow",
    "CaseDetail",
    "CaseRow",
    "CategoryRow",
    "EventRow",
    "LetterRow",
    "MessageRow",
    "NoteRow",
    "PauseRow",
    "RuleSource",
    "TriageReasonRow",
    "attachment_copy",
    "case_detail",
    "extended_due_dates",
    "find_case",
    "list_cases",
    "message_text",
]
