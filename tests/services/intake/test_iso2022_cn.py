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


# "请删除我的个人信息并注销账号" in GB 2312 with the high bits cleared (RFC 1922 §4):
# 请 C7EB → 47 6B ("Gk"), 删 C9BE → 49 3E ("I>") … 号 BAC5 → 3A 45 (":E").
PLEASE_DELETE = "请删除我的个人信息并注销账号"
PLEASE_DELETE_7BIT = b'GkI>3}NR5D8vHKPEO"2"W"OzUK:E'
# One line as QA15's 5 MB mail has it, with an ASCII tail and a CNS 11643 plane 2 character.
BIG_LINE = b"\x1b$)A\x0e" + PLEASE_DELETE_7BIT * 5 + b"\x0f ID 88231 \x1b$*H\x1bN\x21\x21\r\n"
BIG_LINE_TEXT = PLEASE_DELETE * 5 + " ID 88231 \ufffd\r\n"


def test_a_5_mb_text_reads_run_by_run_to_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # QA15 E1: read byte by byte, 5 MB took 9 s to decode (an import decodes a body several
    # times). Each shifted run is now one gb2312 call: the byte-by-byte step is left only for
    # the escapes and shifts, 5 per line here (ESC $ ) A, SO, SI, ESC $ * H, ESC N with its
    # pair; " ID 88231 " and CR LF are one ASCII run) — not one per byte or pair as before.
    from app.services.intake import iso2022_cn

    steps = 0
    real_step = iso2022_cn._State.step

    def counted(state: iso2022_cn._State, raw: bytes, index: int) -> tuple[str, int, str | None]:
        nonlocal steps
        steps += 1
        return real_step(state, raw, index)

    monkeypatch.setattr(iso2022_cn._State, "step", counted)
    lines = 5_000_000 // len(BIG_LINE) + 1  # 5,000,086 bytes: 30,121 lines of 166 bytes
    text, consumed = iso2022_cn.decode(BIG_LINE * lines, "replace")
    assert (consumed, text == BIG_LINE_TEXT * lines) == (lines * len(BIG_LINE), True)
    assert steps == 5 * lines


def test_a_bad_pair_inside_a_run_is_replaced_alone_and_the_run_reads_on() -> None:
    # 21 21 (row 1 cell 1, GB 2312 A1A1 = U+3000) is valid; 7E 7E (row 94) is empty in GB 2312.
    data = b"\x1b$)A\x0e" + DELETE[:4] + b"~~" + DELETE[4:] + b"!!~~~~I\x0f."
    assert data.decode("iso2022_cn", "replace") == "删除\ufffd个人信息\u3000\ufffd\ufffd\ufffd."
    assert data.decode("iso2022_cn", "ignore") == "删除个人信息\u3000."
    with pytest.raises(UnicodeDecodeError, match="pair not in GB 2312") as raised:
        data.decode("iso2022_cn")
    assert (raised.value.start, raised.value.end) == (9, 11)  # ESC $ ) A SO = 5, two pairs = 4
