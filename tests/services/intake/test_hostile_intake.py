"""QA's hostile mails (tests/services/intake/qa_mails, copied from QA run 7) and their kind:
a stray "%s" never decides a Chinese letter's language, a few control bytes are dropped and
flagged instead of refusing the mail, a damaged MIME structure is flagged."""

import random
from pathlib import Path

import pytest

from app.errors import MessageParseError
from app.models.enums import CaseKind, ReviewFlag
from app.services.intake import triage
from app.services.intake.files import parse_incoming, removed_stray_bytes
from app.services.intake.language import detect_language
from app.services.intake.requester import labelled_identifiers
from app.services.intake.vocabulary import default_rules

QA_MAILS = Path(__file__).parent / "qa_mails"
_HEAD = (
    b"From: Li Lei <li.lei@example.cn>\r\nTo: privacy@example.cn\r\n"
    b"Subject: Request\r\nDate: Mon, 02 Nov 2026 09:30:00 +0800\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
)


def _read(name: str) -> bytes:
    return (QA_MAILS / name).read_bytes()


def test_a_chinese_letter_with_format_placeholders_is_chinese() -> None:
    proposal = triage(parse_incoming(_read("h01-rtl.eml")))
    assert (proposal.language, proposal.jurisdiction) == ("zh", "CN")
    assert proposal.kind is CaseKind.DELETION
    language = [r for r in proposal.reasons if r.field == "language"]
    assert [(r.signal, r.evidence) for r in language] == [("script", "han")]


@pytest.mark.parametrize(
    "text",
    [
        "请删除我的个人信息 %s %s %s",
        "请删除我的个人信息。 %d %s {0} %(name)s",
        "您好，我要求删除我的全部个人信息。 <script>alert(1)</script> DROP TABLE cases; [31m",
        "請刪除我的個人資料 s s s s s s s a i o e y",
        "删除 个人信息 a e i o u s t",
    ],
)
def test_one_letter_tokens_and_code_never_outvote_han(text: str) -> None:
    assert detect_language(text, default_rules()).code == "zh"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ich möchte meine Daten löschen lassen, bitte.", "de"),
        ("Je souhaite que mes données soient effacées, merci.", "fr"),
        ("Quiero que borren mis datos personales, por favor.", "es"),
        ("Please delete all of my personal data.", "en"),
        ("個人情報を削除してください。", "ja"),
        ("개인정보를 삭제해 주십시오.", "ko"),
    ],
)
def test_clear_letters_keep_their_language_and_are_certain(text: str, code: str) -> None:
    guess = detect_language(text, default_rules())
    assert (guess.code, guess.uncertain) == (code, False)


@pytest.mark.parametrize(
    "text",
    [
        "Please 删除 data",  # one stopword, mixed scripts
        "Bitte löschen",  # one German stopword: German on one word
        "删除 Please delete my personal data from your systems now",  # Latin > Han, mixed
        "个人 Ich möchte meine Daten",  # German, a Han word beside it
    ],
)
def test_weak_evidence_is_uncertain_and_flagged(text: str) -> None:
    assert detect_language(text, default_rules()).uncertain
    raw = _HEAD + b"\r\n" + text.encode()
    assert ReviewFlag.LANGUAGE_UNCERTAIN in triage(parse_incoming(raw)).flags


def test_control_bytes_in_a_text_mail_are_dropped_not_refused() -> None:
    raw = _read("h07-ctrl.eml")
    message = parse_incoming(raw)
    assert message.from_name == "CtrlNameZed"
    assert message.from_address == "ctrl@example.com"
    assert message.body_text.strip() == "Please erase all my personal data (Art. 17 GDPR)."
    assert message.raw == raw
    assert removed_stray_bytes(raw) == 2  # the NUL and SOH of the body
    assert triage(message).kind is CaseKind.DELETION


@pytest.mark.parametrize("control", [b"\x01", b"\x07", b"\x08", b"\x0b", b"\x1f", b"\x7f"])
def test_each_stray_control_byte_is_dropped(control: bytes) -> None:
    raw = _HEAD + b"\r\n" + "我申请查阅".encode() + control + "我的个人信息。".encode()
    message = parse_incoming(raw)
    assert message.body_text.strip() == "我申请查阅我的个人信息。"
    assert removed_stray_bytes(raw) == 1


def test_iso_2022_jp_escapes_are_not_strays() -> None:
    body = "個人情報の開示を請求します。".encode("iso2022_jp")
    raw = _HEAD.replace(b"utf-8", b"iso-2022-jp") + b"\r\n" + body
    assert removed_stray_bytes(raw) == 0
    assert parse_incoming(raw).body_text.strip() == "個人情報の開示を請求します。"


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x01" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 3,
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 3,
        random.Random(7).randbytes(4096),
        bytes(range(32)) * 64,
        _HEAD + b"\r\n" + bytes(range(32)) * 200,  # a header, then mostly control bytes
    ],
)
def test_real_binaries_are_still_refused(raw: bytes) -> None:
    with pytest.raises(MessageParseError):
        parse_incoming(raw)
    assert removed_stray_bytes(raw) == 0


def test_a_damaged_mime_message_is_flagged_and_its_text_kept() -> None:
    message = parse_incoming(_read("h04-brokenmime.eml"))
    assert message.damaged
    proposal = triage(message)
    assert ReviewFlag.DAMAGED_MESSAGE in proposal.flags
    assert proposal.kind is CaseKind.DELETION  # "delete my data"


def test_a_valid_base64_body_after_a_missing_closing_boundary_is_recovered() -> None:
    raw = (
        _HEAD.replace(b"text/plain; charset=utf-8", b'multipart/mixed; boundary="B"')
        + b"\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + b"5oiR55Sz6K+35p+l6ZiF5oiR55qE5Liq5Lq65L+h5oGv44CC\r\n"
    )
    message = parse_incoming(raw)
    assert (message.damaged, message.body_text.strip()) == (True, "我申请查阅我的个人信息。")
    assert triage(message).kind is CaseKind.ACCESS


@pytest.mark.parametrize("name", ["s1.eml", "s2.eml", "s3.eml", "h10-marker.eml"])
def test_well_formed_mails_are_not_flagged_damaged(name: str) -> None:
    message = parse_incoming(_read(name))
    assert not message.damaged
    assert ReviewFlag.DAMAGED_MESSAGE not in triage(message).flags


@pytest.mark.parametrize(
    ("text", "code", "uncertain"),
    [
        ("Hello there", "en", False),  # no evidence: the default, assumed anyway
        ("Please", "en", False),  # one word, but of the language assumed anyway
        ("Bitte", "de", True),  # one German word decides nothing alone
        ("s", "en", False),  # a one-letter token is no evidence: the default
    ],
)
def test_one_stopword_is_weak_evidence_except_for_the_default_language(
    text: str, code: str, uncertain: bool
) -> None:
    guess = detect_language(text, default_rules())
    assert (guess.code, guess.uncertain) == (code, uncertain)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("电话：0086 138 0013 8000", "13800138000"),
        ("電話 +86-139-0000-1111", "13900001111"),
        ("电话 +86 139 1234 5678", "13912345678"),
        ("手机（+86）138 0013 8000", "13800138000"),
        ("手机(+86) 138.0013.8000。", "13800138000"),
        ("聯絡電話：＋８６ １３８ ００１３ ８０００", "13800138000"),
        ("Tel. (+44) 20 7946 0958", "+442079460958"),
        ("Telefon: +49 (0)30 1234567", "+49301234567"),
        ("电话：(010) 1234 5678", "01012345678"),
    ],
)
def test_a_labelled_phone_is_stored_in_its_canonical_form(text: str, phone: str) -> None:
    assert labelled_identifiers(text, default_rules())[0] == phone


def test_a_traditional_account_label_is_read() -> None:
    assert labelled_identifiers("帐号ID：u77123，电话 +86 139", default_rules())[1] == "u77123"
