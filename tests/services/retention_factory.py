"""Test data for retention: closed cases carrying every kind of personal data a case holds, and
a reader of the decrypted pages of a SQLCipher file (to look for personal data on disk)."""

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Attachment,
    Case,
    CasePause,
    DataSubject,
    IdentifierKind,
    IdentityVerification,
    Letter,
    Message,
    Note,
    Party,
    SubjectIdentifier,
)
from app.models.enums import (
    AttachmentKind,
    CaseKind,
    CaseOutcome,
    CaseStatus,
    Channel,
    MessageDirection,
    PartyRole,
    PauseReason,
    ReceivedAtSource,
    VerificationMethod,
)
from app.services.audit import record_event
from app.store.keys import RawKey

HANDLER = "li.handler"
# SQLCipher 4 defaults: 4096-byte pages, 80 reserved bytes at the end of each (16-byte IV, then
# the 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt in clear.
PAGE_SIZE, RESERVED, SALT = 4096, 80, 16


def subject(session: Session, name: str, email: str, phone: str | None = None) -> DataSubject:
    """A data subject with an e-mail address (and a phone number)."""
    person = DataSubject(display_name=name)
    person.identifiers.append(SubjectIdentifier(kind=IdentifierKind.EMAIL, value=email))
    if phone:
        person.identifiers.append(SubjectIdentifier(kind=IdentifierKind.PHONE, value=phone))
    session.add(person)
    return person


def case_with_personal_data(
    session: Session,
    person: DataSubject,
    *,
    kind: CaseKind = CaseKind.ACCESS,
    closed_at: datetime | None,
    verified: bool = True,
    status: CaseStatus = CaseStatus.CLOSED,
) -> Case:
    """A case whose every field that can hold personal data does: subject line, message, note,
    the original message, an ID document, a letter, an agent, a verification note, a pause
    note and triage evidence. ``closed_at=None`` leaves it open."""
    count = session.scalar(select(func.count(Case.id))) or 0
    name, email = person.display_name or "", person.identifiers[0].value
    case = Case(
        reference=f"PD-2026-{count + 1:06d}",
        kind=kind,
        status=status,
        outcome=CaseOutcome.FULFILLED if closed_at else None,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 1, 5, 2, 0, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=person,
        subject_line=f"{name} 申请查阅个人信息",
        message_id=f"<{count}.{email}>",
        triage_reasons=[{"field": "requester", "signal": "from", "evidence": email}],
        closed_at=closed_at,
        verified_at=datetime(2026, 1, 6, 2, 0, tzinfo=UTC) if verified else None,
    )
    body = f"From: {name} <{email}>\n\n请删除我的信息。".encode()
    case.attachments += [
        _attachment(AttachmentKind.ORIGINAL_MESSAGE, f"{name}.eml", body),
        _attachment(AttachmentKind.ID_DOCUMENT, f"{name}-身份证.jpg", f"ID {name}".encode()),
    ]
    case.notes.append(Note(author=HANDLER, text=f"电话联系了{name}"))
    case.messages.append(
        Message(
            direction=MessageDirection.INCOMING,
            channel="email",
            summary=f"{name}补充了材料 {email}",
            recorded_by=HANDLER,
        )
    )
    case.parties.append(
        Party(
            role=PartyRole.AUTHORISED_AGENT,
            name=f"{name}的代理人",
            email=f"agent.{email}",
            proof_type="power_of_attorney",
            proof_checked_by=HANDLER,
        )
    )
    case.verifications.append(
        IdentityVerification(
            method=VerificationMethod.ID_DOCUMENT,
            verified=verified,
            checked_by=HANDLER,
            checked_at=datetime(2026, 1, 6, 2, 0, tzinfo=UTC),
            note=f"证件姓名 {name}",
        )
    )
    case.pauses.append(
        CasePause(
            start_date=date(2026, 1, 5),
            end_date=date(2026, 1, 6),
            reason=PauseReason.IDENTITY_VERIFICATION,
            note=f"等待{name}的证件",
            created_by=HANDLER,
        )
    )
    letter_pdf = f"%PDF-1.4 尊敬的{name}：{email}".encode()
    case.letters.append(
        Letter(
            template_key="acknowledgement",
            template_version="test",
            language="zh",
            pdf=letter_pdf,
            sha256=hashlib.sha256(letter_pdf).hexdigest(),
            generated_by=HANDLER,
            sent_proof=f"sent to {email}",
        )
    )
    session.add(case)
    record_event(session, "case.created", case=case, actor=HANDLER, payload={"source": "test"})
    return case


def _attachment(kind: AttachmentKind, file_name: str, content: bytes) -> Attachment:
    return Attachment(
        kind=kind,
        file_name=file_name,
        media_type="application/octet-stream",
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )


def decrypted_pages(path: Path, key: RawKey) -> bytes:
    """Return every page of the closed SQLCipher 4 database at ``path`` decrypted (free pages
    included), so a test can look for text that is no longer in any row."""
    data = path.read_bytes()
    pages = []
    for number in range(len(data) // PAGE_SIZE):
        raw = data[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        start = SALT if number == 0 else 0
        iv = raw[PAGE_SIZE - RESERVED : PAGE_SIZE - RESERVED + 16]
        decryptor = Cipher(algorithms.AES(key.key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(raw[start : PAGE_SIZE - RESERVED]) + decryptor.finalize())
    return b"".join(pages)
