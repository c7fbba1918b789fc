"""QA18 F4: an RFC 2047 encoded word cut inside a character (``=?utf-8?q?=E5=BC=A0=E4=B8?=``:
张 and two of the three bytes of 三) is read in its declared charset up to the cut, never
re-read as a Greek or Latin code page; the requester's name keeps what was read, without the
lost character, and is flagged for a person to check. Imported through the real pipeline."""

import base64
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.services.intake.header_text import decode_encoded_words
from app.store import Database

BODY = "请删除我的个人信息，并注销我的账号。"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _cut_word(text: str, charset: str, encoding: str) -> str:
    """``text`` encoded in ``charset`` without its last byte (its last character cut), as one
    encoded word in base64 (``b``) or quoted-printable (``q``)."""
    data = text.encode(charset)[:-1]
    if encoding == "b":
        return f"=?{charset}?b?{base64.b64encode(data).decode('ascii')}?="
    return f"=?{charset}?q?{''.join(f'={byte:02X}' for byte in data)}?="


def _import(database: Database, rule_book: RuleBook, folder: Path, head: str) -> Case:
    path = folder / "cut.eml"
    path.write_bytes(
        (
            f"{head}To: privacy@xuyun.example\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode("ascii")
        + BODY.encode()
    )
    stamp = datetime(2026, 11, 30, 2, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        _ = case.subject
        session.expunge_all()
        return case


# (charset, encoding, name): the name 张三 (Traditional 張三, Korean 김철) cut inside its
# second character, in each charset a Chinese, Japanese or Korean mailbox declares.
CUT_NAMES = [
    ("utf-8", "q", "张三"),  # the QA18 sample: E5 BC A0 | E4 B8 (AD cut)
    ("utf-8", "b", "张三"),
    ("gb18030", "b", "张三"),  # D5 C5 | C8 (FD cut)
    ("gb2312", "q", "张三"),
    ("big5", "b", "張三"),  # B1 69 | A4 (54 cut)
    ("shift_jis", "b", "張三"),  # 92 A3 | 8E (4F cut)
    ("euc-kr", "q", "김철"),  # B1 E8 | C3 (B6 cut)
]


@pytest.mark.parametrize(("charset", "encoding", "name"), CUT_NAMES)
def test_a_name_cut_inside_a_character_keeps_what_its_charset_reads_and_is_flagged(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    charset: str,
    encoding: str,
    name: str,
) -> None:
    word = _cut_word(name, charset, encoding)
    case = _import(database, rule_book, tmp_path, f"From: {word} <broken@example.cn>\r\n")
    assert case.subject is not None
    assert case.subject.display_name == name[0]  # the first character; the cut one left out
    assert ReviewFlag.NAME_DAMAGED.value in case.review_flags
    assert ReviewFlag.NAME_INVISIBLES.value not in case.review_flags


def test_a_whole_name_is_not_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    word = "=?utf-8?q?=E5=BC=A0=E4=B8=89?="  # 张三, whole
    case = _import(database, rule_book, tmp_path, f"From: {word} <zhang@example.cn>\r\n")
    assert case.subject is not None and case.subject.display_name == "张三"
    assert ReviewFlag.NAME_DAMAGED.value not in case.review_flags


@pytest.mark.parametrize(("charset", "encoding", "name"), CUT_NAMES)
def test_a_subject_cut_inside_a_character_shows_the_loss(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    charset: str,
    encoding: str,
    name: str,
) -> None:
    subject = f"Subject: Re: {_cut_word(name, charset, encoding)} request\r\n"
    case = _import(database, rule_book, tmp_path, f"From: a@example.cn\r\n{subject}")
    assert case.subject_line == f"Re: {name[0]}\ufffd request"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # Split inside a character across two words (RFC 2047 §6.2 joins them): not a cut.
        ("=?utf-8?q?=E5=BC?= =?utf-8?q?=A0?=", "张"),
        # A Latin label never fails: the bytes are read as detection says, as before.
        ("=?iso-8859-1?q?Zo=EB?=", "Zoë"),
        # A whole word followed by plain text: nothing is lost.
        ("=?big5?b?sWmkVA==?= Chen", "張三 Chen"),
    ],
)
def test_words_that_are_not_cut_read_as_before(value: str, text: str) -> None:
    assert decode_encoded_words(value) == text


@pytest.mark.parametrize(
    "word",
    [
        "=?utf-8?q?=E5=BC=A0=E4=B?=",  # QA20 N4: cut inside the escape of 三's second byte
        "=?utf-8?q?=E5=BC=A0=E4=?=",  # cut right after its "="
    ],
)
def test_a_name_cut_inside_a_q_escape_keeps_what_was_whole_and_is_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, word: str
) -> None:
    # The half escape was read as the text "=B" and the bytes re-read by detection as GBK:
    # the letter greeted "尊敬的寮犱=B：".
    case = _import(database, rule_book, tmp_path, f"From: {word} <broken@example.cn>\r\n")
    assert case.subject is not None and case.subject.display_name == "张"
    assert ReviewFlag.NAME_DAMAGED.value in case.review_flags
