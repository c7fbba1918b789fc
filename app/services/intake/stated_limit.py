"""The time limit a regulator's letter states ("请于十个工作日内书面说明情况", "within 14 days").

No statute sets the deadline of a regulator's inquiry: the letter does (resources/rules/cn.toml
has no rule for regulator_inquiry). Triage reads the limit so that the importer can count it
(``app.services.regulator_deadline``) and a person confirms it against the letter.

The patterns are code, not vocabulary, because each needs its number converted (Chinese
numerals, number words); they cover Chinese (Simplified and Traditional), Japanese, Korean,
English, German, French, Spanish, Italian and Dutch wording ("innerhalb von zwei Wochen", "dans
un délai de deux semaines", "en el plazo de quince días", "entro 15 giorni", "binnen twee
weken"). Weeks are stated limits in days (7 each: "within four weeks" is 28 calendar days;
"sous huitaine" 8, "sous quinzaine" 15); months stay months, counted to the same day of the
later month (民法典 art. 202; Reg. 1182/71 art. 3(2)(c)).

A letter may instead state a calendar date ("请你公司于2026年11月27日内书面说明情况", "12月3日前",
"2026/12/10前", "by 3 December 2026"), the common form in Chinese official letters
(``app.services.intake.stated_limit_dates``). A date counts only next to a deadline word (前,
之前, 内, 为止, "by", "no later than", "until", "avant le", "bis zum"...), so that the letter's
own date and most dates of the facts are not taken for one.

A letter often states several limits: a reply period and a later date for remediation
("请于收到本函后七日内答复，并于2026年12月31日前完成整改"). A deadline word also opens accounts
of events ("2026年11月3日前，我办收到投诉", "By 3 November we had received"): only the receipt
tells such a date from a limit. So every statement is kept (dates in the order written, then
periods), and the counting (``app.services.regulator_deadline.count_stated_limit``) passes over
a date before the receipt and takes the earliest of the others.
"""

import re
from dataclasses import dataclass, replace
from typing import Literal

from app.services.intake.signals import chinese_number
from app.services.intake.stated_limit_dates import (
    CJK_NUMERAL,
    DATE_PATTERNS,
    StatedDate,
    stated_date,
)

__all__ = ["StatedDate", "StatedLimit", "Unit", "find_stated_limit", "find_stated_limits"]

Unit = Literal["working_days", "calendar_days", "months", "date"]

_CJK_NUMBER = CJK_NUMERAL + "{1,6}"  # "三百六十五" at most; a longer run is no limit
# A number is read from its first digit only: never the tail of a longer one, and each run of
# digits is tried once (a hostile run of digits would otherwise cost quadratic time).
_NUMBER_START = rf"(?<!{CJK_NUMERAL})"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_EN_NUMBER = r"\d{1,3}|" + "|".join(_WORD_NUMBERS)
# "a month", "a week": one.
_ONE = {"a": 1, "an": 1}
_FRENCH_FORTNIGHTS = {"huitaine": 8, "quinzaine": 15}
# Number words of the continental regulators' letters (German, French, Spanish, Italian, Dutch)
# up to the periods they state ("zwei Wochen", "deux semaines", "quince días", "quindici
# giorni", "twee weken"); a word shared by two languages means the same number in both.
_EU_WORD_NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "eines": 1, "einer": 1, "un": 1, "une": 1, "uno": 1,
    "una": 1, "een": 1, "één": 1,
    "zwei": 2, "deux": 2, "dos": 2, "due": 2, "twee": 2,
    "drei": 3, "trois": 3, "tres": 3, "tre": 3, "drie": 3,
    "vier": 4, "quatre": 4, "cuatro": 4, "quattro": 4,
    "fünf": 5, "cinq": 5, "cinco": 5, "cinque": 5, "vijf": 5,
    "sechs": 6, "six": 6, "seis": 6, "sei": 6, "zes": 6,
    "sieben": 7, "sept": 7, "siete": 7, "sette": 7, "zeven": 7,
    "acht": 8, "huit": 8, "ocho": 8, "otto": 8,
    "zehn": 10, "dix": 10, "diez": 10, "dieci": 10, "tien": 10,
    "zwölf": 12, "douze": 12, "doce": 12, "dodici": 12, "twaalf": 12,
    "vierzehn": 14, "quatorze": 14, "catorce": 14, "quattordici": 14, "veertien": 14,
    "fünfzehn": 15, "quinze": 15, "quince": 15, "quindici": 15, "vijftien": 15,
    "zwanzig": 20, "vingt": 20, "veinte": 20, "venti": 20, "twintig": 20,
    "dreißig": 30, "dreissig": 30, "trente": 30, "treinta": 30, "trenta": 30, "dertig": 30,
}  # fmt: skip


def _compound_numbers() -> dict[str, int]:
    """The compound number words from 21 to 99 (qa15 R2): "einundzwanzig", "vingt et un",
    "vingt-deux", "veintiún", "treinta y uno", "ventuno", "ventotto", "eenentwintig",
    "tweeëntwintig". Keys have one space where the word may have a space or a hyphen."""
    units = {
        "de": ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
        "fr": ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
        "es": ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
        "it": ("uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"),
        "nl": ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
    }
    numbers: dict[str, int] = {}
    tens_words: tuple[tuple[int, str, str | None, str, str, str], ...] = (
        (20, "zwanzig", "vingt", "veinte", "venti", "twintig"),
        (30, "dreißig", "trente", "treinta", "trenta", "dertig"),
        (40, "vierzig", "quarante", "cuarenta", "quaranta", "veertig"),
        (50, "fünfzig", "cinquante", "cincuenta", "cinquanta", "vijftig"),
        (60, "sechzig", "soixante", "sesenta", "sessanta", "zestig"),
        (90, "neunzig", None, "noventa", "novanta", "negentig"),  # 91: "quatre-vingt-onze"
    )
    for tens, de, fr, es, it, nl in tens_words:
        for value, words in enumerate(zip(*units.values(), strict=True), start=1):
            w_de, w_fr, w_es, w_it, w_nl = words
            n = tens + value
            numbers[f"{w_de}und{de}"] = numbers[f"{w_de}und{de.replace('ß', 'ss')}"] = n
            if fr is not None:
                numbers[f"{fr} et un" if value == 1 else f"{fr} {w_fr}"] = n
            numbers[f"{es} y {w_es}"] = n
            numbers[f"{it[:-1] if w_it[0] in 'uo' else it}{w_it}"] = n  # ventuno, ventotto
            numbers[f"{w_nl}{'ën' if w_nl[-1] == 'e' else 'en'}{nl}"] = n  # tweeëntwintig
        numbers[f"{es} y un"] = numbers[f"{es} y una"] = tens + 1
        numbers[f"{it}tré"] = tens + 3  # ventitré
    for word, value in (("uno", 1), ("ún", 1), ("un", 1), ("una", 1), ("dós", 2), ("dos", 2),
                        ("trés", 3), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("séis", 6),
                        ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9)):  # fmt: skip
        numbers[f"veinti{word}"] = 20 + value
    return numbers


_EU_WORD_NUMBERS |= _compound_numbers()
_EU_NUMBER = r"\d{1,3}|" + "|".join(
    r"[\s-]+".join(map(re.escape, word.split(" ")))
    for word in sorted(_EU_WORD_NUMBERS, key=len, reverse=True)
)
# innerhalb (von) / binnen / dans un délai de / sous / en el plazo (máximo) de / dentro de /
# entro (il termine di) / nel termine di
_EU_WITHIN = (
    r"(?:\binnerhalb\s+(?:von\s+)?|\bbinnen\s+|\bdans\s+un\s+délai\s+(?:de\s+|d['’]\s*)|"
    r"\bsous\s+|\ben\s+(?:el|un)\s+plazo\s+(?:máximo\s+)?de\s+|\bdentro\s+de(?:\s+los)?\s+|"
    r"\bentro\s+(?:il\s+termine\s+di\s+)?|\bnel\s+termine\s+di\s+)"
)
_EU_UNIT = (
    r"Werktag\w*|Arbeitstag\w*|Tag\w*|Woche\w*|Monat\w*|jours?(?:\s+ouvr\w*)?|semaines?|mois|"
    r"días?(?:\s+(?:hábiles|naturales))?|semanas?|mes(?:es)?|giorni(?:\s+lavorativi)?|giorno|"
    r"settiman[ae]|mes[ei]|werkdag(?:en)?|dag(?:en)?|weken|week|maand(?:en)?"
)
_DAYS_PER_WEEK = 7
_PATTERNS = (
    # 请于十个工作日内 / 在15日内 / 三十天以内 / 十個工作天內 / 14日以内 (Japanese)
    # (never the day of a date: "27日内" in "11月27日内" is the 27th)
    re.compile(
        rf"(?<!月){_NUMBER_START}(?P<n>{_CJK_NUMBER})\s*[个個]?\s*(?P<unit>工作日|工作天|营业日|營業日|自然日|日|天)"
        r"\s*(?:之内|以内|之內|以內|内|內)"
    ),
    # 10일 이내 / 영업일 기준 10일 이내
    re.compile(
        r"(?<!월)(?<!월\s)(?P<work>영업일\s*기준\s*)?(?P<n>\d{1,3})\s*(?P<unit>영업일|일)\s*(?:이내|안에)"
    ),
    # within 10 working days / within fourteen (14) days / no later than 30 calendar days
    re.compile(
        rf"(?:within|no later than|not later than|in the next)\s+(?P<n>{_EN_NUMBER})\s*"
        r"(?:\(\d{1,3}\)\s*)?(?P<unit>working|business|calendar|clear)?\s*days?\b",
        re.I,
    ),
    # innerhalb von 14 Tagen / binnen zwei Wochen / innerhalb eines Monats / dans un délai de
    # deux semaines / d'un mois / sous 8 jours ouvrables / en el plazo de quince días (hábiles)
    # / entro 15 giorni / nel termine di trenta giorni / binnen twee weken / binnen 10 werkdagen
    re.compile(rf"{_EU_WITHIN}(?P<n>{_EU_NUMBER})\s*(?P<unit>{_EU_UNIT})\b", re.I),
    # 一个月内 / 两个月以内 / 两周内 / 三个星期内 (a month needs 个: "三月内" may be March)
    re.compile(
        rf"{_NUMBER_START}(?P<n>{_CJK_NUMBER})\s*(?:(?:[个個]\s*)(?P<unit>月|星期|礼拜|禮拜)|(?P<week>周|週))"
        r"\s*(?:之内|以内|之內|以內|内|內)"
    ),
    # within four weeks / within a month / within 2 months
    re.compile(
        rf"(?:within|no later than|not later than|in the next)\s+(?P<n>{_EN_NUMBER}|an?)\s*"
        r"(?:\(\d{1,3}\)\s*)?(?:calendar\s+)?(?P<unit>weeks?|months?)\b",
        re.I,
    ),
    # sous huitaine / sous quinzaine: 8 and 15 days in French administrative usage
    re.compile(r"\bsous\s+(?P<n>huitaine|quinzaine)(?P<unit>)", re.I),
)
_WEEK_WORDS = ("星期", "礼拜", "禮拜", "week", "weke", "woche", "semain", "seman", "settiman")
_MONTH_WORDS = ("月", "month", "monat", "mois", "mes", "maand")
# German "Werktage" are Monday to Saturday but Sundays and public holidays (BUrlG § 3(2); the
# usage of Fristen), "Arbeitstage" Monday to Friday. The counting has no Monday-to-Saturday unit
# (app.services.regulator_deadline), so Werktage are read as calendar days: never later than
# the letter's date, earlier by the Sundays and holidays within the period (10 Werktage from
# Mon 16 Nov 2026: Thu 26 Nov instead of Fri 27 Nov; as working days it was Mon 30 Nov, qa15
# R1). French "jours ouvrables" are likewise Monday to Saturday (Code du travail usage; the
# days a "jour ouvré" leaves out are Saturday too): read as calendar days, "jours ouvrés" as
# working days. werkdagen, giorni lavorativi and días hábiles (Ley 39/2015 art. 30.2) are
# Monday to Friday without holidays: working days.
_WORKING_WORDS = (
    "工作",
    "营业",
    "營業",
    "영업",
    "working",
    "business",
    "arbeitstag",
    "ouvré",
    "hábil",
    "lavorativ",
    "werkdag",
)


@dataclass(frozen=True)
class StatedLimit:
    """A period a letter states: ``n`` days of ``unit``, and the words that state it; or, with
    ``unit`` "date" (``n`` 0), the calendar date ``on`` it states."""

    n: int
    unit: Unit
    evidence: str
    on: StatedDate | None = None
    # The letter's other statements: the counting weighs them all (the earliest not past binds).
    fallbacks: tuple["StatedLimit", ...] = ()


def find_stated_limit(text: str) -> StatedLimit | None:
    """Return the first time limit ``text`` states, if any, with every other it states as its
    ``fallbacks`` (see ``find_stated_limits``; the counting weighs them all).

    Args:
        text: a letter's subject and body (any language; Traditional Chinese as written).

    Returns:
        The first statement of ``find_stated_limits``, or ``None`` when the text states none.
    """
    statements = find_stated_limits(text)
    if not statements:
        return None
    return replace(statements[0], fallbacks=statements[1:])


def find_stated_limits(text: str) -> tuple[StatedLimit, ...]:
    """Return every time limit ``text`` states: calendar dates (unit "date", ``on``) in the
    order written, then periods in the order written.

    Args:
        text: a letter's subject and body (any language; Traditional Chinese as written).

    Returns:
        Limits in working days (工作日, 영업일, "working"/"business" days, Arbeitstage, jours
        ouvrés, días hábiles, giorni lavorativi, werkdagen), calendar days (日/天, "days",
        Tage, Werktage and jours ouvrables (Monday to Saturday: see ``_WORKING_WORDS``), jours,
        días, giorni,
        dagen; weeks as 7 days each), months (个月, "months", Monate,
        mois, meses, mesi, maanden) or dates, each without fallbacks; none for a number of
        0 or above 365 days or 12 months (not a deadline) or a month that is none.
    """
    dates = [match for pattern in DATE_PATTERNS for match in pattern.finditer(text)]
    statements: list[StatedLimit] = []
    seen: set[int] = set()  # two patterns may read one date (截止日期为12月3日前)
    for match in sorted(dates, key=lambda item: (item.start("day"), item.start())):
        stated = stated_date(match)
        if stated is not None and match.start("day") not in seen:
            seen.add(match.start("day"))
            statements.append(StatedLimit(0, "date", " ".join(match.group(0).split()), stated))
    found = [match for pattern in _PATTERNS for match in pattern.finditer(text)]
    for match in sorted(found, key=lambda item: item.start()):
        limit = _limit(match)
        if limit is not None:
            statements.append(limit)
    return tuple(statements)


def _limit(match: re.Match[str]) -> StatedLimit | None:
    """The limit one match states, ``None`` when its number is out of range."""
    n = _number(match.group("n"))
    groups = match.groupdict()
    words = f"{groups.get('work') or ''}{groups.get('unit') or ''}".casefold()
    evidence = " ".join(match.group(0).split())
    if any(word in words for word in _MONTH_WORDS):
        return StatedLimit(n, "months", evidence) if 0 < n <= 12 else None
    if groups.get("week") or any(word in words for word in _WEEK_WORDS):
        n *= _DAYS_PER_WEEK
    if not 0 < n <= 365:
        return None
    working = any(word in words for word in _WORKING_WORDS)
    return StatedLimit(n, "working_days" if working else "calendar_days", evidence)


def _number(text: str) -> int:
    # lower(), not casefold(): casefold() makes "dreißig" "dreissig". A compound's space or
    # hyphen ("vingt-et-un") is one space, as in the tables.
    folded = " ".join(text.lower().replace("-", " ").split())
    words = (_WORD_NUMBERS, _ONE, _FRENCH_FORTNIGHTS, _EU_WORD_NUMBERS)
    word = next((table[folded] for table in words if folded in table), None)
    return word if word is not None else chinese_number(text.replace("兩", "两"))
