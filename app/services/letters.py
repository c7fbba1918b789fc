"""Letters of a case: the facts a template needs, and storing the rendered PDF immutably.

Rendering itself is ReportLab's job in ``app.reports`` (above this layer); the caller hands a
``LetterRenderer`` in, so this module stays free of PDF code (STYLE.md §14).
"""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import LetterError, TransitionBlockedError, WorkflowError
from app.models import Case, IdentifierKind, Letter, Review
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CategoryActionKind,
    PartyRole,
    ReviewDecision,
    ReviewFlag,
    ReviewSubject,
)
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.case_queries import find_case
from app.services.clock import deadline_for
from app.services.deadlines import RuleBook
from app.services.settings_letterhead import LetterheadFields, stored_letterhead
from app.services.workflow.inventory import current_inventory
from app.services.workflow.transitions import action_instant

SUPPORTED_LANGUAGES = ("zh", "en", "zh+en")


@dataclass(frozen=True)
class CategoryLine:
    """A data category and what was done to it (names in both letter languages)."""

    key: str
    name_zh: str
    name_en: str
    action: CategoryActionKind
    done: bool
    hold_until: date | None
    hold_source: str | None


@dataclass(frozen=True)
class LetterContext:
    """The facts of a case that a letter states. Dates are in the rule's time zone.

    ``due_date`` is the date that binds (the extended date once extended); ``original_due_date``
    the statutory date before any extension. ``letterhead`` is the one stored in settings, or
    ``None`` to print the shipped default; ``hold_months`` the team inventory's retention
    months per rule (``None``: the shipped inventory's).
    """

    reference: str
    kind: CaseKind
    jurisdiction: str
    requester_name: str | None
    requester_email: str | None
    received_date: date
    due_date: date | None
    due_provisional: bool
    issued_date: date
    addressee_name: str | None = None
    addressee_role: PartyRole | None = None
    original_due_date: date | None = None
    extension_reason: str | None = None
    outcome: CaseOutcome | None = None
    responded_date: date | None = None
    refusal_grounds: tuple[tuple[str, str], ...] = ()
    categories: tuple[CategoryLine, ...] = ()
    letterhead: LetterheadFields | None = field(default=None, repr=False)
    hold_months: Mapping[str, int] | None = None


@dataclass(frozen=True)
class RenderedLetter:
    """A rendered letter: the PDF bytes and the version of the template that produced it."""

    pdf: bytes = field(repr=False)
    template_version: str


LetterRenderer = Callable[[str, str, LetterContext], RenderedLetter]
"""Renders (template key, language, context) to a ``RenderedLetter``."""


@dataclass(frozen=True)
class StoredLetter:
    """A letter as stored: which case, template, language and version, and its SHA-256."""

    reference: str
    template_key: str
    language: str
    version: int
    sha256: str
    pdf: bytes = field(repr=False)


def letter_context(
    session: Session, case: Case, rule_book: RuleBook, issued_date: date
) -> LetterContext:
    """Return the facts of ``case`` for a letter issued on ``issued_date``."""
    deadline = deadline_for(session, case, rule_book, today=issued_date)
    subject = case.subject
    party = next((p for p in case.parties if p.is_addressee), None)
    return LetterContext(
        reference=case.reference,
        kind=case.kind,
        jurisdiction=case.jurisdiction,
        requester_name=subject.display_name if subject else None,
        requester_email=subject.identifier(IdentifierKind.EMAIL) if subject else None,
        received_date=deadline.received_date if deadline else case.received_at.date(),
        due_date=case.binding_due_date,
        due_provisional=case.due_provisional,
        issued_date=issued_date,
        addressee_name=party.name if party else None,
        addressee_role=party.role if party else None,
        original_due_date=case.due_date,
        extension_reason=case.extension_reason,
        outcome=case.outcome,
        responded_date=case.responded_at.date() if case.responded_at else None,
        refusal_grounds=tuple((g.code, g.explanation) for g in case.refusal_grounds),
        categories=_category_lines(session, case),
        letterhead=stored_letterhead(session),
        hold_months={k: r.months for k, r in current_inventory(session).rules.items()},
    )


def _category_lines(session: Session, case: Case) -> tuple[CategoryLine, ...]:
    inventory = current_inventory(session)
    lines = []
    for action in case.category_actions:
        category = inventory.categories.get(action.category)
        rule = inventory.rules.get(action.hold_rule or "")
        lines.append(
            CategoryLine(
                key=action.category,
                name_zh=category.name_zh if category else action.category,
                name_en=category.name_en if category else action.category,
                action=action.action,
                done=action.done_at is not None,
                hold_until=action.hold_until,
                hold_source=rule.source if rule else None,
            )
        )
    return tuple(lines)


def generate_letter(
    session: Session,
    reference: str,
    template_key: str,
    language: str,
    *,
    renderer: LetterRenderer,
    rule_book: RuleBook,
    issued_date: date,
    actor: str = SYSTEM_ACTOR,
    generated_at: datetime | None = None,
) -> StoredLetter:
    """Render a letter for the case ``reference`` and store it as its next version.

    Args:
        session: unit of work; the letter and its audit event commit together.
        reference: the case reference.
        template_key: e.g. ``"acknowledgement"``.
        language: ``"zh"`` or ``"en"``.
        renderer: turns the context into PDF bytes (``app.reports``).
        rule_book: deadline rules, for the receipt date in the rule's time zone.
        issued_date: the letter's date.
        actor: recorded in the audit trail.
        generated_at: when it was generated (aware); now when not given.

    Returns:
        The ``StoredLetter`` with its SHA-256 (hex).

    Raises:
        CaseNotFoundError, TemplateError, LetterError.
        WorkflowError: ``generated_at`` naive, before receipt or in the future.
    """
    case = find_case(session, reference)
    _check_letter_can_go(case, template_key)
    made_at = action_instant(case, generated_at)
    rendered = renderer(
        template_key, language, letter_context(session, case, rule_book, issued_date)
    )
    sha256 = hashlib.sha256(rendered.pdf).hexdigest()
    version = _next_version(session, case, template_key, language)
    letter = Letter(
        template_key=template_key,
        template_version=rendered.template_version,
        language=language,
        version=version,
        pdf=rendered.pdf,
        sha256=sha256,
        generated_by=actor,
        generated_at=made_at,
    )
    case.letters.append(letter)
    payload = {"template": template_key, "language": language, "version": version, "sha256": sha256}
    record_event(session, "letter.generated", case=case, actor=actor, payload=payload)
    return StoredLetter(case.reference, template_key, language, version, sha256, rendered.pdf)


# The receipt instant was not in the message (the app took the server, file or import time),
# or the message's Date: is impossible (in the future, before e-mail requests, or outside the
# years deadlines are counted for): a letter would state it as the date of receipt.
# (``letter_batch.blocker_of`` reads this set too, so a batch holds such cases back as well.)
IMPLAUSIBLE_RECEIPT = frozenset({ReviewFlag.IMPLAUSIBLE_DATE})
UNCONFIRMED_RECEIPT = (
    frozenset({ReviewFlag.MISSING_DATE, ReviewFlag.UNPARSABLE_DATE}) | IMPLAUSIBLE_RECEIPT
)


# A letter that reports an outcome answers one kind of request, and one that says data was
# erased must rest on erasure recorded as done (PIPL Art. 47; a false statement to the data
# subject is worse than a late one).
KINDS_OF_LETTER = {
    "deletion_done": frozenset(
        {CaseKind.DELETION, CaseKind.CONSENT_WITHDRAWAL, CaseKind.ACCOUNT_CANCELLATION}
    ),
    "cancellation_confirmation": frozenset({CaseKind.ACCOUNT_CANCELLATION}),
    "correction_done": frozenset({CaseKind.CORRECTION}),
}
ERASURE_LETTERS = frozenset({"deletion_done", "cancellation_confirmation"})
ERASING_ACTIONS = frozenset({CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE})


def _check_letter_can_go(case: Case, template_key: str) -> None:
    """A letter states the receipt date and the deadline: both must be real first; a letter
    reporting an outcome must match the request's kind and, for an erasure, the record.

    Raises:
        LetterError: the receipt date is unconfirmed or implausible, the mail is not a
            request, the letter answers another kind of request, or no erasure is recorded
            as done.
    """
    flags = {ReviewFlag(flag) for flag in case.review_flags}
    if IMPLAUSIBLE_RECEIPT & flags:
        raise LetterError(
            "Confirm the receipt date of this case first (Case › Clock › Confirm receipt date…, "
            "or python -m app clock confirm-receipt): "
            "the message is dated in the future or long past, and the letter would state "
            "that impossible date."
        )
    if UNCONFIRMED_RECEIPT & flags:
        raise LetterError(
            "Confirm the receipt date of this case first (Case › Clock › Confirm receipt date…, "
            "or python -m app clock confirm-receipt): "
            "the letter would state a date the message itself does not prove."
        )
    if case.kind == CaseKind.NOT_A_REQUEST and template_key == "acknowledgement":
        raise LetterError(
            "This mail is not a privacy request: close it as not a request instead of "
            "acknowledging it as one."
        )
    kinds = KINDS_OF_LETTER.get(template_key)
    if kinds is not None and case.kind not in kinds:
        raise LetterError(
            f"A {template_key.replace('_', ' ')} letter answers a request of another kind "
            f"than this {case.kind.value.replace('_', ' ')} case."
        )
    if template_key in ERASURE_LETTERS and not any(
        action.action in ERASING_ACTIONS and action.done_at is not None
        for action in case.category_actions
    ):
        raise LetterError(
            "Nothing has been recorded as deleted or anonymised on this case yet: plan the "
            "deletion over the inventory and mark the categories done before writing that it "
            "was done."
        )


def _next_version(session: Session, case: Case, template_key: str, language: str) -> int:
    highest = session.scalar(
        select(func.max(Letter.version)).where(
            Letter.case_id == case.id,
            Letter.template_key == template_key,
            Letter.language == language,
        )
    )
    return (highest or 0) + 1


def _letter(session: Session, reference: str, letter_id: int) -> Letter:
    case = find_case(session, reference)
    letter = next((lt for lt in case.letters if lt.id == letter_id), None)
    if letter is None:
        raise WorkflowError(f"Case {case.reference} has no letter #{letter_id}.")
    return letter


def approve_letter(
    session: Session,
    reference: str,
    letter_id: int,
    *,
    reviewer: str,
    approved_at: datetime | None = None,
) -> Letter:
    """A second person approves a generated letter before it is sent (four-eyes).

    Args:
        approved_at: when the reviewer approved it (aware); now when not given.

    Raises:
        CaseNotFoundError, WorkflowError: no such case or letter, already approved, or
            ``approved_at`` naive, before receipt or in the future.
        TransitionBlockedError: the reviewer generated the letter or handles the case.
    """
    letter = _letter(session, reference, letter_id)
    if reviewer in {letter.generated_by, letter.case.assignee}:
        raise TransitionBlockedError(
            "A second person must approve the letter: not the person who generated it or the "
            "handler of the case.",
            ("a reviewer other than the author",),
        )
    if letter.approved_at is not None:
        raise WorkflowError("This letter is already approved.")
    letter.approved_at = action_instant(letter.case, approved_at)
    letter.approved_by = reviewer
    letter.case.reviews.append(
        Review(
            subject=ReviewSubject.LETTER,
            letter_id=letter.id,
            requested_by=letter.generated_by,
            decision=ReviewDecision.APPROVED,
            decided_by=reviewer,
            decided_at=letter.approved_at,
        )
    )
    record_event(
        session,
        "letter.approved",
        case=letter.case,
        actor=reviewer,
        payload={"letter_id": letter.id, "sha256": letter.sha256},
    )
    return letter


def record_sending(
    session: Session,
    reference: str,
    letter_id: int,
    *,
    channel: str,
    sent_at: datetime,
    proof: str,
    actor: str,
) -> Letter:
    """Record that an approved letter was sent: channel, instant and proof (e.g. the e-mail's
    Message-ID or a registered-post number).

    Raises:
        WorkflowError: no such letter, not approved, already sent, or no proof.
    """
    letter = _letter(session, reference, letter_id)
    if letter.approved_at is None:
        raise WorkflowError("Only an approved letter can be sent.")
    if letter.sent_at is not None:
        raise WorkflowError("This letter is already recorded as sent.")
    if not proof.strip() or not channel.strip():
        raise WorkflowError("Record the channel and a proof of sending.")
    letter.sent_at, letter.sent_channel, letter.sent_proof = sent_at, channel, proof
    letter.sent_recorded_by = actor
    record_event(
        session,
        "letter.sent",
        case=letter.case,
        actor=actor,
        payload={"letter_id": letter.id, "channel": channel, "sha256": letter.sha256},
    )
    return letter
