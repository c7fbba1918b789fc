"""An acknowledgement dated after the due date (QA9 L7): it never gives that past day as the
date "by" which we answer; it says the date has passed, apologises and promises the answer as
soon as possible. Dated on or before the due date, it states the date as always."""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.reports import default_letterhead
from app.reports.acknowledgement import AcknowledgementFacts, render_acknowledgement
from tests.reports.pdf_reading import read_pdf, squash

# CN, received Monday 2 March 2026: 15 working days (PIPL Art. 50 read with the 2019 认定方法)
# end Monday 23 March 2026 (no public holiday in between).
FACTS = AcknowledgementFacts(
    reference="PD-2026-000043",
    kind=CaseKind.ACCESS,
    requester_name="张三",
    received_date=date(2026, 3, 2),
    due_date=date(2026, 3, 23),
    due_provisional=False,
    issued_date=date(2026, 11, 30),
    jurisdiction="CN",
)


def _text(facts: AcknowledgementFacts, language: str) -> str:
    return squash(
        "".join(read_pdf(render_acknowledgement(facts, language, default_letterhead()))[0])
    )


@pytest.mark.parametrize("kind", [CaseKind.ACCESS, CaseKind.COMPLAINT])
def test_a_late_acknowledgement_says_the_due_date_has_passed(kind: CaseKind) -> None:
    facts = AcknowledgementFacts(**{**FACTS.__dict__, "kind": kind})
    zh, en = _text(facts, "zh"), _text(facts, "en")
    assert "2026年3月23日前" not in zh
    assert "2026年3月23日（已届满）" in zh
    assert "对此深表歉意" in zh and "尽快" in zh
    assert squash("Response due by 23 March 2026 (passed)") in en
    assert squash("by the date above") not in en
    assert squash("as soon as we can") in en


def test_an_acknowledgement_on_the_due_date_still_states_it() -> None:
    facts = AcknowledgementFacts(**{**FACTS.__dict__, "issued_date": date(2026, 3, 23)})
    zh = _text(facts, "zh")
    assert "答复期限2026年3月23日前" in zh
    assert "已届满" not in zh
