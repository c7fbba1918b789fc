"""Finding the data subject a request is about, by e-mail, phone or console account ID
(DESIGN.md §4): one place for message and web-form imports alike.

An identifier belongs to one subject: one already held by another subject is left for a person
to resolve (the case is flagged as a possible duplicate elsewhere), never moved.
"""

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import DataSubject, IdentifierKind, SubjectIdentifier

MATCH_ORDER = (IdentifierKind.EMAIL, IdentifierKind.PHONE, IdentifierKind.ACCOUNT_ID)
MAX_NAME_LENGTH = 200
MAX_IDENTIFIER_LENGTH = 320
_CN_MOBILE = re.compile(r"^(?:\+86|0086|86)?(1[3-9]\d{9})$")


def match_or_create_subject(
    session: Session,
    *,
    name: str | None,
    email: str | None,
    phone: str | None,
    account_id: str | None,
    language: str | None,
) -> DataSubject | None:
    """Find the subject by e-mail, then phone, then account ID, or create one, and give it the
    identifiers no other subject holds.

    Args:
        email: an address (its domain is lower-cased here); phone: digits with an optional
            leading "+"; account_id: the console account as written.

    Returns:
        The subject, or ``None`` when there is neither an identifier nor a name.
    """
    identifiers = identifiers_of(email, phone, account_id)
    owners = {kind: identifier_owner(session, kind, value) for kind, value in identifiers.items()}
    subject = next((owners[k] for k in MATCH_ORDER if owners.get(k) is not None), None)
    shown = (name or "").strip()[:MAX_NAME_LENGTH] or None
    if subject is None and not (identifiers or shown):
        return None
    if subject is None:
        subject = DataSubject(display_name=shown, preferred_language=language)
    for kind, value in identifiers.items():
        if owners[kind] is None:
            subject.identifiers.append(SubjectIdentifier(kind=kind, value=value))
    return subject


def identifiers_of(
    email: str | None, phone: str | None, account_id: str | None
) -> dict[IdentifierKind, str]:
    """Return the given identifiers as ``SubjectIdentifier`` stores them (empty ones left out)."""
    values = {
        IdentifierKind.EMAIL: (email or "").strip().lower(),
        IdentifierKind.PHONE: (phone or "").strip(),
        IdentifierKind.ACCOUNT_ID: (account_id or "").strip()[:MAX_IDENTIFIER_LENGTH],
    }
    return {kind: value for kind, value in values.items() if value}


def identifier_owner(session: Session, kind: IdentifierKind, value: str) -> DataSubject | None:
    """Return the data subject holding ``value`` (a phone in any of its spellings), if any."""
    values = phone_variants(value) if kind is IdentifierKind.PHONE else {value}
    return session.scalar(
        select(DataSubject)
        .join(SubjectIdentifier)
        .where(SubjectIdentifier.kind == kind, SubjectIdentifier.value.in_(sorted(values)))
        .limit(1)
    )


def phone_variants(phone: str) -> set[str]:
    """Return the spellings under which a normalised phone number may already be stored: a
    mainland mobile number with and without its country code, any other number as it is."""
    mobile = _CN_MOBILE.match(phone)
    if mobile is None:
        return {phone}
    national = mobile.group(1)
    return {phone, national, f"+86{national}", f"0086{national}", f"86{national}"}
