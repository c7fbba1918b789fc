"""The state whose authority wrote a letter, from its sender's domain only: a listed
authority's member state (resources/triage/regulators.toml), else a country's country-code
domain; never the letter's language, nor a forwarder's or a lookalike domain
(app.services.intake.sender_state)."""

import pytest

from app.services.intake.files import parse_incoming
from app.services.intake.sender_state import sender_state
from app.services.intake.vocabulary import default_rules

_MAIL = """From: {sender}
To: privacy@xuyun.example
Subject: Queixa
Date: Mon, 30 Nov 2026 09:00:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{body}
"""
_LETTER = "Solicita-se resposta no prazo de 10 dias úteis."


def _state(sender: str, body: str = _LETTER) -> str | None:
    return sender_state(
        parse_incoming(_MAIL.format(sender=sender, body=body).encode()), default_rules()
    )


@pytest.mark.parametrize(
    ("sender", "state"),
    [
        ("geral@cnpd.pt", "PT"),
        ("kancelaria@uodo.gov.pl", "PL"),
        ("protocollo@gpdp.it", "IT"),
        ("protocollo@garanteprivacy.it", "IT"),
        ("notificaciones@aepd.es", "ES"),
        ("info@autoriteitpersoonsgegevens.nl", "NL"),
        ("plainte@cnil.fr", "FR"),
        ("poststelle@bfdi.bund.de", "DE"),
        ("poststelle@lda.bayern.de", "DE-BY"),  # a Land's authority: its Land (qa19 F3)
        ("info@datenschutzzentrum.de", "DE-SH"),
        ("poststelle@datenschutz.rlp.de", "DE-RP"),  # listed since QA19 F4
        ("info@dataprotection.ie", "IE"),
        ("post@datatilsynet.no", "NO"),  # EEA
        ("postur@personuvernd.is", "IS"),  # EEA; ".is" is no listed country domain
        ("info@dataprotection.ro", "RO"),  # a ".ro" domain, and listed
        ("info@dataprotection.gov.cy", "CY"),
        ("Mail@Sub.UODO.gov.PL", "PL"),  # a subdomain, any case
        # Unlisted senders: the country-code domain, where it is a country's.
        ("poststelle@datenschutz.example.de", "DE"),
        ("protocollo@comune.example.it", "IT"),
        ("cnil@example.gouv.fr", "FR"),
    ],
)
def test_the_senders_domain_names_the_state(sender: str, state: str) -> None:
    assert _state(sender) == state


@pytest.mark.parametrize(
    "sender",
    [
        "edps@edps.europa.eu",  # an EU body: no member state
        "info@edpb.europa.eu",
        "ouvidoria@anpd.gov.br",  # a listed authority outside the EEA: Portuguese, no state
        "someone@example.com",  # a Portuguese letter from a generic domain: not Portugal
        "someone@example.io",  # not listed as a country's domain
        "someone@example.eu",
        "someone@uodo-gov.pl",  # imitates uodo.gov.pl
        "someone@localhost",
        "undisclosed-recipients:;",
    ],
)
def test_no_state_where_the_domain_does_not_name_one(sender: str) -> None:
    assert _state(sender) is None


def test_a_forwarded_letter_names_no_state_by_its_forwarders_domain() -> None:
    # A colleague on a Portuguese domain forwards the letter: the domain is theirs, not the
    # authority's (whose own domain the forward does not vouch for).
    body = (
        "FYI\n\n---------- Forwarded message ---------\nFrom: CNPD <geral@cnpd.pt>\n"
        "Date: Mon, 30 Nov 2026 at 09:00\nSubject: Queixa\nTo: <privacy@xuyun.example>\n\n"
        f"{_LETTER}\n"
    )
    assert _state("colleague@xuyun.example.pt", body) is None
