"""The names of holiday calendars in the UI language ("Mainland China — official holidays"),
for the settings pages and the case timeline (the calendar a regulator's period was counted on).

The places' names are ``app.services.region_names``' table, which the case file reads too, shown
in the UI language; the wording around them keeps its translation context (``Calendars``).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.case_rows import EventRow
from app.services.region_names import region_name as place_name
from app.ui.bidi import isolate
from app.ui.labels import ui_language

# Under a regulator's date in the case header: the member state's calendar it was counted on.
_COUNTED_ON = QT_TRANSLATE_NOOP("CaseHeader", "Counted on %1")


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
