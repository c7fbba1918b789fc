"""Case › Clock › Set the due date by hand… and Hand the due date back to its rule, and
``python -m app clock set-due|release-due``: one table of when each can succeed, and the two
changes with the reason a person gives.

A date set by hand (a court order, a date agreed with the requester or the regulator, a statute
the rule book lacks) may come before the statutory deadline, never after it: that deadline binds
in law (PIPL Art. 50, GDPR Art. 12(3)) and is still counted under the hand date. The hand date
is kept until it is handed back (``app.services.stated_due_date``) or the statutory date falls
before it (a corrected receipt, another jurisdiction or kind, a make-up working day): it is
then released, audited (``app.services.clock.recompute_clock``). Neither change is offered
on a case answered or closed: its due date is the record its answer was measured by (as a
pause, ``app.services.clock_gates``).
"""

import hashlib
from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy.orm import Session

from app.errors import ClockError, ClockNotRunningError
from app.models import Case
from app.services.clock import OPEN_STATUSES, DueDateSource, deadline_for, stated_due_source
from app.services.deadlines import RuleBook, is_countable
from app.services.refusals import Refusal, raise_refusal
from app.services.stated_due_date import return_to_rule, set_stated_due_date
from app.services.workflow.correspondence import add_note


class DueDateAction(StrEnum):
    """What staff can do with a case's due date outside its rule (Case › Clock)."""

    SET = "set"
    RELEASE = "release"


class DueDateRefusal(StrEnum):
    """Why a due-date action cannot succeed on a case now."""

    ANSWERED = "answered"  # responded, in retention or closed: the record of what happened
    NOT_STATED = "not_stated"  # the rule computes the due date already: nothing to hand back


# The error and the words of each refusal: the service raises them, the Case › Clock menu shows
# them as a disabled action's tip (``app.services.refusals``). They carry no case data.
DUE_DATE_REFUSALS: Mapping[DueDateRefusal, Refusal] = MappingProxyType(
    {
        DueDateRefusal.ANSWERED: Refusal(
            ClockNotRunningError,
            "This case has been answered or closed: its due date is the record its answer was "
            "measured by, so it cannot be set or handed back.",
        ),
        DueDateRefusal.NOT_STATED: Refusal(
            ClockError, "The due date of this case is already computed by its rule."
        ),
    }
)


def due_date_refusal(action: DueDateAction, case: Case) -> DueDateRefusal | None:
    """Return why ``action`` cannot succeed on ``case`` now, or ``None`` when it can (read from
    the stored case, no recomputation: what the Case menu reads for each case shown)."""
    if case.status not in OPEN_STATUSES:
        return DueDateRefusal.ANSWERED
    if action is DueDateAction.RELEASE and stated_due_source(case) is None:
        return DueDateRefusal.NOT_STATED
    return None


def refuse_due_date_change(action: DueDateAction, case: Case) -> None:
    """Raise the error that says why ``action`` cannot succeed on ``case`` (none if it can),
    from ``DUE_DATE_REFUSALS``; called before anything is written.

    Raises:
        ClockNotRunningError: the case is answered or closed.
        ClockError: a hand-back of a due date that its rule computes already.
    """
    raise_refusal(DUE_DATE_REFUSALS, due_date_refusal(action, case), case)


# The latest date set by hand for a case no statute times, in days after its receipt.
UNTIMED_LIMIT_DAYS = 366


def set_due_date_by_hand(
    session: Session,
    case: Case,
    due_date: date,
    reason: str,
    rule_book: RuleBook,
    *,
    today: date,
    actor: str,
) -> None:
    """Set ``due_date`` (a local calendar date, in the case's statutory zone) as the due date
    of ``case`` by hand, for ``reason``. It may come before the statutory due date its rule
    computes (``today``: the local date pauses count to), never after: that deadline binds in
    law whatever is set here (PIPL Art. 50; GDPR Art. 12(3)). A case no statute times takes a
    date within ``UNTIMED_LIMIT_DAYS`` of its receipt.

    The reason is free text that may name people: it is kept as an internal note of the case
    (erased when the case is anonymised), and the append-only audit event
    (``clock.due_date_set``) records its SHA-256 and the note's number, as an extension's does.

    Raises:
        ClockNotRunningError: the case is answered or closed.
        ClockError: no reason given; ``due_date`` after the statutory due date (or, untimed,
            a year after receipt), outside the years deadlines are counted for, or before the
            day the case was received.
    """
    refuse_due_date_change(DueDateAction.SET, case)
    text = reason.strip()
    if not text:
        raise ClockError("A due date set by hand needs a reason (e.g. a court order).")
    _check_within_statute(session, case, due_date, rule_book, today)
    note = add_note(session, case, text, actor=actor)
    session.flush()  # the note's number, for the audit event
    details = {"reason_sha256": hashlib.sha256(text.encode()).hexdigest(), "note_id": note.id}
    set_stated_due_date(
        session, case, due_date, DueDateSource.BY_HAND, actor=actor, details=details
    )


def _check_within_statute(
    session: Session, case: Case, due_date: date, rule_book: RuleBook, today: date
) -> None:
    if not is_countable(due_date):
        return  # set_stated_due_date says so
    statutory = deadline_for(session, case, rule_book, today=today)
    if statutory is not None:
        if due_date > statutory.effective_due_date:
            raise ClockError(
                "A due date set by hand cannot be later than the statutory due date "
                f"{statutory.effective_due_date.isoformat()}: that deadline binds in law; set "
                "an earlier date."
            )
        return
    latest = case.received_at.date() + timedelta(days=UNTIMED_LIMIT_DAYS)
    if due_date > latest:
        raise ClockError(
            "A due date set by hand for a case without a statutory deadline must fall within "
            f"a year of its receipt ({latest.isoformat()} at the latest)."
        )


def release_due_date(
    session: Session, case: Case, rule_book: RuleBook, *, today: date, actor: str
) -> None:
    """Hand the due date of ``case`` back to its rule (a kind no rule times is left without
    one and flagged ``no_deadline``); ``today`` is the local date (a running pause counts up
    to it).

    Raises:
        ClockNotRunningError: the case is answered or closed.
        ClockError: the rule computes the due date already.
    """
    refuse_due_date_change(DueDateAction.RELEASE, case)
    return_to_rule(session, case, rule_book, today=today, actor=actor)
