"""Translated names of domain enums for the UI (services return enums; the UI makes words)."""

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    PauseReason,
    ReviewFlag,
)
from app.ui.bidi import isolate

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

_FLAG = {
    ReviewFlag.MISSING_DATE: QT_TRANSLATE_NOOP(
        "Flag", "No Date: header — confirm the receipt date"
    ),
    ReviewFlag.UNPARSABLE_DATE: QT_TRANSLATE_NOOP(
        "Flag", "Unreadable Date: header or no time zone — confirm the receipt date"
    ),
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


_REASON_FIELD = {
    "kind": QT_TRANSLATE_NOOP("Reason", "Kind"),
    "language": QT_TRANSLATE_NOOP("Reason", "Language"),
    "jurisdiction": QT_TRANSLATE_NOOP("Reason", "Jurisdiction"),
    "requester": QT_TRANSLATE_NOOP("Reason", "Requester"),
}

_REASON_SIGNAL = {
    "statute_citation": QT_TRANSLATE_NOOP("Reason", "cites “%1”"),
    "statute_name": QT_TRANSLATE_NOOP("Reason", "names “%1”"),
    "subject_keyword": QT_TRANSLATE_NOOP("Reason", "“%1” in the subject"),
    "keyword": QT_TRANSLATE_NOOP("Reason", "“%1” in the text"),
    "privacy_marker": QT_TRANSLATE_NOOP("Reason", "mentions “%1”"),
    "script": QT_TRANSLATE_NOOP("Reason", "written in %1 script"),
    "stopwords": QT_TRANSLATE_NOOP("Reason", "common words of “%1”"),
    "language_default": QT_TRANSLATE_NOOP("Reason", "usual law for language “%1”"),
    "sender": QT_TRANSLATE_NOOP("Reason", "From: %1"),
    "body_label": QT_TRANSLATE_NOOP("Reason", "address given in the letter: %1"),
    "default": QT_TRANSLATE_NOOP("Reason", "nothing decisive: default"),
    "form_field": QT_TRANSLATE_NOOP("Reason", "form field %1"),
}


# Writing systems and languages of resources/triage (rules.toml [[script]], languages/*.toml),
# named in words: the triage evidence records their codes.
_SCRIPT = {
    "han": QT_TRANSLATE_NOOP("Script", "Han (Chinese)"),
    "kana": QT_TRANSLATE_NOOP("Script", "Kana (Japanese)"),
    "hangul": QT_TRANSLATE_NOOP("Script", "Hangul (Korean)"),
    "greek": QT_TRANSLATE_NOOP("Script", "Greek"),
    "cyrillic": QT_TRANSLATE_NOOP("Script", "Cyrillic"),
    "arabic": QT_TRANSLATE_NOOP("Script", "Arabic"),
    "latin": QT_TRANSLATE_NOOP("Script", "Latin"),
}
_LANGUAGE_NAME = {
    "zh": QT_TRANSLATE_NOOP("LanguageName", "Chinese"),
    "en": QT_TRANSLATE_NOOP("LanguageName", "English"),
    "de": QT_TRANSLATE_NOOP("LanguageName", "German"),
    "fr": QT_TRANSLATE_NOOP("LanguageName", "French"),
    "es": QT_TRANSLATE_NOOP("LanguageName", "Spanish"),
    "it": QT_TRANSLATE_NOOP("LanguageName", "Italian"),
    "pt": QT_TRANSLATE_NOOP("LanguageName", "Portuguese"),
    "nl": QT_TRANSLATE_NOOP("LanguageName", "Dutch"),
    "pl": QT_TRANSLATE_NOOP("LanguageName", "Polish"),
    "cs": QT_TRANSLATE_NOOP("LanguageName", "Czech"),
    "hr": QT_TRANSLATE_NOOP("LanguageName", "Croatian"),
    "el": QT_TRANSLATE_NOOP("LanguageName", "Greek"),
    "ja": QT_TRANSLATE_NOOP("LanguageName", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("LanguageName", "Korean"),
}


def language_name(code: str) -> str:
    """Return the translated name of a language code, e.g. ``Chinese`` for ``zh`` (an unlisted
    code as it is)."""
    marker = _LANGUAGE_NAME.get(code.strip().lower())
    return QCoreApplication.translate("LanguageName", str(marker)) if marker else code


# Evidence quoted from the message itself (an address, a form's field), not from the rules.
_QUOTED_SIGNALS = frozenset({"sender", "body_label", "form_field"})


def _evidence_words(signal: str, evidence: str) -> str:
    if signal in _QUOTED_SIGNALS:
        return isolate(evidence)
    if signal == "script":
        marker = _SCRIPT.get(evidence.strip().lower())
        return QCoreApplication.translate("Script", str(marker)) if marker else evidence
    if signal == "language_default":
        return language_name(evidence)
    return evidence


def reason_lines(reasons: Iterable[tuple[str, str, str]]) -> list[str]:
    """Return one sentence per triage field from (field, signal, evidence) triples, e.g.
    ``Kind: cites “Art. 17 GDPR”; “erasure” in the text``, dropping repeated evidence."""
    grouped: dict[str, list[str]] = {}
    for field, signal, evidence in reasons:
        template = _REASON_SIGNAL.get(signal, "%1")
        shown = _evidence_words(signal, evidence)
        phrase = QCoreApplication.translate("Reason", str(template)).replace("%1", shown)
        phrases = grouped.setdefault(field, [])
        if phrase not in phrases:
            phrases.append(phrase)
    return [
        f"{QCoreApplication.translate('Reason', str(_REASON_FIELD.get(f, f)))}: {'; '.join(p)}"
        for f, p in grouped.items()
    ]


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
