"""The dashboard's charts and tables, each row of the page with the figures it shows: open cases
by status and by kind and intake against closed cases per week (the charts' row); the workload
per handler and the next 30 days of deadlines as a month grid (the tables' row).

Each is a layout for the page's scrolling body, not a widget of its own. The texts keep the
translation context of the page they were written in ("DashboardPage"), so the existing Chinese
translations still apply.
"""

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QHeaderView, QLabel

from app.services.dashboard import DashboardFigures
from app.ui.dashboard_charts import CountBarChart, WeeklyFlowChart
from app.ui.dashboard_models import DeadlineCalendarModel, WorkloadModel
from app.ui.dashboard_parts import read_only_table, titled
from app.ui.labels import kind_label, status_label


class DashboardCharts:
    """The charts' row (``layout``): open cases by status and by kind, received and closed
    cases per ISO week."""

    def __init__(self) -> None:
        # One height in text lines for the row: the kind chart's up to 13 labelled bars.
        lines = 26
        self.status_chart = CountBarChart(
            QCoreApplication.translate("DashboardPage", "Open cases by status"), lines
        )
        self.kind_chart = CountBarChart(
            QCoreApplication.translate("DashboardPage", "Open cases by kind"), lines
        )
        self.weekly_chart = WeeklyFlowChart(
            QCoreApplication.translate("DashboardPage", "Received and closed per week"),
            (
                QCoreApplication.translate("DashboardPage", "Received"),
                QCoreApplication.translate("DashboardPage", "Closed"),
            ),
            lines,
        )
        self.layout = QGridLayout()
        for column, chart in enumerate((self.status_chart, self.kind_chart, self.weekly_chart)):
            self.layout.addWidget(chart, 0, column)
        # Room by content: 5 short bars, 13 bars with long names, 12 paired columns.
        for column, stretch in enumerate((3, 3, 4)):
            self.layout.setColumnStretch(column, stretch)

    def show_figures(self, figures: DashboardFigures) -> None:
        """Chart ``figures``: the open cases by (translated) status and kind, and the weeks'
        received and closed counts under their ISO week numbers."""
        statuses = [(status_label(s), n) for s, n in figures.open_by_status]
        self.status_chart.show_counts([s for s, _ in statuses], [n for _, n in statuses])
        kinds = [(kind_label(k), n) for k, n in figures.open_by_kind]
        self.kind_chart.show_counts([k for k, _ in kinds], [n for _, n in kinds])
        weeks = [str(w.iso_week[1]) for w in figures.weeks]
        self.weekly_chart.show_weeks(
            weeks,
            [w.received for w in figures.weeks],
            [w.closed for w in figures.weeks],
            QCoreApplication.translate("DashboardPage", "ISO week"),
        )


class DashboardTables:
    """The tables' row (``layout``): the workload per handler, and the deadlines of the next 30
    days as a month grid with its caption.

    Args:
        parent: the owner of the two table models (the page).
    """

    def __init__(self, parent: QObject) -> None:
        self.workload_model = WorkloadModel(parent)
        self.workload_view = read_only_table(self.workload_model)
        self.workload_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.calendar_model = DeadlineCalendarModel(parent)
        self.calendar_view = read_only_table(self.calendar_model)
        self.calendar_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Two text lines per cell: the date and the count.
        lines = self.calendar_view.fontMetrics().lineSpacing() * 2 + 6
        self.calendar_view.verticalHeader().setDefaultSectionSize(lines)
        self.calendar_view.verticalHeader().setVisible(False)
        self.calendar_caption = QLabel()
        self.layout = QHBoxLayout()
        workload = titled(
            QCoreApplication.translate("DashboardPage", "Workload per handler"), self.workload_view
        )
        self.layout.addLayout(workload, 2)
        calendar = titled(
            QCoreApplication.translate("DashboardPage", "Deadlines in the next 30 days"),
            self.calendar_view,
        )
        calendar.addWidget(self.calendar_caption)
        self.layout.addLayout(calendar, 3)

    def show_figures(self, figures: DashboardFigures, locale: QLocale) -> None:
        """Show the workload and the deadline days of ``figures``, the overdue count written
        as ``locale`` writes numbers."""
        self.workload_model.set_rows(figures.workload)
        self.workload_view.resizeColumnsToContents()
        self.calendar_model.set_days(figures.deadline_days)
        self.calendar_caption.setText(
            QCoreApplication.translate(
                "DashboardPage", "Amber: cases due within 7 days. Overdue now: %1."
            ).replace("%1", locale.toString(figures.overdue))
        )
