"""The detail header with a right-to-left requester, receipt time in the computer's zone, and a
long kind name at a narrow width."""

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.case_queries import CaseDetail, case_detail
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.bidi import FSI, LRM, PDI
from app.ui.case_header import CaseHeader
from tests.services.retention_factory import subject

TODAY = date(2026, 11, 3)
RTL_NAME = "محمد QZXRTL 😀 é\u0301\u0301"
RTL_MAIL = "rtl.qazwsx@example.com"
SENT = datetime(2026, 11, 2, 1, 30, tzinfo=UTC)  # 09:30 +08:00


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _case(session: Session, rule_book: RuleBook, kind: CaseKind) -> str:
    case = Case(
        reference="PD-2026-000001",
        kind=kind,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=SENT,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject(session, RTL_NAME, RTL_MAIL),
        review_flags=[],
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    return case.reference


def _detail(database: Database, rule_book: RuleBook, kind: CaseKind) -> CaseDetail:
    with database.session() as session:
        reference = _case(session, rule_book, kind)
    with database.session() as session:
        return case_detail(session, reference, rule_book, today=TODAY, record_view=False)


def _header(qtbot: QtBot) -> CaseHeader:
    header = CaseHeader(today=lambda: TODAY)
    qtbot.addWidget(header)
    return header


def test_a_right_to_left_name_is_isolated_from_the_address(
    qtbot: QtBot, database: Database, rule_book: RuleBook, beijing: None
) -> None:
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.ACCESS))
    assert header._facts["requester"].text() == (
        f"{LRM}{FSI}{RTL_NAME}{PDI} <{FSI}{RTL_MAIL}{PDI}>"
    )
    assert header._title.text() == f"PD-2026-000001 · {FSI}{RTL_NAME}{PDI}"
    # The line keeps the window's direction (Qt would take right-to-left from the name).
    shown = QTextDocument(header._facts["requester"].text())
    assert shown.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight


def test_the_receipt_time_is_local_with_its_zone_and_utc_beside(
    qtbot: QtBot, database: Database, rule_book: RuleBook, beijing: None
) -> None:
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.ACCESS))
    assert header._facts["received"].text() == "2026-11-02 09:30 (UTC+08:00)"
    assert header._facts["received"].toolTip() == "2026-11-02 01:30 UTC"


def test_a_long_kind_name_is_not_cut_in_a_narrow_pane(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.ACCOUNT_CANCELLATION))
    header.resize(header.minimumSizeHint().width(), header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    kind = header._summary["kind"]
    assert kind.text() == "Account cancellation"
    assert not kind.wordWrap()
    assert kind.width() >= kind.fontMetrics().horizontalAdvance(kind.text())
