"""The timeline says on which member state's holidays a regulator's stated period was counted
(the ``clock.stated_deadline`` event's ``region`` and ``calendar``: regulator_deadline), and
the holiday calendar settings name the EU/EEA states' calendars; the case header says it under
the letter's date where working days were counted, whether on a member state's calendar or on
the rule set's own (Brazil's for an ANPD letter), and not for calendar days, whose count
consulted no holiday calendar (QA19 F15)."""

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.case_queries import case_detail
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.calendar_names import calendar_label
from app.ui.case_header import CaseHeader
from app.ui.case_timeline_details import details_text
from app.ui.translations import ENGLISH, Translations
from tests.services.regulator_letters_counted import ANPD, BAYLDA_WERKTAGE, CNIL_20_DAYS
from tests.services.regulator_letters_eu import UODO, import_letter


def test_the_timeline_names_the_member_states_calendar(translations: Translations) -> None:
    translations.apply(ENGLISH)
    details = (
        ("n", "5"),
        ("unit", "working_days"),
        ("region", "PL"),
        ("calendar", "holidays:PL"),
    )
    assert details_text(details) == (
        # The number is recorded text, isolated (FSI 5 PDI) as the timeline shows every such.
        "Time limit stated: \u20685\u2069; Counted in: working days; Member state: Poland;"
        " Holiday calendar: Poland — official holidays"
    )


def test_every_eu_and_eea_state_s_calendar_has_a_name(translations: Translations) -> None:
    translations.apply(ENGLISH)
    assert calendar_label("holidays:PT") == "Portugal — official holidays"
    assert calendar_label("holidays:NO") == "Norway — official holidays"
    assert calendar_label("holidays:GR") == "Greece — official holidays"


def _header(
    qtbot: QtBot, database: Database, folder: Path, letter: dict[str, str], today: date
) -> CaseHeader:
    """The case header of ``letter`` imported into ``database``, on ``today``."""
    rule_book = load_rule_book()
    with database.session() as session:
        reference = import_letter(session, rule_book, folder, letter).reference
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=today, record_view=False)
    header = CaseHeader(today=lambda: today)
    qtbot.addWidget(header)
    header.show_detail(detail)
    return header


_SET_BY_LETTER = "Set by the regulator's letter; confirm the date against the letter"


def test_the_header_names_the_member_states_calendar_under_the_letters_date(
    qtbot: QtBot, database: Database, tmp_path: Path, translations: Translations
) -> None:
    # The UODO letter (tests/services/regulator_letters_eu.py): 3 dni robocze from Tue 25 May
    # 2027 on Poland's calendar, over Corpus Christi: Mon 31 May 2027.
    translations.apply(ENGLISH)
    header = _header(qtbot, database, tmp_path, UODO, date(2027, 5, 26))
    assert header._facts["deadline"].text().split("\n")[0] == "Due date 2027-05-31"
    assert header._facts["rule"].text().split("\n") == [
        _SET_BY_LETTER,
        "Working days counted on the official holidays of Poland",
    ]


def test_the_header_names_the_rule_sets_own_calendar_for_working_days_without_a_region(
    qtbot: QtBot, database: Database, tmp_path: Path, translations: Translations
) -> None:
    # ANPD (tests/services/regulator_letters_counted.py): 10 dias úteis from Thu 12 Nov 2026 on
    # Brazil's calendar, over Fri 20 Nov (Consciência Negra): Fri 27 Nov 2026.
    translations.apply(ENGLISH)
    header = _header(qtbot, database, tmp_path, ANPD, date(2026, 11, 13))
    assert header._facts["deadline"].text().split("\n")[0] == "Due date 2026-11-27"
    assert header._facts["rule"].text().split("\n") == [
        _SET_BY_LETTER,
        "Working days counted on the official holidays of Brazil",
    ]


def test_the_header_names_no_holiday_calendar_for_a_count_of_calendar_days(
    qtbot: QtBot, database: Database, tmp_path: Path, translations: Translations
) -> None:
    # CNIL, 20 jours from Thu 22 Oct 2026: Wed 11 Nov (Armistice) rolled to Thu 12 Nov 2026.
    # The 20 days were counted as calendar days: the header names no holiday calendar.
    translations.apply(ENGLISH)
    header = _header(qtbot, database, tmp_path, CNIL_20_DAYS, date(2026, 10, 23))
    assert header._facts["deadline"].text().split("\n")[0] == "Due date 2026-11-12"
    assert header._facts["rule"].text().split("\n") == [_SET_BY_LETTER]


def test_the_header_names_the_calendar_of_working_days_monday_to_saturday(
    qtbot: QtBot, database: Database, tmp_path: Path, translations: Translations
) -> None:
    # BayLDA, 10 Werktage (Monday to Saturday) from Mon 28 Dec 2026 on Bavaria's calendar, over
    # Neujahr and Epiphany: Mon 11 Jan 2027 (tests/services/regulator_letters_counted.py). QA20
    # N10: the header had no calendar line for a Monday-to-Saturday count.
    translations.apply(ENGLISH)
    header = _header(qtbot, database, tmp_path, BAYLDA_WERKTAGE, date(2026, 12, 29))
    assert header._facts["deadline"].text().split("\n")[0] == "Due date 2027-01-11"
    assert header._facts["rule"].text().split("\n") == [
        _SET_BY_LETTER,
        "Working days (Monday to Saturday) counted on the official holidays of Bavaria, Germany",
    ]
