"""Shared test data for the settings tests: an open China case and a small PNG."""

import io
from datetime import UTC, date, datetime

from PIL import Image
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook

TODAY = date(2026, 11, 29)


def png(colour: str = "red") -> bytes:
    """Return a 40 x 20 PNG image."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, "PNG")
    return buffer.getvalue()


def open_case(
    session: Session,
    rule_book: RuleBook,
    kind: CaseKind = CaseKind.DELETION,
    received: datetime = datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
    reference: str = "PD-2026-000001",
) -> Case:
    """Add a new China case received at ``received`` (10:00 Shanghai on Mon 2 Nov 2026)."""
    subject = DataSubject(display_name="张三")
    subject.identifiers.append(
        SubjectIdentifier(kind=IdentifierKind.EMAIL, value="zhang.san@example.com")
    )
    case = Case(
        reference=reference,
        kind=kind,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=received,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject,
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    return case
