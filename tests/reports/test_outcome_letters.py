"""The letters reporting a consent withdrawal recorded, an objection met and the processing
rules explained (app/reports/outcome_letters.py through ``generate_letter``), in Chinese,
English and both (QA11 D13). Expected texts are the statutes' (PIPL Arts. 15, 16, 44, 48;
GDPR Arts. 7(3), 21) as the templates word them, and the inventory's retention rules; the case
was received Monday 2 November 2026 and answered 20 November 2026, 10:00 in Beijing."""

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.workflow import complete_action, respond, set_action
from app.store import Database
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.letter_cases import TODAY, open_case
from tests.services.retention_factory import HANDLER

LANGUAGES = ("zh", "en", "zh+en")
ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _answered(session: Session, rule_book: RuleBook, kind: CaseKind, jurisdiction: str) -> Case:
    """An unverified case of ``kind`` answered as met in full (no identity proof: a stop)."""
    case = open_case(session, rule_book, kind, jurisdiction=jurisdiction)
    respond(
        session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER, responded_at=ANSWERED_AT
    )
    return case


def _texts(database: Database, rule_book: RuleBook, reference: str, key: str) -> dict[str, str]:
    texts = {}
    with database.session() as session:
        for language in LANGUAGES:
            stored = generate_letter(
                session,
                reference,
                key,
                language,
                renderer=render_case_letter,
                rule_book=rule_book,
                issued_date=TODAY,
                actor=HANDLER,
            )
            texts[language] = squash("".join(read_pdf(stored.pdf)[0]))
    return texts


def test_a_consent_withdrawal_recorded_says_what_stopped_and_what_it_leaves(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        reference = _answered(session, rule_book, CaseKind.CONSENT_WITHDRAWAL, "CN").reference
    texts = _texts(database, rule_book, reference, "consent_withdrawn")
    zh, en, both = texts["zh"], texts["en"], texts["zh+en"]
    assert "撤回同意办理结果告知函" in zh and "张三" in zh and reference in zh
    assert "自2026年11月20日起不再基于您的同意处理您的个人信息" in zh
    # PIPL Art. 15 ¶2: earlier processing unaffected; Art. 16: no refusal of service.
    assert "不影响撤回前基于您的同意已进行的个人信息处理活动的效力" in zh
    assert "第十六条" in zh and "不会以您撤回同意为由拒绝提供产品或者服务" in zh
    assert squash("since 20 November 2026 we no longer process your personal information") in en
    assert squash("Article 15 of the Personal Information Protection Law") in en
    assert "GeneralDataProtectionRegulation" not in en
    # Nothing erased yet: the erasure is announced, not stated as done.
    assert "我们将予以删除或者匿名化处理" in zh and "我们已予以删除" not in zh
    assert squash("will be deleted or anonymised") in en
    assert "撤回同意的效力" in both and squash("1. What your withdrawal changes") in both
    assert squash("Your withdrawal of consent: what we have done") in both


def test_a_consent_withdrawal_followed_by_an_erasure_says_it_was_done_under_the_gdpr(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.CONSENT_WITHDRAWAL, jurisdiction="EU")
        set_action(session, case, "addresses", CategoryActionKind.DELETE, actor=HANDLER)
        complete_action(session, case, "addresses", actor=HANDLER, done_at=ANSWERED_AT)
        case.outcome, case.responded_at = CaseOutcome.FULFILLED, ANSWERED_AT
        case.status = CaseStatus.RESPONDED
        reference = case.reference
    texts = _texts(database, rule_book, reference, "consent_withdrawn")
    en = texts["en"]
    assert squash("Under Article 7(3) of the General Data Protection Regulation") in en
    assert "PersonalInformationProtectionLaw" not in en
    assert squash("We have deleted or anonymised the personal information we processed") in en
    assert "我们已予以删除或者匿名化处理" in texts["zh"]
    assert "《通用数据保护条例》第七条第三款" in texts["zh"]


def test_an_objection_met_cites_each_jurisdictions_right(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        china = _answered(session, rule_book, CaseKind.OBJECTION, "CN").reference
        europe = _answered(session, rule_book, CaseKind.OBJECTION, "EU").reference
    cn = _texts(database, rule_book, china, "objection_granted")
    eu = _texts(database, rule_book, europe, "objection_granted")
    assert "限制或者拒绝处理请求办理结果告知函" in cn["zh"]
    assert "自2026年11月20日起，我们不再以您所反对的方式处理您的个人信息" in cn["zh"]
    assert "《中华人民共和国个人信息保护法》第四十四条" in cn["zh"]
    assert squash("Under Article 44 of the Personal Information Protection Law") in cn["en"]
    assert squash("Under Article 21 of the General Data Protection Regulation") in eu["en"]
    assert squash("(Article 18), we only store the information concerned") in eu["en"]
    assert "第四十四条" not in eu["zh"] and "《通用数据保护条例》第二十一条" in eu["zh"]
    assert squash("what we have done") in eu["zh+en"] and "办理结果" in eu["zh+en"]


def test_an_explanation_states_each_category_and_why_it_is_kept_in_each_halfs_language(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        reference = _answered(session, rule_book, CaseKind.EXPLANATION, "CN").reference
    texts = _texts(database, rule_book, reference, "explanation_given")
    zh, en, both = texts["zh"], texts["en"], texts["zh+en"]
    assert "个人信息处理规则解释说明函" in zh and "第四十八条" in zh
    assert squash("under Article 48 of the Personal Information Protection Law") in en
    # The inventory (resources/workflow/inventory.toml): orders 3 years after the transaction
    # (E-Commerce Law Art. 31), access logs 6 months (CSL Art. 23), the account until deleted.
    assert "订单与交易记录《中华人民共和国电子商务法》第三十一条" in zh
    assert "《中华人民共和国网络安全法》第二十三条" in zh
    assert "账号信息仅在实现处理目的所必要的最短期间内保存；您要求删除时予以删除" in zh
    assert squash("Orders and transactions E-Commerce Law of the PRC, Article 31") in en
    assert squash("Access logs Cybersecurity Law of the PRC, Article 23") in en
    assert squash("Account information Kept only as long as") in both
    assert "订单与交易记录/" not in both and squash("Orders and transactions/") not in both
