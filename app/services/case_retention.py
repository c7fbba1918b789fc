"""Retention of case records: closed cases anonymised after a set period, ID documents purged
once verification is over, each run previewed first and recorded in a certificate.

The period is company policy, not law: PIPL Art. 19 and GB/T 35273-2020 §6.1 require keeping
personal information only as long as the purpose needs. The purpose of a closed case record is
to prove how the request was handled; 36 months covers the general three-year limitation period
for civil claims (Civil Code Art. 188), within which the requester could still sue over it. ID
documents serve only the identity check (PIPL Art. 50; GB/T 35273-2020 §8.7), so by default
they go as soon as the case is verified or closed; every other attachment (the original
message, correspondence, evidence) stays with the case until the case is anonymised.

Anonymising erases the personal data of the record and keeps its skeleton (reference, kind,
dates, outcome, hashes) for statistics and proof. Audit events are never edited: each erasure
appends its own event, so the hash chain still verifies. What is erased from a case is decided
in one place, ``app.services.case_erasure``, which the account-cancellation purge uses too.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attachment, Case, Event
from app.models.base import utc_now
from app.models.enums import AttachmentKind, CaseKind, CaseStatus
from app.services.audit import record_event, verify_chain
from app.services.case_erasure import erase_attachments, erase_case, subject_shared
from app.services.deadlines.counting import add_months

DEFAULT_CLOSED_CASE_MONTHS = 36
POLICY_SOURCE = (
    "Company retention policy: closed case records are kept for the general three-year "
    "limitation period of civil claims (Civil Code Art. 188) and no longer (PIPL Art. 19); ID "
    "documents only until the identity check is done (PIPL Art. 50; GB/T 35273-2020 §8.7)"
)


@dataclass(frozen=True)
class CaseRetentionPolicy:
    """How long case records are kept.

    Attributes:
        closed_case_months: months after the closing date when a closed case is anonymised
            (company policy, default 36; see the module docstring for the reasoning).
        id_document_days: days after verification (or closing) when ID documents are purged
            (default 0: right away).
        time_zone: the zone in which a closing instant becomes a closing date (the company's).
        source: the policy's wording, printed on the certificate.

    Raises:
        ValueError: a negative period.
    """

    closed_case_months: int = DEFAULT_CLOSED_CASE_MONTHS
    id_document_days: int = 0
    time_zone: str = "Asia/Shanghai"
    source: str = POLICY_SOURCE

    def __post_init__(self) -> None:
        if self.closed_case_months < 1 or self.id_document_days < 0:
            raise ValueError("retention periods are positive months and non-negative days")


@dataclass(frozen=True)
class CaseErasure:
    """One closed case due for anonymisation and what will be erased from it.

    Attributes:
        reference, kind: the case (kept after anonymisation).
        closed_on: its closing date. due_on: the date it became due under the policy.
        attachments, identifiers, notes, messages, letters, parties: how many of each lose
            their personal content (letters keep their SHA-256, not their PDF).
        subject_shared: the data subject has another case not yet anonymised, so the subject is
            unlinked from this case rather than erased.
    """

    reference: str
    kind: CaseKind
    closed_on: date
    due_on: date
    attachments: int
    identifiers: int
    notes: int
    messages: int
    letters: int
    parties: int
    subject_shared: bool


@dataclass(frozen=True)
class IdDocumentsDue:
    """ID documents of one case due for purging: how many, and the date they became due."""

    reference: str
    documents: int
    due_on: date


@dataclass(frozen=True)
class AnonymisedCase:
    """A case anonymised by a run, with the hash of the audit event recording it."""

    erasure: CaseErasure
    event_hash: str


@dataclass(frozen=True)
class AnonymisationCertificate:
    """What one retention run did, for the certificate.

    Attributes:
        run_on: the date the run applied the policy to. performed_at: when (aware UTC).
        performed_by: the staff member. policy: the policy applied.
        cases: the cases anonymised, oldest closing first.
        id_documents: the ID documents purged.
        chain_events, chain_ok: the audit chain checked after the run (events, verified).
        chain_head: the hash of the last audit event after the run.
    """

    run_on: date
    performed_at: datetime
    performed_by: str
    policy: CaseRetentionPolicy
    cases: tuple[AnonymisedCase, ...]
    id_documents: tuple[IdDocumentsDue, ...]
    chain_events: int
    chain_ok: bool
    chain_head: str


def preview_anonymisation(
    session: Session, today: date, policy: CaseRetentionPolicy
) -> list[CaseErasure]:
    """Return the closed cases due for anonymisation on ``today`` and what each will lose,
    oldest closing first. Changes nothing."""
    ahead: Counter[int] = Counter()
    erasures = []
    for case in _due_cases(session, today, policy):
        erasures.append(_erasure(case, policy, ahead[case.subject_id or 0]))
        ahead[case.subject_id or 0] += 1
    return erasures


def preview_id_documents(
    session: Session, today: date, policy: CaseRetentionPolicy
) -> list[IdDocumentsDue]:
    """Return, per case, the ID documents due for purging on ``today``. Changes nothing.

    Cases due for anonymisation are left out: their documents go with the rest of the case.
    """
    anonymised = {case.id for case in _due_cases(session, today, policy)}
    due: list[IdDocumentsDue] = []
    for case, documents in _id_documents_by_case(session):
        due_on = _id_documents_due_on(case, policy)
        if due_on is not None and due_on <= today and case.id not in anonymised:
            due.append(IdDocumentsDue(case.reference, len(documents), due_on))
    return due


def anonymise_closed_cases(
    session: Session, today: date, policy: CaseRetentionPolicy, actor: str
) -> AnonymisationCertificate:
    """Anonymise the closed cases due on ``today``, then purge the ID documents due.

    Each case gets a ``case.anonymised`` event (counts only, no personal data) and each
    purge of ID documents an ``attachments.purged`` event; earlier events are never touched.
    The chain is verified in the same transaction, after the changes.

    Returns:
        The ``AnonymisationCertificate`` (cases and documents in preview order).
    """
    cases = tuple(
        _anonymise(session, case, policy, actor) for case in _due_cases(session, today, policy)
    )
    documents = tuple(_purge_id_documents(session, today, policy, actor))
    check = verify_chain(session)
    head = _chain_head(session)
    return AnonymisationCertificate(
        today, utc_now(), actor, policy, cases, documents, check.checked, check.ok, head
    )


def _anonymise(
    session: Session, case: Case, policy: CaseRetentionPolicy, actor: str
) -> AnonymisedCase:
    erasure = _erasure(case, policy)
    erase_case(case)
    payload = {
        "attachments": erasure.attachments,
        "identifiers": erasure.identifiers,
        "notes": erasure.notes,
        "messages": erasure.messages,
        "letters": erasure.letters,
        "parties": erasure.parties,
        "subject_unlinked": erasure.subject_shared,
        "policy_months": policy.closed_case_months,
    }
    event = record_event(session, "case.anonymised", case=case, actor=actor, payload=payload)
    return AnonymisedCase(erasure, event.hash)


def _erasure(case: Case, policy: CaseRetentionPolicy, erased_before: int = 0) -> CaseErasure:
    closed_on = _closing_date(case, policy)
    shared = case.subject is not None and subject_shared(case, erased_before)
    identifiers = len(case.subject.identifiers) if case.subject and not shared else 0
    return CaseErasure(
        reference=case.reference,
        kind=case.kind,
        closed_on=closed_on,
        due_on=add_months(closed_on, policy.closed_case_months),
        attachments=sum(1 for a in case.attachments if a.purged_at is None),
        identifiers=identifiers,
        notes=len(case.notes),
        messages=len(case.messages),
        letters=len(case.letters),
        parties=len(case.parties),
        subject_shared=shared,
    )


def _due_cases(session: Session, today: date, policy: CaseRetentionPolicy) -> list[Case]:
    """Closed, not yet erased cases whose closing date plus the period is on or before today.

    Only (id, closed_at) pairs are read for all closed cases; the due ones are then loaded.
    """
    rows = session.execute(
        select(Case.id, Case.closed_at).where(
            Case.status == CaseStatus.CLOSED, Case.purged_at.is_(None), Case.closed_at.is_not(None)
        )
    ).all()
    zone = ZoneInfo(policy.time_zone)
    due = [
        (closed_at, case_id)
        for case_id, closed_at in rows
        if add_months(closed_at.astimezone(zone).date(), policy.closed_case_months) <= today
    ]
    return [session.get_one(Case, case_id) for _, case_id in sorted(due)]


def _closing_date(case: Case, policy: CaseRetentionPolicy) -> date:
    if case.closed_at is None:
        raise ValueError("only a closed case has a closing date")
    return case.closed_at.astimezone(ZoneInfo(policy.time_zone)).date()


def _id_documents_by_case(session: Session) -> list[tuple[Case, list[Attachment]]]:
    documents = session.scalars(
        select(Attachment)
        .where(Attachment.kind == AttachmentKind.ID_DOCUMENT, Attachment.purged_at.is_(None))
        .order_by(Attachment.case_id, Attachment.id)
    )
    grouped: dict[int, list[Attachment]] = {}
    for document in documents:
        grouped.setdefault(document.case_id, []).append(document)
    return [(session.get_one(Case, case_id), found) for case_id, found in grouped.items()]


def _id_documents_due_on(case: Case, policy: CaseRetentionPolicy) -> date | None:
    """The day ID documents go: ``id_document_days`` after verification, or after closing
    for a case closed unverified (the check is over either way); ``None`` while pending."""
    ended = case.verified_at or case.closed_at
    if ended is None:
        return None
    ended_on = ended.astimezone(ZoneInfo(policy.time_zone)).date()
    return ended_on + timedelta(days=policy.id_document_days)


def _purge_id_documents(
    session: Session, today: date, policy: CaseRetentionPolicy, actor: str
) -> list[IdDocumentsDue]:
    due = preview_id_documents(session, today, policy)
    for entry in due:
        case = session.scalars(select(Case).where(Case.reference == entry.reference)).one()
        documents = [a for a in case.attachments if a.kind == AttachmentKind.ID_DOCUMENT]
        count = erase_attachments(documents)
        payload = {"kind": AttachmentKind.ID_DOCUMENT.value, "count": count}
        record_event(session, "attachments.purged", case=case, actor=actor, payload=payload)
    return due


def _chain_head(session: Session) -> str:
    return session.scalar(select(Event.hash).order_by(Event.id.desc()).limit(1)) or ""
