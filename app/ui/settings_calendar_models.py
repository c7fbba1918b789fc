"""The holiday calendars settings page's tables and names: the years of a calendar, the days
of a year that differ from the usual week; a calendar's name in the UI language is
``app.ui.calendar_names``'s (re-exported here).

The models' texts keep their classes' translation contexts (``CalendarYearsModel``,
``CalendarDaysModel``) and the names theirs (``Calendars``): the classes moved whole.
"""

from PySide6.QtWidgets import QWidget

from app.services.settings_calendar import CalendarDayRow, CalendarYearRow, YearStatus
from app.ui.calendar_names import calendar_label as calendar_label  # re-exported
from app.ui.deadline_breakdown_holidays import holiday_text, makeup_text
from app.ui.settings_table import Column, RowTableModel


class CalendarYearsModel(RowTableModel[CalendarYearRow]):
    """Years of a calendar: year, status, single-day corrections, source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Year"), lambda r: str(r.year), lambda r: r.year),
                Column(self.tr("Status"), self._status, lambda r: r.status.value),
                Column(
                    self.tr("Corrected days"), lambda r: str(r.corrections), lambda r: r.corrections
                ),
                Column(self.tr("Source"), lambda r: r.source),
            ],
            parent,
        )

    def _status(self, row: CalendarYearRow) -> str:
        return {
            YearStatus.OFFICIAL: self.tr("Official (installed data)"),
            YearStatus.ENTERED: self.tr("Official (entered)"),
            YearStatus.PROVISIONAL: self.tr("Provisional (estimated)"),
        }[row.status]


class CalendarDaysModel(RowTableModel[CalendarDayRow]):
    """Days of a year that differ from the usual week: date, kind, name, origin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Date"), lambda r: r.day.isoformat(), lambda r: r.day.toordinal()),
                Column(self.tr("Kind"), self._kind),
                Column(self.tr("Name"), self._name),
                Column(self.tr("From"), self._origin),
            ],
            parent,
        )

    def _kind(self, row: CalendarDayRow) -> str:
        return self.tr("Make-up working day") if row.working else self.tr("Day off")

    def _name(self, row: CalendarDayRow) -> str:
        # A make-up working day without a name is named after its holiday: 国庆节调休上班.
        if row.working and not row.name:
            return makeup_text(row.makes_up_for)
        return holiday_text(row.day, row.name)

    def _origin(self, row: CalendarDayRow) -> str:
        return self.tr("Entered") if row.entered else self.tr("Installed data")
