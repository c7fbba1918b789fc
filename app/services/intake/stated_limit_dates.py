"""The calendar dates a letter states as its deadline ("请你公司于2026年11月27日内", "12月3日前",
"请于2026/12/10前", "请于12/10前", "by 3 December 2026", "bis zum 3. Dezember 2026"), read for
``app.services.intake.stated_limit``, which explains when a date counts (next to a deadline
word) and how the receipt resolves it (``app.services.regulator_deadline``).

A date is read as a date, never its day number as a period ("27日内" in "11月27日内" is the
27th). Chinese writes month before day: "12/10" is 10 December; in Latin script a slashed date
of two parts at most 12 ("by 03/04/2026") is ``ambiguous`` (US or UK order) and goes to a person.
"""

import re
from dataclasses import dataclass

from app.services.intake.signals import chinese_number

CJK_NUMERAL = r"[0-9０-９零〇一二两兩三四五六七八九十百]"
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
# Dutch, Italian, Spanish and Portuguese (qa15 R3), full and in the usual abbreviations. The
# Portuguese "out" (outubro) is left out: "by 2 out of 3" is no date.
_MONTH_NAMES |= {
    "januari": 1, "gennaio": 1, "gen": 1, "enero": 1, "ene": 1, "janeiro": 1,
    "februari": 2, "febbraio": 2, "febrero": 2, "fevereiro": 2, "fev": 2,
    "maart": 3, "mrt": 3, "marzo": 3, "março": 3, "marco": 3,
    "aprile": 4, "abril": 4, "abr": 4,
    "mei": 5, "maggio": 5, "mag": 5, "mayo": 5, "maio": 5,
    "giugno": 6, "giu": 6, "junio": 6, "junho": 6,
    "luglio": 7, "lug": 7, "julio": 7, "julho": 7,
    "augustus": 8, "agosto": 8, "ago": 8,
    "settembre": 9, "set": 9, "sett": 9, "septiembre": 9, "setiembre": 9, "setembro": 9,
    "ottobre": 10, "ott": 10, "octubre": 10, "outubro": 10,
    "noviembre": 11, "novembro": 11,
    "dicembre": 12, "dic": 12, "diciembre": 12, "dezembro": 12,
}  # fmt: skip
_MONTH_NAME = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|"
    r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
    r"(?:segunda|ter[çc]a|quarta|quinta|sexta)(?:-feira)?)"
)
_CJK_DIGITS = "〇零一二三四五六七八九"
_YEAR_DIGITS = {char: str(value) for value, char in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# 星期四 / 周四 in brackets and a time of day ("17时", "17:00") may stand between date and cue.
_CJK_DATE = (
    rf"(?:(?P<year>[0-9０-９{_CJK_DIGITS}]{{2,4}})\s*年\s*)?"
    rf"(?P<month>{CJK_NUMERAL}{{1,3}})\s*月\s*(?P<day>{CJK_NUMERAL}{{1,3}})\s*[日号號]"
    r"(?:\s*[（(]\s*(?:星期|周|週|礼拜|禮拜)\s*[一二三四五六日天]\s*[）)])?"
    r"(?:\s*(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[时時点點](?:\s*\d{1,2}\s*分)?))?"
)
_LATIN_CUE = (
    r"\b(?:(?:by\s+)?no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|until|till|"
    r"before|deadline(?:\s+is|\s+of)?\s*:?|due\s+(?:by|on)|avant\s+le|au\s+plus\s+tard\s+le|"
    r"d['’]ici\s+le|jusqu['’]au|bis\s+(?:spätestens\s+)?(?:zum|am)?|spätestens\s+(?:am|bis)?|"
    r"vor\s+dem|"
    # uiterlijk (op) / vóór / voor; entro (e non oltre) il / l'; a más tardar el / antes del /
    # hasta el / no más tarde del; até (ao / o / dia) / no prazo até (qa15 R3)
    r"uiterlijk(?:\s+op)?|v[óo][óo]r|entro(?:\s+e\s+non\s+oltre)?|a\s+m[áa]s\s+tardar|"
    r"antes\s+del?|hasta|no\s+m[áa]s\s+tarde\s+del?|at[ée](?=\s)(?:\s+(?:ao|o)\b)?)\s*"
    rf"(?:{_WEEKDAY}\s*,?\s*)?(?:the\s+|den\s+|le\s+|el\s+|il\s+|l['’])?(?:d[íi]a\s+|giorno\s+)?"
)
_YEAR = r"(?:,?\s*(?:de\s+)?(?P<year>\d{4}))?"  # "4 de diciembre de 2026"
_CJK_CUE_AFTER = r"(?:之前|以前|前(?![往后後])|之内|以内|之內|以內|[内內](?!容)|为止|為止|まで)"
_CJK_CUE_BEFORE = (
    r"(?P<cue>(?:截止(?:日期|时间|時間)|不晚于|不晚於|不迟于|不遲於|最迟|最遲)"
    r"\s*(?:于|於|为|為|是|[:：])?)"
)
DATE_PATTERNS = (
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
        _LATIN_CUE + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|[º°ª])?\.?\s*(?:of\s+|de\s+)?"
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
    # 请于12/10前 (year-less, month first as Chinese writes it): only before 前/之前/以前/为止,
    # so that a share ("控制在1/3以内") is no date.
    re.compile(
        r"(?<![0-9０-９/／.．])(?P<month>\d{1,2})\s*[/／]\s*(?P<day>\d{1,2})(?![0-9０-９/／.．])"
        r"\s*(?:之前|以前|前(?![往后後])|为止|為止)"
    ),
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


def stated_date(match: re.Match[str]) -> StatedDate | None:
    """Return the date one match of ``DATE_PATTERNS`` states, ``None`` when its month is none (a
    day is checked when the date is resolved: "2月30日" reaches a person)."""
    month_text, day = match.group("month"), _cjk_number(match.group("day"))
    month = _MONTH_NAMES.get(month_text.casefold().rstrip(".")) or _cjk_number(month_text)
    year = _year(match.groupdict().get("year"))
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


def _cjk_number(text: str) -> int:
    return chinese_number(text.replace("兩", "两"))
