"""Authorities' letters in the member states' own languages, imported as the importer meets
them (QA19 F8, F11, F4): the period each states is read and counted on its member state's
calendar, an inquiry from an unlisted public-body address is recognised by its wording, and a
German Land authority's letter is an inquiry.

Dates worked out by hand; day 0 is the receipt day (Reg. 1182/71 art. 3(1)); a working day is
Monday to Friday and not a national public holiday of the authority's state. Received Mon
16 Nov 2026 (10:00 local time). Holidays between Tue 17 Nov and Wed 2 Dec 2026, checked against
the ``holidays`` package and the states' own lists: Czechia, zákon č. 245/2000 Sb. § 1: 17
listopadu (Den boje za svobodu a demokracii, Tue 17 Nov); Romania, Codul muncii art. 139(1):
Sfântul Andrei (Mon 30 Nov) and Ziua Națională (Tue 1 Dec). Denmark, Sweden, Finland, Greece,
Hungary and Slovenia have none in that span.
"""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.services.regulator_letters_eu import import_letter


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _letter(name: str, sender: str, body: str, zone: str = "+0100") -> dict[str, str]:
    return {
        "name": name,
        "sender": sender,
        "subject": "Sag / Věc / Ärende",
        "date": f"Mon, 16 Nov 2026 10:00:00 {zone}",
        "body": body,
    }


@pytest.mark.parametrize(
    ("mail", "region", "due"),
    [
        # 10 arbejdsdage: Tue 17 (1) … Fri 20 (4), Mon 23 … Fri 27 (5-9), Mon 30 Nov (10).
        (_letter("dk", "Datatilsynet <dt@datatilsynet.dk>",
                 "Vi beder om Deres bemærkninger inden 10 arbejdsdage."), "DK", date(2026, 11, 30)),
        # 10 pracovních dnů: Tue 17 Nov is a Czech holiday: Wed 18 (1) … Fri 20 (3), Mon 23 …
        # Fri 27 (4-8), Mon 30 (9), Tue 1 Dec (10).
        (_letter("cz", "ÚOOÚ <posta@uoou.gov.cz>",
                 "Žádáme o vyjádření do 10 pracovních dnů."), "CZ", date(2026, 12, 1)),
        # 10 arbetsdagar: as Denmark, Mon 30 Nov.
        (_letter("se", "IMY <imy@imy.se>", "Vi ber om svar inom 10 arbetsdagar."),
         "SE", date(2026, 11, 30)),
        # 10 εργάσιμων ημερών: Mon 30 Nov (Greece, +02:00).
        (_letter("gr", "ΑΠΔΠΧ <complaints@dpa.gr>",
                 "Παρακαλούμε να απαντήσετε εντός 10 εργάσιμων ημερών.", "+0200"),
         "GR", date(2026, 11, 30)),
        # 10 zile lucrătoare: Tue 17 (1) … Fri 27 (9), Mon 30 Nov and Tue 1 Dec off, Wed 2 Dec
        # (10).
        (_letter("ro", "ANSPDCP <anspdcp@dataprotection.ro>",
                 "Vă rugăm să răspundeți în termen de 10 zile lucrătoare.", "+0200"),
         "RO", date(2026, 12, 2)),
        # 10 munkanapon belül: Mon 30 Nov.
        (_letter("hu", "NAIH <ugyfelszolgalat@naih.hu>",
                 "Kérjük, 10 munkanapon belül válaszoljon."), "HU", date(2026, 11, 30)),
        # v 10 delovnih dneh: Mon 30 Nov.
        (_letter("si", "IP <gp.ip@ip-rs.si>", "Prosimo za odgovor v 10 delovnih dneh."),
         "SI", date(2026, 11, 30)),
        # 10 työpäivän kuluessa: Mon 30 Nov (Finland, +02:00).
        (_letter("fi", "Tietosuojavaltuutetun toimisto <tietosuoja@tietosuoja.fi>",
                 "Pyydämme vastausta 10 työpäivän kuluessa.", "+0200"),
         "FI", date(2026, 11, 30)),
    ],
    ids=["da", "cs-17-november", "sv", "el", "ro-30-nov-1-dec", "hu", "sl", "fi"],
)  # fmt: skip
def test_a_working_day_period_in_the_states_language_is_counted_on_its_calendar(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: dict[str, str],
    region: str,
    due: date,
) -> None:
    with database.session() as session:
        case = import_letter(session, rule_book, tmp_path, mail)
        assert case.kind is CaseKind.REGULATOR_INQUIRY
        assert case.due_date == due
        assert ReviewFlag.NO_DEADLINE.value not in case.review_flags
        query = select(Event.payload).where(
            Event.case_id == case.id, Event.action == "clock.stated_deadline"
        )
        payload = session.scalars(query).first()
        assert payload is not None and payload["region"] == region


def _case(
    database: Database, rule_book: RuleBook, folder: Path, mail: dict[str, str]
) -> tuple[CaseKind, date | None, set[str], object]:
    """Import ``mail``: its case's kind, due date, review flags and the region its stated
    period was counted in (``None`` when none was counted)."""
    with database.session() as session:
        case = import_letter(session, rule_book, folder, mail)
        query = select(Event.payload).where(
            Event.case_id == case.id, Event.action == "clock.stated_deadline"
        )
        payload = session.scalars(query).first()
        region = payload.get("region") if payload is not None else None
        return case.kind, case.due_date, set(case.review_flags), region


@pytest.mark.parametrize(
    ("mail", "region", "due"),
    [
        # QA19 F11: 7 dni roboczych from Mon 9 Nov 2026 (10:00 in Warsaw): Tue 10 (1), Wed 11
        # Narodowe Święto Niepodległości (off), Thu 12 (2), Fri 13 (3), Mon 16 … Thu 19 Nov (7).
        ({"name": "gov-pl", "sender": "kancelaria@mc.gov.pl", "subject": "Wezwanie",
          "date": "Mon, 09 Nov 2026 09:00:00 +0000",
          "body": "Prezes Urzędu Ochrony Danych Osobowych, w związku ze skargą Pana Jana K., "
                  "wzywa do złożenia wyjaśnień w terminie 7 dni roboczych."},
         "PL", date(2026, 11, 19)),
        ({"name": "epuap", "sender": "UODO via ePUAP <powiadomienia@epuap.gov.pl>",
          "subject": "Wezwanie", "date": "Mon, 09 Nov 2026 09:00:00 +0000",
          "body": "Prezes Urzędu Ochrony Danych Osobowych, w związku ze skargą Pani Anny K., "
                  "wzywa do złożenia wyjaśnień w terminie 7 dni roboczych."},
         "PL", date(2026, 11, 19)),
        # 10 dias úteis from Mon 16 Nov 2026: Tue 17 (1) … Mon 30 Nov (10); 1 Dec comes after.
        (_letter("gov-pt", "geral@sg.gov.pt",
                 "O queixoso apresentou queixa contra V. Exas. Pedido de esclarecimentos no "
                 "prazo de 10 dias úteis.",
                 "+0000"), "PT", date(2026, 11, 30)),
        # 10 pracovních dnů, 17 Nov off in Czechia: Tue 1 Dec (see above).
        (_letter("gov-cz", "podatelna@mvcr.gov.cz",
                 "Úřad obdržel stížnost stěžovatele. Výzva: vyjádřete se do 10 pracovních dnů."),
         "CZ", date(2026, 12, 1)),
        # 10 εργάσιμων ημερών: Mon 30 Nov.
        (_letter("gov-gr", "info@mindigital.gov.gr",
                 "Υποβλήθηκε καταγγελία στην Αρχή Προστασίας Δεδομένων. Παρακαλείσθε να "
                 "απαντήσετε εντός 10 εργάσιμων ημερών.", "+0200"), "GR", date(2026, 11, 30)),
        # 10 radnih dana: Wed 18 Nov is Dan sjećanja (Zakon o blagdanima, NN 110/2019): Tue 17
        # (1), Thu 19 (2), Fri 20 (3), Mon 23 … Fri 27 (4-8), Mon 30 (9), Tue 1 Dec (10).
        (_letter("gov-hr", "pisarnica@mup.gov.hr",
                 "Agencija je zaprimila zahtjev za utvrđivanje povrede prava. Molimo Vas da se "
                 "očitujete u roku od 10 radnih dana."), "HR", date(2026, 12, 1)),
    ],
    ids=["pl-gov", "pl-epuap", "pt-gov", "cs-gov", "el-gov", "hr-18-november"],
)  # fmt: skip
def test_an_authoritys_letter_from_another_public_body_reads_as_an_inquiry(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: dict[str, str],
    region: str,
    due: date,
) -> None:
    kind, due_date, flags, counted_on = _case(database, rule_book, tmp_path, mail)
    assert kind is CaseKind.REGULATOR_INQUIRY
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value in flags
    assert (due_date, counted_on) == (due, region)


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (
            "anna.k@gmail.com",
            "Złożyłam skargę do Prezesa Urzędu Ochrony Danych Osobowych. "
            "Wzywam do usunięcia moich danych osobowych.",
        ),
        (
            "jan.n@seznam.cz",
            "Podal jsem stížnost u Úřadu pro ochranu osobních údajů. Vyzývám "
            "vás k výmazu mých osobních údajů.",
        ),
        ("maria.s@sapo.pt", "Apresentei queixa à CNPD. Peço o apagamento dos meus dados."),
    ],
    ids=["pl", "cs", "pt"],
)
def test_a_data_subject_naming_the_authority_is_no_inquiry(
    database: Database, rule_book: RuleBook, tmp_path: Path, sender: str, body: str
) -> None:
    mail = _letter("subject", sender, body)
    kind, *_ = _case(database, rule_book, tmp_path, mail)
    assert kind is not CaseKind.REGULATOR_INQUIRY


_LANDS = {
    "sdtb.sachsen.de": "SN", "saechsdsb.de": "SN", "lda.brandenburg.de": "BB",
    "datenschutz.rlp.de": "RP", "datenschutz.saarland.de": "SL", "tlfdi.de": "TH",
    "lfd.sachsen-anhalt.de": "ST", "datenschutz-mv.de": "MV", "datenschutz.bremen.de": "HB",
    "datenschutz-bayern.de": "BY",
}  # fmt: skip


@pytest.mark.parametrize(
    ("mail", "due"),
    [
        # QA19 F4 (Saxony): 7 Arbeitstage from Mon 28 Dec 2026: Tue 29 (1), Wed 30 (2), Thu 31
        # (3), Fri 1 Jan Neujahr (off), Mon 4 (4), Tue 5 (5), Wed 6 (6; Epiphany is no Saxon
        # holiday), Thu 7 Jan 2027 (7).
        ({"name": f"sn-{domain}", "sender": f"post@{domain}", "subject": "Beschwerde",
          "date": "Mon, 28 Dec 2026 10:00:00 +0100",
          "body": "die Sächsische Datenschutz- und Transparenzbeauftragte hat eine Beschwerde "
                  "über Ihr Unternehmen erhalten. Wir bitten um Stellungnahme innerhalb von 7 "
                  "Arbeitstagen."}, date(2027, 1, 7))
        for domain in ("sdtb.sachsen.de", "saechsdsb.de")
    ] + [
        # 7 Arbeitstage from Mon 7 Sep 2026: Tue 8 … Fri 11 (1-4), Mon 14 … Wed 16 Sep (5-7);
        # no holiday of Germany or of any Land falls in that span.
        ({"name": f"de-{domain}", "sender": f"poststelle@{domain}", "subject": "Beschwerde",
          "date": "Mon, 07 Sep 2026 10:00:00 +0200",
          "body": "Wir bitten um Stellungnahme innerhalb von 7 Arbeitstagen."}, date(2026, 9, 16))
        for domain in ("lda.brandenburg.de", "datenschutz.rlp.de", "datenschutz.saarland.de",
                       "tlfdi.de", "lfd.sachsen-anhalt.de", "datenschutz-mv.de",
                       "datenschutz.bremen.de", "datenschutz-bayern.de")
    ],
)  # fmt: skip
def test_every_german_land_authority_is_a_regulator(
    database: Database, rule_book: RuleBook, tmp_path: Path, mail: dict[str, str], due: date
) -> None:
    kind, due_date, flags, region = _case(database, rule_book, tmp_path, mail)
    assert kind is CaseKind.REGULATOR_INQUIRY
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value not in flags
    # Each is counted on its own Land's calendar (the holidays package's subdivision).
    land = _LANDS[mail["sender"].partition("@")[2]]
    assert (due_date, region) == (due, f"DE-{land}")


def _qa20(name: str, sender: str, when: str, body: str) -> dict[str, str]:
    return {"name": name, "sender": sender, "subject": "Skundas / Beschwerde", "date": when,
            "body": body}  # fmt: skip


@pytest.mark.parametrize(
    ("mail", "region", "due"),
    [
        # QA20 N9, from Mon 21 Dec 2026 (day 0). LT and EE: 24, 25, 26 Dec and 1 Jan off:
        # Tue 22 (1), Wed 23 (2), Mon 28 … Thu 31 (3-6), Mon 4 … Thu 7 Jan 2027 (7-10).
        (_qa20("lt", "VDAI <ada@ada.lt>", "Mon, 21 Dec 2026 09:00:00 +0000",
               "Valstybinė duomenų apsaugos inspekcija gavo skundą. Prašome pateikti "
               "paaiškinimus per 10 darbo dienų."), "LT", date(2027, 1, 7)),
        (_qa20("ee", "AKI <info@aki.ee>", "Mon, 21 Dec 2026 09:00:00 +0000",
               "Palume esitada selgitused 10 tööpäeva jooksul."), "EE", date(2027, 1, 7)),
        # LV: 31 Dec is off too: Tue 22 (1), Wed 23 (2), Mon 28 … Wed 30 (3-5), Mon 4 … Fri 8
        # Jan 2027 (6-10).
        (_qa20("lv", "DVI <pasts@dvi.gov.lv>", "Mon, 21 Dec 2026 09:00:00 +0000",
               "Lūdzam sniegt paskaidrojumus 10 darba dienu laikā."), "LV", date(2027, 1, 8)),
        # 14 Kalendertage from Thu 3 Dec 2026: Thu 17 Dec, no Austrian holiday (8 Dec is inside).
        (_qa20("at", "DSB <dsb@dsb.gv.at>", "Thu, 03 Dec 2026 09:00:00 +0000",
               "Wir ersuchen um Stellungnahme binnen 14 Kalendertagen."), "AT", date(2026, 12, 17)),
        # QA20 N1. BW, 7 Werktage (Mon-Sat) from Mon 28 Dec 2026: Tue 29 (1), Wed 30 (2), Thu 31
        # (3), Fri 1 Jan off, Sat 2 (4), Mon 4 (5), Tue 5 (6), Wed 6 Epiphany (BW) off, Thu 7 (7).
        (_qa20("bw", "LfDI BW <poststelle@lfdi.bwl.de>", "Mon, 28 Dec 2026 09:00:00 +0000",
               "der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-"
               "Württemberg bittet um Stellungnahme innerhalb von 7 Werktagen."),
         "DE-BW", date(2027, 1, 7)),
        # SN, 5 Arbeitstage from Mon 16 Nov 2026: Tue 17 (1), Wed 18 Buß- und Bettag (SN) off,
        # Thu 19 (2), Fri 20 (3), Mon 23 (4), Tue 24 Nov (5).
        # (QA20 wrote from saechsdsb@slt.sachsen.de: the Landtag's whole domain, not listed, as
        # its members' mail would count as the authority's; the office's own domain is.)
        (_qa20("sn", "SDTB <post@sdtb.sachsen.de>", "Mon, 16 Nov 2026 09:00:00 +0000",
               "die Sächsische Datenschutz- und Transparenzbeauftragte bittet um Stellungnahme "
               "innerhalb von 5 Arbeitstagen."), "DE-SN", date(2026, 11, 24)),
    ],
    ids=["lt-ada", "ee", "lv-31-dec", "at-kalendertage", "bw-lfdi", "sn-sdtb"],
)  # fmt: skip
def test_qa20_authorities_and_periods_are_read(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    mail: dict[str, str],
    region: str,
    due: date,
) -> None:
    kind, due_date, flags, counted_on = _case(database, rule_book, tmp_path, mail)
    assert kind is CaseKind.REGULATOR_INQUIRY
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER.value not in flags
    assert ReviewFlag.NO_DEADLINE.value not in flags
    assert (due_date, counted_on) == (due, region)


def test_swiss_innert_is_read_on_the_ch_calendar(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA20 N12: "innert 5 Arbeitstagen" from Mon 21 Dec 2026 (EDÖB, Bern): Tue 22 (1), Wed 23
    # (2), Thu 24 (3), Fri 25 Weihnachten off, Mon 28 (4), Tue 29 Dec (5).
    mail = _qa20("ch", "EDÖB <info@edoeb.admin.ch>", "Mon, 21 Dec 2026 09:00:00 +0000",
                 "Wir bitten Sie, innert 5 Arbeitstagen Stellung zu nehmen.")  # fmt: skip
    kind, due_date, flags, _region = _case(database, rule_book, tmp_path, mail)
    assert kind is CaseKind.REGULATOR_INQUIRY
    assert ReviewFlag.NO_DEADLINE.value not in flags
    assert due_date == date(2026, 12, 29)
