"""Case › Workflow driven through its dialogs as a person would (QA9 H1, H3, M2): every choice
made in a combo box reaches the service as the enum member, a refusal is signed off with its
grounds, and Review… with nothing pending says so."""

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Event
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    PauseReason,
    ReviewDecision,
    ReviewSubject,
    VerificationMethod,
)
from app.services.case_queries import find_case
from app.store import Database
from app.ui.clock_dialogs import PauseDialog
from app.ui.enum_choice import select_member
from app.ui.review_dialogs import ReviewDecisionDialog, ReviewRequestDialog
from app.ui.workflow_dialogs import (
    AskRequesterDialog,
    CategoriesDialog,
    CloseDialog,
    RespondDialog,
    TriageDialog,
    VerificationDialog,
)
from tests.ui.case_window import HANDLER, TODAY, answer_modal, take_messages, window_with_mail

REVIEWER = "wang.reviewer"


def _texts(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def _case_state(database: Database, reference: str) -> tuple[CaseKind, CaseStatus, str]:
    with database.session() as session:
        case = find_case(session, reference)
        return case.kind, case.status, case.jurisdiction


def test_triage_through_its_dialog_records_the_kind_chosen(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, TriageDialog)
        select_member(dialog.kind, CaseKind.DELETION)
        dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("CN"))
        dialog.accept()

    seen = answer_modal(QDialog, choose)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_triage(reference)
    assert len(seen) == 1
    assert _case_state(database, reference) == (CaseKind.DELETION, CaseStatus.IN_PROGRESS, "CN")
    with database.session() as session:
        event = session.scalars(select(Event).where(Event.action == "case.triaged")).one()
        assert event.payload["kind"] == {"from": "access", "to": "deletion"}


def test_every_enum_combo_gives_back_the_member(qtbot: QtBot) -> None:
    """PySide6 6.12 hands a StrEnum item back as a plain str: each dialog converts it."""
    triage = TriageDialog(CaseKind.ACCESS, "CN", ["CN", "EU"], HANDLER)
    ask = AskRequesterDialog()
    verify = VerificationDialog()
    pause = PauseDialog(TODAY)
    review = ReviewRequestDialog(["excessive"])
    respond = RespondDialog(["excessive"])
    close = CloseDialog()
    for dialog in (triage, ask, verify, pause, review, respond, close):
        qtbot.addWidget(dialog)
    select_member(triage.kind, CaseKind.COMPLAINT)
    select_member(ask.reason, PauseReason.CLARIFICATION)
    select_member(verify.method, VerificationMethod.SMS_CODE)
    select_member(pause.reason, PauseReason.FEE)
    select_member(review.subject, ReviewSubject.REFUSAL)
    select_member(respond.outcome, CaseOutcome.REFUSED)
    chosen = [
        triage.chosen_kind(),
        ask.chosen_reason(),
        verify.chosen_method(),
        pause.values()[1],
        review.chosen_subject(),
        respond.chosen_outcome(),
    ]
    assert chosen == [
        CaseKind.COMPLAINT,
        PauseReason.CLARIFICATION,
        VerificationMethod.SMS_CODE,
        PauseReason.FEE,
        ReviewSubject.REFUSAL,
        CaseOutcome.REFUSED,
    ]
    expected = (CaseKind, PauseReason, VerificationMethod, PauseReason, ReviewSubject, CaseOutcome)
    assert [type(member) for member in chosen] == list(expected)
    assert close.chosen_outcome() is None  # "As answered"
    select_member(close.outcome, CaseOutcome.NOT_A_REQUEST)
    assert type(close.chosen_outcome()) is CaseOutcome


def test_closing_through_its_dialog_records_the_outcome(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    offered: list[list[str]] = []

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseDialog)
        offered.append(_texts(dialog.outcome))
        dialog.accept()  # with the first outcome offered

    answer_modal(QDialog, choose)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_close(reference)
    # A new case closes only with an outcome that needs no answer: "As answered", refused once
    # chosen (lifecycle.close), is not offered.
    assert len(offered[0]) == 5
    assert "As answered" not in offered[0]
    with database.session() as session:
        case = find_case(session, reference)
        assert (case.status, case.outcome) == (CaseStatus.CLOSED, CaseOutcome.NOT_A_REQUEST)
        assert type(case.outcome) is CaseOutcome


def test_review_with_nothing_pending_says_so_and_opens_no_dialog(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    with qtbot.assertNotEmitted(window.workflow.changed):
        window.workflow.ask_decision(reference)
    assert take_messages() == ["No review is waiting on this case: nothing to sign off."]
    # A review no longer pending (decided elsewhere meanwhile) is explained, not a crash.
    assert not window.workflow.decide(reference, None, approve=True, comment="")
    assert take_messages() == ["This review has already been decided."]


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Refusal — li.handler"), ("zh", "拒绝 — li.handler")]
)
def test_a_refusal_is_signed_off_with_its_grounds_in_the_ui_language(
    qtbot: QtBot, database: Database, request: pytest.FixtureRequest, language: str, expected: str
) -> None:
    if language == "zh":
        request.getfixturevalue("chinese")
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    assert window.workflow.triage(reference, CaseKind.ACCESS, "EU", HANDLER)

    def ask(dialog: QDialog) -> None:
        assert isinstance(dialog, ReviewRequestDialog)
        select_member(dialog.subject, ReviewSubject.REFUSAL)
        dialog.grounds.tick("manifestly_unfounded")
        dialog.grounds.explanation.setPlainText("fifth identical request this month")
        dialog.accept()

    answer_modal(QDialog, ask)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_review(reference)
    window.user.switch(REVIEWER)
    shown: list[tuple[list[str], str]] = []

    def approve(dialog: QDialog) -> None:
        assert isinstance(dialog, ReviewDecisionDialog)
        shown.append((_texts(dialog.review), dialog.details.text()))
        dialog.accept()

    answer_modal(QDialog, approve)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_decision(reference)
    ground = "明显缺乏依据" if language == "zh" else "Manifestly unfounded"
    [(pending, details)] = shown
    assert pending == [expected]
    assert details.startswith(ground) and details.endswith("fifth identical request this month")
    with database.session() as session:
        case = find_case(session, reference)
        assert case.reviews[0].decision == ReviewDecision.APPROVED
        assert [(g.code, g.explanation) for g in case.refusal_grounds] == [
            ("manifestly_unfounded", "fifth identical request this month")
        ]


def test_a_refusal_review_without_grounds_is_refused_in_the_window(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    assert window.workflow.triage(reference, CaseKind.ACCESS, "EU", HANDLER)

    def ask(dialog: QDialog) -> None:
        assert isinstance(dialog, ReviewRequestDialog)
        select_member(dialog.subject, ReviewSubject.REFUSAL)
        dialog.accept()

    answer_modal(QDialog, ask)
    with qtbot.assertNotEmitted(window.workflow.changed):
        window.workflow.ask_review(reference)
    assert take_messages() == [
        "Record the refusal grounds before a second person signs off the refusal: the "
        "reviewer must see the reasons the requester will be given."
    ]
    assert _case_state(database, reference)[1] == CaseStatus.IN_PROGRESS


# Lines as the inventory words them (resources: cn inventory, e-commerce records kept 3 years).
ORDERS = "Orders and transactions: Keep (legal hold) until 2029-11-30"
ACCOUNT = "Account information: Delete"


def test_the_categories_dialog_asks_for_its_longest_line(qtbot: QtBot) -> None:
    dialog = CategoriesDialog([("account", ACCOUNT, True), ("orders", ORDERS, False)])
    qtbot.addWidget(dialog)
    dialog.resize(dialog.sizeHint())
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    # Both lines whole on one line each: as tall as one another, inside the list's width.
    orders, account = view.visualItemRect(view.item(1)), view.visualItemRect(view.item(0))
    assert orders.height() == account.height()
    assert orders.right() <= view.viewport().width()


def test_a_long_category_line_wraps_in_a_narrow_dialog_instead_of_being_cut(qtbot: QtBot) -> None:
    # At 150 % the dialog opened narrower than its lines: "…Keep (legal hold) unt" was cut.
    dialog = CategoriesDialog([("account", ACCOUNT, True), ("orders", ORDERS, False)])
    qtbot.addWidget(dialog)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 30, dialog.sizeHint().height())
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    orders, account = view.visualItemRect(view.item(1)), view.visualItemRect(view.item(0))
    assert orders.height() > account.height()  # on more than one line
    assert orders.right() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
