"""Property tests (hypothesis) of pauses, extensions and internal targets over every rule."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.enums import CaseKind
from app.services.deadlines import (
    ClockPause,
    InternalTargets,
    PeriodUnit,
    RuleBook,
    compute_deadline,
    load_internal_targets,
)

# Receipt + pauses + a three-month extension stays inside the years `holidays` covers (to 2035).
INSTANTS = st.datetimes(
    min_value=datetime(2002, 1, 1),  # noqa: DTZ001
    max_value=datetime(2035, 3, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
TARGETS: InternalTargets = load_internal_targets()


def _all_rules(book: RuleBook) -> list[tuple[str, CaseKind]]:
    return [(code, kind) for code, rules in sorted(book.rule_sets.items()) for kind in rules.rules]


@st.composite
def _pauses(draw: st.DrawFn, received: date) -> list[ClockPause]:
    pauses = []
    for _ in range(draw(st.integers(0, 3))):
        start = received + timedelta(days=draw(st.integers(-5, 120)))
        length = draw(st.integers(0, 30))
        pauses.append(ClockPause(start, start + timedelta(days=length), "identity"))
    return pauses


@settings(max_examples=150, deadline=None)
@given(data=st.data(), received_at=INSTANTS)
def test_a_pause_never_makes_a_deadline_earlier(
    rule_book: RuleBook, data: st.DataObject, received_at: datetime
) -> None:
    code, kind = data.draw(st.sampled_from(_all_rules(rule_book)))
    plain = compute_deadline(rule_book, code, kind, received_at, internal_targets=TARGETS)
    pauses = data.draw(_pauses(plain.received_date))
    paused = compute_deadline(
        rule_book, code, kind, received_at, pauses=pauses, internal_targets=TARGETS
    )
    assert paused.due_date >= plain.due_date
    if plain.extended_due_date is not None:
        assert paused.extended_due_date is not None
        assert paused.extended_due_date >= plain.extended_due_date
        assert paused.extended_due_date >= paused.due_date
    if paused.internal_target_date is not None:
        assert paused.internal_target_date <= paused.due_date
    rule = rule_book.rule_set(code).rule(kind)
    if rule.period.unit in (PeriodUnit.WORKING_DAYS, PeriodUnit.BUSINESS_DAYS):
        assert sum(day.counted for day in paused.counted_days) == rule.period.n


@settings(max_examples=100, deadline=None)
@given(data=st.data(), received_at=INSTANTS)
def test_extended_never_before_due_and_target_never_after(
    rule_book: RuleBook, data: st.DataObject, received_at: datetime
) -> None:
    code, kind = data.draw(st.sampled_from(_all_rules(rule_book)))
    rule = rule_book.rule_set(code).rule(kind)
    deadline = compute_deadline(
        rule_book, code, kind, received_at, extended=rule.extension is not None,
        internal_targets=TARGETS,
    )  # fmt: skip
    assert deadline.effective_due_date >= deadline.due_date
    if deadline.internal_target_date is not None:
        assert deadline.received_date < deadline.internal_target_date <= deadline.due_date
