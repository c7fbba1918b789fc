"""One render function per response letter: facts in, PDF bytes out (see ``letters.render_letter``).

Every function takes ``language`` ``"zh"``, ``"en"`` or ``"zh+en"`` (bilingual), a ``Letterhead``,
and optionally ``templates_dir`` (a ``letters`` folder replacing the shipped one). Each raises
``TemplateError``/``TemplateFieldError`` for invalid templates, ``MissingGlyphsError`` for
characters no font has, and ``LetterError`` for facts the letter cannot state.
"""

from __future__ import annotations

from pathlib import Path

from app.reports.asking_letter_kinds import CLARIFICATION_REQUEST, IDENTITY_REQUEST
from app.reports.facts import (
    AccessResponseFacts,
    CancellationFacts,
    ClarificationRequestFacts,
    ComplaintResponseFacts,
    CorrectionDoneFacts,
    DeletionDoneFacts,
    ExtensionNoticeFacts,
    IdentityRequestFacts,
    RefusalFacts,
)
from app.reports.letter_kinds import (
    ACCESS_RESPONSE,
    CANCELLATION_CONFIRMATION,
    COMPLAINT_RESPONSE,
    CORRECTION_DONE,
    DELETION_DONE,
    EXTENSION_NOTICE,
    PARTIAL_REFUSAL,
    REFUSAL,
)
from app.reports.letterhead import Letterhead
from app.reports.letters import render_letter


def render_identity_request(
    facts: IdentityRequestFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return an identity-proof request as PDF bytes."""
    return render_letter(IDENTITY_REQUEST, facts, language, letterhead, templates_dir=templates_dir)


def render_clarification_request(
    facts: ClarificationRequestFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a clarification request as PDF bytes."""
    return render_letter(
        CLARIFICATION_REQUEST, facts, language, letterhead, templates_dir=templates_dir
    )


def render_extension_notice(
    facts: ExtensionNoticeFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return an extension notice as PDF bytes.

    Raises:
        LetterError: the jurisdiction has no extension (China), the notice is dated after the
            original due date, or the new date is not after it (GDPR Art. 12(3)).
    """
    return render_letter(EXTENSION_NOTICE, facts, language, letterhead, templates_dir=templates_dir)


def render_access_response(
    facts: AccessResponseFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return an access response with the copy of the data as an annex table as PDF bytes."""
    return render_letter(ACCESS_RESPONSE, facts, language, letterhead, templates_dir=templates_dir)


def render_correction_done(
    facts: CorrectionDoneFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a correction-done confirmation as PDF bytes."""
    return render_letter(CORRECTION_DONE, facts, language, letterhead, templates_dir=templates_dir)


def render_deletion_done(
    facts: DeletionDoneFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a deletion-done confirmation listing the held categories (PIPL Art. 47 ¶2)."""
    return render_letter(DELETION_DONE, facts, language, letterhead, templates_dir=templates_dir)


def render_cancellation_confirmation(
    facts: CancellationFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return an account-cancellation confirmation; end dates run from the cancellation."""
    return render_letter(
        CANCELLATION_CONFIRMATION, facts, language, letterhead, templates_dir=templates_dir
    )


def render_refusal(
    facts: RefusalFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a refusal (``RefusalGroundError``: a ground the jurisdiction lacks)."""
    return render_letter(REFUSAL, facts, language, letterhead, templates_dir=templates_dir)


def render_partial_refusal(
    facts: RefusalFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a partial refusal (``RefusalGroundError``: a ground the jurisdiction lacks)."""
    return render_letter(PARTIAL_REFUSAL, facts, language, letterhead, templates_dir=templates_dir)


def render_complaint_response(
    facts: ComplaintResponseFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Return a complaint response as PDF bytes."""
    return render_letter(
        COMPLAINT_RESPONSE, facts, language, letterhead, templates_dir=templates_dir
    )
