"""The Settings dialog: a list of pages on the left (letterhead, staff and roles,
jurisdictions, holiday calendars, retention periods, data inventory), the page on the right.

Settings that shape letters and retention are stored in the database for the whole team; only
managers and administrators may change them (anyone while the staff list is empty).
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.deadlines import RuleBook
from app.services.settings import may_change_settings
from app.store import Database
from app.ui.settings_calendar import CalendarPage
from app.ui.settings_context import SettingsContext
from app.ui.settings_inventory import InventoryPage
from app.ui.settings_jurisdictions import JurisdictionsPage
from app.ui.settings_letterhead import LetterheadPage
from app.ui.settings_retention import RetentionPage
from app.ui.settings_staff import StaffPage
from app.ui.text_width import char_widths
from app.ui.window_size import initial_window_size


class SettingsDialog(QDialog):
    """Team settings, one page per topic, each saved by its own button."""

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        actor: Callable[[], str],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        with database.session() as session:
            allowed = may_change_settings(session, actor())
        self.context = SettingsContext(database, actor, rule_book, today, allowed)
        self.pages = QListWidget()
        self.stack = QStackedWidget()
        self._build_pages()
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.pages.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._size_to_font()

    def _build_pages(self) -> None:
        self.letterhead = LetterheadPage(self.context)
        self.staff = StaffPage(self.context)
        self.jurisdictions = JurisdictionsPage(self.context)
        self.calendar = CalendarPage(self.context)
        self.retention = RetentionPage(self.context)
        self.inventory = InventoryPage(self.context)
        titles = (
            (self.tr("Letterhead"), self.letterhead),
            (self.tr("Staff and roles"), self.staff),
            (self.tr("Jurisdictions"), self.jurisdictions),
            (self.tr("Holiday calendars"), self.calendar),
            (self.tr("Retention periods"), self.retention),
            (self.tr("Data inventory"), self.inventory),
        )
        for title, page in titles:
            self.pages.addItem(title)
            self.stack.addWidget(_scrolled(page))
        self.pages.setMaximumWidth(
            self.pages.sizeHintForColumn(0) + char_widths(self.fontMetrics(), 4)
        )
        # The inventory and the retention page show the same rules: keep them in step.
        self.stack.currentChanged.connect(self._page_shown)

    def current_page(self) -> QWidget | None:
        """Return the page shown (inside its scroll area)."""
        area = self.stack.currentWidget()
        page = area.widget() if isinstance(area, QScrollArea) else None
        return page if page is not None else area

    def _page_shown(self, _index: int) -> None:
        page = self.current_page()
        if page is self.retention and not self.retention.dirty():
            self.retention.load()
        elif page is self.inventory and not self.inventory.dirty:
            self.inventory.load()

    def _size_to_font(self) -> None:
        # Sized in text units, not pixels, so it scales with the font and the screen.
        # Never larger than the screen (at 150 % scaling 42 lines may not fit); wide enough
        # where the screen allows for the jurisdictions' legal sources to wrap onto few lines.
        self.resize(initial_window_size(self, characters=180, lines=42))


def _scrolled(page: QWidget) -> QScrollArea:
    """Wrap ``page`` so that it scrolls on a small screen or at a large scale factor."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
