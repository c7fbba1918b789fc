"""A case from triage to closure through the window's workflow actions, with the four-eyes
rule enforced between two people signed in on the same desktop."""

from datetime import date

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewSubject
from app.reports.letter_text import check_letter_text
from app.services.case_search import SavedView
from app.services.deadlines import load_rule_book
from app.services.workflow import decide_review, respond
from app.store import Database
from app.ui.main_window import MainWindow
from tests.conftest import CORPUS_INBOX


def _status(window: MainWindow, reference: str) -> CaseStatus:
    model = window.case_list.model
    return next(
        model.row_at(i).status
        for i in range(model.rowCount())
        if model.row_at(i).reference == reference
    )


def test_a_refusal_needs_a_second_person(qtbot: QtBot, database: Database) -> None:
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    window.user.switch("li.handler")
    window.case_list.set_view(SavedView.ALL)  # the default "Open" view drops answered cases
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "001-en-access-default.eml"])
    reference = window.case_list.model.row_at(0).reference
    flow = window.workflow
    assert flow.triage(reference, CaseKind.ACCESS, "EU", "li.handler")
    assert _status(window, reference) == CaseStatus.IN_PROGRESS
    assert flow._apply(
        reference,
        lambda s, c: __import__(
            "app.services.workflow", fromlist=["request_review"]
        ).request_review(
            s,
            c,
            ReviewSubject.REFUSAL,
            actor="li.handler",
            grounds=[("excessive", "fifth request this month")],
            printable=check_letter_text,
        ),
    )
    assert _status(window, reference) == CaseStatus.IN_REVIEW

    # The handler cannot sign off their own refusal: the window shows why, nothing changes.
    def decide(session: Session, case: Case) -> None:
        decide_review(session, case, case.reviews[0], reviewer=window.user.name(), approve=True)

    assert not flow._apply(reference, decide)
    window.user.switch("wang.reviewer")
    assert flow._apply(reference, decide)
    window.user.switch("li.handler")
    assert flow._apply(
        reference,
        lambda s, c: respond(
            s,
            c,
            CaseOutcome.REFUSED,
            grounds=[("excessive", "fifth request this month")],
            today=date(2026, 11, 29),
            actor=window.user.name(),
        ),
    )
    assert _status(window, reference) == CaseStatus.RESPONDED
    assert "signed in as li.handler" in window.statusBar().currentMessage()
