"""PDF letters and reports (ReportLab). Pure: plain data in, PDF bytes out; no session, no Qt."""

from app.models.enums import PartyRole
from app.reports.acknowledgement import (
    ACKNOWLEDGEMENT,
    ACKNOWLEDGEMENT_LETTER,
    AcknowledgementFacts,
    acknowledgement_version,
    render_acknowledgement,
)
from app.reports.facts import (
    AccessResponseFacts,
    Addressee,
    CancellationFacts,
    CaseFacts,
    ClarificationRequestFacts,
    ComplaintResponseFacts,
    Correction,
    CorrectionDoneFacts,
    DataCopyRow,
    DeletionDoneFacts,
    ExtensionNoticeFacts,
    HeldCategory,
    IdentityRequestFacts,
    RefusalFacts,
    RefusalGround,
)
from app.reports.fonts import FontStack, default_font_stack
from app.reports.letter_kinds import (
    ACCESS_RESPONSE,
    CANCELLATION_CONFIRMATION,
    CLARIFICATION_REQUEST,
    COMPLAINT_RESPONSE,
    CORRECTION_DONE,
    DELETION_DONE,
    EXTENSION_NOTICE,
    IDENTITY_REQUEST,
    PARTIAL_REFUSAL,
    REFUSAL,
)
from app.reports.letterhead import BILINGUAL, Letterhead, default_letterhead, load_letterhead
from app.reports.letters import LANGUAGES, letter_version, render_letter
from app.reports.responses import (
    render_access_response,
    render_cancellation_confirmation,
    render_clarification_request,
    render_complaint_response,
    render_correction_done,
    render_deletion_done,
    render_extension_notice,
    render_identity_request,
    render_partial_refusal,
    render_refusal,
)
from app.reports.templates import TemplateVersion, load_template_file
from app.reports.wording_context import LetterKind

# Every letter kind by template key (the key stored with a generated letter).
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
    )
}

__all__ = [
    "ACCESS_RESPONSE",
    "ACKNOWLEDGEMENT",
    "ACKNOWLEDGEMENT_LETTER",
    "BILINGUAL",
    "CANCELLATION_CONFIRMATION",
    "CLARIFICATION_REQUEST",
    "COMPLAINT_RESPONSE",
    "CORRECTION_DONE",
    "DELETION_DONE",
    "EXTENSION_NOTICE",
    "IDENTITY_REQUEST",
    "LANGUAGES",
    "LETTER_KINDS",
    "PARTIAL_REFUSAL",
    "REFUSAL",
    "AccessResponseFacts",
    "AcknowledgementFacts",
    "Addressee",
    "CancellationFacts",
    "CaseFacts",
    "ClarificationRequestFacts",
    "ComplaintResponseFacts",
    "Correction",
    "CorrectionDoneFacts",
    "DataCopyRow",
    "DeletionDoneFacts",
    "ExtensionNoticeFacts",
    "FontStack",
    "HeldCategory",
    "IdentityRequestFacts",
    "LetterKind",
    "Letterhead",
    "PartyRole",
    "RefusalFacts",
    "RefusalGround",
    "TemplateVersion",
    "acknowledgement_version",
    "default_font_stack",
    "default_letterhead",
    "letter_version",
    "load_letterhead",
    "load_template_file",
    "render_access_response",
    "render_acknowledgement",
    "render_cancellation_confirmation",
    "render_clarification_request",
    "render_complaint_response",
    "render_correction_done",
    "render_deletion_done",
    "render_extension_notice",
    "render_identity_request",
    "render_letter",
    "render_partial_refusal",
    "render_refusal",
]
