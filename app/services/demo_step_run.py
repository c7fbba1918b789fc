"""The context the steps of one demo case share: its session, services and the step's day.

A step happens ``day`` days after receipt (``app.services.demo_steps``), so every service is
told a date or instant of the demo's history, never the minute the demo was made.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.models import Case
from app.models.base import utc_now
from app.services.clock import OPEN_STATUSES, recompute_clock
from app.services.deadlines import RuleBook
from app.services.demo_scenarios import Scenario
from app.services.letters import LetterRenderer

# Triage, the first step of most cases, happens the day after receipt.
FIRST_STEP_DAY = 1


@dataclass
class StepRun:
    """The context every step of one demo case shares.

    Attributes:
        handler: the staff member the case is assigned to (a reviewer is always someone else).
        day: days after receipt of the step being run (see ``app.services.demo_steps``).
    """

    session: Session
    rule_book: RuleBook
    renderer: LetterRenderer
    scenario: Scenario
    today: date
    handler: str
    day: int = FIRST_STEP_DAY
    received_date: date = field(init=False)

    def __post_init__(self) -> None:
        self.received_date = self.today - timedelta(days=self.scenario.days_ago)

    def on(self, days_after_receipt: int | None = None) -> date:
        """Return the local date ``days_after_receipt`` (default: the step's day) after
        receipt, at most today."""
        days = self.day if days_after_receipt is None else days_after_receipt
        return min(self.today, self.received_date + timedelta(days=days))

    def instant(self, case: Case, days_after_receipt: int | None = None) -> datetime:
        """Return the aware UTC instant that many days (default: the step's day) after the
        receipt instant, at most now."""
        days = self.day if days_after_receipt is None else days_after_receipt
        return min(case.received_at + timedelta(days=days), utc_now())

    def as_of_today(self, case: Case) -> None:
        """Bring an open case's clock to today (a running pause counts up to today)."""
        if case.status in OPEN_STATUSES:
            recompute_clock(
                self.session, case, self.rule_book, cause="demo_today", today=self.today
            )


Step = Callable[[StepRun, Case], None]
