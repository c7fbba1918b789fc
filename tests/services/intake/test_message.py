"""Decoding of hand-built messages: RFC 2047 with GBK-only characters, dates, senders."""

import base64
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.errors import MessageParseError
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.intake import parse_message, read_message_file, receipt_instant

SUBJECT = "关于删除个人信息的申请——镕喆"  # 镕 and 喆 are GBK-only (not in GB2312)


def _split_gb2312_subject() -> bytes:
    data = SUBJECT.encode("gb18030")
    cut = len(data) - 3  # inside 镕 (two bytes) … the last three bytes are 镕's 2nd byte + 喆
    words = [base64.b64encode(part).decode() for part in (data[:cut], data[cut:])]
    return f"=?gb2312?B?{words[0]}?=\r\n =?GB2312?B?{words[1]}?=".encode()


def _raw(headers: bytes, body: bytes = b"Hello\r\n") -> bytes:
    return headers + b"\r\n\r\n" + body


def test_gb2312_label_with_gbk_characters_split_mid_character() -> None:
    first_char_bytes = len("关于删除个人信息的申请——".encode("gb18030"))
    assert first_char_bytes + 1 == len(SUBJECT.encode("gb18030")) - 3  # the cut is mid-镕
    raw = _raw(b"From: a@example.com\r\nSubject: " + _split_gb2312_subject())
    assert parse_message(raw).subject == SUBJECT


def test_gb2312_labelled_body_with_gbk_characters() -> None:
    body = base64.encodebytes("请删除我的信息。王镕喆".encode("gb18030"))
    raw = _raw(
        b"From: a@example.com\r\nContent-Type: text/plain; charset=gb2312\r\n"
        b"Content-Transfer-Encoding: base64",
        body,
    )
    assert parse_message(raw).body_text == "请删除我的信息。王镕喆"


def test_undeclared_8bit_gb18030_body_and_raw_utf8_subject() -> None:
    raw = _raw(
        "Subject: 注销账号\r\nFrom: 张三 <zhang@example.cn>".encode(),
        "我申请注销须云账号，注销后请删除我的全部个人信息。".encode("gb18030"),
    )
    message = parse_message(raw)
    assert message.subject == "注销账号"
    assert message.from_name == "张三"
    assert message.body_text == "我申请注销须云账号，注销后请删除我的全部个人信息。"


def test_mislabelled_body_falls_back_to_real_charset() -> None:
    raw = _raw(
        b"From: a@example.com\r\nContent-Type: text/plain; charset=utf-8",
        "Löschung meiner Daten".encode("cp1252"),
    )
    assert parse_message(raw).body_text == "Löschung meiner Daten"


def test_html_only_body_becomes_text_without_markup() -> None:
    message = EmailMessage()
    message["From"] = "Zoë <zoe@Example.COM>"
    message.set_content(
        "<html><body><h1>Löschung</h1><p>请删除 <b>all</b> &amp; more<br>1. x</p></body></html>",
        subtype="html",
    )
    parsed = parse_message(message.as_bytes())
    assert parsed.html_only is True
    assert parsed.from_address == "zoe@example.com"
    assert "<" not in parsed.body_text and "**" not in parsed.body_text
    assert "Löschung" in parsed.body_text and "请删除 all & more" in parsed.body_text


def test_missing_date_falls_back_to_newest_received_then_file_then_import_time() -> None:
    raw = _raw(
        b"Received: from mx by inbox; Tue, 03 Feb 2026 09:00:00 +0800\r\n"
        b"Received: from relay by mx; Tue, 03 Feb 2026 00:59:00 +0000\r\n"
        b"From: a@example.com"
    )
    message = parse_message(raw)
    assert message.date_problem is ReviewFlag.MISSING_DATE
    import_time = datetime(2026, 3, 1, 12, tzinfo=UTC)
    file_time = datetime(2026, 2, 4, 8, tzinfo=timezone(timedelta(hours=8)))
    assert receipt_instant(message, file_time=file_time, import_time=import_time) == (
        datetime(2026, 2, 3, 1, 0, tzinfo=UTC),
        ReceivedAtSource.RECEIVED_HEADER,
    )
    bare = parse_message(_raw(b"From: a@example.com"))
    assert receipt_instant(bare, file_time=file_time, import_time=import_time) == (
        datetime(2026, 2, 4, 0, 0, tzinfo=UTC),
        ReceivedAtSource.FILE_TIME,
    )
    assert receipt_instant(bare, file_time=None, import_time=import_time) == (
        import_time,
        ReceivedAtSource.IMPORT_TIME,
    )


def test_date_header_wins_and_is_utc() -> None:
    message = parse_message(_raw(b"From: a@example.com\r\nDate: Mon, 02 Mar 2026 09:30:00 +0800"))
    now = datetime(2026, 3, 5, tzinfo=UTC)
    assert receipt_instant(message, file_time=None, import_time=now) == (
        datetime(2026, 3, 2, 1, 30, tzinfo=UTC),
        ReceivedAtSource.DATE_HEADER,
    )


@pytest.mark.parametrize(
    "value",
    [
        b"yesterday afternoon",
        b"Mon, 31 Feb 2026 10:00:00 +0000",
        b"\xff\xfe",
        b"Mon, 1 Jan 0001 00:00:00 +0800",  # the stdlib reads year 1 as 2001
        b"Mon, 1 Jan 0026 00:00:00 +0000",  # ... and year 26 written as 0026 as 2026
        b"Fri, 31 Dec 9999 23:00:00 -0800",  # year 10000 in UTC
    ],
)
def test_garbage_date_is_flagged_not_raised(value: bytes) -> None:
    message = parse_message(_raw(b"From: a@example.com\r\nDate: " + value))
    assert message.sent_at is None
    assert message.date_problem is ReviewFlag.UNPARSABLE_DATE


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        (b"Zhang San", "Zhang San", None),
        (b"=?utf-8?b?5byg5LiJ?=", "张三", None),
        (b"<>", None, None),
        (b'"unterminated <x@', "unterminated", None),
        (b"Max O'Brien <Max.OBrien@Example.ORG>", "Max O'Brien", "Max.OBrien@example.org"),
        (b"Ana =?utf-8?q?Mari=C4=87?= <ana@example.com>", "Ana Marić", "ana@example.com"),
    ],
)
def test_sender_without_or_with_odd_address(
    header: bytes, name: str | None, address: str | None
) -> None:
    message = parse_message(_raw(b"From: " + header))
    assert (message.from_name, message.from_address) == (name, address)


def test_message_id_is_bare() -> None:
    message = parse_message(_raw(b"From: a@example.com\r\nMessage-ID:\r\n <zh0001@example.com> "))
    assert message.message_id == "zh0001@example.com"


@pytest.mark.parametrize(
    "raw", [b"", b"  \r\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"just some text"]
)
def test_not_a_mail_message(raw: bytes) -> None:
    with pytest.raises(MessageParseError):
        parse_message(raw)


def test_unreadable_file_names_the_file_only(tmp_path: Path) -> None:
    empty = tmp_path / "inbox-empty.eml"
    empty.write_bytes(b"")
    with pytest.raises(MessageParseError, match=r"inbox-empty\.eml"):
        read_message_file(empty)
    with pytest.raises(MessageParseError, match=r"missing\.eml"):
        read_message_file(tmp_path / "missing.eml")


def test_naive_fallback_time_is_rejected() -> None:
    message = parse_message(_raw(b"From: a@example.com"))
    with pytest.raises(ValueError, match="import_time"):
        receipt_instant(message, file_time=None, import_time=datetime(2026, 1, 1))  # noqa: DTZ001


def _nested_multiparts(depth: int) -> bytes:
    levels = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i)
        for i in range(depth)
    )
    return (
        b"From: Deep Mime <deep.mime@example.com>\r\nSubject: Access\r\nMIME-Version: 1.0\r\n"
        + levels
        + b"Content-Type: text/plain\r\n\r\nUnder Article 15 GDPR I request access.\r\n"
    )


_DEEP_RFC822 = (
    b"From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" * 200
    + b"\r\nhello"
)


@pytest.mark.parametrize(
    ("raw", "sender", "text"),
    [
        # The stdlib parser itself runs out of stack: the copy cut at 64 levels is read.
        (_nested_multiparts(2000), "deep.mime@example.com", ""),
        # Parses, but walking the parts would run out of stack.
        (_nested_multiparts(300), "deep.mime@example.com", ""),
        (_DEEP_RFC822, "a@example.com", ""),
        (
            b"From: a@example.com (" + b"(" * 3000 + b")" * 3001 + b"\r\n\r\nhello",
            "a@example.com",
            "hello",
        ),
        (
            b"From: a@example.com\r\nContent-Type: text/plain; x=" + b"(" * 3000 + b"\r\n\r\nhello",
            "a@example.com",
            "hello",
        ),
    ],
    ids=["multipart-2000", "multipart-300", "rfc822-200", "from-comments", "type-comments"],
)
def test_deep_nesting_is_read_as_far_as_it_goes_and_flagged(
    tmp_path: Path, raw: bytes, sender: str, text: str
) -> None:
    path = tmp_path / "deep.eml"
    path.write_bytes(raw)
    for message in (parse_message(raw), read_message_file(path)):
        assert (message.from_address, message.body_text) == (sender, text)
        assert message.deeply_nested
        assert message.raw == raw


def test_ordinary_nesting_still_parses() -> None:
    message = parse_message(_nested_multiparts(10))
    assert message.body_text == "Under Article 15 GDPR I request access."


def _encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("\x00Null\u202eRLO\x07", "NullRLO"),
        ("Zhang\u202e San\u202c", "Zhang San"),
        ("\u2066Admin\u2069 \u200bTeam\ufeff", "Admin Team"),
        ("Line\tbreak\x85here\x1b[31m", "Line break here[31m"),
        ("王\u00ad镕喆", "王镕喆"),
        # Ordinary text survives: Arabic with its marks, a ZWJ emoji sequence, Persian ZWNJ.
        ("محمد\u200f العلي", "محمد\u200f العلي"),
        ("Ava 👩\u200d💻 Lee", "Ava 👩\u200d💻 Lee"),
        ("می\u200cخواهم", "می\u200cخواهم"),
    ],
)
def test_hidden_characters_are_removed_from_names_and_subjects(shown: str, expected: str) -> None:
    raw = _raw(f"From: {_encoded(shown)} <a@example.com>\r\nSubject: {_encoded(shown)}".encode())
    message = parse_message(raw)
    assert (message.from_name, message.subject) == (expected, expected)


def test_raw_control_bytes_in_headers_are_removed() -> None:
    raw = _raw(b"From: Eve\x07\x1b <eve@example.com>\r\nSubject: Access\x01 request")
    message = parse_message(raw)
    assert (message.from_name, message.subject) == ("Eve", "Access request")
