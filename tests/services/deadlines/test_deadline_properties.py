"""Property tests (hypothesis) over every shipped rule (issue 3 acceptance)."""

from datetime import UTC, date, datetime, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.enums import CaseKind
from app.services.deadlines import PeriodUnit, Roll, RuleBook, compute_deadline
from app.services.deadlines.calendars import ignored_holiday_names

# hypothesis takes naive bounds and attaches the time zone itself.
INSTANTS = st.datetimes(
    min_value=datetime(2001, 1, 1),  # noqa: DTZ001
    max_value=datetime(2035, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
CN_OFFICIAL = st.datetimes(
    min_value=datetime(2001, 1, 1),  # noqa: DTZ001
    max_value=datetime(2026, 11, 30),  # noqa: DTZ001
    timezones=st.just(UTC),
)


def _all_rules(book: RuleBook) -> list[tuple[str, CaseKind]]:
    return [(code, kind) for code, rules in sorted(book.rule_sets.items()) for kind in rules.rules]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), received_at=INSTANTS)
def test_dates_are_ordered(rule_book: RuleBook, data: st.DataObject, received_at: datetime) -> None:
    code, kind = data.draw(st.sampled_from(_all_rules(rule_book)))
    deadline = compute_deadline(rule_book, code, kind, received_at)
    assert deadline.due_date > deadline.received_date
    if deadline.extended_due_date is not None:
        assert deadline.extended_due_date >= deadline.due_date
    if deadline.ack_due_date is not None:
        assert deadline.ack_due_date > deadline.received_date


@settings(max_examples=150, deadline=None)
@given(data=st.data(), received_at=INSTANTS)
def test_rolled_due_dates_are_working_days(
    rule_book: RuleBook, data: st.DataObject, received_at: datetime
) -> None:
    code, kind = data.draw(st.sampled_from(_all_rules(rule_book)))
    rule = rule_book.rule_set(code).rule(kind)
    deadline = compute_deadline(rule_book, code, kind, received_at)
    if (
        rule.roll is Roll.FORWARD
        and rule.rest_days is None
        and rule.period.unit is not (PeriodUnit.WORKING_DAYS)
    ):
        country, _, subdivision = rule.calendar.removeprefix("holidays:").partition("-")
        library = holidays.country_holidays(country, subdiv=subdivision or None)
        assert library.is_working_day(deadline.due_date)
        assert not library.is_working_day(deadline.due_date - timedelta(days=1)) or (
            deadline.counted_days[-1].counted
        )


@settings(max_examples=200, deadline=None)
@given(received_at=CN_OFFICIAL, kind=st.sampled_from([CaseKind.ACCESS, CaseKind.COMPLAINT]))
def test_cn_working_day_count_matches_holidays(
    rule_book: RuleBook, received_at: datetime, kind: CaseKind
) -> None:
    deadline = compute_deadline(rule_book, "CN", kind, received_at)
    china = holidays.country_holidays("CN")
    first = deadline.received_date + timedelta(days=1)
    assert china.get_working_days_count(first, deadline.due_date) == 15
    assert china.is_working_day(deadline.due_date)
    assert deadline.provisional is (deadline.due_date.year > 2026)


@settings(max_examples=100, deadline=None)
@given(received_at=INSTANTS)
def test_ccpa_acknowledgement_is_ten_business_days(
    rule_book: RuleBook, received_at: datetime
) -> None:
    # The library's California days off, less the state holidays that are no judicial holidays
    # (resources/calendars/days_off.toml: Diwali, Susan B. Anthony Day).
    deadline = compute_deadline(rule_book, "US-CA", CaseKind.ACCESS, received_at)
    california = holidays.country_holidays("US", subdiv="CA")
    ignored = ignored_holiday_names()["holidays:US-CA"]

    def is_day_off(day: date) -> bool:
        names = {name.removesuffix(" (observed)") for name in california.get_list(day)}
        return day.weekday() >= 5 or bool(names - ignored)

    assert deadline.ack_due_date is not None
    first = deadline.received_date + timedelta(days=1)
    span = (deadline.ack_due_date - first).days + 1
    days = [first + timedelta(days=i) for i in range(span)]
    assert sum(not is_day_off(day) for day in days) == 10
    assert not is_day_off(deadline.ack_due_date)
