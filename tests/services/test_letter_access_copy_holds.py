"""A legal hold is a reason not to delete, never to leave data out of the data subject's copy
(PIPL Art. 45; GDPR Art. 15(3)): the plan refuses it on an access or copy request, the answer
"met in full" is refused while one is left out, and the access response never leaves a
category out without saying why (QA12 N4: demo PD-011, "Orders and transactions" held under
E-Commerce Law Art. 31 was printed as "Not included in this copy" with no reason)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import CopyLeftOutError, HoldOnAccessCopyError, TransitionBlockedError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind
from app.reports import DataCopyRow, default_letterhead, render_letter
from app.reports.case_letters import render_case_letter
from app.reports.letter_kinds import ACCESS_RESPONSE
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker, letter_fit
from app.services.letters import generate_letter
from app.services.workflow import respond, set_action
from app.store import Database
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.letter_cases import TODAY, export_categories, open_case, verify
from tests.services.retention_factory import HANDLER

ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
HOLD_UNTIL = date(2029, 11, 29)  # 36 months (E-Commerce Law Art. 31)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _hold_orders(session: Session, case: Case) -> None:
    set_action(
        session,
        case,
        "orders",
        CategoryActionKind.LEGAL_HOLD,
        hold_until=HOLD_UNTIL,
        hold_rule="ecommerce_art31",
        actor=HANDLER,
    )


def _copied_with_orders_held(session: Session, rule_book: RuleBook, kind: CaseKind) -> Case:
    """A verified request whose copy is done but for the orders, stored as held (as a
    database written before holds were refused on a copy has it)."""
    case = open_case(session, rule_book, kind)
    verify(session, case, rule_book)
    export_categories(session, case)
    orders = next(a for a in case.category_actions if a.category == "orders")
    orders.action, orders.hold_until, orders.hold_rule = (
        CategoryActionKind.LEGAL_HOLD,
        HOLD_UNTIL,
        "ecommerce_art31",
    )
    return case


def _text(session: Session, rule_book: RuleBook, case: Case, language: str) -> str:
    """The access response of ``case`` in ``language``, as text without spaces."""
    stored = generate_letter(
        session,
        case.reference,
        "access_response",
        language,
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
        actor=HANDLER,
    )
    return squash("".join(read_pdf(stored.pdf)[0]))


@pytest.mark.parametrize("kind", [CaseKind.ACCESS, CaseKind.COPY])
def test_the_plan_refuses_a_legal_hold_on_a_copy(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, kind)
        export_categories(session, case)
        with pytest.raises(HoldOnAccessCopyError):
            _hold_orders(session, case)
        orders = next(a for a in case.category_actions if a.category == "orders")
        assert orders.action == CategoryActionKind.EXPORT


def test_a_deletion_still_holds_its_orders(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.DELETION)
        _hold_orders(session, case)
        assert case.category_actions[0].action == CategoryActionKind.LEGAL_HOLD


def test_a_copy_with_a_held_category_left_out_is_not_met_in_full(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _copied_with_orders_held(session, rule_book, CaseKind.COPY)
        with pytest.raises(TransitionBlockedError) as blocked:
            respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)
        assert case.outcome is None and case.status == CaseStatus.IN_PROGRESS
        case.outcome, case.responded_at = CaseOutcome.FULFILLED, ANSWERED_AT
        blocker = letter_fit(case, "access_response", rule_book, TODAY).blocker
    assert blocked.value.missing == (
        "each data category of the copy planned as exported or none held (a legal hold keeps "
        'data from deletion, not from the data subject): "Orders and transactions"',
    )
    assert blocker == LetterBlocker.EXPORT_NOT_DONE


def test_a_copy_met_in_part_says_why_a_category_is_left_out(
    database: Database, rule_book: RuleBook
) -> None:
    # The partial refusal gives the grounds (PIPL Art. 50); the annex points to it.
    with database.session() as session:
        case = _copied_with_orders_held(session, rule_book, CaseKind.ACCESS)
        case.outcome, case.responded_at = CaseOutcome.PARTIALLY_FULFILLED, ANSWERED_AT
        case.status = CaseStatus.RESPONDED
        texts = {language: _text(session, rule_book, case, language) for language in ("zh", "en")}
    assert (
        "订单与交易记录本副本未包含此类个人信息，理由见我们就您请求中未能办理部分所作的答复"
        in (texts["zh"])
    )
    assert squash(
        "Orders and transactions Not included in this copy: our letter on the part of your "
        "request we could not meet gives the grounds"
    ) in squash(texts["en"])
    # Its retention basis is stated all the same (E-Commerce Law Art. 31).
    assert "《中华人民共和国电子商务法》第三十一条" in texts["zh"]


def test_a_held_row_neither_exported_nor_explained_is_refused() -> None:
    kind, facts = samples.SAMPLES["access_response"]
    assert kind is ACCESS_RESPONSE
    silent = DataCopyRow("订单与交易记录", "", "", "")
    with pytest.raises(CopyLeftOutError):
        render_letter(
            kind, type(facts)(**{**vars(facts), "data_copy": (silent,)}), "en", default_letterhead()
        )


def test_the_bilingual_response_lists_the_categories_in_each_halfs_language(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, case, rule_book)
        export_categories(session, case, ("account", "orders"))
        respond(
            session,
            case,
            CaseOutcome.FULFILLED,
            today=TODAY,
            actor=HANDLER,
            responded_at=ANSWERED_AT,
        )
        both = _text(session, rule_book, case, "zh+en")
    assert "二、处理的个人信息种类•账号信息•订单与交易记录三、" in both
    english = "2. Categories of personal information • Account information • Orders and "
    assert squash(english + "transactions 3.") in both
    assert "账号信息/" not in both and squash("/ Account information") not in both
