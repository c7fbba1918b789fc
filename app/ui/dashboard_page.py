"""The managers' dashboard page: is anything about to be late? (issue 6, item 4).

Figure tiles (open, due within 7 days, overdue, on-time rate, median days to respond, extensions),
charts of the open cases by status and kind and of intake against closed cases per week, the
workload per handler and the next 30 days of deadlines as a month grid. The figures are
computed off the GUI thread (``BackgroundTask``, its own session); ``refresh()`` asks again,
and a refresh asked for while one runs is done once that one ends. The figures are for today
in the company's zone, where the deadlines run, whatever this computer's zone: the page states
that date, naming the zone when the computer's differs. "Export PDF…" renders the
same figures as a report (``app.reports.dashboard_report``), also in the background; ReportLab
is imported at the first export, not with the page (9 MiB at the peak of issue 6's memory
benchmark).
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.clock import COMPANY_ZONE
from app.services.dashboard import DashboardFigures, dashboard_figures
from app.store import Database
from app.ui.background import BackgroundTask
from app.ui.dashboard_parts import FigureTiles, as_of_text, default_letterhead, utc_now
from app.ui.dashboard_views import DashboardCharts, DashboardTables
from app.ui.memory_care import give_back_freed_memory
from app.ui.messages import show_error
from app.ui.save_folder import remember, start_path

if TYPE_CHECKING:
    from app.reports.letterhead import Letterhead

DASHBOARD = "dashboard"  # the export dialog's remembered folder (app.ui.save_folder)


class DashboardPage(QWidget):
    """The dashboard.

    Args:
        database: the open case database (a session per refresh, in the worker thread).
        now: returns the present instant (aware); the figures are for its date in ``zone``.
        letterhead: the letterhead the PDF report prints (from settings).
        zone: the zone of the figures' dates, whatever this computer's: the company's
            (``app.clock.COMPANY_ZONE``), where its statutory deadlines fall due.

    Signals:
        refreshed(object): the new ``DashboardFigures``, once shown.
        exported(str): the path of a PDF report written.
        failed(str): a refresh or an export failed (the message shown).
    """

    refreshed = Signal(object)
    exported = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        database: Database,
        now: Callable[[], datetime] = utc_now,
        letterhead: "Callable[[], Letterhead]" = default_letterhead,
        parent: QWidget | None = None,
        *,
        zone: ZoneInfo = COMPANY_ZONE,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._now, self._zone = now, zone
        self._asked_at = now()  # the instant of the figures being computed
        self._letterhead = letterhead
        self._pool = QThreadPool(self)
        self._task: BackgroundTask | None = None
        self._export_task: BackgroundTask | None = None
        self._pending = False
        self._stale = True  # nothing computed yet: the first show computes
        self.figures: DashboardFigures | None = None
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_header())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.tiles = tiles = FigureTiles()
        # Also the page's own attributes, as before the tiles had a module of their own.
        self.open_tile, self.due_soon_tile = tiles.open_tile, tiles.due_soon_tile
        self.overdue_tile, self.on_time_tile = tiles.overdue_tile, tiles.on_time_tile
        self.median_tile, self.extensions_tile = tiles.median_tile, tiles.extensions_tile
        layout.addWidget(tiles)
        # The charts and tables too, as before they had a module of their own.
        self.charts = charts = DashboardCharts()
        self.status_chart, self.kind_chart = charts.status_chart, charts.kind_chart
        self.weekly_chart = charts.weekly_chart
        self.tables = tables = DashboardTables(self)
        self.workload_model, self.workload_view = tables.workload_model, tables.workload_view
        self.calendar_model, self.calendar_view = tables.calendar_model, tables.calendar_view
        self.calendar_caption = tables.calendar_caption
        layout.addLayout(charts.layout)
        layout.addLayout(tables.layout, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)

    # -- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.as_of = QLabel(self.tr("Computing…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        # No shortcut here: F5 belongs to the window's Refresh action, which calls
        # ``data_changed`` (two owners of one key would make it ambiguous, and dead).
        self.refresh_button.setToolTip(self.tr("Compute the figures again"))
        self.refresh_button.clicked.connect(self.refresh)
        # A push button keeps room for its menu arrow beside the text; a tool button drew the
        # arrow over "…" at 150 % scaling.
        self.export_button = QPushButton(self.tr("Export PDF…"))
        menu = QMenu(self.export_button)
        for language, name in (("zh", self.tr("In Chinese…")), ("en", self.tr("In English…"))):
            action = QAction(name, menu)
            action.triggered.connect(lambda _=False, lang=language: self._ask_export(lang))
            menu.addAction(action)
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.as_of, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.export_button)
        return row

    # -- refreshing ------------------------------------------------------------------------

    def set_database(self, database: Database) -> None:
        """Use ``database`` from now on (the window switched or rekeyed it)."""
        self._database = database
        self.data_changed()

    @Slot()
    def data_changed(self) -> None:
        """Cases changed: refresh now if the page is shown, else when it is next shown (a
        refresh reads the whole register's indexes; a hidden page need not pay for it)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Compute the figures on first show and after changes made while hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Compute the figures again in the background (once more after a running one)."""
        self._stale = False
        if self._task is not None:
            self._pending = True
            return
        # Figures and the date stated are for the same day: today where the deadlines run.
        self._asked_at, database, zone = self._now(), self._database, self._zone
        today = self._asked_at.astimezone(zone).date()

        def work(_progress: Any, _cancelled: Any) -> DashboardFigures:
            with database.session() as session:
                figures = dashboard_figures(session, today, time_zone=zone)
            # What the refresh allocated and freed on this worker thread (sorts, rows, objects)
            # stays resident in the thread's malloc arena, where the GUI thread never reuses it:
            # 5 MiB at a million cases. Its cached pages stay: dropping them (Database.
            # release_cache) would make every refresh decrypt them again, 90 ms of CPU each.
            give_back_freed_memory()
            return figures

        self.refresh_button.setEnabled(False)
        self._task = BackgroundTask(work, self)
        self._task.succeeded.connect(self._show)
        self._task.failed.connect(self._refresh_failed)
        self._task.finished.connect(self._refresh_finished)
        self._task.start(self._pool)

    def _refresh_finished(self) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        if self._pending:
            self._pending = False
            self.refresh()

    def _refresh_failed(self, message: str, known: bool) -> None:
        show_error(self, self.tr("Dashboard not updated"), message, known)
        self.failed.emit(message)

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        locale = QLocale()
        self.as_of.setText(as_of_text(locale, figures.today_date, self._zone, self._asked_at))
        self.tiles.show_figures(figures, locale)
        self.charts.show_figures(figures)
        self.tables.show_figures(figures, locale)
        self.export_button.setEnabled(True)
        self.refreshed.emit(figures)

    # -- export ----------------------------------------------------------------------------

    def _ask_export(self, language: str) -> None:
        """Ask where (the folder last exported to, else Documents: ``app.ui.save_folder``),
        then export; the folder is kept once the file is written."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export dashboard"),
            start_path(DASHBOARD, "dashboard.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if chosen:
            self.export_pdf(Path(chosen), language)
            if self._export_task is not None:
                self._export_task.succeeded.connect(lambda path: remember(DASHBOARD, str(path)))

    def export_pdf(self, target: Path, language: str) -> None:
        """Write the figures shown as a PDF report in ``language`` ("zh"/"en") to ``target``,
        in the background; ``exported`` or ``failed`` follows."""
        figures, letterhead, zone = self.figures, self._letterhead(), self._zone
        if figures is None:
            return
        # On the GUI thread, before the task: the import of ReportLab, at the first export.
        from app.reports.dashboard_report import render_dashboard_report

        def work(_progress: Any, _cancelled: Any) -> str:
            target.write_bytes(
                render_dashboard_report(figures, language, letterhead, time_zone=zone)
            )
            return str(target)

        self.export_button.setEnabled(False)
        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda path: self.exported.emit(str(path)))
        task.failed.connect(self._export_failed)
        task.finished.connect(lambda: self.export_button.setEnabled(True))
        self._export_task = task
        task.start(self._pool)

    def _export_failed(self, message: str, known: bool) -> None:
        show_error(self, self.tr("Report not saved"), message, known)
        self.failed.emit(message)
