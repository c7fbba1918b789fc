"""Which holiday a make-up working day (调休上班) makes up for, against the State Council
notices the ``holidays`` package encodes (resources/calendars/official_years.toml sources)."""

from datetime import date

import pytest

from app.services.makeup_days import MadeUpHoliday, made_up_holiday

CN = "holidays:CN"


@pytest.mark.parametrize(
    ("worked_day", "expected"),
    [
        # 2026 (国办发明电〔2025〕7号): 国庆节 10月1日至7日放假调休,
        # 9月20日（周日）、10月10日（周六）上班.
        (date(2026, 9, 20), MadeUpHoliday(date(2026, 10, 1), "National Day")),
        (date(2026, 10, 10), MadeUpHoliday(date(2026, 10, 1), "National Day")),
        # 元旦 1月1日至3日, 1月4日（周日）上班; 春节 2月15日至23日,
        # 2月14日（周六）、2月28日（周六）上班; 劳动节 5月1日至5日, 5月9日（周六）上班.
        (date(2026, 1, 4), MadeUpHoliday(date(2026, 1, 1), "New Year's Day")),
        (date(2026, 2, 14), MadeUpHoliday(date(2026, 2, 17), "Chinese New Year (Spring Festival)")),
        (date(2026, 2, 28), MadeUpHoliday(date(2026, 2, 17), "Chinese New Year (Spring Festival)")),
        (date(2026, 5, 9), MadeUpHoliday(date(2026, 5, 1), "Labor Day")),
        # 2025: 国庆节、中秋节 10月1日至8日, 9月28日（周日）、10月11日（周六）上班.
        # National Day has three days of the block, Mid-Autumn one: named after National Day.
        (date(2025, 9, 28), MadeUpHoliday(date(2025, 10, 1), "National Day")),
        (date(2025, 10, 11), MadeUpHoliday(date(2025, 10, 1), "National Day")),
        # 2024: 清明节 4月4日至6日, 4月7日（周日）上班.
        (date(2024, 4, 7), MadeUpHoliday(date(2024, 4, 4), "Tomb-Sweeping Day")),
        # 2002 notice: Sat 29 Dec 2001 worked for New Year 2002 (a day in the year before).
        (date(2001, 12, 29), MadeUpHoliday(date(2002, 1, 1), "New Year's Day")),
    ],
)
def test_a_make_up_day_is_named_after_the_holiday_of_its_notice(
    worked_day: date, expected: MadeUpHoliday
) -> None:
    assert made_up_holiday(CN, worked_day) == expected


@pytest.mark.parametrize(
    ("calendar", "day"),
    [
        (CN, date(2026, 10, 17)),  # an ordinary Saturday
        (CN, date(2026, 10, 12)),  # a working Monday
        (CN, date(2027, 2, 6)),  # 2027: no notice in holidays 0.109, no make-up days known
        ("holidays:GB-ENG", date(2026, 12, 26)),  # no 调休 in England
        ("holidays:IN", date(2040, 3, 3)),  # a year the package only estimates (it warns)
        ("holidays:XX", date(2026, 10, 10)),  # not a calendar
        ("CN", date(2026, 10, 10)),  # not a spec
    ],
)
def test_no_holiday_where_none_is_made_up_for(calendar: str, day: date) -> None:
    assert made_up_holiday(calendar, day) is None
