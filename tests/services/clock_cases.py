"""A case timed by its rule from a given receipt, as the importer leaves one: the shared set-up
of the clock tests (test_clock, test_stated_due_date, test_due_date_by_hand)."""

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook


def timed_case(
    session: Session,
    rule_book: RuleBook,
    *,
    kind: CaseKind,
    received: datetime,
    today: date,
    jurisdiction: str = "CN",
    status: CaseStatus = CaseStatus.IN_PROGRESS,
    reference: str = "PD-2026-000001",
) -> Case:
    """Add an e-mailed case received at aware ``received`` (its Date: header) and compute its
    clock as of ``today``; returns it."""
    case = Case(
        reference=reference,
        kind=kind,
        status=status,
        jurisdiction=jurisdiction,
        channel=Channel.EMAIL,
        received_at=received,
        received_at_source=ReceivedAtSource.DATE_HEADER,
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=today)
    return case
