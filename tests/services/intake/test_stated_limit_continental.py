"""Dutch, Italian, Spanish and Portuguese stated dates (qa15 R3), German Werktage (qa15 R1) and
compound number words (qa15 R2) in regulators' letters.

Dates worked out by hand from a receipt on Mon 16 Nov 2026 (day 0; Reg. 1182/71 art. 3(1)): a
period in calendar days ends on day n; in working days on the n-th Monday-to-Friday day. No
holiday of the EU rule set between 16 Nov and 16 Dec 2026.
"""

from datetime import date

import pytest

from app.services.deadlines import RuleBook, WorkingCalendar, load_rule_book
from app.services.intake.stated_limit import StatedDate, find_stated_limit, find_stated_limits
from app.services.regulator_deadline import StatedDue, count_stated_limit

NOV_16 = date(2026, 11, 16)  # a Monday
DEC_4 = date(2026, 12, 4)  # a Friday


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _counted(rule_book: RuleBook, text: str) -> StatedDue | None:
    rule = next(iter(rule_book.rule_set("EU").rules.values()))
    limit = find_stated_limit(text)
    assert limit is not None
    return count_stated_limit(limit, NOV_16, WorkingCalendar(rule.calendar), rule.roll)


@pytest.mark.parametrize(
    ("text", "evidence", "on"),
    [
        ("uiterlijk 4 december 2026 de gegevens", "uiterlijk 4 december 2026", (2026, 12, 4)),
        ("Uiterlijk vrijdag 4 december", "Uiterlijk vrijdag 4 december", (None, 12, 4)),
        ("vóór 1 mrt. 2027 te reageren", "vóór 1 mrt. 2027", (2027, 3, 1)),
        ("voor 15 MEI 2027", "voor 15 MEI 2027", (2027, 5, 15)),
        ("entro il 4 dicembre 2026", "entro il 4 dicembre 2026", (2026, 12, 4)),
        ("entro e non oltre il 1° febbraio 2027", "entro e non oltre il 1° febbraio 2027",
         (2027, 2, 1)),
        ("entro l'11 gen 2027", "entro l'11 gen 2027", (2027, 1, 11)),
        ("a más tardar el 4 de diciembre de 2026", "a más tardar el 4 de diciembre de 2026",
         (2026, 12, 4)),
        ("antes del 4 de diciembre de 2026", "antes del 4 de diciembre de 2026", (2026, 12, 4)),
        ("hasta el día 20 de ENERO", "hasta el día 20 de ENERO", (None, 1, 20)),
        ("até 4 de dezembro de 2026", "até 4 de dezembro de 2026", (2026, 12, 4)),
        ("no prazo até 31 de março de 2027", "até 31 de março de 2027", (2027, 3, 31)),
        ("até ao dia 7 de julho", "até ao dia 7 de julho", (None, 7, 7)),
    ],
)  # fmt: skip
def test_a_dutch_italian_spanish_or_portuguese_date_is_read(
    text: str, evidence: str, on: tuple[int | None, int, int]
) -> None:
    limit = find_stated_limit(text)
    assert limit is not None and (limit.unit, limit.evidence, limit.on) == (
        "date",
        evidence,
        StatedDate(*on),
    )


def test_out_of_is_no_portuguese_october() -> None:
    # "out" (outubro) is no month here: "by 2 out of 3" would be 2 October.
    assert find_stated_limits("reduced by 2 out of 3 complaints") == ()


@pytest.mark.parametrize(
    "text",
    [
        # qa15 d01-d03: 30 days from Mon 16 Nov is Wed 16 Dec; the stated Fri 4 Dec is earlier
        # and binds, flagged (several limits). They were due 16 Dec without a flag.
        "Wij verzoeken u binnen dertig dagen te reageren en uiterlijk 4 december 2026 de "
        "gegevens te verstrekken.",
        "La invitiamo a rispondere entro trenta giorni e comunque entro il 4 dicembre 2026.",
        "Le rogamos responda en el plazo de treinta días y, en todo caso, antes del 4 de "
        "diciembre de 2026.",
        "a más tardar el 4 de diciembre de 2026 y en el plazo de treinta días",
        # qa15 d05: "dreißig" was not read (casefold made it "dreissig"): no flag.
        "Bitte antworten Sie innerhalb von dreißig Tagen, spätestens bis 04.12.2026.",
    ],
)
def test_the_stated_date_binds_before_a_later_period(rule_book: RuleBook, text: str) -> None:
    counted = _counted(rule_book, text)
    assert counted is not None and (counted.due_date, counted.several) == (DEC_4, True)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # qa15 R1, qa19 F2: Werktage are Mon-Sat: 17, 18, 19, 20, 21 (Sat), 23, 24, 25, 26, 27
        # -> Fri 27 Nov (as calendar days Thu 26 Nov; as Mon-Fri working days Mon 30 Nov).
        ("Bitte antworten Sie innerhalb von zehn Werktagen.", date(2026, 11, 27)),
        # giorni feriali and jours ouvrables likewise Mon-Sat: Fri 27 Nov.
        ("entro dieci giorni feriali", date(2026, 11, 27)),
        ("dans un délai de dix jours ouvrables", date(2026, 11, 27)),
        # 5 Werktage: 17 (1), 18, 19, 20, Sat 21 (5): a period ending on a Saturday ends on the
        # next working day (Reg. 1182/71 art. 3(4); § 193 BGB): Mon 23 Nov.
        ("innerhalb von fünf Werktagen", date(2026, 11, 23)),
        # Arbeitstage stay Mon-Fri: 17-20 (4), 23-27 (9), Mon 30 Nov (10).
        ("Bitte antworten Sie innerhalb von zehn Arbeitstagen.", date(2026, 11, 30)),
        # werkdagen, giorni lavorativi, días hábiles: Mon-Fri, the same Mon 30 Nov.
        ("binnen tien werkdagen", date(2026, 11, 30)),
        ("entro dieci giorni lavorativi", date(2026, 11, 30)),
        ("en el plazo de diez días hábiles", date(2026, 11, 30)),
    ],
)
def test_werktage_are_counted_monday_to_saturday(rule_book: RuleBook, text: str, due: date) -> None:
    counted = _counted(rule_book, text)
    assert counted is not None and counted.due_date == due


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("innerhalb von einundzwanzig Tagen", 21),
        ("innerhalb von dreiundzwanzig Tagen", 23),
        ("dans un délai de vingt et un jours", 21),
        ("dans un délai de vingt-et-un jours", 21),
        ("dans un délai de vingt-deux jours", 22),
        ("en el plazo de veintiún días", 21),
        ("en el plazo de veintidós días", 22),
        ("en el plazo de treinta y un días", 31),
        ("entro ventuno giorni", 21),
        ("entro ventotto giorni", 28),
        ("entro ventitré giorni", 23),
        ("binnen eenentwintig dagen", 21),
        ("binnen tweeëntwintig dagen", 22),
        ("innerhalb von fünfundvierzig Tagen", 45),
    ],
)
def test_a_compound_number_word_is_read(text: str, n: int) -> None:
    limit = find_stated_limit(text)
    assert limit is not None and (limit.n, limit.unit) == (n, "calendar_days")


def test_twenty_one_days_in_german_and_french_letters(rule_book: RuleBook) -> None:
    # qa15 a10/a12: 21 days from Mon 16 Nov 2026 is Mon 7 Dec (16 + 21 = 37 - 30).
    for text in ("innerhalb von einundzwanzig Tagen", "dans un délai de vingt et un jours"):
        counted = _counted(rule_book, text)
        assert counted is not None and counted.due_date == date(2026, 12, 7)
