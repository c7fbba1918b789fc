"""Which changes to a case's deadline clock make sense now: the one table by which the clock
service refuses a change and the Case › Clock menu disables it.

A pause stops, and an extension lengthens, a statutory time limit that is still running (GDPR
Art. 12(3): an answer within one month, extendable by two further months; PIPL Art. 50: the
handler answers the requests of individuals in time). Neither makes sense on a case already
answered or closed (``responded``, ``in_retention``, ``closed``), on mail that is no request
(kind ``not_a_request``), or on a case for which no statutory deadline is counted (no rule for
its kind, e.g. a reminder or a regulator's inquiry; a due date stated by a regulator's letter;
a receipt date outside the years deadlines are counted for). A due date set by hand does not
stop the statutory deadline being counted: a pause or an extension moves the statutory date,
and the hand date, never later than it, binds until the statutory one falls before it
(``app.services.clock.recompute_clock``).

Restarting the clock ends a pause already recorded: it is refused only on an answered or
closed case, whose clock is the record of what happened. The receipt instant is a fact about
the case, not its running clock: it can be confirmed or corrected in every status (corrected
after the answer, it recounts the due date the answer is measured by).
"""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy.orm import Session

from app.errors import ClockError, ClockNotPausedError, ClockNotRunningError
from app.models import Case
from app.models.enums import CaseKind
from app.services.clock import OPEN_STATUSES, DueDateSource, deadline_for, stated_due_source
from app.services.deadlines import Deadline, RuleBook
from app.services.refusals import Refusal, raise_refusal


class ClockAction(StrEnum):
    """What staff can change on a case's clock (Case › Clock)."""

    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    RECEIPT = "receipt"


class ClockRefusal(StrEnum):
    """Why a clock action cannot succeed on a case now."""

    ANSWERED = "answered"  # responded, in retention or closed: the deadline no longer runs
    NOT_A_REQUEST = "not_a_request"
    NO_DEADLINE = "no_deadline"  # no statutory deadline is counted for the case
    ALREADY_PAUSED = "already_paused"
    NOT_PAUSED = "not_paused"
    NO_EXTENSION = "no_extension"  # the rule has none (Chinese law has none)
    ALREADY_EXTENDED = "already_extended"
    NOTICE_PASSED = "notice_passed"  # the extension had to be notified earlier


def _notice_date(case: Case) -> Mapping[str, str]:
    notice_due = case.extension_notice_due_date
    assert notice_due is not None  # NOTICE_PASSED is found only with a notice date
    return {"date": notice_due.isoformat()}


# The error and the words of each refusal: the clock service raises them, the Case › Clock menu
# shows them as a disabled action's tip (``app.services.refusals``).
CLOCK_REFUSALS: Mapping[ClockRefusal, Refusal] = MappingProxyType(
    {
        ClockRefusal.ANSWERED: Refusal(
            ClockNotRunningError,
            "This case has been answered or closed: its deadline no longer runs and its dates "
            "are the record its answer was measured by, so its clock cannot be stopped, "
            "restarted or extended, nor its receipt date changed.",
        ),
        ClockRefusal.NOT_A_REQUEST: Refusal(
            ClockNotRunningError,
            "This case is not a request: no statutory deadline runs, so its clock cannot be "
            "stopped or extended.",
        ),
        ClockRefusal.NO_DEADLINE: Refusal(
            ClockNotRunningError,
            "No statutory deadline is counted for this case (no rule for its kind, a due date "
            "stated by a regulator's letter, or an unusable receipt date), so its clock cannot "
            "be stopped or extended.",
        ),
        ClockRefusal.ALREADY_PAUSED: Refusal(
            ClockError, "The clock of this case is already paused; resume it first."
        ),
        ClockRefusal.NOT_PAUSED: Refusal(
            ClockNotPausedError, "The clock of this case is not paused."
        ),
        ClockRefusal.NO_EXTENSION: Refusal(
            ClockError, "The rule for this case allows no extension."
        ),
        ClockRefusal.ALREADY_EXTENDED: Refusal(ClockError, "This case has already been extended."),
        ClockRefusal.NOTICE_PASSED: Refusal(
            ClockError, "An extension had to be notified by {date}.", _notice_date
        ),
    }
)
# The refusals that say no statutory deadline runs on the case (``ClockNotRunningError``).
NOT_RUNNING = frozenset(r for r, why in CLOCK_REFUSALS.items() if why.error is ClockNotRunningError)


def clock_refusal(
    action: ClockAction, case: Case, *, counted: bool, today: date
) -> ClockRefusal | None:
    """Return why ``action`` cannot succeed on ``case`` now, or ``None`` when it can.

    Args:
        counted: whether a rule counts a statutory deadline for the case
            (``counted_deadline`` is not ``None``; the window reads ``stored_clock_counted``).
        today: the local date, compared with the extension's notice date.
    """
    if case.status not in OPEN_STATUSES:
        # A receipt moved after the answer would move the due date it was measured by: an
        # answer given on time would stand on record as late (QA12 N2).
        return ClockRefusal.ANSWERED
    if action is ClockAction.RECEIPT:
        return None
    paused = any(p.end_date is None for p in case.pauses)
    if action is ClockAction.RESUME:
        return None if paused else (_not_running(case, counted) or ClockRefusal.NOT_PAUSED)
    not_running = _not_running(case, counted)
    if not_running is not None:
        return not_running
    if action is ClockAction.PAUSE:
        return ClockRefusal.ALREADY_PAUSED if paused else None
    return _extension_refusal(case, today)


def _not_running(case: Case, counted: bool) -> ClockRefusal | None:
    if case.kind == CaseKind.NOT_A_REQUEST:
        return ClockRefusal.NOT_A_REQUEST
    return None if counted else ClockRefusal.NO_DEADLINE


def _extension_refusal(case: Case, today: date) -> ClockRefusal | None:
    notice_due = case.extension_notice_due_date
    if case.extension_reason is not None:
        return ClockRefusal.ALREADY_EXTENDED
    if notice_due is None:
        return ClockRefusal.NO_EXTENSION
    return ClockRefusal.NOTICE_PASSED if today > notice_due else None


def counted_deadline(
    session: Session, case: Case, rule_book: RuleBook, *, today: date
) -> Deadline | None:
    """Return the statutory deadline a rule counts for ``case`` now, or ``None``: no rule for
    its kind, a receipt date outside the years counted, or a due date that a regulator's
    letter states (no pause or extension moves it). A due date set by hand leaves the
    statutory deadline counted (it may only come before it)."""
    if stated_due_source(case) is DueDateSource.REGULATOR_LETTER:
        return None
    return deadline_for(session, case, rule_book, today=today)


def stored_clock_counted(case: Case) -> bool:
    """Return whether the clock stored on ``case`` was counted by a rule (every recomputation
    that finds a deadline stores its rule's reference): what the window reads without
    recomputing, the stored form of ``counted_deadline``.

    A due date set by hand counts as counted: the statute still times the case unless its kind
    has no rule, which the stored row does not tell; the clock service then refuses the
    action with its reason (``check_clock_change``)."""
    source = stated_due_source(case)
    if source is not None:
        return source is DueDateSource.BY_HAND
    return case.rule_ref is not None


def check_clock_change(
    session: Session, case: Case, rule_book: RuleBook, action: ClockAction, *, today: date
) -> None:
    """Refuse ``action`` on ``case`` unless it can succeed now (``clock_refusal``, with the
    deadline recomputed from the rule book).

    Raises:
        ClockNotRunningError, ClockNotPausedError, ClockError: as ``refuse_clock_change``.
    """
    counted = counted_deadline(session, case, rule_book, today=today) is not None
    refuse_clock_change(action, case, counted=counted, today=today)


def refuse_clock_change(action: ClockAction, case: Case, *, counted: bool, today: date) -> None:
    """Raise the error that says why ``action`` cannot succeed on ``case`` (none if it can).

    Raises:
        ClockNotRunningError: the case is answered or closed, not a request, or has no
            statutory deadline counted.
        ClockNotPausedError: a restart of a clock that is not stopped.
        ClockError: a pause of a stopped clock, or an extension the rule does not have, that
            was taken or whose notice date has passed.
    """
    raise_refusal(CLOCK_REFUSALS, clock_refusal(action, case, counted=counted, today=today), case)
