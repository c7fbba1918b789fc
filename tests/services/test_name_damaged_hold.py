"""QA19 F10: ``name_damaged`` holds the letters (the Case menu's and the batch's) until a person
saves the requester's name, corrected or as it stands (Case › Workflow › Requester details…),
which clears the flag; a name in no doubt saved unchanged is still refused as nothing to save."""

import pytest
from sqlalchemy.orm import Session

from app.errors import LetterError, WorkflowError
from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_batch import Blocker, blocker_of
from app.services.letter_fit import LetterBlocker, check_letter_can_go, letter_fit
from app.services.workflow import correct_requester, requester_details
from app.store import Database
from tests.services.letter_cases import TODAY, open_case
from tests.services.retention_factory import HANDLER


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _damaged(session: Session, rule_book: RuleBook) -> Case:
    case = open_case(session, rule_book, CaseKind.ACCESS)
    assert case.subject is not None
    case.subject.display_name = "李"  # 李娜 with 娜 cut off in the mail
    case.review_flags = sorted({*case.review_flags, ReviewFlag.NAME_DAMAGED.value})
    session.flush()
    return case


def test_a_damaged_name_holds_the_letters(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _damaged(session, rule_book)
        fit = letter_fit(case, "acknowledgement", rule_book, TODAY)
        assert fit.blocker == LetterBlocker.NAME_UNCONFIRMED
        with pytest.raises(LetterError, match="Confirm or correct the requester's name"):
            check_letter_can_go(case, "acknowledgement", rule_book, TODAY)
        assert blocker_of(case, "acknowledgement") == Blocker.NAME_UNCONFIRMED
        assert requester_details(session, case).name_doubted


@pytest.mark.parametrize(("typed", "fields"), [("李娜", ("name",)), ("李", ())])
def test_saving_the_name_clears_the_flag_and_frees_the_letters(
    database: Database, rule_book: RuleBook, typed: str, fields: tuple[str, ...]
) -> None:
    with database.session() as session:
        case = _damaged(session, rule_book)
        details = requester_details(session, case)
        change = correct_requester(
            session, case, name=typed, email=details.email, phone=details.phone, actor=HANDLER
        )
        assert change.fields == fields and change.name_confirmed
        assert ReviewFlag.NAME_DAMAGED.value not in case.review_flags
        assert letter_fit(case, "acknowledgement", rule_book, TODAY).blocker is None
        assert blocker_of(case, "acknowledgement") is None
        assert not requester_details(session, case).name_doubted


def test_an_undoubted_name_saved_unchanged_is_still_nothing_to_save(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        details = requester_details(session, case)
        with pytest.raises(WorkflowError, match="unchanged"):
            correct_requester(
                session,
                case,
                name=details.name,
                email=details.email,
                phone=details.phone,
                actor=HANDLER,
            )
