"""Closed cases anonymised after the retention period: preview, run, certificate; the audit
chain still verifies and no personal data of an anonymised case is left in the database file.

Policy: 36 months after the closing date in Asia/Shanghai (company policy). Run on 2 May 2029:
- A closed 2026-05-01 16:30 UTC = 2 May 00:30 in Shanghai -> due 2029-05-02: anonymised.
- B closed 2026-05-02 16:30 UTC = 3 May in Shanghai -> due 2029-05-03: kept (one day early).
- C closed 2026-02-28 -> due 2029-02-28: anonymised.
- F closed 2026-03-15 -> due 2029-03-15: anonymised, but its subject has the open case G,
  so F is only unlinked from the subject.
- G open, verified 2026-01-06: its ID document is purged (0 days after verification).
- H open, not verified: its ID document is kept.
"""

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.models import Case, DataSubject, Event, Letter
from app.models.enums import CaseKind, CaseStatus
from app.reports import default_letterhead
from app.reports.retention_certificate import anonymisation_certificate_pdf, purge_certificate_pdf
from app.services.audit import verify_chain
from app.services.case_retention import (
    CaseRetentionPolicy,
    anonymise_closed_cases,
    preview_anonymisation,
    preview_id_documents,
)
from app.services.workflow.retention import HeldCategory, PurgeCertificate
from app.store import Database
from app.store.keys import RawKey
from tests.services.retention_factory import (
    HANDLER,
    case_with_personal_data,
    decrypted_pages,
    subject,
)
from tests.store.helpers import dump_tables

RUN_ON = date(2029, 5, 2)
POLICY = CaseRetentionPolicy()
A_NAME, A_EMAIL, A_PHONE = "张三丰", "zhang.sanfeng@example.com", "+8613800138000"
C_NAME, C_EMAIL = "Émilie O'Brien <b>&amp;", "emilie.obrien@example.fr"
B_NAME = "王五"
GONE = (A_NAME, A_EMAIL, A_PHONE, C_NAME, C_EMAIL)


@pytest.fixture
def cases(database: Database) -> dict[str, str]:
    """Create the cases of the module docstring; return their references by letter."""
    with database.session() as s:
        a = case_with_personal_data(
            s, subject(s, A_NAME, A_EMAIL, A_PHONE), closed_at=_utc(2026, 5, 1, 16, 30)
        )
        b = case_with_personal_data(
            s, subject(s, B_NAME, "wang.wu@example.com"), closed_at=_utc(2026, 5, 2, 16, 30)
        )
        c = case_with_personal_data(
            s, subject(s, C_NAME, C_EMAIL), kind=CaseKind.DELETION, closed_at=_utc(2026, 2, 28, 3)
        )
        shared = subject(s, "赵六", "zhao.liu@example.com")
        f = case_with_personal_data(s, shared, closed_at=_utc(2026, 3, 15, 3))
        g = case_with_personal_data(s, shared, closed_at=None, status=CaseStatus.IN_PROGRESS)
        h = case_with_personal_data(
            s,
            subject(s, "孙七", "sun.qi@example.com"),
            closed_at=None,
            verified=False,
            status=CaseStatus.IN_PROGRESS,
        )
        return {k: v.reference for k, v in zip("abcfgh", (a, b, c, f, g, h), strict=True)}


def _utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_the_preview_lists_due_cases_and_what_each_loses_and_changes_nothing(
    database: Database, cases: dict[str, str]
) -> None:
    with database.session() as session:
        events = session.scalar(select(func.count(Event.id)))
        preview = preview_anonymisation(session, RUN_ON, POLICY)
        documents = preview_id_documents(session, RUN_ON, POLICY)
        assert session.scalar(select(func.count(Event.id))) == events
    assert [(e.reference, e.closed_on, e.due_on) for e in preview] == [
        (cases["c"], date(2026, 2, 28), date(2029, 2, 28)),
        (cases["f"], date(2026, 3, 15), date(2029, 3, 15)),
        (cases["a"], date(2026, 5, 2), date(2029, 5, 2)),
    ]
    a = preview[2]
    assert (a.attachments, a.identifiers, a.notes, a.messages, a.letters, a.parties) == (
        2,
        2,
        1,
        1,
        1,
        1,
    )
    assert (preview[0].identifiers, preview[0].subject_shared) == (1, False)
    assert (preview[1].identifiers, preview[1].subject_shared) == (0, True)
    # B (closed, verified) and G (open, verified) lose their ID document; H is unverified.
    assert [(d.reference, d.documents, d.due_on) for d in documents] == [
        (cases["b"], 1, date(2026, 1, 6)),
        (cases["g"], 1, date(2026, 1, 6)),
    ]
    with database.session() as session:
        assert [e.reference for e in preview_anonymisation(session, date(2029, 5, 3), POLICY)][
            -1
        ] == cases["b"]


def test_anonymising_erases_personal_data_and_keeps_the_chain_and_earlier_events(
    database: Database, cases: dict[str, str]
) -> None:
    with database.session() as session:
        before = list(session.scalars(select(Event.hash).order_by(Event.id)))
        preview = preview_anonymisation(session, RUN_ON, POLICY)
        certificate = anonymise_closed_cases(session, RUN_ON, POLICY, HANDLER)
    assert [row.erasure for row in certificate.cases] == preview
    assert [d.reference for d in certificate.id_documents] == [cases["b"], cases["g"]]
    assert certificate.chain_ok and certificate.chain_events == len(before) + 3 + 2
    with database.session() as session:
        after = list(session.scalars(select(Event.hash).order_by(Event.id)))
        assert after[: len(before)] == before and after[-1] == certificate.chain_head
        assert verify_chain(session).ok
        actions = session.scalars(select(Event.action).where(Event.id > len(before)))
        assert list(actions) == ["case.anonymised"] * 3 + ["attachments.purged"] * 2
        a = _case(session, cases["a"])
        assert a.subject is not None and a.subject.display_name is None
        assert a.subject.identifiers == [] and a.purged_at is not None
        assert {(x.file_name, x.content) for x in a.attachments} == {("[anonymised]", b"")}
        letter = session.scalars(select(Letter).where(Letter.case_id == a.id)).one()
        assert (letter.pdf, len(letter.sha256), letter.sent_proof) == (b"", 64, "[anonymised]")
        assert _case(session, cases["f"]).subject is None
        shared = _case(session, cases["g"]).subject
        assert shared is not None and shared.display_name == "赵六"
        assert _case(session, cases["b"]).subject_line.startswith(B_NAME)
        h_documents = [x for x in _case(session, cases["h"]).attachments if x.purged_at]
        assert h_documents == []
        assert anonymise_closed_cases(session, RUN_ON, POLICY, HANDLER).cases == ()


def test_no_name_or_address_of_an_anonymised_case_is_left_in_rows_or_pages(
    database: Database, cases: dict[str, str]
) -> None:
    with database.session() as session:
        anonymise_closed_cases(session, RUN_ON, POLICY, HANDLER)
    key = database.key
    assert isinstance(key, RawKey)
    database.close()  # checkpoints the WAL into the file
    path = database.path
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    rows = repr(dump_tables(path, key))
    pages = decrypted_pages(path, key)
    assert B_NAME in rows and B_NAME.encode() in pages  # the scan sees live data
    for needle in GONE:
        assert needle not in rows, needle
        assert needle.encode() not in pages, needle
        assert needle.encode() not in path.read_bytes(), needle


def test_the_certificate_pdf_states_references_dates_and_counts(
    database: Database, cases: dict[str, str]
) -> None:
    with database.session() as session:
        certificate = anonymise_closed_cases(session, RUN_ON, POLICY, HANDLER)
    english = _text(anonymisation_certificate_pdf(certificate, "en", default_letterhead()))
    for expected in (
        "Certificate of anonymisation of closed cases",
        f"RC-{certificate.performed_at:%Y%m%d}-{certificate.chain_head[:8].upper()}",
        "Policy applied on2029-05-02",
        "36 months after closing",
        "Cases anonymised3",
        "ID documents purged2",
        f"verified: {certificate.chain_events} events",
        *(cases[k] for k in "cfa"),
        "2026-02-282029-02-28",
        "2026-05-022029-05-02",
        "attachments 2, identifiers 2, notes 1, messages 1, letters 1, parties 1",
        "unlinked only",
        "Civil Code Art. 188",
    ):
        assert _squash(expected) in english, expected
    chinese = _text(anonymisation_certificate_pdf(certificate, "zh", default_letterhead()))
    for expected in (
        "个人信息匿名化处理证明",
        "已匿名化案件3",
        "适用日期2029年5月2日",
        "2026-02-28",
    ):
        assert expected in chinese, expected
    for needle in GONE:
        assert _squash(needle) not in english + chinese


def test_the_purge_certificate_pdf_lists_what_is_still_held_and_why() -> None:
    certificate = PurgeCertificate(
        reference="PD-2026-000042",
        purged_at=datetime(2027, 2, 28, 1, 2, 3, tzinfo=UTC),
        purged_by=HANDLER,
        attachments_erased=3,
        identifiers_erased=2,
        notes_erased=1,
        still_held=(HeldCategory("orders", date(2029, 8, 31), "ecommerce_art31"),),
        event_hash="ab" * 32,
    )
    chinese = _text(purge_certificate_pdf(certificate, "zh", default_letterhead()))
    for expected in (
        "账号注销个人信息删除证明",
        "PC-20270228-ABABABAB",
        "PD-2026-000042",
        "2027-02-2801:02:03UTC",
        "已删除附件3",
        "订单与交易记录2029年8月31日",
        "E-CommerceLawArt.31",
    ):
        assert expected in chinese, expected
    english = _text(purge_certificate_pdf(certificate, "en", default_letterhead()))
    assert "OrdersandtransactionsHelduntil" not in english
    assert "Ordersandtransactions2029-08-31" in english
    with pytest.raises(ValueError, match="Chinese or English"):
        purge_certificate_pdf(certificate, "fr", default_letterhead())


def _case(session: object, reference: str) -> Case:
    assert hasattr(session, "scalars")
    return session.scalars(select(Case).where(Case.reference == reference)).one()


def _text(pdf: bytes) -> str:
    return _squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _squash(text: str) -> str:
    return "".join(text.split())


def test_a_subject_left_without_cases_is_erased_with_its_last_case(database: Database) -> None:
    with database.session() as s:
        person = subject(s, "钱八", "qian.ba@example.com")
        first = case_with_personal_data(s, person, closed_at=_utc(2026, 1, 10, 3))
        second = case_with_personal_data(s, person, closed_at=_utc(2026, 1, 20, 3))
        preview = preview_anonymisation(s, RUN_ON, POLICY)
        assert [(e.reference, e.subject_shared, e.identifiers) for e in preview] == [
            (first.reference, True, 0),
            (second.reference, False, 1),
        ]
        certificate = anonymise_closed_cases(s, RUN_ON, POLICY, HANDLER)
        assert [row.erasure for row in certificate.cases] == preview
        names = s.scalars(select(DataSubject.display_name).where(DataSubject.id == person.id))
        assert list(names) == [None]
