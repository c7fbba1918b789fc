"""The time limit a regulator's letter states ("请于十个工作日内书面说明情况", "within 14 days").

No statute sets the deadline of a regulator's inquiry: the letter does (resources/rules/cn.toml
has no rule for regulator_inquiry). Triage reads the limit so that the importer can count it
(``app.services.regulator_deadline``) and a person confirms it against the letter.

The patterns are code, not vocabulary, because each needs its number converted (Chinese
numerals, English number words); they cover Chinese (Simplified and Traditional), Japanese,
Korean, English, German and French wording. Weeks are stated limits in days (7 each: "within
four weeks" is 28 calendar days; "sous huitaine" 8, "sous quinzaine" 15); months stay months,
counted to the same day of the later month (民法典 art. 202; Reg. 1182/71 art. 3(2)(c)).

A letter may instead state a calendar date ("请你公司于2026年11月27日内书面说明情况", "12月3日前",
"by 3 December 2026", "bis zum 3. Dezember 2026"), the common form in Chinese official letters.
A date is read as a date (``StatedDate``, resolved against the receipt by
``app.services.regulator_deadline``), never its day number as a period ("27日内" in
"11月27日内" is the 27th, not 27 days). Where a letter states both a date and a period, the date
governs: it is what the regulator wrote as the deadline. A date counts only next to a deadline
word (前, 之前, 内, 为止, "by", "no later than", "until", "avant le", "bis zum"...), so that the
letter's own date and most dates of the facts are not taken for one.

A deadline word also opens accounts of events ("2026年11月3日前，我办收到投诉", "By 3 November we
had received", "Bis zum 3. November gingen … ein", "Avant le 3 novembre, nous avons reçu"): only
the receipt tells such a date from a limit. So every statement is kept, in the order in which
each governs (dates in the order written, then periods), and the counting
(``app.services.regulator_deadline.count_stated_limit``) passes over a date before the receipt.
"""

import re
from dataclasses import dataclass, replace
from typing import Literal

from app.services.intake.signals import chinese_number

Unit = Literal["working_days", "calendar_days", "months", "date"]

_CJK_NUMERAL = r"[0-9０-９零〇一二两兩三四五六七八九十百]"
_CJK_NUMBER = _CJK_NUMERAL + "{1,6}"  # "三百六十五" at most; a longer run is no limit
# A number is read from its first digit only: never the tail of a longer one, and each run of
# digits is tried once (a hostile run of digits would otherwise cost quadratic time).
_NUMBER_START = rf"(?<!{_CJK_NUMERAL})"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_EN_NUMBER = r"\d{1,3}|" + "|".join(_WORD_NUMBERS)
# "a month", "eines Monats", "d'un mois", "une semaine": one.
_ONE = {"a": 1, "an": 1, "eines": 1, "einer": 1, "un": 1, "une": 1}
_FRENCH_FORTNIGHTS = {"huitaine": 8, "quinzaine": 15}
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
    # innerhalb von 14 Tagen / binnen 10 Werktagen / dans un délai de 15 jours (ouvrables)
    re.compile(
        r"(?:innerhalb\s+(?:von\s+)?|binnen\s+|dans\s+un\s+délai\s+de\s+|sous\s+)"
        r"(?P<n>\d{1,3})\s*(?P<unit>Werktag\w*|Arbeitstag\w*|Tag\w*|jours?(?:\s+ouvr\w*)?)",
        re.I,
    ),
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
    # innerhalb von vier Wochen (digits) / innerhalb eines Monats / binnen 2 Wochen /
    # dans un délai d'un mois / dans un délai de deux semaines (digits) / sous 3 semaines
    re.compile(
        r"(?:innerhalb\s+(?:von\s+)?|binnen\s+|dans\s+un\s+délai\s+(?:de\s+|d['’]\s*)|sous\s+)"
        r"(?P<n>\d{1,3}|eines|einer|une?)\s*(?P<unit>Woche\w*|Monat\w*|semaines?|mois)\b",
        re.I,
    ),
    # sous huitaine / sous quinzaine: 8 and 15 days in French administrative usage
    re.compile(r"\bsous\s+(?P<n>huitaine|quinzaine)(?P<unit>)", re.I),
)
_MONTH_NAMES = {
    "january": 1, "jan": 1, "janvier": 1, "januar": 1, "jänner": 1,
    "february": 2, "feb": 2, "février": 2, "fevrier": 2, "februar": 2,
    "march": 3, "mar": 3, "mars": 3, "märz": 3, "maerz": 3,
    "april": 4, "apr": 4, "avril": 4, "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6, "juni": 6, "july": 7, "jul": 7, "juillet": 7, "juli": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "décembre": 12, "decembre": 12, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTH_NAME = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
)
_CJK_DIGITS = "〇零一二三四五六七八九"
_YEAR_DIGITS = {char: str(value) for value, char in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# 星期四 / 周四 in brackets and a time of day ("17时", "17:00") may stand between date and cue.
_CJK_DATE = (
    rf"(?:(?P<year>[0-9０-９{_CJK_DIGITS}]{{2,4}})\s*年\s*)?"
    rf"(?P<month>{_CJK_NUMERAL}{{1,3}})\s*月\s*(?P<day>{_CJK_NUMERAL}{{1,3}})\s*[日号號]"
    r"(?:\s*[（(]\s*(?:星期|周|週|礼拜|禮拜)\s*[一二三四五六日天]\s*[）)])?"
    r"(?:\s*(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[时時点點](?:\s*\d{1,2}\s*分)?))?"
)
_LATIN_CUE = (
    r"\b(?:(?:by\s+)?no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|until|till|"
    r"before|deadline(?:\s+is|\s+of)?\s*:?|due\s+(?:by|on)|avant\s+le|au\s+plus\s+tard\s+le|"
    r"d['’]ici\s+le|jusqu['’]au|bis\s+(?:spätestens\s+)?(?:zum|am)?|spätestens\s+(?:am|bis)?|"
    r"vor\s+dem)\s*"
    rf"(?:{_WEEKDAY}\s*,?\s*)?(?:the\s+|den\s+|le\s+)?"
)
_YEAR = r"(?:,?\s*(?P<year>\d{4}))?"
_CJK_CUE_AFTER = r"(?:之前|以前|前(?![往后後])|之内|以内|之內|以內|[内內](?!容)|为止|為止|まで)"
_CJK_CUE_BEFORE = (
    r"(?P<cue>(?:截止(?:日期|时间|時間)|不晚于|不晚於|不迟于|不遲於|最迟|最遲)"
    r"\s*(?:于|於|为|為|是|[:：])?)"
)
_DATE_PATTERNS = (
    # 于2026年11月27日内 / 12月3日前 / 于12月3日（星期四）前 / 十二月三日之前 / 12月3日17时前
    re.compile(_CJK_DATE + r"\s*" + _CJK_CUE_AFTER),
    # 截止日期为2026年12月3日 / 不晚于12月3日 / 最迟于十二月三日
    re.compile(_CJK_CUE_BEFORE + r"\s*" + _CJK_DATE),
    # 2026년 12월 3일까지
    re.compile(
        r"(?:(?P<year>\d{4})\s*년\s*)?(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"
        r"\s*(?:\([월화수목금토일]\)\s*)?(?:까지|이전)"
    ),
    # by 3 December 2026 / avant le 1er décembre / bis zum 3. Dezember 2026 / by the 3rd of Dec
    re.compile(
        _LATIN_CUE + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:of\s+)?"
        rf"(?P<month>{_MONTH_NAME})\b\.?{_YEAR}",
        re.I,
    ),
    # by December 3, 2026
    re.compile(
        _LATIN_CUE
        + rf"(?P<month>{_MONTH_NAME})\b\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}",
        re.I,
    ),
    # until 03.12.2026 / bis 3.12. (day first) / by 03/12/2026 (order ambiguous unless a part
    # exceeds 12) / by 2026-12-03. The second separator is required and no digit may follow,
    # so that "by 3.5%", "by 1/2" and "1.2.3" are no dates.
    re.compile(
        _LATIN_CUE + r"(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)"
        r"(?:(?P<year>\d{4}|\d{2}))?(?!\.?\d)",
        re.I,
    ),
    re.compile(_LATIN_CUE + r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b", re.I),
    # 请于2026-12-03前 / 2026/12/3之前 / 截止日期：2026.12.03 (year first: no order to doubt)
    re.compile(
        rf"(?:{_CJK_CUE_BEFORE}\s*)?(?<![0-9０-９])(?P<year>\d{{4}})\s*(?P<ysep>[-/.－／．])\s*"
        r"(?P<month>\d{1,2})\s*(?P=ysep)\s*(?P<day>\d{1,2})(?![0-9０-９])"
        rf"(?(cue)|\s*{_CJK_CUE_AFTER})"
    ),
)
_WEEK_WORDS = ("星期", "礼拜", "禮拜", "week", "woche", "semaine")
_MONTH_WORDS = ("月", "month", "monat", "mois")
_WORKING_WORDS = (
    "工作",
    "营业",
    "營業",
    "영업",
    "working",
    "business",
    "werktag",
    "arbeitstag",
    "ouvr",
)


@dataclass(frozen=True)
class StatedDate:
    """A calendar date a letter states as its deadline, as written: ``year`` is ``None`` where
    the letter gives none ("12月3日前"; the receipt decides it). ``ambiguous`` where the order of
    day and month cannot be told ("by 03/04/2026"): a person reads it, no date is taken."""

    year: int | None
    month: int
    day: int
    ambiguous: bool = False


@dataclass(frozen=True)
class StatedLimit:
    """A period a letter states: ``n`` days of ``unit``, and the words that state it; or, with
    ``unit`` "date" (``n`` 0), the calendar date ``on`` it states."""

    n: int
    unit: Unit
    evidence: str
    on: StatedDate | None = None
    # The statements after this one, in the order in which each would govern: the counting
    # turns to them when this one is a date before the receipt (an account of events).
    fallbacks: tuple["StatedLimit", ...] = ()


def find_stated_limit(text: str) -> StatedLimit | None:
    """Return the time limit ``text`` states that governs, if any, with every other it states
    as its ``fallbacks`` (see ``find_stated_limits``).

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
    """Return every time limit ``text`` states, in the order in which each governs: calendar
    dates (unit "date", ``on``) in the order written, then periods in the order written.

    Args:
        text: a letter's subject and body (any language; Traditional Chinese as written).

    Returns:
        Limits in working days (工作日, 영업일, "working"/"business" days, Werktage, jours
        ouvrables), calendar days (日/天, "days", Tage, jours; weeks as 7 days each), months
        (个月, "months", Monate, mois) or dates, each without fallbacks; none for a number of
        0 or above 365 days or 12 months (not a deadline) or a month that is none.
    """
    dates = [match for pattern in _DATE_PATTERNS for match in pattern.finditer(text)]
    statements: list[StatedLimit] = []
    seen: set[int] = set()  # two patterns may read one date (截止日期为12月3日前)
    for match in sorted(dates, key=lambda item: (item.start("day"), item.start())):
        stated = _stated_date(match)
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


def _stated_date(match: re.Match[str]) -> StatedDate | None:
    """The date one match states, ``None`` when its month is none (a day is checked when the
    date is resolved: "2月30日" reaches a person)."""
    month_text, day = match.group("month"), _number(match.group("day"))
    month = _MONTH_NAMES.get(month_text.casefold().rstrip(".")) or _number(month_text)
    year = _year(match.group("year"))
    ambiguous = False
    if match.groupdict().get("sep") == "/":
        # 12/25/2026 can only be month first; 03/04/2026 either way (US or UK order).
        if month > 12 >= day:
            month, day = day, month
        ambiguous = day <= 12 and month <= 12 and day != month
    if not 1 <= month <= 12:
        return None
    return StatedDate(year, month, day, ambiguous)


def _year(text: str | None) -> int | None:
    """A year in digits ("2026", "２０２６", "26") or Chinese digit by digit ("二〇二六")."""
    if text is None:
        return None
    digits = "".join(_YEAR_DIGITS.get(char, char) for char in text)
    year = int(digits)  # int() reads full-width digits too
    return year + 2000 if year < 100 else year


def _number(text: str) -> int:
    folded = text.casefold()
    word = _WORD_NUMBERS.get(folded) or _ONE.get(folded) or _FRENCH_FORTNIGHTS.get(folded)
    return word if word is not None else chinese_number(text.replace("兩", "两"))
