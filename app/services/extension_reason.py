"""The reason of an extension: checked when it is entered, and corrected before its notice goes.

GDPR Art. 12(3) (and the rule sets modelled on it) lets the controller extend the time limit
only if it tells the data subject of the extension *with the reasons* within the first period:
the reason a person types is printed in the extension notice. So it is checked when it is typed
against the fonts letters are set in, the way the letter checks it (``LetterTextCheck``, handed
in by the caller: ``app.reports.letter_text.check_letter_text``, above this layer), and a reason
the notice cannot print is refused then, naming its characters, not found out when the notice
is due.

A reason can be corrected (a typo, a character no font has, a reason worded for the wrong
case) while the case is open and until an extension notice has been recorded as sent: until
then nobody has been told it; afterwards the reason on record is the one the requester was
told, and the case keeps it as the record of what was said. Each correction is an audit event
holding only SHA-256 digests of the old and new text (the reason may name people).
"""

import hashlib

from sqlalchemy.orm import Session

from app.errors import ClockError
from app.models import Case
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.clock import OPEN_STATUSES
from app.services.letter_fit_tables import EXTENSION_NOTICE
from app.services.letter_text import LetterTextCheck, missing_glyphs
from app.services.typed_text import control_characters, has_direction_controls

__all__ = [
    "LetterTextCheck",
    "checked_reason",
    "correct_extension_reason",
    "notice_sent",
    "reason_digest",
    "refuse_reason_correction",
]


def checked_reason(reason: str, printable: LetterTextCheck) -> str:
    """Return ``reason`` as stored (surrounding white space dropped), once letters can print it.

    Args:
        reason: the reason as typed (free text; may name people).
        printable: the letters' font check (``app.reports.letter_text.check_letter_text``).

    Raises:
        ClockError: no reason, one holding a bidi embedding, override or isolate or a
            control character other than tab and line feed (``app.services.typed_text``;
            the message names their code points), or one holding characters no letter font has
            (the message names their code points and what font to install, never the text).
    """
    if not reason.strip():
        raise ClockError("An extension needs a reason; the requester must be told it.")
    if has_direction_controls(reason):
        raise ClockError("The text holds direction-changing characters; type it again.")
    controls = control_characters(reason)
    if controls:
        # Before the font check: no font draws a control character (QA20 N5).
        code_points = ", ".join(controls)
        raise ClockError(f"The reason holds control characters ({code_points}); type it again.")
    stored = reason.strip()
    error = missing_glyphs([stored], printable)
    if error is None:
        return stored
    code_points = ", ".join(error.code_points)
    if error.coverage:
        raise ClockError(
            f"The reason holds characters no letter font on this computer has ({code_points}), "
            "so the extension notice could not print it: type the reason without them, or "
            f"install a TrueType (.ttf) font covering {error.coverage}, such as {error.fonts}."
        )
    raise ClockError(
        f"The reason holds characters the letter fonts lack ({code_points}), so the extension "
        "notice could not print it: type the reason without them."
    )


def reason_digest(reason: str) -> str:
    """Return the SHA-256 (hex) of a stored reason: what the audit trail keeps of it."""
    return hashlib.sha256(reason.encode()).hexdigest()


def notice_sent(case: Case) -> bool:
    """Return whether an extension notice of ``case`` has been recorded as sent."""
    return any(
        letter.template_key == EXTENSION_NOTICE and letter.sent_at is not None
        for letter in case.letters
    )


def correct_extension_reason(
    session: Session,
    case: Case,
    *,
    reason: str,
    printable: LetterTextCheck,
    actor: str = SYSTEM_ACTOR,
) -> bool:
    """Replace the extension reason of ``case`` with ``reason`` and audit it
    (``clock.extension_reason_corrected``, digests of both texts). The dates do not move: the
    extension stands, only what the requester will be told of it changes.

    Args:
        reason: the corrected reason as typed.
        printable: the letters' font check (``app.reports.letter_text.check_letter_text``).
        actor: who corrected it, for the audit trail.

    Returns:
        True when the reason changed; False when it is the one recorded (nothing audited).

    Raises:
        ClockError: the case is not extended, is answered or closed, or an extension notice
            has been recorded as sent (GDPR Art. 12(3): the requester was told that reason);
            or the new reason is refused as ``checked_reason`` refuses it.
    """
    refuse_reason_correction(case)
    stored = checked_reason(reason, printable)
    before = case.extension_reason
    assert before is not None  # refused above when the case is not extended
    if stored == before:
        return False
    case.extension_reason = stored
    payload = {"from_sha256": reason_digest(before), "to_sha256": reason_digest(stored)}
    record_event(
        session, "clock.extension_reason_corrected", case=case, actor=actor, payload=payload
    )
    return True


def refuse_reason_correction(case: Case) -> None:
    """Raise why the extension reason of ``case`` cannot be corrected now (nothing if it can).

    Raises:
        ClockError: not extended; answered or closed; or an extension notice sent.
    """
    if case.extension_reason is None:
        raise ClockError("This case has not been extended: it has no extension reason to correct.")
    if case.status not in OPEN_STATUSES:
        raise ClockError(
            "This case has been answered or closed: its extension reason is part of the record "
            "its answer was measured by."
        )
    if notice_sent(case):
        raise ClockError(
            "The extension notice has been sent: the requester was told the reason on record, "
            "so it stays as sent."
        )
