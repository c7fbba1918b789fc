"""QA13 intake defects, imported: ISO-2022-KR and GBK-under-Latin-1 mail triaged on its real
text, a From: without a mailbox (Sender: stands in, flagged; else no requester and no letter),
two From: lines and an Outlook item's doubts flagged as an .eml file's are."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import PrivacyDeskError
from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.models.subject import IdentifierKind
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.services.intake.files import stored_message_text
from app.services.letters import generate_letter
from app.store import Database
from tests.services.intake.msg_builder import build_msg

KOREAN = "개인정보 삭제를 요청합니다. 계정 ID: kim.soo_99\n김수"
GBK_REQUEST = "您好，我申请删除我在贵公司的全部个人信息，账号：wang_88231。王小明"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _mail(folder: Path, name: str, head: str, body: bytes) -> Path:
    path = folder / name
    path.write_bytes(head.replace("\n", "\r\n").encode("ascii") + b"\r\n" + body)
    return path


def _import_one(database: Database, rule_book: RuleBook, path: Path) -> Case:
    """The case imported from ``path``, its subject and identifiers loaded."""
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        if case.subject is not None:
            _ = list(case.subject.identifiers)
        session.expunge_all()
        return case


@pytest.mark.parametrize("label", ["us-ascii", "iso-2022-kr"])
def test_iso_2022_kr_mail_is_a_korean_deletion_request(
    database: Database, rule_book: RuleBook, tmp_path: Path, label: str
) -> None:
    head = (
        "From: kim@example.kr\nSubject: delete\nDate: Mon, 23 Nov 2026 10:00:00 +0900\n"
        f"Content-Type: text/plain; charset={label}\nMIME-Version: 1.0\n"
    )
    case = _import_one(
        database, rule_book, _mail(tmp_path, "k.eml", head, KOREAN.encode("iso2022_kr"))
    )
    assert (case.kind, case.jurisdiction) == (CaseKind.DELETION, "KR")
    # PIPA art. 36, Decree art. 43(3): 10 days from the day after receipt (Mon 23 Nov, Seoul).
    assert case.due_date == date(2026, 12, 3)
    assert ReviewFlag.STRAY_NUL_BYTES.value not in case.review_flags
    assert (ReviewFlag.CHARSET_MISMATCH.value in case.review_flags) is (label == "us-ascii")


def test_gbk_mail_labelled_latin_1_is_read_as_chinese_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    head = (
        "From: wangxm2@example.cn\nSubject: request\nDate: Mon, 23 Nov 2026 10:00:00 +0800\n"
        "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n"
    )
    path = _mail(tmp_path, "m.eml", head, GBK_REQUEST.encode("gbk"))
    case = _import_one(database, rule_book, path)
    assert (case.kind, case.jurisdiction) == (CaseKind.DELETION, "CN")
    assert ReviewFlag.CHARSET_MISMATCH.value in case.review_flags
    assert stored_message_text(path.read_bytes()) == GBK_REQUEST


def _erasure(sender_lines: str) -> bytes:
    return (
        f"{sender_lines}Subject: Erasure request\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
        "\r\nPlease delete all my personal data under GDPR Article 17.\r\n"
    ).encode()


def test_an_empty_from_group_gives_way_to_sender_with_a_flag(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "f2.eml"
    path.write_bytes(_erasure("From: undisclosed-recipients:;\r\nSender: carol@example.com\r\n"))
    case = _import_one(database, rule_book, path)
    assert case.subject is not None
    assert case.subject.display_name != "undisclosed-recipients:;"
    assert ReviewFlag.SENDER_NOT_IN_FROM.value in case.review_flags
    assert case.subject.identifier(IdentifierKind.EMAIL) == "carol@example.com"


def test_an_empty_from_group_alone_gives_no_requester_and_no_letter(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "g.eml"
    path.write_bytes(_erasure("From: undisclosed-recipients:;\r\n"))
    case = _import_one(database, rule_book, path)
    assert ReviewFlag.UNKNOWN_REQUESTER.value in case.review_flags
    assert case.subject is None or case.subject.display_name is None
    with database.session() as session, pytest.raises(PrivacyDeskError):
        generate_letter(
            session,
            case.reference,
            "acknowledgement",
            "en",
            renderer=render_case_letter,
            rule_book=load_rule_book(),
            issued_date=date(2026, 11, 30),
        )


def test_two_from_lines_are_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "f1.eml"
    path.write_bytes(
        _erasure("From: Alice A <alice@example.com>\r\nFrom: Bob B <bob@example.com>\r\n")
    )
    case = _import_one(database, rule_book, path)
    assert ReviewFlag.SEVERAL_SENDERS.value in case.review_flags


def test_an_outlook_item_is_flagged_as_an_eml_file_is(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "o1.msg"
    path.write_bytes(
        build_msg(
            {
                "0037": "删除",
                "0C1A": "孙\u200b悦",
                "0C1F": "sun\u200b.yue@exam\u2060ple.cn",
                "1000": "请删除我的个人信息。\x00孙悦",
            }
        )
    )
    case = _import_one(database, rule_book, path)
    for flag in ("address_invisibles", "name_invisibles", "stray_nul_bytes"):
        assert flag in case.review_flags
    assert stored_message_text(path.read_bytes()) == "请删除我的个人信息。孙悦"
