"""Small cases for the team-mode tests (invented people)."""

import hashlib
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.models import Attachment, Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import AttachmentKind, CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.audit import record_event

RECEIVED = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


def new_case(session: Session, reference: str, *, restricted: bool = False) -> Case:
    """A new access request with its subject, the original message and a ``case.created``
    event; ``restricted`` marks it as a case about an employee."""
    subject = DataSubject(display_name="王小明")
    subject.identifiers.append(
        SubjectIdentifier(kind=IdentifierKind.EMAIL, value=f"{reference.lower()}@example.com")
    )
    body = f"请提供我的个人信息副本 {reference}".encode()
    case = Case(
        reference=reference,
        kind=CaseKind.ACCESS,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=RECEIVED,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject,
        restricted=restricted,
    )
    case.attachments.append(
        Attachment(
            kind=AttachmentKind.ORIGINAL_MESSAGE,
            file_name="request.eml",
            media_type="message/rfc822",
            content=body,
            sha256=hashlib.sha256(body).hexdigest(),
            size=len(body),
        )
    )
    session.add(case)
    record_event(session, "case.created", case=case, payload={"reference": reference})
    return case
