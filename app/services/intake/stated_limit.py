"""The time limit a regulator's letter states ("请于十个工作日内书面说明情况", "within 14 days").

No statute sets the deadline of a regulator's inquiry: the letter does (resources/rules/cn.toml
has no rule for regulator_inquiry). Triage reads the limit so that the importer can count it
(``app.services.regulator_deadline``) and a person confirms it against the letter.

The patterns are code, not vocabulary, because each needs its number converted (Chinese
numerals, English number words); they cover Chinese (Simplified and Traditional), Japanese,
Korean, English, German and French wording.
"""

import re
from dataclasses import dataclass
from typing import Literal

from app.services.intake.signals import chinese_number

Unit = Literal["working_days", "calendar_days"]

_CJK_NUMBER = r"[0-9０-９零〇一二两兩三四五六七八九十百]+"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_EN_NUMBER = r"\d{1,3}|" + "|".join(_WORD_NUMBERS)
_PATTERNS = (
    # 请于十个工作日内 / 在15日内 / 三十天以内 / 十個工作天內 / 14日以内 (Japanese)
    re.compile(
        rf"(?P<n>{_CJK_NUMBER})\s*[个個]?\s*(?P<unit>工作日|工作天|营业日|營業日|自然日|日|天)"
        r"\s*(?:之内|以内|之內|以內|内|內)"
    ),
    # 10일 이내 / 영업일 기준 10일 이내
    re.compile(r"(?P<work>영업일\s*기준\s*)?(?P<n>\d{1,3})\s*(?P<unit>영업일|일)\s*(?:이내|안에)"),
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
)
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
class StatedLimit:
    """A period a letter states: ``n`` days of ``unit``, and the words that state it."""

    n: int
    unit: Unit
    evidence: str


def find_stated_limit(text: str) -> StatedLimit | None:
    """Return the first time limit ``text`` states, if any.

    Args:
        text: a letter's subject and body (any language; Traditional Chinese as written).

    Returns:
        The limit in working days (工作日, 영업일, "working"/"business" days, Werktage, jours
        ouvrables) or calendar days (日/天, "days", Tage, jours); ``None`` when the text states
        none or a number of 0 or above 365 (not a deadline).
    """
    found = [match for pattern in _PATTERNS for match in pattern.finditer(text)]
    for match in sorted(found, key=lambda item: item.start()):
        n = _number(match.group("n"))
        if 0 < n <= 365:
            words = f"{match.groupdict().get('work') or ''}{match.group('unit') or ''}".casefold()
            working = any(word in words for word in _WORKING_WORDS)
            unit: Unit = "working_days" if working else "calendar_days"
            return StatedLimit(n, unit, " ".join(match.group(0).split()))
    return None


def _number(text: str) -> int:
    word = _WORD_NUMBERS.get(text.casefold())
    return word if word is not None else chinese_number(text.replace("兩", "两"))
