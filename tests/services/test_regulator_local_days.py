"""The days a regulator's stated period runs on, as the authority's own law and region count
them (qa19 F1, F2, F3, F16; app.services.regulator_calendar):

- Monday-to-Saturday working days ("jours ouvrables", "Werktage", "giorni feriali": every day
  but Sundays and public holidays) are counted so, not as calendar days, and a recount counts
  them so again (the event records unit "working_days_mon_sat");
- a German Land's authority (BayLDA, lda.bayern.de) counts on its Land's holidays: Bavaria's
  Epiphany, Wed 6 Jan 2027 (Bayerisches Feiertagsgesetz Art. 1(1) Nr. 1 "Heilige Drei
  Könige"), is no working day there though it is one on Germany's national calendar;
- a plain "días"/"dias" of a Spanish or Portuguese authority is a working day (Ley 39/2015
  art. 30.2; Código do Procedimento Administrativo art. 87(c)), not of a Brazilian one.

Dates worked out by hand; day 0 is the receipt day in the authority's zone (Reg. 1182/71 art.
3(1)). Holidays checked in the ``holidays`` package (0.109) and independently: France, Code du
travail L3133-1 (11 novembre, Wed 11 Nov 2026); Germany 1 Jan (Fri 1 Jan 2027) and Bavaria's
6 Jan (Wed 6 Jan 2027, also in the Land's published list of Feiertage); Italy, L. 260/1949
(none between 16 and 27 Nov 2026; 8 Dec is later); Spain, the BOE's 2026 list of fiestas
laborales (Inmaculada Concepción Tue 8 Dec 2026; Constitution Day, 6 Dec, is a Sunday: moved to
Mon 7 Dec by some communities, Madrid among them, not nationally); Portugal, Código do
Trabalho art. 234(1) (Restauração da Independência Tue 1 Dec, Imaculada Conceição Tue 8 Dec).
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.intake.stated_limit import StatedLimit, find_stated_limit
from app.services.regulator_calendar import plain_days_read
from app.services.settings_calendar import calendars, set_day_override
from app.store import Database
from tests.services.regulator_letters_eu import import_letter, stated_event

# F1: received Tue 10 Nov 2026 (11:00 Paris); 8 jours ouvrables on France's calendar: Wed 11 Nov
# Armistice (off), Thu 12 (1), Fri 13 (2), Sat 14 (3), [Sun 15], Mon 16 (4), Tue 17 (5), Wed 18
# (6), Thu 19 (7), Fri 20 Nov (8). As calendar days: Wed 18 Nov; Mon-Fri: Mon 23 Nov.
CNIL = {
    "name": "cnil",
    "sender": "CNIL <plaintes@cnil.fr>",
    "subject": "Plainte",
    "date": "Tue, 10 Nov 2026 10:00:00 +0000",
    "body": "Nous vous prions de répondre dans un délai de 8 jours ouvrables.",
}
# F2/F3: received Mon 28 Dec 2026 (10:00 Munich); 10 Werktage on Bavaria's calendar: Tue 29 (1),
# Wed 30 (2), Thu 31 (3), [Fri 1 Jan Neujahr], Sat 2 (4), [Sun 3], Mon 4 (5), Tue 5 (6), [Wed 6
# Epiphany], Thu 7 (7), Fri 8 (8), Sat 9 (9), [Sun 10], Mon 11 Jan (10). (On Germany's national
# calendar: ... Wed 6 (7), Thu 7 (8), Fri 8 (9), Sat 9 (10), moved to Mon 11 Jan by Reg.
# 1182/71 art. 3(4) / § 193 BGB.) As calendar days: Thu 7 Jan.
BAYLDA_WERKTAGE = {
    "name": "baylda-werktage",
    "sender": "BayLDA <poststelle@lda.bayern.de>",
    "subject": "Beschwerde",
    "date": "Mon, 28 Dec 2026 09:00:00 +0000",
    "body": "Wir bitten Sie, innerhalb von 10 Werktagen Stellung zu nehmen.",
}
# F3: the same receipt, 7 Arbeitstage (Mon-Fri) on Bavaria's calendar: Tue 29 (1), Wed 30 (2),
# Thu 31 (3), [Fri 1 Jan], Mon 4 (4), Tue 5 (5), [Wed 6 Epiphany], Thu 7 (6), Fri 8 Jan (7).
# On Germany's national calendar Wed 6 counts: Thu 7 Jan.
BAYLDA_ARBEITSTAGE = dict(
    BAYLDA_WERKTAGE,
    name="baylda-arbeitstage",
    body="Wir bitten Sie, innerhalb von 7 Arbeitstagen Stellung zu nehmen.",
)
# F2: received Mon 16 Nov 2026 (10:00 Rome); 10 giorni feriali: Tue 17 (1) ... Sat 21 (5),
# [Sun 22], Mon 23 (6) ... Fri 27 Nov (10). As calendar days: Thu 26 Nov.
GARANTE_FERIALI = {
    "name": "garante-feriali",
    "sender": "Garante privacy <protocollo@gpdp.it>",
    "subject": "Reclamo",
    "date": "Mon, 16 Nov 2026 09:00:00 +0000",
    "body": "La invitiamo a fornire riscontro entro 10 giorni feriali.",
}
# F16: received Fri 4 Dec 2026 (10:00 Madrid); "diez días" are días hábiles (Mon-Fri less
# holidays): Mon 7 (1), [Tue 8 Inmaculada], Wed 9 (2), Thu 10 (3), Fri 11 (4), Mon 14 (5), Tue 15
# (6), Wed 16 (7), Thu 17 (8), Fri 18 (9), Mon 21 Dec (10). As calendar days: Mon 14 Dec.
AEPD_DIAS = {
    "name": "aepd-dias",
    "sender": "AEPD <notificaciones@aepd.es>",
    "subject": "Reclamación E/04321/2026",
    "date": "Fri, 04 Dec 2026 09:00:00 +0000",
    "body": "Les requerimos para que en el plazo de diez días remitan la información.",
}
# F16: received Mon 30 Nov 2026 (10:00 Lisbon); "10 dias" suspended on weekends and holidays:
# [Tue 1 Dec], Wed 2 (1), Thu 3 (2), Fri 4 (3), Mon 7 (4), [Tue 8], Wed 9 (5), Thu 10 (6), Fri 11
# (7), Mon 14 (8), Tue 15 (9), Wed 16 Dec (10). As calendar days: Thu 10 Dec.
CNPD_DIAS = {
    "name": "cnpd-dias",
    "sender": "CNPD <geral@cnpd.pt>",
    "subject": "Queixa",
    "date": "Mon, 30 Nov 2026 10:00:00 +0000",
    "body": "Solicita-se resposta no prazo de 10 dias.",
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    ("mail", "due", "unit", "region"),
    [
        (CNIL, date(2026, 11, 20), "working_days_mon_sat", "FR"),
        (BAYLDA_WERKTAGE, date(2027, 1, 11), "working_days_mon_sat", "DE-BY"),
        (BAYLDA_ARBEITSTAGE, date(2027, 1, 8), "working_days", "DE-BY"),
        (GARANTE_FERIALI, date(2026, 11, 27), "working_days_mon_sat", "IT"),
        (AEPD_DIAS, date(2026, 12, 21), "working_days", "ES"),
        (CNPD_DIAS, date(2026, 12, 16), "working_days", "PT"),
    ],
    ids=["fr-ouvrables", "by-werktage", "by-epiphany", "it-feriali", "es-dias", "pt-dias"],
)
def test_the_period_runs_on_the_days_the_authoritys_law_counts(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: dict[str, str],
    due: date,
    unit: str,
    region: str,
) -> None:
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, mail)
        assert case.due_date == due
        event = stated_event(session, case)
        assert (event["unit"], event["region"]) == (unit, region)
        assert event["calendar"] == f"holidays:{region}"


def test_a_corrected_receipt_recounts_monday_to_saturday(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The CNIL letter was in fact received Mon 9 Nov 2026: Tue 10 (1), [Wed 11 Armistice], Thu 12
    # (2), Fri 13 (3), Sat 14 (4), Mon 16 (5), Tue 17 (6), Wed 18 (7), Thu 19 Nov (8). (Mon-Fri
    # working days: Fri 20 Nov; calendar days: Tue 17 Nov.)
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, CNIL)
        received = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)
        confirm_receipt(
            session, case, rule_book, received_at=received, today=date(2026, 11, 12), actor="li"
        )
        assert case.due_date == date(2026, 11, 19)
        assert stated_event(session, case)["unit"] == "working_days_mon_sat"


def test_a_corrected_receipt_recounts_on_the_lands_calendar(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The BayLDA letter (7 Arbeitstage) was in fact received Tue 29 Dec 2026: Wed 30 (1), Thu 31
    # (2), [Fri 1 Jan], Mon 4 (3), Tue 5 (4), [Wed 6 Epiphany], Thu 7 (5), Fri 8 (6), Mon 11 Jan
    # (7). Germany's national calendar would count Wed 6 and end on Fri 8 Jan.
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, BAYLDA_ARBEITSTAGE)
        received = datetime(2026, 12, 29, 9, 0, tzinfo=UTC)
        confirm_receipt(
            session, case, rule_book, received_at=received, today=date(2026, 12, 30), actor="li"
        )
        assert case.due_date == date(2027, 1, 11)
        assert stated_event(session, case)["region"] == "DE-BY"


@pytest.mark.parametrize(
    ("text", "state", "unit"),
    [
        ("en el plazo de diez días", "ES", "working_days"),
        ("no prazo de 10 dias", "PT", "working_days"),
        # Brazil (Lei 9.784/1999 art. 66: continuous), Mexico, Argentina: calendar days.
        ("no prazo de 10 dias", "BR", "calendar_days"),
        ("en el plazo de diez días", "MX", "calendar_days"),
        ("en el plazo de diez días", "AR", "calendar_days"),
        ("en el plazo de diez días", None, "calendar_days"),
        # Stated as calendar days, Spain too: "naturales" (Ley 39/2015 art. 30.2).
        ("en el plazo de diez días naturales", "ES", "calendar_days"),
        # Other languages' plain days stay calendar days in Spain too.
        ("within 10 days", "ES", "calendar_days"),
    ],
)
def test_plain_days_are_working_days_only_in_spain_and_portugal(
    text: str, state: str | None, unit: str
) -> None:
    limit = find_stated_limit(f"{text} y antes del 4 de diciembre de 2026")
    assert limit is not None
    read = plain_days_read(limit, state)
    periods = [each for each in (read, *read.fallbacks) if each.on is None]
    assert [(each.n, each.unit) for each in periods] == [(10, unit)]
    assert all(isinstance(each, StatedLimit) for each in periods)


def test_a_day_off_entered_on_the_lands_calendar_moves_the_letters_date(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Fri 8 Jan 2027 entered as a day off on Bavaria's calendar: the BayLDA letter's 7
    # Arbeitstage from Mon 28 Dec 2026: Tue 29 (1), Wed 30 (2), Thu 31 (3), [Fri 1 Jan], Mon 4
    # (4), Tue 5 (5), [Wed 6 Epiphany], Thu 7 (6), [Fri 8 entered], Mon 11 Jan (7).
    # The settings page lists Bavaria's calendar for such corrections.
    assert "holidays:DE-BY" in calendars(rule_book)
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, BAYLDA_ARBEITSTAGE)
        assert case.due_date == date(2027, 1, 8)
        set_day_override(
            session,
            rule_book,
            "holidays:DE-BY",
            date(2027, 1, 8),
            working=False,
            name="Brückentag",
            actor="admin",
            today=date(2026, 12, 29),
        )
        assert case.due_date == date(2027, 1, 11)
        assert stated_event(session, case)["region"] == "DE-BY"
