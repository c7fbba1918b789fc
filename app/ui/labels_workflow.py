"""Translated names of the workflow's words for the UI: outcomes, identity-check methods,
review subjects and decisions, refusal grounds and data-category actions (``app/ui/labels.py``
holds the case's own: kind, status, flags, triage evidence, pauses, letters)."""

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import (
    CaseOutcome,
    CategoryActionKind,
    ReviewDecision,
    ReviewSubject,
    VerificationMethod,
)

_OUTCOME = {
    CaseOutcome.FULFILLED: QT_TRANSLATE_NOOP("Outcome", "Fulfilled"),
    CaseOutcome.PARTIALLY_FULFILLED: QT_TRANSLATE_NOOP("Outcome", "Partially fulfilled"),
    CaseOutcome.REFUSED: QT_TRANSLATE_NOOP("Outcome", "Refused"),
    CaseOutcome.WITHDRAWN: QT_TRANSLATE_NOOP("Outcome", "Withdrawn"),
    CaseOutcome.UNVERIFIABLE: QT_TRANSLATE_NOOP("Outcome", "Identity not verifiable"),
    CaseOutcome.NOT_A_REQUEST: QT_TRANSLATE_NOOP("Outcome", "Not a request"),
    CaseOutcome.DUPLICATE: QT_TRANSLATE_NOOP("Outcome", "Duplicate"),
    CaseOutcome.REDIRECTED_TO_SELF_SERVICE: QT_TRANSLATE_NOOP(
        "Outcome", "Redirected to self-service"
    ),
}


def outcome_label(outcome: CaseOutcome) -> str:
    """Return the translated name of a case outcome."""
    return QCoreApplication.translate("Outcome", str(_OUTCOME[outcome]))


_METHOD = {
    VerificationMethod.ACCOUNT_LOGIN: QT_TRANSLATE_NOOP("Method", "Signed in to the account"),
    VerificationMethod.SMS_CODE: QT_TRANSLATE_NOOP("Method", "SMS code"),
    VerificationMethod.ID_DOCUMENT: QT_TRANSLATE_NOOP("Method", "Identity document"),
    VerificationMethod.FACE_VERIFICATION: QT_TRANSLATE_NOOP("Method", "Face verification"),
    VerificationMethod.KNOWN_CORRESPONDENCE: QT_TRANSLATE_NOOP(
        "Method", "Known correspondence address"
    ),
    VerificationMethod.OTHER: QT_TRANSLATE_NOOP("Method", "Other"),
}


def method_label(method: VerificationMethod) -> str:
    """Return the translated name of an identity-check method (PIPL Art. 50: the handler
    verifies who asks before acting on a request)."""
    return QCoreApplication.translate("Method", str(_METHOD[method]))


_REVIEW = {
    ReviewSubject.DELETION: QT_TRANSLATE_NOOP("Review", "Deletion"),
    ReviewSubject.REFUSAL: QT_TRANSLATE_NOOP("Review", "Refusal"),
    ReviewSubject.LETTER: QT_TRANSLATE_NOOP("Review", "Letter"),
    ReviewDecision.PENDING: QT_TRANSLATE_NOOP("Review", "Pending"),
    ReviewDecision.APPROVED: QT_TRANSLATE_NOOP("Review", "Approved"),
    ReviewDecision.REJECTED: QT_TRANSLATE_NOOP("Review", "Rejected"),
}


def review_label(value: ReviewSubject | ReviewDecision) -> str:
    """Return the translated name of what a review signs off, or of its decision."""
    return QCoreApplication.translate("Review", str(_REVIEW[value]))


def review_subject_text(subject: ReviewSubject, requested_by: str) -> str:
    """Return a pending review as the reviewer picks it, e.g. ``Deletion — li.handler``
    (``删除 — li.handler`` in Chinese): what it signs off and who asked."""
    text = QCoreApplication.translate("Review", "%1 — %2")
    return text.replace("%1", review_label(subject)).replace("%2", requested_by)


# Short names of the refusal grounds of resources/letters/*/jurisdictions.toml ([X.grounds]);
# the letters print the full wording with its legal source.
_GROUND = {
    "national_security": QT_TRANSLATE_NOOP("Ground", "National security or defence"),
    "public_interest": QT_TRANSLATE_NOOP("Ground", "Public safety, health or major interest"),
    "criminal_justice": QT_TRANSLATE_NOOP("Ground", "Criminal investigation or trial"),
    "vital_interests": QT_TRANSLATE_NOOP("Ground", "Life or property of a person at stake"),
    "self_disclosed": QT_TRANSLATE_NOOP("Ground", "Made public by the data subject"),
    "other_legal_grounds": QT_TRANSLATE_NOOP("Ground", "Laws provide otherwise"),
    "retention_period": QT_TRANSLATE_NOOP("Ground", "Statutory retention period running"),
    "legal_obligation": QT_TRANSLATE_NOOP("Ground", "Needed for a legal obligation"),
    "abuse_of_rights": QT_TRANSLATE_NOOP("Ground", "Bad faith or abuse of rights"),
    "serious_harm": QT_TRANSLATE_NOOP("Ground", "Would seriously harm others"),
    "trade_secret": QT_TRANSLATE_NOOP("Ground", "Trade secret"),
    "identity_not_verified": QT_TRANSLATE_NOOP("Ground", "Identity not verified"),
    "manifestly_unfounded": QT_TRANSLATE_NOOP("Ground", "Manifestly unfounded"),
    "excessive": QT_TRANSLATE_NOOP("Ground", "Excessive or repetitive"),
    "cannot_identify": QT_TRANSLATE_NOOP("Ground", "Data subject cannot be identified"),
    "rights_of_others": QT_TRANSLATE_NOOP("Ground", "Rights and freedoms of others"),
    "freedom_of_expression": QT_TRANSLATE_NOOP("Ground", "Freedom of expression"),
    "public_health": QT_TRANSLATE_NOOP("Ground", "Public health"),
    "archiving_research": QT_TRANSLATE_NOOP("Ground", "Archiving, research or statistics"),
    "legal_claims": QT_TRANSLATE_NOOP("Ground", "Legal claims"),
    "compelling_grounds": QT_TRANSLATE_NOOP("Ground", "Compelling legitimate grounds"),
    "national_restriction": QT_TRANSLATE_NOOP("Ground", "Restriction under national law"),
    "unverifiable": QT_TRANSLATE_NOOP("Ground", "Request not verifiable"),
    "statutory_exemption": QT_TRANSLATE_NOOP("Ground", "Statutory exemption"),
    "sensitive_pieces": QT_TRANSLATE_NOOP("Ground", "Specific pieces not to be disclosed"),
    "complete_transaction": QT_TRANSLATE_NOOP("Ground", "Needed to complete the transaction"),
    "security_integrity": QT_TRANSLATE_NOOP("Ground", "Security and integrity"),
    "internal_uses": QT_TRANSLATE_NOOP("Ground", "Expected internal uses"),
}


def ground_label(code: str) -> str:
    """Return the translated short name of a refusal ground code, e.g. ``Trade secret`` for
    ``trade_secret`` (a ground added to the resources later shows its code in words)."""
    marker = _GROUND.get(code)
    if marker is None:
        return code.replace("_", " ").capitalize()
    return QCoreApplication.translate("Ground", str(marker))


_CATEGORY_ACTION = {
    CategoryActionKind.DELETE: QT_TRANSLATE_NOOP("Categories", "Delete"),
    CategoryActionKind.ANONYMISE: QT_TRANSLATE_NOOP("Categories", "Anonymise"),
    CategoryActionKind.CORRECT: QT_TRANSLATE_NOOP("Categories", "Correct"),
    CategoryActionKind.EXPORT: QT_TRANSLATE_NOOP("Categories", "Export"),
    CategoryActionKind.LEGAL_HOLD: QT_TRANSLATE_NOOP("Categories", "Keep (legal hold)"),
    CategoryActionKind.NONE_HELD: QT_TRANSLATE_NOOP("Categories", "None held"),
}


def category_action_label(action: CategoryActionKind) -> str:
    """Return the translated name of a data-category action (e.g. "Keep (legal hold)")."""
    return QCoreApplication.translate("Categories", str(_CATEGORY_ACTION[action]))


def category_action_text(category: str, action: CategoryActionKind, hold_until: date | None) -> str:
    """Return e.g. ``Orders: Keep (legal hold) until 2029-06-30`` for a data category (whose
    name the caller gives in the UI language, see ``ui_language``)."""
    what = category_action_label(action)
    if hold_until is None:
        text = QCoreApplication.translate("Categories", "%1: %2")
        return text.replace("%1", category).replace("%2", what)
    text = QCoreApplication.translate("Categories", "%1: %2 until %3")
    return text.replace("%1", category).replace("%2", what).replace("%3", hold_until.isoformat())
