"""The time limit a regulator's letter states ("请于十个工作日内书面说明情况", "within 14 days").

No statute sets the deadline of a regulator's inquiry: the letter does (resources/rules/cn.toml
has no rule for regulator_inquiry). Triage reads the limit so that the importer can count it
(``app.services.regulator_deadline``) and a person confirms it against the letter.

The patterns are code, not vocabulary, because each needs its number converted (Chinese
numerals, number words); they cover Chinese (Simplified and Traditional), Japanese, Korean,
English, German, French, Spanish, Italian, Dutch, Portuguese and Polish wording ("innerhalb von
zwei Wochen", "dans un délai de deux semaines", "en el plazo de quince días", "entro 15 giorni",
"binnen twee weken", "no prazo de 10 dias úteis", "w terminie 14 dni"; number words in
``app.services.intake.stated_limit_words``), and the other member states' languages whose
calendars the counting knows (Danish, Swedish, Finnish, Czech, Slovak, Slovene, Croatian, Greek,
Romanian, Hungarian: ``app.services.intake.stated_limit_more``). Weeks are stated limits in
days (7 each: "within four weeks" is 28 calendar days; "sous huitaine" 8, "sous quinzaine"
15); months stay months, counted to the same day of the later month (民法典 art. 202;
Reg. 1182/71 art. 3(2)(c)).

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
from app.services.intake.stated_limit_more import (
    MORE_MONTH_WORDS,
    MORE_PATTERNS,
    MORE_WEEK_WORDS,
    MORE_WORD_NUMBERS,
    MORE_WORKING_WORDS,
)
from app.services.intake.stated_limit_words import EU_WORD_NUMBERS

__all__ = ["StatedDate", "StatedLimit", "Unit", "find_stated_limit", "find_stated_limits"]

# "working_days_mon_sat": Monday to Saturday less public holidays (Werktage, jours ouvrables,
# giorni feriali), counted on a calendar that rests on Sundays only.
Unit = Literal["working_days", "working_days_mon_sat", "calendar_days", "months", "date"]

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
_EU_NUMBER = r"\d{1,3}|" + "|".join(
    r"[\s-]+".join(map(re.escape, word.split(" ")))
    for word in sorted(EU_WORD_NUMBERS, key=len, reverse=True)
)
# innerhalb (von) / binnen / innert (Swiss usage: "innert 5 Arbeitstagen", QA20 N12) / Frist: /
# Frist von / dans un délai de / sous / en el plazo (máximo) de / dentro de / entro (il termine
# di) / nel termine di / no prazo (máximo) de / em até / w terminie (do) / w ciągu
_EU_WITHIN = (
    r"(?:\binnerhalb\s+(?:von\s+)?|\bbinnen\s+|\binnert\s+|"
    r"\bFrist(?:\s*:\s*|\s+von\s+)|"
    r"\bdans\s+un\s+délai\s+(?:de\s+|d['’]\s*)|"
    r"\bsous\s+|\ben\s+(?:el|un)\s+plazo\s+(?:máximo\s+)?de\s+|\bdentro\s+de(?:\s+los)?\s+|"
    r"\bentro\s+(?:il\s+termine\s+di\s+)?|\bnel\s+termine\s+di\s+|"
    r"\bno\s+prazo\s+(?:máximo\s+)?de\s+(?:até\s+)?|\bem\s+até\s+|"
    r"\bw\s+(?:terminie(?:\s+do)?|ciągu)\s+)"
)
# A number written out again in brackets, as legal Portuguese and Polish do: "15 (quinze) dias".
_SPELLED_OUT = r"(?:\([^\W\d_][^()\d]{0,40}\)\s*)?"
_EU_UNIT = (
    # Kalendertage: calendar days, as plain Tage (QA20 N9)
    r"Werktag\w*|Arbeitstag\w*|Kalendertag\w*|Tag\w*|Woche\w*|Monat\w*|jours?(?:\s+ouvr\w*)?|"
    r"semaines?|mois|"
    r"días?(?:\s+(?:hábiles|naturales))?|semanas?|mes(?:es)?|giorni(?:\s+(?:lavorativi|feriali))?|giorno|"
    r"settiman[ae]|mes[ei]|werkdag(?:en)?|dag(?:en)?|weken|week|maand(?:en)?|"
    r"dias?(?:\s+(?:úteis|uteis|corridos))?|mês|"
    r"dni(?:\s+roboczych)?|dnia|dzień|tygodni[ae]?|tydzień|miesi[ąę]c[aey]?|miesięcy"
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
    # / no prazo de 10 dias úteis / 15 (quinze) dias / w terminie 14 dni (roboczych)
    re.compile(rf"{_EU_WITHIN}(?P<n>{_EU_NUMBER})\s*{_SPELLED_OUT}(?P<unit>{_EU_UNIT})\b", re.I),
    # w terminie tygodnia / w ciągu miesiąca: one week, one month (Polish states no number)
    re.compile(r"\bw\s+(?:terminie|ciągu)\s+(?P<n>)(?P<unit>tygodnia|miesiąca)\b", re.I),
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
    # Danish, Swedish, Finnish, Czech, Slovak, Slovene, Greek, Romanian, Hungarian (QA19 F8)
    *MORE_PATTERNS,
)
_WEEK_WORDS = (
    "星期", "礼拜", "禮拜", "week", "weke", "woche", "semain", "seman", "settiman", "tydz",
    "tygod", *MORE_WEEK_WORDS,
)  # fmt: skip
_MONTH_WORDS = ("月", "month", "monat", "mois", "mes", "mês", "maand", "miesi", *MORE_MONTH_WORDS)
# German "Werktage" are Monday to Saturday but Sundays and public holidays (BUrlG § 3(2); the
# usage of Fristen), "Arbeitstage" Monday to Friday; French "jours ouvrables" are likewise every
# day but Sundays and public holidays (Code du travail usage; a "jour ouvré" also leaves out
# Saturday), Italian "giorni feriali" every day but Sundays and holidays ("giorni lavorativi"
# Monday to Friday). Those are read as "working_days_mon_sat" (counted on a calendar resting on
# Sundays only: app.services.regulator_deadline), not as calendar days (qa19 F1/F2).
# werkdagen, giorni lavorativi, días hábiles (Ley 39/2015 art. 30.2), dias úteis and dni robocze
# are Monday to Friday without holidays: working days. A plain Spanish "días" or Portuguese
# "dias" is marked ``bare_days``: the counting reads it as working days where the authority is
# Spain's or Portugal's (Ley 39/2015 art. 30.2; CPA art. 87(c)) and as calendar days elsewhere
# (Brazil's Lei 9.784/1999 art. 66 counts plain days continuously; qa19 F16). Poland's KPA
# (art. 57) counts plain days as calendar days.
_MON_SAT_WORDS = ("werktag", "ouvrable", "feriali")
# A plain Spanish or Portuguese day, with no word saying which days ("diez días", "10 dias").
_BARE_DAYS = frozenset({"día", "días", "dia", "dias"})
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
    "úteis",
    "uteis",
    "robocz",
    *MORE_WORKING_WORDS,
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
    # A plain Spanish/Portuguese "días"/"dias" read as calendar days: working days where the
    # authority that wrote is Spain's or Portugal's (``regulator_deadline``; qa19 F16).
    bare_days: bool = False


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
        ouvrés, días hábiles, giorni lavorativi, werkdagen, dias úteis, dni robocze, and
        those of ``stated_limit_more``: arbejdsdage, pracovní dny, zile lucrătoare…), Monday to
        Saturday working days (Werktage, jours ouvrables, giorni feriali: see
        ``_MON_SAT_WORDS``), calendar days (日/天, "days", Tage, jours, días and dias (marked
        ``bare_days``), giorni, dagen, dni; weeks as 7 days each),
        months (个月, "months", Monate, mois, meses, mesi, maanden, miesiące) or dates, each
        without fallbacks; none for a number of 0 or above 365 days or 12 months (not a
        deadline) or a month that is none.
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
    n = _number(match.group("n")) if match.group("n") else 1  # "w terminie miesiąca"
    groups = match.groupdict()
    words = f"{groups.get('work') or ''}{groups.get('unit') or ''}".casefold()
    evidence = " ".join(match.group(0).split())
    if any(word in words for word in _MONTH_WORDS):
        return StatedLimit(n, "months", evidence) if 0 < n <= 12 else None
    if groups.get("week") or any(word in words for word in _WEEK_WORDS):
        n *= _DAYS_PER_WEEK
    if not 0 < n <= 365:
        return None
    if any(word in words for word in _MON_SAT_WORDS):
        return StatedLimit(n, "working_days_mon_sat", evidence)
    if any(word in words for word in _WORKING_WORDS):
        return StatedLimit(n, "working_days", evidence)
    bare = words.strip() in _BARE_DAYS
    return StatedLimit(n, "calendar_days", evidence, bare_days=bare)


def _number(text: str) -> int:
    # lower(), not casefold(): casefold() makes "dreißig" "dreissig". A compound's space or
    # hyphen ("vingt-et-un") is one space, as in the tables.
    folded = " ".join(text.lower().replace("-", " ").split())
    words = (_WORD_NUMBERS, _ONE, _FRENCH_FORTNIGHTS, EU_WORD_NUMBERS, MORE_WORD_NUMBERS)
    word = next((table[folded] for table in words if folded in table), None)
    return word if word is not None else chinese_number(text.replace("兩", "两"))
