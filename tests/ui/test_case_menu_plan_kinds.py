"""Case › Workflow offers each plan over the inventory only for the request kinds it serves
(QA14 F9): Plan deletion over the inventory for a deletion or account cancellation, Plan the
copy over the inventory for an access or copy request; for another kind each is disabled with
the sentence its service raises, the kind named as the UI names it. A stale call is refused
with the same words and changes nothing. Before, the copy planned on a deletion reported
success and deletion planned on an access request failed on its legal holds."""

import pytest
from pytestqt.qtbot import QtBot

from app.models import CategoryAction
from app.models.enums import CaseKind, CaseStatus, CategoryActionKind
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.ui.case_window import add_cases, gate_state, handler_window, take_messages

KINDS = tuple(CaseKind)
# Each kind by its label in the English UI (app.ui.labels).
LABELS = {
    CaseKind.ACCESS: "Access",
    CaseKind.COPY: "Copy",
    CaseKind.CORRECTION: "Correction",
    CaseKind.DELETION: "Deletion",
    CaseKind.ACCOUNT_CANCELLATION: "Account cancellation",
    CaseKind.CONSENT_WITHDRAWAL: "Consent withdrawal",
    CaseKind.OBJECTION: "Objection / restriction",
    CaseKind.EXPLANATION: "Explanation",
    CaseKind.COMPLAINT: "Complaint",
    CaseKind.REGULATOR_INQUIRY: "Regulator inquiry",
    CaseKind.REMINDER: "Reminder",
    CaseKind.NOT_A_REQUEST: "Not a request",
    CaseKind.OTHER: "Other",
}
ERASING = {CaseKind.DELETION, CaseKind.ACCOUNT_CANCELLATION}
COPYING = {CaseKind.ACCESS, CaseKind.COPY}


def _no_deletion(label: str) -> str:
    return (
        "Planning deletion over the inventory is for deletion and account-cancellation "
        f"requests; the kind of this request is '{label}'."
    )


def _no_copy(label: str) -> str:
    return (
        "Planning the copy over the inventory is for access and copy requests; the kind of "
        f"this request is '{label}'."
    )


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _add_cases(database: Database, rule_book: RuleBook) -> dict[CaseKind, str]:
    """A CN case of each kind of ``KINDS``, in progress; returns their references."""
    cases = [(kind, CaseStatus.IN_PROGRESS) for kind in KINDS]
    return dict(zip(KINDS, add_cases(database, rule_book, cases), strict=True))


def test_each_plan_is_offered_for_the_kinds_it_serves(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    references = _add_cases(database, rule_book)
    window = handler_window(qtbot, database, rule_book)
    found = {}
    for kind, reference in references.items():
        window.show_case(reference)
        found[kind] = (gate_state(window, "plan_deletion"), gate_state(window, "plan_export"))
    expected = {}
    for kind in KINDS:
        deletion = "" if kind in ERASING else _no_deletion(LABELS[kind])
        copy = "" if kind in COPYING else _no_copy(LABELS[kind])
        expected[kind] = ((not deletion, deletion, deletion), (not copy, copy, copy))
    assert found == expected


def test_the_tips_in_chinese(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    references = _add_cases(database, rule_book)
    window = handler_window(qtbot, database, rule_book)
    window.show_case(references[CaseKind.ACCESS])
    deletion = "按数据清单规划删除仅适用于删除请求和注销账号请求；本请求的类型为“查阅”。"
    assert gate_state(window, "plan_deletion") == (False, deletion, deletion)
    window.show_case(references[CaseKind.DELETION])
    copy = "按数据清单规划复制仅适用于查阅请求和复制请求；本请求的类型为“删除”。"
    assert gate_state(window, "plan_export") == (False, copy, copy)
    # An action that can go shows its label as read, without the "(&P)" mnemonic (QA15 W1).
    assert window.case_menu.gated["plan_deletion"].toolTip() == "按数据清单规划删除"


def test_a_stale_plan_of_the_wrong_kind_changes_nothing(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # QA14 F9: PD-018 (deletion) "Plan the copy…" returned True and said nothing; PD-017
    # (access) "Plan deletion…" failed on a legal hold.
    references = _add_cases(database, rule_book)
    deletion, access = references[CaseKind.DELETION], references[CaseKind.ACCESS]
    with database.session() as session:
        case = find_case(session, deletion)
        case.category_actions.append(
            CategoryAction(category="account", action=CategoryActionKind.DELETE, planned_by="li")
        )
    window = handler_window(qtbot, database, rule_book)
    with qtbot.assertNotEmitted(window.workflow.changed):
        assert not window.workflow.plan_export(deletion)
    assert any(_no_copy("Deletion") in text for text in take_messages())
    with qtbot.assertNotEmitted(window.workflow.changed):
        assert not window.workflow.plan_deletion(access)
    assert any(_no_deletion("Access") in text for text in take_messages())
    with database.session() as session:
        planned = [
            (a.category, a.action.value) for a in find_case(session, deletion).category_actions
        ]
        assert planned == [("account", "delete")]
        assert find_case(session, access).category_actions == []
