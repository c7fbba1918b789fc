"""A deadline a letter states as a calendar date is read as that date, never its day number
as a period (qa13 H4: "于2026年11月27日内" was read as "within 27 days")."""

import time

import pytest

from app.services.intake.stated_limit import (
    StatedDate,
    StatedLimit,
    find_stated_limit,
    find_stated_limits,
)


def _on(evidence: str, year: int | None, month: int, day: int) -> StatedLimit:
    return StatedLimit(0, "date", evidence, StatedDate(year, month, day))


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("请你公司于2026年11月27日内书面说明情况", _on("2026年11月27日内", 2026, 11, 27)),
        ("请你公司于2026年12月3日内书面说明情况", _on("2026年12月3日内", 2026, 12, 3)),
        ("请于12月3日前报送", _on("12月3日前", None, 12, 3)),
        ("请于12月3日（星期四）前报送", _on("12月3日（星期四）前", None, 12, 3)),
        ("请于12月3日(周四)前报送", _on("12月3日(周四)前", None, 12, 3)),
        ("请于2026年12月3日之前报送", _on("2026年12月3日之前", 2026, 12, 3)),
        ("请于２０２６年１２月３日前报送", _on("２０２６年１２月３日前", 2026, 12, 3)),
        ("请于十二月三日前报送", _on("十二月三日前", None, 12, 3)),
        ("请于二〇二六年十二月三日以前报送", _on("二〇二六年十二月三日以前", 2026, 12, 3)),
        ("請於2026年12月3日前回覆", _on("2026年12月3日前", 2026, 12, 3)),
        ("请于12月3日17时前报送", _on("12月3日17时前", None, 12, 3)),
        ("截止日期为2026年12月3日", _on("截止日期为2026年12月3日", 2026, 12, 3)),
        ("最迟不晚于12月3日报送", _on("不晚于12月3日", None, 12, 3)),
        ("2026年12月3日までに回答", _on("2026年12月3日まで", 2026, 12, 3)),
        ("2026년 12월 3일까지 제출", _on("2026년 12월 3일까지", 2026, 12, 3)),
        ("Please reply by 3 December 2026.", _on("by 3 December 2026", 2026, 12, 3)),
        ("no later than 3 December", _on("no later than 3 December", None, 12, 3)),
        ("by December 3, 2026", _on("by December 3, 2026", 2026, 12, 3)),
        ("by the 3rd of December", _on("by the 3rd of December", None, 12, 3)),
        ("until 03.12.2026", _on("until 03.12.2026", 2026, 12, 3)),
        ("by 2026-12-03", _on("by 2026-12-03", 2026, 12, 3)),
        ("by 12/25/2026", _on("by 12/25/2026", 2026, 12, 25)),
        ("avant le 3 décembre 2026", _on("avant le 3 décembre 2026", 2026, 12, 3)),
        (
            "au plus tard le jeudi 1er décembre",
            _on("au plus tard le jeudi 1er décembre", None, 12, 1),
        ),
        ("bis zum 3. Dezember 2026", _on("bis zum 3. Dezember 2026", 2026, 12, 3)),
        ("bis Donnerstag, den 3. Dezember", _on("bis Donnerstag, den 3. Dezember", None, 12, 3)),
        ("bis 3.12. antworten", _on("bis 3.12.", None, 12, 3)),
    ],
)
def test_a_stated_date_is_read_as_a_date(text: str, limit: StatedLimit) -> None:
    assert find_stated_limit(text) == limit


def test_day_and_month_in_unclear_order_are_left_to_a_person() -> None:
    # 03/04/2026 is 3 April (UK) or 4 March (US): marked ambiguous, never used as a date.
    limit = find_stated_limit("Please respond by 03/04/2026.")
    assert limit is not None and limit.on == StatedDate(2026, 4, 3, ambiguous=True)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("请于15日内报送", StatedLimit(15, "calendar_days", "15日内")),
        ("自收到本函之日起十五日内书面说明", StatedLimit(15, "calendar_days", "十五日内")),
        # The letter's own date is no deadline; the period after it is.
        ("2026年11月23日\n请于十个工作日内说明", StatedLimit(10, "working_days", "十个工作日内")),
        ("letter of 23 November 2026: within 14 days", StatedLimit(14, "calendar_days",
                                                                   "within 14 days")),
        # "前往" (go to) after a date is no deadline.
        ("你公司工作人员于11月20日前往我办", None),
        ("用户于11月20日前后多次投诉", None),
        # A month that is none (13月) is no date, and its day no period.
        ("13月27日内", None),
        ("12월 3일 이내", None),
        # Numbers that are no dates: a percentage, a fraction, a version.
        ("down by 3.5% within 10 days", StatedLimit(10, "calendar_days", "within 10 days")),
        ("cut by 1/2 within 10 days", StatedLimit(10, "calendar_days", "within 10 days")),
        ("fixed by 1.2.3 within 10 days", StatedLimit(10, "calendar_days", "within 10 days")),
    ],
)  # fmt: skip
def test_periods_and_non_deadlines_stay_as_they_are(text: str, limit: StatedLimit | None) -> None:
    assert find_stated_limit(text) == limit


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("请于收到本函之日起十五日内、最迟不晚于2026年12月3日报送", "不晚于2026年12月3日"),
        ("请于2026年12月3日前（即收到本函之日起十个工作日内）报送", "2026年12月3日前"),
        ("within 14 days, and in any case no later than 3 December 2026",
         "no later than 3 December 2026"),
    ],
)  # fmt: skip
def test_a_date_is_listed_before_a_period_the_letter_also_states(text: str, evidence: str) -> None:
    # Only the order of the statements; the counting takes the earliest of them
    # (tests/services/test_regulator_several_limits.py).
    limit = find_stated_limit(text)
    assert limit is not None and (limit.unit, limit.evidence) == ("date", evidence)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("请于2026-12-03前答复", _on("2026-12-03前", 2026, 12, 3)),
        ("请于2026/12/3之前报送", _on("2026/12/3之前", 2026, 12, 3)),
        ("请于２０２６－１２－０３前答复", _on("２０２６－１２－０３前", 2026, 12, 3)),
        ("截止日期：2026.12.03", _on("截止日期：2026.12.03", 2026, 12, 3)),
        ("不晚于 2026/12/03 报送", _on("不晚于 2026/12/03", 2026, 12, 3)),
    ],
)
def test_a_year_first_date_next_to_a_chinese_deadline_word_is_a_date(
    text: str, limit: StatedLimit
) -> None:
    # Year first, so no doubt of the order of day and month (never "ambiguous" as 3/12/2026).
    assert find_stated_limit(text) == limit


@pytest.mark.parametrize(
    "text", ["版本2026-12-03", "2026-12-03 收到投诉", "电话 2026-12-0312 前", "12026-12-03前"]
)
def test_a_year_first_date_without_a_deadline_word_is_none(text: str) -> None:
    assert find_stated_limit(text) is None


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        # qa14 F4: the slashed and dotted forms of Chinese official mail, year first.
        ("请于2026/12/10前反馈处理结果。", _on("2026/12/10前", 2026, 12, 10)),
        ("请于2026.12.10前反馈处理结果。", _on("2026.12.10前", 2026, 12, 10)),
        # Without a year: Chinese writes month first, so 12/10 is 10 December.
        ("请于12/10前反馈处理结果。", _on("12/10前", None, 12, 10)),
        ("请于１２／１０之前反馈", _on("１２／１０之前", None, 12, 10)),
        ("请于十二月十日前反馈处理结果。", _on("十二月十日前", None, 12, 10)),
        # A share "within" a bound is no date: 以内 is no cue for the year-less slashed form.
        ("请将比例控制在1/3以内", None),
    ],
)
def test_a_chinese_slashed_date_is_month_first(text: str, limit: StatedLimit | None) -> None:
    assert find_stated_limit(text) == limit


@pytest.mark.parametrize(
    ("text", "n", "unit"),
    [
        # qa14 F14: continental regulators write in their languages, numbers as words.
        ("Wir bitten Sie, innerhalb von zwei Wochen Stellung zu nehmen.", 14, "calendar_days"),
        # Werktage (Mon-Sat) are read as calendar days: never later (qa15 R1).
        ("Bitte antworten Sie binnen zehn Werktagen.", 10, "working_days_mon_sat"),
        ("Bitte antworten Sie binnen zehn Arbeitstagen.", 10, "working_days"),
        ("innerhalb eines Monats", 1, "months"),
        ("Merci de répondre dans un délai de deux semaines.", 14, "calendar_days"),
        ("dans un délai de quinze jours ouvrables", 15, "working_days_mon_sat"),
        ("dans un délai d'un mois", 1, "months"),
        ("Le rogamos que responda en el plazo de dos semanas.", 14, "calendar_days"),
        ("en el plazo de quince días", 15, "calendar_days"),
        ("en un plazo máximo de diez días hábiles", 10, "working_days"),
        ("dentro de un mes", 1, "months"),
        ("La preghiamo di rispondere entro 15 giorni.", 15, "calendar_days"),
        ("entro quindici giorni lavorativi", 15, "working_days"),
        ("nel termine di trenta giorni", 30, "calendar_days"),
        ("entro due mesi", 2, "months"),
        ("Wij verzoeken u binnen twee weken te reageren.", 14, "calendar_days"),
        ("binnen tien werkdagen", 10, "working_days"),
        ("binnen een maand", 1, "months"),
    ],
)
def test_a_period_in_a_continental_language_is_read(text: str, n: int, unit: str) -> None:
    limit = find_stated_limit(text)
    assert limit is not None and (limit.n, limit.unit) == (n, unit)


def test_every_statement_is_kept_dates_first_in_the_order_written() -> None:
    # An account of events opens with a deadline word: only the receipt tells it from a limit,
    # so the limits after it are kept for the counting (app.services.regulator_deadline).
    text = "2026年11月3日前，我办收到投诉。请于十五日内、最迟不晚于12月18日书面答复。"
    assert find_stated_limits(text) == (
        _on("2026年11月3日前", 2026, 11, 3),
        _on("不晚于12月18日", None, 12, 18),
        StatedLimit(15, "calendar_days", "十五日内"),
    )
    limit = find_stated_limit(text)
    assert limit is not None and limit.fallbacks == find_stated_limits(text)[1:]


@pytest.mark.parametrize(
    "text", ["1" * 200_000, "一" * 100_000 + "日内", "12月" * 50_000, "by " * 50_000]
)
def test_hostile_runs_are_read_in_linear_time(text: str) -> None:
    # A run of digits is tried once from its start (quadratic before: 33 s for 20,000 digits,
    # so hours for these); a run longer than any limit ("三百六十五") is no limit. A guard
    # against a hang, not a speed target (those are in benchmarks/): this thread's CPU time,
    # which other programs on the machine do not add to (wall time went from 3 to 9.5 s under
    # load), against a bound ten times what a linear reading takes here (1-3 s).
    started = time.thread_time()
    assert find_stated_limit(text) is None
    assert time.thread_time() - started < 30
