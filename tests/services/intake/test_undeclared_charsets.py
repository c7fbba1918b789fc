"""Mail whose charset is not declared (or not true): ISO-2022 escapes, UTF-16, the CJK
multi-byte codecs told apart by how their text reads; stray NUL bytes; the size limit; the
duplicate key read before parsing."""

import hashlib
import os
from pathlib import Path

import pytest

from app.errors import MessageParseError
from app.models.enums import CaseKind
from app.services.intake import parse_incoming, triage
from app.services.intake.decoding import decode_text, sniff_text
from app.services.intake.files import (
    MAX_MESSAGE_BYTES,
    message_key,
    read_message_file,
    removed_nul_bytes,
)

_HEAD = (
    b"From: Sender <sender@example.com>\r\nSubject: Request\r\n"
    b"Date: Mon, 23 Nov 2026 10:00:00 +0800\r\nMessage-ID: <m1@example.com>\r\n"
)


def _mail(body: bytes, content_type: bytes = b"text/plain") -> bytes:
    return _HEAD + b"MIME-Version: 1.0\r\nContent-Type: " + content_type + b"\r\n\r\n" + body


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("您好：本人要求查閱及複製貴公司持有的本人個人資料，並刪除。陳大文", "big5"),
        ("本人要求刪除個人資料", "big5"),
        ("您好，我要求注销我的账号。根据个人信息保护法第四十七条。欧阳娜", "gb18030"),
        ("请删除我的个人信息", "gb18030"),
        ("个人信息中有镕、喆两个字", "gb18030"),
        ("個人情報保護法第33条に基づき、保有個人データの開示を請求します。山田", "shift_jis"),
        ("個人情報の開示を請求します。佐藤", "euc_jp"),
        ("個人情報の開示を請求します。佐藤", "iso-2022-jp"),
        ("개인정보 보호법 제35조에 따라 본인의 개인정보 열람을 요구합니다.", "euc_kr"),
        ("개인정보 열람을 요구합니다.", "iso-2022-kr"),
        ("您好，我要求查阅和复制我的个人信息。张伟", "utf-16"),
        ("Access request: 我要求查阅我的个人信息", "utf-16-le"),
        ("Access request: 我要求查阅我的个人信息", "utf-16-be"),
        ("Ich bitte um Löschung meiner Daten gemäß Art. 17 DSGVO. Grüße", "cp1252"),
        ("Ζητώ πρόσβαση στα προσωπικά μου δεδομένα", "iso8859_7"),
    ],
)
def test_undeclared_text_is_read_in_its_own_charset(text: str, codec: str) -> None:
    assert sniff_text(text.encode(codec)) == text
    assert decode_text(text.encode(codec), None) == text


def test_a_utf16_label_on_utf8_bytes_gives_the_utf8_text() -> None:
    assert decode_text("我要求删除个人信息".encode(), "utf-16") == "我要求删除个人信息"


@pytest.mark.parametrize(
    ("body", "kind", "language", "jurisdiction"),
    [
        # Access and copy score alike; copy comes first in kind_precedence (rules.toml).
        ("您好：本人要求查閱及複製貴公司持有的本人個人資料。".encode("big5"), "copy", "zh", "CN"),
        ("個人情報の開示を請求します。佐藤\r\n".encode("iso-2022-jp"), "access", "ja", "JP"),
        ("您好，我要求删除我的个人信息。张伟\n".encode("utf-16"), "deletion", "zh", "CN"),
    ],
)
def test_mail_without_charset_is_triaged_by_its_text(
    body: bytes, kind: str, language: str, jurisdiction: str
) -> None:
    proposal = triage(parse_incoming(_mail(body)))
    assert (proposal.kind.value, proposal.language, proposal.jurisdiction) == (
        kind,
        language,
        jurisdiction,
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_whole_message_file_in_utf16_is_decoded_before_parsing(codec: str) -> None:
    text = _mail("我要求删除我的个人信息。".encode(), b"text/plain; charset=utf-16").decode()
    raw = text.encode(codec)
    message = parse_incoming(raw)
    assert message.subject == "Request"
    assert message.from_address == "sender@example.com"
    assert message.body_text.strip() == "我要求删除我的个人信息。"
    assert message.raw == raw
    assert removed_nul_bytes(raw) == 0


def test_stray_nul_bytes_are_removed_and_counted() -> None:
    raw = _HEAD.replace(b"Subject: Request", b"Subject: Access\x00request") + (
        b"\r\nUnder Article 15 GDPR I request access to my personal data.\r\nNul\x00Person\x00\n"
    )
    message = parse_incoming(raw)
    assert message.subject == "Accessrequest"
    assert message.body_text.rstrip().endswith("NulPerson")
    assert message.raw == raw  # the case keeps the file as received
    assert removed_nul_bytes(raw) == 3
    assert triage(message).kind is CaseKind.ACCESS


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
        bytes(range(256)) * 8,
        _HEAD + b"\r\n" + bytes(5000),  # a header, then mostly NULs: not "a few"
    ],
)
def test_binary_files_are_still_refused(raw: bytes) -> None:
    with pytest.raises(MessageParseError, match="binary"):
        parse_incoming(raw)
    assert removed_nul_bytes(raw) == 0


def test_a_file_over_the_limit_is_refused_by_name_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.eml"
    with path.open("wb") as file:
        file.truncate(MAX_MESSAGE_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(MessageParseError) as raised:
        read_message_file(path)
    # 50 MiB = 52,428,800 bytes; one byte more would read "50.0 MiB", as if within the limit.
    assert str(raised.value) == (
        "huge.eml: the file is 52,428,801 bytes; a message file may be at most "
        "52,428,800 bytes (50 MiB)"
    )
    assert MAX_MESSAGE_BYTES == 52_428_800
    with path.open("wb") as file:
        file.truncate(MAX_MESSAGE_BYTES + 100 * 1024)  # 50 MiB + 100 KiB = 50.098 MiB -> 50.1
    with pytest.raises(MessageParseError) as raised:
        read_message_file(path)
    assert str(raised.value) == (
        "huge.eml: the file is 50.1 MiB; a message file may be at most 50 MiB"
    )


def test_a_big_attachment_is_not_parsed_but_the_file_is_kept_whole() -> None:
    attachment = os.urandom(3 * 1024 * 1024).hex().encode()  # 6 MB of base64-alphabet lines
    lines = b"\r\n".join(attachment[i : i + 76] for i in range(0, len(attachment), 76))
    raw = (
        _HEAD + b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="Z"\r\n\r\n'
        b"--Z\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Under Article 15 GDPR I request access to my personal data.\r\n"
        b"--Z\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + lines + b"\r\n--Z--\r\n"
    )
    message = parse_incoming(raw)
    assert message.raw is raw
    assert message.body_text.strip() == (
        "Under Article 15 GDPR I request access to my personal data."
    )
    assert triage(message).kind is CaseKind.ACCESS


def test_the_duplicate_key_comes_from_the_header_block() -> None:
    raw = _mail(b"Please delete my data.\r\n" * 1000)
    key = message_key(raw)
    assert key.sha256 == hashlib.sha256(raw).hexdigest()
    assert (key.message_id, key.from_address) == ("m1@example.com", "sender@example.com")
    assert message_key(b"no headers at all").message_id is None
    in_utf16 = message_key(raw.decode().encode("utf-16"))
    assert (in_utf16.message_id, in_utf16.from_address) == (key.message_id, key.from_address)


@pytest.mark.parametrize("label", ["us-ascii", "ascii", "iso-8859-1"])
def test_iso_2022_jp_labelled_ascii_is_read_as_japanese(label: str) -> None:
    # A Japanese client's ISO-2022-JP body labelled us-ascii: 7-bit, so valid ASCII, and read
    # by its label it showed raw escape sequences (QA11 D9); its escapes say what it is.
    text = "個人情報の開示を請求します。"
    assert decode_text(text.encode("iso2022_jp"), label) == text


def test_an_iso_2022_jp_body_labelled_us_ascii_is_read_and_flagged() -> None:
    text = "個人情報の削除をお願いします。鈴木一郎"
    mail = (
        b"From: Suzuki Ichiro <suzuki@example.jp>\r\nSubject: Request\r\n"
        b"Date: Mon, 16 Nov 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="us-ascii"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n'
        + text.encode("iso2022_jp")
        + b"\r\n"
    )
    assert parse_incoming(mail).body_text == text


def test_plain_ascii_with_a_stray_escape_stays_ascii() -> None:
    assert decode_text(b"Hello \x1b[0m world", "us-ascii") == "Hello \x1b[0m world"
