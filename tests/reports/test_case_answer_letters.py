"""The letters that ask for proof or clarification or report an answer, generated for a case
(app/reports/case_answer_letters.py through ``generate_letter``) in Chinese, English and both:
each greets the requester by name, cites the case reference, and states the dates worked out
for that case (received Monday 2 November 2026, 10:00 Beijing; letters dated 29 November)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind, PauseReason
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.workflow import ask_requester, complete_action, respond, set_action
from app.store import Database
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.letter_cases import EXPORTED_AT, TODAY, export_categories, open_case, verify
from tests.services.retention_factory import HANDLER

LANGUAGES = ("zh", "en", "zh+en")
ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
BEFORE_DUE = date(2026, 11, 20)
NEW_ADDRESS = "上海市浦东新区张江路88弄6号1203室"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _text(
    session: Session, rule_book: RuleBook, reference: str, key: str, lang: str, issued: date
) -> str:
    stored = generate_letter(
        session,
        reference,
        key,
        lang,
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=issued,
        actor=HANDLER,
    )
    assert stored.template_key == key
    return squash("".join(read_pdf(stored.pdf)[0]))


def _each_language(
    database: Database, rule_book: RuleBook, reference: str, key: str, issued: date = TODAY
) -> dict[str, str]:
    with database.session() as session:
        return {lang: _text(session, rule_book, reference, key, lang, issued) for lang in LANGUAGES}


def _answer(session: Session, case: Case) -> None:
    """Record the answer: fulfilled, 20 November 2026, 10:00 in Beijing."""
    respond(
        session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER, responded_at=ANSWERED_AT
    )


def _assert_case(texts: dict[str, str], reference: str) -> None:
    for lang, text in texts.items():
        assert "张三" in text, lang
        assert reference in text, lang
    assert "2026年11月2日" in texts["zh"] and "2026年11月2日" in texts["zh+en"]
    assert squash("2 November 2026") in texts["en"]
    assert squash("2 November 2026") in texts["zh+en"]


def test_an_identity_request_while_the_clock_runs_states_the_due_date(
    database: Database, rule_book: RuleBook
) -> None:
    # A complaint's 15 working days (2019 认定方法) run on: 3-6, 9-13, 16-20, 23 November.
    with database.session() as session:
        reference = open_case(session, rule_book, CaseKind.COMPLAINT).reference
    texts = _each_language(database, rule_book, reference, "identity_request", BEFORE_DUE)
    _assert_case(texts, reference)
    assert "2026年11月23日前答复您" in texts["zh"]
    assert squash("we will reply by 23 November 2026") in texts["en"]
    assert "privacy@" in texts["zh"]  # the secure channel: the letterhead's privacy contact


def test_an_identity_request_where_the_clock_stops_states_no_due_date(
    database: Database, rule_book: RuleBook
) -> None:
    # GB/T 35273-2020 §8.7: a Chinese access request is answered from the verification on.
    with database.session() as session:
        reference = open_case(session, rule_book, CaseKind.ACCESS).reference
    texts = _each_language(database, rule_book, reference, "identity_request")
    _assert_case(texts, reference)
    assert "答复期限暂停计算" in texts["zh"]
    assert "居民身份证" in texts["zh"]  # the template's standard list of proofs
    assert "2026年11月23日" not in texts["zh"]


def test_a_clarification_request_asks_the_standard_question(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        reference = open_case(session, rule_book, CaseKind.COMPLAINT).reference
    texts = _each_language(database, rule_book, reference, "clarification_request", BEFORE_DUE)
    _assert_case(texts, reference)
    assert "投诉举报内容确认函" in texts["zh"]
    assert "2026年11月23日前答复您" in texts["zh"]
    assert squash("Which personal information your request concerns") in texts["en"]


def test_a_clarification_request_says_the_clock_stands_still_only_once_it_does(
    database: Database, rule_book: RuleBook
) -> None:
    # A Chinese correction runs from receipt (15 working days: 23 November) and stops for a
    # clarification (QA: the letter said "paused" with no pause recorded on the case).
    with database.session() as session:
        reference = open_case(session, rule_book, CaseKind.CORRECTION).reference
    running = _each_language(database, rule_book, reference, "clarification_request", BEFORE_DUE)
    assert "暂停计算" not in running["zh"] and "2026年11月23日前答复您" in running["zh"]
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        ask_requester(
            session,
            case,
            rule_book,
            PauseReason.CLARIFICATION,
            summary="asked which data to correct",
            today=BEFORE_DUE,
            actor=HANDLER,
        )
    waiting = _each_language(database, rule_book, reference, "clarification_request", BEFORE_DUE)
    assert "答复期限暂停计算" in waiting["zh"] and "2026年11月23日" not in waiting["zh"]
    assert "paused" in waiting["en"]


def test_an_access_response_lists_the_inventory_with_the_retention_bases_in_its_annex(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, case, rule_book)
        export_categories(session, case)
        _answer(session, case)
        reference = case.reference
    texts = _each_language(database, rule_book, reference, "access_response")
    _assert_case(texts, reference)
    # Annex: every category of the shipped inventory, a held one with its basis in words.
    assert "附件：个人信息副本" in texts["zh"]
    assert "订单与交易记录" in texts["zh"] and "访问日志" in texts["zh"]
    assert "《中华人民共和国电子商务法》第三十一条" in texts["zh"]
    assert "[V" not in texts["zh"] and "[V" not in texts["en"]
    assert squash("Orders and transactions") in texts["en"]
    assert squash("Annex: copy of your personal information") in texts["zh+en"]


ACCOUNT_ITEMS = "账号名 zhangsan_01、手机号 138****0000 {name} <b>"


def test_an_access_response_annex_words_what_the_record_holds_instead_of_dashes(
    database: Database, rule_book: RuleBook
) -> None:
    # PIPL Art. 45: per category, the copy made and its day (exported 19 November 17:30 UTC,
    # 20 November in Beijing), the handler's note where written, a category held nowhere as
    # such, and why each is kept: the inventory's deletion or its statutory rule.
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, case, rule_book)
        export_categories(session, case, ("orders",))
        # A note is written with the plan: a category recorded done keeps its record as it is.
        set_action(
            session, case, "account", CategoryActionKind.EXPORT, actor=HANDLER, note=ACCOUNT_ITEMS
        )
        complete_action(session, case, "account", actor=HANDLER, done_at=ANSWERED_AT)
        set_action(session, case, "icp_filing", CategoryActionKind.NONE_HELD, actor=HANDLER)
        complete_action(session, case, "icp_filing", actor=HANDLER, done_at=ANSWERED_AT)
        _answer(session, case)
        reference = case.reference
    texts = _each_language(database, rule_book, reference, "access_response")
    zh, en, both = texts["zh"], texts["en"], texts["zh+en"]
    assert all("—" not in text for text in texts.values())
    assert squash(f"已于2026年11月20日导出：{ACCOUNT_ITEMS}") in zh
    assert "已于2026年11月20日导出副本" in zh  # the orders: no note
    assert squash(f"Exported on 20 November 2026: {ACCOUNT_ITEMS}") in en
    assert squash("Copy exported on 20 November 2026") in en
    assert "见本函第五项“个人信息的来源”" in zh
    assert squash("See section 5, “Where it came from”") in en
    assert "仅在实现处理目的所必要的最短期间内保存；您要求删除时予以删除" in zh  # account
    assert "《中华人民共和国电子商务法》第三十一条" in zh  # orders, held under Art. 31
    assert "我们未持有此类个人信息" in zh and squash("We hold no information") in en
    # ICP filing is in the annex (none held) but not among the categories processed.
    assert zh.count("ICP备案信息") == 1 and en.count("ICPfilingrecords") == 1
    # Each half of the bilingual letter's annex names the categories in its own language.
    assert squash(f"账号信息已于2026年11月20日导出：{ACCOUNT_ITEMS}") in both
    assert squash(f"Account information Exported on 20 November 2026: {ACCOUNT_ITEMS}") in both


def test_a_correction_done_letter_states_the_new_value_and_the_answer_date(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.CORRECTION)
        verify(session, case, rule_book)
        set_action(
            session, case, "addresses", CategoryActionKind.CORRECT, actor=HANDLER, note=NEW_ADDRESS
        )
        complete_action(session, case, "addresses", actor=HANDLER, done_at=ANSWERED_AT)
        _answer(session, case)
        reference = case.reference
    texts = _each_language(database, rule_book, reference, "correction_done")
    _assert_case(texts, reference)
    assert squash(NEW_ADDRESS) in texts["zh"] and squash(NEW_ADDRESS) in texts["en"]
    assert "联系地址" in texts["zh"]
    # Answered 20 November 2026, 10:00 in Beijing.
    assert "我们已于2026年11月20日对您的个人信息作出如下更正" in texts["zh"]
    assert squash(f"{NEW_ADDRESS}（2026年11月20日更正）") in texts["zh"]
    assert squash(f"{NEW_ADDRESS} (corrected on 20 November 2026)") in texts["en"]


def test_a_correction_done_letter_lists_each_corrected_category_without_a_note(
    database: Database, rule_book: RuleBook
) -> None:
    # PIPL Art. 46: each category corrected, by its name in the letter's language, and the
    # day (done 19 November 17:30 UTC: 20 November in Beijing), though no note was written.
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.CORRECTION)
        verify(session, case, rule_book)
        for category in ("addresses", "account"):
            set_action(session, case, category, CategoryActionKind.CORRECT, actor=HANDLER)
            complete_action(session, case, category, actor=HANDLER, done_at=EXPORTED_AT)
        _answer(session, case)
        reference = case.reference
    texts = _each_language(database, rule_book, reference, "correction_done")
    assert all("—" not in text for text in texts.values())
    for name in ("联系地址", "账号信息"):
        assert squash(f"{name}已于2026年11月20日按您的请求更正") in texts["zh"]
    for name in ("Addresses", "Account information"):
        assert squash(f"{name} Corrected on 20 November 2026 as you asked") in texts["en"]
    assert squash("Addresses/") not in texts["zh+en"] and "联系地址/" not in texts["zh+en"]
    assert squash("Account information Corrected on 20 November 2026") in texts["zh+en"]


def test_a_complaint_response_says_whether_the_complaint_was_upheld(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.COMPLAINT)
        _answer(session, case)
        reference = case.reference
    texts = _each_language(database, rule_book, reference, "complaint_response")
    _assert_case(texts, reference)
    assert "经核查，您的投诉成立" in texts["zh"]
    assert squash("your complaint is justified") in texts["en"]
