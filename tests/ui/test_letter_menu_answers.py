"""Case › Letters offers the letters that ask for proof or clarification and those that report
an answer (app/ui/letter_menu.py over app/services/letter_fit.py), each enabled only when the
case's state allows it, and generates them through the letter controller."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Letter
from app.models.enums import CaseKind, CaseOutcome
from app.services.case_list_terms import SavedView
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker
from app.services.workflow import respond
from app.store import Database
from app.ui.letter_menu import LANGUAGES, LetterMenu, blocker_text
from app.ui.main_window import MainWindow
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.letter_cases import EXPORTED_AT, TODAY, export_categories, open_case, verify
from tests.services.retention_factory import HANDLER


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def cases(database: Database, rule_book: RuleBook) -> dict[str, str]:
    """A complaint, an access request with the identity checked, another also with the copy
    of every category exported and the answer recorded, a correction: name -> reference."""
    with database.session() as session:
        access = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, access, rule_book)
        answered = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, answered, rule_book)
        export_categories(session, answered)
        respond(
            session,
            answered,
            CaseOutcome.FULFILLED,
            today=TODAY,
            actor=HANDLER,
            responded_at=EXPORTED_AT,
        )
        made = {
            "complaint": open_case(session, rule_book, CaseKind.COMPLAINT),
            "access": access,
            "answered_access": answered,
            "correction": open_case(session, rule_book, CaseKind.CORRECTION),
        }
        return {name: case.reference for name, case in made.items()}


def _shown(qtbot: QtBot, database: Database, rule_book: RuleBook, reference: str) -> LetterMenu:
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.detail.case_shown.connect(window.case_menu.show_case)
    window.case_list.set_view(SavedView.ALL)  # an answered case is no longer open
    window.case_list.select_reference(reference)
    assert window.detail.reference == reference
    return window.case_menu.letters


def _state(letters: LetterMenu, key: str) -> list[tuple[bool, bool, str]]:
    return [(a.isVisible(), a.isEnabled(), a.statusTip()) for a in letters.actions[key]]


def test_an_access_request_with_its_identity_checked_gets_its_access_response_once_exported(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    letters = _shown(qtbot, database, rule_book, cases["access"])
    # PIPL Art. 45: the letter says the copy is attached; none is recorded yet.
    not_exported = blocker_text(LetterBlocker.NOTHING_EXPORTED)
    assert _state(letters, "access_response") == [(True, False, not_exported)] * len(LANGUAGES)
    answered = _shown(qtbot, database, rule_book, cases["answered_access"])
    assert _state(answered, "access_response") == [(True, True, "")] * len(LANGUAGES)
    verified = blocker_text(LetterBlocker.IDENTITY_VERIFIED)
    assert _state(letters, "identity_request") == [(True, False, verified)] * len(LANGUAGES)
    # Verified on 3 November, its 15 working days (GB/T 35273-2020 §8.7) ran out on 24
    # November: on the 29th a question would promise a past date (no pause is open).
    passed = blocker_text(LetterBlocker.DEADLINE_PASSED)
    assert _state(letters, "clarification_request") == [(True, False, passed)] * len(LANGUAGES)
    for key in ("correction_done", "complaint_response"):
        assert not letters.submenus[key].menuAction().isVisible()


def test_the_outcome_letters_wait_for_the_answer(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    letters = _shown(qtbot, database, rule_book, cases["complaint"])
    not_answered = blocker_text(LetterBlocker.NOT_ANSWERED)
    assert _state(letters, "complaint_response") == [(True, False, not_answered)] * len(LANGUAGES)
    # The complaint's clock runs on (15 working days to 23 November): on 29 November a
    # request for proof would promise an answer by a day already gone.
    passed = blocker_text(LetterBlocker.DEADLINE_PASSED)
    assert _state(letters, "identity_request") == [(True, False, passed)] * len(LANGUAGES)
    correction = _shown(qtbot, database, rule_book, cases["correction"])
    unverified = blocker_text(LetterBlocker.IDENTITY_UNVERIFIED)
    assert _state(correction, "correction_done") == [(True, False, unverified)] * len(LANGUAGES)


def test_the_controller_generates_an_access_response_with_its_annex(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str], tmp_path: Path
) -> None:
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    target = tmp_path / "access.pdf"
    with qtbot.waitSignal(window.letters.generated, timeout=60_000):
        window.letters.generate(cases["answered_access"], "zh", target, "access_response")
    text = squash("".join(read_pdf(target.read_bytes())[0]))
    assert cases["answered_access"] in text and "张三" in text
    assert "附件：个人信息副本" in text and "订单与交易记录" in text
    # Exported 19 November 17:30 UTC: 20 November in Beijing, the day the annex states.
    assert "已于2026年11月20日导出副本" in text and "—" not in text
    with database.session() as session:
        assert session.scalar(select(Letter.template_key)) == "access_response"
