"""Every letter kind by its template key (the key stored with a generated letter)."""

from app.reports.acknowledgement import ACKNOWLEDGEMENT_LETTER
from app.reports.asking_letter_kinds import CLARIFICATION_REQUEST, IDENTITY_REQUEST
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
from app.reports.outcome_letters import CONSENT_WITHDRAWN, EXPLANATION_GIVEN, OBJECTION_GRANTED
from app.reports.wording_context import LetterKind

LETTER_KINDS: dict[str, LetterKind[object]] = {
    kind.spec.key: kind  # type: ignore[misc]
    for kind in (
        ACKNOWLEDGEMENT_LETTER,
        IDENTITY_REQUEST,
        CLARIFICATION_REQUEST,
        EXTENSION_NOTICE,
        ACCESS_RESPONSE,
        CORRECTION_DONE,
        DELETION_DONE,
        CANCELLATION_CONFIRMATION,
        REFUSAL,
        PARTIAL_REFUSAL,
        COMPLAINT_RESPONSE,
        CONSENT_WITHDRAWN,
        OBJECTION_GRANTED,
        EXPLANATION_GIVEN,
    )
}
