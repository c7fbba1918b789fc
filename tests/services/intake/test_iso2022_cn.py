"""ISO-2022-CN and -CN-EXT mail (RFC 1922), which Python has no codec for: its GB 2312 text is
read, its CNS 11643 characters (no table in Python) become U+FFFD and only then is the case
flagged; the labels' spellings and RFC 2047 encoded words in headers are read too."""

import base64

import pytest

from app.services.intake.declared_charset import decode_declared
from app.services.intake.decoding import codec_name
from app.services.intake.files import parse_incoming, removed_stray_bytes
from app.services.intake.header_text import decode_encoded_words
from tests.services.intake.seven_bit_mail import seven_bit_mail

# "删除个人信息" in GB 2312 is C9BE B3FD B8F6 C8CB D0C5 CFA2; ISO-2022-CN sends each byte with
# its high bit cleared (RFC 1922 §4): 49 3E, 33 7D, 38 76, 48 4B, 50 45, 4F 22.
DELETE = b'I>3}8vHKPEO"'
GB_LINE = b"\x1b$)A\x0e" + DELETE + b"\x0f ID: wang_88231"  # ESC $ ) A, SO … SI
HEAD = "From: wang@example.cn\r\nSubject: delete\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\n"


def _mail(charset: str, body: bytes, *, head: str = HEAD) -> bytes:
    return seven_bit_mail(head, charset, body)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("iso-2022-cn", "iso2022_cn"),
        ("ISO-2022-CN", "iso2022_cn"),
        ("ISO_2022_CN", "iso2022_cn"),
        ('"iso-2022-cn"', "iso2022_cn"),
        ("csISO2022CN", "iso2022_cn"),
        ("ISO-2022-CN-EXT", "iso2022_cn_ext"),
        ("csISO2022CNEXT", "iso2022_cn_ext"),
    ],
)
def test_every_spelling_of_the_label_names_the_codec_and_the_text_is_read(
    label: str, codec: str
) -> None:
    assert codec_name(label) == codec
    message = parse_incoming(_mail(label, GB_LINE + b"\r\n"))
    assert message.body_text == "删除个人信息 ID: wang_88231"
    assert message.charset_mismatch is False
    assert removed_stray_bytes(_mail(label, GB_LINE)) == 0


def test_so_ends_with_the_line_and_the_designation_holds_on() -> None:
    # RFC 1922 §4: SO lasts to the end of the line; the next line starts in ASCII, so "I>"
    # there is two letters, while a new SO reads the pair 49 3E (删) of the set still designated.
    data = GB_LINE + b"\r\nI> \x0eI>\x0f"
    assert decode_declared(data, "iso-2022-cn").text == "删除个人信息 ID: wang_88231\r\nI> 删"


def test_cns_11643_characters_are_replaced_and_only_then_flagged() -> None:
    # ESC $ ) G puts CNS 11643 plane 1 in G1 and ESC $ * H plane 2 in G2 (ESC N takes one
    # character from it): no table in Python, so each double-byte character is one U+FFFD,
    # while the GB 2312 characters of the same text read.
    data = (
        GB_LINE + b"\r\n\x1b$)G\x0e\x44\x21\x44\x22\x0f \x1b$*H\x1bN\x21\x21 ok\r\n"
        b"\x1b$)A\x0e" + DELETE[:4] + b"\x0f"
    )
    decoded = decode_declared(data, "iso-2022-cn")
    assert decoded.text == "删除个人信息 ID: wang_88231\r\n\ufffd\ufffd \ufffd ok\r\n删除"
    assert decoded.charset_mismatch is True


def test_the_ext_sets_of_planes_3_to_7_and_iso_ir_165_are_read_as_far_as_python_can() -> None:
    # ESC $ + I … M: CNS 11643 planes 3-7 in G3, taken one character at a time with ESC O;
    # ESC $ ) E: ISO-IR-165, GB 2312 in the same positions (49 3E is 删 there too).
    data = b"\x1b$+I\x1bO\x21\x21\x1b$+M\x1bO\x30\x30 \x1b$)E\x0eI>\x0f"
    decoded = decode_declared(data, "iso-2022-cn-ext")
    assert (decoded.text, decoded.charset_mismatch) == ("\ufffd\ufffd 删", True)


@pytest.mark.parametrize("label", ["us-ascii", "utf-8", "iso-8859-1", "iso-2022-jp"])
def test_iso_2022_cn_under_another_label_is_read_and_flagged(label: str) -> None:
    message = parse_incoming(_mail(label, GB_LINE))
    assert (message.body_text, message.charset_mismatch) == ("删除个人信息 ID: wang_88231", True)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x0eI>", "SO before a G1 designation"),
        (b"\x1b$)A\xc9\xbe", "8-bit byte"),  # GB2312 in EUC form, not shifted
        (b"\x1bNI>", "single shift before"),
        (b"\x1b$)A\x0eI", "incomplete double-byte character"),
        (b"\x1b$)A\x0e\x21\x21\x7e\x7e", "pair not in GB 2312"),  # row 94 is empty
    ],
)
def test_broken_text_fails_strictly_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnicodeDecodeError, match=reason):
        data.decode("iso2022_cn")


def test_encoded_words_in_the_subject_and_the_sender_s_name_are_read() -> None:
    # "张三" is D5C5 C8FD in GB 2312: 55 45, 48 7D; "申请" is C9EA C7EB: 49 6A, 47 6B.
    name = base64.b64encode(b"\x1b$)A\x0eUEH}\x0f").decode("ascii")
    subject = base64.b64encode(b"\x1b$)A\x0e" + DELETE[:4] + b"IjGk\x0f").decode("ascii")
    head = (
        f"From: =?ISO-2022-CN?B?{name}?= <zhang.san@example.cn>\r\n"
        f"Subject: =?iso-2022-cn?b?{subject}?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\n"
    )
    message = parse_incoming(_mail("iso-2022-cn", GB_LINE, head=head))
    assert (message.from_name, message.subject) == ("张三", "删除申请")
    assert decode_encoded_words(f"=?csISO2022CN?B?{name}?=") == "张三"
