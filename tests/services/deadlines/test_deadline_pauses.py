"""Clock pauses: dates worked out by hand from the rule and the calendar (reference §2.2)."""

from datetime import date, datetime

import pytest

from app.errors import DeadlineInputError
from app.models.enums import CaseKind
from app.services.deadlines import ClockPause, DayReason, RuleBook, compute_deadline

E6_RECEIVED = datetime.fromisoformat("2026-09-30T10:00:00+08:00")  # Wed 30 Sep, Shanghai
E1_RECEIVED = datetime.fromisoformat("2026-01-31T12:00:00+00:00")  # Sat 31 Jan, Dublin


def _pause(start: str, end: str | None) -> ClockPause:
    return ClockPause(date.fromisoformat(start), date.fromisoformat(end) if end else None, "id")


def test_e6_pause_over_makeup_saturday(rule_book: RuleBook) -> None:
    # Without the pause the 15th working day is Tue 27 Oct. Paused: Thu 8, Fri 9, Sat 10 (调休
    # working day), Mon 12 Oct = 4 working days (Sun 11 is off anyway). Counting resumes
    # Tue 13: 13-16 = 1-4, 19-23 = 5-9, 26-30 = 10-14, Mon 2 Nov = 15.
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=[_pause("2026-10-08", "2026-10-12")]
    )
    assert deadline.due_date == date(2026, 11, 2)
    by_day = {day.day: day for day in deadline.counted_days}
    assert by_day[date(2026, 10, 10)].why is DayReason.PAUSED
    assert by_day[date(2026, 10, 10)].calendar_reason is DayReason.MAKEUP_WORKING_DAY
    assert not by_day[date(2026, 10, 10)].counted
    assert by_day[date(2026, 10, 13)].counted
    assert sum(day.counted for day in deadline.counted_days) == 15
    assert deadline.paused_day_count == 5
    assert deadline.pauses_ignored is False


@pytest.mark.parametrize(
    ("pause", "due"),
    [
        # 28 Feb + 5 = Thu 5 Mar, a working day in Ireland.
        (("2026-02-02", "2026-02-06"), date(2026, 3, 5)),
        # 28 Feb + 1 = Sun 1 Mar → Mon 2 Mar (art. 3(4)).
        (("2026-02-10", "2026-02-10"), date(2026, 3, 2)),
        # 28 Feb + 7 = Sat 7 Mar → Mon 9 Mar.
        (("2026-02-02", "2026-02-08"), date(2026, 3, 9)),
    ],
)
def test_e1_pause_moves_month_end_then_rolls(
    rule_book: RuleBook, pause: tuple[str, str], due: date
) -> None:
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.ACCESS, E1_RECEIVED, pauses=[_pause(*pause)]
    )
    assert deadline.due_date == due


def test_pause_after_due_date_changes_nothing(rule_book: RuleBook) -> None:
    late = [_pause("2026-10-28", "2026-10-30")]
    cn = compute_deadline(rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=late)
    assert cn.due_date == date(2026, 10, 27)
    # EU E1: the month ran out on Sat 28 Feb; a pause on Sun 1 Mar, during the roll, is late.
    eu = compute_deadline(
        rule_book, "EU", CaseKind.ACCESS, E1_RECEIVED, pauses=[_pause("2026-03-01", "2026-03-01")]
    )
    assert eu.due_date == date(2026, 3, 2)


def test_pause_starting_on_the_last_day_moves_it(rule_book: RuleBook) -> None:
    # Paused Tue 27 Oct (the 15th working day): the 15th becomes Wed 28 Oct.
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=[_pause("2026-10-27", None)],
        as_of_date=date(2026, 10, 27),
    )  # fmt: skip
    assert deadline.due_date == date(2026, 10, 28)
    assert deadline.paused_open is True


def test_open_pause_runs_to_as_of_date(rule_book: RuleBook) -> None:
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED,
        pauses=[_pause("2026-10-08", None)], as_of_date=date(2026, 10, 12),
    )  # fmt: skip
    assert deadline.due_date == date(2026, 11, 2)  # as if it ended on 12 Oct
    assert deadline.paused_open is True
    later = compute_deadline(
        rule_book, "CN", CaseKind.DELETION, E6_RECEIVED,
        pauses=[_pause("2026-10-08", None)], as_of_date=date(2026, 10, 13),
    )  # fmt: skip
    assert later.due_date == date(2026, 11, 3)  # one more working day stopped


def test_open_pause_without_as_of_date_is_an_input_error(rule_book: RuleBook) -> None:
    with pytest.raises(DeadlineInputError):
        compute_deadline(
            rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=[_pause("2026-10-08", None)]
        )


def test_overlapping_pauses_count_once(rule_book: RuleBook) -> None:
    overlapping = [_pause("2026-10-08", "2026-10-10"), _pause("2026-10-09", "2026-10-12")]
    cn = compute_deadline(rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=overlapping)
    assert cn.due_date == date(2026, 11, 2)
    # EU: 2-6 Feb and 4-8 Feb = 2-8 Feb, 7 days: 28 Feb + 7 = Sat 7 Mar → Mon 9 Mar.
    eu_pauses = [_pause("2026-02-02", "2026-02-06"), _pause("2026-02-04", "2026-02-08")]
    eu = compute_deadline(rule_book, "EU", CaseKind.ACCESS, E1_RECEIVED, pauses=eu_pauses)
    assert eu.due_date == date(2026, 3, 9)


def test_rule_without_stop_the_clock_ignores_pauses(rule_book: RuleBook) -> None:
    pauses = [_pause("2026-10-08", "2026-10-12")]
    complaint = compute_deadline(rule_book, "CN", CaseKind.COMPLAINT, E6_RECEIVED, pauses=pauses)
    assert complaint.due_date == date(2026, 10, 27)
    assert complaint.pauses_ignored is True
    assert complaint.paused_day_count == 0
    assert not any(day.why is DayReason.PAUSED for day in complaint.counted_days)
    # CCPA: no pause for verification (§7021(b)); an open pause without as-of date is harmless.
    ccpa = compute_deadline(
        rule_book, "US-CA", CaseKind.ACCESS, datetime.fromisoformat("2026-10-16T10:00:00-07:00"),
        pauses=[_pause("2026-10-20", None)],
    )  # fmt: skip
    assert ccpa.due_date == date(2026, 11, 30)
    assert ccpa.pauses_ignored is True


def test_pause_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(DeadlineInputError):
        ClockPause(date(2026, 10, 12), date(2026, 10, 8), "id")


def test_pause_moves_the_extended_date_too(rule_book: RuleBook) -> None:
    # E3 received Thu 15 Jan 2026, paused 2-6 Feb (5 days): Sun 15 Feb + 5 = Fri 20 Feb;
    # extended: Wed 15 Apr + 5 = Mon 20 Apr (Easter Monday was 6 Apr).
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.DELETION, datetime.fromisoformat("2026-01-15T09:00:00+00:00"),
        pauses=[_pause("2026-02-02", "2026-02-06")], extended=True,
    )  # fmt: skip
    assert deadline.due_date == date(2026, 2, 20)
    assert deadline.extension_notice_due_date == date(2026, 2, 20)
    assert deadline.effective_due_date == date(2026, 4, 20)


def test_pauses_never_move_the_acknowledgement(rule_book: RuleBook) -> None:
    # E11: confirm receipt by Fri 30 Oct 2026 whatever happens; the rule has no pause anyway,
    # and the acknowledgement is counted from receipt.
    deadline = compute_deadline(
        rule_book, "US-CA", CaseKind.ACCESS, datetime.fromisoformat("2026-10-16T10:00:00-07:00"),
        pauses=[_pause("2026-10-19", "2026-10-23")],
    )  # fmt: skip
    assert deadline.ack_due_date == date(2026, 10, 30)
