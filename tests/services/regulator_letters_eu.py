"""EU supervisory authorities' letters stating a period in working days, imported as the
importer meets them: the shared set-up of test_regulator_member_state and the header's test
(tests/ui/test_stated_deadline_calendar_words). Each letter's due date is worked out by hand
beside it, on its member state's calendar and on Ireland's (the EU rule set's default); the
holidays and their sources are in test_regulator_member_state's docstring."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Event
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.message_import import import_message_file

_MAIL = """From: {sender}
To: privacy@xuyun.example
Subject: {subject}
Date: {date}
Message-ID: <{name}@regcal.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{body}
"""


def import_letter(
    session: Session, rule_book: RuleBook, folder: Path, mail: dict[str, str]
) -> Case:
    """Import the letter ``mail`` (its Date: is the receipt), an hour after it arrived."""
    path = folder / f"{mail['name']}.eml"
    path.write_bytes(_MAIL.format(**mail).encode())
    received = datetime.strptime(mail["date"], "%a, %d %b %Y %H:%M:%S %z").astimezone(UTC)
    imported = import_message_file(
        session, path, rule_book, actor="system", import_time=received + timedelta(hours=1)
    )
    assert imported.reference is not None
    return find_case(session, imported.reference)


# Poland: received Tue 25 May 2027; 3 dni robocze: Wed 26 (1), Thu 27 Corpus Christi (off),
# Fri 28 (2), Mon 31 May (3). On Ireland's calendar: 26 (1), 27 (2), Fri 28 May (3).
UODO = {
    "name": "uodo",
    "sender": "UODO <kancelaria@uodo.gov.pl>",
    "subject": "Skarga",
    "date": "Tue, 25 May 2027 10:00:00 +0200",
    "body": "Proszę o odpowiedź w terminie 3 dni roboczych.",
}
# Italy: received Mon 31 May 2027; 3 giorni lavorativi: Tue 1 Jun (1), Wed 2 Jun Festa della
# Repubblica (off), Thu 3 (2), Fri 4 Jun (3). Ireland: 1 (1), 2 (2), Thu 3 Jun (3).
GARANTE = {
    "name": "garante",
    "sender": "Garante privacy <protocollo@gpdp.it>",
    "subject": "Reclamo",
    "date": "Mon, 31 May 2027 10:00:00 +0200",
    "body": "La invitiamo a fornire riscontro entro 3 giorni lavorativi.",
}
# Portugal: received Tue 8 Jun 2027; 5 dias úteis: Wed 9 (1), Thu 10 Jun Dia de Portugal
# (off), Fri 11 (2), Mon 14 (3), Tue 15 (4), Wed 16 Jun (5). Ireland (7 June is before day 0):
# 9 (1), 10 (2), 11 (3), 14 (4), Tue 15 Jun (5).
CNPD = {
    "name": "cnpd",
    "sender": "CNPD <geral@cnpd.pt>",
    "subject": "Queixa",
    "date": "Tue, 08 Jun 2027 10:00:00 +0100",
    "body": "Solicita-se resposta no prazo de 5 dias úteis.",
}
# Spain: received Fri 8 Oct 2027; 10 días hábiles: Mon 11 (1), Tue 12 Fiesta Nacional (off),
# 13-15 (2-4), 18-22 (5-9), Mon 25 Oct (10). Ireland: 11-15 (1-5), 18-22 (6-10): Fri 22 Oct
# (its bank holiday, Mon 25 Oct, comes after).
AEPD = {
    "name": "aepd",
    "sender": "AEPD <notificaciones@aepd.es>",
    "subject": "Reclamación E/01234/2027",
    "date": "Fri, 08 Oct 2027 10:00:00 +0200",
    "body": "Le rogamos nos remita la información solicitada en el plazo de 10 días hábiles.",
}


def stated_event(session: Session, case: Case) -> dict[str, object]:
    """The payload of ``case``'s latest ``clock.stated_deadline`` event (its period, unit,
    member state and calendar)."""
    query = (
        select(Event.payload)
        .where(Event.case_id == case.id, Event.action == "clock.stated_deadline")
        .order_by(Event.id.desc())
    )
    payload = session.scalars(query).first()
    assert payload is not None
    return dict(payload)
