"""The reason of an extension (QA18 F10): refused when typed if the extension notice could not
print it, and correctable until the notice is sent, each correction an audit event.

The case: an EU access request received Mon 30 Nov 2026 10:00 Brussels (09:00 UTC). GDPR Art.
12(3), counted by Reg. 1182/71 Art. 3(2)(c): one month ends Wed 30 Dec 2026 (a working day),
the last day to notify an extension; extended, three months from receipt end on 30 Feb 2027,
which does not exist, so on the month's last day, Sun 28 Feb 2027 (Art. 3(2)(c)), moved to the
next working day (Art. 3(4)): Mon 1 Mar 2027.
"""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ClockError
from app.models import Case, DataSubject, Event
from app.models.enums import CaseKind, CaseStatus
from app.reports.case_letters import render_case_letter
from app.reports.letter_text import check_letter_text
from app.services.clock_adjustments import take_extension
from app.services.deadlines import RuleBook, load_rule_book
from app.services.extension_reason import correct_extension_reason, reason_digest
from app.services.letters import approve_letter, generate_letter, record_sending
from app.store import Database
from tests.services.clock_cases import timed_case

RECEIVED = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 1)  # within the first month: the extension may still be taken
NOTICE_DUE = date(2026, 12, 30)
EXTENDED_DUE = date(2027, 3, 1)
# 𠮷 (U+20BB7, CJK Extension B) is in no bundled letter face; the tests borrow no font from the
# computer (tests.reports.system_font_isolation).
UNPRINTABLE = "大量数据 / large volume of records — 𠮷"
PRINTABLE = "大量数据 / large volume of records in archived systems"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eu_case(session: Session, rule_book: RuleBook) -> Case:
    case = timed_case(
        session,
        rule_book,
        kind=CaseKind.ACCESS,
        received=RECEIVED,
        today=TODAY,
        jurisdiction="EU",
        status=CaseStatus.IN_PROGRESS,
    )
    assert (case.due_date, case.extension_notice_due_date) == (NOTICE_DUE, NOTICE_DUE)
    return case


def _extend(session: Session, case: Case, rule_book: RuleBook, reason: str) -> date:
    return take_extension(
        session, case, rule_book, reason=reason, printable=check_letter_text, today=TODAY
    )


def _actions(session: Session) -> list[str]:
    return list(session.scalars(select(Event.action).order_by(Event.id)))


def test_a_reason_the_notice_cannot_print_is_refused_when_typed(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _eu_case(session, rule_book)
        before = _actions(session)
        with pytest.raises(ClockError) as refused:
            _extend(session, case, rule_book, UNPRINTABLE)
        message = str(refused.value)
        assert message.startswith(
            "The reason holds characters no letter font on this computer has (U+20BB7), so "
            "the extension notice could not print it: type the reason without them, or install"
        )
        assert "CJK Extension B" in message
        assert "大量数据" not in message  # the code point, never the text typed
        # Nothing taken: no extension, no event, the due date as it was.
        assert (case.extension_reason, case.extended_at) == (None, None)
        assert case.binding_due_date == NOTICE_DUE
        assert _actions(session) == before
        assert _extend(session, case, rule_book, f"  {PRINTABLE}\n") == EXTENDED_DUE
        assert case.extension_reason == PRINTABLE


def test_the_reason_is_corrected_and_audited_without_moving_the_dates(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _eu_case(session, rule_book)
        assert _extend(session, case, rule_book, "Many archived systems") == EXTENDED_DUE
        with pytest.raises(ClockError, match=r"\(U\+20BB7\)"):
            correct_extension_reason(
                session, case, reason=UNPRINTABLE, printable=check_letter_text, actor="li.na"
            )
        assert case.extension_reason == "Many archived systems"
        changed = correct_extension_reason(
            session, case, reason=f" {PRINTABLE} ", printable=check_letter_text, actor="li.na"
        )
        assert changed is True
        assert case.extension_reason == PRINTABLE
        assert case.binding_due_date == case.extended_due_date == EXTENDED_DUE
        assert case.due_date == NOTICE_DUE
        event = session.scalars(select(Event).order_by(Event.id.desc())).first()
        assert event is not None
        assert (event.action, event.actor) == ("clock.extension_reason_corrected", "li.na")
        assert event.payload == {
            "from_sha256": reason_digest("Many archived systems"),
            "to_sha256": reason_digest(PRINTABLE),
        }
        count = len(_actions(session))
        # The same reason again: nothing to correct, nothing audited.
        assert not correct_extension_reason(
            session, case, reason=PRINTABLE, printable=check_letter_text, actor="li.na"
        )
        assert len(_actions(session)) == count


def test_a_reason_is_not_corrected_on_a_case_not_extended_or_closed(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _eu_case(session, rule_book)
        with pytest.raises(ClockError, match="has not been extended"):
            correct_extension_reason(
                session, case, reason=PRINTABLE, printable=check_letter_text, actor="li.na"
            )
        _extend(session, case, rule_book, "Many archived systems")
        case.status = CaseStatus.CLOSED
        with pytest.raises(ClockError, match="answered or closed"):
            correct_extension_reason(
                session, case, reason=PRINTABLE, printable=check_letter_text, actor="li.na"
            )
        assert case.extension_reason == "Many archived systems"


def test_once_the_notice_is_sent_its_reason_stays(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _eu_case(session, rule_book)
        case.subject = DataSubject(display_name="Erika Mustermann")
        _extend(session, case, rule_book, "Many archived systems")
        notice = generate_letter(
            session,
            case.reference,
            "extension_notice",
            "en",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=TODAY,
            actor="li.na",
        )
        letter = case.letters[-1]
        assert letter.sha256 == notice.sha256
        # Generated, not sent: the reason can still be corrected (a new notice is produced).
        assert correct_extension_reason(
            session, case, reason=PRINTABLE, printable=check_letter_text, actor="li.na"
        )
        approve_letter(session, case.reference, letter.id, reviewer="wang.wei")
        record_sending(
            session,
            case.reference,
            letter.id,
            channel="email",
            sent_at=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
            proof="<notice-1@xuyun.example>",
            actor="li.na",
        )
        with pytest.raises(ClockError, match="extension notice has been sent"):
            correct_extension_reason(
                session, case, reason="Another reason", printable=check_letter_text, actor="li.na"
            )
        assert case.extension_reason == PRINTABLE


def test_control_characters_are_refused_as_such_not_as_missing_from_a_font(
    database: Database, rule_book: RuleBook
) -> None:
    # QA20 N5: NUL-like U+0001 and BEL U+0007 were refused with the font message, whose advice
    # (install a font) cannot help: they are control characters, named before any font check.
    with database.session() as session:
        case = _eu_case(session, rule_book)
        before = _actions(session)
        with pytest.raises(ClockError) as refused:
            _extend(session, case, rule_book, "NUL\x01bell\x07 reason \x07")
        assert str(refused.value) == (
            "The reason holds control characters (U+0001, U+0007); type it again."
        )
        assert (case.extension_reason, case.extended_at) == (None, None)
        assert _actions(session) == before
        # Tabs and line feeds are layout a reason may hold; a carriage return (no line break a
        # letter prints) and ESC, NEL are refused, also on correcting.
        assert _extend(session, case, rule_book, "Archived:\tsystems\nand logs") == EXTENDED_DUE
        with pytest.raises(ClockError, match=r"control characters \(U\+001B, U\+0085, U\+000D\)"):
            correct_extension_reason(
                session, case, reason="\x1b[31m \x85\r\n", printable=check_letter_text
            )
        assert case.extension_reason == "Archived:\tsystems\nand logs"
