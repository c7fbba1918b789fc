"""The names of holiday calendars in the UI language ("Mainland China — official holidays"),
for the settings pages and the case timeline (the calendar a regulator's period was counted on).

The places' names are ``app.services.region_names``' table, which the case file reads too, shown
in the UI language; the wording around them keeps its translation context (``Calendars``).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.case_rows import StatedPeriod
from app.services.region_names import region_name as place_name
from app.ui.bidi import isolate
from app.ui.labels import ui_language

# Under a regulator's date in the case header: whose public holidays its working days were
# counted on (%1: the place, "Poland"; zh 按%1法定节假日计算工作日). The case file's rule row
# words it alike (app.reports.case_file_labels).
_COUNTED_ON = QT_TRANSLATE_NOOP("CaseHeader", "Working days counted on the official holidays of %1")
# The same for working days Monday to Saturday (Werktage, jours ouvrables, giorni feriali; zh
# 按%1法定节假日计算工作日（周一至周六）).
_COUNTED_ON_MON_SAT = QT_TRANSLATE_NOOP(
    "CaseHeader", "Working days (Monday to Saturday) counted on the official holidays of %1"
)
_LINES = {"working_days": _COUNTED_ON, "working_days_mon_sat": _COUNTED_ON_MON_SAT}


def calendar_label(spec: str) -> str:
    """Return how the calendar ``spec`` (e.g. ``holidays:CN``) reads in the UI language:
    "Mainland China — official holidays" (中国大陆 — 法定节假日); an unknown spec as given."""
    prefix, _colon, region = spec.partition(":")
    place = place_name(region, ui_language()) if prefix == "holidays" else None
    if place is None:
        return spec
    return QCoreApplication.translate("Calendars", "%1 — official holidays").replace("%1", place)


def region_name(code: str) -> str:
    """Return the place a calendar region code names in the UI language ("PL": "Poland",
    波兰); an unknown code as given, isolated (FSI … PDI) as recorded text is."""
    place = place_name(code, ui_language())
    return isolate(code) if place is None else place


def stated_calendar_line(period: StatedPeriod | None) -> str | None:
    """Return the line the case header adds under a regulator's date whose period counted
    working days: "Working days counted on the official holidays of Poland", "Working days
    (Monday to Saturday) counted on …" for Werktage or jours ouvrables (``period``:
    ``CaseDetail.stated_period``, the calendar the member state's or else the rule set's own,
    e.g. Brazil's for an ANPD letter); ``None`` for a calendar-day or month count (no holiday
    calendar counted it), a date the letter states, or no period on record."""
    if period is None or period.unit not in _LINES or not period.calendar:
        return None
    prefix, _colon, region = period.calendar.partition(":")
    place = place_name(region, ui_language()) if prefix == "holidays" else None
    text = QCoreApplication.translate("CaseHeader", str(_LINES[period.unit]))
    return text.replace("%1", place if place is not None else isolate(period.calendar))
