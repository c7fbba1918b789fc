"""Phone labels of Italian, Spanish, Portuguese, Dutch and Polish letters (qa17 F7): "Cell. 347
123 4567" from libero.it was not recorded at all ("cell." was no label). The national number
is then stored in its international form for the country of the sender's domain (ITU-T E.164:
Italy +39, mobiles 3xx kept whole; Spain +34; Portugal +351; the Netherlands +31 with the
trunk "0" dropped; Poland +48)."""

import pytest

from app.services.intake import triage
from app.services.intake.files import parse_incoming


def _mail(sender: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: privacy@xuyun.example\r\nSubject: Richiesta\r\n"
        "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("sender", "body", "phone"),
    [
        ("Mario Rossi <mario@libero.it>",
         "Chiedo l'accesso ai miei dati personali ai sensi dell'art. 15 GDPR. Cell. 347 123 "
         "4567. Mario Rossi", "+393471234567"),
        ("Ana <ana@example.es>", "Solicito el acceso a mis datos. Cel. 612 345 678",
         "+34612345678"),
        ("João <joao@example.pt>", "Solicito o acesso aos meus dados. Tlm: 912 345 678",
         "+351912345678"),
        ("Jan <jan@example.nl>", "Ik verzoek om inzage in mijn gegevens. GSM: 06 12345678",
         "+31612345678"),
        ("Anna <anna@example.pl>", "Proszę o dostęp do moich danych. Tel. kom. 601 234 567",
         "+48601234567"),
    ],
)  # fmt: skip
def test_a_labelled_number_is_recorded(sender: str, body: str, phone: str) -> None:
    assert triage(parse_incoming(_mail(sender, body))).requester_phone == phone


def test_a_label_inside_a_word_is_none() -> None:
    # "cell" and "mob" are labels only as whole words: not in "Cellar" or "Mobster".
    body = "Please delete my data. Cellar 12345678, Mobster 87654321."
    assert triage(parse_incoming(_mail("A <a@example.it>", body))).requester_phone is None
