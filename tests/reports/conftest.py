"""Fixtures for letter tests: real rendering, read back with pypdf."""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.reports import AcknowledgementFacts


@pytest.fixture
def facts() -> AcknowledgementFacts:
    """A deletion request received on Thu 2026-10-08 (after the National Day holiday).

    CN rule: 15 working days from the day after receipt on the State Council 2026 calendar
    (10-01..07 off; 10-10 Sat is a make-up working day): 10-09, 10-10, 10-12..16,
    10-19..23, 10-26, 10-27, 10-28 = 15 -> due Wed 2026-10-28. Letter dated the day after.
    """
    return AcknowledgementFacts(
        reference="PD-2026-000123",
        kind=CaseKind.DELETION,
        requester_name="张三",
        received_date=date(2026, 10, 8),
        due_date=date(2026, 10, 28),
        due_provisional=False,
        issued_date=date(2026, 10, 9),
        jurisdiction="CN",
    )
