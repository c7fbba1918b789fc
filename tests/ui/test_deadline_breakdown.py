"""The deadline breakdown widget over the E6 explanation (reference §2.2)."""

from datetime import datetime

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind
from app.services.deadlines import compute_deadline, explain_deadline, load_rule_book
from app.ui.deadline_breakdown import SORT_ROLE, Column, DeadlineBreakdown, DeadlineDaysModel

E6_RECEIVED = datetime.fromisoformat("2026-09-30T10:00:00+08:00")


def _e6() -> DeadlineDaysModel:
    deadline = compute_deadline(load_rule_book(), "CN", CaseKind.DELETION, E6_RECEIVED)
    model = DeadlineDaysModel()
    model.set_days(explain_deadline(deadline).days, deadline.rule.calendar)
    return model


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(_e6())


def test_model_values_for_e6() -> None:
    model = _e6()
    assert model.rowCount() == 27  # 1-27 Oct 2026
    rows = {model.index(row, Column.DATE).data(): row for row in range(model.rowCount())}
    saturday = rows["2026-10-10"]
    assert model.index(saturday, Column.COUNTS).data() == "yes"
    # 2026 notice (国办发明电〔2025〕7号): Sat 10 Oct is worked for National Day.
    assert model.index(saturday, Column.WHY).data() == "Working day (make-up for National Day)"
    assert model.index(saturday, Column.RUNNING_COUNT).data() == "3"
    assert model.index(saturday, Column.WEEKDAY).data(SORT_ROLE) == 5
    first = rows["2026-10-01"]
    assert model.index(first, Column.COUNTS).data() == "no"
    assert model.index(first, Column.WHY).data() == "Holiday: National Day"
    last = rows["2026-10-27"]
    assert model.index(last, Column.WHY).data() == "Working day — Due"
    assert model.index(last, Column.RUNNING_COUNT).data() == "15"


def test_widget_summary_and_empty_state(qtbot: QtBot) -> None:
    widget = DeadlineBreakdown()
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    book = load_rule_book()
    jp = compute_deadline(book, "JP", CaseKind.ACCESS, E6_RECEIVED)
    widget.set_explanation(explain_deadline(jp))
    assert "Policy, not statute" in widget.summary.text()
    assert "2026-10-14" in widget.summary.text()  # 30 Sep + 14 days
    assert widget.model.rowCount() == 14
    widget.set_explanation(None)
    assert widget.model.rowCount() == 0


def test_a_make_up_day_without_a_known_holiday_stays_plain() -> None:
    model = DeadlineDaysModel()
    deadline = compute_deadline(load_rule_book(), "CN", CaseKind.DELETION, E6_RECEIVED)
    model.set_days(explain_deadline(deadline).days)  # no calendar: no holiday to look up
    rows = {model.index(row, Column.DATE).data(): row for row in range(model.rowCount())}
    assert model.index(rows["2026-10-10"], Column.WHY).data() == "Make-up working day"
