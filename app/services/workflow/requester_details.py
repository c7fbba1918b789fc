"""Correcting the requester's details on record: the data subject's name, e-mail address and
phone number, e.g. a mail display name that carried emoji ("王😀芳🎉") into every salutation.

The data subject's right to have their information corrected is PIPL Art. 46; this is the
controller's own duty to keep what it holds accurate and complete (PIPL Art. 8), so staff may
correct a record without a request. The record is the person's, not the case's: the correction
applies to every case of the data subject. The checks are those of a request typed in by hand
(``app.services.manual_request``); an identifier belongs to one data subject
(``app.services.subjects``), so one held by another is refused, never merged.

A name flagged as partly lost in the mail (``name_damaged``) or stripped of invisible
characters (``name_invisibles``) holds the letters (``letter_fit``) until a person saves it
here, corrected or as it stands: saving clears those flags on every case of the subject.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ManualIntakeError, WorkflowError
from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import ReviewFlag
from app.services import settings  # a module: settings imports this package (inventory)
from app.services.audit import record_event
from app.services.contact_points import normalise_email, normalise_phone
from app.services.subjects import MAX_NAME_LENGTH, identifier_owner, phone_variants

NAME, EMAIL, PHONE = "name", "email", "phone"
_KINDS = {EMAIL: IdentifierKind.EMAIL, PHONE: IdentifierKind.PHONE}
# Flags saying the name on record is to be checked against the original mail.
NAME_DOUBTS = frozenset({ReviewFlag.NAME_DAMAGED.value, ReviewFlag.NAME_INVISIBLES.value})


@dataclass(frozen=True)
class RequesterDetails:
    """The requester's details on record, as the correction dialog shows them.

    Attributes:
        name: the data subject's display name ('' when none is stored).
        email, phone: the first e-mail address and phone number held ('' when none).
        other_cases: how many other cases the same data subject has (they change too).
        name_doubted: whether a case of the subject flags the name as damaged or stripped of
            invisible characters (``NAME_DOUBTS``): saving the name confirms it.
    """

    name: str
    email: str
    phone: str
    other_cases: int
    name_doubted: bool = False


@dataclass(frozen=True)
class RequesterChange:
    """What a correction changed: ``fields`` among ``"name"``, ``"email"``, ``"phone"`` (in
    that order), and ``other_cases``, how many other cases of the same subject it reaches."""

    fields: tuple[str, ...]
    other_cases: int
    name_confirmed: bool = False


def requester_details(session: Session, case: Case) -> RequesterDetails:
    """Return the details of ``case``'s data subject on record.

    Raises:
        WorkflowError: the case has no data subject, or the subject's data was erased.
    """
    subject = _correctable(case)
    return RequesterDetails(
        subject.display_name or "",
        subject.identifier(IdentifierKind.EMAIL) or "",
        subject.identifier(IdentifierKind.PHONE) or "",
        _other_cases(session, case, subject),
        bool(_name_doubted(session, subject)),
    )


def correct_requester(
    session: Session, case: Case, *, name: str, email: str, phone: str, actor: str
) -> RequesterChange:
    """Correct the name, e-mail address and phone number of ``case``'s data subject (all their
    cases show the correction) and record a ``subject.corrected`` event naming the fields
    changed, never their values (PIPL Art. 8: accuracy; Art. 46 is the person's own right).
    The name saved, changed or not, is confirmed: the ``NAME_DOUBTS`` flags of the subject's
    cases are cleared, so their letters may greet the requester by it again.

    Args:
        name: the name as it should read (required, at most ``MAX_NAME_LENGTH`` characters).
        email, phone: as typed; an empty one removes the identifier of that kind shown.
        actor: the staff member correcting.

    Returns:
        The fields changed, the number of other cases of the subject and whether a doubted
        name was confirmed.

    Raises:
        ManualIntakeError: naming the field (``name``, ``email``, ``phone``): an empty,
            over-long or invisible-character name, an invalid address or number, or one held
            by another data subject. Nothing is written.
        WorkflowError: no data subject, erased data, or nothing differs from the record and
            no name was in doubt.
    """
    subject = _correctable(case)
    wanted = {
        NAME: _checked_name(name),
        EMAIL: _checked(EMAIL, email),
        PHONE: _checked(PHONE, phone),
    }
    changed = tuple(field for field, value in wanted.items() if _differs(subject, field, value))
    doubted = _name_doubted(session, subject)
    if not changed and not doubted:
        raise WorkflowError("The requester's details are unchanged; nothing was saved.")
    for field in changed:
        _refuse_held(session, subject, field, wanted[field])
    for field in changed:
        _apply(subject, field, wanted[field])
    others = _other_cases(session, case, subject)
    for flagged in doubted:
        flagged.review_flags = sorted(set(flagged.review_flags) - NAME_DOUBTS)
    payload: dict[str, object] = {"fields": list(changed), "other_cases": others}
    if doubted:
        payload["name_confirmed"] = True  # the name flags of the subject's cases cleared
    record_event(session, "subject.corrected", case=case, actor=actor, payload=payload)
    return RequesterChange(changed, others, bool(doubted))


def _name_doubted(session: Session, subject: DataSubject) -> list[Case]:
    """The cases of ``subject`` whose review flags doubt the name (``NAME_DOUBTS``)."""
    cases = session.scalars(select(Case).where(Case.subject_id == subject.id))
    return [case for case in cases if NAME_DOUBTS & set(case.review_flags or ())]


def _correctable(case: Case) -> DataSubject:
    subject = case.subject
    if subject is None:
        raise WorkflowError("The case has no requester on record.")
    if subject.anonymised_at is not None:
        raise WorkflowError("The requester's data has been erased; it cannot be corrected.")
    return subject


def _checked_name(name: str) -> str:
    shown = name.strip()
    if not shown:
        raise ManualIntakeError("Enter the requester's name.", NAME)
    if len(shown) > MAX_NAME_LENGTH:
        raise ManualIntakeError(f"The name is at most {MAX_NAME_LENGTH} characters long.", NAME)
    if settings.has_invisible_characters(shown):
        # A bidi override or control character makes a name read otherwise than it is stored.
        raise ManualIntakeError(
            "The name holds invisible or direction-changing characters; type it again.", NAME
        )
    return shown


def _checked(field: str, typed: str) -> str:
    """Return the identifier as stored (``app.services.manual_intake_subject``), '' for none."""
    if not typed.strip():
        return ""
    normalised = (normalise_email if field == EMAIL else normalise_phone)(typed)
    if normalised is None and field == EMAIL:
        raise ManualIntakeError("Enter a valid e-mail address.", field)
    if normalised is None:
        raise ManualIntakeError("Enter a valid phone number.", field)
    return normalised.lower() if field == EMAIL else normalised


def _differs(subject: DataSubject, field: str, value: str) -> bool:
    if field == NAME:
        return value != (subject.display_name or "")
    current = subject.identifier(_KINDS[field]) or ""
    if field == PHONE and current and value:
        return current not in phone_variants(value)  # the same number written another way
    return value != current


def _refuse_held(session: Session, subject: DataSubject, field: str, value: str) -> None:
    if field == NAME or not value:
        return
    owner = identifier_owner(session, _KINDS[field], value)
    if owner is None or owner is subject:
        return
    if field == EMAIL:
        raise ManualIntakeError(
            "Another data subject holds this e-mail address; it was not changed.", field
        )
    raise ManualIntakeError(
        "Another data subject holds this phone number; it was not changed.", field
    )


def _apply(subject: DataSubject, field: str, value: str) -> None:
    if field == NAME:
        subject.display_name = value
        return
    kind = _KINDS[field]
    held = next((i for i in subject.identifiers if i.kind == kind), None)
    spellings = phone_variants(value) if kind is IdentifierKind.PHONE else {value}
    already = any(i.kind == kind and i.value in spellings for i in subject.identifiers)
    if held is not None and value and not already:
        held.value = value
    elif held is not None:
        subject.identifiers.remove(held)
    elif not already:
        subject.identifiers.append(SubjectIdentifier(kind=kind, value=value))


def _other_cases(session: Session, case: Case, subject: DataSubject) -> int:
    count = session.scalar(
        select(func.count(Case.id)).where(Case.subject_id == subject.id, Case.id != case.id)
    )
    return count or 0
