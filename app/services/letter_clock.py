"""Where the clock of a case stands for a letter asking the requester for something: still now
(the letter states no due date), stopped by the rule from the letter on, or running (the letter
promises the due date). Read by ``letter_fit`` (is the due date past?) and by the letters'
wording (``app.services.letters.LetterContext``).

A due date set by hand is the company's own, no later than the statutory one: the statutory
clock under it still waits or stops as its rule says (GB/T 35273-2020 §8.7), so a letter says
what the law does, never that the law keeps the clock running. Only a regulator's stated date
stands whatever is asked (no statute times the inquiry)."""

from app.models import Case
from app.services.clock import DueDateSource, stated_due_source
from app.services.deadlines import RuleBook, StartEvent


def _ruled(case: Case, rule_book: RuleBook) -> bool:
    """Whether a rule times ``case``: one for its kind, and no regulator's stated date."""
    if stated_due_source(case) is DueDateSource.REGULATOR_LETTER:
        return False
    return rule_book.has_rule(case.jurisdiction, case.kind)


def clock_waits(case: Case, rule_book: RuleBook) -> bool:
    """Whether the clock of ``case`` stands still now for the requester: its rule starts it on
    the identity check, not yet done (GB/T 35273-2020 §8.7), or stops it for a pause and one
    is open (UK GDPR Art. 12A). A letter asking the requester then states no due date (it
    runs again from the reply); otherwise it promises the due date, which must not be past.
    A due date stated by a regulator's letter never stands still.
    """
    if not _ruled(case, rule_book):
        return False
    rule = rule_book.rule_set(case.jurisdiction).rule(case.kind)
    if rule.start == StartEvent.VERIFIED and case.verified_at is None:
        return True
    return rule.pauses_stop_clock and any(p.end_date is None for p in case.pauses)


def clock_stops_on_asking(case: Case, rule_book: RuleBook) -> bool:
    """Whether the rule of ``case`` stops its clock from the day the requester is asked for
    proof of identity or for clarification until the reply (GDPR Art. 12(6) as the EU rule set
    reads it; UK GDPR Art. 12A; GB/T 35273-2020 §8.7 as the CN rules read it): a letter asking
    then says so, and never that the law keeps the clock running. A due date stated by a
    regulator's letter stands whatever is asked: the letter then promises that date."""
    if not _ruled(case, rule_book):
        return False
    return rule_book.rule_set(case.jurisdiction).rule(case.kind).pauses_stop_clock


def due_date_set_by_hand(case: Case) -> bool:
    """Whether the due date of ``case`` is the company's own, set by hand before the statutory
    one: a letter may promise it as such ("we have undertaken to reply by …") beside what the
    law says of the statutory time limit, which a pause moves and the hand date does not."""
    return stated_due_source(case) is DueDateSource.BY_HAND
