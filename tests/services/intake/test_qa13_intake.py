"""QA13 intake defects, at the parser: ISO-2022 shift bytes kept, CJK text under a Latin label
read and flagged, a From: without a mailbox, several From: lines, Hangul fillers, Outlook
items held to the .eml checks, and account IDs with a middle dot."""

import base64
from email.message import EmailMessage

import pytest

from app.services.intake.account_ids import quoted_account
from app.services.intake.declared_charset import decode_declared
from app.services.intake.files import parse_incoming, removed_stray_bytes
from app.services.intake.headers import empty_group, parse_sender, sender_doubts
from app.services.intake.message import parse_message
from app.services.intake.outlook import parse_outlook_message
from tests.services.intake.msg_builder import build_msg
from tests.services.intake.seven_bit_mail import seven_bit_mail

KOREAN = "개인정보 삭제를 요청합니다. 계정 ID: kim.soo_99\n김수"
HEAD = "From: kim@example.kr\r\nSubject: delete\r\nDate: Mon, 23 Nov 2026 10:00:00 +0900\r\n"


def _mail(charset: str, body: bytes, *, head: str = HEAD) -> bytes:
    return seven_bit_mail(head, charset, body)


@pytest.mark.parametrize("label", ["iso-2022-kr", "us-ascii", "utf-8", "iso-8859-1"])
def test_iso_2022_kr_keeps_its_shift_bytes_and_reads_as_korean(label: str) -> None:
    # RFC 1557: "ESC $ ) C" designates KS C 5601, SO (0x0E) shifts into it, SI (0x0F) out.
    raw = _mail(label, KOREAN.encode("iso2022_kr"))
    assert b"\x0e" in raw and b"\x0f" in raw
    message = parse_incoming(raw)
    assert message.body_text == KOREAN
    assert removed_stray_bytes(raw) == 0
    assert message.charset_mismatch is (label != "iso-2022-kr")


def test_so_and_si_without_an_iso_2022_escape_are_still_strays() -> None:
    raw = _mail("us-ascii", b"Please delete\x0e my data\x0f now.")
    assert removed_stray_bytes(raw) == 2
    assert parse_incoming(raw).body_text == "Please delete my data now."


@pytest.mark.parametrize("codec", ["iso2022_jp_2004", "iso2022_jp_3"])
def test_iso_2022_jp_with_jis_x_0213_is_read_under_an_ascii_label(codec: str) -> None:
    # 𠀋 (U+2000B) is in JIS X 0213 plane 2 only: ESC $ ( P or ESC $ ( Q, not ISO-2022-JP-2.
    text = "個人情報の削除をお願いします。𠀋"
    message = parse_incoming(_mail("us-ascii", text.encode(codec)))
    assert message.body_text == text
    assert message.charset_mismatch is True


def test_iso_2022_cn_is_decoded_and_its_shifts_are_not_strays() -> None:
    # RFC 1922: ESC $ ) A designates GB 2312 (read by ``iso2022_cn``; test_iso2022_cn.py).
    seven_bit = bytes(byte & 0x7F for byte in "删除个人信息".encode("gb2312"))
    raw = _mail("iso-2022-cn", b"\x1b$)A\x0e" + seven_bit + b"\x0f ID: wang_88231\r\n")
    assert removed_stray_bytes(raw) == 0
    message = parse_incoming(raw)
    assert (message.body_text, message.charset_mismatch) == ("删除个人信息 ID: wang_88231", False)


GBK_REQUEST = "您好，我申请删除我在贵公司的全部个人信息，账号：wang_88231。王小明"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (GBK_REQUEST, "gbk"),
        ("您好，我申請刪除我在貴公司的全部個人資料。陳大文", "big5"),
        ("個人情報の削除をお願いします。田中太郎", "shift_jis"),
        ("개인정보 삭제를 요청합니다. 김수현", "euc_kr"),
    ],
)
@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "iso-8859-15", "latin1"])
def test_cjk_text_under_a_latin_label_is_read_and_flagged(
    text: str, codec: str, label: str
) -> None:
    decoded = decode_declared(text.encode(codec), label)
    assert (decoded.text, decoded.charset_mismatch) == (text, True)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Bitte löschen Sie gemäß Art. 17 DSGVO alle meine Daten. Grüße, Jürgen Müßig", "cp1252"),
        ("Je vous prie d'effacer mes données conformément à l'article 17. Hélène", "latin1"),
        ("Solicito a eliminação dos meus dados pessoais, conforme a LGPD. João", "cp1252"),
        ("Proszę o usunięcie moich danych osobowych zgodnie z art. 17 RODO. Łukasz", "cp1250"),
        ("Прошу удалить все мои персональные данные. С уважением, Иван Петров", "cp1251"),
        ("Παρακαλώ διαγράψτε όλα τα προσωπικά μου δεδομένα σύμφωνα με τον νόμο", "iso-8859-7"),
        ("ขอให้ลบข้อมูลส่วนบุคคลของฉันทั้งหมดตามกฎหมายคุ้มครองข้อมูลส่วนบุคคล", "cp874"),
        ("أرجو حذف جميع بياناتي الشخصية وفقا للقانون", "cp1256"),
        ("אני מבקש למחוק את כל המידע האישי שלי", "cp1255"),
        ("ΔΙΑΓΡΑΦΗ ΔΕΔΟΜΕΝΩΝ ΠΑΡΑΚΑΛΩ ΑΜΕΣΑ", "iso-8859-7"),
        ("ПРОШУ УДАЛИТЬ МОИ ДАННЫЕ", "cp1251"),
        ("Grüße", "latin1"),
        ("Привет мир", "koi8-r"),
        ("ÄÖÜ äöü ß ÉÈÊ", "latin1"),
    ],
)
def test_european_text_in_its_own_single_byte_label_is_no_mismatch(text: str, label: str) -> None:
    decoded = decode_declared(text.encode(label), label)
    assert (decoded.text, decoded.charset_mismatch) == (text, False)


@pytest.mark.parametrize(
    "value",
    ["undisclosed-recipients:;", "Undisclosed recipients: ;", "recipients list suppressed:;"],
)
def test_an_empty_group_names_no_sender(value: str) -> None:
    assert empty_group(value)
    assert parse_sender(value) == (None, None)


def test_a_name_alone_is_still_kept_as_the_name() -> None:
    assert not empty_group("Zhang San")
    assert parse_sender("Zhang San") == ("Zhang San", None)


def _eml(**headers: str) -> bytes:
    message = EmailMessage()
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message["Subject"] = "Erasure request"
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    message.set_content("Please delete all my personal data under GDPR Article 17.")
    return bytes(message)


def test_sender_stands_in_for_a_from_without_a_mailbox() -> None:
    # RFC 5322 §3.6.2: Sender: is the mailbox that sent the message.
    message = parse_message(_eml(From="undisclosed-recipients:;", Sender="Carol <carol@ex.com>"))
    assert (message.from_name, message.from_address) == ("Carol", "carol@ex.com")
    assert message.sender_stood_in is True


def test_reply_to_stands_in_when_there_is_no_sender_and_from_keeps_its_name() -> None:
    message = parse_message(_eml(From="Zhang San", Reply_To="zhang.san@example.cn"))
    assert (message.from_name, message.from_address) == ("Zhang San", "zhang.san@example.cn")
    assert message.sender_stood_in is True


def test_no_stand_in_means_no_requester() -> None:
    message = parse_message(_eml(From="undisclosed-recipients:;"))
    assert (message.from_name, message.from_address, message.sender_stood_in) == (
        None,
        None,
        False,
    )


def test_two_from_lines_are_several_senders() -> None:
    raw = (
        b"From: Alice A <alice@example.com>\r\nFrom: Bob B <bob@example.com>\r\n"
        b"Subject: Erasure request\r\n\r\nPlease delete my data.\r\n"
    )
    message = parse_message(raw)
    assert (message.from_address, message.several_senders) == ("alice@example.com", True)


@pytest.mark.parametrize("filler", ["\u3164", "\uffa0", "\u115f", "\u1160"])
def test_hangul_fillers_are_invisible_in_an_address_and_a_name(filler: str) -> None:
    value = f"李雷{filler} <li{filler}.lei@exam{filler}ple.cn>"
    assert parse_sender(value) == ("李雷", "li.lei@example.cn")
    assert sender_doubts(value) == (1, True)
    message = parse_message(f"From: {value}\r\nSubject: x\r\n\r\nbody\r\n".encode())
    assert (message.address_invisibles, message.name_invisibles) == (True, True)


def test_conjoining_jamo_fillers_inside_old_hangul_are_kept_in_a_name() -> None:
    # U+1100 (choseong kiyeok) + U+1160 (jungseong filler): one written syllable block.
    assert parse_sender("\u1100\u1160\u11a8 <a@example.kr>") == (
        "\u1100\u1160\u11a8",
        "a@example.kr",
    )


def test_outlook_item_gets_the_eml_checks() -> None:
    raw = build_msg(
        {
            "0037": "删除",
            "0C1A": "孙\u200b悦",
            "0C1F": "sun\u200b.yue@exam\u2060ple.cn",
            "1000": "请删除我的个人信息。\x00孙悦",
        }
    )
    message = parse_outlook_message(raw)
    assert (message.from_name, message.from_address) == ("孙悦", "sun.yue@example.cn")
    assert (message.address_invisibles, message.name_invisibles) == (True, True)
    assert (message.body_text, message.stray_controls) == ("请删除我的个人信息。孙悦", True)


def test_outlook_item_with_several_from_addresses_or_lines() -> None:
    one_line = "From: A One <a1@example.com>, B Two <b2@example.com>\r\nSubject: x\r\n"
    two_lines = "From: A One <a1@example.com>\r\nFrom: B Two <b2@example.com>\r\nSubject: x\r\n"
    for headers in (one_line, two_lines):
        message = parse_outlook_message(build_msg({"007D": headers, "1000": "Erase my data."}))
        assert (message.from_address, message.several_senders) == ("a1@example.com", True)


def test_outlook_item_whose_from_is_an_empty_group_takes_its_sender() -> None:
    headers = "From: undisclosed-recipients:;\r\nSender: carol@example.com\r\nSubject: x\r\n"
    message = parse_outlook_message(build_msg({"007D": headers, "1000": "Erase my data."}))
    assert (message.from_address, message.sender_stood_in) == ("carol@example.com", True)


@pytest.mark.parametrize(
    ("text", "account_id"),
    [
        ("用户名：Zhou.Jie·2024_07\n手机：13800138000", "Zhou.Jie·2024_07"),
        ("ユーザーID：tanaka・0815です", "tanaka・0815"),
        ("Username: zhou·jie_88.", "zhou·jie_88"),
        ("用户名：Zhou.Jie·。", "Zhou.Jie"),  # a middle dot never ends an ID
        ("姓名：阿不都·热合曼", None),  # a name: a middle dot is no evidence of an ID
    ],
)
def test_a_middle_dot_inside_an_account_id_is_part_of_it(text: str, account_id: str | None) -> None:
    labels = ("用户名", "ユーザーID", "Username", "姓名")
    assert quoted_account(text, labels).account_id == account_id


def test_iso_2022_jp_does_not_make_so_and_si_legitimate() -> None:
    # ISO-2022-JP designates to G0 only (ESC $ B, ESC ( B): SO/SI are no part of it.
    body = "削除".encode("iso2022_jp") + b"\x0e\x0f"
    assert removed_stray_bytes(_mail("iso-2022-jp", body)) == 2


def test_a_gbk_encoded_word_labelled_latin_1_reads_as_chinese() -> None:
    word = base64.b64encode("关于删除个人信息的申请".encode("gbk")).decode("ascii")
    raw = f"From: a@example.cn\r\nSubject: =?iso-8859-1?b?{word}?=\r\n\r\nx\r\n".encode()
    assert parse_message(raw).subject == "关于删除个人信息的申请"
