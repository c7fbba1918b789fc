"""Verification start, extension, internal targets, policy-basis rules and the explanation."""

from datetime import date, datetime
from pathlib import Path

import pytest

from app.errors import DeadlineInputError, ExtensionNotAllowedError, RuleError
from app.models.enums import CaseKind
from app.services.deadlines import (
    Basis,
    ClockPart,
    DayMark,
    DayReason,
    FirstDay,
    InternalTarget,
    InternalTargets,
    JurisdictionTargets,
    Period,
    PeriodUnit,
    Roll,
    RuleBook,
    WorkingCalendar,
    compute_deadline,
    explain_deadline,
    load_internal_targets,
)

E6_RECEIVED = datetime.fromisoformat("2026-09-30T10:00:00+08:00")
UK_RECEIVED = datetime.fromisoformat("2026-01-15T10:00:00+00:00")  # Thu 15 Jan 2026


@pytest.fixture(scope="module")
def targets() -> InternalTargets:
    return load_internal_targets()


# --- verification ----------------------------------------------------------------------------


def test_uk_month_runs_from_receipt_of_the_id(rule_book: RuleBook) -> None:
    # ICO: the day the ID arrives is day 1; Tue 20 Jan → Fri 20 Feb 2026.
    verified = datetime.fromisoformat("2026-01-20T15:00:00+00:00")
    deadline = compute_deadline(rule_book, "UK", CaseKind.ACCESS, UK_RECEIVED, verified_at=verified)
    assert deadline.clock_start_date == date(2026, 1, 20)
    assert deadline.due_date == date(2026, 2, 20)
    assert deadline.awaiting_verification is False
    waiting = [day for day in deadline.counted_days if day.why is DayReason.AWAITING_VERIFICATION]
    assert [day.day for day in waiting] == [date(2026, 1, d) for d in (16, 17, 18, 19)]
    first = next(day for day in deadline.counted_days if day.counted)
    assert first.day == date(2026, 1, 20)


def test_uk_without_verification_counts_from_receipt_and_says_so(rule_book: RuleBook) -> None:
    # 15 Jan → Sun 15 Feb → Mon 16 Feb; flagged: the ID may still restart the month.
    deadline = compute_deadline(rule_book, "UK", CaseKind.ACCESS, UK_RECEIVED)
    assert deadline.due_date == date(2026, 2, 16)
    assert deadline.awaiting_verification is True
    assert deadline.clock_start_date == date(2026, 1, 15)


def test_cn_access_counts_from_verification_day_zero(rule_book: RuleBook) -> None:
    # GB/T §8.7 "在验证身份后": verified Fri 9 Oct = day 0; Sat 10 Oct (调休) = 1, 12-16 = 2-6,
    # 19-23 = 7-11, 26-29 = 12-15 → Thu 29 Oct 2026.
    verified = datetime.fromisoformat("2026-10-09T11:00:00+08:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCESS, E6_RECEIVED, verified_at=verified)
    assert deadline.due_date == date(2026, 10, 29)
    reasons = {day.day: day.why for day in deadline.counted_days}
    assert reasons[date(2026, 10, 1)] is DayReason.AWAITING_VERIFICATION
    assert reasons[date(2026, 10, 9)] is DayReason.VERIFIED
    assert reasons[date(2026, 10, 10)] is DayReason.MAKEUP_WORKING_DAY


def test_verification_is_ignored_where_the_clock_starts_on_receipt(rule_book: RuleBook) -> None:
    verified = datetime.fromisoformat("2026-10-09T11:00:00+08:00")
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, verified_at=verified
    )
    assert deadline.due_date == date(2026, 10, 27)
    assert deadline.awaiting_verification is False


def test_verification_before_receipt_is_an_input_error(rule_book: RuleBook) -> None:
    with pytest.raises(DeadlineInputError):
        compute_deadline(
            rule_book, "UK", CaseKind.ACCESS, UK_RECEIVED,
            verified_at=datetime.fromisoformat("2026-01-14T10:00:00+00:00"),
        )  # fmt: skip


# --- extension -------------------------------------------------------------------------------


def test_e3_extension_used(rule_book: RuleBook) -> None:
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.DELETION, datetime.fromisoformat("2026-01-15T09:00:00+00:00"),
        extended=True,
    )  # fmt: skip
    assert deadline.due_date == date(2026, 2, 16)
    assert deadline.extension_notice_due_date == date(2026, 2, 16)
    assert deadline.effective_due_date == date(2026, 4, 15)


def test_e11_ccpa_extension_used(rule_book: RuleBook) -> None:
    deadline = compute_deadline(
        rule_book, "US-CA", CaseKind.ACCESS, datetime.fromisoformat("2026-10-16T10:00:00-07:00"),
        extended=True,
    )  # fmt: skip
    assert deadline.effective_due_date == date(2027, 1, 14)


def test_extension_where_the_law_has_none_is_refused(rule_book: RuleBook) -> None:
    with pytest.raises(ExtensionNotAllowedError):
        compute_deadline(rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, extended=True)


def test_not_extended_effective_due_is_the_due_date(rule_book: RuleBook) -> None:
    deadline = compute_deadline(rule_book, "EU", CaseKind.ACCESS, UK_RECEIVED)
    assert deadline.effective_due_date == deadline.due_date == date(2026, 2, 16)


# --- internal targets ------------------------------------------------------------------------


def test_cn_internal_target_ten_working_days(rule_book: RuleBook, targets: InternalTargets) -> None:
    # 8 Oct = 1, 9 = 2, Sat 10 (调休) = 3, 12-16 = 4-8, 19 = 9, Tue 20 Oct = 10.
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, internal_targets=targets
    )
    assert deadline.internal_target_date == date(2026, 10, 20)
    assert deadline.internal_target is not None
    assert "policy" in deadline.internal_target.source.lower()


def test_eu_internal_target_twenty_calendar_days(
    rule_book: RuleBook, targets: InternalTargets
) -> None:
    # Sat 31 Jan + 20 days = Fri 20 Feb 2026, a working day.
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.ACCESS, datetime.fromisoformat("2026-01-31T12:00:00+00:00"),
        internal_targets=targets,
    )  # fmt: skip
    assert deadline.internal_target_date == date(2026, 2, 20)


def test_e11_conservative_internal_due(rule_book: RuleBook, targets: InternalTargets) -> None:
    # Reference E11: §7021(b) read literally gives Sun 29 Nov; Thanksgiving (26) and the day
    # after (27) are CA holidays → Wed 25 Nov 2026.
    deadline = compute_deadline(
        rule_book, "US-CA", CaseKind.ACCESS, datetime.fromisoformat("2026-10-16T10:00:00-07:00"),
        internal_targets=targets,
    )  # fmt: skip
    assert deadline.internal_target_date == date(2026, 11, 25)
    assert deadline.due_date == date(2026, 11, 30)


def test_internal_target_never_after_due(rule_book: RuleBook) -> None:
    generous = InternalTarget(
        Period(30, PeriodUnit.WORKING_DAYS), FirstDay.NEXT_DAY, Roll.NONE, "x"
    )
    targets = InternalTargets({"CN": JurisdictionTargets(generous)})
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, internal_targets=targets
    )
    assert deadline.internal_target_date == deadline.due_date == date(2026, 10, 27)


def test_policy_rule_sets_have_no_separate_target(
    rule_book: RuleBook, targets: InternalTargets
) -> None:
    deadline = compute_deadline(
        rule_book, "JP", CaseKind.ACCESS, E6_RECEIVED, internal_targets=targets
    )
    assert deadline.internal_target_date is None


@pytest.mark.parametrize("code", ["JP", "IN"])
def test_jp_and_in_are_policy_not_statute(rule_book: RuleBook, code: str) -> None:
    rule_set = rule_book.rule_set(code)
    assert all(rule.basis is Basis.POLICY for rule in rule_set.rules.values())
    assert all("policy" in rule.source.lower() for rule in rule_set.rules.values())
    kind = next(iter(rule_set.rules))
    explanation = explain_deadline(compute_deadline(rule_book, code, kind, E6_RECEIVED))
    assert explanation.is_policy is True


def test_malformed_target_file_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "targets.toml"
    path.write_text('[CN]\nsource = "x"\nperiod = { n = 10, unit = "weeks" }\n', encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_internal_targets(path)
    assert (caught.value.line, caught.value.field) == (3, "CN.period.unit")


def test_target_kind_exception_inherits_source(tmp_path: Path) -> None:
    path = tmp_path / "targets.toml"
    path.write_text(
        '[CN]\nsource = "policy"\nperiod = { n = 10, unit = "working_days" }\n'
        '[CN.kinds.complaint]\nperiod = { n = 5, unit = "working_days" }\n',
        encoding="utf-8",
    )
    targets = load_internal_targets(path)
    complaint = targets.target("cn", CaseKind.COMPLAINT)
    assert complaint is not None and complaint.period.n == 5 and complaint.source == "policy"
    access = targets.target("CN", CaseKind.ACCESS)
    assert access is not None and access.period.n == 10


# --- explanation -----------------------------------------------------------------------------


def test_e6_explanation_lines(rule_book: RuleBook, targets: InternalTargets) -> None:
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, internal_targets=targets
    )
    days = explain_deadline(deadline).days
    assert [day.line for day in days] == list(range(1, len(days) + 1))
    assert days[0].day == date(2026, 10, 1) and days[-1].day == date(2026, 10, 27)
    assert days[0].why is DayReason.HOLIDAY and days[0].holiday_name == "National Day"
    saturday = next(day for day in days if day.day == date(2026, 10, 10))
    assert (saturday.counted, saturday.why, saturday.running_count) == (
        True,
        DayReason.MAKEUP_WORKING_DAY,
        3,
    )
    assert saturday.weekday == 5
    assert days[-1].marks == frozenset({DayMark.DUE}) and days[-1].running_count == 15
    target = next(day for day in days if DayMark.INTERNAL_TARGET in day.marks)
    assert target.day == date(2026, 10, 20) and target.running_count == 10


def test_e3_extended_explanation_runs_to_extended_date(rule_book: RuleBook) -> None:
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.DELETION, datetime.fromisoformat("2026-01-15T09:00:00+00:00"),
        extended=True,
    )  # fmt: skip
    days = explain_deadline(deadline).days
    rolled = next(day for day in days if day.day == date(2026, 2, 16))
    assert rolled.why is DayReason.ROLLED_FORWARD
    assert rolled.marks == frozenset({DayMark.DUE, DayMark.EXTENSION_NOTICE_DUE})
    extension = [day for day in days if day.part is ClockPart.EXTENSION]
    assert extension[0].day == date(2026, 2, 17) and extension[-1].day == date(2026, 4, 15)
    # 16-31 Jan (16) + Feb (28) + Mar (31) + 1-15 Apr (15) = 90 days from receipt.
    assert extension[-1].running_count == 90
    assert extension[-1].marks == frozenset({DayMark.EXTENDED_DUE})


def test_ccpa_explanation_marks_the_acknowledgement(rule_book: RuleBook) -> None:
    deadline = compute_deadline(
        rule_book, "US-CA", CaseKind.ACCESS, datetime.fromisoformat("2026-10-16T10:00:00-07:00")
    )
    days = explain_deadline(deadline).days
    ack = next(day for day in days if DayMark.ACK_DUE in day.marks)
    assert ack.day == date(2026, 10, 30)
    thanksgiving = next(day for day in days if day.day == date(2026, 11, 26))
    assert thanksgiving.counted and thanksgiving.calendar_reason is DayReason.HOLIDAY
    assert days[-1].day == date(2026, 11, 30) and days[-1].running_count == 45


def test_year_the_library_only_estimates_is_not_official() -> None:
    # holidays warns for India's lunar holidays after 2035: no warning leaks (warnings are
    # errors in this suite) and the year makes a count provisional.
    india = WorkingCalendar("holidays:IN")
    assert india.reason(date(2036, 1, 26)) is DayReason.HOLIDAY  # Republic Day, fixed date
    assert india.is_official_year(2036) is False
    assert india.is_official_year(2030) is True
