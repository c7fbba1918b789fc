"""Which letter answers which case: the one rule the Case menu, the batch and
``generate_letter`` share.

A letter either answers the case's kind of request or it never can (a "deletion done" letter
for a complaint; an extension notice where the case's rule has no extension): such a letter is
not offered. A letter that answers the kind may still not be possible yet (the receipt date is
unconfirmed, the identity unchecked, nothing erased or exported yet, no extension taken): it is
offered with the reason (``LetterBlocker``), and ``check_letter_can_go`` refuses it with that
reason. Services return the enum; the UI words it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from app.errors import LetterError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind, ReviewFlag
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.letter_clock import clock_waits
from app.services.letter_fit_messages import BLOCKER_MESSAGES, MET_IN_FULL
from app.services.letter_fit_tables import (
    ACCESS_RESPONSE,
    ANSWERED_OUTCOMES,
    ASKING_LETTERS,
    BEFORE_ANSWER_LETTERS,
    CLOSED_STATUSES,
    ERASING_ACTIONS,
    ERASURE_LETTERS,
    EXTENSION_NOTICE,
    IDENTITY_FIRST,
    OUTCOME_LETTERS,
    OUTCOMES_OF_LETTER,
    REFUSALS,
)
from app.services.letter_fit_tables import KINDS_OF_LETTER as KINDS_OF_LETTER  # re-exported
from app.services.letter_fit_tables import REQUEST_KINDS as REQUEST_KINDS  # re-exported
from app.services.workflow.categories import IN_THE_COPY

# The receipt instant was not in the message (the app took the server, file or import time),
# or the message's Date: is impossible (in the future, before e-mail requests, or outside the
# years deadlines are counted for): a letter would state it as the date of receipt.
# (``letter_batch.blocker_of`` reads this set too, so a batch holds such cases back as well.)
IMPLAUSIBLE_RECEIPT = frozenset({ReviewFlag.IMPLAUSIBLE_DATE})
UNCONFIRMED_RECEIPT = (
    frozenset({ReviewFlag.MISSING_DATE, ReviewFlag.UNPARSABLE_DATE, ReviewFlag.DATE_WITHOUT_ZONE})
    | {ReviewFlag.DATE_ZONE_AMBIGUOUS}  # "CST": read by its earliest meaning, maybe too early
    | {ReviewFlag.ORIGINAL_DATE_NOT_USED}  # a forward's date, likely after the first receipt
    | IMPLAUSIBLE_RECEIPT
)


class LetterBlocker(StrEnum):
    """Why a letter that answers the case's kind cannot be produced yet (the UI words it)."""

    RECEIPT_IMPLAUSIBLE = "receipt_implausible"
    RECEIPT_UNCONFIRMED = "receipt_unconfirmed"
    NAME_UNCONFIRMED = "name_unconfirmed"  # ``NAME_DAMAGED``: the letter greets by the name
    IDENTITY_UNVERIFIED = "identity_unverified"
    NOTHING_ERASED = "nothing_erased"
    NOTHING_EXPORTED = "nothing_exported"
    EXPORT_NOT_DONE = "export_not_done"
    NO_DEADLINE = "no_deadline"
    NOT_EXTENDED = "not_extended"
    EXTENSION_TOO_LATE = "extension_too_late"
    NO_REFUSAL_GROUNDS = "no_refusal_grounds"
    IDENTITY_VERIFIED = "identity_verified"
    ALREADY_ANSWERED = "already_answered"
    NOT_ANSWERED = "not_answered"
    REQUEST_REFUSED = "request_refused"
    REQUEST_PARTLY_GRANTED = "request_partly_granted"
    REQUEST_GRANTED = "request_granted"
    CLOSED_WITHOUT_ANSWER = "closed_without_answer"
    NO_REQUESTER = "no_requester"
    DEADLINE_PASSED = "deadline_passed"


# What the recorded outcome is, when a letter cannot state it: the letter for it is another.
OUTCOME_BLOCKERS: Mapping[CaseOutcome, LetterBlocker] = {
    CaseOutcome.REFUSED: LetterBlocker.REQUEST_REFUSED,
    CaseOutcome.PARTIALLY_FULFILLED: LetterBlocker.REQUEST_PARTLY_GRANTED,
    CaseOutcome.FULFILLED: LetterBlocker.REQUEST_GRANTED,
}


@dataclass(frozen=True)
class LetterFit:
    """How one letter fits one case.

    Attributes:
        template_key: the letter, e.g. ``"deletion_done"``.
        answers_kind: whether the letter can ever answer this case's kind (``False``: not
            offered at all).
        blocker: why it cannot be produced now; ``None`` when it can (or does not answer).
    """

    template_key: str
    answers_kind: bool
    blocker: LetterBlocker | None = None

    @property
    def ready(self) -> bool:
        """Return whether the letter can be produced now."""
        return self.answers_kind and self.blocker is None


def answers_kind(template_key: str, kind: CaseKind) -> bool:
    """Return whether ``template_key`` can answer a case of ``kind`` by the kind alone (the
    extension notice also needs the case's rule to have an extension: ``letter_fit``)."""
    kinds = KINDS_OF_LETTER.get(template_key)
    return kinds is None or kind in kinds


def has_extension(case: Case, rule_book: RuleBook) -> bool:
    """Return whether the rule of the case's jurisdiction and kind allows an extension (China:
    never, PIPL Art. 50 and the 15 working days of App认定方法; GDPR Art. 12(3): two months)."""
    if not rule_book.has_rule(case.jurisdiction, case.kind):
        return False
    return rule_book.rule_set(case.jurisdiction).rule(case.kind).extension is not None


def letter_fit(case: Case, template_key: str, rule_book: RuleBook, issued_date: date) -> LetterFit:
    """Return how the letter ``template_key`` dated ``issued_date`` fits ``case``.

    Args:
        case: the case as stored.
        template_key: the letter's template key.
        rule_book: deadline rules (does the case's rule have an extension?).
        issued_date: the letter's date, in the team's calendar.

    Returns:
        The ``LetterFit``; its ``blocker`` is the first thing missing, in the order a handler
        settles them (receipt date, identity, the record the letter states).
    """
    fits = answers_kind(template_key, case.kind)
    if template_key == EXTENSION_NOTICE:
        fits = fits and has_extension(case, rule_book)
    if not fits:
        return LetterFit(template_key, answers_kind=False)
    blocker = _blocker(case, template_key, issued_date)
    if blocker is None and template_key in ASKING_LETTERS and not clock_waits(case, rule_book):
        blocker = _promise_blocker(case, issued_date)
    return LetterFit(template_key, True, blocker)


def _record_blocker(case: Case) -> LetterBlocker | None:
    """What every letter needs of the record: a confirmed receipt, a requester's name in no
    doubt (``NAME_DAMAGED``: ``requester_details`` confirms or corrects it), someone to write to."""
    flags = set(case.review_flags)
    if IMPLAUSIBLE_RECEIPT & flags:
        return LetterBlocker.RECEIPT_IMPLAUSIBLE
    if UNCONFIRMED_RECEIPT & flags:
        return LetterBlocker.RECEIPT_UNCONFIRMED
    if ReviewFlag.NAME_DAMAGED in flags:
        return LetterBlocker.NAME_UNCONFIRMED
    if case.subject is None and not any(party.is_addressee for party in case.parties):
        return LetterBlocker.NO_REQUESTER
    return None


def _blocker(case: Case, template_key: str, issued_date: date) -> LetterBlocker | None:
    if (on_record := _record_blocker(case)) is not None:
        return on_record
    if template_key in IDENTITY_FIRST and case.verified_at is None:
        return LetterBlocker.IDENTITY_UNVERIFIED
    if template_key == ACCESS_RESPONSE:
        export = _export_blocker(case)
        if export is not None:
            return export
    if template_key in ERASURE_LETTERS and not _erasure_done(case):
        return LetterBlocker.NOTHING_ERASED
    if template_key in BEFORE_ANSWER_LETTERS:
        return _before_answer_blocker(case, template_key)
    if template_key in OUTCOMES_OF_LETTER and case.outcome not in OUTCOMES_OF_LETTER[template_key]:
        return _outcome_blocker(case.outcome)
    if template_key == EXTENSION_NOTICE:
        return _extension_blocker(case, issued_date)
    if template_key in REFUSALS and not case.refusal_grounds:
        return LetterBlocker.NO_REFUSAL_GROUNDS
    return None


def _before_answer_blocker(case: Case, template_key: str) -> LetterBlocker | None:
    """An identity request goes only while the identity is unchecked (PIPL Art. 50; GB/T
    35273-2020 §8.7); nothing is asked or acknowledged once the case is answered, or closed
    without an answer (withdrawn, a duplicate, not a request, unverifiable)."""
    if template_key == "identity_request" and case.verified_at is not None:
        return LetterBlocker.IDENTITY_VERIFIED
    if case.responded_at is not None or case.outcome in ANSWERED_OUTCOMES:
        return LetterBlocker.ALREADY_ANSWERED
    if case.outcome is not None or case.status in CLOSED_STATUSES:
        return LetterBlocker.CLOSED_WITHOUT_ANSWER
    return None


def _outcome_blocker(outcome: CaseOutcome | None) -> LetterBlocker:
    """Why a letter cannot state the recorded ``outcome`` (``OUTCOMES_OF_LETTER``)."""
    if outcome is None:
        return LetterBlocker.NOT_ANSWERED
    return OUTCOME_BLOCKERS.get(outcome, LetterBlocker.CLOSED_WITHOUT_ANSWER)


def _promise_blocker(case: Case, issued_date: date) -> LetterBlocker | None:
    """A request for information while the clock runs promises an answer by the due date:
    once that date has passed (the binding, possibly extended one) it would promise a day
    already gone, so the case is answered instead (PIPL Art. 50; GDPR Art. 12(3)). (A late
    acknowledgement says the date has passed instead: ``app.reports.acknowledgement``.)"""
    due = case.binding_due_date
    if due is not None and issued_date > due:
        return LetterBlocker.DEADLINE_PASSED
    return None


def _erasure_done(case: Case) -> bool:
    """A letter saying data was erased rests on erasure recorded as done (PIPL Art. 47; a
    false statement to the data subject is worse than a late one)."""
    return any(
        action.action in ERASING_ACTIONS and action.done_at is not None
        for action in case.category_actions
    )


def _export_blocker(case: Case) -> LetterBlocker | None:
    """An access response says the copy of the personal information is attached (PIPL Art. 45:
    access and copy): it rests on an export recorded on the case, every planned one done
    (none planned yet, or some still open, each say what to do next). A category planned for
    anything but the copy or "none held" (a legal hold: it keeps data from deletion, never
    from the data subject, PIPL Art. 45; GDPR Art. 15) is left out of it: only a request met
    in part may leave one out, the partial refusal giving the grounds (PIPL Art. 50)."""
    exports = [a for a in case.category_actions if a.action == CategoryActionKind.EXPORT]
    if not exports:
        return LetterBlocker.NOTHING_EXPORTED
    if any(action.done_at is None for action in exports):
        return LetterBlocker.EXPORT_NOT_DONE
    left_out = any(a.action not in IN_THE_COPY for a in case.category_actions)
    if left_out and case.outcome != CaseOutcome.PARTIALLY_FULFILLED:
        return LetterBlocker.EXPORT_NOT_DONE
    return None


def _extension_blocker(case: Case, issued_date: date) -> LetterBlocker | None:
    """GDPR Art. 12(3): the requester is told of the extension, with its reasons, within the
    original period."""
    if case.due_date is None:
        return LetterBlocker.NO_DEADLINE
    if not case.extension_reason:
        return LetterBlocker.NOT_EXTENDED
    if issued_date > case.due_date:
        return LetterBlocker.EXTENSION_TOO_LATE
    return None


def case_letter_fits(
    session: Session,
    reference: str,
    templates: Iterable[str],
    rule_book: RuleBook,
    issued_date: date,
) -> tuple[LetterFit, ...]:
    """Return how each of ``templates`` fits the case ``reference`` (a short read).

    Raises:
        CaseNotFoundError: no such case.
    """
    case = find_case(session, reference)
    return tuple(letter_fit(case, key, rule_book, issued_date) for key in templates)


def check_letter_can_go(
    case: Case, template_key: str, rule_book: RuleBook, issued_date: date
) -> None:
    """Refuse a letter that does not fit ``case`` (``letter_fit``), saying why.

    Raises:
        LetterError: the letter answers another kind of request (or there is no extension
            to notify under the case's rule), or what it needs is missing (``blocker_message``;
            a refusal of a request met in full names the letter that reports it).
    """
    fit = letter_fit(case, template_key, rule_book, issued_date)
    if not fit.answers_kind:
        raise LetterError(misfit_message(case, template_key))
    if fit.blocker == LetterBlocker.REQUEST_GRANTED and case.kind in OUTCOME_LETTERS:
        raise LetterError(MET_IN_FULL.format(letter_kind=OUTCOME_LETTERS[case.kind]))
    if fit.blocker is not None:
        raise LetterError(blocker_message(fit.blocker))


def misfit_message(case: Case, template_key: str) -> str:
    """Return why ``template_key`` can never answer ``case`` (codes, not words: the UI shows
    each code by its name, ``app.error_text``)."""
    kind = case.kind.value
    if case.kind == CaseKind.NOT_A_REQUEST and template_key == "acknowledgement":
        return (
            "This mail is not a privacy request: close it as not a request instead of "
            "acknowledging it as one."
        )
    if template_key == EXTENSION_NOTICE and answers_kind(template_key, case.kind):
        jurisdiction = case.jurisdiction
        return f"The {jurisdiction} rules give no extension for '{kind}' requests."
    return f"The letter '{template_key}' answers requests of another kind than this '{kind}' case."


def blocker_message(blocker: LetterBlocker) -> str:
    """Return the English sentence for ``blocker`` (the command line's; the UI words the enum
    itself and names its menus)."""
    return BLOCKER_MESSAGES[blocker.value]
