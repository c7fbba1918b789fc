"""The legal basis of held data, as the deletion-done and cancellation letters state it: in the
letter's language, from terms.toml's ``retention_basis`` (never the inventory's research note
with its [V]/[M] evidence tags), the same in both letters (PIPL Art. 47 ¶2)."""

import re
from dataclasses import replace
from datetime import date

import pytest

from app.errors import LetterError
from app.models.enums import CaseKind
from app.reports import (
    DeletionDoneFacts,
    HeldCategory,
    default_letterhead,
    render_cancellation_confirmation,
    render_deletion_done,
)
from app.reports.terms import load_terms
from app.services.workflow.inventory import RetentionRule, load_inventory
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

INVENTORY = load_inventory()
# What each shipped rule's basis must cite, worked out from the statutes.
CITED = {
    "ecommerce_art31": (
        "《中华人民共和国电子商务法》第三十一条：商品和服务信息、交易信息自交易完成之日起保存不少于三年",
        "E-Commerce Law of the PRC, Article 31: information on goods, services and transactions "
        "kept at least 3 years after the transaction is completed",
    ),
    "csl_art23": (
        "《中华人民共和国网络安全法》第二十三条（2025年修正，原第二十一条）：网络日志留存不少于六个月",
        "Cybersecurity Law of the PRC, Article 23 (2025 amendment; formerly Article 21): network "
        "logs kept at least 6 months",
    ),
    "accounting_archives": (
        "《会计档案管理办法》（财政部、国家档案局令第79号）：会计凭证、会计账簿自会计年度终了之日起保管三十年",
        "Measures for the Administration of Accounting Archives (Order No. 79 of the Ministry of "
        "Finance and the National Archives Administration): accounting vouchers and books kept "
        "30 years from the end of the accounting year",
    ),
    "account_cancellation": (
        "我们的个人信息保护政策：账号注销后保存6个月，期满后删除或者匿名化处理",
        "Our privacy policy: kept 6 months after the account is cancelled, then deleted or "
        "anonymised",
    ),
}
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}(?:[ ,:;()'-]+[A-Za-z]{2,}){2,}")  # three words
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
LETTERHEAD_NAMES = ("Xuyun Technology Co., Ltd.", "须云科技有限公司")


def _category_name(rule: str, language: str) -> str:
    held = [c for c in INVENTORY.categories.values() if c.hold_rule == rule]
    if not held:
        return INVENTORY.rules[rule].title(language)
    return held[0].name_zh if language == "zh" else held[0].name_en


def _every_rule_held(language: str, jurisdiction: str = "CN") -> DeletionDoneFacts:
    """A deletion where every rule of the shipped inventory holds one category."""
    held = tuple(
        HeldCategory(_category_name(key, language), "", date(2029, 10, 19), rule)
        for key, rule in INVENTORY.rules.items()
    )
    case = samples.case(CaseKind.DELETION, jurisdiction, subject_name=None)
    return replace(samples.DELETION, case=case, deleted=(), held=held)


def _lines(pdf: bytes) -> str:
    text = "\n".join(read_pdf(pdf)[0])
    for name in LETTERHEAD_NAMES:
        text = text.replace(name, "")
    return text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_inventory_rule_has_a_clean_basis_in_the_terms(language: str) -> None:
    bases = load_terms(language).retention_basis
    for key in INVENTORY.rules:
        assert key in bases, f"{language}/terms.toml has no retention_basis.{key}"
        text = bases[key]
        assert "[" not in text and "]" not in text
        if language == "zh":
            assert not ENGLISH_WORDS.search(text), text
        else:
            assert not CJK.search(text), text


@pytest.mark.parametrize("jurisdiction", ["CN", "EU"])
def test_the_chinese_deletion_letter_states_each_basis_in_chinese(jurisdiction: str) -> None:
    pdf = render_deletion_done(_every_rule_held("zh", jurisdiction), "zh", default_letterhead())
    text = squash(_lines(pdf))
    for key, rule in INVENTORY.rules.items():
        assert squash(rule.source) not in text  # the research note stays internal
        if key in CITED:
            assert squash(CITED[key][0]) + "2029年10月19日" in text
    assert "[" not in text and "E-CommerceLaw" not in text


def test_no_english_sentence_in_a_chinese_letter_nor_chinese_in_an_english_one() -> None:
    zh = _lines(render_deletion_done(_every_rule_held("zh"), "zh", default_letterhead()))
    assert ENGLISH_WORDS.findall(zh) == []
    en = _lines(render_deletion_done(_every_rule_held("en"), "en", default_letterhead()))
    assert CJK.findall(en) == []
    for key in CITED:
        assert squash(CITED[key][1]) + "19October2029" in squash(en)


def test_a_bilingual_letter_states_each_half_in_its_language() -> None:
    facts = _every_rule_held("zh")
    pages = read_pdf(render_deletion_done(facts, "zh+en", default_letterhead()))[0]
    text = squash("".join(pages))
    english = text[text.index("Yourpersonalinformationhasbeendeleted") :]
    chinese = text[: text.index("Yourpersonalinformationhasbeendeleted")]
    assert squash(CITED["accounting_archives"][0]) in chinese
    assert squash(CITED["accounting_archives"][1]) in english
    assert squash(CITED["accounting_archives"][0]) not in english


def test_the_cancellation_letter_words_its_holds_like_the_deletion_letter() -> None:
    rules = INVENTORY.rules
    held = (HeldCategory("银行卡与发票信息", "", date(2056, 11, 30), rules["accounting_archives"]),)
    facts = replace(samples.CANCELLATION, held=held)
    text = squash(
        "".join(read_pdf(render_cancellation_confirmation(facts, "zh", default_letterhead()))[0])
    )
    assert "银行卡与发票信息" + squash(CITED["accounting_archives"][0]) + "2056年11月30日" in text


def test_a_rule_added_in_settings_is_stated_from_its_names() -> None:
    # A rule with no terms entry: its Chinese and English names and starting events.
    rule = RetentionRule(
        "game_saves",
        24,
        "the last sign-in",
        "internal note [M]",
        "游戏存档保存期限",
        "Game saves",
        "最后一次登录之日",
    )
    facts = replace(
        samples.DELETION, held=(HeldCategory("游戏存档", "", date(2028, 10, 19), rule),)
    )
    zh = squash("".join(read_pdf(render_deletion_done(facts, "zh", default_letterhead()))[0]))
    assert "游戏存档游戏存档保存期限：自最后一次登录之日起保存24个月2028年10月19日" in zh
    en = squash("".join(read_pdf(render_deletion_done(facts, "en", default_letterhead()))[0]))
    assert "Gamesaves:kept24monthsfromthelastsign-in19October2028" in en
    assert "internalnote" not in zh + en


def test_a_rule_without_chinese_names_refuses_the_chinese_letter() -> None:
    rule = RetentionRule(
        "game_saves", 24, "the last sign-in", "internal note", name_en="Game saves"
    )
    facts = replace(
        samples.DELETION, held=(HeldCategory("游戏存档", "", date(2028, 10, 19), rule),)
    )
    with pytest.raises(LetterError, match="game_saves has no wording for letters"):
        render_deletion_done(facts, "zh", default_letterhead())
    assert render_deletion_done(facts, "en", default_letterhead()).startswith(b"%PDF")


def test_the_policy_basis_states_the_months_the_team_keeps() -> None:
    rule = replace(INVENTORY.rules["account_cancellation"], months=12)
    facts = replace(
        samples.DELETION, held=(HeldCategory("账号信息", "", date(2027, 10, 15), rule),)
    )
    zh = squash("".join(read_pdf(render_deletion_done(facts, "zh", default_letterhead()))[0]))
    assert "我们的个人信息保护政策：账号注销后保存12个月" in zh
