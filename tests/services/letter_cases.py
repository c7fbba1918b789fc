"""Cases for the letter-fit tests: an open case in progress with its clock computed, as intake
and triage leave it (Monday 2 November 2026, 10:00 in Beijing), its identity check, and the
export (copy) of its data categories that an access response reports."""

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import (
    CaseKind,
    CaseStatus,
    CategoryActionKind,
    Channel,
    ReceivedAtSource,
    VerificationMethod,
)
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook
from app.services.workflow import complete_action, set_action, start_work, triage
from app.services.workflow.inventory import load_inventory
from app.services.workflow.requester import record_verification
from tests.services.retention_factory import HANDLER, subject

TODAY = date(2026, 11, 29)
RECEIVED = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


def open_case(
    session: Session,
    rule_book: RuleBook,
    kind: CaseKind,
    jurisdiction: str = "CN",
    flags: tuple[str, ...] = (),
) -> Case:
    """Return a new case of ``kind`` in progress, with ``flags`` as its review flags."""
    count = session.scalar(select(func.count(Case.id))) or 0
    case = Case(
        reference=f"PD-2026-{count + 1:06d}",
        kind=kind,
        status=CaseStatus.NEW,
        jurisdiction=jurisdiction,
        channel=Channel.EMAIL,
        received_at=RECEIVED,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject(session, "张三", f"zs{count}@example.com"),
        review_flags=list(flags),
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    triage(session, case, assignee=HANDLER, actor=HANDLER)
    start_work(session, case, actor=HANDLER)
    return case


def verify(session: Session, case: Case, rule_book: RuleBook) -> None:
    """Record a successful identity check the day after receipt."""
    record_verification(
        session,
        case,
        rule_book,
        method=VerificationMethod.ACCOUNT_LOGIN,
        verified=True,
        checked_at=datetime(2026, 11, 3, 2, 0, tzinfo=UTC),
        today=TODAY,
        actor=HANDLER,
    )


EXPORTED_AT = datetime(2026, 11, 19, 17, 30, tzinfo=UTC)  # 20 November 2026, 01:30 in Beijing


def export_categories(
    session: Session, case: Case, categories: tuple[str, ...] = (), *, done: bool = True
) -> None:
    """Record the export (copy) of ``categories`` (every category of the shipped inventory
    when none are named), done at ``EXPORTED_AT`` unless ``done`` is false."""
    for category in categories or tuple(load_inventory().categories):
        set_action(session, case, category, CategoryActionKind.EXPORT, actor=HANDLER)
        if done:
            complete_action(session, case, category, actor=HANDLER, done_at=EXPORTED_AT)
