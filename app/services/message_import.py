"""One message file (``.eml`` or ``.msg``) imported as a case: parsed, triaged, filed under its
sender, flagged where a person must look, and linked to the case it chases or repeats
(``app.services.importing`` runs a batch of them, one transaction each).

Importing the same message twice (the same bytes, or the same Message-ID from the same sender)
does not create a second case.
"""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import company_today
from app.models import Attachment, Case, IdentifierKind
from app.models.base import utc_now
from app.models.enums import (
    AttachmentKind,
    CaseStatus,
    Channel,
    ReceivedAtSource,
    ReviewFlag,
)
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.clock import recompute_clock
from app.services.controller_domains import controller_domains
from app.services.deadlines import RuleBook
from app.services.import_results import FileResult, ImportOutcome
from app.services.intake import IncomingMessage, TriageProposal
from app.services.intake import receipt_instant as receipt_instant_of
from app.services.intake.files import (
    MessageKey,
    message_key,
    parse_named,
    read_message_bytes,
    removed_stray_bytes,
)
from app.services.intake.first_receipt import (
    FirstReceipt,
    first_company_receipt,
    with_first_receipt,
)
from app.services.intake.forwarded_authority import authority_letter
from app.services.intake.forwarded_triage import triage_forward
from app.services.receipt_checks import implausible_receipt
from app.services.references import next_reference
from app.services.regulator_deadline import apply_stated_deadline, flag_missing_deadline
from app.services.requester_subject import FiledSubject, Requester, file_message_requester
from app.services.settings_jurisdictions import current_triage_rules
from app.services.subjects import MAX_NAME_LENGTH, name_shortened
from app.services.workflow.linking import link_new_case

# A receipt instant taken from anything but the Date: header needs a person to confirm it.
FALLBACK_FLAGS = {
    ReceivedAtSource.RECEIVED_HEADER: ReviewFlag.MISSING_DATE,
    ReceivedAtSource.FILE_TIME: ReviewFlag.MISSING_DATE,
    ReceivedAtSource.IMPORT_TIME: ReviewFlag.MISSING_DATE,
}


def import_message_file(
    session: Session,
    path: Path,
    rule_book: RuleBook,
    *,
    actor: str = SYSTEM_ACTOR,
    import_time: datetime | None = None,
) -> FileResult:
    """Import one message file into ``session`` (the caller commits).

    Raises:
        MessageParseError: the file cannot be read, is larger than 50 MiB, or is not a mail
            message (the error names the file only).
    """
    raw = read_message_bytes(path)
    # A re-imported file is recognised from its bytes and headers before the whole message
    # (perhaps 50 MB of attachments) is parsed.
    existing = _existing_case(session, message_key(raw))
    if existing is not None:
        return FileResult(path.name, ImportOutcome.DUPLICATE, existing.reference, existing.kind)
    message = parse_named(path, raw)
    file_time = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    received_at, source = receipt_instant_of(
        message, file_time=file_time, import_time=import_time or utc_now()
    )
    # A forward of someone's request is triaged on the forwarded words, filed by its sender.
    own_domains, rules = controller_domains(session), current_triage_rules(session)
    proposal = triage_forward(message, rules, own_domains)
    # A request a colleague forwarded was received when it first reached the company.
    letter = authority_letter(message, own_domains, rules) is not None
    first = first_company_receipt(
        message, own_domains, received_at, import_time or utc_now(), authority_letter=letter
    )
    if first is not None:
        proposal = with_first_receipt(proposal, first)
        if first.replaces_forward:
            received_at, source = first.received_at, ReceivedAtSource.DATE_HEADER
    case = _new_case(session, message, proposal, received_at, source)
    new_subject = case.subject is not None and case.subject.id is None
    _flag_doubtful(session, case, message, import_time or utc_now())
    case.attachments.append(_original_message(path, message))
    session.add(case)
    payload = _created_payload(case) | _receipt_payload(first)
    record_event(session, "case.created", case=case, actor=actor, payload=payload)
    if new_subject:
        _record_shortened_name(session, case, proposal.requester_name, actor)
    flags = settle_imported_case(session, case, proposal, rule_book, actor=actor)
    return FileResult(path.name, ImportOutcome.IMPORTED, case.reference, case.kind, flags)


def settle_imported_case(
    session: Session, case: Case, proposal: TriageProposal, rule_book: RuleBook, *, actor: str
) -> tuple[ReviewFlag, ...]:
    """Start the clock of a case just imported (a mail or a web-form row) and link it to the
    request it chases or may duplicate (``link_new_case``). A regulator's inquiry gets the
    deadline its letter states; a case left without one is flagged ``no_deadline``
    (``regulator_deadline``).

    Args:
        session: the import's session. case: the new case, added to ``session``.
        proposal: its triage (what a reminder chases). rule_book: the deadline rules.
        actor: who imports, for the audit trail.

    Returns:
        The case's review flags once linked.
    """
    recompute_clock(
        session, case, rule_book, cause="case_created", today=company_today(), actor=actor
    )
    apply_stated_deadline(
        session, case, proposal.stated_limit, rule_book, actor=actor, state=proposal.sender_state
    )
    flag_missing_deadline(case)
    link_new_case(
        session,
        case,
        actor=actor,
        chased_reference=proposal.chased_reference,
        chased_date=proposal.chased_date,
        chased_subject=proposal.chased_subject,
    )
    return tuple(ReviewFlag(flag) for flag in case.review_flags)


def _flag_doubtful(
    session: Session, case: Case, message: IncomingMessage, import_time: datetime
) -> None:
    """Flag what a person must check: a Message-ID another sender already used (kept as a new
    case, never dropped), a Date: in the future or before e-mail requests existed, stray NUL
    and other control bytes removed from the file, a sender's name too long to keep whole
    (its length is audited: ``_record_shortened_name``), a From: with several addresses
    (or several From: lines), a From: without a mailbox whose Sender:/Reply-To: stood in,
    invisible characters removed from the sender's address or name, and parts nested too
    deeply to read (the case keeps what was read above them)."""
    flags = set(case.review_flags)
    clash = _case_with_message_id(session, message.message_id)
    if clash is not None:
        case.message_id = None
        case.duplicate_of_id = clash.id
        flags.add(ReviewFlag.POSSIBLE_DUPLICATE.value)
    if implausible_receipt(case.received_at, import_time):
        flags.add(ReviewFlag.IMPLAUSIBLE_DATE.value)
    if removed_stray_bytes(message.raw) or message.stray_controls:
        flags.add(ReviewFlag.STRAY_NUL_BYTES.value)
    if message.sender_stood_in:
        flags.add(ReviewFlag.SENDER_NOT_IN_FROM.value)
    if name_shortened(message.from_name) is not None:
        flags.add(ReviewFlag.NAME_SHORTENED.value)
    if message.several_senders:
        flags.add(ReviewFlag.SEVERAL_SENDERS.value)
    if message.address_invisibles:
        flags.add(ReviewFlag.ADDRESS_INVISIBLES.value)
    if message.name_invisibles:
        flags.add(ReviewFlag.NAME_INVISIBLES.value)
    if message.name_damaged:
        flags.add(ReviewFlag.NAME_DAMAGED.value)
    if message.deeply_nested:
        flags.add(ReviewFlag.DEEPLY_NESTED.value)
    case.review_flags = sorted(flags)


def _existing_case(session: Session, key: MessageKey) -> Case | None:
    """The case this message already is: the same bytes, or the same Message-ID from the same
    sender (one message saved from two mailboxes differs only in its transport headers)."""
    same_bytes = session.scalar(
        select(Case)
        .join(Attachment)
        .where(Attachment.kind == AttachmentKind.ORIGINAL_MESSAGE, Attachment.sha256 == key.sha256)
        .limit(1)
    )
    if same_bytes is not None or not key.message_id:
        return same_bytes
    same_id = _case_with_message_id(session, key.message_id)
    sender = (key.from_address or "").lower()
    known = same_id.subject if same_id is not None else None
    if known is not None and sender and known.identifier(IdentifierKind.EMAIL) == sender:
        return same_id
    return None


def _case_with_message_id(session: Session, message_id: str | None) -> Case | None:
    if not message_id:
        return None
    return session.scalar(select(Case).where(Case.message_id == message_id))


def _new_case(
    session: Session,
    message: IncomingMessage,
    proposal: TriageProposal,
    received_at: datetime,
    source: ReceivedAtSource,
) -> Case:
    flags = set(proposal.flags)
    if source in FALLBACK_FLAGS and message.date_problem is None:
        flags.add(FALLBACK_FLAGS[source])
    filed = _match_subject(session, proposal)
    if filed.held_by_others:
        flags.add(ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT)
    return Case(
        reference=next_reference(session, utc_now().year),
        kind=proposal.kind,
        status=CaseStatus.NEW,
        jurisdiction=proposal.jurisdiction,
        channel=Channel.EMAIL,
        language=proposal.language,
        subject=filed.subject,
        message_id=message.message_id,
        subject_line=message.subject,
        received_at=received_at,
        received_at_source=source,
        review_flags=sorted(flags),
        triage_reasons=[vars(reason) for reason in proposal.reasons],
    )


def _match_subject(session: Session, proposal: TriageProposal) -> FiledSubject:
    """Find the data subject by the sender's e-mail address, or create one (DESIGN.md §4).

    A phone number or account ID the letter quotes is a claim, not proof of identity (GB/T
    35273-2020 §8.7, PIPL Art. 50): it never files the case under the subject holding it
    (``app.services.requester_subject``).
    """
    requester = Requester(
        name=proposal.requester_name,
        email=proposal.requester_email,
        phone=proposal.requester_phone,
        account_id=proposal.requester_account_id,
        language=proposal.language,
    )
    return file_message_requester(session, requester)


def _record_shortened_name(session: Session, case: Case, name: str | None, actor: str) -> None:
    """Audit that the requester's ``name`` was cut to ``MAX_NAME_LENGTH`` characters for the
    data subject created with the case (lengths only: the name is personal data)."""
    length = name_shortened(name)
    if length is None:
        return
    payload = {"name_length": length, "kept_length": MAX_NAME_LENGTH}
    record_event(session, "subject.name_shortened", case=case, actor=actor, payload=payload)


def _original_message(path: Path, message: IncomingMessage) -> Attachment:
    return Attachment(
        kind=AttachmentKind.ORIGINAL_MESSAGE,
        file_name=path.name[:255],
        media_type="message/rfc822",
        content=message.raw,
        sha256=hashlib.sha256(message.raw).hexdigest(),
        size=len(message.raw),
    )


def _receipt_payload(first: FirstReceipt | None) -> dict[str, object]:
    """The company's first receipt of a forwarded request and the forward's, for the trail."""
    if first is None:
        return {}
    payload: dict[str, object] = {"forwarded_at": first.forwarded_at.isoformat()}
    if first.replaces_forward:
        payload["first_received_at"] = first.received_at.isoformat()
        payload["zone_assumed"] = first.zone_assumed
    if first.problem is not None:
        payload["original_date"] = f"original:{first.problem}"
    return payload


def _created_payload(case: Case) -> dict[str, object]:
    sha = case.attachments[0].sha256 if case.attachments else None
    return {"source": "import", "kind": case.kind.value, "original_sha256": sha}
