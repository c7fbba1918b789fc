"""The detail header with a right-to-left requester, receipt time in the computer's zone, a long
kind name and a long handler's name at a narrow width (150 % scaling, QA8 L8)."""

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
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_header import CaseHeader
from app.ui.elided_label import ElidedLabel
from app.ui.translations import CHINESE, ENGLISH, Translations
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
    assert header._requester().full_text() == (f"{LRM}{FSI}{RTL_NAME}{PDI} <{FSI}{RTL_MAIL}{PDI}>")
    assert header._title.full_text() == f"PD-2026-000001 · {FSI}{RTL_NAME}{PDI}"
    # The line keeps the window's direction (Qt would take right-to-left from the name).
    shown = QTextDocument(header._requester().full_text())
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


def _deletion_rule(qtbot: QtBot, database: Database, rule_book: RuleBook) -> str:
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.DELETION))
    return header._facts["rule"].text()


def test_the_rule_names_its_english_source_with_evidence_in_words(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # cn.toml deletion: "PIPL art. 47 [V]; 2019 App Identification Method (…) [V-2nd]"
    rule = _deletion_rule(qtbot, database, rule_book)
    assert "PIPL art. 47 [confirmed];" in rule
    assert "working days) [confirmed indirectly]" in rule
    assert "[V" not in rule
    assert rule.endswith("(regulatory guidance; secondary source only)")  # cn.toml


def test_the_rule_in_chinese_has_the_chinese_source_and_evidence_words(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    rule = _deletion_rule(qtbot, database, rule_book)
    assert "《个人信息保护法》第四十七条 [已核实]" in rule
    assert "[间接核实]" in rule
    assert "[V" not in rule and "PIPL" not in rule.split(" — ", 1)[1]


def test_the_rule_qualifiers_in_chinese_take_full_width_brackets(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    assert _deletion_rule(qtbot, database, rule_book).endswith("（监管指引；仅有二手出处）")


def test_a_very_long_name_elides_and_keeps_the_summary_in_place(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    long_name = "محمد" * 60  # 240 letters without a space: nothing to wrap at
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.ACCESS))
    short_width = header.sizeHint().width()
    with database.session() as session:
        case = session.query(Case).one()
        case.subject.display_name = long_name
    with database.session() as session:
        detail = case_detail(session, "PD-2026-000001", rule_book, today=TODAY, record_view=False)
    header.show_detail(detail)
    assert long_name in header._title.full_text()
    # The name no longer sets the header's width: it is no wider than with a short name.
    assert header.minimumSizeHint().width() <= short_width
    header.resize(short_width, header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    for label in (header._title, header._requester()):
        assert "…" in label.text() and long_name not in label.text()
        assert long_name in label.toolTip()
        assert label.width() <= header.width()
    jurisdiction = header._summary["jurisdiction"]
    assert jurisdiction.geometry().right() <= header.width()


LONG_HANDLER = "wang.xiaoming.privacy-operations@example-cloud.cn"  # no space to wrap at


def _assigned(database: Database, rule_book: RuleBook, kind: CaseKind, handler: str) -> CaseDetail:
    with database.session() as session:
        reference = _case(session, rule_book, kind)
        session.query(Case).one().assignee = handler
    with database.session() as session:
        return case_detail(session, reference, rule_book, today=TODAY, record_view=False)


def _shown_at(qtbot: QtBot, header: CaseHeader, width: int) -> None:
    header.resize(width, header.heightForWidth(width) if header.hasHeightForWidth() else 400)
    header.show()
    qtbot.waitExposed(header)


def test_a_long_handler_name_elides_with_its_tooltip_and_stays_inside_a_narrow_header(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # QA8 L8: at 150 % on a 1440×900 screen the handler's name ran past the pane's edge.
    header = _header(qtbot)
    header.show_detail(_assigned(database, rule_book, CaseKind.ACCOUNT_CANCELLATION, LONG_HANDLER))
    _shown_at(qtbot, header, header.fontMetrics().averageCharWidth() * 30)
    handler = header._summary["handler"]
    assert isinstance(handler, ElidedLabel)
    assert handler.text().endswith("…" + PDI) and LONG_HANDLER not in handler.text()
    assert LONG_HANDLER in handler.toolTip()
    for field in header._summary_box.fields.values():
        # Every caption and value inside the header: nothing cut at its right edge.
        right = field.mapTo(header, field.rect().topRight()).x()
        assert right < header.width()
    kind = header._summary["kind"]
    assert kind.width() >= kind.fontMetrics().horizontalAdvance("Account cancellation")


def test_the_summary_wraps_onto_more_lines_when_narrow_and_keeps_one_line_when_wide(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    header = _header(qtbot)
    header.show_detail(_assigned(database, rule_book, CaseKind.ACCESS, "li.handler"))
    summary = header._summary_box
    _shown_at(qtbot, header, summary.sizeHint().width() + 1)
    assert len({field.y() for field in summary.fields.values()}) == 1
    handler = header._summary["handler"]
    # A name that fits is shown whole: no "…" from a width rounded down to whole pixels.
    assert handler.text() == handler.full_text() and not handler.toolTip()
    _shown_at(qtbot, header, summary.sizeHint().width() // 2)
    assert len({field.y() for field in summary.fields.values()}) > 1
    assert header._summary["handler"].text() == handler.full_text()


def test_the_header_works_from_a_narrow_pane_in_chinese_and_english(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    # A third of a 1440×900 screen at 150 % is 320 px for about 45 average characters of
    # the UI font; the header must fit well under that without scrolling sideways.
    detail = _assigned(database, rule_book, CaseKind.ACCOUNT_CANCELLATION, LONG_HANDLER)
    for language in (ENGLISH, CHINESE):
        assert translations.apply(language)
        header = _header(qtbot)
        header.show_detail(detail)
        # 45 characters measured as the width of an "x", not the font's average character
        # width: fonts report that figure their own way (DejaVu Sans: 6 px at 9 pt, where
        # its letters take 7), and a pane is as narrow as real text is wide.
        narrow = header.fontMetrics().horizontalAdvance("x") * 45 * 3 // 4
        assert header.minimumSizeHint().width() <= narrow, language
    assert translations.apply(ENGLISH)


def test_the_pane_at_its_narrowest_shows_the_whole_header_without_sideways_scrolling(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    pane = CaseDetailPane(today=lambda: TODAY)
    qtbot.addWidget(pane)
    pane.show_detail(_assigned(database, rule_book, CaseKind.ACCOUNT_CANCELLATION, LONG_HANDLER))
    pane.resize(pane.minimumSizeHint().width(), pane.fontMetrics().height() * 40)
    pane.show()
    qtbot.waitExposed(pane)
    scroll = pane._header_scroll
    assert scroll.horizontalScrollBar().maximum() == 0
    assert pane.header.width() <= scroll.viewport().width()
    kind = pane.header._summary["kind"]
    assert kind.width() >= kind.fontMetrics().horizontalAdvance("Account cancellation")


def test_the_summary_line_is_as_tall_as_the_case_shown_needs_not_the_one_before(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # A case whose handler took a line of its own, then one whose facts fit on one line:
    # the old height stayed and left a blank line above the badge.
    header = _header(qtbot)
    long_case = _assigned(database, rule_book, CaseKind.ACCESS, LONG_HANDLER)
    header.show_detail(long_case)
    summary = header._summary_box

    def one_line() -> int:  # the tallest field (a fallback font's line may be taller)
        return max(field.sizeHint().height() for field in summary.fields.values())

    _shown_at(qtbot, header, summary.sizeHint().width() - 1)
    assert summary.height() > one_line()
    with database.session() as session:
        session.query(Case).one().assignee = "li.handler"
    with database.session() as session:
        short_case = case_detail(
            session, long_case.row.reference, rule_book, today=TODAY, record_view=False
        )
    header.show_detail(short_case)
    qtbot.waitUntil(lambda: summary.height() == one_line())
    assert header.badge.y() <= summary.geometry().bottom() + header.fontMetrics().height()


def _by_hand(database: Database, rule_book: RuleBook, due: date = date(2026, 11, 20)) -> CaseDetail:
    from app.services.due_date_by_hand import set_due_date_by_hand

    with database.session() as session:
        reference = _case(session, rule_book, CaseKind.ACCESS)
        case = session.query(Case).filter_by(reference=reference).one()
        set_due_date_by_hand(
            session,
            case,
            due,
            "court order",
            rule_book,
            today=TODAY,
            actor="a.smith",
        )
    with database.session() as session:
        return case_detail(session, reference, rule_book, today=TODAY, record_view=False)


def test_a_due_date_set_by_hand_shows_the_statutory_date_and_its_rule_beside_it(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # Received Mon 2 Nov 2026 09:30 Beijing; CN access (PIPL Art. 45(1)), 15 working days (cn.toml;
    # no holiday in November 2026): Tue 3 - Fri 6 (4), 9-13 (9), 16-20 (14), Mon 23 Nov (15),
    # counted from receipt until identity is verified. Set by hand to Fri 20 Nov.
    header = _header(qtbot)
    header.show_detail(_by_hand(database, rule_book))
    deadline = header._facts["deadline"].text().split("\n")
    assert deadline[:2] == ["Due date 2026-11-20", "Statutory due date 2026-11-23"]
    assert "Counted from receipt until identity is verified" in deadline
    rule = header._facts["rule"].text().split("\n")
    assert rule[0] == (
        "Set by hand, before the statutory deadline, which is still counted and binds if it "
        "falls earlier"
    )
    assert rule[1].startswith("CN/access@") and "PIPL art. 45(1)" in rule[1]
    assert "no recomputation" not in header._facts["rule"].text()
    assert header.badge.text().startswith("Due 2026-11-20")


def test_a_due_date_set_by_hand_on_the_statutory_date_is_not_called_before_it(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # The statutory date is Mon 23 Nov 2026 (counted above); the Set the due date dialog
    # offers it, and accepting it sets the hand date on it, not before it (QA round 16, W13).
    header = _header(qtbot)
    header.show_detail(_by_hand(database, rule_book, date(2026, 11, 23)))
    deadline = header._facts["deadline"].text().split("\n")
    assert deadline[:2] == ["Due date 2026-11-23", "Statutory due date 2026-11-23"]
    assert header._facts["rule"].text().split("\n")[0] == (
        "Set by hand, on the statutory deadline, which is still counted and binds if it falls "
        "earlier"
    )


def test_a_due_date_set_by_hand_in_chinese_names_both_dates(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    header = _header(qtbot)
    header.show_detail(_by_hand(database, rule_book))
    assert "法定截止日期 2026-11-23" in header._facts["deadline"].text().split("\n")
    rule = header._facts["rule"].text().split("\n")
    assert rule[0] == "人工设定，早于法定期限；法定期限仍在计算，如早于此日期则以法定期限为准"
    assert rule[1].startswith("CN/access@") and "《个人信息保护法》第四十五条第一款" in rule[1]


def test_a_ruled_due_date_shows_one_statutory_date_and_no_hand(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    header = _header(qtbot)
    header.show_detail(_detail(database, rule_book, CaseKind.ACCESS))
    deadline = header._facts["deadline"].text()
    assert deadline.startswith("Statutory due date 2026-11-23")
    assert deadline.count("2026-11-23") == 1 and "Due date" not in deadline
    assert "Set by hand" not in header._facts["rule"].text()
