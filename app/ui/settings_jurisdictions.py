"""Settings page: each jurisdiction's rule per request kind (read-only: the rules are data in
``resources/rules``) and the default jurisdiction triage proposes when nothing points to one."""

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.services.deadlines.rules import PeriodUnit
from app.services.settings_jurisdictions import (
    JurisdictionRuleRow,
    current_default_jurisdiction,
    jurisdiction_rules,
    save_default_jurisdiction,
    selectable_jurisdictions,
)
from app.ui.labels import kind_label
from app.ui.legal_source_text import jurisdiction_label, legal_source_text
from app.ui.settings_calendar import calendar_label
from app.ui.settings_context import SettingsContext, read_only_notice, report_failure, report_saved
from app.ui.settings_errors import FieldPlace
from app.ui.settings_table import SORT_ROLE, AnyIndex, Column, RowTableModel
from app.ui.text_width import char_widths

_SOURCE_COLUMN = 5
# The narrowest the columns before the sources get (if their text is wider), in widths of an
# "x": with DejaVu Sans, whose titles are wide, 9 widths of an "M" left the sources 12 of them
# on a 64-em page (150 % on a 1440×900 screen).
_SHORT_COLUMN_CHARS = 10
SOURCE_SHARE = 0.4  # of the table's width, kept for the legal sources where the others can wrap


class JurisdictionRulesModel(RowTableModel[JurisdictionRuleRow]):
    """Rules: jurisdiction, kind, period, start, calendar, legal source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Jurisdiction"), lambda r: jurisdiction_label(r.code), _code),
                Column(self.tr("Request kind"), lambda r: kind_label(r.kind)),
                Column(self.tr("Period"), self._period, lambda r: (r.unit.value, r.period)),
                Column(self.tr("Starts on"), self._start),
                Column(self.tr("Calendar"), lambda r: calendar_label(r.calendar)),
                Column(self.tr("Legal source"), lambda r: legal_source_text(r.source, r.source_zh)),
            ],
            parent,
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return the cell's text, its sort value, or — the jurisdiction's tool tip — its code
        and rule set's name ("EU — European Union — GDPR …")."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == 0 and role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.code} — {row.name}"
        return super().data(index, role)

    def _period(self, row: JurisdictionRuleRow) -> str:
        units = {
            PeriodUnit.CALENDAR_DAYS: self.tr("%n calendar day(s)", "", row.period),
            PeriodUnit.WORKING_DAYS: self.tr("%n working day(s)", "", row.period),
            PeriodUnit.BUSINESS_DAYS: self.tr("%n business day(s)", "", row.period),
            PeriodUnit.MONTHS: self.tr("%n month(s)", "", row.period),
        }
        return units.get(row.unit, f"{row.period} {row.unit.value}")

    def _start(self, row: JurisdictionRuleRow) -> str:
        return self.tr("identity verified") if row.start == "verified" else self.tr("receipt")


class JurisdictionsPage(QWidget):
    """The rules table and the default-jurisdiction chooser."""

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = JurisdictionRulesModel(self)
        self.model.set_rows(jurisdiction_rules(context.rule_book))
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        layout.addLayout(self._build_default())
        layout.addWidget(self._build_table())

    def _build_default(self) -> QHBoxLayout:
        self.default = QComboBox()
        for code in selectable_jurisdictions(self._context.rule_book):
            self.default.addItem(jurisdiction_label(code), code)
            self.default.setItemData(self.default.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        with self._context.database.session() as session:
            current = current_default_jurisdiction(session)
        self.default.setCurrentIndex(max(0, self.default.findData(current)))
        self.save_button = QPushButton(self.tr("Save default"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(self._context.can_change)
        self.default.setEnabled(self._context.can_change)
        row = QHBoxLayout()
        label = QLabel(self.tr("Default jurisdiction when a message points to none:"))
        label.setBuddy(self.default)
        for widget in (label, self.default, self.save_button):
            row.addWidget(widget)
        row.addStretch()
        return row

    def _build_table(self) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)
        self._sources_wrap = SourcesWrap(self.table)
        return self.table

    def place(self, key: str) -> FieldPlace | None:
        """Return the editor of the setting ``key`` (the default jurisdiction), else ``None``."""
        return FieldPlace(self.default) if key == "intake.default_jurisdiction" else None

    def save(self) -> bool:
        """Store the chosen default jurisdiction."""
        code = str(self.default.currentData())
        try:
            with self._context.database.session() as session:
                save_default_jurisdiction(
                    session, code, self._context.rule_book, actor=self._context.actor()
                )
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        report_saved(
            self,
            self.tr("Triage now proposes %1 when nothing points elsewhere.").replace(
                "%1", jurisdiction_label(code)
            ),
        )
        return True


def _code(row: JurisdictionRuleRow) -> str:
    # Sorted by code, not by the translated name: the rule sets keep their order in any language.
    return row.code


class SourcesWrap(QObject):
    """Gives the legal sources (the last column of ``table``) the width the other columns
    leave, wrapped onto as many lines as they need, so they show whole in a narrow dialog
    (150 % on a 1440×900 screen) instead of off its edge. The other columns keep the width
    of their text and title, capped (their names wrap) where that would leave the sources
    less than ``SOURCE_SHARE`` of the viewport, never below ``_SHORT_COLUMN_CHARS`` or their
    title. Rows are as tall as their wrapped text, measured again at every change."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        header = table.horizontalHeader()
        self._natural = [
            max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(_SOURCE_COLUMN)
        ]
        header.setSectionResizeMode(_SOURCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # About a hundred rules: cheap to measure. Qt measures again after a sort, not after a
        # column's resize: that is done here.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._refit_rows = QTimer(self, singleShot=True, interval=0)
        self._refit_rows.timeout.connect(
            lambda: table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        )
        header.sectionResized.connect(lambda _column, _old, _new: self._refit_rows.start())
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Fit the columns when the viewport changes size; never consumes events."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Size the columns before the sources for the viewport's width (see the class)."""
        header = self._table.horizontalHeader()
        floor = char_widths(self._table.fontMetrics(), _SHORT_COLUMN_CHARS)
        room = int(self._table.viewport().width() * (1 - SOURCE_SHARE))
        for column, width in enumerate(capped_widths(self._natural, room, floor)):
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))


def capped_widths(natural: list[int], room: int, floor: int) -> list[int]:
    """Return ``natural`` (widths, device-independent pixels) each capped at the highest cap,
    no lower than ``floor``, at which together they fit in ``room``; capped at ``floor`` if
    none fits."""
    for cap in sorted({n for n in natural if n > floor}, reverse=True):
        widths = [min(n, cap) for n in natural]
        if sum(widths) <= room:
            return widths
    return [min(n, floor) for n in natural]
