"""Which stored case a reminder chases, from what the reminder says: the subject line of the
earlier request it repeats ("Re: Auskunftsersuchen" chases the request titled
"Auskunftsersuchen"), and, for a reminder already stored, the traces read again from its
original message (DESIGN.md §4: a reminder from the same person links to the open case)."""

import unicodedata

from app.errors import PrivacyDeskError
from app.models import Case
from app.models.enums import AttachmentKind
from app.services.intake.chase import ChasedRequest, bare_subject, find_chased_request
from app.services.intake.files import parse_incoming
from app.services.intake.language import leading_text
from app.services.intake.vocabulary import default_rules


def subject_key(subject: str) -> str:
    """Return ``subject`` as compared with another: NFKC (full-width letters and spaces as
    ASCII), case-folded, runs of white space as one space, no leading/trailing space."""
    return " ".join(unicodedata.normalize("NFKC", subject).casefold().split())


def repeats_subject(chased_subject: str | None, subject_line: str | None) -> bool:
    """Whether a reminder whose bare subject is ``chased_subject`` repeats ``subject_line``,
    the subject of an earlier request (itself stripped of reply prefixes such as "Fwd:").

    Args:
        chased_subject: ``ChasedRequest.subject`` of the reminder, or ``None``.
        subject_line: the earlier case's ``subject_line``, or ``None``.

    Returns:
        ``True`` when both are given and equal once compared as ``subject_key``.
    """
    if not chased_subject or not subject_line:
        return False
    bare = bare_subject(subject_line, default_rules().reminder)
    return bare is not None and subject_key(bare) == subject_key(chased_subject)


def stored_chase(reminder: Case) -> ChasedRequest | None:
    """Read again what a stored reminder chases from its original message.

    Args:
        reminder: a stored case of kind ``reminder``.

    Returns:
        Its traces, or ``None`` when it has no readable original message (entered by hand, a
        web-form row, or the message purged): such a reminder is left for a person to link.
    """
    original = next(
        (a for a in reminder.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE), None
    )
    if original is None or not original.content:
        return None
    try:
        message = parse_incoming(original.content)
    except PrivacyDeskError:
        return None
    return find_chased_request(
        leading_text(message.subject), leading_text(message.body_text), default_rules().reminder
    )
