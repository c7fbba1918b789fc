"""A phone number that is not a valid number of its country (qa17 F7): "Tél. 06 12 34 56 7"
from orange.fr (nine digits; French numbers have ten: 0 + nine, ARCEP numbering plan) was
stored without a flag. It is kept as written and flagged phone_not_valid for a person."""

import pytest

from app.models.enums import ReviewFlag
from app.services.intake import triage
from app.services.intake.files import parse_incoming
from app.services.intake.phone_region import phone_not_valid


def _mail(sender: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: privacy@xuyun.example\r\nSubject: Demande\r\n"
        "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("sender", "body", "phone", "flagged"),
    [
        # The QA letter: nine digits, kept as written, flagged.
        ("Jean <jean@orange.fr>",
         "je demande l'accès à mes données personnelles. Tél. 06 12 34 56 7. Jean",
         "061234567", True),
        # Ten digits: a valid French mobile, +33 6 12 34 56 78, not flagged.
        ("Jean <jean@orange.fr>", "je demande l'accès à mes données. Tél. 06 12 34 56 78.",
         "+33612345678", False),
        # With its country code: +33 and eight digits is one short.
        ("Jean <jean@example.com>", "Please delete my data. Phone: +33 6 12 34 56 7",
         "+3361234567", True),
        # No country known (gmail.com, English): nothing to judge it by, not flagged.
        ("Jean <jean@gmail.com>", "Please delete my data. Phone: 06 12 34 56 7",
         "061234567", False),
    ],
)  # fmt: skip
def test_an_invalid_number_is_kept_and_flagged(
    sender: str, body: str, phone: str, flagged: bool
) -> None:
    proposal = triage(parse_incoming(_mail(sender, body)))
    assert proposal.requester_phone == phone
    assert (ReviewFlag.PHONE_NOT_VALID in proposal.flags) is flagged


@pytest.mark.parametrize(
    ("phone", "region", "expected"),
    [
        ("061234567", "FR", True),  # nine digits
        ("0612345678", "FR", False),
        ("+442079460958", None, False),  # London landline 020 7946 0958
        ("+4420794609", None, True),  # two digits short
        ("13800138000", "CN", False),  # mainland mobile, stored nationally
        ("1380013800", "CN", True),  # ten digits: one short
        ("061234567", None, False),  # no country: not judged
    ],
)
def test_phone_not_valid(phone: str, region: str | None, expected: bool) -> None:
    assert phone_not_valid(phone, region) is expected
