"""Parties acting for the data subject, and who a letter is addressed to.

- Guardian of a minor under 14 (PIPL Art. 31: such a child's information needs the guardian's
  consent; guardians act for the child).
- Close relative of a deceased person (PIPL Art. 49: for their own lawful, legitimate
  interests, unless the deceased arranged otherwise; close relatives per Civil Code Art. 1045:
  spouse, parents, children, siblings, grandparents, grandchildren).
- Authorised agent, with a written (notarised where required) authorisation.
"""

from datetime import date

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError
from app.models import Case, Party
from app.models.enums import PartyRole
from app.services.audit import record_event

CLOSE_RELATIVES = frozenset({"spouse", "parent", "child", "sibling", "grandparent", "grandchild"})


def add_party(
    session: Session,
    case: Case,
    role: PartyRole,
    *,
    name: str,
    proof_type: str,
    proof_expiry: date | None,
    relationship: str = "",
    email: str | None = None,
    today: date,
    actor: str,
) -> Party:
    """Record who acts for the subject, after checking their standing.

    Raises:
        TransitionBlockedError: no proof, expired proof, a guardian for a subject not marked
            a minor, a relative for a subject not marked deceased, or a relationship that is
            not a close relative.
    """
    problem = _standing_problem(case, role, proof_type, proof_expiry, relationship, today)
    if problem:
        raise TransitionBlockedError(problem, (problem,))
    party = Party(
        role=role,
        name=name,
        relationship_to_subject=relationship,
        email=email,
        proof_type=proof_type,
        proof_expiry=proof_expiry,
        proof_checked_by=actor,
    )
    case.parties.append(party)
    payload = {
        "role": role.value,
        "proof_type": proof_type,
        "proof_expiry": proof_expiry.isoformat() if proof_expiry else None,
    }
    record_event(session, "party.added", case=case, actor=actor, payload=payload)
    return party


def _standing_problem(
    case: Case, role: PartyRole, proof: str, expiry: date | None, relationship: str, today: date
) -> str:
    subject = case.subject
    if not proof.strip():
        return "Record the proof of the party's standing."
    if expiry is not None and expiry < today:
        return "The party's proof has expired."
    if role == PartyRole.GUARDIAN and not (subject and subject.is_minor):
        return "A guardian acts only for a subject recorded as a minor under 14."
    if role == PartyRole.CLOSE_RELATIVE:
        if not (subject and subject.is_deceased):
            return "A close relative acts only for a subject recorded as deceased."
        if relationship not in CLOSE_RELATIVES:
            return (
                "Only a spouse, parent, child, sibling, grandparent or grandchild is a close "
                "relative."
            )
    return ""


def addressee(case: Case) -> tuple[str | None, str | None]:
    """Return (name, e-mail) a letter goes to: the acting party if any, else the subject."""
    party = next((p for p in case.parties if p.is_addressee), None)
    if party is not None:
        return party.name, party.email
    subject = case.subject
    if subject is None:
        return None, None
    from app.models import IdentifierKind

    return subject.display_name, subject.identifier(IdentifierKind.EMAIL)
