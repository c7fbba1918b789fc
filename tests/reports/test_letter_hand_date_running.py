"""An identity or clarification request under a due date set by hand, where the statutory clock
runs on while we wait: the letter gives the law's due date as the legal limit (with the law)
and the hand date apart, as the company's own commitment — never "under the applicable law
we must reply by {hand date}". Where the hand date is the statutory date itself, the law's
paragraph states it as before. Rendered for real, read back with pypdf; every expected sentence
is written out by hand.

Dates (letters of the samples: received Thu 8 Oct 2026, issued Tue 20 Oct 2026):
- US-CA access: CCPA §1798.130(a)(2): 45 calendar days from receipt: 8 Oct + 45 = Sun
  22 Nov 2026 (calendar days; the period is not moved off a weekend). Hand date Fri 13 Nov.
- EU access (clarification; no rule stops the clock for one): GDPR Art. 12(3), one month from
  receipt: 8 Oct -> Sun 8 Nov 2026 (Reg. 1182/71 Art. 3(4) moves it to Mon 9 Nov). Hand date
  Fri 30 Oct.
"""

from dataclasses import replace
from datetime import date

import pytest

from app.models.enums import CaseKind
from app.reports import default_letterhead, render_letter
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

LANGUAGES = ("zh", "en", "zh+en")
CCPA_DUE, CCPA_HAND = date(2026, 11, 22), date(2026, 11, 13)
GDPR_DUE, GDPR_HAND = date(2026, 11, 9), date(2026, 10, 30)

IDENTITY_KNOWN = {
    "en": "Please note that the statutory time limit for our reply (the California Consumer "
    "Privacy Act, as amended by the California Privacy Rights Act) is not paused while we "
    "verify your identity: the law requires us to reply by 22 November 2026 at the latest. "
    "We have undertaken to reply earlier, by 13 November 2026, a date we set ourselves.",
    "zh": "请注意：依照美国《加利福尼亚州消费者隐私法》（CCPA，经《加利福尼亚州隐私权法》修订），"
    "法定答复期限不因身份核验而暂停，我们最迟应于2026年11月22日前答复您。我们已承诺提前于"
    "2026年11月13日前答复您，该日期是我们自行确定的。",
}
IDENTITY_UNKNOWN = {
    "en": "Please note that the statutory time limit for our reply (the California Consumer "
    "Privacy Act, as amended by the California Privacy Rights Act) is not paused while we "
    "verify your identity. We have undertaken to reply by 13 November 2026, a date we set "
    "ourselves ahead of that time limit.",
    "zh": "请注意：依照美国《加利福尼亚州消费者隐私法》（CCPA，经《加利福尼亚州隐私权法》修订），"
    "法定答复期限不因身份核验而暂停。我们已承诺于2026年11月13日前答复您；该日期是我们自行确定、"
    "早于法定期限的日期。",
}
CLARIFICATION_KNOWN = {
    "en": "Please note that the statutory time limit for our reply (Chapter III (Rights of the "
    "data subject) of the General Data Protection Regulation (EU) 2016/679) is not paused "
    "by this letter: the law requires us to reply by 9 November 2026 at the latest. We have "
    "undertaken to reply earlier, by 30 October 2026, a date we set ourselves.",
    "zh": "请注意：依照欧盟《通用数据保护条例》（GDPR）第三章（数据主体的权利），法定答复期限不因"
    "本函而暂停，我们最迟应于2026年11月9日前答复您。我们已承诺提前于2026年10月30日前答复您，"
    "该日期是我们自行确定的",
}
COMPLAINT_KNOWN = {
    "en": "Please note that the time limit for our reply is not paused while we verify your "
    "identity: it ends on 22 November 2026. We have undertaken to reply earlier, by 13 November "
    "2026, a date we set ourselves.",
    "zh": "请注意：答复期限不因身份核验而暂停，期限于2026年11月22日届满。我们已承诺提前于"
    "2026年11月13日前答复您，该日期是我们自行确定的。",
}
# The misstatement: the hand date given as the law's.
AS_THE_LAW = ("wemustreplyby13November2026", "我们应于2026年11月13日前答复您")


def _text(key: str, facts: object, language: str) -> str:
    kind, _sample = samples.SAMPLES[key]
    return squash("".join(read_pdf(render_letter(kind, facts, language, default_letterhead()))[0]))


def _ccpa(kind: CaseKind, statutory: date | None) -> object:
    return replace(
        samples.IDENTITY,
        case=samples.case(kind, "US-CA"),
        clock_paused=False,
        due_date=CCPA_HAND,
        due_date_by_hand=CCPA_HAND,
        statutory_due_date=statutory,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_running_identity_clock_states_the_law_s_date_and_the_hand_date_apart(
    language: str,
) -> None:
    text = _text("identity_request", _ccpa(CaseKind.ACCESS, CCPA_DUE), language)
    for part in language.split("+"):
        assert squash(IDENTITY_KNOWN[part]) in text
    assert not any(wrong in text for wrong in AS_THE_LAW)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_the_law_s_date_the_hand_date_is_still_only_ours(language: str) -> None:
    text = _text("identity_request", _ccpa(CaseKind.ACCESS, None), language)
    for part in language.split("+"):
        assert squash(IDENTITY_UNKNOWN[part]) in text
    assert not any(wrong in text for wrong in AS_THE_LAW)


@pytest.mark.parametrize("language", ("zh", "en"))
def test_a_complaint_s_running_clock_gives_both_dates(language: str) -> None:
    text = _text("identity_request", _ccpa(CaseKind.COMPLAINT, CCPA_DUE), language)
    assert squash(COMPLAINT_KNOWN[language]) in text
    assert "wewillreplyby13November2026" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_running_clarification_clock_states_the_law_s_date_and_the_hand_date_apart(
    language: str,
) -> None:
    facts = replace(
        samples.CLARIFICATION,
        case=samples.case(CaseKind.ACCESS, "EU"),
        clock_paused=False,
        due_date=GDPR_HAND,
        due_date_by_hand=GDPR_HAND,
        statutory_due_date=GDPR_DUE,
    )
    text = _text("clarification_request", facts, language)
    for part in language.split("+"):
        assert squash(CLARIFICATION_KNOWN[part]) in text
    assert "wewillreplyby30October2026" not in text
    assert "我们将于2026年10月30日前答复您" not in text


def test_a_hand_date_on_the_statutory_date_is_stated_as_the_law_s() -> None:
    facts = replace(_ccpa(CaseKind.ACCESS, CCPA_HAND))
    text = _text("identity_request", facts, "en")
    assert (
        squash("is not paused while we verify your identity: we must reply by 13 November 2026.")
        in text
    )
    # The law named, as under a hand date before it (QA15 L3: "under the applicable law").
    assert squash("the statutory time limit for our reply (the California Consumer") in text
    assert "undertaken" not in text
