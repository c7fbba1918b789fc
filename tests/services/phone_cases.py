"""A request taken by phone from Li Lei (13800138000) and the case it is recorded as by manual
intake: the shared set-up of the tests on typed text and on workflow reversals."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, Channel
from app.services.deadlines import RuleBook
from app.services.manual_intake import ManualRequest, record_manual_request
from app.store import Database

# 30 September 2026, 10:00 in Beijing (02:00 UTC): the call the case is recorded from.
CALLED_AT = datetime(2026, 9, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def phone_request(kind: CaseKind, summary: str, received_at: datetime = CALLED_AT) -> ManualRequest:
    """Li Lei's request of ``kind``, taken by phone at aware ``received_at``, as ``summary``."""
    return ManualRequest(
        channel=Channel.PHONE,
        received_at=received_at,
        kind=kind,
        requester_name="Li Lei",
        phone="13800138000",
        summary=summary,
    )


def phone_case(
    database: Database,
    rule_book: RuleBook,
    request: ManualRequest,
    *,
    today: date,
    now: datetime,
) -> str:
    """Record ``request`` as handler "li" on ``today`` at aware ``now``; returns the case's
    reference."""
    with database.session() as session:
        return record_manual_request(
            session, request, rule_book, today=today, actor="li", now=now
        ).reference


def case_at(session: Session, reference: str) -> Case:
    """The case with ``reference`` (exactly one)."""
    return session.scalars(select(Case).where(Case.reference == reference)).one()
