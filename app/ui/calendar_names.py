"""The names of holiday calendars in the UI language ("Mainland China — official holidays"),
for the settings pages and the case timeline (the calendar a regulator's period was counted on).

The names keep their translation context (``Calendars``): they moved whole from
``settings_calendar_models``.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.case_rows import EventRow
from app.ui.bidi import isolate

# The regions of the ``holidays:XX`` calendars the shipped rule sets use; another region shows
# its code.
_REGIONS = {
    "AU": QT_TRANSLATE_NOOP("Calendars", "Australia"),
    "BR": QT_TRANSLATE_NOOP("Calendars", "Brazil"),
    "CA": QT_TRANSLATE_NOOP("Calendars", "Canada"),
    "CH": QT_TRANSLATE_NOOP("Calendars", "Switzerland"),
    "CH-BE": QT_TRANSLATE_NOOP("Calendars", "Bern, Switzerland"),
    "CH-BS": QT_TRANSLATE_NOOP("Calendars", "Basel-Stadt, Switzerland"),
    "CH-GE": QT_TRANSLATE_NOOP("Calendars", "Geneva, Switzerland"),
    "CH-TI": QT_TRANSLATE_NOOP("Calendars", "Ticino, Switzerland"),
    "CH-VD": QT_TRANSLATE_NOOP("Calendars", "Vaud, Switzerland"),
    "CH-ZH": QT_TRANSLATE_NOOP("Calendars", "Zurich, Switzerland"),
    "CN": QT_TRANSLATE_NOOP("Calendars", "Mainland China"),
    "GB-ENG": QT_TRANSLATE_NOOP("Calendars", "England"),
    "HK": QT_TRANSLATE_NOOP("Calendars", "Hong Kong"),
    "IE": QT_TRANSLATE_NOOP("Calendars", "Ireland"),
    "IN": QT_TRANSLATE_NOOP("Calendars", "India"),
    "JP": QT_TRANSLATE_NOOP("Calendars", "Japan"),
    "KR": QT_TRANSLATE_NOOP("Calendars", "South Korea"),
    "SG": QT_TRANSLATE_NOOP("Calendars", "Singapore"),
    "TH": QT_TRANSLATE_NOOP("Calendars", "Thailand"),
    "TW": QT_TRANSLATE_NOOP("Calendars", "Taiwan, China"),
    "US-CA": QT_TRANSLATE_NOOP("Calendars", "California, United States"),
    # EU and EEA member states: the EU rule set's regions (resources/rules/eu.toml), the
    # calendars a regulator's stated period is counted on (app.services.regulator_deadline).
    "AT": QT_TRANSLATE_NOOP("Calendars", "Austria"),
    "BE": QT_TRANSLATE_NOOP("Calendars", "Belgium"),
    "BG": QT_TRANSLATE_NOOP("Calendars", "Bulgaria"),
    "CY": QT_TRANSLATE_NOOP("Calendars", "Cyprus"),
    "CZ": QT_TRANSLATE_NOOP("Calendars", "Czechia"),
    "DE": QT_TRANSLATE_NOOP("Calendars", "Germany"),
    "DK": QT_TRANSLATE_NOOP("Calendars", "Denmark"),
    "EE": QT_TRANSLATE_NOOP("Calendars", "Estonia"),
    "ES": QT_TRANSLATE_NOOP("Calendars", "Spain"),
    "FI": QT_TRANSLATE_NOOP("Calendars", "Finland"),
    "FR": QT_TRANSLATE_NOOP("Calendars", "France"),
    "GR": QT_TRANSLATE_NOOP("Calendars", "Greece"),
    "HR": QT_TRANSLATE_NOOP("Calendars", "Croatia"),
    "HU": QT_TRANSLATE_NOOP("Calendars", "Hungary"),
    "IS": QT_TRANSLATE_NOOP("Calendars", "Iceland"),
    "IT": QT_TRANSLATE_NOOP("Calendars", "Italy"),
    "LI": QT_TRANSLATE_NOOP("Calendars", "Liechtenstein"),
    "LT": QT_TRANSLATE_NOOP("Calendars", "Lithuania"),
    "LU": QT_TRANSLATE_NOOP("Calendars", "Luxembourg"),
    "LV": QT_TRANSLATE_NOOP("Calendars", "Latvia"),
    "MT": QT_TRANSLATE_NOOP("Calendars", "Malta"),
    "NL": QT_TRANSLATE_NOOP("Calendars", "Netherlands"),
    "NO": QT_TRANSLATE_NOOP("Calendars", "Norway"),
    "PL": QT_TRANSLATE_NOOP("Calendars", "Poland"),
    "PT": QT_TRANSLATE_NOOP("Calendars", "Portugal"),
    "RO": QT_TRANSLATE_NOOP("Calendars", "Romania"),
    "SE": QT_TRANSLATE_NOOP("Calendars", "Sweden"),
    "SI": QT_TRANSLATE_NOOP("Calendars", "Slovenia"),
    "SK": QT_TRANSLATE_NOOP("Calendars", "Slovakia"),
}

# Under a regulator's date in the case header: the member state's calendar it was counted on.
_COUNTED_ON = QT_TRANSLATE_NOOP("CaseHeader", "Counted on %1")


def calendar_label(spec: str) -> str:
    """Return how the calendar ``spec`` (e.g. ``holidays:CN``) reads in the UI language:
    "Mainland China — official holidays" (中国大陆 — 法定节假日); an unknown spec as given."""
    prefix, _colon, region = spec.partition(":")
    if prefix != "holidays" or region not in _REGIONS:
        return spec
    place = QCoreApplication.translate("Calendars", str(_REGIONS[region]))
    return QCoreApplication.translate("Calendars", "%1 — official holidays").replace("%1", place)


def region_name(code: str) -> str:
    """Return the place a calendar region code names in the UI language ("PL": "Poland",
    波兰); an unknown code as given, isolated (FSI … PDI) as recorded text is."""
    if code not in _REGIONS:
        return isolate(code)
    return QCoreApplication.translate("Calendars", str(_REGIONS[code]))


def stated_calendar_line(events: tuple[EventRow, ...]) -> str | None:
    """Return the line the case header adds under a regulator's date counted on a member
    state's calendar: "Counted on Poland — official holidays" (the latest
    ``clock.stated_deadline`` event's ``calendar``); ``None`` for one counted on the rule
    set's own calendar or a date the letter states."""
    stated = [event for event in events if event.action == "clock.stated_deadline"]
    latest = max(stated, key=lambda event: event.event_id, default=None)
    calendar = dict(latest.details).get("calendar") if latest is not None else None
    if not calendar:
        return None
    text = QCoreApplication.translate("CaseHeader", str(_COUNTED_ON))
    return text.replace("%1", calendar_label(calendar))
