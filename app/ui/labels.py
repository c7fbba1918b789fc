"""Translated names of domain enums for the UI (services return enums; the UI makes words)."""

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    PauseReason,
    ReviewFlag,
)
from app.ui.labels_triage import language_name, reason_lines

_KIND = {
    CaseKind.ACCESS: QT_TRANSLATE_NOOP("Kind", "Access"),
    CaseKind.COPY: QT_TRANSLATE_NOOP("Kind", "Copy"),
    CaseKind.CORRECTION: QT_TRANSLATE_NOOP("Kind", "Correction"),
    CaseKind.DELETION: QT_TRANSLATE_NOOP("Kind", "Deletion"),
    CaseKind.ACCOUNT_CANCELLATION: QT_TRANSLATE_NOOP("Kind", "Account cancellation"),
    CaseKind.CONSENT_WITHDRAWAL: QT_TRANSLATE_NOOP("Kind", "Consent withdrawal"),
    CaseKind.OBJECTION: QT_TRANSLATE_NOOP("Kind", "Objection / restriction"),
    CaseKind.EXPLANATION: QT_TRANSLATE_NOOP("Kind", "Explanation"),
    CaseKind.COMPLAINT: QT_TRANSLATE_NOOP("Kind", "Complaint"),
    CaseKind.REGULATOR_INQUIRY: QT_TRANSLATE_NOOP("Kind", "Regulator inquiry"),
    CaseKind.REMINDER: QT_TRANSLATE_NOOP("Kind", "Reminder"),
    CaseKind.NOT_A_REQUEST: QT_TRANSLATE_NOOP("Kind", "Not a request"),
    CaseKind.OTHER: QT_TRANSLATE_NOOP("Kind", "Other"),
}

_STATUS = {
    CaseStatus.NEW: QT_TRANSLATE_NOOP("Status", "New"),
    CaseStatus.TRIAGED: QT_TRANSLATE_NOOP("Status", "Triaged"),
    CaseStatus.AWAITING_REQUESTER: QT_TRANSLATE_NOOP("Status", "Awaiting requester"),
    CaseStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
    CaseStatus.IN_REVIEW: QT_TRANSLATE_NOOP("Status", "In review"),
    CaseStatus.RESPONDED: QT_TRANSLATE_NOOP("Status", "Responded"),
    CaseStatus.IN_RETENTION: QT_TRANSLATE_NOOP("Status", "In retention"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Status", "Closed"),
}

__all__ = ["language_name", "reason_lines"]  # with the names defined below; triage words

_FLAG = {
    ReviewFlag.MISSING_DATE: QT_TRANSLATE_NOOP(
        "Flag", "No Date: header — confirm the receipt date"
    ),
    ReviewFlag.UNPARSABLE_DATE: QT_TRANSLATE_NOOP(
        "Flag", "Unreadable Date: header — confirm the receipt date"
    ),
    ReviewFlag.DATE_WITHOUT_ZONE: QT_TRANSLATE_NOOP(
        "Flag", "Date: header has no time zone — read as UTC; confirm the receipt date"
    ),
    ReviewFlag.DATE_ZONE_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Flag",
        "Date: header's time zone name has several meanings — read as the earliest; "
        "confirm the receipt date",
    ),
    ReviewFlag.CHARSET_MISMATCH: QT_TRANSLATE_NOOP(
        "Flag",
        "The declared character set did not fit, or part of the text could not be read "
        "— read the original",
    ),
    ReviewFlag.REGULATOR_INQUIRY: QT_TRANSLATE_NOOP(
        "Flag", "Regulator's inquiry — confirm the deadline against the letter"
    ),
    ReviewFlag.NO_DEADLINE: QT_TRANSLATE_NOOP("Flag", "No deadline computed — set one"),
    ReviewFlag.NOT_A_REQUEST: QT_TRANSLATE_NOOP("Flag", "Probably not a privacy request"),
    ReviewFlag.UNKNOWN_KIND: QT_TRANSLATE_NOOP("Flag", "Kind of request unclear"),
    ReviewFlag.UNKNOWN_REQUESTER: QT_TRANSLATE_NOOP("Flag", "Requester unclear"),
    ReviewFlag.RAW_TEMPLATE_MARKUP: QT_TRANSLATE_NOOP(
        "Flag", "Contains unrendered template markup"
    ),
    ReviewFlag.UNLINKED_REMINDER: QT_TRANSLATE_NOOP(
        "Flag", "Reminder not yet linked to its request"
    ),
    ReviewFlag.POSSIBLE_DUPLICATE: QT_TRANSLATE_NOOP(
        "Flag", "Possible duplicate of an open request from the same person"
    ),
    ReviewFlag.IMPLAUSIBLE_DATE: QT_TRANSLATE_NOOP(
        "Flag", "Date: header in the future or long past — confirm the receipt date"
    ),
    ReviewFlag.PROVISIONAL_DEADLINE: QT_TRANSLATE_NOOP(
        "Flag", "Deadline provisional: holiday calendar not yet official"
    ),
    ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT: QT_TRANSLATE_NOOP(
        "Flag",
        "The account ID or phone number quoted belongs to another data subject record"
        " — check it in identity verification",
    ),
    ReviewFlag.STRAY_NUL_BYTES: QT_TRANSLATE_NOOP(
        "Flag",
        "Stray control bytes (NUL and others) were removed from the message file"
        " — read the original",
    ),
    ReviewFlag.LANGUAGE_UNCERTAIN: QT_TRANSLATE_NOOP(
        "Flag",
        "Language guessed on weak or mixed evidence — confirm the language and jurisdiction",
    ),
    ReviewFlag.DAMAGED_MESSAGE: QT_TRANSLATE_NOOP(
        "Flag",
        "The message's MIME structure is damaged (invalid encoding, missing boundary or"
        " truncated part) — read the original",
    ),
    ReviewFlag.NAME_SHORTENED: QT_TRANSLATE_NOOP(
        "Flag",
        "The sender's name was longer than 200 characters and was shortened — the original"
        " message keeps it whole",
    ),
    ReviewFlag.SEVERAL_SENDERS: QT_TRANSLATE_NOOP(
        "Flag",
        "The From: line names several addresses; the first was taken as the requester"
        " — check who is asking",
    ),
    ReviewFlag.ADDRESS_INVISIBLES: QT_TRANSLATE_NOOP(
        "Flag",
        "Invisible characters were removed from the sender's address — check the address"
        " against the original",
    ),
    ReviewFlag.FORWARDED: QT_TRANSLATE_NOOP(
        "Flag",
        "A forwarded message: its original sender is named under Requester — check who the"
        " data subject is and whether the forwarder acts for them",
    ),
    ReviewFlag.DEEPLY_NESTED: QT_TRANSLATE_NOOP(
        "Flag",
        "The message's parts or header comments are nested too deeply: only the headers and"
        " the text above the limit were read — read the original",
    ),
    ReviewFlag.NAME_INVISIBLES: QT_TRANSLATE_NOOP(
        "Flag",
        "Invisible characters were removed from the sender's name — check the name against"
        " the original",
    ),
    ReviewFlag.NAME_DAMAGED: QT_TRANSLATE_NOOP(
        "Flag",
        "Part of the sender's name was damaged in the mail and left out — check the name"
        " against the original before a letter uses it",
    ),
    ReviewFlag.PHONE_NOT_VALID: QT_TRANSLATE_NOOP(
        "Flag",
        "The phone number in the letter is not a valid number of its country — it is kept as"
        " written: check it against the letter",
    ),
    ReviewFlag.UNLISTED_REGULATOR_SENDER: QT_TRANSLATE_NOOP(
        "Flag",
        "Read as a regulator's inquiry, but the sender's domain is not a listed regulator's"
        " — confirm that an authority wrote it",
    ),
    ReviewFlag.LOOKALIKE_SENDER_DOMAIN: QT_TRANSLATE_NOOP(
        "Flag",
        "The sender's domain imitates a government or regulator domain — possible spoofing",
    ),
    ReviewFlag.ADDRESS_OF_OTHER_SUBJECT: QT_TRANSLATE_NOOP(
        "Flag",
        "The e-mail address, once cleaned of invisible characters, is also another data"
        " subject record's — check whether they are one person",
    ),
    ReviewFlag.DUE_DATE_RELEASED: QT_TRANSLATE_NOOP(
        "Flag",
        "The due date set by hand was released: the statutory deadline now falls before it",
    ),
    ReviewFlag.SENDER_NOT_IN_FROM: QT_TRANSLATE_NOOP(
        "Flag",
        "The From: line names no address; the requester's address was taken from Sender: or"
        " Reply-To: — check who is asking",
    ),
    ReviewFlag.SEVERAL_STATED_LIMITS: QT_TRANSLATE_NOOP(
        "Flag",
        "The regulator's letter states several time limits; the earliest was taken as the due"
        " date — note the later ones",
    ),
    ReviewFlag.RECEIVED_EARLIER_BY_COMPANY: QT_TRANSLATE_NOOP(
        "Flag",
        "Forwarded by a colleague: the request first reached another company mailbox, and the"
        " deadline counts from then (see Triage evidence) — check the date against the original",
    ),
    ReviewFlag.ORIGINAL_DATE_NOT_USED: QT_TRANSLATE_NOOP(
        "Flag",
        "Forwarded by a colleague: the date the request first reached the company could not be"
        " used, so the forward's date was taken — confirm the receipt date",
    ),
}


def kind_label(kind: CaseKind) -> str:
    """Return the translated name of a request kind."""
    return QCoreApplication.translate("Kind", str(_KIND[kind]))


def status_label(status: CaseStatus) -> str:
    """Return the translated name of a case status."""
    return QCoreApplication.translate("Status", str(_STATUS[status]))


def flag_label(flag: ReviewFlag) -> str:
    """Return the translated explanation of a review flag."""
    return QCoreApplication.translate("Flag", str(_FLAG[flag]))


_PAUSE = {
    PauseReason.IDENTITY_VERIFICATION: QT_TRANSLATE_NOOP("Pause", "waiting for identity proof"),
    PauseReason.CLARIFICATION: QT_TRANSLATE_NOOP("Pause", "waiting for clarification"),
    PauseReason.FEE: QT_TRANSLATE_NOOP("Pause", "waiting for the fee"),
    PauseReason.OTHER: QT_TRANSLATE_NOOP("Pause", "paused"),
}


def pause_label(reason: PauseReason, start: date, end: date | None) -> str:
    """Return e.g. ``Clock stopped 2026-10-08 – 2026-10-12: waiting for identity proof``."""
    why = pause_reason_label(reason)
    if end is None:
        text = QCoreApplication.translate("Pause", "Clock stopped since %1: %2")
        return text.replace("%1", start.isoformat()).replace("%2", why)
    text = QCoreApplication.translate("Pause", "Clock stopped %1 – %2: %3")
    return text.replace("%1", start.isoformat()).replace("%2", end.isoformat()).replace("%3", why)


def pause_reason_label(reason: PauseReason) -> str:
    """Return what the case waits for, e.g. ``waiting for identity proof``."""
    return QCoreApplication.translate("Pause", str(_PAUSE[reason]))


# The translators' answer to "which language is this?": "zh" in the Chinese catalogue. Data
# that exists in both languages (e.g. the inventory's category names) is shown in it.
_LANGUAGE_CODE = QT_TRANSLATE_NOOP("Language", "en")


def ui_language() -> str:
    """Return ``zh`` while the UI is shown in Chinese, else ``en``."""
    return QCoreApplication.translate("Language", str(_LANGUAGE_CODE))


_LETTER_TEMPLATE = {
    "acknowledgement": QT_TRANSLATE_NOOP("LetterTemplate", "Acknowledgement"),
    "identity_request": QT_TRANSLATE_NOOP("LetterTemplate", "Identity request"),
    "clarification_request": QT_TRANSLATE_NOOP("LetterTemplate", "Clarification request"),
    "extension_notice": QT_TRANSLATE_NOOP("LetterTemplate", "Extension notice"),
    "access_response": QT_TRANSLATE_NOOP("LetterTemplate", "Access response"),
    "correction_done": QT_TRANSLATE_NOOP("LetterTemplate", "Correction done"),
    "deletion_done": QT_TRANSLATE_NOOP("LetterTemplate", "Deletion done"),
    "cancellation_confirmation": QT_TRANSLATE_NOOP(
        "LetterTemplate", "Account cancellation confirmation"
    ),
    "refusal": QT_TRANSLATE_NOOP("LetterTemplate", "Refusal"),
    "partial_refusal": QT_TRANSLATE_NOOP("LetterTemplate", "Partial refusal"),
    "complaint_response": QT_TRANSLATE_NOOP("LetterTemplate", "Complaint response"),
    "consent_withdrawn": QT_TRANSLATE_NOOP("LetterTemplate", "Consent withdrawn"),
    "objection_granted": QT_TRANSLATE_NOOP("LetterTemplate", "Objection met"),
    "explanation_given": QT_TRANSLATE_NOOP("LetterTemplate", "Explanation given"),
}


def letter_template_label(template_key: str) -> str:
    """Return the translated name of a letter template, e.g. ``Deletion done`` for
    ``deletion_done`` (a template added later shows its key in words until it is listed)."""
    marker = _LETTER_TEMPLATE.get(template_key)
    if marker is None:
        return template_key.replace("_", " ").capitalize()
    return QCoreApplication.translate("LetterTemplate", str(marker))


def code_label(table: str, code: str) -> str | None:
    """Return the UI's name of ``code`` from ``table`` — ``kind`` (request kind), ``status``,
    ``outcome`` or ``letter`` (template key) — or ``None`` for another table or an unknown
    code. ``app.error_text`` shows the codes an error message carries by these names, so an
    error names a kind or a letter as the window's lists and menus do."""
    # Imported here: labels_workflow is the workflow's words, not needed for the case list.
    from app.ui.labels_workflow import outcome_label

    if table == "letter":
        return letter_template_label(code) if code in _LETTER_TEMPLATE else None
    try:
        if table == "kind":
            return kind_label(CaseKind(code))
        if table == "status":
            return status_label(CaseStatus(code))
        if table == "outcome":
            return outcome_label(CaseOutcome(code))
    except ValueError:
        return None
    return None
