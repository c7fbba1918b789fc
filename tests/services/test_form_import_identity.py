"""Whom a web-form row is filed under: its e-mail address decides as a mail's sender does; a
phone number or account ID another data subject holds is a claim for identity verification
(GB/T 35273-2020 §8.7, PIPL Art. 50), flagged, never a reason to file the row under that
subject, unless the row, giving no address, bears the holder's name."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject
from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.form_import import import_form_requests
from app.services.importing import ImportOutcome
from app.services.intake import propose_mapping, read_form_export
from app.store import Database

QUOTED = ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT.value
HEADER = "姓名,邮箱,手机,账号ID,请求类型,说明,提交时间"
LI, OTHER = "li.na@example.cn", "other@example.cn"
ZHANG = "张三,zhang.san@example.com,13800138000,uid-10001,删除,,2026-03-02 09:30"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _import(
    database: Database, rule_book: RuleBook, tmp_path: Path, rows: list[str], encoding: str
) -> list[Case]:
    path = tmp_path / f"form-{len(list(tmp_path.iterdir()))}.csv"
    path.write_bytes("\r\n".join([HEADER, *rows]).encode(encoding) + b"\r\n")
    export = read_form_export(path)
    mapping = propose_mapping(export.headers)
    report = import_form_requests(
        database.session, export, mapping, rule_book, source_name=path.name
    )
    assert report.count(ImportOutcome.IMPORTED) == len(rows)
    with database.session() as session:
        references = [result.reference for result in report.results]
        cases = session.scalars(select(Case).where(Case.reference.in_(references))).all()
        session.expunge_all()
    return sorted(cases, key=lambda case: case.id)


def _zhang(database: Database, rule_book: RuleBook, tmp_path: Path) -> Case:
    (case,) = _import(database, rule_book, tmp_path, [ZHANG], "utf-8")
    return case


def _held(session: Session, subject_id: int | None) -> set[tuple[str, str]]:
    subject = session.get(DataSubject, subject_id)
    assert subject is not None
    return {(i.kind.value, i.value) for i in subject.identifiers}


ZHANG_HOLDS = {
    ("email", "zhang.san@example.com"),
    ("phone", "13800138000"),
    ("account_id", "uid-10001"),
}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
@pytest.mark.parametrize(
    ("row", "kept_identifiers"),
    [
        # Another address quoting Zhang's account ID: their own subject, the ID stays Zhang's.
        ("李娜,li.na@example.cn,,uid-10001,查阅,,2026-03-04 10:00", {("email", LI)}),
        # Zhang's own name but another address: the address shows another person's mailbox.
        ("张三,other@example.cn,+86 138 0013 8000,,删除,,2026-03-04 10:00", {("email", OTHER)}),
        # Zhang's name and phone, and an e-mail cell that is no address: not Zhang's address.
        ("张三,zhang.san(at)example.com,13800138000,,删除,,2026-03-04 10:00", None),
        # No address, another name, Zhang's phone in another spelling.
        ("王五,,0086-138-0013-8000,,删除,,2026-03-04 10:00", None),
    ],
)  # fmt: skip
def test_a_row_quoting_another_subjects_number_is_not_filed_under_them(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    encoding: str,
    row: str,
    kept_identifiers: set[tuple[str, str]] | None,
) -> None:
    zhang = _zhang(database, rule_book, tmp_path)
    (case,) = _import(database, rule_book, tmp_path, [row], encoding)
    assert case.subject_id is not None and case.subject_id != zhang.subject_id
    assert QUOTED in case.review_flags
    assert case.duplicate_of_id is None
    with database.session() as session:
        assert _held(session, zhang.subject_id) == ZHANG_HOLDS
        name = row.split(",")[0]
        subject = session.get(DataSubject, case.subject_id)
        assert subject is not None and subject.display_name == name
        assert _held(session, case.subject_id) == (kept_identifiers or set())


def test_a_number_alone_files_the_row_under_nobody(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    zhang = _zhang(database, rule_book, tmp_path)
    alone = [",,138 0013 8000,,删除,,2026-03-04 10:00", ",,,uid-10001,查阅,,2026-03-04 11:00"]
    cases = _import(database, rule_book, tmp_path, alone, "utf-8")
    for case in cases:
        assert case.subject_id is None
        assert QUOTED in case.review_flags
    with database.session() as session:
        assert _held(session, zhang.subject_id) == ZHANG_HOLDS
        assert len(session.scalars(select(DataSubject)).all()) == 1


@pytest.mark.parametrize(
    "name",
    [
        "张三",
        "张 三",
        "\u202e张三\u200b",  # a bidi override and a zero-width space pasted with the name
    ],
)
def test_without_an_address_the_holders_name_with_their_number_finds_them(
    database: Database, rule_book: RuleBook, tmp_path: Path, name: str
) -> None:
    zhang = _zhang(database, rule_book, tmp_path)
    row = f"{name},,,uid-10001,查阅,,2026-03-04 10:00"
    (case,) = _import(database, rule_book, tmp_path, [row], "utf-8")
    assert case.subject_id == zhang.subject_id
    assert QUOTED not in case.review_flags


def test_the_holders_name_with_one_number_does_not_claim_another_subjects_other_number(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    zhang = _zhang(database, rule_book, tmp_path)
    (li,) = _import(
        database,
        rule_book,
        tmp_path,
        ["李娜,li.na@example.cn,,u-li,查阅,,2026-03-03 10:00"],
        "utf-8",
    )
    row = "张三,,13800138000,u-li,更正,,2026-03-04 10:00"
    (case,) = _import(database, rule_book, tmp_path, [row], "utf-8")
    assert case.subject_id == zhang.subject_id
    assert QUOTED in case.review_flags
    with database.session() as session:
        assert _held(session, zhang.subject_id) == ZHANG_HOLDS
        assert _held(session, li.subject_id) == {
            ("email", "li.na@example.cn"),
            ("account_id", "u-li"),
        }


def test_a_row_with_the_holders_address_and_numbers_raises_no_flag(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    zhang = _zhang(database, rule_book, tmp_path)
    row = "张三,ZHANG.SAN@EXAMPLE.COM,+8613800138000,uid-10001,查阅,,2026-03-04 10:00"
    (case,) = _import(database, rule_book, tmp_path, [row], "utf-8")
    assert case.subject_id == zhang.subject_id
    assert QUOTED not in case.review_flags
