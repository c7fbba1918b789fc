"""A case timed by its rule from a given receipt, as the importer leaves one: the shared set-up
of the clock tests (test_clock, test_clock_gates, test_stated_due_date, test_due_date_by_hand)."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models import Case, CasePause
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
    pauses: Sequence[CasePause] = (),
) -> Case:
    """Add an e-mailed case received at aware ``received`` (its Date: header) with ``pauses``
    already on record (as a case imported before its clock was first computed may have), and
    compute its clock as of ``today``; returns it."""
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
    case.pauses.extend(pauses)
    recompute_clock(session, case, rule_book, cause="case_created", today=today)
    return case
