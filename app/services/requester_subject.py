"""Whom an imported request is filed under: one rule for mail and web-form rows.

A request is filed under a data subject by what it shows of the person, never by a phone
number or console account ID alone: anyone can quote someone else's number or account in a
letter or type it into a form, and filing the request under its holder would answer a stranger
with that person's data. A quoted identifier is a claim to check in identity verification
(GB/T 35273-2020 §8.7; PIPL Art. 50: the handler verifies the requester's identity before it
acts), so a quoted one another subject holds flags the case (``QUOTED_ID_OF_OTHER_SUBJECT``)
and stays with that subject.

- A message shows its sender's address: the subject holding it, else a new one
  (``PROVEN_BY_MAIL``).
- A web-form row with an e-mail address is matched by it the same way. A row without one may
  join the holder of its phone number or account ID only when its name is the holder's name
  (as names are compared: ``folded``, spaces ignored); a row giving neither is not filed under
  anybody by a number alone.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import DataSubject, IdentifierKind
from app.services.name_words import folded
from app.services.subjects import (
    MAX_NAME_LENGTH,
    PROVEN_BY_MAIL,
    held_by_others,
    identifier_owner,
    identifiers_of,
    match_or_create_subject,
)

# The identifiers a request may quote without proving them, in the order they are tried.
QUOTED_KINDS = (IdentifierKind.PHONE, IdentifierKind.ACCOUNT_ID)


@dataclass(frozen=True)
class Requester:
    """What a request gives of the person who sent it (each ``None`` when it gives nothing).

    Attributes:
        name: the name as written; email: an address; phone: digits with an optional "+";
        account_id: the console account as written; language: ISO 639-1 code of the request.
    """

    name: str | None
    email: str | None
    phone: str | None
    account_id: str | None
    language: str | None


@dataclass(frozen=True)
class FiledSubject:
    """The data subject a request is filed under, and the quoted identifiers it may not claim.

    Attributes:
        subject: the subject found or created; ``None`` when the request gives neither a name
            nor an identifier nobody else holds.
        held_by_others: the kinds of quoted identifiers (phone, account ID) another data subject
            holds, in ``MATCH_ORDER``; non-empty means the case is flagged
            ``QUOTED_ID_OF_OTHER_SUBJECT``.
    """

    subject: DataSubject | None
    held_by_others: tuple[IdentifierKind, ...]


def file_message_requester(session: Session, requester: Requester) -> FiledSubject:
    """File a mailed request under the subject its sender's address shows (module docstring).

    Args:
        session: the import's session; a new subject is returned unsaved (added with its case).
        requester: the sender's name and address, the phone and account ID the letter quotes.
    """
    return _filed(session, requester, PROVEN_BY_MAIL)


def file_form_requester(
    session: Session, requester: Requester, *, address_written: bool = False
) -> FiledSubject:
    """File a web-form row under the subject its e-mail address shows, or, without one, under
    the holder of its phone number or account ID whose name is the row's name (module
    docstring).

    Args:
        session: the import's session; a new subject is returned unsaved (added with its case).
        requester: the row's name, e-mail address, phone number and account ID.
        address_written: the row's e-mail cell held text, even one that is not an address
            (``requester.email`` then ``None``): an address the holder does not have, so the
            name cannot confirm the holder.
    """
    if address_written or (requester.email and requester.email.strip()):
        return _filed(session, requester, PROVEN_BY_MAIL)
    return _filed(session, requester, _named_holder(session, requester))


def _filed(
    session: Session, requester: Requester, match_by: tuple[IdentifierKind, ...]
) -> FiledSubject:
    subject = match_or_create_subject(
        session,
        name=requester.name,
        email=requester.email,
        phone=requester.phone,
        account_id=requester.account_id,
        language=requester.language,
        match_by=match_by,
    )
    quoted = identifiers_of(None, requester.phone, requester.account_id)
    return FiledSubject(subject, held_by_others(session, subject, quoted))


def _named_holder(session: Session, requester: Requester) -> tuple[IdentifierKind, ...]:
    """The quoted identifier (as a one-kind match order) whose holder bears the requester's
    name; empty when none does."""
    quoted = identifiers_of(None, requester.phone, requester.account_id)
    for kind in QUOTED_KINDS:
        holder = identifier_owner(session, kind, quoted[kind]) if kind in quoted else None
        if holder is not None and same_name(holder.display_name, requester.name):
            return (kind,)
    return ()


def same_name(stored: str | None, given: str | None) -> bool:
    """Whether ``given`` (as a request writes it) is the name ``stored`` for a data subject:
    equal once both are cut to ``MAX_NAME_LENGTH`` characters as stored, ``folded`` (case,
    width, accents, invisible characters) and stripped of white space, so "ZHANG  San" is
    "Zhang San" and "张 三" is "张三"; "San Zhang" is not (word order is part of a name). A
    missing or blank name is nobody's."""
    stored_key, given_key = _name_key(stored), _name_key(given)
    return bool(stored_key) and stored_key == given_key


def _name_key(name: str | None) -> str:
    return "".join(folded((name or "").strip()[:MAX_NAME_LENGTH]).split())
