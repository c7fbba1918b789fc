"""Phone numbers and console account IDs a letter writes after a label, in the forms people
write them (colon, full-width colon, brackets of either width, a space, 是/为/"is"), and the
ordinary words and hostile strings that must give nothing."""

import time

import pytest

from app.services.intake import parse_message, read_message_file, triage
from app.services.intake.labelled_values import value_after_label
from app.services.intake.requester import labelled_identifiers
from app.services.intake.vocabulary import default_rules
from tests.conftest import CORPUS_INBOX

RULES = default_rules()


def _account(text: str) -> str | None:
    return labelled_identifiers(text, RULES)[1]


def _phone(text: str) -> str | None:
    return labelled_identifiers(text, RULES)[0]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("请将我账号（li_si_2020）下的订单信息导出。", "li_si_2020"),  # corpus zh02
        ("账号：wangwu88", "wangwu88"),
        ("账号:wangwu88。", "wangwu88"),
        ("账号(u10086)", "u10086"),
        ("账号 ( u10086 ) 下的数据", "u10086"),
        ("账号【u10086】", "u10086"),
        ("账号 u10086，谢谢", "u10086"),
        ("账号u10086", "u10086"),
        ("我的账号是u10086。", "u10086"),
        ("我的账号为 u10086。", "u10086"),
        ("账号ID：u10086。", "u10086"),
        ("用户名（li_si）", "li_si"),
        ("用户ID：u-2020", "u-2020"),
        ("账户：cloud_77", "cloud_77"),
        ("帐号：cloud_77", "cloud_77"),
        ("帳號：tw_user01", "tw_user01"),
        ("用戶名（hk.user9）", "hk.user9"),
        ("ＵＩＤ：ａｂｃ１２３", "abc123"),  # full-width letters and colon
        ("Account ID: u10086.", "u10086"),
        ("account id:u10086", "u10086"),
        ("User name (li_si_2020)", "li_si_2020"),
        ("My account ID is u10086.", "u10086"),
        ("Kundennummer 4711-0815", "4711-0815"),
        ("account ID: u10086-", "u10086"),
        ("账号：\u200fu10086", "u10086"),  # a right-to-left mark between label and value
        ("\u202bحساب\u202c account ID:\u2067 u10086\u2069", "u10086"),  # RTL text, isolates
    ],
)
def test_an_account_id_is_read_in_every_written_form(text: str, account: str) -> None:
    assert _account(text) == account


@pytest.mark.parametrize(
    "text",
    [
        "我的账号被盗了，请帮我处理。",
        "请提供账号ID。",  # the label names the field; no value follows
        "账号（已注销）",  # a bracketed remark in words, not an ID
        "账号（手机号注册）",
        "账号（u10086",  # bracket never closed
        "账号：" + "a" * 100,  # longer than any account ID: not cut to 64 characters
        "account ID is missing",
        "the account number and password were changed",
        "my username was changed",
        "fluid: abc123",  # "uid" inside a word
        "Please delete my account.",
        "Username: bob.smith@example.com",  # an e-mail address, not an account ID
        "",
    ],
)
def test_ordinary_words_give_no_account_id(text: str) -> None:
    assert _account(text) is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("联系电话：13800000000", "13800000000"),
        ("手机号：138 0000 0000", "13800000000"),
        ("手機（13800000000）", "13800000000"),
        ("手机(138-0000-0000)", "13800000000"),
        ("电话 +86 138-0000-0000", "13800000000"),
        ("我的手机号是13800000000。", "13800000000"),
        ("Tel.: +49 30 1234567", "+49301234567"),
        ("Phone number is +44 20 7946 0000", "+442079460000"),
        ("電話：０２－２３４５－６７８９", "0223456789"),  # full-width digits (Taiwan)
    ],
)
def test_a_phone_number_is_read_in_every_written_form(text: str, phone: str) -> None:
    assert _phone(text) == phone


@pytest.mark.parametrize(
    "text",
    [
        "请说明你们从哪里获得我的手机号码并立即停止。",  # corpus zh06: no number
        "我的手机号码已变更为13900000000",  # the new number of a correction, no label form
        "hotel: 12345678",  # "tel" inside a word
        "Call me on my mobile phone.",
        "电话：（",
    ],
)
def test_ordinary_words_give_no_phone_number(text: str) -> None:
    assert _phone(text) is None


def test_corpus_zh02_files_its_account_id() -> None:
    message = read_message_file(CORPUS_INBOX / "zh02-zh-copy.eml")
    assert triage(message).requester_account_id == "li_si_2020"


def test_the_first_labelled_value_wins() -> None:
    assert _account("账号（已注销）的旧账号：old_1，新账号：new_2") == "old_1"


@pytest.mark.parametrize(
    "text",
    [
        "账号（" * 100_000,
        "账号" + " " * 200_000,
        ("电话：" + " " * 50) * 20_000,
        "account ID " * 100_000,
        "账号（u" + "a" * 500_000,
        "a" * 1_000_000,
    ],
)
def test_hostile_long_lines_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert labelled_identifiers(text, RULES)[:2] == (None, None)
    assert time.perf_counter() - started < 5  # seconds; 2 cores shared with other runs


def test_a_value_only_needs_evidence_when_loosely_written() -> None:
    assert value_after_label("code: abc", ("code",), r"([a-z]+)") == "abc"
    assert value_after_label("code abc", ("code",), r"([a-z]+)") is None
    assert value_after_label("code abc", ("code",), r"([a-z]+)", evidence="b") == "abc"


def test_a_message_without_labels_gives_no_identifiers() -> None:
    raw = b"From: a@example.com\r\nSubject: hi\r\n\r\nPlease delete my data.\r\n"
    assert labelled_identifiers(parse_message(raw).body_text, RULES) == (None, None, [])
