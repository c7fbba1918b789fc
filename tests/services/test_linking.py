"""A second request of the same kind from the same subject is flagged; a reminder is linked."""

from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.store import Database


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eml(folder: Path, name: str, subject: str, body: str, message_id: str) -> Path:
    message = EmailMessage()
    message["From"] = "Zhang San <zhang.san@example.com>"
    message["To"] = "privacy@xuyun.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Nov 2026 09:30:00 +0800"
    message["Message-ID"] = message_id
    message.set_content(body)
    path = folder / name
    path.write_bytes(bytes(message))
    return path


def test_same_kind_again_is_flagged_and_a_reminder_is_linked(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    first = _eml(
        tmp_path, "a.eml", "申请删除个人信息", "我申请删除我的个人信息。", "<a@example.com>"
    )
    second = _eml(
        tmp_path, "b.eml", "再次申请删除个人信息", "我申请删除我的个人信息。", "<b@example.com>"
    )
    reminder = _eml(
        tmp_path,
        "c.eml",
        "催办：删除申请",
        "我上个月提出的删除申请至今未处理，请尽快答复。催办。",
        "<c@example.com>",
    )
    import_paths(database.session, [first, second, reminder], rule_book)
    with database.session() as session:
        a, b, c = session.scalars(select(Case).order_by(Case.id)).all()
        assert (a.kind, b.kind, c.kind) == (CaseKind.DELETION, CaseKind.DELETION, CaseKind.REMINDER)
        assert ReviewFlag.POSSIBLE_DUPLICATE.value in b.review_flags
        assert (
            b.duplicate_of_id == a.id and ReviewFlag.POSSIBLE_DUPLICATE.value not in a.review_flags
        )
        assert c.related_case_id == b.id
        assert ReviewFlag.UNLINKED_REMINDER.value not in c.review_flags
        chased = session.scalars(select(Event).where(Event.action == "reminder.received")).one()
        assert chased.case_id == b.id


def test_the_same_account_id_from_another_address_is_another_subject_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    first = _eml(
        tmp_path,
        "a.eml",
        "申请查阅个人信息",
        "我申请查阅我的个人信息。\n账号ID：u10086\n联系电话：138 0000 0000",
        "<p@example.com>",
    )
    second = tmp_path / "b.eml"
    second.write_bytes(
        first.read_bytes()
        .replace(b"zhang.san@example.com", b"zs.other@example.net")
        .replace(b"<p@example.com>", b"<q@example.com>")
    )
    import_paths(database.session, [first, second], rule_book)
    with database.session() as session:
        a, b = session.scalars(select(Case).order_by(Case.id)).all()
        # An account ID or phone quoted in a letter is a claim for identity verification to
        # check (GB/T 35273-2020 §8.7), not proof: only the sender's address matches.
        assert a.subject_id != b.subject_id
        assert a.subject is not None and b.subject is not None
        held = {(i.kind.value, i.value) for i in a.subject.identifiers}
        assert held == {
            ("email", "zhang.san@example.com"),
            ("account_id", "u10086"),
            ("phone", "13800000000"),
        }
        assert [(i.kind.value, i.value) for i in b.subject.identifiers] == [
            ("email", "zs.other@example.net")
        ]
        assert ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT.value in b.review_flags
        assert ReviewFlag.POSSIBLE_DUPLICATE.value not in b.review_flags
