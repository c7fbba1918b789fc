"""The dashboard's QtCharts: open cases as horizontal bars, intake against closed per week.

Each chart view builds its chart once and replaces its series on ``show_*``; heights come from
the font, never from pixel constants.
"""

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

ACCENT = QColor("#1F4E79")
CLOSED = QColor("#7FA7C9")
OUTSIDE_LABEL_ROOM = 1.15
"""The value axis reaches this many times the largest count: its label fits past its bar."""


class _ChartView(QChartView):
    """A chart view with an antialiased, animation-free chart and a font-based height."""

    def __init__(self, title: str, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setVisible(False)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._height = self.fontMetrics().height() * lines
        self.setMinimumHeight(self._height)
        # As tall as its text lines need; the tables below take what height is left.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The width Qt proposes, the height of the chart's text lines."""
        return QSize(super().sizeHint().width(), self._height)

    def _replace(self, series: QBarSeries | QHorizontalBarSeries) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)


class CountBarChart(_ChartView):
    """Counts per category as horizontal bars, first category at the top."""

    def show_counts(self, labels: Sequence[str], counts: Sequence[int]) -> None:
        """Draw one bar per (label, count)."""
        bars = QBarSet(self.chart().title())
        bars.append([float(n) for n in reversed(counts)])
        bars.setColor(ACCENT)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        # Past the bar's end, in the text colour: inside it, white on a bar one count wide was
        # cut in half or lost on the white ground (150 % scaling).
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelColor(self.palette().text().color())
        self._replace(series)
        categories = QBarCategoryAxis()
        categories.append(list(reversed(labels)))
        # Whole names, the bars narrower: "Objection / restri…" at 150 % scaling said less.
        categories.setTruncateLabels(False)
        if len(labels) > 6:
            # Many bars share the height: a smaller label face keeps every name whole (the
            # axis elides a label taller than its slot).
            font = categories.labelsFont()
            font.setPointSizeF(self.font().pointSizeF() * 0.85)
            categories.setLabelsFont(font)
        values = QValueAxis()
        # Room past the longest bar for its count.
        values.setRange(0, max([*counts, 1]) * OUTSIDE_LABEL_ROOM)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        self.chart().addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart().addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)

    def bar_count(self) -> int:
        """How many bars the chart shows (for tests and accessibility checks)."""
        series = self.chart().series()
        return series[0].barSets()[0].count() if series else 0  # type: ignore[attr-defined]


class WeeklyFlowChart(_ChartView):
    """Cases received and cases closed per week: two bar sets side by side, with a legend."""

    def __init__(
        self, title: str, names: tuple[str, str], lines: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, lines, parent)
        self._names = names
        self.chart().legend().setVisible(True)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignTop)

    def show_weeks(
        self,
        labels: Sequence[str],
        received: Sequence[int],
        closed: Sequence[int],
        title: str = "",
    ) -> None:
        """Draw the weeks ``labels`` (short: twelve share the chart's width) with their
        received and closed counts; ``title`` names the axis (e.g. "ISO week")."""
        series = QBarSeries()
        for name, counts, colour in zip(
            self._names, (received, closed), (ACCENT, CLOSED), strict=True
        ):
            bars = QBarSet(name)
            bars.append([float(n) for n in counts])
            bars.setColor(colour)
            series.append(bars)
        self._replace(series)
        weeks = QBarCategoryAxis()
        weeks.append(list(labels))
        weeks.setTitleText(title)
        values = QValueAxis()
        values.setRange(0, max([*received, *closed, 1]))
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        self.chart().addAxis(weeks, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(weeks)
        series.attachAxis(values)

    def totals(self) -> tuple[int, int]:
        """The received and closed cases over all weeks shown (for tests)."""
        series = self.chart().series()
        if not series:
            return 0, 0
        sets = series[0].barSets()  # type: ignore[attr-defined]
        return int(sets[0].sum()), int(sets[1].sum())
