"""A listed authority's letter forwarded to the privacy mailbox (QA19 F5, F14): by a colleague
(the shipped letterhead makes xuyun.example the company's domain), inline or attached, it is the
authority's inquiry as if it had come directly: kind regulator_inquiry, its period counted on
the authority's member state's calendar (the state stored with the stated-deadline event), no
``unlisted_regulator_sender`` flag, received at the letter's own date. Passed on by an outsider,
or through one, or from a domain imitating the authority's, it is only that sender's word: the
flag stays and no member state is taken.

Hand counts (day 0 = the local receipt day, Reg. 1182/71 art. 3(1); working days Monday to
Friday less the state's public holidays; holidays per the ``holidays`` package and the
statutes):
- QA20 N8: outside counsel passing on the UODO letter addressed to legal@xuyun.example: the
  authority's inquiry from the letter's date, as above (Thu 19 Nov, not counsel's forward's
  Tue 10 Nov 10:00 UTC on Ireland's calendar). A UODO letter of Mon 16 Nov 08:00 UTC passed on
  Tue 17 Nov 10:00 UTC: Poland's calendar from Mon 16 Nov: Tue 17 (1), Wed 18 (2), Thu 19 (3),
  Fri 20 (4), Mon 23 (5), Tue 24 (6), Wed 25 Nov (7); from counsel's 17 Nov it would be
  Thu 26 Nov, a working day late.
- UODO, received Mon 9 Nov 2026 09:00 Warsaw (08:00 UTC), "7 dni roboczych", on Poland's
  calendar (Wed 11 Nov Narodowe Święto Niepodległości, Ustawa o dniach wolnych od pracy art. 1):
  Tue 10 (1), Thu 12 (2), Fri 13 (3), Mon 16 (4), Tue 17 (5), Wed 18 (6), Thu 19 Nov (7).
  On Ireland's calendar (no holiday that week) it would be Wed 18 Nov.
- CNIL, received Tue 10 Nov 2026 09:00 Paris (08:00 UTC), "5 jours ouvrés", on France's
  calendar (Wed 11 Nov Armistice 1918, Code du travail art. L3133-1): Thu 12 (1), Fri 13 (2),
  Mon 16 (3), Tue 17 (4), Wed 18 Nov (5). On Ireland's: Wed 11 (1) ... Tue 17 Nov (5).
- The CNIL letter not vouched for by the company (an outsider's forward of the letter as
  addressed to the outsider, received at the forward's Tue 10 Nov 10:00 UTC; a colleague's
  forward of such an outsider's forward; a lookalike domain),
  received on Tue 10 Nov and counted on the EU default (Ireland's) calendar: Wed 11 (1),
  Thu 12 (2), Fri 13 (3), Mon 16 (4), Tue 17 Nov (5).
"""

import os
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.controller_domains import controller_domains
from app.services.deadlines import RuleBook, load_rule_book
from app.services.intake.sender_state import stored_sender_state
from app.services.message_import import import_message_file
from app.services.settings_jurisdictions import current_triage_rules
from app.store import Database
from tests.services.intake.test_forward_chains import _subject_email

UODO_SENT = datetime(2026, 11, 9, 8, 0, tzinfo=UTC)
CNIL_SENT = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
UODO_BODY = (
    "Szanowni Państwo,\nPrezes Urzędu Ochrony Danych Osobowych, w związku ze skargą Pana "
    "Tomasza Zielińskiego, wzywa do złożenia wyjaśnień w terminie 7 dni roboczych od dnia "
    "otrzymania niniejszego pisma.\nUODO"
)
CNIL_BODY = (
    "Madame, Monsieur,\nLa CNIL a été saisie d'une plainte de Mme Claire Petit. Je vous "
    "remercie de me faire parvenir vos observations dans un délai de 5 jours ouvrés.\nCNIL"
)
COLLEAGUE = "Legal Team <legal@xuyun.example>"
OUTSIDER = "Outside Counsel <legal@example-co.com>"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _letter(sender: str, subject: str, sent: datetime, body: str) -> EmailMessage:
    letter = EmailMessage()
    letter["From"], letter["To"], letter["Subject"] = sender, "legal@xuyun.example", subject
    letter["Date"], letter["Message-ID"] = format_datetime(sent), f"<{sent.day}@authority.test>"
    letter.set_content(body)
    return letter


def _forward(forwarder: str, letter: EmailMessage, sent: datetime) -> EmailMessage:
    """``letter`` attached to a forward from ``forwarder`` to privacy@, sent at ``sent``."""
    mail = EmailMessage()
    mail["From"], mail["To"] = forwarder, "privacy@xuyun.example"
    mail["Subject"], mail["Date"] = f"Fwd: {letter['Subject']}", format_datetime(sent)
    mail["Message-ID"] = f"<fwd-{sent.hour}-{len(forwarder)}@forward.test>"
    mail.set_content("Please handle the attached letter.")
    mail.add_attachment(letter)
    return mail


def _uodo_inline() -> EmailMessage:
    """The UODO letter quoted inline by a colleague two hours later (Gmail's header block)."""
    mail = EmailMessage()
    mail["From"], mail["To"] = COLLEAGUE, "privacy@xuyun.example"
    mail["Subject"] = "Fwd: Wezwanie do złożenia wyjaśnień"
    mail["Date"], mail["Message-ID"] = format_datetime(UODO_SENT + timedelta(hours=2)), "<i@t>"
    mail.set_content(
        "Please handle.\n\n---------- Forwarded message ---------\n"
        "From: Prezes UODO <kancelaria@uodo.gov.pl>\nDate: Mon, 9 Nov 2026 09:00:00 +0100\n"
        "Subject: Wezwanie do złożenia wyjaśnień\nTo: legal@xuyun.example\n\n" + UODO_BODY
    )
    return mail


def _uodo_attached() -> EmailMessage:
    letter = _letter("Prezes UODO <kancelaria@uodo.gov.pl>", "Wezwanie", UODO_SENT, UODO_BODY)
    return _forward(COLLEAGUE, letter, UODO_SENT + timedelta(hours=2))


def _cnil(sender: str = "CNIL <plaintes@cnil.fr>") -> EmailMessage:
    return _letter(sender, "Plainte 26-001", CNIL_SENT, CNIL_BODY)


def _import(database: Database, rule_book: RuleBook, folder: Path, mail: EmailMessage) -> Case:
    path = folder / "forward.eml"
    path.write_bytes(mail.as_bytes())
    sent = datetime.strptime(mail["Date"], "%a, %d %b %Y %H:%M:%S %z")
    os.utime(path, (sent.timestamp(), sent.timestamp()))
    with database.session() as session:
        result = import_message_file(
            session, path, rule_book, import_time=sent + timedelta(hours=1)
        )
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == result.reference)).one()
        session.expunge(case)
        return case


def _stated_region(database: Database, case: Case) -> object:
    with database.session() as session:
        payload = session.scalars(
            select(Event.payload).where(
                Event.case_id == case.id, Event.action == "clock.stated_deadline"
            )
        ).one()
        return dict(payload).get("region")


@pytest.mark.parametrize(
    ("mail", "received", "due", "region"),
    [
        (_uodo_inline(), UODO_SENT, date(2026, 11, 19), "PL"),
        (_uodo_attached(), UODO_SENT, date(2026, 11, 19), "PL"),
        (
            _forward(COLLEAGUE, _cnil(), CNIL_SENT + timedelta(hours=2)),
            CNIL_SENT,
            date(2026, 11, 18),
            "FR",
        ),
    ],
    ids=["uodo-inline", "uodo-attached", "cnil-attached"],
)
def test_a_colleagues_forward_of_a_listed_authoritys_letter_is_its_inquiry(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: EmailMessage,
    received: datetime,
    due: date,
    region: str,
) -> None:
    case = _import(database, rule_book, tmp_path, mail)
    assert (case.kind, case.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "EU")
    assert case.received_at == received  # the company's first receipt: the letter's date
    assert case.due_date == due  # hand counts in the module docstring
    assert _stated_region(database, case) == region
    flags = set(case.review_flags or ())
    assert ReviewFlag.REGULATOR_INQUIRY.value in flags
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value not in flags
    with database.session() as session:  # read again as a retriage reads it
        stored = session.get(Case, case.id)
        assert stored is not None
        rules, own = current_triage_rules(session), controller_domains(session)
        assert stored_sender_state(stored, rules, own) == region
        assert stored_sender_state(stored, rules) is None  # no domains: no colleague known


def _cnil_to_outsider() -> EmailMessage:
    """The CNIL letter as addressed to the outsider, not to the company (QA20 N8: nothing
    shows the company was sent it)."""
    letter = _cnil()
    letter.replace_header("To", "legal@example-co.com")
    return letter


def _through_outsider() -> EmailMessage:
    """A colleague's forward of an outsider's forward of the CNIL letter addressed to the
    outsider: the letter's headers are only what the outsider's mail says."""
    relayed = _forward(OUTSIDER, _cnil_to_outsider(), CNIL_SENT + timedelta(hours=1))
    relayed.replace_header("To", "legal@xuyun.example")
    return _forward(COLLEAGUE, relayed, CNIL_SENT + timedelta(hours=2))


@pytest.mark.parametrize(
    "mail",
    [
        _forward(OUTSIDER, _cnil_to_outsider(), CNIL_SENT + timedelta(hours=2)),
        _through_outsider(),
        _forward(COLLEAGUE, _cnil("CNIL <plaintes@cnil.fr.example-co.com>"), CNIL_SENT),
    ],
    ids=["outsiders-forward", "through-an-outsider", "lookalike-domain"],
)
def test_an_authoritys_letter_not_vouched_for_by_the_company_stays_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, mail: EmailMessage
) -> None:
    case = _import(database, rule_book, tmp_path, mail)
    assert case.kind == CaseKind.REGULATOR_INQUIRY  # the French wording says so
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value in set(case.review_flags or ())
    # Counted on the EU default calendar (Ireland's), Wed 11 Nov a working day there: Tue 17 Nov.
    assert (case.due_date, _stated_region(database, case)) == (date(2026, 11, 17), None)


UODO_LATER = datetime(2026, 11, 16, 8, 0, tzinfo=UTC)


def _uodo_via_counsel(sent: datetime) -> EmailMessage:
    """The UODO letter (To: legal@xuyun.example) attached by outside counsel 26 hours later."""
    letter = _letter("Prezes UODO <kancelaria@uodo.gov.pl>", "Wezwanie", sent, UODO_BODY)
    return _forward(OUTSIDER, letter, sent + timedelta(hours=26))


@pytest.mark.parametrize(
    ("sent", "due"),
    [(UODO_SENT, date(2026, 11, 19)), (UODO_LATER, date(2026, 11, 25))],
    ids=["9-nov", "16-nov"],
)
def test_qa20_n8_counsel_passing_on_an_authoritys_letter_to_the_company_files_its_inquiry(
    database: Database, rule_book: RuleBook, tmp_path: Path, sent: datetime, due: date
) -> None:
    case = _import(database, rule_book, tmp_path, _uodo_via_counsel(sent))
    assert (case.kind, case.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "EU")
    assert case.received_at == sent  # the letter's date, not counsel's forward's
    assert case.due_date == due  # hand counts in the module docstring
    assert _stated_region(database, case) == "PL"
    flags = set(case.review_flags or ())
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value not in flags
    # A person checks the letter reached the mailbox it names.
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in flags
    assert _subject_email(database, case) == "kancelaria@uodo.gov.pl"
