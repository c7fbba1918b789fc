"""The timeline says on which member state's holidays a regulator's stated period was counted
(the ``clock.stated_deadline`` event's ``region`` and ``calendar``: regulator_deadline), and
the holiday calendar settings name the EU/EEA states' calendars; the case header says it under
the letter's date where working days were counted, whether on a member state's calendar or on
the rule set's own (Brazil's for an ANPD letter), and not for calendar days, whose count
consulted no holiday calendar (QA19 F15)."""

from datetime import date
from pathlib import Path

import pytest
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


@pytest.mark.parametrize(
    ("letter", "today", "due", "calendar_line"),
    [
        # The UODO letter (tests/services/regulator_letters_eu.py): 3 dni robocze from Tue 25
        # May 2027 on Poland's calendar, over Corpus Christi: Mon 31 May 2027.
        (UODO, date(2027, 5, 26), "2027-05-31",
         ["Working days counted on the official holidays of Poland"]),
        # ANPD (tests/services/regulator_letters_counted.py): 10 dias úteis from Thu 12 Nov 2026
        # on Brazil's calendar (the rule set's own: no region), over Fri 20 Nov (Consciência
        # Negra): Fri 27 Nov 2026.
        (ANPD, date(2026, 11, 13), "2026-11-27",
         ["Working days counted on the official holidays of Brazil"]),
        # CNIL, 20 jours from Thu 22 Oct 2026: Wed 11 Nov (Armistice) rolled to Thu 12 Nov
        # 2026. Calendar days: their count consulted no holiday calendar, so none is named.
        (CNIL_20_DAYS, date(2026, 10, 23), "2026-11-12", []),
        # BayLDA, 10 Werktage (Monday to Saturday) from Mon 28 Dec 2026 on Bavaria's calendar,
        # over Neujahr and Epiphany: Mon 11 Jan 2027. QA20 N10: the header had no calendar line
        # for a Monday-to-Saturday count.
        (BAYLDA_WERKTAGE, date(2026, 12, 29), "2027-01-11",
         ["Working days (Monday to Saturday) counted on the official holidays of Bavaria, "
          "Germany"]),
    ],
    ids=["member-state", "rule-set-calendar", "calendar-days", "monday-to-saturday"],
)  # fmt: skip
def test_the_header_names_the_holiday_calendar_working_days_were_counted_on(
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    translations: Translations,
    letter: dict[str, str],
    today: date,
    due: str,
    calendar_line: list[str],
) -> None:
    translations.apply(ENGLISH)
    header = _header(qtbot, database, tmp_path, letter, today)
    assert header._facts["deadline"].text().split("\n")[0] == f"Due date {due}"
    assert header._facts["rule"].text().split("\n") == [_SET_BY_LETTER, *calendar_line]
