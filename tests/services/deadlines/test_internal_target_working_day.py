"""The company's internal target lands on one of the team's working days (QA9 L7): Singapore's
statutory count knows only Sunday as a rest day (Interpretation Act s.50), but a Saturday is
no day the team works on a case, so the target moves back to the Friday before."""

from datetime import date, datetime

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, compute_deadline, load_internal_targets


def test_the_singapore_target_is_the_friday_before_a_weekend(rule_book: RuleBook) -> None:
    # Received Monday 1 June 2026 (10:00 Singapore): 20 calendar days (company policy) end
    # Sunday 21 June; rolled back past Saturday 20 June to Friday 19 June 2026.
    deadline = compute_deadline(
        rule_book,
        "SG",
        CaseKind.ACCESS,
        datetime.fromisoformat("2026-06-01T02:00:00+00:00"),
        internal_targets=load_internal_targets(),
    )
    assert deadline.due_date == date(2026, 7, 1)  # statute unchanged (E17)
    assert deadline.internal_target_date == date(2026, 6, 19)


def test_a_working_day_target_is_unchanged(rule_book: RuleBook) -> None:
    # CN: 10 working days from Monday 1 June 2026 (Dragon Boat Festival is 19 June) end
    # Monday 15 June 2026.
    deadline = compute_deadline(
        rule_book,
        "CN",
        CaseKind.ACCESS,
        datetime.fromisoformat("2026-06-01T02:00:00+00:00"),
        internal_targets=load_internal_targets(),
    )
    assert deadline.internal_target_date == date(2026, 6, 15)
