"""The languages letters are written in, and which one a case gets by default.

Chinese letters come in two scripts: Simplified (``"zh"``, the mainland's and Singapore's
official script) and Traditional (``"zh-Hant"``, written in Hong Kong and Taiwan, whose laws
have their own terms: 個人資料, 查閱資料要求 / 改正資料要求 in the PDPO (Cap. 486); 查詢或請求
閱覽、請求製給複製本 in Taiwan's 個人資料保護法). A bilingual letter prints one Chinese text,
then the English one: ``"zh+en"`` or ``"zh-Hant+en"``. Templates of ``"zh-Hant"`` live in
``resources/letters/zh_Hant/`` (a folder name has no hyphen).
"""

from __future__ import annotations

SIMPLIFIED = "zh"
TRADITIONAL = "zh-Hant"
ENGLISH = "en"
BILINGUAL = "zh+en"
BILINGUAL_TRADITIONAL = "zh-Hant+en"
SINGLE = (SIMPLIFIED, TRADITIONAL, ENGLISH)
# Bilingual code -> its Chinese half (printed first; its text prevails, terms.toml note).
BILINGUAL_HALVES = {BILINGUAL: SIMPLIFIED, BILINGUAL_TRADITIONAL: TRADITIONAL}
LANGUAGES = (SIMPLIFIED, ENGLISH, BILINGUAL, TRADITIONAL, BILINGUAL_TRADITIONAL)
# Jurisdictions (rule-set codes) whose people write Traditional characters: Hong Kong and
# Taiwan. Singapore's official Chinese script is Simplified, so SG letters stay "zh".
TRADITIONAL_JURISDICTIONS = frozenset({"HK", "TW"})


def is_chinese(language: str) -> bool:
    """Return whether ``language`` prints (or starts with) a Chinese text: Chinese styling
    (first-line indent, closing on the right, sentences joined without spaces)."""
    return language in (SIMPLIFIED, TRADITIONAL) or language in BILINGUAL_HALVES


def folder_name(language: str) -> str:
    """Return the folder of ``resources/letters`` holding ``language`` (``zh-Hant`` ->
    ``zh_Hant``); the name is not checked here (``template_files.letters_dir`` does)."""
    return language.replace("-", "_")


def chinese_for(jurisdiction: str | None) -> str:
    """Return the Chinese letter language of a case in ``jurisdiction`` (a rule-set code):
    ``zh-Hant`` for Hong Kong and Taiwan, else ``zh``."""
    return TRADITIONAL if (jurisdiction or "").upper() in TRADITIONAL_JURISDICTIONS else SIMPLIFIED


def default_letter_language(case_language: str | None, jurisdiction: str | None) -> str:
    """Return the language a case's letter is written in by default.

    Args:
        case_language: the case's language from triage (``Case.language``, e.g. ``zh``, ``de``;
            triage reads both Chinese scripts as ``zh``), or ``None``.
        jurisdiction: the case's rule-set code (``HK``, ``TW`` pick Traditional Chinese).

    Returns:
        The Chinese of the jurisdiction for a Chinese request; bilingual (that Chinese, then
        English) when triage found no language; else ``en``.
    """
    chinese = chinese_for(jurisdiction)
    if case_language is None or not case_language.strip():
        return BILINGUAL if chinese == SIMPLIFIED else BILINGUAL_TRADITIONAL
    return chinese if case_language.strip().lower().startswith("zh") else ENGLISH
