"""The dashboard's building blocks: its figure tiles, read-only tables and titled boxes.

The tiles' captions and texts keep the translation context of the page they were written in
("DashboardPage"), so the existing Chinese translations still apply.
"""

from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.dashboard import DashboardFigures
from app.ui.dashboard_models import RED
from app.ui.local_times import differs_from_local, zone_with_offset

if TYPE_CHECKING:
    from app.reports.letterhead import Letterhead

# The page's attribute names of its tiles, in their order on screen.
TILE_NAMES = (
    "open_tile",
    "due_soon_tile",
    "overdue_tile",
    "on_time_tile",
    "median_tile",
    "extensions_tile",
)


class FigureTile(QFrame):
    """One key figure: a large number over its caption; ``alert`` colours the number red."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_value(self, text: str, *, alert: bool = False) -> None:
        """Show ``text``; red when ``alert`` (e.g. any overdue case)."""
        self.value.setText(text)
        colour = RED.name() if alert else ""
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class FigureTiles(QWidget):
    """The row of key figures: open, due within 7 days, overdue (red when any), answered on time
    and median days to respond over the last 90 days, extensions (``TILE_NAMES``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_tile = FigureTile(QCoreApplication.translate("DashboardPage", "Open cases"))
        self.due_soon_tile = FigureTile(
            QCoreApplication.translate("DashboardPage", "Due within 7 days")
        )
        self.overdue_tile = FigureTile(QCoreApplication.translate("DashboardPage", "Overdue"))
        self.on_time_tile = FigureTile(
            QCoreApplication.translate("DashboardPage", "Answered on time (90 days)")
        )
        self.median_tile = FigureTile(
            QCoreApplication.translate("DashboardPage", "Median days to respond (90 days)")
        )
        self.extensions_tile = FigureTile(
            QCoreApplication.translate("DashboardPage", "Extensions (90 days)")
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, name in enumerate(TILE_NAMES):
            grid.addWidget(getattr(self, name), 0, column)

    def show_figures(self, figures: DashboardFigures, locale: QLocale) -> None:
        """Show ``figures`` with ``locale``'s digits and separators."""
        self.open_tile.show_value(locale.toString(figures.open_total))
        self.due_soon_tile.show_value(locale.toString(figures.due_soon))
        self.overdue_tile.show_value(locale.toString(figures.overdue), alert=figures.overdue > 0)
        rate = figures.on_time_rate
        self.on_time_tile.show_value(
            "—"
            if rate is None
            else QCoreApplication.translate("DashboardPage", "%1 %").replace(
                "%1", locale.toString(rate * 100, "f", 1)
            )
        )
        self.on_time_tile.setToolTip(
            QCoreApplication.translate(
                "DashboardPage", "%1 of %2 cases answered since %3 were answered by their due date."
            )
            .replace("%1", locale.toString(figures.answered_on_time))
            .replace("%2", locale.toString(figures.answered))
            .replace("%3", date_text(locale, figures.window_start_date))
        )
        median = figures.median_days_to_respond
        self.median_tile.show_value("—" if median is None else locale.toString(median, "g", 4))
        self.extensions_tile.show_value(locale.toString(figures.extensions))


def date_text(locale: QLocale, day: date) -> str:
    """``day`` (a local date) in ``locale``'s long format."""
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def as_of_text(locale: QLocale, day: date, zone: tzinfo, instant: datetime) -> str:
    """Return the date the figures are for, e.g. "As of 1 December 2026", naming ``zone`` with
    its offset at aware ``instant`` when this computer's differs ("… · dates in Asia/Shanghai
    (UTC+08:00)"): then the computer's own date can be another."""
    shown = date_text(locale, day)
    if not differs_from_local(zone, instant):
        return QCoreApplication.translate("DashboardPage", "As of %1").replace("%1", shown)
    text = QCoreApplication.translate("DashboardPage", "As of %1 · dates in %2")
    return text.replace("%1", shown).replace("%2", zone_with_offset(zone, instant))


def utc_now() -> datetime:
    """Return the present instant (aware, UTC)."""
    return datetime.now(UTC)


def default_letterhead() -> "Letterhead":
    """``app.reports.letterhead.default_letterhead`` (the letterhead when none is set),
    imported when a report is exported."""
    from app.reports.letterhead import default_letterhead as letterhead

    return letterhead()


def read_only_table(model: Any) -> QTableView:
    """A table view over ``model`` that selects and edits nothing and wraps its text."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    return view


def titled(title: str, widget: QWidget) -> QVBoxLayout:
    """``widget`` under ``title`` in bold."""
    layout = QVBoxLayout()
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    layout.addWidget(label)
    layout.addWidget(widget)
    layout.setAlignment(label, Qt.AlignmentFlag.AlignLeft)
    return layout
