"""A regulator's letter stating several limits is due by the earliest (qa14 F1: a reply within
7 days and remediation by 31 December gave 31 December), flagged ``several_stated_limits``; a
stated period follows its jurisdiction's roll (qa14 F13: China does not roll a calendar-day
period past a weekend) and is provisional where it is counted on a year of the holiday calendar
without an official schedule (app.services.regulator_deadline.count_stated_limit).

Dates worked out by hand: day 0 is the receipt day (民法典 art. 201; Reg. 1182/71 art. 3(1));
months to the same day of the later month (民法典 art. 202); a calendar-day period ending on a
day off rolls to the next working day in the UK (uk.toml roll = "forward"), not in China
(cn.toml roll = "none", reference/deadlines.md §2.1). No holiday in England or China between
Mon 16 and Mon 23 Nov 2026.
"""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, WorkingCalendar, load_rule_book
from app.services.intake.stated_limit import find_stated_limit
from app.services.regulator_deadline import StatedDue, count_stated_limit
from app.store import Database
from tests.services.regulator_letters import import_inquiry, inquiry_mail

NOV_16 = date(2026, 11, 16)  # a Monday
# The letter's first lines: a complaint passed on, so that triage reads an inquiry.
OPENING = "我办收到用户关于注销账号后仍收到营销短信的投诉举报。"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _counted(rule_book: RuleBook, code: str, text: str) -> StatedDue | None:
    rule = next(iter(rule_book.rule_set(code).rules.values()))
    limit = find_stated_limit(text)
    assert limit is not None
    return count_stated_limit(limit, NOV_16, WorkingCalendar(rule.calendar), rule.roll)


@pytest.mark.parametrize(
    ("code", "text", "due", "several"),
    [
        # 7 days from Mon 16 Nov: Mon 23 Nov, a working day; 31 Dec is the remediation date.
        # The 1 October of the facts has no deadline word: no statement.
        (
            "CN",
            "用户于2026年10月1日投诉，请于收到本函后七日内答复，并于2026年12月31日前完成整改。",
            date(2026, 11, 23),
            True,
        ),
        (
            "UK",
            "Please send us your response within 7 days of this letter, and complete the "
            "remedial steps by 31 December 2026.",
            date(2026, 11, 23),
            True,
        ),
        # 5 working days: Tue 17 (1), Wed 18 (2), Thu 19 (3), Fri 20 (4), Mon 23 Nov (5).
        (
            "CN",
            "请于2026年12月31日前完成整改，并于五个工作日内报送整改方案。",
            date(2026, 11, 23),
            True,
        ),
        # A past date is the account of events (qa14 q8): 5 days, Sat 21 Nov, a day off in
        # England, rolled to Mon 23 Nov. Only one limit is left: no flag.
        (
            "UK",
            "Our letter of 1 October 2026 asked you to respond by 15 October 2026. Please now "
            "respond within 5 days.",
            date(2026, 11, 23),
            False,
        ),
        # One limit said twice is one limit.
        ("CN", "请于七日内答复。再次提醒：请务必于七日内答复。", date(2026, 11, 23), False),
        # The date is earlier than the period (15 days: Tue 1 Dec): the date, 27 Nov.
        ("CN", "请于十五日内答复，最迟不晚于2026年11月27日。", date(2026, 11, 27), True),
    ],
)
def test_the_earliest_limit_binds(
    rule_book: RuleBook, code: str, text: str, due: date, several: bool
) -> None:
    counted = _counted(rule_book, code, text)
    assert counted is not None and (counted.due_date, counted.several) == (due, several)


@pytest.mark.parametrize(
    "text",
    [
        # 3 December or 12 March: it might be earlier than the 7 days, so a person reads it.
        "Please reply within 7 days and complete the remedial steps by 03/12/2026.",
        # 30 February does not exist.
        "Please reply within 30 days and complete the remedial steps by 30 February 2027.",
    ],
)
def test_a_limit_that_cannot_be_trusted_leaves_the_deadline_to_a_person(
    rule_book: RuleBook, text: str
) -> None:
    assert _counted(rule_book, "UK", text) is None


def _imported(session: Session, rule_book: RuleBook, tmp_path: Path, body: str, day: str) -> Case:
    mail = inquiry_mail(OPENING + body, date_header=f"{day} 10:00:00 +0800")
    return import_inquiry(session, rule_book, tmp_path, mail)


def test_the_import_takes_the_reply_date_and_flags_the_later_one(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # qa14 F1, k08: 7 days from Mon 16 Nov 2026 is Mon 23 Nov, not the 31 December remediation.
    body = "用户于2026年10月1日投诉，请于收到本函后七日内答复，并于2026年12月31日前完成整改。"
    with database.session() as session:
        case = _imported(session, rule_book, tmp_path, body, "Mon, 16 Nov 2026")
        assert case.due_date == date(2026, 11, 23)
        assert ReviewFlag.SEVERAL_STATED_LIMITS.value in case.review_flags
        assert ReviewFlag.NO_DEADLINE.value not in case.review_flags


def test_a_chinese_calendar_period_ending_on_a_saturday_is_not_rolled(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # qa14 F13, q3: two months from Mon 16 Nov 2026 is Sat 16 Jan 2027 (民法典 art. 202). China's
    # rule set does not roll a calendar-day or month period (cn.toml roll = "none"), so it
    # stays on the Saturday (it was Mon 18 Jan). Nothing of the 2027 holiday schedule decides
    # that date, so it is not provisional; one limit: no several_stated_limits.
    with database.session() as session:
        case = _imported(
            session, rule_book, tmp_path, "请在两个月内完成整改并书面报告。", "Mon, 16 Nov 2026"
        )
        assert (case.due_date, case.due_provisional) == (date(2027, 1, 16), False)
        assert ReviewFlag.SEVERAL_STATED_LIMITS.value not in case.review_flags


def test_a_period_counted_on_a_provisional_year_is_provisional(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 15 working days from Mon 14 Dec 2026: Tue 15 - Fri 18 Dec (1-4), Mon 21 - Fri 25 (5-9),
    # Mon 28 - Thu 31 (10-13), Fri 1 Jan 2027 New Year's Day, Sat 2 and Sun 3 off, Mon 4 Jan
    # (14), Tue 5 Jan (15). 2027 has no official schedule yet (its make-up days and Spring
    # Festival are unknown): provisional, as a request's deadline is.
    with database.session() as session:
        case = _imported(
            session, rule_book, tmp_path, "请于十五个工作日内书面说明情况。", "Mon, 14 Dec 2026"
        )
        assert (case.due_date, case.due_provisional) == (date(2027, 1, 5), True)
        assert ReviewFlag.PROVISIONAL_DEADLINE.value in case.review_flags
