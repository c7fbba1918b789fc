"""Whom an imported message is about: the sender its address proves, never the data subject
holding an account ID or phone number the letter quotes (a claim for identity verification,
GB/T 35273-2020 §8.7, PIPL Art. 50); and a requester's name too long to keep whole."""

from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, DataSubject, Event, IdentifierKind
from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database

QUOTED = ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT.value


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eml(folder: Path, name: str, sender: str, body: str) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "privacy@example.cn"
    message["Subject"] = "删除个人信息"
    message["Date"] = "Sun, 22 Nov 2026 10:00:00 +0800"
    message["Message-ID"] = f"<{name}@example.cn>"
    message.set_content(body)
    path = folder / name
    path.write_bytes(bytes(message))
    return path


def _held(subject: DataSubject | None) -> set[tuple[str, str]]:
    assert subject is not None
    return {(i.kind.value, i.value) for i in subject.identifiers}


def _cases(database: Database, paths: list[Path], rule_book: RuleBook) -> None:
    report = import_paths(database.session, paths, rule_book)
    assert report.count(ImportOutcome.IMPORTED) == len(paths)


DELETE = "根据《个人信息保护法》第四十七条，请删除我的个人信息。\n我的账号：user123\n"


def test_another_sender_quoting_a_known_account_id_is_their_own_subject_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    first = _eml(tmp_path, "m1.eml", "王芳 <wang.fang@example.cn>", DELETE + "王芳\n")
    second = _eml(tmp_path, "m2.eml", "李娜 <li.na@example.cn>", DELETE + "李娜\n")
    _cases(database, [first, second], rule_book)
    with database.session() as session:
        a, b = session.scalars(select(Case).order_by(Case.id)).all()
        assert a.subject is not None and a.subject.display_name == "王芳"
        assert _held(a.subject) == {("email", "wang.fang@example.cn"), ("account_id", "user123")}
        assert b.subject is not None and b.subject.display_name == "李娜"
        assert b.subject_id != a.subject_id
        # One identifier, one subject: the account stays with 王芳, the claim on 李娜's case.
        assert _held(b.subject) == {("email", "li.na@example.cn")}
        assert {"field": "requester", "signal": "body_label", "evidence": "user123"} in (
            b.triage_reasons
        )
        assert QUOTED in b.review_flags and QUOTED not in a.review_flags
        assert ReviewFlag.POSSIBLE_DUPLICATE.value not in b.review_flags
        assert b.duplicate_of_id is None


def test_a_known_sender_quoting_another_subjects_phone_stays_the_sender(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    own = _eml(
        tmp_path, "1.eml", "张三 <zs@example.cn>", "请删除我的个人信息。\n手机：13800138000\n"
    )
    other = _eml(tmp_path, "2.eml", "王五 <ww@example.cn>", "请提供我的个人信息副本。\n")
    again = _eml(
        tmp_path, "3.eml", "王五 <ww@example.cn>", "请查阅我的个人信息。\n手机：+86 138 0013 8000\n"
    )
    _cases(database, [own, other, again], rule_book)
    with database.session() as session:
        first, second, third = session.scalars(select(Case).order_by(Case.id)).all()
        assert third.subject_id == second.subject_id != first.subject_id
        assert _held(first.subject) == {("email", "zs@example.cn"), ("phone", "13800138000")}
        assert _held(third.subject) == {("email", "ww@example.cn")}
        assert QUOTED in third.review_flags


def test_quoting_ones_own_account_id_again_raises_no_flag(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    first = _eml(tmp_path, "a.eml", "王芳 <wang.fang@example.cn>", DELETE)
    second = _eml(
        tmp_path,
        "b.eml",
        "王芳 <wang.fang@example.cn>",
        "请查阅我的个人信息。\n我的账号：user123\n",
    )
    _cases(database, [first, second], rule_book)
    with database.session() as session:
        a, b = session.scalars(select(Case).order_by(Case.id)).all()
        assert a.subject_id == b.subject_id
        assert QUOTED not in a.review_flags + b.review_flags


@pytest.mark.parametrize(("length", "shortened"), [(250, True), (200, False)])
def test_a_name_over_the_limit_is_kept_shortened_and_the_cut_is_audited(
    database: Database, rule_book: RuleBook, tmp_path: Path, length: int, shortened: bool
) -> None:
    name = ("Ab" * length)[:length]
    path = _eml(tmp_path, "long.eml", f'"{name}" <long@example.com>', DELETE)
    _cases(database, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.subject is not None and case.subject.display_name == name[:200]
        events = session.scalars(select(Event).where(Event.action == "subject.name_shortened"))
        payloads = [(e.case_id, e.payload) for e in events]
        expected = [(case.id, {"name_length": length, "kept_length": 200})]
        assert payloads == (expected if shortened else [])
        assert case.subject.identifier(IdentifierKind.EMAIL) == "long@example.com"
        assert (ReviewFlag.NAME_SHORTENED.value in case.review_flags) is shortened


def test_a_name_over_the_limit_is_flagged_for_a_known_sender_too(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    first = _eml(tmp_path, "first.eml", '"Li" <li@example.com>', DELETE)
    name = "李" * 201  # 201 characters: one more than a name field holds
    second = _eml(tmp_path, "second.eml", f'"{name}" <li@example.com>', DELETE + "再次申请。")
    _cases(database, [first, second], rule_book)
    with database.session() as session:
        flagged = [
            ReviewFlag.NAME_SHORTENED.value in case.review_flags
            for case in session.scalars(select(Case).order_by(Case.id))
        ]
        assert flagged == [False, True]
