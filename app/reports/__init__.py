"""PDF letters and reports (ReportLab). Pure: plain data in, PDF bytes out; no session, no Qt.

The names below load with their module when first taken (PEP 562): importing one module of
the package (the Case menu's list of letters, ``case_letter_keys``) must not load ReportLab
and every letter kind (about 9 MiB) before a letter is made (README "Speed").
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.models.enums import PartyRole
    from app.reports.acknowledgement import (
        ACKNOWLEDGEMENT,
        ACKNOWLEDGEMENT_LETTER,
        AcknowledgementFacts,
        acknowledgement_version,
        render_acknowledgement,
    )
    from app.reports.asking_letter_kinds import CLARIFICATION_REQUEST, IDENTITY_REQUEST
    from app.reports.facts import (
        AccessResponseFacts,
        Addressee,
        CancellationFacts,
        CaseFacts,
        ClarificationRequestFacts,
        ComplaintResponseFacts,
        CorrectionDoneFacts,
        DeletionDoneFacts,
        ExtensionNoticeFacts,
        IdentityRequestFacts,
        RefusalFacts,
    )
    from app.reports.fonts import FontStack, default_font_stack
    from app.reports.letter_catalogue import LETTER_KINDS
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
    from app.reports.letter_rows import Correction, DataCopyRow, HeldCategory, RefusalGround
    from app.reports.letterhead import Letterhead, default_letterhead, load_letterhead
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
    from app.services.letter_languages import BILINGUAL

_HOMES = {
    "ACCESS_RESPONSE": "app.reports.letter_kinds",
    "ACKNOWLEDGEMENT": "app.reports.acknowledgement",
    "ACKNOWLEDGEMENT_LETTER": "app.reports.acknowledgement",
    "AccessResponseFacts": "app.reports.facts",
    "AcknowledgementFacts": "app.reports.acknowledgement",
    "Addressee": "app.reports.facts",
    "BILINGUAL": "app.services.letter_languages",
    "CANCELLATION_CONFIRMATION": "app.reports.letter_kinds",
    "CLARIFICATION_REQUEST": "app.reports.asking_letter_kinds",
    "COMPLAINT_RESPONSE": "app.reports.letter_kinds",
    "CORRECTION_DONE": "app.reports.letter_kinds",
    "CancellationFacts": "app.reports.facts",
    "CaseFacts": "app.reports.facts",
    "ClarificationRequestFacts": "app.reports.facts",
    "ComplaintResponseFacts": "app.reports.facts",
    "Correction": "app.reports.letter_rows",
    "CorrectionDoneFacts": "app.reports.facts",
    "DELETION_DONE": "app.reports.letter_kinds",
    "DataCopyRow": "app.reports.letter_rows",
    "DeletionDoneFacts": "app.reports.facts",
    "EXTENSION_NOTICE": "app.reports.letter_kinds",
    "ExtensionNoticeFacts": "app.reports.facts",
    "FontStack": "app.reports.fonts",
    "HeldCategory": "app.reports.letter_rows",
    "IDENTITY_REQUEST": "app.reports.asking_letter_kinds",
    "IdentityRequestFacts": "app.reports.facts",
    "LANGUAGES": "app.reports.letters",
    "LETTER_KINDS": "app.reports.letter_catalogue",
    "LetterKind": "app.reports.wording_context",
    "Letterhead": "app.reports.letterhead",
    "PARTIAL_REFUSAL": "app.reports.letter_kinds",
    "PartyRole": "app.models.enums",
    "REFUSAL": "app.reports.letter_kinds",
    "RefusalFacts": "app.reports.facts",
    "RefusalGround": "app.reports.letter_rows",
    "TemplateVersion": "app.reports.templates",
    "acknowledgement_version": "app.reports.acknowledgement",
    "default_font_stack": "app.reports.fonts",
    "default_letterhead": "app.reports.letterhead",
    "letter_version": "app.reports.letters",
    "load_letterhead": "app.reports.letterhead",
    "load_template_file": "app.reports.templates",
    "render_access_response": "app.reports.responses",
    "render_acknowledgement": "app.reports.acknowledgement",
    "render_cancellation_confirmation": "app.reports.responses",
    "render_clarification_request": "app.reports.responses",
    "render_complaint_response": "app.reports.responses",
    "render_correction_done": "app.reports.responses",
    "render_deletion_done": "app.reports.responses",
    "render_extension_notice": "app.reports.responses",
    "render_identity_request": "app.reports.responses",
    "render_letter": "app.reports.letters",
    "render_partial_refusal": "app.reports.responses",
    "render_refusal": "app.reports.responses",
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


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` and return it from there.

    Raises:
        AttributeError: ``name`` is not one of this package's names.
    """
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
