"""Holiday names of the deadline breakdown in the UI language.

The calendar service gives the ``holidays`` package's name of a day (English by default); the
package also names the holidays of China, Hong Kong, Macao and Taiwan in Simplified Chinese, so
the Chinese UI shows those instead of translating them again here. A make-up working day (调休上班)
is named after the holiday it makes up for (``app.services.makeup_days``).
"""

import re
from datetime import date
from functools import cache

from PySide6.QtCore import QCoreApplication

from app.services.makeup_days import MadeUpHoliday
from app.services.typed_text import without_direction_controls
from app.ui.labels import ui_language

# The countries whose holiday names the ``holidays`` package has in Simplified Chinese.
_ZH_COUNTRIES = ("CN", "HK", "MO", "TW")
# The package's English name of a rest day swapped for a working weekend day (调休), with the
# US-style date of the day worked instead.
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d{2})/(\d{2})/(\d{4})\)$")


@cache
def _chinese_names(year: int) -> dict[tuple[date, str], str]:
    """Return {(day, English or Chinese name): Chinese name} for ``year`` (a calendar year)."""
    # Imported here: the package's 250 countries cost ~3 MiB that the first paint and the
    # dashboard do not need.
    import holidays

    names: dict[tuple[date, str], str] = {}
    for country in _ZH_COUNTRIES:
        english = holidays.country_holidays(country, years=year, language="en_US")
        chinese = holidays.country_holidays(country, years=year, language="zh_CN")
        for day, name in chinese.items():
            names.setdefault((day, str(name)), str(name))
            if day in english:
                names.setdefault((day, str(english[day])), str(name))
    return names


def holiday_text(day: date, name: str) -> str:
    """Return the name of the holiday ``name`` on ``day`` in the UI language, e.g. ``国庆节``
    for ``National Day`` on 2026-10-01, or ``Day off (worked instead on 2026-09-20)`` for the
    package's ``Day off (substituted from 09/20/2026)``; other names as given, without bidi
    embeddings, overrides and isolates (a name entered before they were refused)."""
    if ui_language() == "zh":
        chinese = _chinese_names(day.year).get((day, name))
        if chinese:
            return chinese
    match = _SUBSTITUTED.match(name)
    if match is None:
        return without_direction_controls(name)
    month, day_of_month, year = match.groups()
    text = QCoreApplication.translate("DayReason", "Day off (worked instead on %1)")
    return text.replace("%1", f"{year}-{month}-{day_of_month}")


def makeup_text(holiday: MadeUpHoliday | None) -> str:
    """Return the name of a make-up working day in the UI language: "Working day (make-up for
    National Day)" (国庆节调休上班) for ``holiday`` National Day, "Make-up working day" where the
    holiday made up for is not known (``None``)."""
    if holiday is None:
        return QCoreApplication.translate("DayReason", "Make-up working day")
    text = QCoreApplication.translate("DayReason", "Working day (make-up for %1)")
    return text.replace("%1", holiday_text(holiday.day, holiday.name))
