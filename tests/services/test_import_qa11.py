"""QA11 intake defects, imported and shown: a message with a stray NUL byte (in its body or in
an attachment's file name) is imported flagged and its case opens, its stored original kept as
received (D1); invisible characters in the sender's address are removed and flagged, so the
case is filed under the address mail reaches (D8); a From: with several addresses is flagged
(D10)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, DataSubject
from app.models.enums import AttachmentKind, ReviewFlag
from app.models.subject import IdentifierKind
from app.services.case_queries import case_detail
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database
from tests.services.intake.msg_builder import build_msg

TODAY = date(2026, 11, 30)
# QA11's h46-nul-in-body.eml: a plain text mail whose body holds one NUL byte.
NUL_IN_BODY = (
    b"From: Nul Body <nul.body@example.com>\r\nSubject: Deletion request\r\n"
    b"Date: Mon, 16 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"\r\nPlease delete my personal data.\x00 Thanks, Nul Body\r\n"
)
# QA11's h24-attach-names.eml, shortened: a NUL in an attachment's file name.
NUL_IN_FILE_NAME = (
    b"From: Att Acker <att@example.com>\r\nSubject: ID copy for my deletion request\r\n"
    b"Date: Mon, 16 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: multipart/mixed; boundary=BOUND\r\n\r\n"
    b"--BOUND\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Please delete my data. ID attached.\r\n"
    b'--BOUND\r\nContent-Type: application/octet-stream; name="a\x00b.pdf"\r\n'
    b'Content-Disposition: attachment; filename="a\x00b.pdf"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\nSEVMTE8=\r\n--BOUND--\r\n"
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _mail(sender: str, *, subject: str = "Deletion request") -> bytes:
    head = (
        f"From: {sender}\r\nSubject: {subject}\r\nDate: Mon, 16 Nov 2026 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return (head + "请删除我的个人信息。\r\n").encode("utf-8")


def _import(database: Database, rule_book: RuleBook, path: Path, raw: bytes) -> str:
    path.write_bytes(raw)
    report = import_paths(database.session, [path], rule_book)
    assert [r.outcome for r in report.results] == [ImportOutcome.IMPORTED]
    reference = report.results[0].reference
    assert reference is not None
    return reference


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (NUL_IN_BODY, "Please delete my personal data. Thanks, Nul Body"),
        (NUL_IN_FILE_NAME, "Please delete my data. ID attached."),
    ],
)
def test_a_message_with_a_nul_byte_is_imported_flagged_and_its_case_opens(
    database: Database, rule_book: RuleBook, tmp_path: Path, raw: bytes, text: str
) -> None:
    reference = _import(database, rule_book, tmp_path / "nul.eml", raw)
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=TODAY)
        case = session.scalars(select(Case)).one()
        original = next(a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE)
        # Kept as received, NUL and all; shown without it.
        assert original.content == raw
        assert ReviewFlag.STRAY_NUL_BYTES.value in case.review_flags
    assert detail.message_text.strip() == text


def test_an_outlook_item_s_case_shows_its_text(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The same rule reads it for display as for import: the mail parser alone refused it.
    headers = "From: Li Na <li.na@example.cn>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0800\r\n\r\n"
    body = "请删除我的个人信息。"
    raw = build_msg({"0037": "删除申请", "007D": headers, "1000": body})
    reference = _import(database, rule_book, tmp_path / "item.msg", raw)
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=TODAY)
    assert detail.message_text.strip() == body


def _requester(database: Database, reference: str) -> tuple[str | None, list[str]]:
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        subject = session.get(DataSubject, case.subject_id)
        assert subject is not None
        return subject.identifier(IdentifierKind.EMAIL), list(case.review_flags)


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad"],
)
def test_invisible_characters_leave_the_sender_s_address_and_flag_the_case(
    database: Database, rule_book: RuleBook, tmp_path: Path, invisible: str
) -> None:
    sender = f"Zhang San <zhang{invisible}.san@Example.CN>"
    reference = _import(database, rule_book, tmp_path / "zw.eml", _mail(sender))
    email, flags = _requester(database, reference)
    assert email == "zhang.san@example.cn"
    assert ReviewFlag.ADDRESS_INVISIBLES.value in flags
    # The clean address's next mail is the same person's.
    clean = _import(
        database, rule_book, tmp_path / "clean.eml", _mail("zhang.san@example.cn", subject="x")
    )
    with database.session() as session:
        subjects = session.scalars(select(Case.subject_id).order_by(Case.id)).all()
    assert len(set(subjects)) == 1
    assert ReviewFlag.ADDRESS_INVISIBLES.value not in _requester(database, clean)[1]


def test_several_from_addresses_keep_the_first_as_requester_and_flag_the_case(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    sender = "A One <a1@example.com>, B Two <b2@example.com>"
    reference = _import(database, rule_book, tmp_path / "two.eml", _mail(sender))
    email, flags = _requester(database, reference)
    assert email == "a1@example.com"
    assert ReviewFlag.SEVERAL_SENDERS.value in flags
    one = _import(
        database, rule_book, tmp_path / "one.eml", _mail("A One <a1@example.com>", subject="y")
    )
    assert ReviewFlag.SEVERAL_SENDERS.value not in _requester(database, one)[1]
