"""Portuguese and Polish stated periods in regulators' letters (qa17 F5): a CNPD, ANPD or UODO
line was flagged no_deadline although it states its period ("no prazo de 10 dias úteis", "w
terminie 14 dni"), and the UODO line was language_uncertain.

Dates worked out by hand from a receipt on Mon 16 Nov 2026 (day 0; Reg. 1182/71 art. 3(1)), on
the EU rule set's calendar (no holiday of it between 16 Nov and 16 Dec 2026): a period in
calendar days ends on day n; in working days on the n-th Monday-to-Friday day.
"""

from datetime import date

import pytest

from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, WorkingCalendar, load_rule_book
from app.services.intake import triage
from app.services.intake.files import parse_incoming
from app.services.intake.stated_limit import find_stated_limit
from app.services.regulator_deadline import count_stated_limit

NOV_16 = date(2026, 11, 16)  # a Monday


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    ("text", "n", "unit", "evidence"),
    [
        # The QA letters (cnpd.pt, anpd.gov.br, uodo.gov.pl).
        ("Solicita-se resposta no prazo de 10 dias úteis.", 10, "working_days",
         "no prazo de 10 dias úteis"),
        ("Solicitamos manifestação no prazo de 15 dias.", 15, "calendar_days",
         "no prazo de 15 dias"),
        ("Proszę o odpowiedź w terminie 14 dni.", 14, "calendar_days", "w terminie 14 dni"),
        # Number words, a number spelled out again in brackets, weeks and months.
        ("no prazo de quinze dias", 15, "calendar_days", "no prazo de quinze dias"),
        ("no prazo de 15 (quinze) dias", 15, "calendar_days", "no prazo de 15 (quinze) dias"),
        ("no prazo máximo de vinte e um dias", 21, "calendar_days",
         "no prazo máximo de vinte e um dias"),
        ("em até 30 dias corridos", 30, "calendar_days", "em até 30 dias corridos"),
        ("no prazo de duas semanas", 14, "calendar_days", "no prazo de duas semanas"),
        ("no prazo de um mês", 1, "months", "no prazo de um mês"),
        ("dentro de dez dias úteis", 10, "working_days", "dentro de dez dias úteis"),
        ("w terminie czternastu dni roboczych", 14, "working_days",
         "w terminie czternastu dni roboczych"),
        ("w ciągu siedmiu dni od dnia otrzymania", 7, "calendar_days", "w ciągu siedmiu dni"),
        ("w terminie dwudziestu jeden dni", 21, "calendar_days",
         "w terminie dwudziestu jeden dni"),
        ("w ciągu dwóch tygodni", 14, "calendar_days", "w ciągu dwóch tygodni"),
        ("w terminie tygodnia", 7, "calendar_days", "w terminie tygodnia"),
        ("w terminie miesiąca", 1, "months", "w terminie miesiąca"),
        ("w terminie trzech miesięcy", 3, "months", "w terminie trzech miesięcy"),
        ("w terminie do 30 dni", 30, "calendar_days", "w terminie do 30 dni"),
    ],
)  # fmt: skip
def test_a_portuguese_or_polish_period_is_read(text: str, n: int, unit: str, evidence: str) -> None:
    limit = find_stated_limit(text)
    assert limit is not None and (limit.n, limit.unit, limit.evidence) == (n, unit, evidence)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # dias úteis are Mon-Fri: 17-20 (4), 23-27 (9), Mon 30 Nov (10).
        ("Solicita-se resposta no prazo de 10 dias úteis.", date(2026, 11, 30)),
        # 15 calendar days: 16 + 15 = Tue 1 Dec (16 Nov + 14 = 30 Nov, + 1).
        ("Solicitamos manifestação no prazo de 15 dias.", date(2026, 12, 1)),
        # 14 calendar days: 16 + 14 = Mon 30 Nov.
        ("Proszę o odpowiedź w terminie 14 dni.", date(2026, 11, 30)),
        # dni robocze are Mon-Fri: 17-20 (4), 23-27 (9), 30 Nov-4 Dec (14) -> Fri 4 Dec.
        ("w terminie 14 dni roboczych", date(2026, 12, 4)),
        # one month: the same day of the next month, Wed 16 Dec.
        ("w terminie miesiąca", date(2026, 12, 16)),
    ],
)
def test_the_period_is_counted(rule_book: RuleBook, text: str, due: date) -> None:
    rule = next(iter(rule_book.rule_set("EU").rules.values()))
    limit = find_stated_limit(text)
    assert limit is not None
    counted = count_stated_limit(limit, NOV_16, WorkingCalendar(rule.calendar), rule.roll)
    assert counted is not None and counted.due_date == due


@pytest.mark.parametrize(
    ("sender", "line", "language", "evidence"),
    [
        ("geral@cnpd.pt", "Solicita-se resposta no prazo de 10 dias úteis.", "pt",
         "no prazo de 10 dias úteis"),
        ("geral@anpd.gov.br", "Solicitamos manifestação no prazo de 15 dias.", "pt",
         "no prazo de 15 dias"),
        ("kancelaria@uodo.gov.pl", "Proszę o odpowiedź w terminie 14 dni.", "pl",
         "w terminie 14 dni"),
    ],
)  # fmt: skip
def test_the_qa_letters_are_triaged_with_their_limit_and_language(
    sender: str, line: str, language: str, evidence: str
) -> None:
    raw = (
        f"From: <{sender}>\r\nTo: privacy@xuyun.example\r\nSubject: Queixa\r\n"
        "Date: Mon, 16 Nov 2026 09:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{line}\r\n"
    ).encode()
    proposal = triage(parse_incoming(raw))
    assert proposal.stated_limit is not None
    assert proposal.stated_limit.evidence == evidence
    assert proposal.language == language
    assert ReviewFlag.LANGUAGE_UNCERTAIN not in proposal.flags
