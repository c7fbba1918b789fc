"""Triage evidence in words for the UI: the fields, signals, scripts and languages the intake
records (``app.services.intake``), e.g. ``Kind: cites “Art. 17 GDPR”; “erasure” in the text``."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui.bidi import isolate
from app.ui.local_times import local_with_offset

_REASON_FIELD = {
    "kind": QT_TRANSLATE_NOOP("Reason", "Kind"),
    "language": QT_TRANSLATE_NOOP("Reason", "Language"),
    "jurisdiction": QT_TRANSLATE_NOOP("Reason", "Jurisdiction"),
    "requester": QT_TRANSLATE_NOOP("Reason", "Requester"),
    "deadline": QT_TRANSLATE_NOOP("Reason", "Deadline"),
    "received": QT_TRANSLATE_NOOP("Reason", "Received"),
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
    "weak_hint": QT_TRANSLATE_NOOP("Reason", "only a weak hint “%1”"),
    "unread_language": QT_TRANSLATE_NOOP("Reason", "no request words known for this language"),
    "automated_sender": QT_TRANSLATE_NOOP("Reason", "system sender %1 set aside"),
    "reply_to": QT_TRANSLATE_NOOP("Reason", "Reply-To: %1"),
    "phone_country": QT_TRANSLATE_NOOP("Reason", "phone country code %1"),
    "domain_country": QT_TRANSLATE_NOOP("Reason", "mail domain %1"),
    "stated_limit": QT_TRANSLATE_NOOP("Reason", "time limit stated in the letter: “%1”"),
    "no_stated_limit": QT_TRANSLATE_NOOP("Reason", "no time limit stated: no deadline computed"),
    "forwarded_sender": QT_TRANSLATE_NOOP("Reason", "forwarded message from %1"),
    "forwarded_by": QT_TRANSLATE_NOOP("Reason", "forwarded by %1"),
    "government_sender": QT_TRANSLATE_NOOP(
        "Reason", "government mail domain %1, not a listed regulator"
    ),
    "regulator_sender": QT_TRANSLATE_NOOP("Reason", "regulator's mail domain %1"),
    "regulator": QT_TRANSLATE_NOOP("Reason", "names the regulator “%1”"),
    # When a colleague's forward of a request first reached the company (first_receipt).
    "first_received": QT_TRANSLATE_NOOP("Reason", "first by the company on %1"),
    "forwarded_at": QT_TRANSLATE_NOOP("Reason", "forwarded to the privacy team on %1"),
    "original_date_not_used": QT_TRANSLATE_NOOP("Reason", "the original's date not used: %1"),
}
# Why a forwarded original's date was not used (``first_receipt.FirstReceipt.problem``).
_ORIGINAL_DATE_PROBLEM = {
    "missing": QT_TRANSLATE_NOOP("Reason", "none given"),
    "unreadable": QT_TRANSLATE_NOOP("Reason", "unreadable"),
    "ambiguous": QT_TRANSLATE_NOOP("Reason", "day and month could be swapped"),
    "later_than_forward": QT_TRANSLATE_NOOP("Reason", "later than the forward"),
    "future": QT_TRANSLATE_NOOP("Reason", "in the future"),
    "too_old": QT_TRANSLATE_NOOP("Reason", "more than 92 days before the forward"),
}
_INSTANT_SIGNALS = frozenset({"first_received", "forwarded_at"})


# Writing systems and languages of resources/triage (rules.toml [[script]], languages/*.toml),
# named in words: the triage evidence records their codes.
_SCRIPT = {
    "han": QT_TRANSLATE_NOOP("Script", "Han (Chinese)"),
    "kana": QT_TRANSLATE_NOOP("Script", "Kana (Japanese)"),
    "hangul": QT_TRANSLATE_NOOP("Script", "Hangul (Korean)"),
    "greek": QT_TRANSLATE_NOOP("Script", "Greek"),
    "cyrillic": QT_TRANSLATE_NOOP("Script", "Cyrillic"),
    "arabic": QT_TRANSLATE_NOOP("Script", "Arabic"),
    "hebrew": QT_TRANSLATE_NOOP("Script", "Hebrew"),
    "thai": QT_TRANSLATE_NOOP("Script", "Thai"),
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
    "ar": QT_TRANSLATE_NOOP("LanguageName", "Arabic"),
    "ru": QT_TRANSLATE_NOOP("LanguageName", "Russian"),
    "he": QT_TRANSLATE_NOOP("LanguageName", "Hebrew"),
    "th": QT_TRANSLATE_NOOP("LanguageName", "Thai"),
}


def language_name(code: str) -> str:
    """Return the translated name of a language code, e.g. ``Chinese`` for ``zh`` (an unlisted
    code as it is)."""
    marker = _LANGUAGE_NAME.get(code.strip().lower())
    return QCoreApplication.translate("LanguageName", str(marker)) if marker else code


# Evidence quoted from the message itself (an address, a form's field), not from the rules.
_QUOTED_SIGNALS = frozenset(
    {
        "sender",
        "body_label",
        "form_field",
        "reply_to",
        "automated_sender",
        "forwarded_sender",
        "forwarded_by",
        "government_sender",
        "regulator_sender",
    }
)


def _evidence_words(signal: str, evidence: str) -> str:
    if signal in _QUOTED_SIGNALS:
        return isolate(evidence)
    if signal in _INSTANT_SIGNALS:
        return _instant_words(evidence)
    if signal == "original_date_not_used":
        problem = _ORIGINAL_DATE_PROBLEM.get(evidence)
        return QCoreApplication.translate("Reason", str(problem)) if problem else evidence
    if signal == "script":
        marker = _SCRIPT.get(evidence.strip().lower())
        return QCoreApplication.translate("Script", str(marker)) if marker else evidence
    if signal == "language_default":
        return language_name(evidence)
    if signal == "regulator":
        return _regulator_names().get(evidence, evidence)
    return evidence


@cache
def _regulator_names() -> Mapping[str, str]:
    """The authority each key of resources/triage/regulators.toml stands for, by the first name
    it lists (else its first mail domain): the jurisdiction's evidence records the key ("uodo",
    "de_sn"), which reads as "Urząd Ochrony Danych Osobowych" (QA20 N6). Evidence that is not a
    key (the name a letter was found to name) is shown as it is. Loaded on first use.

    Raises:
        TriageVocabularyError: a shipped triage file is malformed.
    """
    # Imported here: the window's first paint loads no intake code (test_window_tools_imports).
    from app.services.intake.vocabulary import default_rules

    return {
        regulator.key: (regulator.names or regulator.domains or (regulator.key,))[0]
        for regulator in default_rules().regulators
    }


def _instant_words(evidence: str) -> str:
    """An ISO 8601 instant in this computer's zone, its offset named; as recorded if not one."""
    try:
        instant = datetime.fromisoformat(evidence)
    except ValueError:
        return isolate(evidence)
    return local_with_offset(instant) if instant.tzinfo is not None else isolate(evidence)


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
