"""Finding the data subject a request is about, by e-mail, phone or console account ID
(DESIGN.md §4): one place for message and web-form imports alike.

An identifier belongs to one subject: one already held by another subject is left for a person
to resolve (the case is flagged as a possible duplicate elsewhere), never moved.

What a message proves is its sender's address; a phone number or account ID quoted in its body
is a claim to check in identity verification (GB/T 35273-2020 §8.7, PIPL Art. 50), so an
import matches by e-mail alone (``match_by=PROVEN_BY_MAIL``) and flags a quoted identifier
another subject holds (``held_by_others``) instead of filing the case under that subject.
"""

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import DataSubject, IdentifierKind, SubjectIdentifier

MATCH_ORDER = (IdentifierKind.EMAIL, IdentifierKind.PHONE, IdentifierKind.ACCOUNT_ID)
PROVEN_BY_MAIL = (IdentifierKind.EMAIL,)
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
    match_by: tuple[IdentifierKind, ...] = MATCH_ORDER,
) -> DataSubject | None:
    """Find the subject by the identifiers in ``match_by`` (in that order; by default e-mail,
    then phone, then account ID), or create one, and give it the identifiers no other subject
    holds.

    Args:
        email: an address (its domain is lower-cased here); phone: digits with an optional
            leading "+"; account_id: the console account as written.
        match_by: the identifiers that may lead to an existing subject; the others are only
            added to the subject when nobody holds them (``PROVEN_BY_MAIL`` for a message).

    Returns:
        The subject, or ``None`` when it would hold neither a name nor an identifier.
    """
    identifiers = identifiers_of(email, phone, account_id)
    owners = {kind: identifier_owner(session, kind, value) for kind, value in identifiers.items()}
    subject = next((owners[k] for k in match_by if owners.get(k) is not None), None)
    shown = (name or "").strip()[:MAX_NAME_LENGTH] or None
    if subject is None and not (shown or None in owners.values()):
        return None
    if subject is None:
        subject = DataSubject(display_name=shown, preferred_language=language)
    for kind, value in identifiers.items():
        if owners[kind] is None:
            subject.identifiers.append(SubjectIdentifier(kind=kind, value=value))
    return subject


def held_by_others(
    session: Session, subject: DataSubject | None, identifiers: dict[IdentifierKind, str]
) -> tuple[IdentifierKind, ...]:
    """Return the kinds of ``identifiers`` (see ``identifiers_of``) that a data subject other
    than ``subject`` holds, in ``MATCH_ORDER``; empty when none is."""
    owners = {kind: identifier_owner(session, kind, value) for kind, value in identifiers.items()}
    return tuple(kind for kind in MATCH_ORDER if owners.get(kind) not in (None, subject))


def name_shortened(name: str | None) -> int | None:
    """Return the length in characters of ``name`` (stripped) when it is longer than
    ``MAX_NAME_LENGTH`` and so is stored shortened to that many characters, else ``None``."""
    length = len((name or "").strip())
    return length if length > MAX_NAME_LENGTH else None


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
