"""Calendar overrides from settings: years and their status, a year's days, single-day
overrides and schedule files, each recomputing open cases. Dates worked out by hand."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ScheduleError
from app.models import Event
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines import RuleBook, load_rule_book
from app.services.makeup_days import MadeUpHoliday
from app.services.settings_calendar import (
    CalendarDayRow,
    YearStatus,
    calendar_years,
    calendars,
    enter_schedule_file,
    remove_day_override,
    set_day_override,
    year_days,
)
from app.store import Database
from tests.services.settings_factory import TODAY, open_case

CN = "holidays:CN"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_a_day_off_moves_an_open_case_and_removing_it_moves_it_back(
    database: Database, rule_book: RuleBook
) -> None:
    # Received Mon 2 Nov 2026 (10:00 Shanghai); 15 working days from the next day:
    # 3-6 Nov = 1-4, 9-13 = 5-9, 16-20 = 10-14, Mon 23 Nov = 15.
    # With Wed 11 Nov a day off: 9, 10, 12, 13 = 5-8, 16-20 = 9-13, 23 = 14, Tue 24 Nov = 15.
    with database.session() as session:
        case = open_case(session, rule_book)
        assert case.due_date == date(2026, 11, 23)
        changed = set_day_override(
            session,
            rule_book,
            CN,
            date(2026, 11, 11),
            working=False,
            name="公司纪念日",
            actor="admin",
            today=TODAY,
        )
        assert changed == ["PD-2026-000001"]
        assert case.due_date == date(2026, 11, 24)
        assert CalendarDayRow(date(2026, 11, 11), False, "公司纪念日", True) in year_days(
            session, CN, 2026
        )
        remove_day_override(session, rule_book, CN, date(2026, 11, 11), actor="admin", today=TODAY)
        assert case.due_date == date(2026, 11, 23)
        actions = list(session.scalars(select(Event.action).order_by(Event.id)))
    assert actions[-4:] == [
        "calendar.day_set",
        "clock.recomputed",
        "calendar.day_removed",
        "clock.recomputed",
    ]


def test_a_makeup_saturday_shortens_the_count(database: Database, rule_book: RuleBook) -> None:
    # Sat 7 Nov 2026 worked: 3-7 Nov = 1-5, 9-13 = 6-10, 16-20 = 11-15 → Fri 20 Nov.
    with database.session() as session:
        case = open_case(session, rule_book)
        set_day_override(
            session,
            rule_book,
            CN,
            date(2026, 11, 7),
            working=True,
            name="调休",
            actor="admin",
            today=TODAY,
        )
        assert case.due_date == date(2026, 11, 20)
        with pytest.raises(ScheduleError, match="working day already"):
            set_day_override(
                session,
                rule_book,
                CN,
                date(2026, 11, 9),
                working=True,
                name="",
                actor="admin",
                today=TODAY,
            )


def test_a_corrected_day_leaves_the_rest_of_the_year_to_the_package(database: Database) -> None:
    # 2026 National Day: 1-7 Oct off; the package knows them, a correction must not erase them.
    with database.session() as session:
        rule_book = load_rule_book()
        set_day_override(
            session,
            rule_book,
            CN,
            date(2026, 11, 11),
            working=False,
            name="",
            actor="admin",
            today=TODAY,
        )
        days = {row.day: row for row in year_days(session, CN, 2026)}
        assert days[date(2026, 10, 1)].entered is False
        assert days[date(2026, 10, 1)].working is False
        years = {row.year: row for row in calendar_years(session, CN, TODAY)}
    assert years[2026].status == YearStatus.OFFICIAL and years[2026].corrections == 1
    assert years[2027].status == YearStatus.PROVISIONAL  # no 2027 notice in holidays 0.109
    assert years[2001].status == YearStatus.OFFICIAL


def test_a_schedule_file_makes_the_year_entered_and_recomputes(
    database: Database, rule_book: RuleBook
) -> None:
    # The 2026 notice (国办发明电〔2025〕7号) as shipped: 33 days off, 6 make-up working days.
    path = resource_path("calendars", "examples", "cn-2026.toml")
    with database.session() as session:
        schedule, _ = enter_schedule_file(session, rule_book, path, actor="admin", today=TODAY)
        years = {row.year: row for row in calendar_years(session, CN, TODAY)}
        days = {row.day: row for row in year_days(session, CN, 2026)}
    assert schedule.year == 2026
    assert years[2026].status == YearStatus.ENTERED
    assert days[date(2026, 10, 7)] == CalendarDayRow(date(2026, 10, 7), False, "国庆节", True)
    assert days[date(2026, 10, 10)] == CalendarDayRow(
        date(2026, 10, 10), True, "国庆节调休上班", True
    )


def test_an_incomplete_schedule_file_stores_nothing(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # A 2027 file with New Year's Day only: the package names 7 more holidays for 2027.
    path = tmp_path / "cn-2027.toml"
    path.write_text(
        'calendar = "holidays:CN"\nyear = 2027\nsource = "国办发明电〔2026〕N号"\n'
        '[holidays]\n2027-01-01 = "元旦"\n[working_days]\n2027-02-06 = "春节调休"\n',
        encoding="utf-8",
    )
    with database.session() as session:
        with pytest.raises(ScheduleError, match="lists 1 days off, fewer than"):
            enter_schedule_file(session, rule_book, path, actor="admin", today=TODAY)
        years = {row.year: row for row in calendar_years(session, CN, TODAY)}
    assert years[2027].status == YearStatus.PROVISIONAL


def test_a_single_day_correction_of_a_provisional_year_needs_no_whole_year(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        set_day_override(
            session,
            rule_book,
            CN,
            date(2027, 2, 6),
            working=True,
            name="春节调休",
            actor="admin",
            today=TODAY,
        )
        years = {row.year: row for row in calendar_years(session, CN, TODAY)}
    assert (years[2027].status, years[2027].corrections) == (YearStatus.PROVISIONAL, 1)


def test_calendars_and_unknown_specs(database: Database, rule_book: RuleBook) -> None:
    assert CN in calendars(rule_book)
    with database.session() as session, pytest.raises(ScheduleError, match="Unknown calendar"):
        year_days(session, "holidays:XX", 2026)


def test_a_day_off_entered_over_an_official_makeup_day_wins(
    database: Database, rule_book: RuleBook
) -> None:
    # Access received Wed 30 Sep 2026 10:00 Beijing: 15 working days after National Day, with
    # Sat 10 Oct the State Council's make-up working day, end Tue 27 Oct (reference E6). Made a
    # day off for this company, 10 Oct no longer counts and the last day is Wed 28 Oct.
    with database.session() as session:
        case = open_case(
            session,
            rule_book,
            CaseKind.ACCESS,
            received=datetime(2026, 9, 30, 2, 0, tzinfo=UTC),
        )
        assert case.due_date == date(2026, 10, 27)
        changed = set_day_override(
            session,
            rule_book,
            CN,
            date(2026, 10, 10),
            working=False,
            name="公司休息日",
            actor="admin",
            today=date(2026, 10, 1),
        )
        assert changed == ["PD-2026-000001"]
        assert case.due_date == date(2026, 10, 28)


def test_the_package_s_make_up_days_name_the_holiday_they_make_up_for(
    database: Database,
) -> None:
    # 2026 notice (国办发明电〔2025〕7号): Sun 20 Sep and Sat 10 Oct worked for National Day.
    with database.session() as session:
        days = {row.day: row for row in year_days(session, CN, 2026)}
    national_day = MadeUpHoliday(date(2026, 10, 1), "National Day")
    assert days[date(2026, 10, 10)] == CalendarDayRow(
        date(2026, 10, 10), True, "", False, national_day
    )
    assert days[date(2026, 9, 20)].makes_up_for == national_day
    assert [d for d, row in days.items() if row.working] == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert days[date(2026, 10, 1)].makes_up_for is None  # a day off makes up for nothing
