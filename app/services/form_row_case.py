"""The case one web-form row becomes (``form_import`` runs the rows, one transaction each).

Kind: the request-type cell decides when it names a kind. Every row is also triaged as a
synthetic message (request-type cell as subject, details as body), because triage is what gives
language, jurisdiction and citations with their reasons; a text-only triage path would duplicate
it. A row that names no kind takes triage's kind, except that triage's "not a request" becomes
"other" with UNKNOWN_KIND: a submission to the privacy form is a privacy matter by its channel.

Subject: the row's e-mail address decides, as a mail's sender does; a phone number or account ID
alone never files the row under the subject holding it (``app.services.requester_subject``).
"""

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attachment, Case, IdentifierKind
from app.models.base import utc_now
from app.models.enums import (
    AttachmentKind,
    CaseKind,
    CaseStatus,
    Channel,
    ReceivedAtSource,
    ReviewFlag,
)
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.deadlines import RuleBook
from app.services.import_results import FileResult, ImportOutcome
from app.services.intake import (
    ColumnMapping,
    FormRequest,
    FormRowProblem,
    IncomingMessage,
    TriageProposal,
    TriageReason,
    triage,
)
from app.services.intake.vocabulary import TriageRules
from app.services.message_import import settle_imported_case
from app.services.receipt_checks import implausible_receipt
from app.services.references import next_reference
from app.services.requester_subject import FiledSubject, Requester, file_form_requester
from app.services.settings_jurisdictions import current_triage_rules
from app.services.subjects import identifiers_of

# Problems that leave a person something to check on an imported case, beyond its flags.
_REPORTED_PROBLEMS = (
    FormRowProblem.BAD_EMAIL,
    FormRowProblem.BAD_PHONE,
    FormRowProblem.UNKNOWN_REQUEST_TYPE,
)
_TIME_FLAGS = {
    FormRowProblem.MISSING_TIME: ReviewFlag.MISSING_DATE,
    FormRowProblem.UNPARSABLE_TIME: ReviewFlag.UNPARSABLE_DATE,
}
# A form kind decides; triage's doubts about the kind then no longer apply.
_KIND_FLAGS = frozenset({ReviewFlag.UNKNOWN_KIND, ReviewFlag.NOT_A_REQUEST})


def import_form_row(
    session: Session,
    request: FormRequest,
    original: Attachment,
    mapping: ColumnMapping,
    rule_book: RuleBook,
    *,
    label: str,
    actor: str = SYSTEM_ACTOR,
    file_time: datetime | None = None,
    import_time: datetime | None = None,
) -> FileResult:
    """Import one form row into ``session`` (the caller commits).

    Args:
        request: the row read through the mapping.
        original: the row's attachment (``original_row``); its SHA-256 identifies the row.
        mapping: the mapping the row was read with (its headers become the reasons' evidence).
        label: the row's name in the report.
        file_time, import_time: receipt fallbacks (aware UTC), in this order.

    Returns:
        IMPORTED with the new case, or DUPLICATE with the case this row already is.
    """
    existing = _case_with_original(session, original.sha256)
    if existing is not None:
        return FileResult(label, ImportOutcome.DUPLICATE, existing.reference, existing.kind)
    now = import_time or utc_now()
    proposal = _proposal(request, mapping, current_triage_rules(session))
    received_at, source = _receipt(request, file_time, now)
    case = _new_case(session, request, proposal, received_at, source, now)
    case.attachments.append(original)
    session.add(case)
    record_event(session, "case.created", case=case, actor=actor, payload=_payload(case, request))
    flags = settle_imported_case(session, case, proposal, rule_book, actor=actor)
    problems = [p.value for p in request.problems if p in _REPORTED_PROBLEMS]
    return FileResult(
        label, ImportOutcome.IMPORTED, case.reference, case.kind, flags, ", ".join(problems) or None
    )


def _case_with_original(session: Session, digest: str) -> Case | None:
    return session.scalar(
        select(Case)
        .join(Attachment)
        .where(Attachment.kind == AttachmentKind.ORIGINAL_MESSAGE, Attachment.sha256 == digest)
        .limit(1)
    )


def _proposal(request: FormRequest, mapping: ColumnMapping, rules: TriageRules) -> TriageProposal:
    """Triage the row as a message, then let the form's own fields decide what they name."""
    message = IncomingMessage(
        message_id=None,
        subject=request.request_type or "",
        from_name=request.name,
        from_address=request.email,
        sent_at=None,
        date_problem=None,
        received_header_times=(),
        body_text=request.details or "",
        html_only=False,
        raw=b"",
    )
    proposal = triage(message, rules)
    flags = set(proposal.flags) - {ReviewFlag.UNKNOWN_REQUESTER}
    reasons = [r for r in proposal.reasons if r.field != "requester"]
    kind = proposal.kind
    if request.kind is not None:
        kind, flags = request.kind, flags - _KIND_FLAGS
        evidence = f"{mapping.request_type}: {request.request_type}"
        reasons = [TriageReason("kind", "form_field", evidence)] + [
            r for r in reasons if r.field != "kind"
        ]
    elif kind is CaseKind.NOT_A_REQUEST:
        kind, flags = CaseKind.OTHER, (flags - _KIND_FLAGS) | {ReviewFlag.UNKNOWN_KIND}
    reasons += _requester_reasons(request, mapping)
    if not _identifiers(request):
        flags.add(ReviewFlag.UNKNOWN_REQUESTER)
    return replace(proposal, kind=kind, reasons=tuple(reasons), flags=frozenset(flags))


def _requester_reasons(request: FormRequest, mapping: ColumnMapping) -> list[TriageReason]:
    headers = {
        IdentifierKind.EMAIL: mapping.email,
        IdentifierKind.PHONE: mapping.phone,
        IdentifierKind.ACCOUNT_ID: mapping.account_id,
    }
    return [
        TriageReason("requester", "form_field", f"{headers[kind]}: {value}")
        for kind, value in _identifiers(request).items()
    ]


def _identifiers(request: FormRequest) -> dict[IdentifierKind, str]:
    return identifiers_of(request.email, request.phone, request.account_id)


def _receipt(
    request: FormRequest, file_time: datetime | None, now: datetime
) -> tuple[datetime, ReceivedAtSource]:
    if request.received_at is not None:
        return request.received_at, ReceivedAtSource.ENTERED
    if file_time is not None:
        return file_time.astimezone(UTC), ReceivedAtSource.FILE_TIME
    return now, ReceivedAtSource.IMPORT_TIME


def _new_case(
    session: Session,
    request: FormRequest,
    proposal: TriageProposal,
    received_at: datetime,
    source: ReceivedAtSource,
    now: datetime,
) -> Case:
    flags = {flag.value for flag in proposal.flags}
    flags |= {_TIME_FLAGS[p].value for p in request.problems if p in _TIME_FLAGS}
    if implausible_receipt(received_at, now):
        flags.add(ReviewFlag.IMPLAUSIBLE_DATE.value)
    filed = match_subject(session, request, proposal.language)
    if filed.held_by_others:
        flags.add(ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT.value)
    return Case(
        reference=next_reference(session, now.year),
        kind=proposal.kind,
        status=CaseStatus.NEW,
        jurisdiction=proposal.jurisdiction,
        channel=Channel.WEB_FORM,
        language=proposal.language,
        subject=filed.subject,
        subject_line=request.request_type or "",
        received_at=received_at,
        received_at_source=source,
        review_flags=sorted(flags),
        triage_reasons=[vars(reason) for reason in proposal.reasons],
    )


def match_subject(session: Session, request: FormRequest, language: str | None) -> FiledSubject:
    """Find or create the row's data subject by its e-mail address, or, for a row without one,
    the holder of its phone number or account ID who bears the row's name; a quoted
    identifier another subject holds is reported, never a reason to merge (GB/T 35273-2020
    §8.7, PIPL Art. 50; ``app.services.requester_subject``).

    Args:
        request: the row read through the mapping.
        language: the row's language (ISO 639-1) for a new subject.
    """
    requester = Requester(
        name=request.name,
        email=request.email,
        phone=request.phone,
        account_id=request.account_id,
        language=language,
    )
    written = request.email is not None or FormRowProblem.BAD_EMAIL in request.problems
    return file_form_requester(session, requester, address_written=written)


def _payload(case: Case, request: FormRequest) -> dict[str, object]:
    return {
        "source": "form_import",
        "kind": case.kind.value,
        "original_sha256": case.attachments[0].sha256,
        "row": request.row_number,
        "problems": [problem.value for problem in request.problems],
    }
