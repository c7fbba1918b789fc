"""Batches of letters: which cases a batch covers and whether each letter can be produced.

A batch is one template in one language for many cases: the acknowledgements that are due,
the extension notices that are due, or a template for cases the handler picked. Planning reads
the case records only; producing the letters is ``app.services.letter_batch_run``. Services
return enums (``Blocker``); the UI turns them into sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from app.errors import CaseNotFoundError, LetterError
from app.models import Case, IdentifierKind, Letter
from app.models.enums import CaseKind, CaseStatus, ReviewFlag
from app.services.case_queries import find_case
from app.services.letter_fit import KINDS_OF_LETTER
from app.services.letters import SUPPORTED_LANGUAGES, UNCONFIRMED_RECEIPT

ACKNOWLEDGEMENT = "acknowledgement"
EXTENSION_NOTICE = "extension_notice"
REFUSALS = frozenset({"refusal", "partial_refusal"})
# A case past these statuses has been answered: an acknowledgement or notice would come late.
ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})


class BatchKind(StrEnum):
    """How the cases of a batch are chosen."""

    ACKNOWLEDGEMENTS_DUE = "acknowledgements_due"
    EXTENSION_NOTICES_DUE = "extension_notices_due"
    CHOSEN_CASES = "chosen_cases"


class Blocker(StrEnum):
    """Why the letter of one case cannot be produced (the UI words it)."""

    NOT_FOUND = "not_found"
    NO_ADDRESS = "no_address"
    RECEIPT_UNCONFIRMED = "receipt_unconfirmed"
    NAME_UNCONFIRMED = "name_unconfirmed"
    NOT_A_REQUEST = "not_a_request"
    NO_EXTENSION = "no_extension"
    NO_REFUSAL_GROUNDS = "no_refusal_grounds"


@dataclass(frozen=True)
class BatchEntry:
    """One case of a batch.

    Attributes:
        reference: the case reference (as typed when the case was not found).
        requester_name: the addressee (a guardian or relative where one acts), or ``None``.
        kind: the request kind, ``None`` when the case was not found.
        due_date: the date that binds (extended or statutory), in the rule's time zone.
        blocker: why the letter cannot be produced, ``None`` when it can.
    """

    reference: str
    requester_name: str | None
    kind: CaseKind | None
    due_date: date | None
    blocker: Blocker | None

    @property
    def ready(self) -> bool:
        """Return whether the letter can be produced."""
        return self.blocker is None


@dataclass(frozen=True)
class BatchPlan:
    """A batch before it runs: the template, language, letter date and the cases.

    Attributes:
        kind: how the cases were chosen. template_key: e.g. ``"acknowledgement"``.
        language: one of ``SUPPORTED_LANGUAGES``. issued_date: the letters' date.
        entries: the cases in reference order.
    """

    kind: BatchKind
    template_key: str
    language: str
    issued_date: date
    entries: tuple[BatchEntry, ...]

    @property
    def ready_references(self) -> tuple[str, ...]:
        """Return the references of the cases whose letter can be produced, in order."""
        return tuple(entry.reference for entry in self.entries if entry.ready)


def plan_batch(
    session: Session,
    template_key: str,
    today_date: date,
    *,
    language: str = "zh",
    references: Sequence[str] | None = None,
) -> BatchPlan:
    """Choose the cases of a batch and check each can get its letter.

    Without ``references``, the template picks the cases that are due: for
    ``"acknowledgement"`` the open requests with no acknowledgement yet whose acknowledgement
    is due by ``today_date`` (CCPA: 10 business days, 11 CCR § 7021(a)); where the rule sets
    no acknowledgement duty (China, GDPR) it is due on receipt, as the team practises. For
    ``"extension_notice"`` the open cases that were extended and have no notice yet (GDPR
    Art. 12(3): the requester is told of an extension with its reasons).

    Args:
        session: read-only use. template_key: a case letter's template key.
        today_date: the letters' date, in the team's calendar.
        language: one of ``SUPPORTED_LANGUAGES``.
        references: the cases to include (any template); ``None`` for the due cases.

    Returns:
        The ``BatchPlan``.

    Raises:
        LetterError: unknown language, or no references for a template that has no due rule.
    """
    if language not in SUPPORTED_LANGUAGES:
        raise LetterError(f"Letters are written in {', '.join(SUPPORTED_LANGUAGES)}.")
    if references is not None:
        entries = tuple(_chosen_entry(session, ref, template_key) for ref in references)
        return BatchPlan(BatchKind.CHOSEN_CASES, template_key, language, today_date, entries)
    kind, cases = _due_cases(session, template_key, today_date)
    entries = tuple(_entry(case, template_key) for case in cases)
    return BatchPlan(kind, template_key, language, today_date, entries)


def _due_cases(
    session: Session, template_key: str, today_date: date
) -> tuple[BatchKind, list[Case]]:
    if template_key == ACKNOWLEDGEMENT:
        due = or_(Case.ack_due_date.is_(None), Case.ack_due_date <= today_date)
        # The kinds the acknowledgement answers (app.services.letter_fit): a reminder chases an
        # earlier request and a regulator's inquiry is no data subject's request.
        acknowledged = sorted(KINDS_OF_LETTER[ACKNOWLEDGEMENT])
        query = _open_without(ACKNOWLEDGEMENT).where(due, Case.kind.in_(acknowledged))
        return BatchKind.ACKNOWLEDGEMENTS_DUE, list(session.scalars(query))
    if template_key == EXTENSION_NOTICE:
        query = _open_without(EXTENSION_NOTICE).where(Case.extension_reason.is_not(None))
        return BatchKind.EXTENSION_NOTICES_DUE, list(session.scalars(query))
    raise LetterError(f"Choose the cases for a batch of '{template_key[:40]}' letters.")


def _open_without(template_key: str) -> Select[tuple[Case]]:
    """Open cases (not yet answered) that have no letter from ``template_key`` yet."""
    sent = exists().where(Letter.case_id == Case.id, Letter.template_key == template_key)
    return (
        select(Case)
        .where(Case.status.not_in(ANSWERED), Case.purged_at.is_(None), ~sent)
        .order_by(Case.reference)
    )


def _chosen_entry(session: Session, reference: str, template_key: str) -> BatchEntry:
    try:
        return _entry(find_case(session, reference), template_key)
    except CaseNotFoundError:
        return BatchEntry(reference.strip()[:40], None, None, None, Blocker.NOT_FOUND)


def _entry(case: Case, template_key: str) -> BatchEntry:
    addressee = next((party for party in case.parties if party.is_addressee), None)
    name = addressee.name if addressee else case.subject.display_name if case.subject else None
    blocker = blocker_of(case, template_key)
    return BatchEntry(case.reference, name, case.kind, case.binding_due_date, blocker)


def blocker_of(case: Case, template_key: str) -> Blocker | None:
    """Return why ``case`` cannot get the letter ``template_key`` now, ``None`` if it can.

    The checks are those of ``app.services.letters.generate_letter`` plus what the letter needs
    from the record: somewhere to send it, an extension to notify, refusal grounds to state.
    """
    if UNCONFIRMED_RECEIPT & {ReviewFlag(flag) for flag in case.review_flags}:
        return Blocker.RECEIPT_UNCONFIRMED
    if ReviewFlag.NAME_DAMAGED.value in case.review_flags:
        return Blocker.NAME_UNCONFIRMED  # the letter would greet by a name partly lost
    if case.kind == CaseKind.NOT_A_REQUEST and template_key == ACKNOWLEDGEMENT:
        return Blocker.NOT_A_REQUEST
    if not _has_address(case):
        return Blocker.NO_ADDRESS
    if template_key == EXTENSION_NOTICE and not case.extension_reason:
        return Blocker.NO_EXTENSION
    if template_key in REFUSALS and not case.refusal_grounds:
        return Blocker.NO_REFUSAL_GROUNDS
    return None


def _has_address(case: Case) -> bool:
    """Letters go by e-mail: the addressee (a guardian or relative) or the subject needs one."""
    addressee = next((party for party in case.parties if party.is_addressee), None)
    if addressee is not None:
        return bool(addressee.email)
    return case.subject is not None and case.subject.identifier(IdentifierKind.EMAIL) is not None
