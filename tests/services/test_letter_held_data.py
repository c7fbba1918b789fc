"""The erasure letters of a case state what its category actions say: what was erased, and
every category on legal hold with its rule's legal basis and end date (PIPL Art. 47 ¶2) — the
cancellation letter and the deletion letter alike for the same plan."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CategoryActionKind
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.workflow import complete_action, plan_deletion
from app.store import Database
from tests.services.letter_cases import TODAY, open_case, verify

# Holds planned from Sun 29 Nov 2026 (the letters' date): network logs 6 months (CSL Art. 23),
# orders 36 months (E-Commerce Law Art. 31), bank cards and invoices 360 months (会计档案管理办法).
HELD_ZH = (
    "订单与交易记录《中华人民共和国电子商务法》第三十一条：商品和服务信息、交易信息"
    "自交易完成之日起保存不少于三年2029年11月29日",
    "银行卡与发票信息《会计档案管理办法》（财政部、国家档案局令第79号）：会计凭证、会计账簿"
    "自会计年度终了之日起保管三十年2056年11月29日",
    "访问日志《中华人民共和国网络安全法》第二十三条（2025年修正，原第二十一条）："
    "网络日志留存不少于六个月2027年5月29日",
)
ERASED_ZH = (
    "账号信息",
    "实名认证信息（含人脸识别信息）",
    "联系地址",
    "工单与通话录音",
    "ICP备案信息",
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _planned(session: Session, rule_book: RuleBook, kind: CaseKind, *, skip: str = "") -> Case:
    case = open_case(session, rule_book, kind)
    verify(session, case, rule_book)  # PIPL Art. 50: identity first
    for action in plan_deletion(session, case, hold_from=TODAY, actor="a"):
        if action.category != skip:
            complete_action(session, case, action.category, actor="a")
    return case


def _text(session: Session, rule_book: RuleBook, case: Case, template: str, language: str) -> str:
    letter = generate_letter(
        session,
        case.reference,
        template,
        language,
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
    )
    pages = PdfReader(io.BytesIO(letter.pdf)).pages
    return "".join("".join(page.extract_text().split()) for page in pages)


def test_the_cancellation_letter_lists_every_hold_and_no_kept_account_data(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _planned(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        cancellation = _text(session, rule_book, case, "cancellation_confirmation", "zh")
        deletion = _text(session, rule_book, case, "deletion_done", "zh")
    section_1 = cancellation[: cancellation.index("二、注销后继续保存的信息")]
    assert all(name in section_1 for name in ERASED_ZH)
    for row in HELD_ZH:
        assert row in cancellation and row in deletion
    # The request's records: 6 months after cancellation (29 Nov 2026 -> 29 May 2027).
    assert "往来函件）保存6个月，至2027年5月29日，期满后删除或者匿名化处理" in cancellation
    assert "账号资料及其他个人信息" not in cancellation
    assert "依据：《中华人民共和国个人信息保护法》第四十七条第二款" in cancellation
    assert "[" not in cancellation + deletion and "E-CommerceLaw" not in cancellation + deletion


def test_the_english_cancellation_letter_states_the_holds_in_english(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _planned(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        text = _text(session, rule_book, case, "cancellation_confirmation", "en")
    assert "Bankcardsandinvoices" in text
    assert "accountingvouchersandbookskept30yearsfromtheendoftheaccountingyear29November2056" in (
        text
    )
    assert "for6monthsaftercancellation,until29May2027" in text
    assert "会计" not in text and "[V" not in text


def test_an_erasure_not_yet_carried_out_is_not_stated_as_done(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _planned(session, rule_book, CaseKind.DELETION, skip="addresses")
        assert any(a.action == CategoryActionKind.DELETE for a in case.category_actions)
        text = _text(session, rule_book, case, "deletion_done", "zh")
    assert "账号信息" in text and "联系地址" not in text
