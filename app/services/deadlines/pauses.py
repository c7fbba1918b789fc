"""Clock pauses ("stop the clock") and the set of days they cover.

A pause stops a statutory clock while the controller waits for the requester (identity proof,
clarification). Sources: UK GDPR Art. 12A as inserted by the Data (Use and Access) Act 2025 (the
clock stops when the controller asks for information and restarts when it arrives; in force
Feb 2026, reference/deadlines.md §0.4 [V]); GDPR: not in the text, but supervisory practice
pauses for identification data under Art. 12(6) (Berlin DPA in an Art. 60 case [V]; EDPB
Guidelines 01/2022 [M]); China: GB/T 35273-2020 §8.7 counts "after identity verification" [M].

Only rules with ``pauses_stop_clock`` honour pauses. Pauses are merged as a set of days, so
overlapping pauses never count a day twice.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import DeadlineInputError


@dataclass(frozen=True)
class ClockPause:
    """One pause of the clock, dates in the rule's time zone, both ends inclusive.

    ``end_date`` ``None`` means the clock is still stopped (an open pause); the deadline is then
    computed as if the clock restarted the day after the ``as_of_date`` given to
    ``compute_deadline``. ``reason`` is a short code or label for the record (e.g.
    ``"identity"``, ``"clarification"``), never message text.

    Raises:
        DeadlineInputError: ``end_date`` is before ``start_date``.
    """

    start_date: date
    end_date: date | None
    reason: str = ""

    def __post_init__(self) -> None:
        """Reject a pause that ends before it starts."""
        if self.end_date is not None and self.end_date < self.start_date:
            raise DeadlineInputError(
                f"pause ends ({self.end_date.isoformat()}) before it starts "
                f"({self.start_date.isoformat()})"
            )

    @property
    def is_open(self) -> bool:
        """Return whether the clock is still stopped (no end date yet)."""
        return self.end_date is None

    def days(self, as_of_date: date | None) -> frozenset[date]:
        """Return every day the pause covers; an open pause runs to ``as_of_date`` inclusive.

        Raises:
            DeadlineInputError: the pause is open and ``as_of_date`` is ``None``.
        """
        end = self.end_date
        if end is None:
            if as_of_date is None:
                raise DeadlineInputError("an open pause needs an as-of date to compute from")
            end = max(as_of_date, self.start_date)
        length = (end - self.start_date).days + 1
        return frozenset(self.start_date + timedelta(days=i) for i in range(length))


def paused_days(pauses: Iterable[ClockPause], as_of_date: date | None) -> frozenset[date]:
    """Return the union of the days of ``pauses`` (overlaps count once).

    Raises:
        DeadlineInputError: an open pause and no ``as_of_date``.
    """
    return frozenset().union(*(pause.days(as_of_date) for pause in pauses))
