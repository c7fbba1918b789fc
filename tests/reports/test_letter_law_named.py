"""Every letter of a jurisdiction we have a rule set for names that jurisdiction's own law, in
English and Chinese: never the ``default`` wording ("the applicable data protection law",
"适用的个人信息保护法律法规"), which is for a jurisdiction without a rule set (QA14 F8: Hong
Kong, Taiwan and Singapore letters cited no law). The laws' names below are written out by hand
from the rule sets' ``[rule_set] name`` and sources, not read from the wording files.
"""

import shutil
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.errors import LetterError, TemplateFieldError
from app.models.enums import CaseKind
from app.reports import (
    LETTER_KINDS,
    AcknowledgementFacts,
    RefusalGround,
    default_letterhead,
    render_letter,
)
from app.reports.jurisdictions import load_jurisdictions
from app.reports.outcome_letters import (
    ConsentWithdrawnFacts,
    ExplanationFacts,
    ObjectionGrantedFacts,
)
from app.reports.terms import load_terms
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

RULES = Path(__file__).resolve().parents[2] / "resources" / "rules"
LANGUAGES = ("en", "zh", "zh-Hant")
# Each rule set's law as a letter must name it (any one spelling suffices), per language.
LAW: dict[str, dict[str, tuple[str, ...]]] = {
    "AU": {"en": ("Privacy Act 1988",), "zh": ("《1988年隐私法》",)},
    "BR": {"en": ("LGPD",), "zh": ("LGPD",)},
    "CA": {"en": ("PIPEDA",), "zh": ("PIPEDA",)},
    "CH": {"en": ("Federal Act on Data Protection", "FADP"), "zh": ("《联邦数据保护法》",)},
    "CN": {"en": ("Personal Information Protection Law",), "zh": ("个人信息保护法》",)},
    "EU": {"en": ("General Data Protection Regulation", "GDPR"), "zh": ("GDPR",)},
    "HK": {"en": ("Personal Data (Privacy) Ordinance",), "zh": ("《个人资料（私隐）条例》",)},
    "IN": {
        "en": ("Digital Personal Data Protection Act, 2023",),
        "zh": ("《2023年数字个人数据保护法》",),
    },
    "JP": {
        "en": ("Act on the Protection of Personal Information",),
        "zh": ("日本《个人信息保护法》",),
    },
    "KR": {"en": ("Personal Information Protection Act",), "zh": ("韩国《个人信息保护法》",)},
    "SG": {"en": ("Personal Data Protection Act 2012",), "zh": ("《2012年个人资料保护法》",)},
    "TH": {"en": ("Personal Data Protection Act",), "zh": ("《个人数据保护法》",)},
    "TW": {"en": ("Personal Data Protection Act",), "zh": ("个人资料保护法",)},
    "UK": {
        "en": ("UK General Data Protection Regulation", "UK GDPR"),
        "zh": ("英国 GDPR", "英国《通用数据保护条例》", "英国《2018年数据保护法》"),
    },
    "US-CA": {
        "en": ("California Consumer Privacy Act", "California Civil Code", "Civil Code §"),
        "zh": ("《加利福尼亚州消费者隐私法》", "《加利福尼亚州民法典》"),
    },
}
# Traditional Chinese (zh-Hant): the same laws in Traditional characters; Hong Kong and Taiwan
# by their own names (PDPO Cap. 486; Taiwan's 個人資料保護法 without the mainland's quotes).
HANT = {
    "AU": ("《1988年隱私法》",),
    "BR": ("LGPD",),
    "CA": ("PIPEDA",),
    "CH": ("《聯邦數據保護法》",),
    "CN": ("個人信息保護法》",),
    "EU": ("GDPR",),
    "HK": ("《個人資料（私隱）條例》",),
    "IN": ("《2023年數字個人數據保護法》",),
    "JP": ("日本《個人信息保護法》",),
    "KR": ("韓國《個人信息保護法》",),
    "SG": ("《2012年個人資料保護法》",),
    "TH": ("《個人數據保護法》",),
    "TW": ("《個人資料保護法》",),
    "UK": ("英國 GDPR", "英國《通用數據保護條例》", "英國《2018年數據保護法》"),
    "US-CA": ("《加利福尼亞州消費者隱私法》", "《加利福尼亞州民法典》"),
}
for _code, _names in HANT.items():
    LAW[_code]["zh-Hant"] = _names
# The [default] wording (terms.toml and jurisdictions.toml) that no rule set may fall back on.
DEFAULT_TEXT = {
    "en": (
        "the applicable data protection law",
        "the competent data protection authority",
        "before the competent courts",
        "Under the applicable data protection law",
    ),
    "zh": (
        "适用的个人信息保护法律法规",
        "有管辖权的个人信息保护监管部门",
        "依照适用的",
        "有管辖权的法院",
    ),
}
DEFAULT_TEXT["zh-Hant"] = (
    "適用的個人資料保護法律",
    "有管轄權的個人資料保護監管機構",
    "依照適用的",
    "有管轄權的法院",
)
# Where the law allows extending the time to reply (EU/UK GDPR Art. 12(3), CCPA §1798.130(a)(2),
# PIPEDA s.8(4), Taiwan PDPA art. 13, Singapore PDP Regulations 2021 reg. 5); elsewhere an
# extension notice is refused.
EXTENDS = {"EU", "UK", "US-CA", "CA", "TW", "SG"}


def _rule_set_codes() -> list[str]:
    codes = []
    for path in sorted(RULES.glob("*.toml")):
        with path.open("rb") as handle:
            codes.append(tomllib.load(handle)["rule_set"]["code"])
    return codes


CODES = _rule_set_codes()


def test_every_rule_set_has_a_law_to_look_for() -> None:
    """A new rule set must be added to LAW (and to the wording files) before it ships."""
    assert sorted(CODES) == sorted(LAW)


def _facts(key: str, code: str, language: str) -> Any:
    if key == "acknowledgement":
        return AcknowledgementFacts(
            reference="PD-2026-000123",
            kind=CaseKind.ACCESS,
            requester_name="张三",
            received_date=samples.RECEIVED,
            due_date=None,
            due_provisional=False,
            issued_date=samples.ISSUED,
            jurisdiction=code,
        )
    if key == "consent_withdrawn":
        case = samples.case(CaseKind.CONSENT_WITHDRAWAL, code)
        return ConsentWithdrawnFacts(case=case, stopped_date=samples.ISSUED)
    if key == "objection_granted":
        case = samples.case(CaseKind.OBJECTION, code)
        return ObjectionGrantedFacts(case=case, stopped_date=samples.ISSUED)
    if key == "explanation_given":
        return ExplanationFacts(case=samples.case(CaseKind.EXPLANATION, code), categories=())
    facts = samples.SAMPLES[key][1]
    facts = replace(facts, case=replace(facts.case, jurisdiction=code))
    if key in ("refusal", "partial_refusal"):
        grounds, _sha = load_jurisdictions(language)
        first = next(iter(grounds[code].grounds))
        facts = replace(facts, grounds=(RefusalGround(first),))
    return facts


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", sorted(LETTER_KINDS))
@pytest.mark.parametrize("code", CODES)
def test_each_letter_names_the_law_of_its_rule_set(code: str, key: str, language: str) -> None:
    kind = LETTER_KINDS[key]
    facts = _facts(key, code, language)
    if key == "extension_notice" and code not in EXTENDS:
        with pytest.raises(LetterError, match="no extension"):
            render_letter(kind, facts, language, default_letterhead())
        return
    text = squash("".join(read_pdf(render_letter(kind, facts, language, default_letterhead()))[0]))
    assert any(squash(name) in text for name in LAW[code][language]), (code, key, language)
    for default in DEFAULT_TEXT[language]:
        assert squash(default) not in text, (code, key, language, default)


# The acknowledgement names the provision that gives the right asked for (PDPO s.18 data
# access request, s.22 data correction request; Taiwan PDPA art. 10 review/copy, art. 11
# correction; Singapore PDPA s.21 access, s.22 correction).
ACKNOWLEDGED = [
    (
        "HK",
        CaseKind.ACCESS,
        "en",
        "registered it as a request under sections 18 and 19 of the "
        "Personal Data (Privacy) Ordinance (Cap. 486) (data access request).",
    ),
    (
        "HK",
        CaseKind.CORRECTION,
        "en",
        "registered it as a request under sections 22 and 23 of "
        "the Personal Data (Privacy) Ordinance (Cap. 486) (data correction request).",
    ),
    (
        "HK",
        CaseKind.ACCESS,
        "zh",
        "并已根据香港《个人资料（私隐）条例》（第486章）第18条及第19条"
        "（查阅资料要求）的规定予以登记受理。",
    ),
    (
        "HK",
        CaseKind.CORRECTION,
        "zh",
        "并已根据香港《个人资料（私隐）条例》（第486章）第22条及第23条"
        "（改正资料要求）的规定予以登记受理。",
    ),
    (
        "TW",
        CaseKind.COPY,
        "en",
        "registered it as a request under Articles 3 and 10 of the "
        "Personal Data Protection Act (Taiwan).",
    ),
    (
        "TW",
        CaseKind.CORRECTION,
        "zh",
        "并已根据台湾地区“个人资料保护法”第三条、第十一条第一项的规定",
    ),
    (
        "SG",
        CaseKind.ACCESS,
        "en",
        "registered it as a request under section 21 of the Personal "
        "Data Protection Act 2012 (Singapore).",
    ),
    ("SG", CaseKind.CORRECTION, "zh", "并已根据新加坡《2012年个人资料保护法》（PDPA）第22条的规定"),
    # A kind with no provision of its own takes the law in general terms.
    (
        "HK",
        CaseKind.DELETION,
        "en",
        "registered it as a request under the Personal Data "
        "(Privacy) Ordinance (Cap. 486) of Hong Kong.",
    ),
]


@pytest.mark.parametrize(("code", "kind", "language", "sentence"), ACKNOWLEDGED)
def test_the_acknowledgement_cites_the_provision_of_the_right(
    code: str, kind: CaseKind, language: str, sentence: str
) -> None:
    facts = replace(_facts("acknowledgement", code, language), kind=kind)
    pdf = render_letter(LETTER_KINDS["acknowledgement"], facts, language, default_letterhead())
    assert squash(sentence) in squash("".join(read_pdf(pdf)[0]))


def test_a_misspelt_kind_in_the_provisions_is_rejected(tmp_path: Path) -> None:
    """A kind the letters do not know would silently print the general wording instead."""
    letters = tmp_path / "letters"
    shutil.copytree(RULES.parent / "letters", letters)
    terms = letters / "en" / "terms.toml"
    terms.write_text(
        terms.read_text(encoding="utf-8") + '\n[legal_basis_by_kind.ZZ]\nacess = "s. 1"\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateFieldError, match=r"legal_basis_by_kind\.ZZ\.acess"):
        load_terms("en", letters, frozenset(kind.value for kind in CaseKind))
