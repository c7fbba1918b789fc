"""What an identity or clarification request says about the time limit (QA11 D6, D7): where
the rule stops the clock for the identity check (GDPR Art. 12(6) as the EU rule set reads it)
the identity request says it is paused from its date, never that the law does not pause it
(a clarification states the due date while no pause is recorded:
test_case_answer_letters); with no due date either letter says none is set yet instead of an
empty section. Rendered for real, read with pypdf;
expected sentences written out from the templates."""

from dataclasses import replace
from datetime import date

import pytest

from app.models.enums import CaseKind
from app.reports import default_letterhead, render_letter
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

ASKING = {"identity_request": samples.IDENTITY, "clarification_request": samples.CLARIFICATION}
PAUSED_FROM = "The time limit for our reply is paused from the date of this letter until we "
STOPS = {
    "en": PAUSED_FROM + "receive this proof",
    "zh": "自本函发出之日起至我们收到上述材料之日止，答复期限暂停计算",
}
UNSET = {
    ("identity_request", "en"): "No date for our reply has been set yet: we will reply "
    "without undue delay once we have verified your identity",
    ("identity_request", "zh"): "答复期限待定：核验您的身份后，我们将及时答复您",
    ("clarification_request", "en"): "No date for our reply has been set yet: we will reply "
    "without undue delay once we have your answer",
    ("clarification_request", "zh"): "答复期限待定：收到您的说明后，我们将及时答复您",
}
NOT_PAUSED = ("notpaused", "不因身份核验而暂停", "不因本函而暂停")


def _text(key: str, facts: object, language: str) -> str:
    kind, _sample = samples.SAMPLES[key]
    pdf = render_letter(kind, facts, language, default_letterhead())
    return squash("".join(read_pdf(pdf)[0]))


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_an_eu_identity_request_says_the_clock_stops_from_the_letter(language: str) -> None:
    # QA11 D6, PD-070 (EU deletion, clock running): "under the applicable law the time limit
    # is not paused while we verify your identity: we must reply by 16 December 2026".
    facts = replace(
        samples.IDENTITY,
        case=samples.case(CaseKind.DELETION, "EU"),
        clock_paused=False,
        due_date=date(2026, 12, 16),
        stops_from_letter=True,
    )
    text = _text("identity_request", facts, language)
    for part in language.split("+"):
        assert squash(STOPS[part]) in text
    assert not any(words in text for words in NOT_PAUSED)
    assert "16December2026" not in text and "2026年12月16日" not in text


@pytest.mark.parametrize("key", sorted(ASKING))
@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_a_request_without_a_due_date_says_none_is_set(key: str, language: str) -> None:
    # QA11 D7, PD-052 (HK deletion, no deadline): "3. Time limit" was followed by "4. How to
    # send it securely".
    facts = replace(
        ASKING[key], case=samples.case(CaseKind.DELETION, "HK"), clock_paused=False, due_date=None
    )
    text = _text(key, facts, language)
    for part in language.split("+"):
        assert squash(UNSET[(key, part)]) in text
    assert not any(squash(sentence) in text for sentence in STOPS.values())
    assert "暂停计算" not in text and "paused" not in text


def test_a_running_clock_the_rule_does_not_stop_still_states_the_due_date() -> None:
    # CCPA (11 CCR §7021(b)): the period runs on while identity is verified.
    facts = replace(
        samples.IDENTITY,
        case=samples.case(CaseKind.ACCESS, "US-CA"),
        clock_paused=False,
        due_date=date(2026, 11, 22),
    )
    text = _text("identity_request", facts, "en")
    assert squash("is not paused while we verify your identity: we must reply by 22 November") in (
        text
    )
    assert squash("No date for our reply") not in text
