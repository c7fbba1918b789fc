"""A regulator's stated period is counted again from the period on record when the receipt is
corrected or a calendar day changes; only a date that moves is stored and audited, and the
letter is not read again (app.services.clock._recount_letter_limit).

Dates worked out by hand on the State Council's 2026 schedule (国办发明电〔2025〕7号: no
holiday or make-up working day in November or December 2026); day 0 is the receipt day in
Asia/Shanghai (民法典 art. 201).
"""

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attachment, Case, Event
from app.models.enums import AttachmentKind
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_calendar import set_day_override
from app.store import Database
from tests.services.regulator_letters import COMPLAINT, import_inquiry, inquiry_mail

TODAY = date(2026, 11, 30)
BEIJING = timezone(timedelta(hours=8))
# Imported Mon 30 Nov 2026, 10:00 Beijing.
IMPORTED = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
TEN_WORKING_DAYS = "请于十个工作日内"  # Tue 1 - Fri 4 Dec (4), 7-11 (9), Mon 14 Dec (10)
STATED_DATE = "请于2026年12月10日前"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _inquiry(session: Session, rule_book: RuleBook, tmp_path: Path, limit: str) -> Case:
    mail = inquiry_mail(COMPLAINT.format(limit=limit))  # no Date: received as imported
    return import_inquiry(session, rule_book, tmp_path, mail, file_time=IMPORTED)


def _stated_events(session: Session, case: Case) -> list[dict[str, object]]:
    query = (
        select(Event.payload)
        .where(Event.case_id == case.id, Event.action == "clock.stated_deadline")
        .order_by(Event.id)
    )
    return [dict(payload) for payload in session.scalars(query)]


@pytest.mark.parametrize(
    ("limit", "due"), [(TEN_WORKING_DAYS, date(2026, 12, 14)), (STATED_DATE, date(2026, 12, 10))]
)
def test_a_calendar_day_that_moves_no_letters_date_records_nothing(
    database: Database, rule_book: RuleBook, tmp_path: Path, limit: str, due: date
) -> None:
    # Sat 19 Dec made a working day: after both due dates, so neither moves. Before, each
    # calendar change recorded a clock.stated_deadline event on every open inquiry.
    with database.session() as session:
        case = _inquiry(session, rule_book, tmp_path, limit)
        assert case.due_date == due
        changed = set_day_override(
            session,
            rule_book,
            "holidays:CN",
            date(2026, 12, 19),
            working=True,
            name="调休上班",
            actor="admin",
            today=TODAY,
        )
        assert (changed, case.due_date) == ([], due)
        assert len(_stated_events(session, case)) == 1  # the import's


def test_a_corrected_receipt_counts_the_period_on_record_and_names_its_cause(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Received Fri 20 Nov, 10:00 Beijing: Mon 23 - Fri 27 Nov (5), 30 Nov - Fri 4 Dec (10).
    with database.session() as session:
        case = _inquiry(session, rule_book, tmp_path, TEN_WORKING_DAYS)
        # The stored letter no longer states the period (here overwritten): the recount
        # takes it from the record of the count, not from the letter read again.
        original = next(a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE)
        session.execute(
            Attachment.__table__.update()
            .where(Attachment.id == original.id)
            .values(content=inquiry_mail(COMPLAINT.format(limit="请尽快")))
        )
        session.expire(case)
        received = datetime(2026, 11, 20, 10, 0, tzinfo=BEIJING)
        confirm_receipt(session, case, rule_book, received_at=received, today=TODAY, actor="li")
        assert case.due_date == date(2026, 12, 4)
        recount = _stated_events(session, case)[-1]
        assert {k: recount[k] for k in ("cause", "n", "unit", "due_date")} == {
            "cause": "receipt_confirmed",
            "n": 10,
            "unit": "working_days",
            "due_date": "2026-12-04",
        }


def test_a_recount_into_a_year_without_an_official_schedule_stays_provisional(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 30 working days from Mon 30 Nov 2026: December has 23 (1-4, 7-11, 14-18, 21-25, 28-31),
    # Fri 1 Jan 2027 is New Year's Day, then Mon 4 - Fri 8 Jan (28), Mon 11 (29), Tue 12 Jan
    # (30): counted on 2027, whose schedule the State Council has not published (the
    # holidays library estimates it), so provisional. Sat 19 Dec made a working day: the 30th
    # is Mon 11 Jan, still on 2027's estimate, so still provisional.
    with database.session() as session:
        case = _inquiry(session, rule_book, tmp_path, "请于三十个工作日内")
        assert (case.due_date, case.due_provisional) == (date(2027, 1, 12), True)
        set_day_override(
            session,
            rule_book,
            "holidays:CN",
            date(2026, 12, 19),
            working=True,
            name="调休上班",
            actor="admin",
            today=TODAY,
        )
        assert (case.due_date, case.due_provisional) == (date(2027, 1, 11), True)
        assert "provisional_deadline" in case.review_flags


def test_a_corrected_receipt_weighs_every_limit_the_letter_states(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA15 C1. Received Fri 20 Nov 2026, 10:00 Beijing: "十日内" ends Mon 30 Nov (day 0 the
    # receipt, 民法典 art. 201; not rolled in China), before the stated 4 Dec: due 30 Nov,
    # flagged several limits. The receipt corrected to Mon 30 Nov: ten days end Thu 10 Dec, so
    # the stated Fri 4 Dec is now the earliest and binds. Recounting the period alone gave
    # 10 Dec, six days after the date the regulator wrote.
    limit = "请于十日内书面答复，并于2026年12月4日前提交整改报告"
    mail = inquiry_mail(COMPLAINT.format(limit=limit))
    with database.session() as session:
        case = import_inquiry(
            session, rule_book, tmp_path, mail, file_time=datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
        )
        assert case.due_date == date(2026, 11, 30)
        assert "several_stated_limits" in case.review_flags
        received = datetime(2026, 11, 30, 10, 0, tzinfo=BEIJING)
        confirm_receipt(session, case, rule_book, received_at=received, today=TODAY, actor="li")
        assert case.due_date == date(2026, 12, 4)
