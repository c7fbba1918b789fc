"""Legal sources and jurisdictions in the UI language: a rule's source in Chinese where the data
gives it (``source_zh``), its evidence tags in words ("[V]" → "[confirmed]", 已核实), and a
jurisdiction's name for its code (``EU`` → European Union, 欧盟)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.deadlines.evidence import spell_evidence
from app.ui.labels import ui_language

# Meanings: shared/reference/deadlines.md "How to read the evidence tags".
_EVIDENCE = {
    "V": QT_TRANSLATE_NOOP("LegalSource", "confirmed"),
    "V-2nd": QT_TRANSLATE_NOOP("LegalSource", "confirmed indirectly"),
    "M": QT_TRANSLATE_NOOP("LegalSource", "unconfirmed"),
}
# The shipped rule sets' codes (resources/rules); another code shows as it is.
_JURISDICTIONS = {
    "AU": QT_TRANSLATE_NOOP("Jurisdictions", "Australia"),
    "BR": QT_TRANSLATE_NOOP("Jurisdictions", "Brazil"),
    "CA": QT_TRANSLATE_NOOP("Jurisdictions", "Canada"),
    "CH": QT_TRANSLATE_NOOP("Jurisdictions", "Switzerland"),
    "CN": QT_TRANSLATE_NOOP("Jurisdictions", "Mainland China"),
    "EU": QT_TRANSLATE_NOOP("Jurisdictions", "European Union"),
    "HK": QT_TRANSLATE_NOOP("Jurisdictions", "Hong Kong, China"),
    "IN": QT_TRANSLATE_NOOP("Jurisdictions", "India"),
    "JP": QT_TRANSLATE_NOOP("Jurisdictions", "Japan"),
    "KR": QT_TRANSLATE_NOOP("Jurisdictions", "South Korea"),
    "SG": QT_TRANSLATE_NOOP("Jurisdictions", "Singapore"),
    "TH": QT_TRANSLATE_NOOP("Jurisdictions", "Thailand"),
    "TW": QT_TRANSLATE_NOOP("Jurisdictions", "Taiwan, China"),
    "UK": QT_TRANSLATE_NOOP("Jurisdictions", "United Kingdom"),
    "US-CA": QT_TRANSLATE_NOOP("Jurisdictions", "California, United States"),
}


def evidence_words() -> dict[str, str]:
    """Return {tag code: its word in the UI language}, e.g. ``{"V": "confirmed", …}``."""
    return {
        code: QCoreApplication.translate("LegalSource", str(w)) for code, w in _EVIDENCE.items()
    }


def legal_source_text(source: str, source_zh: str = "") -> str:
    """Return a legal source for the reader: ``source_zh`` in the Chinese UI when given, else
    ``source``, with its evidence tags in words ("PIPL art. 47 [V]" → "PIPL art. 47
    [confirmed]", 《个人信息保护法》第四十七条 [已核实])."""
    text = (source_zh if ui_language() == "zh" else "") or source
    return spell_evidence(text, evidence_words())


def jurisdiction_label(code: str) -> str:
    """Return the name of the jurisdiction ``code`` in the UI language ("European Union",
    欧盟 for ``EU``); an unknown code as given."""
    name = _JURISDICTIONS.get(code)
    return code if name is None else QCoreApplication.translate("Jurisdictions", str(name))
