"""Whom a request typed in by staff is about: an existing data subject or a new one.

An e-mail address, phone number or console account ID belongs to one data subject (DESIGN.md
§4; ``app.services.subjects``). When one typed in is already held, the new-case dialog shows
whose it is (``matching_subject``) and staff decide: link the case to that subject (the usual
case: the same person, writing their name another way) or record the requester as a person of
their own (say, a relative using the family's address). Either way nothing the requester said
is dropped: a name or an identifier that is not what the case's subject holds is kept on the
case as the requester's own words (``requester_given``), shown with the triage reasons and
cleared with them when the case is anonymised.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import Channel
from app.services.contact_points import normalise_email, normalise_phone
from app.services.subjects import (
    MATCH_ORDER,
    MAX_IDENTIFIER_LENGTH,
    identifier_owner,
    phone_variants,
)

# How many of the subject's case references the dialog names.
SHOWN_REFERENCES = 3


@dataclass(frozen=True)
class SubjectMatch:
    """An existing data subject holding an identifier typed in.

    Attributes:
        subject_id: the subject's row id.
        display_name: the stored name (``None`` when none is stored).
        matched_by: the identifier that matched (e-mail before phone before account ID).
        references: references of the subject's most recent cases, newest first (at most
            ``SHOWN_REFERENCES``).
        case_count: how many cases the subject has in all.
    """

    subject_id: int
    display_name: str | None
    matched_by: IdentifierKind
    references: tuple[str, ...]
    case_count: int


def typed_identifiers(email: str, phone: str, account_id: str) -> dict[IdentifierKind, str]:
    """Return the identifiers typed in, normalised as stored (e-mail domain lower-cased, phone
    as digits with an optional "+"); values that are not valid are left out."""
    values = {
        IdentifierKind.EMAIL: normalise_email(email) if email.strip() else None,
        IdentifierKind.PHONE: normalise_phone(phone) if phone.strip() else None,
        IdentifierKind.ACCOUNT_ID: account_id.strip()[:MAX_IDENTIFIER_LENGTH] or None,
    }
    return {kind: value.lower() if kind is IdentifierKind.EMAIL else value
            for kind, value in values.items() if value}  # fmt: skip


def matching_subject(
    session: Session, *, email: str = "", phone: str = "", account_id: str = ""
) -> SubjectMatch | None:
    """Return the existing data subject the typed identifiers lead to, the way recording the
    case will match it (e-mail, then phone, then account ID), or ``None``.

    Args:
        email, phone, account_id: as typed (empty or invalid ones are ignored).
    """
    identifiers = typed_identifiers(email, phone, account_id)
    for kind in MATCH_ORDER:
        owner = identifiers.get(kind) and identifier_owner(session, kind, identifiers[kind])
        if owner:
            return _match(session, owner, kind)
    return None


def _match(session: Session, subject: DataSubject, kind: IdentifierKind) -> SubjectMatch:
    references = list(
        session.scalars(
            select(Case.reference).where(Case.subject_id == subject.id).order_by(Case.id.desc())
        )
    )
    return SubjectMatch(
        subject.id, subject.display_name, kind, tuple(references[:SHOWN_REFERENCES]),
        len(references),
    )  # fmt: skip


def separate_subject(
    session: Session, name: str | None, identifiers: dict[IdentifierKind, str], language: str | None
) -> DataSubject:
    """Return a new data subject for a requester staff keep apart from the subject holding
    their identifier: it takes ``name`` and the identifiers nobody holds yet (one identifier,
    one subject: the held ones stay where they are, see ``requester_given``)."""
    subject = DataSubject(display_name=name, preferred_language=language)
    for kind, value in identifiers.items():
        if identifier_owner(session, kind, value) is None:
            subject.identifiers.append(SubjectIdentifier(kind=kind, value=value))
    return subject


def requester_given(
    subject: DataSubject | None, name: str | None, identifiers: dict[IdentifierKind, str]
) -> list[str]:
    """Return what the requester gave that the case's ``subject`` does not hold: a name other
    than the stored one, identifiers held by another subject (empty when all is on it)."""
    if subject is None:
        return []
    given = [] if name in (None, subject.display_name) else [name or ""]
    return given + [
        value for kind, value in identifiers.items() if not _holds(subject, kind, value)
    ]


def _holds(subject: DataSubject, kind: IdentifierKind, value: str) -> bool:
    spellings = phone_variants(value) if kind is IdentifierKind.PHONE else {value}
    return any(i.kind == kind and i.value in spellings for i in subject.identifiers)


def given_reasons(given: list[str], channel: Channel) -> list[dict[str, str]]:
    """Return ``given`` (see ``requester_given``) as the case's ``requester`` reason, staff's
    entry by ``channel``, e.g. "Requester: 王小明 (phone)"; none when nothing is given."""
    if not given:
        return []
    evidence = f"{', '.join(given)} ({channel.value})"
    return [{"field": "requester", "signal": "entered", "evidence": evidence}]
