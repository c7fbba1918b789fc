"""A year's official holiday schedule entered from a file must be the whole year: compared with
what the ``holidays`` package names for it. Expected values are worked out from the 2026 State
Council notice (国办发明电〔2025〕7号, resources/calendars/examples/cn-2026.toml) and the package's
own 2026 list (8 occasions, 22 dates: 6 of them 调休 days off), not from the code."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ScheduleError
from app.models import Event
from app.resources import resource_path
from app.services.calendar_schedules import calendar_overrides, store_schedule
from app.services.deadlines import DayReason, WorkingCalendar
from app.services.schedule_completeness import package_holidays
from app.services.schedule_files import load_schedule_file
from app.store import Database

CN = "holidays:CN"
EXAMPLE_2026 = resource_path("calendars", "examples", "cn-2026.toml")
HEADER_2026 = 'calendar = "holidays:CN"\nyear = 2026\nsource = "国办发明电〔2025〕7号"\n'
# The notice's days off that fall Monday-Friday, and its 调休 Saturdays and Sundays worked.
WEEKDAYS_OFF_2026 = [
    date(2026, 1, 1), date(2026, 1, 2),
    date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19),
    date(2026, 2, 20), date(2026, 2, 23),
    date(2026, 4, 6),
    date(2026, 5, 1), date(2026, 5, 4), date(2026, 5, 5),
    date(2026, 6, 19),
    date(2026, 9, 25),
    date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7),
]  # fmt: skip
WORKED_2026 = [
    date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28),
    date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10),
]  # fmt: skip


def _file(tmp_path: Path, text: str, name: str = "schedule.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _without(tmp_path: Path, word: str, extra: str = "") -> Path:
    """The 2026 example without every line mentioning ``word``, plus ``extra``."""
    lines = EXAMPLE_2026.read_text("utf-8").splitlines()
    kept = "\n".join(line for line in lines if word not in line)
    return _file(tmp_path, kept + "\n" + extra)


def test_the_package_names_the_eight_statutory_holidays_of_2026() -> None:
    # 全国年节及纪念日放假办法 (2024 amendment): 元旦, 春节 (with 除夕), 清明, 劳动节, 端午,
    # 中秋, 国庆. The package's 6 "Day off (substituted from ...)" dates are no occasion.
    occasions, dates = package_holidays(CN, 2026)
    assert [(h.name, h.local_name) for h in occasions] == [
        ("New Year's Day", "元旦"),
        ("Chinese New Year's Eve", "农历除夕"),
        ("Chinese New Year (Spring Festival)", "春节"),
        ("Tomb-Sweeping Day", "清明节"),
        ("Labor Day", "劳动节"),
        ("Dragon Boat Festival", "端午节"),
        ("Mid-Autumn Festival", "中秋节"),
        ("National Day", "国庆节"),
    ]
    national_day = occasions[-1].days  # 1-3 Oct and the observed Mon 5 Oct (4 Oct is Sunday)
    assert national_day == {date(2026, 10, d) for d in (1, 2, 3, 5)}
    assert len(dates) == 22


def test_the_real_2026_schedule_is_accepted_and_counts_as_the_notice_says(
    database: Database,
) -> None:
    schedule = load_schedule_file(EXAMPLE_2026)
    # 3 + 9 + 3 + 5 + 3 + 3 + 7 days off (the notice's "共N天"), 6 make-up working days.
    assert (len(schedule.holidays), len(schedule.working_days)) == (33, 6)
    with database.session() as session:
        store_schedule(session, schedule, actor="admin")
        calendar = WorkingCalendar(CN, overrides=calendar_overrides(session, CN))
    assert calendar.is_official_year(2026)
    assert all(calendar.reason(d) is DayReason.HOLIDAY for d in WEEKDAYS_OFF_2026)
    assert all(calendar.reason(d) is DayReason.MAKEUP_WORKING_DAY for d in WORKED_2026)
    # Wed 8 Oct 2026 is the first working day after National Day.
    assert calendar.reason(date(2026, 10, 8)) is DayReason.WORKING_DAY


def test_a_schedule_without_national_day_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError) as refused:
        load_schedule_file(_without(tmp_path, "国庆节"))
    assert str(refused.value) == (
        "The schedule for holidays:CN 2026 has no day off for National Day (国庆节): add the "
        "days off from the notice, or name each under [not_observed] with the reason."
    )
    assert "\n" not in str(refused.value)


def test_every_missing_holiday_is_named(tmp_path: Path) -> None:
    lines = EXAMPLE_2026.read_text("utf-8").splitlines()
    kept = [line for line in lines if "端午节" not in line and "中秋节" not in line]
    with pytest.raises(ScheduleError, match=r"for Dragon Boat Festival \(端午节\), Mid-Autumn"):
        load_schedule_file(_file(tmp_path, "\n".join(kept)))


def test_a_file_of_three_days_is_refused_as_too_short(tmp_path: Path) -> None:
    text = (
        HEADER_2026 + '[holidays]\n2026-02-16 = "春节"\n2026-02-17 = "春节"\n2026-02-18 = "春节"\n'
    )
    with pytest.raises(ScheduleError) as refused:
        load_schedule_file(_file(tmp_path, text))
    # 60 % of the package's 22 holiday dates of 2026 is 13.2: at least 14 days off.
    assert str(refused.value) == (
        "The schedule for holidays:CN 2026 lists 3 days off, fewer than 14 of the 22 holiday "
        "days the holidays package has: enter the whole published notice, or correct single "
        "days in Settings."
    )


def test_not_observed_accepts_a_missing_holiday_and_is_audited(
    database: Database, tmp_path: Path
) -> None:
    reason = "hypothetical: notice moved the holiday (test)"
    path = _without(tmp_path, "国庆节", f'[not_observed]\n"国庆节" = "{reason}"\n')
    schedule = load_schedule_file(path)
    assert schedule.not_observed == {"国庆节": reason}
    assert len(schedule.holidays) == 26  # 33 less National Day's 7
    with database.session() as session:
        store_schedule(session, schedule, actor="admin")
        events = {e.action: e.payload for e in session.scalars(select(Event))}
    assert events["calendar.schedule_entered"]["not_observed"] == {"国庆节": reason}
    assert events["calendar.holidays_not_observed"] == {
        "calendar": CN,
        "year": 2026,
        "holidays": {"国庆节": reason},
    }


def test_not_observed_needs_a_known_name_and_a_reason(tmp_path: Path) -> None:
    unknown = _without(tmp_path, "国庆节", '[not_observed]\n"国庆" = "typo"\n')
    with pytest.raises(ScheduleError, match=r"does not have in 2026; use one of: New Year's Day"):
        load_schedule_file(unknown)
    no_reason = _without(tmp_path, "国庆节", '[not_observed]\n"National Day" = " "\n')
    with pytest.raises(ScheduleError, match=r"gives no reason for National Day \(国庆节\)"):
        load_schedule_file(no_reason)


def test_a_worked_wednesday_is_refused(tmp_path: Path) -> None:
    # Wed 17 Jun 2026 (Dragon Boat Festival is Fri 19 Jun); [working_days] ends the file.
    text = EXAMPLE_2026.read_text("utf-8") + '2026-06-17 = "端午节调休上班"\n'
    with pytest.raises(ScheduleError) as refused:
        load_schedule_file(_file(tmp_path, text))
    assert str(refused.value) == (
        "Make-up working day 2026-06-17 is a weekday (Wednesday), not a Saturday or Sunday; "
        "list only rest days that are worked."
    )


def test_inconsistent_files_are_refused(tmp_path: Path) -> None:
    both = EXAMPLE_2026.read_text("utf-8") + '2026-10-03 = "国庆节调休上班"\n'  # a Saturday
    with pytest.raises(ScheduleError, match="2026-10-03 is listed both as holiday and working"):
        load_schedule_file(_file(tmp_path, both, "both.toml"))
    outside = EXAMPLE_2026.read_text("utf-8").replace("2026-10-07 =", "2027-10-07 =")
    with pytest.raises(ScheduleError, match="Holiday 2027-10-07 is not in 2026"):
        load_schedule_file(_file(tmp_path, outside, "outside.toml"))
    # The same day twice: as the same key (TOML), and spelt two ways (ISO basic format).
    twice = EXAMPLE_2026.read_text("utf-8").replace(
        '2026-10-07 = "国庆节"', '2026-10-07 = "a"\n2026-10-07 = "b"'
    )
    with pytest.raises(ScheduleError, match=r"'schedule\.toml' lists a day twice"):
        load_schedule_file(_file(tmp_path, twice))
    spelt = EXAMPLE_2026.read_text("utf-8").replace(
        '2026-10-07 = "国庆节"', '2026-10-07 = "a"\n"20261007" = "b"'
    )
    with pytest.raises(ScheduleError, match="2026-10-07 is listed twice"):
        load_schedule_file(_file(tmp_path, spelt, "spelt.toml"))


def test_a_holiday_named_in_the_file_may_move_a_few_days_not_a_month(tmp_path: Path) -> None:
    # The package puts Mid-Autumn 2026 on Fri 25 Sep. A (hypothetical) notice giving Mon 28 Sep
    # off by name is accepted; the same name on 25 Oct (a mistyped month) is not.
    moved = EXAMPLE_2026.read_text("utf-8").replace(
        '2026-09-25 = "中秋节"\n2026-09-26 = "中秋节"\n2026-09-27 = "中秋节"',
        '2026-09-28 = "中秋节"',
    )
    assert (
        load_schedule_file(_file(tmp_path, moved, "moved.toml")).holidays[date(2026, 9, 28)]
        == "中秋节"
    )
    typo = moved.replace("2026-09-28", "2026-10-28")
    with pytest.raises(ScheduleError, match=r"Mid-Autumn Festival \(中秋节\)"):
        load_schedule_file(_file(tmp_path, typo, "typo.toml"))


def test_other_calendars_are_compared_with_the_package_too(tmp_path: Path) -> None:
    # England 2026 bank holidays (Banking and Financial Dealings Act 1971 + proclamations):
    # 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, Boxing Day observed Mon 28 Dec.
    days = ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]
    header = 'calendar = "holidays:GB-ENG"\nyear = 2026\nsource = "gov.uk/bank-holidays"\n'
    table = "".join(f'2026-{d} = "bank holiday"\n' for d in days)
    whole = _file(tmp_path, header + "[holidays]\n" + table, "eng.toml")
    assert len(load_schedule_file(whole).holidays) == 8
    without_boxing_day = (
        header + "[holidays]\n" + table.replace('2026-12-28 = "bank holiday"\n', "")
    )
    with pytest.raises(ScheduleError, match="has no day off for Boxing Day:"):
        load_schedule_file(_file(tmp_path, without_boxing_day, "eng2.toml"))


def test_a_schedule_without_days_off_is_refused_even_where_the_package_has_none(
    tmp_path: Path,
) -> None:
    # holidays has no Chinese holidays for year 9999: nothing to compare, still not a schedule.
    text = 'calendar = "holidays:CN"\nyear = 9999\nsource = "x"\n[holidays]\n'
    with pytest.raises(ScheduleError, match=r"^The schedule for holidays:CN 9999 lists no days"):
        load_schedule_file(_file(tmp_path, text))
