"""Console account IDs written after a label in any language the triage reads (and Vietnamese
and Turkish), with IDs in any script, full-width colons, direction marks and trailing
punctuation; and the sentences, e-mail addresses, phone numbers and hostile strings that must
give no account ID. Expected values are the IDs as the sender typed them."""

import time

import pytest

from app.services.intake import parse_message, triage
from app.services.intake.requester import labelled_identifiers
from app.services.intake.vocabulary import default_rules

RULES = default_rules()


def _account(text: str) -> str | None:
    return labelled_identifiers(text, RULES)[1]


def _phone(text: str) -> str | None:
    return labelled_identifiers(text, RULES)[0]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        # QA's letters
        ("账号：xuyün-8823", "xuyün-8823"),
        ("Benutzerkonto: müller_42", "müller_42"),
        ("ID de cuenta: peña-77", "peña-77"),
        ("логин: иван_petrov", "иван_petrov"),
        ("رقم الحساب: xy-4471", "xy-4471"),
        # one line per language of resources/triage/languages, then vi and tr
        ("您好，我的账号：u10086，请删除。", "u10086"),  # zh
        ("帳號：陳大文_88", "陳大文_88"),  # zh-Hant: the ID as written, not simplified
        ("My account ID is u10086.", "u10086"),  # en
        ("Customer number: C-972955", "C-972955"),  # en, as in the corpus letters
        ("Nutzername: schmidt.k", "schmidt.k"),  # de
        ("identifiant du compte : dupont-3;", "dupont-3"),  # fr: space before the colon
        ("Número de cuenta: 00-1234", "00-1234"),  # es
        ("ID account: rossi_9,", "rossi_9"),  # it
        ("Número da conta: joão-12", "joão-12"),  # pt
        ("Gebruikersnaam: jansen.42", "jansen.42"),  # nl
        ("Nazwa użytkownika: kowalski_1", "kowalski_1"),  # pl
        ("Uživatelské jméno: novák_7", "novák_7"),  # cs
        ("Korisničko ime: ivić-3", "ivić-3"),  # hr
        ("Αριθμός λογαριασμού: nikos_5", "nikos_5"),  # el
        ("ΑΡΙΘΜΟΣ ΛΟΓΑΡΙΑΣΜΟΥ: nikos_5", "nikos_5"),  # el capitals, written without accents
        ("Номер аккаунта: ivan-2024", "ivan-2024"),  # ru
        ("رقم الحساب: أحمد_٤٥", "أحمد_٤٥"),  # ar, Arabic-Indic digits kept as written
        ("מספר חשבון: dan-5521", "dan-5521"),  # he
        ("מספר חשבון: דני_55", "דני_55"),  # he
        ("アカウントID：tanaka_01。", "tanaka_01"),  # ja
        ("アカウントIDは tanaka_01 です。", "tanaka_01"),  # ja: は ("is")
        ("ユーザー名：やまだ01", "やまだ01"),  # ja: a kana ID
        ("계정 ID: hong77", "hong77"),  # ko
        ("계정ID: 홍길동_77", "홍길동_77"),  # ko: a Hangul ID, label words joined
        ("บัญชีผู้ใช้: somchai_99", "somchai_99"),  # th
        ("ชื่อผู้ใช้: สมชาย_99", "สมชาย_99"),  # th: a Thai ID with vowel marks
        ("ชื่อผู้ใช้: สมชาย_๙๙", "สมชาย_๙๙"),  # th: Thai digits
        ("Mã tài khoản: nguyễn_88", "nguyễn_88"),  # vi
        ("ma tai khoan: nguyen-88", "nguyen-88"),  # vi typed without accents
        ("Hesap numarası: ayşe_34", "ayşe_34"),  # tr
        ("HESAP NUMARASI: AYSE-34", "AYSE-34"),  # tr capitals
        # how the value is set off and ended
        ("账号：u10086。", "u10086"),
        ("账号:u10086，谢谢", "u10086"),
        ("账号为：u10086", "u10086"),
        ("账号：u10086的数据请删除", "u10086"),  # a Latin ID ends where the Chinese goes on
        ("账号：「u10086」", "u10086"),
        ('Account ID: "u10086"', "u10086"),
        ("(Account ID: u10086)", "u10086"),
        ("ID de cuenta: peña-77).", "peña-77"),
        ("Benutzerkonto: müller_42;", "müller_42"),
        ("账号：ｕ１００８６", "u10086"),  # full-width letters and digits
        ("账号：xuyu\u0308n-8823", "xuyün-8823"),  # decomposed ü is composed
        ("Account-ID: u10086", "u10086"),
        ("accountID: u10086", "u10086"),
        ("Account: user@tenant", "user@tenant"),  # no domain: a console name, not e-mail
        # invisible and control characters
        ("\u200fرقم الحساب\u200f: \u200exy-4471\u200e", "xy-4471"),
        ("\u202bرقم الحساب\u202c: \u2066xy-4471\u2069", "xy-4471"),
        ("رقم\u200f الحساب: xy-4471", "xy-4471"),  # a mark inside the label
        ("账号：u100\u200d86", "u10086"),  # zero-width joiner inside the ID
        ("账号：u10\u200b086", "u10086"),  # zero-width space inside the ID
        ("账号：\x00u10086\x00", "u10086"),  # NUL around the ID
        ("账号：u10086\u202e的", "u10086"),  # an override after the ID
        ("\ufeff账号\ufeff：u10086", "u10086"),  # BOMs
        # the first ID wins; rejected values do not hide later labels
        ("账号：已注销，新账号：new_2", "new_2"),
        ("\u202bحساب\u202c account ID:\u2067 u10086\u2069", "u10086"),
        ("账号：13800000000，用户ID：u10086", "u10086"),
    ],
)
def test_an_account_id_is_read_in_any_language_and_script(text: str, account: str) -> None:
    assert _account(text) == account


@pytest.mark.parametrize(
    "text",
    [
        "my account was hacked",
        "My account was hacked on 2024-05-01.",
        "我的账号被盗了3次",
        "账号被盗了，请帮我处理。",
        "账号：已注销",
        "账号：2024年已注销",  # a date, not an ID
        "Benutzerkonto: gesperrt",  # a word alone
        "Account: deleted.",
        "account 2024 was opened",  # a year after a loose label
        "アカウントを削除してください。",
        "บัญชีของฉันถูกแฮ็ก",
        "계정을 삭제해 주세요.",
        "حسابي مخترق",
        "Мой аккаунт взломали.",
        "Username: bob.smith@example.com",  # an e-mail address is an e-mail address
        "账号：zhang.san@example.com",
        "E-mail: zhang.san@example.com",
        "账号：13800000000",  # a mobile number is a phone number
        "账号：138 0000 0000",
        "Phone: +49 30 1234567",
        "Konto: DE89370400440532013000",  # an IBAN is a bank account
        "Konto: DE89 3704 0044 0532 0130 00",
        "xaccount: ab_12",  # a label inside a longer word
        "账号：" + "a1" * 40,  # 80 characters: longer than any ID, never cut
        "账号：" + "ü" * 70 + "_1",
        "账号：\x00\x00\x00",
        "账号：\u202e\u202d\u2066",
        "账号：\u200d" * 1000,
        "",
    ],
)
def test_sentences_addresses_and_numbers_give_no_account_id(text: str) -> None:
    assert _account(text) is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("账号：13800000000", "13800000000"),  # a mobile number after an account label
        ("账号：138-0000-0000，请删除", "13800000000"),
        ("Телефон: +7 495 123-45-67", "+74951234567"),
        ("رقم الهاتف: +971 50 123 4567", "+971501234567"),
        ("\u200fמספר טלפון\u200f: 03-1234567", "031234567"),
        ("เบอร์โทรศัพท์: 081-234-5678", "0812345678"),
        ("Số điện thoại: 0912 345 678", "0912345678"),
        ("Telefonnummer: +49 30 1234567", "+49301234567"),
        ("携帯電話番号：090-1234-5678", "09012345678"),
        ("휴대폰 번호: 010-1234-5678", "01012345678"),
    ],
)
def test_a_phone_number_is_a_phone_number(text: str, phone: str) -> None:
    assert _phone(text) == phone
    assert _account(text) is None


def test_a_labelled_phone_number_wins_over_a_mobile_after_an_account_label() -> None:
    text = "联系电话：13900000000\n账号：13800000000"
    assert labelled_identifiers(text, RULES)[:2] == ("13900000000", None)


def test_triage_files_a_traditional_chinese_id_as_written() -> None:
    raw = (
        "From: chan@example.hk\r\nSubject: request\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "本人要求刪除個人資料。帳號：陳大文_88\r\n"
    ).encode()
    assert triage(parse_message(raw)).requester_account_id == "陳大文_88"


@pytest.mark.parametrize(
    "text",
    [
        "账号" * 100_000,
        "账号：" * 100_000,
        ("账号：" + "a1" * 60) * 5_000,
        "\u200f" * 1_000_000,
        "账号：" + "\u0e31" * 500_000,  # Thai vowel marks only
        "account_1 " * 100_000,
        "رقم الحساب " * 50_000,
        "\x00" * 1_000_000,
    ],
)
def test_hostile_letters_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert _account(text) is None
    assert time.perf_counter() - started < 5  # seconds; 2 cores shared with other runs
