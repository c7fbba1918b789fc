"""Settings page: holiday calendars — the years (official, entered, provisional), a year's
holidays and make-up working days, entering a published schedule from a file, and single-day
overrides. Every change recomputes the open cases off the GUI thread."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.settings_calendar import (
    calendar_years,
    calendars,
    enter_schedule_file,
    remove_day_override,
    set_day_override,
    year_days,
)
from app.services.typed_text import without_direction_controls
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.case_detail_tabs import row_table
from app.ui.messages import show_error
from app.ui.settings_calendar_models import CalendarDaysModel, CalendarYearsModel
from app.ui.settings_calendar_models import calendar_label as calendar_label  # re-exported
from app.ui.settings_context import SettingsContext, read_only_notice, report_saved


def _size_columns(years: QTableView, days: QTableView) -> None:
    """Fit the years table to all its columns and let the days' names take the room left."""
    # No stretched column in the years table (it would feed its own width back into its size
    # hint), and a hint the splitter keeps: its source column, mostly empty, is never cut off.
    years.horizontalHeader().setStretchLastSection(False)
    years.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    policy = years.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
    years.setSizePolicy(policy)
    days.horizontalHeader().setStretchLastSection(False)
    days.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)


class CalendarPage(QWidget):
    """Calendar chooser, years and days tables, schedule-file entry and a day editor.

    Signals:
        recomputed(int): a change was stored; the number of open cases whose clock changed.
        failed(str): a change was refused (the message shown).
    """

    recomputed = Signal(int)
    failed = Signal(str)

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.task: BackgroundTask | None = None
        self.years_model = CalendarYearsModel(self)
        self.days_model = CalendarDaysModel(self)
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        layout.addLayout(self._build_chooser())
        layout.addWidget(self._build_tables(), 1)
        layout.addLayout(self._build_editor())
        self.refresh()

    def _build_chooser(self) -> QHBoxLayout:
        self.calendar = QComboBox()
        for spec in calendars(self._context.rule_book):
            self.calendar.addItem(calendar_label(spec), spec)
        self.calendar.setCurrentIndex(max(0, self.calendar.findData("holidays:CN")))
        self.calendar.currentIndexChanged.connect(lambda _i: self.refresh())
        self.file_button = QPushButton(self.tr("Enter a schedule from a file…"))
        self.file_button.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        label = QLabel(self.tr("Calendar:"))
        label.setBuddy(self.calendar)
        for widget in (label, self.calendar):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.file_button)
        return row

    def _build_tables(self) -> QSplitter:
        self.years = row_table(self.years_model, fit_contents=True)
        self.days = row_table(self.days_model, fit_contents=True)
        _size_columns(self.years, self.days)
        self.years.selectionModel().selectionChanged.connect(self._year_selected)
        self.days.selectionModel().selectionChanged.connect(self._day_selected)
        splitter = QSplitter()
        splitter.addWidget(self.years)
        splitter.addWidget(self.days)
        splitter.setStretchFactor(1, 1)  # the days' names are long; the years table is not
        return splitter

    def _build_editor(self) -> QHBoxLayout:
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = self._context.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day_kind = QComboBox()
        self.day_kind.addItem(self.tr("Day off"), False)
        self.day_kind.addItem(self.tr("Make-up working day"), True)
        self.day_name = QLineEdit()
        self.day_name.setPlaceholderText(self.tr("Name (e.g. 春节调休)"))
        self.set_button = QPushButton(self.tr("Set day"))
        self.remove_button = QPushButton(self.tr("Remove override"))
        self.set_button.clicked.connect(self.set_day)
        self.remove_button.clicked.connect(self.remove_day)
        row = QHBoxLayout()
        for widget in (self.day, self.day_kind, self.day_name, self.set_button, self.remove_button):
            row.addWidget(widget)
        for widget in (self.file_button, self.set_button, self.day, self.day_kind, self.day_name):
            widget.setEnabled(self._context.can_change)
        self.remove_button.setEnabled(False)
        return row

    def spec(self) -> str:
        """Return the chosen calendar spec (e.g. ``holidays:CN``)."""
        return str(self.calendar.currentData())

    def refresh(self, year: int | None = None) -> None:
        """Reload the years of the chosen calendar and show ``year`` (default: this year)."""
        year = year or self._context.today().year
        with self._context.database.session() as session:
            self.years_model.set_rows(calendar_years(session, self.spec(), self._context.today()))
        for index, row in enumerate(self.years_model.rows()):
            if row.year == year:
                self.years.selectRow(index)
                self.years.scrollTo(self.years_model.index(index, 0))

    def _year_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.years.selectionModel().selectedRows()
        row = self.years_model.row_at(rows[0].row()) if rows else None
        with self._context.database.session() as session:
            self.days_model.set_rows(year_days(session, self.spec(), row.year) if row else [])

    def _day_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.days.selectionModel().selectedRows()
        row = self.days_model.row_at(rows[0].row()) if rows else None
        if row is not None:
            self.day.setDate(QDate(row.day.year, row.day.month, row.day.day))
            self.day_kind.setCurrentIndex(1 if row.working else 0)
            self.day_name.setText(without_direction_controls(row.name))
        self.remove_button.setEnabled(self._context.can_change and row is not None and row.entered)

    def chosen_day(self) -> date:
        """Return the date in the day editor."""
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self) -> BackgroundTask:
        """Store the day in the editor as a day off or a make-up working day; recompute."""
        # Read the widgets here: the change runs on a worker thread.
        day, spec, working = self.chosen_day(), self.spec(), bool(self.day_kind.currentData())
        name = self.day_name.text()

        def change(session: Session, actor: str, today: date) -> list[str]:
            return set_day_override(
                session,
                self._context.rule_book,
                spec,
                day,
                working=working,
                name=name,
                actor=actor,
                today=today,
            )

        return self._run(change, day.year)

    def remove_day(self) -> BackgroundTask:
        """Remove the entered override of the day in the editor; recompute."""
        day, spec = self.chosen_day(), self.spec()

        def change(session: Session, actor: str, today: date) -> list[str]:
            return remove_day_override(
                session, self._context.rule_book, spec, day, actor=actor, today=today
            )

        return self._run(change, day.year)

    def enter_file(self, path: Path) -> BackgroundTask:
        """Enter a published schedule from ``path`` (TOML, as ``calendar enter``); recompute."""

        def change(session: Session, actor: str, today: date) -> list[str]:
            _schedule, changed = enter_schedule_file(
                session, self._context.rule_book, path, actor=actor, today=today
            )
            return changed

        return self._run(change, None)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Enter a schedule"), "", self.tr("Holiday schedules (*.toml)")
        )
        if path:
            self.enter_file(Path(path))

    def _run(
        self, change: Callable[[Session, str, date], list[str]], year: int | None
    ) -> BackgroundTask:
        actor, today, database = (
            self._context.actor(),
            self._context.today(),
            self._context.database,
        )

        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> list[str]:
            with database.session() as session:
                return change(session, actor, today)

        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda changed: self._done(list(changed), year))
        task.failed.connect(self._failed)
        self.task = task
        self.setEnabled(False)
        task.finished.connect(lambda: self.setEnabled(True))
        task.start()
        return task

    def _done(self, changed: list[str], year: int | None) -> None:
        self.refresh(year)
        report_saved(self, self.tr("Saved; %n open case(s) recomputed.", "", len(changed)))
        self.recomputed.emit(len(changed))

    def _failed(self, message: str, known: bool) -> None:
        show_error(self, self.tr("Not saved"), message, known)
        self.failed.emit(message)
