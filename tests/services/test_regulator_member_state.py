"""A period an EU/EEA supervisory authority's letter states in working days is counted on the
public holidays of its own member state (Reg. 1182/71 art. 2(1)), known from the sender's
domain (resources/triage/regulators.toml ``member_state``, else the country-code domain), not
on the EU rule set's default calendar (Ireland's); the event records the region, and a recount
uses it again (app.services.regulator_deadline, app.services.regulator_limit_record).

Dates worked out by hand; day 0 is the receipt day (Reg. 1182/71 art. 3(1)); a working day is
Monday to Friday and not a national public holiday. Holidays checked against the ``holidays``
package (0.109) and the states' own lists: Poland, Ustawa o dniach wolnych od pracy (1951, as
amended) art. 1: Boże Ciało (Corpus Christi, Easter + 60 days: Easter 28 Mar 2027, so Thu
27 May 2027); Italy, L. 260/1949 art. 1 as restored by L. 336/2000: 2 giugno (Festa della
Repubblica, Wed 2 Jun 2027); Portugal, Código do Trabalho art. 234(1): 10 de junho (Thu
10 Jun 2027; Lisbon's 13 June is a municipal holiday, not counted, and a Sunday in 2027);
Spain, Ley 18/1987: 12 de octubre (Fiesta Nacional, Tue 12 Oct 2027). Ireland (the default)
has none of those days; its bank holidays nearby (Mon 7 Jun, Mon 25 Oct 2027) fall outside
the counts below.
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.models.enums import CaseKind
from app.services.clock import DueDateSource, stated_due_source
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.regulator_deadline import retime_after_triage
from app.services.settings_calendar import calendars, set_day_override
from app.services.workflow import triage
from app.store import Database
from tests.services.regulator_letters_eu import (
    AEPD,
    CNPD,
    GARANTE,
    UODO,
    import_letter,
    stated_event,
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    ("mail", "region", "due"),
    [  # counted by hand beside each letter (tests/services/regulator_letters_eu.py)
        (UODO, "PL", date(2027, 5, 31)),
        (GARANTE, "IT", date(2027, 6, 4)),
        (CNPD, "PT", date(2027, 6, 16)),
        (AEPD, "ES", date(2027, 10, 25)),
    ],
    ids=["pl-corpus-christi", "it-2-june", "pt-10-june", "es-12-october"],
)
def test_working_days_are_counted_on_the_authoritys_member_state_calendar(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: dict[str, str],
    region: str,
    due: date,
) -> None:
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, mail)
        assert (case.kind, case.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "EU")
        assert (case.due_date, stated_due_source(case)) == (due, DueDateSource.REGULATOR_LETTER)
        event = stated_event(session, case)
        assert (event["region"], event["calendar"]) == (region, f"holidays:{region}")


def test_a_corrected_receipt_is_counted_again_on_the_same_member_states_calendar(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The UODO letter was in fact received Mon 24 May 2027: 3 dni robocze: Tue 25 (1), Wed 26
    # (2), Thu 27 Corpus Christi (off), Fri 28 May (3). Ireland's calendar would give Thu 27.
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, UODO)
        received = datetime(2027, 5, 24, 8, 0, tzinfo=UTC)  # 10:00 in Warsaw
        confirm_receipt(
            session, case, rule_book, received_at=received, today=date(2027, 5, 26), actor="li"
        )
        assert case.due_date == date(2027, 5, 28)
        event = stated_event(session, case)
        assert (event["cause"], event["region"]) == ("receipt_confirmed", "PL")


def test_the_receipt_day_is_the_member_states_local_day(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Sent Mon 24 May 2027 23:30 in Dublin (+01:00) = Tue 25 May 00:30 in Warsaw (+02:00): day 0
    # is Tue 25 May there, so 3 dni robocze end Mon 31 May as above. Day 0 Mon 24 (Dublin's
    # day) would end Fri 28 May on Poland's calendar (25, 26, 28), Thu 27 on Ireland's.
    late = dict(UODO, name="uodo-late", date="Mon, 24 May 2027 23:30:00 +0100")
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, late)
        assert case.due_date == date(2027, 5, 31)


def test_an_unlisted_authority_is_known_by_its_country_code_domain_when_triaged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # A sender on an Italian domain no listed authority uses: the import need not read it as an
    # inquiry; a person triages it as the EU regulator's inquiry, and its 3 giorni lavorativi
    # from Mon 31 May 2027 are counted on Italy's calendar (".it"): Fri 4 Jun 2027 (see GARANTE).
    mail = dict(GARANTE, name="comune", sender="Ufficio <protocollo@comune.example.it>")
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, mail)
        triage(session, case, kind=CaseKind.REGULATOR_INQUIRY, jurisdiction="EU", actor="li")
        retime_after_triage(session, case, rule_book, today=date(2027, 6, 1), actor="li")
        assert case.due_date == date(2027, 6, 4)
        assert stated_event(session, case)["region"] == "IT"


def test_a_day_off_entered_on_the_member_states_calendar_moves_the_letters_date(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Fri 28 May 2027 entered as a day off on Poland's calendar (a one-off holiday): the UODO
    # letter's 3 dni robocze from Tue 25 May: Wed 26 (1), Thu 27 and Fri 28 off, Mon 31 (2),
    # Tue 1 Jun (3). A day off on Ireland's calendar would not touch it. The settings page
    # lists Poland's calendar for such corrections.
    assert "holidays:PL" in calendars(rule_book)
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, UODO)
        changed = set_day_override(
            session,
            rule_book,
            "holidays:PL",
            date(2027, 5, 28),
            working=False,
            name="Dzień wolny",
            actor="admin",
            today=date(2027, 5, 26),
        )
        assert case.reference in changed
        assert case.due_date == date(2027, 6, 1)
        event = stated_event(session, case)
        assert (event["cause"], event["region"]) == ("calendar_override", "PL")
