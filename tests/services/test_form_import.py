"""Web-form rows as cases: one transaction per row, the row kept as the original, the requester
matched by e-mail (by phone or account ID only with the holder's name), idempotent re-import,
and receipt fallbacks flagged."""

import hashlib
import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DatabaseLockedError
from app.models import Case
from app.models.enums import CaseKind, Channel, ReceivedAtSource, ReviewFlag
from app.models.subject import IdentifierKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.form_import import import_form_requests
from app.services.importing import ImportOutcome, ImportReport
from app.services.intake import ColumnMapping, propose_mapping, read_form_export
from app.store import Database

HEADER = "姓名,邮箱,手机,账号ID,请求类型,说明,提交时间"
ZHANG = "张三,zhang.san@Example.COM,138 0013 8000,uid-10001,删除,请删除我的信息,2026-03-02 09:30:00"
# 2026-03-02 09:30 Beijing time (UTC+8) is 01:30 UTC.
ZHANG_RECEIVED = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
# PIPL Art. 50 / CN rule: 15 working days after the day of receipt (Mon 2 March 2026); no
# holiday in March 2026: 3-6, 9-13, 16-20 March are 14 days, the 15th is Mon 23 March.
ZHANG_DUE = date(2026, 3, 23)
EXPORT_TIME = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _csv(tmp_path: Path, name: str, lines: list[str], *, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join([HEADER, *lines]).encode(encoding) + b"\r\n")
    return path


def _import(
    database: Database,
    rule_book: RuleBook,
    path: Path,
    mapping: ColumnMapping | None = None,
) -> ImportReport:
    export = read_form_export(path)
    return import_form_requests(
        database.session,
        export,
        mapping or propose_mapping(export.headers),
        rule_book,
        source_name=path.name,
        file_time=EXPORT_TIME,
    )


def _case(session: Session, reference: str | None) -> Case:
    case = session.scalar(select(Case).where(Case.reference == reference))
    assert case is not None
    return case


def test_a_row_becomes_a_web_form_case_with_the_row_as_its_original(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    report = _import(database, rule_book, _csv(tmp_path, "form.csv", [ZHANG]))
    (result,) = report.results
    assert result.outcome == ImportOutcome.IMPORTED
    assert result.file_name == "form.csv row 2"
    assert result.flags == ()
    with database.session() as session:
        case = _case(session, result.reference)
        assert case.kind == CaseKind.DELETION
        assert case.channel == Channel.WEB_FORM
        assert case.jurisdiction == "CN"
        assert case.received_at == ZHANG_RECEIVED
        assert case.received_at_source == ReceivedAtSource.ENTERED
        assert case.due_date == ZHANG_DUE
        assert case.subject_line == "删除"
        assert case.triage_reasons[0] == {
            "field": "kind",
            "signal": "form_field",
            "evidence": "请求类型: 删除",
        }
        assert case.subject is not None
        assert case.subject.display_name == "张三"
        assert {(i.kind, i.value) for i in case.subject.identifiers} == {
            (IdentifierKind.EMAIL, "zhang.san@example.com"),
            (IdentifierKind.PHONE, "13800138000"),
            (IdentifierKind.ACCOUNT_ID, "uid-10001"),
        }
        (original,) = case.attachments
        expected = f"{HEADER}\r\n{ZHANG}\r\n".encode()
        assert original.content == expected
        assert original.media_type == "text/csv"
        assert original.file_name == "form-row2.csv"
        assert original.sha256 == hashlib.sha256(expected).hexdigest()


def test_reimport_and_the_gbk_export_of_the_same_rows_are_duplicates(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    other = "王五,wang.wu@example.com,,,注销账号,,2026-03-03 10:00"
    first = _import(database, rule_book, _csv(tmp_path, "week1.csv", [ZHANG, other]))
    again = _import(database, rule_book, _csv(tmp_path, "week1.csv", [ZHANG, other]))
    gbk = _import(database, rule_book, _csv(tmp_path, "week2.csv", [ZHANG, other], encoding="gbk"))
    assert first.count(ImportOutcome.IMPORTED) == 2
    for report in (again, gbk):
        assert [r.outcome for r in report.results] == [ImportOutcome.DUPLICATE] * 2
        assert [r.reference for r in report.results] == [r.reference for r in first.results]
    with database.session() as session:
        assert len(session.scalars(select(Case)).all()) == 2


def test_a_row_is_matched_by_its_address_or_by_a_number_with_the_holders_name(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    _import(database, rule_book, _csv(tmp_path, "a.csv", [ZHANG]))
    by_address = "张三,Zhang.San@example.com,,,查阅,,2026-03-04 09:00"
    by_phone_and_name = "张 三,,+86 138-0013-8000,,删除,再次申请删除,2026-03-04 10:00"
    report = _import(database, rule_book, _csv(tmp_path, "b.csv", [by_address, by_phone_and_name]))
    with database.session() as session:
        first = session.scalars(select(Case).order_by(Case.id)).first()
        assert first is not None
        address_case = _case(session, report.results[0].reference)
        phone_case = _case(session, report.results[1].reference)
        assert address_case.subject_id == first.subject_id == phone_case.subject_id
        # "+86 138-0013-8000" is the same mainland mobile number as "138 0013 8000", and
        # "张 三" the same name as "张三"; a second deletion while one is open is flagged.
        assert phone_case.duplicate_of_id == first.id
        assert ReviewFlag.POSSIBLE_DUPLICATE.value in phone_case.review_flags
        assert address_case.kind == CaseKind.ACCESS
        assert address_case.duplicate_of_id is None
        for case in (address_case, phone_case):
            assert ReviewFlag.QUOTED_ID_OF_OTHER_SUBJECT.value not in case.review_flags


def test_missing_and_unparsable_times_fall_back_to_the_export_time_and_are_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    missing = "李四,li.si@example.com,,,更正,,"
    unparsable = "赵六,zhao.liu@example.com,,,查阅,,yesterday"
    report = _import(database, rule_book, _csv(tmp_path, "t.csv", [missing, unparsable]))
    assert [r.flags for r in report.results] == [
        (ReviewFlag.MISSING_DATE,),
        (ReviewFlag.UNPARSABLE_DATE,),
    ]
    with database.session() as session:
        for result in report.results:
            case = _case(session, result.reference)
            assert case.received_at == EXPORT_TIME
            assert case.received_at_source == ReceivedAtSource.FILE_TIME


def test_without_a_request_type_the_details_are_triaged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "no-type.csv"
    path.write_text(
        "Name,Email,Message,Submitted at\r\n"
        "Ana,ana@example.com,I request erasure of my personal data under Art. 17 GDPR.,"
        "2026-03-02T09:30:00+01:00\r\n"
        "Bob,bob@example.com,Hello there,2026-03-02T10:00:00Z\r\n",
        encoding="utf-8",
    )
    report = _import(database, rule_book, path)
    assert [r.kind for r in report.results] == [CaseKind.DELETION, CaseKind.OTHER]
    assert report.results[1].flags == (ReviewFlag.UNKNOWN_KIND,)
    with database.session() as session:
        case = _case(session, report.results[0].reference)
        assert case.jurisdiction == "EU"
        assert case.received_at == datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
        assert {"field": "kind", "signal": "statute_citation", "evidence": "Art. 17 GDPR"} in (
            case.triage_reasons
        )


def test_xlsx_rows_are_kept_as_json(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "手机", "请求类型", "提交时间"])
    sheet.append(["张三", 13800138000, "撤回同意", datetime(2026, 3, 2, 9, 30)])  # noqa: DTZ001 - a sheet cell is naive
    path = tmp_path / "form.xlsx"
    workbook.save(path)
    (result,) = _import(database, rule_book, path).results
    assert result.kind == CaseKind.CONSENT_WITHDRAWAL
    with database.session() as session:
        case = _case(session, result.reference)
        assert case.received_at == ZHANG_RECEIVED
        (original,) = case.attachments
        assert original.media_type == "application/json"
        assert json.loads(original.content) == {
            "姓名": "张三",
            "手机": "13800138000",
            "请求类型": "撤回同意",
            "提交时间": "2026-03-02 09:30:00",
        }


def test_a_bad_row_never_stops_the_rest_and_empty_rows_are_skipped(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    rows = [
        ZHANG,
        ",,,,,,",
        "王五,bad-address,,,注销账号,,2026-03-03 10:00",
        "X,x@example.com,,,删除,,",
    ]
    export = read_form_export(_csv(tmp_path, "f.csv", rows))
    calls = 0

    @contextmanager
    def locked_on_third_call() -> Iterator[Session]:
        # A fake source that fails like a locked database once: the 4th row's turn.
        nonlocal calls
        calls += 1
        if calls == 3:
            raise DatabaseLockedError("the database is locked")
        with database.session() as session:
            yield session

    def sessions() -> AbstractContextManager[Session]:
        return locked_on_third_call()

    report = import_form_requests(
        sessions, export, propose_mapping(export.headers), rule_book, source_name="f.csv"
    )
    assert [r.outcome for r in report.results] == [
        ImportOutcome.IMPORTED,
        ImportOutcome.SKIPPED,
        ImportOutcome.IMPORTED,
        ImportOutcome.FAILED,
    ]
    assert report.results[1].problem == "empty row"
    assert report.results[2].problem == "bad_email"
    assert report.results[2].flags == (ReviewFlag.UNKNOWN_REQUESTER,)
    assert report.results[3].problem == "the database is locked"


def test_cancel_stops_before_the_next_row(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    other = "王五,wang.wu@example.com,,,注销账号,,2026-03-03 10:00"
    export = read_form_export(_csv(tmp_path, "f.csv", [ZHANG, other]))
    done: list[tuple[int, int]] = []
    report = import_form_requests(
        database.session,
        export,
        propose_mapping(export.headers),
        rule_book,
        source_name="f.csv",
        progress=lambda n, total: done.append((n, total)),
        should_cancel=lambda: bool(done),
    )
    assert report.cancelled
    assert done == [(1, 2)]
    assert report.count(ImportOutcome.IMPORTED) == 1
