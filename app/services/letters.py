"""Letters of a case: the facts a template needs, and storing the rendered PDF immutably.

Which letter fits which case is ``app.services.letter_fit``; approving and sending a stored
letter is ``app.services.letter_review`` (both re-exported here for callers of old).

Rendering itself is ReportLab's job in ``app.reports`` (above this layer); the caller hands a
``LetterRenderer`` in, so this module stays free of PDF code (STYLE.md §14).
"""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, IdentifierKind, Letter
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind, PartyRole
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.case_queries import find_case
from app.services.clock import deadline_for
from app.services.deadlines import RuleBook
from app.services.letter_clock import clock_stops_on_asking, clock_waits, due_date_set_by_hand
from app.services.letter_fit import IMPLAUSIBLE_RECEIPT as IMPLAUSIBLE_RECEIPT
from app.services.letter_fit import UNCONFIRMED_RECEIPT as UNCONFIRMED_RECEIPT
from app.services.letter_fit import check_letter_can_go
from app.services.letter_languages import LANGUAGES
from app.services.letter_review import approve_letter as approve_letter
from app.services.letter_review import record_sending as record_sending
from app.services.settings_letterhead import LetterheadFields, stored_letterhead
from app.services.workflow.inventory import RetentionRule, current_inventory
from app.services.workflow.transitions import action_instant

# zh, en, zh+en, zh-Hant (Traditional Chinese), zh-Hant+en: app.services.letter_languages
SUPPORTED_LANGUAGES = LANGUAGES


@dataclass(frozen=True)
class CategoryLine:
    """A data category and what was done to it (names in both letter languages).

    ``hold_source`` is the inventory's note on the rule (English, for staff); a letter states
    ``hold_rule``, the team's retention rule of a legal hold (``None`` when the inventory no
    longer has it). ``note``: the handler's note on the action (a correction's new value, an
    export's data items), printed in the letters that report them. ``done_date``: the day the
    action was carried out, in the case rule's time zone (``None`` while unsettled).
    ``on_deletion`` and ``kept_under``: what the inventory does to the category on a deletion
    and the retention rule it holds it under whatever this case does (an access response
    states why each category is kept; ``None`` when the inventory no longer has it).
    """

    key: str
    name_zh: str
    name_en: str
    action: CategoryActionKind
    done: bool
    hold_until: date | None
    hold_source: str | None
    hold_rule: RetentionRule | None = None
    note: str = ""
    done_date: date | None = None
    on_deletion: CategoryActionKind | None = None
    kept_under: RetentionRule | None = None


@dataclass(frozen=True)
class LetterContext:
    """The facts of a case that a letter states. Dates are in the rule's time zone.

    ``due_date`` is the date that binds (the extended date once extended); ``original_due_date``
    the statutory date before any extension. ``letterhead`` is the one stored in settings, or
    ``None`` to print the shipped default; ``hold_months`` the team inventory's retention
    months per rule (``None``: the shipped inventory's). ``clock_waits``: the case's clock is
    stopped now for the requester: its rule starts it on the identity check, not yet done
    (GB/T 35273-2020 §8.7), or stops it for a pause and one is open (UK GDPR Art. 12A).
    ``clock_stops_on_asking``: the rule stops the clock from a request for proof or
    clarification until the reply (GDPR Art. 12(6) as the EU rule set reads it).
    ``due_date_by_hand``: the company's own due date, set by hand before the statutory one
    (``None`` when no hand date is set): it binds whether or not the statutory clock waits,
    so a letter asking the requester may promise it while ``due_date`` states none.
    ``statutory_due_date``: under a hand date, the statutory deadline the rule still counts
    (``None`` without a hand date, or where no rule times the case): a letter whose clock runs
    on states it as the law's limit beside the hand date as the company's own.
    ``inventory``: every category of the team's data inventory, as planned on a deletion
    (``done`` false), for letters that tell what the company holds.
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
    clock_waits: bool = False
    clock_stops_on_asking: bool = False
    due_date_by_hand: date | None = None
    statutory_due_date: date | None = None
    inventory: tuple[CategoryLine, ...] = ()


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
    # The case's dates as the rule counts them; UTC where no rule covers the case.
    zone = ZoneInfo(deadline.rule.time_zone if deadline else "UTC")
    subject = case.subject
    party = next((p for p in case.parties if p.is_addressee), None)
    by_hand = due_date_set_by_hand(case)
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
        responded_date=_local_date(case.responded_at, zone),
        refusal_grounds=tuple((g.code, g.explanation) for g in case.refusal_grounds),
        categories=_category_lines(session, case, zone),
        letterhead=stored_letterhead(session),
        hold_months={k: r.months for k, r in current_inventory(session).rules.items()},
        clock_waits=clock_waits(case, rule_book),
        clock_stops_on_asking=clock_stops_on_asking(case, rule_book),
        due_date_by_hand=case.binding_due_date if by_hand else None,
        statutory_due_date=deadline.effective_due_date if by_hand and deadline else None,
        inventory=_inventory_lines(session),
    )


def _inventory_lines(session: Session) -> tuple[CategoryLine, ...]:
    inventory = current_inventory(session)
    return tuple(
        CategoryLine(
            key=category.key,
            name_zh=category.name_zh,
            name_en=category.name_en,
            action=category.on_deletion,
            done=False,
            hold_until=None,
            hold_source=None,
            hold_rule=inventory.rules.get(category.hold_rule or ""),
            on_deletion=category.on_deletion,
            kept_under=inventory.rules.get(category.hold_rule or ""),
        )
        for category in inventory.categories.values()
    )


def _local_date(instant: datetime | None, zone: ZoneInfo) -> date | None:
    return instant.astimezone(zone).date() if instant is not None else None


def _category_lines(session: Session, case: Case, zone: ZoneInfo) -> tuple[CategoryLine, ...]:
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
                hold_rule=rule,
                note=action.note,
                done_date=_local_date(action.done_at, zone),
                on_deletion=category.on_deletion if category else None,
                kept_under=inventory.rules.get(category.hold_rule or "") if category else None,
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
        language: one of ``SUPPORTED_LANGUAGES`` (``"zh-Hant"``: Traditional Chinese).
        renderer: turns the context into PDF bytes (``app.reports``).
        rule_book: deadline rules, for the receipt date in the rule's time zone.
        issued_date: the letter's date.
        actor: recorded in the audit trail.
        generated_at: when it was generated (aware); now when not given.

    Returns:
        The ``StoredLetter`` with its SHA-256 (hex).

    Raises:
        CaseNotFoundError, TemplateError.
        LetterError: the letter does not fit the case (``app.services.letter_fit``: another
            kind of request, or not possible yet, e.g. receipt date unconfirmed), or the
            renderer refused it (characters the font lacks).
        WorkflowError: ``generated_at`` naive, before receipt or in the future.
    """
    case = find_case(session, reference)
    check_letter_can_go(case, template_key, rule_book, issued_date)
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


def _next_version(session: Session, case: Case, template_key: str, language: str) -> int:
    highest = session.scalar(
        select(func.max(Letter.version)).where(
            Letter.case_id == case.id,
            Letter.template_key == template_key,
            Letter.language == language,
        )
    )
    return (highest or 0) + 1
