"""QA19 F17: two adjacent encoded words, each cut inside a character (``=?utf-8?B?544=?=
=?utf-8?B?5bCP5g==?=``: two bytes of 王, then 小 and one byte of 明), are read in their
declared charset with each lost character marked (U+FFFD) and the name flagged, never re-read
by charset detection as another script ("邇蟆乗"). RFC 2047 §6.2 joins the words' bytes; a cut
at a word end that the next word does not complete is a cut."""

import base64
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReviewFlag
from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.services.intake.header_text import decode_encoded_words
from app.services.intake.headers import parse_sender, sender_name_damaged
from app.store import Database

LOST = "\ufffd"


def _word(data: bytes, charset: str, encoding: str) -> str:
    """One encoded word of ``data`` in base64 (``b``) or quoted-printable (``q``)."""
    if encoding == "b":
        return f"=?{charset}?b?{base64.b64encode(data).decode('ascii')}?="
    return f"=?{charset}?q?{''.join(f'={byte:02X}' for byte in data)}?="


# (charset, first word's text, second word's text): each name in a charset a Chinese,
# Taiwanese or Japanese mailbox declares. Cutting drops the last byte of a word:
#   UTF-8 王 E7 8E|95, 小 E5 B0 8F, 明 E6 98|8E; Big5 陳 B3|AF, 美 AC FC, 玲 AC|EC;
#   Shift_JIS 田 93|63, 中 92 86, 太 91|BE; GB18030 张 D5 C5, 三 C8|FD, 李 C0 EE, 四 CB C4.
NAMES = [
    ("utf-8", "王", "小明"),
    ("big5", "陳", "美玲"),
    ("shift_jis", "田", "中太"),
    ("gb18030", "张三", "李四"),
]


@pytest.mark.parametrize("encoding", ["b", "q"])
@pytest.mark.parametrize(("charset", "first", "second"), NAMES)
def test_a_cut_in_the_first_word_loses_its_character_only(
    charset: str, first: str, second: str, encoding: str
) -> None:
    cut = _word(first.encode(charset)[:-1], charset, encoding)
    value = f"{cut} {_word(second.encode(charset), charset, encoding)} <p@example.cn>"
    # The first word's last character is lost; the second word is read whole.
    assert decode_encoded_words(value) == f"{first[:-1]}{LOST}{second} <p@example.cn>"
    assert parse_sender(value)[0] == first[:-1] + second
    assert sender_name_damaged(value)


@pytest.mark.parametrize("encoding", ["b", "q"])
@pytest.mark.parametrize(("charset", "first", "second"), NAMES)
def test_a_cut_in_the_second_word_loses_its_character_only(
    charset: str, first: str, second: str, encoding: str
) -> None:
    whole = _word(first.encode(charset), charset, encoding)
    value = f"{whole} {_word(second.encode(charset)[:-1], charset, encoding)}"
    assert decode_encoded_words(value) == f"{first}{second[:-1]}{LOST}"
    assert sender_name_damaged(f"{value} <p@example.cn>")


@pytest.mark.parametrize("encoding", ["b", "q"])
@pytest.mark.parametrize(("charset", "first", "second"), NAMES[:3])
def test_both_words_cut_keep_the_whole_characters_between(
    charset: str, first: str, second: str, encoding: str
) -> None:
    cuts = [_word(text.encode(charset)[:-1], charset, encoding) for text in (first, second)]
    value = f"{cuts[0]} {cuts[1]}"
    # 王 lost, 小 kept, 明 lost (likewise 美, 中): the QA19 sample's "\ufffd小\ufffd".
    assert decode_encoded_words(value) == f"{first[:-1]}{LOST}{second[:-1]}{LOST}"
    assert sender_name_damaged(f"{value} <p@example.cn>")


def test_the_qa_sample_imports_as_xiao_and_is_flagged(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "m3_two_cut.eml"
    path.write_bytes(
        b"From: =?utf-8?B?544=?= =?utf-8?B?5bCP5g==?= <p3@example.cn>\r\n"
        b"To: privacy@xuyun.example\r\nDate: Fri, 20 Nov 2026 10:00:00 +0800\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + "您好，我申请查阅我的个人信息。".encode()
    )
    stamp = datetime(2026, 11, 20, 2, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    import_paths(database.session, [path], load_rule_book())
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.subject is not None and case.subject.display_name == "小"
        assert ReviewFlag.NAME_DAMAGED.value in case.review_flags
