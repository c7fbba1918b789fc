"""Outlook .msg files read into the same IncomingMessage as .eml files."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.errors import MessageParseError
from app.models.enums import ReviewFlag
from app.services.intake import parse_outlook_message, read_message_file, triage
from tests.services.intake.msg_builder import build_msg

SENT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
DELIVERED = datetime(2026, 3, 2, 1, 31, 5, tzinfo=UTC)
SUBJECT = "关于删除个人信息的申请——镕喆"  # 镕 and 喆 are outside GB2312


def test_msg_with_mapi_properties_only(tmp_path: Path) -> None:
    raw = build_msg(
        {
            "0037": SUBJECT,
            "0C1A": "王镕喆",
            "0C1F": "Wang.Rongzhe@Example.CN",
            "5D01": "Wang.Rongzhe@Example.CN",
            "1000": "根据《个人信息保护法》第四十七条，请删除我的个人信息。\r\n",
            "1035": "<msg0001@example.cn>",
        },
        times={0x0039: SENT, 0x0E06: DELIVERED},
    )
    path = tmp_path / "request.msg"
    path.write_bytes(raw)
    message = read_message_file(path)
    assert message.subject == SUBJECT
    assert (message.from_name, message.from_address) == ("王镕喆", "Wang.Rongzhe@example.cn")
    assert message.sent_at == SENT and message.date_problem is None
    assert message.received_header_times == (DELIVERED,)
    assert message.body_text == "根据《个人信息保护法》第四十七条，请删除我的个人信息。"
    assert message.html_only is False
    assert message.message_id == "msg0001@example.cn"
    assert message.raw == raw
    proposal = triage(message)
    assert (proposal.kind.value, proposal.jurisdiction, proposal.language) == (
        "deletion",
        "CN",
        "zh",
    )


def test_msg_headers_win_and_html_only_body() -> None:
    headers = (
        "Microsoft Mail Internet Headers Version 2.0\r\n"
        "Received: from mx by inbox; Tue, 03 Mar 2026 10:00:00 +0100\r\n"
        "From: =?utf-8?q?Zo=C3=AB_M=C3=BCller?= <Zoe@Example.DE>\r\n"
        "Date: Tue, 03 Mar 2026 09:58:00 +0100\r\n"
        "Message-ID: <abc@example.de>\r\n\r\n"
    )
    html = "<html><body><p>Bitte <b>löschen</b> Sie meine Daten &amp; Konten.</p></body></html>"
    raw = build_msg(
        {"0037": "Löschung", "007D": headers, "0C1A": "Exchange User", "0C1F": "/O=EXCH/CN=X"},
        binaries={"10130102": html.encode("utf-8")},
    )
    message = parse_outlook_message(raw)
    assert (message.from_name, message.from_address) == ("Zoë Müller", "Zoe@example.de")
    assert message.sent_at == datetime(2026, 3, 3, 8, 58, tzinfo=UTC)
    assert message.received_header_times == (datetime(2026, 3, 3, 9, 0, tzinfo=UTC),)
    assert message.body_text == "Bitte löschen Sie meine Daten & Konten."
    assert message.html_only is True
    assert message.message_id == "abc@example.de"


def test_msg_without_any_date_is_flagged() -> None:
    message = parse_outlook_message(build_msg({"0037": "x", "1000": "hello"}))
    assert message.sent_at is None
    assert message.date_problem is ReviewFlag.MISSING_DATE
    assert message.from_address is None


@pytest.mark.parametrize(
    "raw",
    [
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100,  # a CFB header and nothing else
        bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 8,
        b"not a compound file",
    ],
)
def test_damaged_msg_raises_parse_error_only(raw: bytes) -> None:
    with pytest.raises(MessageParseError):
        parse_outlook_message(raw)


def test_msg_subject_and_sender_lose_control_and_bidi_characters() -> None:
    raw = build_msg(
        {
            "0037": "Access\u202e request\u0007",
            "0C1A": "\u2066Eve\u2069\x1b",
            "5D01": "eve@example.com",
            "1000": "Under Article 15 GDPR I request access to my personal data.\r\n",
        }
    )
    message = parse_outlook_message(raw)
    assert (message.subject, message.from_name) == ("Access request", "Eve")
