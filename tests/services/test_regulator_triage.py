"""A letter triaged as a regulator's inquiry after the import took it for something else takes
the time limit the letter states (app.services.regulator_deadline.retime_after_triage)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.services.clock import DueDateSource, stated_due_source
from app.services.deadlines import RuleBook, load_rule_book
from app.services.regulator_deadline import retime_after_triage
from app.services.workflow import triage
from app.store import Database
from tests.services.regulator_letters import COMPLAINT, import_inquiry, inquiry_mail

TODAY = date(2026, 11, 30)
# Friday 27 November 2026, 09:30 in Beijing.
DATE_HEADER = "Fri, 27 Nov 2026 09:30:00 +0800"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _import(session: Session, rule_book: RuleBook, tmp_path: Path, limit: str) -> Case:
    mail = inquiry_mail(COMPLAINT.format(limit=limit), date_header=DATE_HEADER)
    return import_inquiry(session, rule_book, tmp_path, mail)


def _triaged(database: Database, rule_book: RuleBook, tmp_path: Path, limit: str) -> tuple:
    with database.session() as session:
        case = _import(session, rule_book, tmp_path, limit)
        triage(session, case, kind=CaseKind.REGULATOR_INQUIRY, actor="li")
        retime_after_triage(session, case, rule_book, today=TODAY, actor="li")
        return case.due_date, stated_due_source(case), case.review_flags


def test_the_letters_own_limit_times_the_inquiry(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 15 working days from Friday 27 November (day 0): 30 Nov–4 Dec 1–5, 7–11 Dec 6–10,
    # 14–18 Dec 11–15: Friday 18 December 2026 (no holiday or make-up day in between).
    due, source, _flags = _triaged(database, rule_book, tmp_path, "请于十五个工作日内")
    assert (due, source) == (date(2026, 12, 18), DueDateSource.REGULATOR_LETTER)


def test_a_letter_stating_no_limit_is_flagged_for_a_person(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    due, source, flags = _triaged(database, rule_book, tmp_path, "请尽快")
    assert (due, source) == (None, None)
    assert ReviewFlag.NO_DEADLINE.value in flags


def _imported(database: Database, rule_book: RuleBook, tmp_path: Path, limit: str) -> tuple:
    """Import the letter and keep the import's own triage (no person has corrected it)."""
    with database.session() as session:
        case = _import(session, rule_book, tmp_path, limit)
        return case.kind, case.jurisdiction, case.due_date, case.review_flags


def test_the_import_reads_a_government_domains_inquiry_as_one(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # example.gov.cn is no listed regulator: an inquiry by its wording (我办收到, 投诉举报 passed
    # on), for a person to confirm; 15 working days from Friday 27 November: 18 December 2026.
    kind, jurisdiction, due, flags = _imported(database, rule_book, tmp_path, "请于十五个工作日内")
    assert (kind, jurisdiction, due) == (CaseKind.REGULATOR_INQUIRY, "CN", date(2026, 12, 18))
    assert {
        ReviewFlag.REGULATOR_INQUIRY.value,
        ReviewFlag.UNLISTED_REGULATOR_SENDER.value,
    } <= set(flags)


@pytest.mark.parametrize(
    ("limit", "due"),
    [
        # One month from Friday 27 November 2026 (day 0): Sunday 27 December (民法典 art. 202),
        # a day off, not rolled: China's rule set does not roll (cn.toml roll = "none").
        ("请于一个月内", date(2026, 12, 27)),
        # Two weeks = 14 calendar days: Friday 11 December 2026, a working day.
        ("请于两周内", date(2026, 12, 11)),
    ],
)
def test_a_limit_in_months_or_weeks_is_counted_from_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, limit: str, due: date
) -> None:
    assert _imported(database, rule_book, tmp_path, limit)[2] == due


@pytest.mark.parametrize(
    ("limit", "due"),
    [
        # qa13 H4: the 27th of November as written, not "27日内" counted as 27 days (which gave
        # 21 December). A date on the day of receipt is on time, not past.
        ("请你公司于2026年11月27日内", date(2026, 11, 27)),
        # qa13 H4: 3 December as written (the period reading gave 26 November, already past).
        ("请你公司于2026年12月3日内", date(2026, 12, 3)),
        # No year: the next 3 December on or after receipt (27 November 2026).
        ("请于12月3日（星期四）前", date(2026, 12, 3)),
        ("请于十二月三日前", date(2026, 12, 3)),
        ("请于２０２６年１２月３日之前", date(2026, 12, 3)),
        # No year, month already past this year: 5 January 2027, 39 days after receipt.
        ("请于1月5日前", date(2027, 1, 5)),
        # Saturday 5 December 2026 stays: the regulator's date is not a period to roll on.
        ("请于12月5日前", date(2026, 12, 5)),
        # The earlier of the date and the period also stated (15 days: Sat 12 December).
        ("请于收到本函之日起十五日内、最迟不晚于2026年12月3日", date(2026, 12, 3)),
        ("please reply by 3 December 2026;", date(2026, 12, 3)),
        # Still periods: 15 calendar days from Friday 27 November is Saturday 12 December, a
        # day off, not rolled (cn.toml roll = "none").
        ("请于15日内", date(2026, 12, 12)),
        ("请于自收到本函之日起十五日内", date(2026, 12, 12)),
    ],
)
def test_a_date_the_letter_states_is_the_deadline(
    database: Database, rule_book: RuleBook, tmp_path: Path, limit: str, due: date
) -> None:
    _kind, _jurisdiction, imported_due, flags = _imported(database, rule_book, tmp_path, limit)
    assert imported_due == due
    assert ReviewFlag.NO_DEADLINE.value not in flags


@pytest.mark.parametrize(
    "limit",
    [
        "请于2026年11月26日前",  # the day before receipt: already past
        "请于11月26日前",  # next 26 November is a year away: this year's, already past
        "请于2026年2月30日前",  # no such day
        "please reply by 03/12/2026;",  # 3 December or 12 March
        "请于2028年12月3日前",  # two years ahead: a mistyped year
    ],
)
def test_a_stated_date_that_cannot_be_trusted_goes_to_a_person(
    database: Database, rule_book: RuleBook, tmp_path: Path, limit: str
) -> None:
    _kind, _jurisdiction, due, flags = _imported(database, rule_book, tmp_path, limit)
    assert due is None
    assert {ReviewFlag.NO_DEADLINE.value, ReviewFlag.REGULATOR_INQUIRY.value} <= set(flags)


def test_a_date_is_kept_when_a_person_triages_the_letter(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    due, source, _flags = _triaged(database, rule_book, tmp_path, "请于2026年12月3日前")
    assert (due, source) == (date(2026, 12, 3), DueDateSource.REGULATOR_LETTER)
