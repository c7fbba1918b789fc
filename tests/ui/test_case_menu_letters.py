"""Case › Letters offers what fits the selected case (app/ui/letter_menu.py over
app/services/letter_fit.py): letters that cannot answer the case's kind are hidden, letters not
possible yet are disabled with the reason as tooltip and status tip, the menu and the
shortcuts follow the selection and changes to the case, and a letter chosen anyway (a stale
shortcut) is refused at once with the reason in the UI's language."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, ReviewFlag
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker
from app.services.workflow import complete_action, plan_deletion
from app.store import Database
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.letter_menu import LetterMenu, blocker_text
from app.ui.main_window import MainWindow
from app.ui.translations import CHINESE, Translations
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.retention_factory import HANDLER


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def cases(database: Database, rule_book: RuleBook) -> dict[str, str]:
    """A complaint, a deletion (identity not checked), an acknowledgement-less mail with no
    proven receipt date, and a reminder: kind name -> reference."""
    with database.session() as session:
        made = {
            "complaint": open_case(session, rule_book, CaseKind.COMPLAINT),
            "deletion": open_case(session, rule_book, CaseKind.DELETION),
            "undated": open_case(
                session, rule_book, CaseKind.ACCESS, flags=(ReviewFlag.MISSING_DATE.value,)
            ),
            "reminder": open_case(session, rule_book, CaseKind.REMINDER),
        }
        return {name: case.reference for name, case in made.items()}


def _window(qtbot: QtBot, database: Database, rule_book: RuleBook) -> MainWindow:
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    # The wiring app/ui/main_menus.py gets: the letters follow the case the pane shows.
    window.detail.case_shown.connect(window.case_menu.show_case)
    return window


def _letters(window: MainWindow) -> LetterMenu:
    assert window.case_menu.letters is not None
    return window.case_menu.letters


def _shown(window: MainWindow, reference: str) -> LetterMenu:
    window.case_list.select_reference(reference)
    assert window.detail.reference == reference
    return _letters(window)


def _state(action: QAction) -> tuple[bool, bool, str]:
    return action.isVisible(), action.isEnabled(), action.statusTip()


def test_a_complaint_is_offered_no_deletion_letter(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    letters = _shown(_window(qtbot, database, rule_book), cases["complaint"])
    visible = [key for key, menu in letters.submenus.items() if menu.menuAction().isVisible()]
    # Chinese law has no extension; deletion, cancellation and refusals answer no complaint.
    assert visible == [
        "acknowledgement",
        "identity_request",
        "clarification_request",
        "complaint_response",
    ]
    for key in ("deletion_done", "cancellation_confirmation", "extension_notice", "refusal"):
        assert not any(a.isVisible() or a.isEnabled() for a in letters.actions[key])
    ack_zh, ack_en, *_others = letters.actions["acknowledgement"]
    # Each letter in Simplified, English, both, Traditional (Hong Kong, Taiwan) and both.
    assert [a.text() for a in letters.actions["acknowledgement"]] == [
        "Chinese…",
        "English…",
        "Bilingual…",
        "Traditional Chinese…",
        "Bilingual, Traditional Chinese…",
    ]
    assert (ack_zh.shortcut().toString(), ack_zh.isEnabled()) == ("Ctrl+L", True)
    assert (ack_en.shortcut().toString(), ack_en.isEnabled()) == ("Ctrl+Shift+L", True)
    assert not letters.nothing_fits.isVisible()


def test_a_deletion_letter_is_disabled_with_its_reason_until_it_can_go(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    window = _window(qtbot, database, rule_book)
    letters = _shown(window, cases["deletion"])
    deletion = letters.submenus["deletion_done"].menuAction()
    identity = "The requester's identity is not verified yet (Case › Workflow › Identity check…)."
    assert _state(deletion) == (True, False, identity)
    assert deletion.toolTip() == identity
    assert not letters.submenus["cancellation_confirmation"].menuAction().isVisible()
    with database.session() as session:
        case = find_case(session, cases["deletion"])
        verify(session, case, rule_book)
    _shown(window, cases["complaint"])
    _shown(window, cases["deletion"])
    assert _state(deletion)[1:] == (False, blocker_text(LetterBlocker.NOTHING_ERASED))
    with database.session() as session:
        case = find_case(session, cases["deletion"])
        for action in plan_deletion(session, case, hold_from=TODAY, actor=HANDLER):
            complete_action(session, case, action.category, actor=HANDLER)
    _shown(window, cases["complaint"])
    _shown(window, cases["deletion"])
    assert _state(deletion) == (True, True, "")
    assert all(action.isEnabled() for action in letters.actions["deletion_done"])


def test_confirming_the_receipt_date_enables_the_acknowledgement_and_its_shortcut(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    window = _window(qtbot, database, rule_book)
    letters = _shown(window, cases["undated"])
    ack_zh = letters.actions["acknowledgement"][0]
    unconfirmed = blocker_text(LetterBlocker.RECEIPT_UNCONFIRMED)
    assert _state(ack_zh) == (True, False, unconfirmed)
    # Case › Clock › Confirm receipt date…: the case changes, the menu and Ctrl+L follow.
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.confirm_receipt(
            cases["undated"], datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
        )
    assert _state(ack_zh) == (True, True, "")


def test_nothing_fits_a_reminder_and_no_case_enables_no_letter(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    window = _window(qtbot, database, rule_book)
    letters = _shown(window, cases["reminder"])
    assert not any(menu.menuAction().isVisible() for menu in letters.submenus.values())
    assert letters.nothing_fits.isVisible() and not letters.nothing_fits.isEnabled()
    window.case_menu.show_case("")
    assert all(a.isVisible() and not a.isEnabled() for a in letters.all_actions())


def _listed(letters: LetterMenu) -> list[str]:
    """The entries of the Letters menu a reader of its actions gets, visible or not."""
    return [action.text() for action in letters.menu.actions()]


def test_the_no_letter_line_is_in_the_menu_only_while_no_letter_is_offered(
    qtbot: QtBot, database: Database, rule_book: RuleBook, cases: dict[str, str]
) -> None:
    window = _window(qtbot, database, rule_book)
    nothing = "No letter answers this kind of case"
    letters = _shown(window, cases["reminder"])
    assert _listed(letters)[-1] == nothing
    letters = _shown(window, cases["deletion"])  # the acknowledgement is offered
    assert nothing not in _listed(letters) and not letters.nothing_fits.isVisible()
    letters = _shown(window, cases["reminder"])
    assert _listed(letters).count(nothing) == 1


def test_a_letter_chosen_anyway_is_refused_in_chinese_with_names_not_codes(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    cases: dict[str, str],
    translations: Translations,
) -> None:
    assert translations.apply(CHINESE)
    window = _window(qtbot, database, rule_book)
    # As a shortcut of a letter the menu no longer offers would: refused before any dialog.
    assert window.letters.ask(cases["complaint"], "deletion_done", "zh") is None
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
    assert len(texts) == 1
    assert "删除" in texts[0] and "投诉举报" in texts[0]
    assert "deletion" not in texts[0] and "complaint" not in texts[0]


def test_the_menu_reads_chinese_in_the_chinese_ui(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    cases: dict[str, str],
    translations: Translations,
) -> None:
    assert translations.apply(CHINESE)
    letters = _shown(_window(qtbot, database, rule_book), cases["complaint"])
    title = letters.submenus["acknowledgement"].title()
    assert title == QCoreApplication.translate("LetterTemplate", "Acknowledgement") == "受理确认函"


def test_the_pane_says_which_case_it_shows(qtbot: QtBot) -> None:
    pane = CaseDetailPane(today=lambda: TODAY)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.case_shown) as shown:
        pane.show_detail(None)
    assert shown.args == [""]
