"""Stated periods in Danish, Swedish, Finnish, Czech, Slovak, Slovene, Croatian, Greek, Romanian
and Hungarian authorities' letters (QA19 F8): the member-state calendar covers these states, but
their letters' periods ("inden 10 arbejdsdage", "do 10 pracovních dnů") were not read, so the
case got no_deadline. Working days (arbejdsdage, arbetsdagar, työpäivää, pracovní dny, delovni
dnevi, radni dani, εργάσιμες ημέρες, zile lucrătoare, munkanap) are Monday to Friday without
holidays; plain days (dage, dagar, päivää, dnů/dní, dni/dneh, dana, ημέρες, zile, nap) are
calendar days."""

import pytest

from app.services.intake.stated_limit import find_stated_limit, find_stated_limits


@pytest.mark.parametrize(
    ("text", "n", "unit", "evidence"),
    [
        # Danish, Swedish
        ("Vi beder om svar inden 10 arbejdsdage.", 10, "working_days", "inden 10 arbejdsdage"),
        ("inden for fjorten dage", 14, "calendar_days", "inden for fjorten dage"),
        ("senest inden to uger", 14, "calendar_days", "inden to uger"),
        ("Vi ber om svar inom 10 arbetsdagar.", 10, "working_days", "inom 10 arbetsdagar"),
        ("inom tre veckor", 21, "calendar_days", "inom tre veckor"),
        ("inom 30 dagar", 30, "calendar_days", "inom 30 dagar"),
        ("inom en månad", 1, "months", "inom en månad"),
        # Finnish
        ("Pyydämme vastausta 10 työpäivän kuluessa.", 10, "working_days",
         "10 työpäivän kuluessa"),
        ("kahden viikon kuluessa", 14, "calendar_days", "kahden viikon kuluessa"),
        ("Määräaika on 14 päivää.", 14, "calendar_days", "Määräaika on 14 päivää"),
        # Czech, Slovak
        ("Žádáme o odpověď do 10 pracovních dnů.", 10, "working_days",
         "do 10 pracovních dnů"),
        ("ve lhůtě 15 dnů od doručení", 15, "calendar_days", "ve lhůtě 15 dnů"),
        ("ve lhůtě do deseti dní", 10, "calendar_days", "ve lhůtě do deseti dní"),
        ("v lehote 8 pracovných dní", 8, "working_days", "v lehote 8 pracovných dní"),
        # Slovene
        ("Prosimo za odgovor v 10 delovnih dneh.", 10, "working_days", "v 10 delovnih dneh"),
        ("v roku osmih dni", 8, "calendar_days", "v roku osmih dni"),
        # Croatian
        ("u roku od 10 radnih dana", 10, "working_days", "u roku od 10 radnih dana"),
        ("u roku od 15 dana", 15, "calendar_days", "u roku od 15 dana"),
        # Greek
        ("εντός 10 εργάσιμων ημερών", 10, "working_days", "εντός 10 εργάσιμων ημερών"),
        ("εντός προθεσμίας δέκα (10) ημερών", 10, "calendar_days",
         "εντός προθεσμίας δέκα (10) ημερών"),
        ("Εντός 15 ημερών από την παραλαβή", 15, "calendar_days", "Εντός 15 ημερών"),
        # Romanian
        ("în termen de 10 zile lucrătoare", 10, "working_days",
         "în termen de 10 zile lucrătoare"),
        ("în termen de 30 de zile", 30, "calendar_days", "în termen de 30 de zile"),
        ("în termen de cel mult cincisprezece zile", 15, "calendar_days",
         "în termen de cel mult cincisprezece zile"),
        # Hungarian
        ("Kérjük, 10 munkanapon belül válaszoljon.", 10, "working_days",
         "10 munkanapon belül"),
        ("15 napon belül", 15, "calendar_days", "15 napon belül"),
        ("két héten belül", 14, "calendar_days", "két héten belül"),
    ],
)  # fmt: skip
def test_a_period_in_another_member_states_language_is_read(
    text: str, n: int, unit: str, evidence: str
) -> None:
    limit = find_stated_limit(text)
    assert limit is not None
    assert (limit.n, limit.unit, limit.evidence) == (n, unit, evidence)


def test_a_polish_working_day_period_is_not_read_again_as_calendar_days() -> None:
    # "do 7 dni" would be 7 calendar days, earlier than the 7 dni robocze the letter states.
    limits = find_stated_limits("w terminie do 7 dni roboczych")
    assert [(limit.n, limit.unit) for limit in limits] == [(7, "working_days")]


@pytest.mark.parametrize(
    "text",
    [
        "Sagen blev oprettet for 14 dage siden.",  # "14 days ago"
        "Asia käsiteltiin 14 päivää sitten.",  # "14 days ago"
        "Stížnost přišla 10 dní před tím.",  # no "do" or "ve lhůtě"
    ],
)
def test_days_without_a_word_of_time_limit_are_no_period(text: str) -> None:
    assert find_stated_limit(text) is None


@pytest.mark.parametrize(
    ("text", "n", "unit"),
    [
        # QA20 N9: Lithuanian, Latvian, Estonian; German calendar days. N12: Swiss "innert".
        ("Prašome pateikti paaiškinimus per 10 darbo dienų.", 10, "working_days"),
        ("ne vėliau kaip per 14 dienų", 14, "calendar_days"),
        ("per vieną mėnesį", 1, "months"),
        ("Lūdzam atbildēt 10 darba dienu laikā.", 10, "working_days"),
        ("desmit darba dienās", 10, "working_days"),
        ("divu nedēļu laikā", 14, "calendar_days"),
        ("Palume vastata 10 tööpäeva jooksul.", 10, "working_days"),
        ("kahe nädala jooksul", 14, "calendar_days"),
        ("binnen 14 Kalendertagen", 14, "calendar_days"),
        ("innert 5 Arbeitstagen", 5, "working_days"),
        ("innert 6 Werktagen", 6, "working_days_mon_sat"),
    ],
)
def test_a_baltic_german_or_swiss_period_is_read(text: str, n: int, unit: str) -> None:
    limit = find_stated_limit(text)
    assert limit is not None
    assert (limit.n, limit.unit) == (n, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Skundas gautas prieš 10 dienų.",  # lt "10 days ago": no "per"
        "Pēdējās 10 dienās nekas nav mainījies.",  # lv "in the last 10 days"
        "per 10 giorni",  # Italian "for 10 days": no Lithuanian unit
    ],
)
def test_baltic_days_without_a_word_of_time_limit_are_no_period(text: str) -> None:
    assert find_stated_limit(text) is None
