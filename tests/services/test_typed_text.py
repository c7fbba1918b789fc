"""One rule for the free text a person types: bidi embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069, UAX #9 §2.1-2.4) are refused in notes and reasons, and in a
holiday's name, as the New case dialog refuses them in a name; scripts keep their marks and
joiners (QA round 16, W5)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.errors import ClockError, ManualIntakeError, ScheduleError, WorkflowError
from app.models import Note
from app.models.enums import CaseKind, PauseReason
from app.services.clock_adjustments import pause_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.manual_request import check_request
from app.services.settings_calendar import set_day_override, year_days
from app.services.typed_text import (
    DIRECTION_CONTROLS,
    control_characters,
    has_direction_controls,
    without_direction_controls,
)
from app.services.workflow import add_note
from app.store import Database
from tests.services.phone_cases import case_at, phone_case, phone_request

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 29)
# The QA's string: RIGHT-TO-LEFT OVERRIDE first, then a ZWJ, HTML, SQL and Arabic.
HOSTILE = "\u202eevil\u200d 🙂 <b>x</b> '; DROP TABLE cases;-- %s {0} \u200b مرحبا"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def reference(database: Database, rule_book: RuleBook) -> str:
    request = phone_request(CaseKind.ACCESS, "Wants a copy of the account data.")
    return phone_case(database, rule_book, request, today=TODAY, now=NOW)


def test_the_nine_controls_and_nothing_else() -> None:
    assert len(DIRECTION_CONTROLS) == 9  # LRE RLE PDF LRO RLO (202A-E), LRI RLI FSI PDI (2066-9)
    assert all(has_direction_controls(f"a{c}b") for c in DIRECTION_CONTROLS)
    # Marks and joiners scripts need: LRM, RLM, ALM, ZWNJ (Persian), ZWJ (emoji).
    assert not has_direction_controls("a\u200eb\u200fc\u061cd می\u200cخواهم 👩\u200d💻")
    assert without_direction_controls(HOSTILE) == HOSTILE[1:]
    assert without_direction_controls("\u2067שלום\u2069 x\u202c") == "שלום x"


@pytest.mark.parametrize("control", sorted(DIRECTION_CONTROLS))
def test_a_note_with_a_direction_control_is_refused_and_nothing_stored(
    database: Database, reference: str, control: str
) -> None:
    with database.session() as session, pytest.raises(WorkflowError, match="direction-changing"):
        add_note(session, case_at(session, reference), f"call back {control}tomorrow", actor="li")
    with database.session() as session:
        assert case_at(session, reference).notes == []


def test_a_note_keeps_what_scripts_need(database: Database, reference: str) -> None:
    text = "می\u200cخواهم\nעברית \u200fABC\u200f 👩\u200d💻"  # Persian ZWNJ, RLM, ZWJ emoji
    with database.session() as session:
        add_note(session, case_at(session, reference), text, actor="li")
    with database.session() as session:
        assert [n.text for n in session.scalars(select(Note))] == [text]


def test_a_holiday_name_is_refused_as_the_new_case_dialog_refuses_a_name(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session, pytest.raises(ScheduleError) as raised:
        set_day_override(
            session,
            rule_book,
            "holidays:CN",
            date(2026, 12, 7),
            working=False,
            name=HOSTILE,
            actor="admin",
            today=TODAY,
        )
    assert str(raised.value) == (
        "The name holds invisible or direction-changing characters; type it again."
    )
    with database.session() as session:
        entered = [row for row in year_days(session, "holidays:CN", 2026) if row.entered]
        assert entered == []


def test_a_manual_requests_summary_is_refused_like_a_note(rule_book: RuleBook) -> None:
    received_at = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    request = phone_request(CaseKind.ACCESS, "Wants a copy \u2066of the account data.", received_at)
    with pytest.raises(ManualIntakeError, match="direction-changing") as raised:
        check_request(request, rule_book, now=NOW)
    assert raised.value.field == "summary"


def test_a_pause_note_is_refused_like_a_note(
    database: Database, rule_book: RuleBook, reference: str
) -> None:
    # Received Wed 30 Sep 2026: a pause from Thu 8 Oct (today 29 Nov) is otherwise allowed.
    with database.session() as session, pytest.raises(ClockError, match="direction-changing"):
        pause_clock(
            session,
            case_at(session, reference),
            rule_book,
            start_date=date(2026, 10, 8),
            reason=PauseReason.CLARIFICATION,
            note="asked \u202bfor the order number",
            today=TODAY,
        )
    with database.session() as session:
        assert case_at(session, reference).pauses == []


def test_control_characters_are_named_once_each_tab_and_line_feed_kept() -> None:
    # NUL, BEL (twice: named once), CR, DEL and the C1 NEL are Cc; tab and LF are layout; the
    # ZWJ (U+200D, Cf) of an emoji spelling is no control character.
    text = "a\x00b\x07c\x07\r\n\td\x7f\x85 👩\u200d💻"
    assert control_characters(text) == ("U+0000", "U+0007", "U+000D", "U+007F", "U+0085")
    assert control_characters("两行\n\t文字") == ()
