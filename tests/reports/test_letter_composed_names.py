"""A name stored decomposed (NFD, as macOS and some mail send it) prints composed: its accents
sit on their letters, not beside them as separate glyphs."""

import unicodedata
from dataclasses import replace
from datetime import date

from app.models.enums import CaseKind
from app.reports import AcknowledgementFacts, default_letterhead, render_acknowledgement
from tests.reports.pdf_reading import read_pdf, squash

COMPOSED = "Renée Zoë Åström"


def test_a_decomposed_name_is_printed_composed() -> None:
    facts = AcknowledgementFacts(
        reference="PD-2026-000321",
        kind=CaseKind.ACCESS,
        requester_name=unicodedata.normalize("NFD", COMPOSED),
        received_date=date(2026, 3, 2),
        due_date=date(2026, 3, 23),
        due_provisional=False,
        issued_date=date(2026, 3, 3),
        jurisdiction="CN",
    )
    assert facts.requester_name != COMPOSED  # the accents are separate code points here
    pdf = render_acknowledgement(facts, "en", default_letterhead())
    text = squash("".join(read_pdf(pdf)[0]))
    assert squash(f"Dear {COMPOSED}") in text
    composed_again = replace(facts, requester_name=COMPOSED)
    again = squash(
        "".join(read_pdf(render_acknowledgement(composed_again, "en", default_letterhead()))[0])
    )
    assert again == text
