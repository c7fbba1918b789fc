"""Triage: article lists, LGPD art. 18, regulators, threats vs complaints, what reminders chase,
and the case folding behind the fast term prefilter."""

import re
from datetime import date
from email.message import EmailMessage

import pytest

from app.models.enums import CaseKind
from app.services.intake import TriageProposal, parse_message, read_message_file, triage
from app.services.intake.phrases import fold_case
from app.services.intake.signals import find_citations, find_terms, matchers
from app.services.intake.vocabulary import default_rules
from tests.conftest import CORPUS_INBOX


def _triage(body: str, subject: str = "", sender: str = "Jan <jan@example.pl>") -> TriageProposal:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Mar 2026 09:30:00 +0100"
    message.set_content(body)
    return triage(parse_message(message.as_bytes()))


def _articles(text: str) -> list[tuple[str, str, str | None]]:
    rules = default_rules()
    return [
        (c.statute.key, c.article, c.kind.value if c.kind else None)
        for c in find_citations(text, matchers(rules), rules)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Articles 15 and 20 GDPR", [("gdpr", "15", "access"), ("gdpr", "20", "copy")]),
        (
            "Art. 15, 16 und 17 DSGVO",
            [("gdpr", "15", "access"), ("gdpr", "16", "correction"), ("gdpr", "17", "deletion")],
        ),
        ("artículos 15 y 17 del RGPD", [("gdpr", "15", "access"), ("gdpr", "17", "deletion")]),
        (
            "Art. 17(1) and 21(2) GDPR",
            [("gdpr", "17(1)", "deletion"), ("gdpr", "21(2)", "objection")],
        ),
        (
            "《个人信息保护法》第四十五条、第四十七条",
            [("pipl", "45", "access"), ("pipl", "47", "deletion")],
        ),
        ("个人信息保护法第四十五条第三款", [("pipl", "45(3)", "copy")]),
        ("art. 18 da LGPD", [("lgpd", "18", None)]),
        ("art. 18, inciso VI, da LGPD", [("lgpd", "18(VI)", "deletion")]),
    ],
)
def test_every_cited_article_counts(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _articles(text) == expected


def test_lgpd_article_18_without_clause_gives_jurisdiction_terms_give_kind() -> None:
    proposal = _triage(
        "Com base no art. 18 da LGPD, solicito a eliminação dos meus dados pessoais."
    )
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.DELETION, "BR")


def test_letter_from_a_regulator_domain_is_an_inquiry() -> None:
    proposal = _triage(
        "Dear Sir or Madam, we have received a complaint from a data subject. Please provide us "
        "with your comments within four weeks.",
        subject="Our reference C-26-123",
        sender="Case Officer <case.officer@dataprotection.ie>",
    )
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "EU")


def test_cac_transfer_letter_is_a_cn_inquiry() -> None:
    proposal = _triage(
        "网信办转办：关于你单位未及时处理用户删除个人信息请求的投诉，请你单位于十个工作日内说明情况。",
        sender="jubao@cac.gov.cn",
    )
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "CN")


def test_regulator_named_with_inquiry_wording_from_a_plain_address() -> None:
    proposal = _triage(
        "We have received a complaint about your company. The complainant says access was "
        "refused. Information Commissioner's Office",
        sender="officer@example.com",
    )
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "UK")


def test_threat_to_complain_keeps_the_request_kind() -> None:
    proposal = _triage(
        "Please delete my personal data. Otherwise I will lodge a complaint with the CNIL."
    )
    assert proposal.kind is CaseKind.DELETION


def test_complaint_about_handling_is_a_complaint_with_its_reference() -> None:
    proposal = _triage(
        "I want to complain about how you handled my deletion request PD-2026-000123.",
        subject="Formal complaint",
    )
    assert proposal.kind is CaseKind.COMPLAINT
    assert proposal.chased_reference == "PD-2026-000123"


@pytest.mark.parametrize(
    ("subject", "body", "reference", "chased_subject", "chased_date"),
    [
        (
            "Re: Reminder: my GDPR request",
            "On 2 March 2026 I sent you a request under Article 15 GDPR. Still not received.",
            None,
            "my GDPR request",
            date(2026, 3, 2),
        ),
        (
            "回复：催办：删除申请 PD-2026-000123",
            "我于2026年3月2日提交的删除申请至今未收到答复，请尽快处理。",
            "PD-2026-000123",
            "删除申请 PD-2026-000123",
            date(2026, 3, 2),
        ),
        (
            "AW: Erinnerung: Auskunftsersuchen",
            "am 02.03.2026 hatte ich eine Anfrage gestellt. Ich erinnere Sie hiermit erneut.",
            None,
            "Auskunftsersuchen",
            date(2026, 3, 2),
        ),
    ],
)
def test_reminder_names_what_it_chases(
    subject: str, body: str, reference: str | None, chased_subject: str, chased_date: date
) -> None:
    proposal = _triage(body, subject=subject)
    assert proposal.kind is CaseKind.REMINDER
    assert (proposal.chased_reference, proposal.chased_subject, proposal.chased_date) == (
        reference,
        chased_subject,
        chased_date,
    )


def test_fold_case_agrees_with_re_ignorecase() -> None:
    """Every character re.IGNORECASE matches to another folds to the same character, so the
    substring prefilter never skips a term the full pattern would match."""
    for code in range(0x2FFF):
        char = chr(code)
        for other in {char.lower()[0], char.upper()[0], char.swapcase()[0]}:
            if re.fullmatch(re.escape(char), other, re.I):
                assert fold_case(char) == fold_case(other), (hex(code), other)
    assert len(fold_case("İSTANBUL ſ")) == len("İSTANBUL ſ")


def test_prefiltered_term_search_equals_searching_every_term() -> None:
    compiled = matchers(default_rules())
    for path in sorted(CORPUS_INBOX.glob("*.eml")):
        message = read_message_file(path)
        for text in (message.subject, message.body_text):
            every = sorted(
                (match.start(), -match.end(), term.text)
                for pattern, term in compiled.terms.values()
                for match in pattern.finditer(text)
            )
            taken, covered = [], 0
            for start, negative_end, term_text in every:
                if start >= covered:
                    taken.append(term_text)
                    covered = -negative_end
            assert [match.term.text for match in find_terms(text, compiled)] == taken
