"""An identity or clarification request under a due date set by hand: the statutory time limit
is paused (GB/T 35273-2020 §8.7; GDPR Art. 12(6) as the EU rule set reads it), but the date the
company set itself before it does not move, so the letter still promises it, in its own
paragraph after the one saying the limit is paused. Without a hand date, or where the clock
runs on and its paragraph already states the date, that paragraph is absent. Rendered for real,
read with pypdf; expected sentences written out from the brief's wording.

The case end to end: received Mon 2 Nov 2026 10:00 Beijing, CN, due Mon 23 Nov 2026 by PIPL
Art. 50 (15 working days, no holiday in November 2026, 国办发明电〔2025〕7号); set by hand to
Fri 20 Nov 2026.
"""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.models.enums import CaseKind
from app.reports import default_letterhead, render_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import set_due_date_by_hand
from app.services.letters import letter_context
from app.store import Database
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.clock_cases import timed_case

HAND_DATE = date(2026, 11, 20)
PROMISE = {
    ("identity_request", "en"): "We have nevertheless undertaken to reply by 20 November 2026, "
    "a date we set ourselves ahead of the statutory time limit; it does not move while we wait "
    "for your proof.",
    ("identity_request", "zh"): "尽管如此，我们已承诺于2026年11月20日前答复您；该日期是我们"
    "自行确定、早于法定期限的日期，不因等待您的材料而推迟。",
    ("clarification_request", "en"): "We have nevertheless undertaken to reply by 20 November "
    "2026, a date we set ourselves ahead of the statutory time limit; it does not move while we "
    "wait for your answer.",
    ("clarification_request", "zh"): "尽管如此，我们已承诺于2026年11月20日前答复您；该日期是"
    "我们自行确定、早于法定期限的日期，不因等待您的说明而推迟。",
}
PAUSED = {
    ("identity_request", "en"): "The time limit for our reply is paused until we receive this "
    "proof",
    ("identity_request", "zh"): "在我们收到上述材料之前，答复期限暂停计算",
    ("clarification_request", "en"): "The time limit for our reply is paused until we receive "
    "your answer",
    ("clarification_request", "zh"): "在我们收到您的说明之前，答复期限暂停计算",
}
STOPS = {
    "en": "The time limit for our reply is paused from the date of this letter until we "
    "receive this proof",
    "zh": "自本函发出之日起至我们收到上述材料之日止，答复期限暂停计算",
}
ASKING = {"identity_request": samples.IDENTITY, "clarification_request": samples.CLARIFICATION}
LANGUAGES = ("zh", "en", "zh+en")
# Words only the promise paragraph has, in either language.
PROMISE_WORDS = ("undertaken", "自行确定")


def _text(key: str, facts: object, language: str) -> str:
    kind, _sample = samples.SAMPLES[key]
    pdf = render_letter(kind, facts, language, default_letterhead())
    return squash("".join(read_pdf(pdf)[0]))


def _after(text: str, first: str, then: str) -> bool:
    return squash(first) in text and text.index(squash(first)) < text.index(squash(then))


@pytest.mark.parametrize("key", sorted(ASKING))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_paused_clock_under_a_hand_date_still_promises_the_hand_date(
    key: str, language: str
) -> None:
    facts = replace(ASKING[key], clock_paused=True, due_date=None, due_date_by_hand=HAND_DATE)
    text = _text(key, facts, language)
    for part in language.split("+"):
        assert _after(text, PAUSED[(key, part)], PROMISE[(key, part)])
    assert "不因身份核验而暂停" not in text and "notpaused" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clock_stopping_from_the_letter_under_a_hand_date_promises_it_after_saying_so(
    language: str,
) -> None:
    facts = replace(
        samples.IDENTITY,
        case=samples.case(CaseKind.DELETION, "EU"),
        clock_paused=False,
        due_date=HAND_DATE,
        stops_from_letter=True,
        due_date_by_hand=HAND_DATE,
    )
    text = _text("identity_request", facts, language)
    for part in language.split("+"):
        assert _after(text, STOPS[part], PROMISE[("identity_request", part)])


@pytest.mark.parametrize("key", sorted(ASKING))
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_hand_date_a_paused_clock_promises_no_date(key: str, language: str) -> None:
    facts = replace(ASKING[key], clock_paused=True, due_date=None)
    text = _text(key, facts, language)
    assert squash(PAUSED[(key, language.split("+")[0])]) in text
    assert not any(words in text for words in PROMISE_WORDS)
    assert "20November2026" not in text and "2026年11月20日" not in text


def test_a_running_clock_under_a_hand_date_promises_it_in_its_own_paragraph_only() -> None:
    # CCPA (11 CCR §7021(b)): the period runs on; the running paragraph gives the hand date as
    # ours beside the law's (test_letter_hand_date_running), not the paused-clock promise.
    facts = replace(
        samples.IDENTITY,
        case=samples.case(CaseKind.ACCESS, "US-CA"),
        clock_paused=False,
        due_date=HAND_DATE,
        due_date_by_hand=HAND_DATE,
    )
    text = _text("identity_request", facts, "en")
    assert text.count("20November2026") == 1
    assert "itdoesnotmovewhilewewait" not in text
    assert "wemustreplyby20November2026" not in text


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    ("kind", "due_date"),
    # Access: the statutory clock starts on verification, not yet done: no running date.
    # Deletion: it runs from receipt and stops from the letter: the running date is the hand's.
    [(CaseKind.ACCESS, None), (CaseKind.DELETION, HAND_DATE)],
)
def test_the_letter_context_carries_the_hand_date_whatever_the_clock_does(
    database: Database, rule_book: RuleBook, kind: CaseKind, due_date: date | None
) -> None:
    received, today = datetime(2026, 11, 2, 2, 0, tzinfo=UTC), date(2026, 11, 10)
    with database.session() as session:
        case = timed_case(session, rule_book, kind=kind, received=received, today=today)
        ruled = letter_context(session, case, rule_book, today)
        set_due_date_by_hand(
            session, case, HAND_DATE, "法院裁定", rule_book, today=today, actor="li"
        )
        by_hand = letter_context(session, case, rule_book, today)
    assert ruled.due_date_by_hand is None
    assert (by_hand.due_date_by_hand, by_hand.clock_stops_on_asking) == (HAND_DATE, True)
    assert (None if by_hand.clock_waits else by_hand.due_date) == due_date


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cn_deletion_with_a_hand_date_renders_the_promise_from_the_record(
    database: Database, rule_book: RuleBook, language: str
) -> None:
    from app.reports.case_answer_letters import identity_request

    received, today = datetime(2026, 11, 2, 2, 0, tzinfo=UTC), date(2026, 11, 10)
    with database.session() as session:
        case = timed_case(
            session, rule_book, kind=CaseKind.DELETION, received=received, today=today
        )
        set_due_date_by_hand(
            session, case, HAND_DATE, "法院裁定", rule_book, today=today, actor="li"
        )
        context = letter_context(session, case, rule_book, today)
    text = _text("identity_request", identity_request(context, language), language)
    for part in language.split("+"):
        assert _after(text, STOPS[part], PROMISE[("identity_request", part)])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_running_clock_from_the_record_states_the_law_s_date_and_the_hand_date_apart(
    database: Database, rule_book: RuleBook, language: str
) -> None:
    # CCPA access, received Mon 2 Nov 2026 10:00 Los Angeles: 11 CCR §7021(b) gives 45 calendar
    # days and verifying the requester does not stop them; counted from the day after receipt
    # (Civ. Code §10) they end Thu 17 Dec 2026, no judicial holiday (CCP §135). Set by hand to
    # Tue 1 Dec 2026. The letter must give 17 Dec as the law's limit, 1 Dec as our own.
    from app.reports.case_answer_letters import identity_request

    received, today = datetime(2026, 11, 2, 18, 0, tzinfo=UTC), date(2026, 11, 10)
    hand = date(2026, 12, 1)
    with database.session() as session:
        case = timed_case(
            session, rule_book, kind=CaseKind.ACCESS, received=received, today=today,
            jurisdiction="US-CA",
        )  # fmt: skip
        set_due_date_by_hand(session, case, hand, "agreed", rule_book, today=today, actor="li")
        context = letter_context(session, case, rule_book, today)
    assert (context.due_date_by_hand, context.statutory_due_date) == (hand, date(2026, 12, 17))
    text = _text("identity_request", identity_request(context, language), language)
    for part in language.split("+"):
        law, ours = (
            ("17December2026", "1December2026")
            if part == "en"
            else ("2026年12月17日", "2026年12月1日")
        )
        assert _after(text, law, ours)
