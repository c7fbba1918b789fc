"""The web-form import dialog over a real encrypted database: preview with the detected
encoding and per-row problems, a mapping the user changes and that is remembered per form, and
the import in the background with its end report."""

import codecs
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case
from app.models.enums import Channel
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, ImportReport
from app.services.intake import ColumnMapping
from app.store import Database
from app.ui.form_import_dialog import FormImportDialog
from app.ui.form_preview import FormPreviewModel

CSV = (
    "姓名,邮箱,请求类型,提交时间\r\n"
    "张三,zhang.san@example.com,删除,2026-03-02 09:30\r\n"
    "李四,not-an-address,查阅,2026-03-02 10:00\r\n"
    ",,,\r\n"
)
MAPPING = ColumnMapping(name="姓名", email="邮箱", request_type="请求类型", received_at="提交时间")


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(
    qtbot: QtBot, database: Database, rule_book: RuleBook, settings: QSettings
) -> FormImportDialog:
    widget = FormImportDialog(database, rule_book, settings)
    qtbot.addWidget(widget)
    return widget


def _export(tmp_path: Path, name: str = "export-2026-03.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + CSV.encode("utf-8"))
    return path


def test_the_preview_shows_encoding_rows_mapping_and_problems(
    dialog: FormImportDialog, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    assert not dialog.import_button.isEnabled()
    assert dialog.load(_export(tmp_path))
    assert dialog.encoding_label.text() == "Encoding: utf-8-sig"
    assert dialog.mapping() == MAPPING
    assert dialog.import_button.isEnabled()
    model = dialog.table.model()
    assert isinstance(model, FormPreviewModel)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["Row", "Problems", "姓名", "邮箱", "请求类型", "提交时间"]
    assert [model.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
    assert model.index(0, 1).data() == ""
    assert model.index(1, 1).data() == "invalid e-mail; no e-mail, phone or account"
    assert model.index(2, 1).data() == "empty row"
    assert model.index(0, 2).data() == "张三"
    assert dialog.problem_label.text() == "3 rows; 2 need a look after import."


def test_changing_a_column_updates_the_problems(dialog: FormImportDialog, tmp_path: Path) -> None:
    dialog.load(_export(tmp_path))
    time_combo = dialog.combos["received_at"]
    time_combo.setCurrentIndex(time_combo.findData(None))
    assert dialog.mapping().received_at is None
    model = dialog.table.model()
    assert model.index(0, 1).data() == "no time"


def test_an_unreadable_file_says_why_and_cannot_be_imported(
    dialog: FormImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    assert not dialog.load(path)
    assert dialog.problem_label.text().startswith("broken.xlsx:")
    assert not dialog.import_button.isEnabled()


def test_import_runs_in_the_background_and_the_mapping_is_remembered(
    qtbot: QtBot,
    dialog: FormImportDialog,
    database: Database,
    rule_book: RuleBook,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    dialog.load(_export(tmp_path))
    details = dialog.combos["details"]
    details.setCurrentIndex(details.findData("姓名"))  # a deliberate, odd choice to recall
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as signal:
        assert dialog.start_import() is not None
    report: ImportReport = signal.args[0]
    assert [r.outcome for r in report.results] == [
        ImportOutcome.IMPORTED,
        ImportOutcome.IMPORTED,
        ImportOutcome.SKIPPED,
    ]
    assert dialog.report_text.toPlainText().splitlines() == [
        "2 imported, 0 already present, 1 skipped, 0 failed; 1 need review.",
        "export-2026-03.csv row 3: invalid e-mail",
        "export-2026-03.csv row 4: empty row",
    ]
    assert dialog.progress.value() == 3
    with database.session() as session:
        channels = session.scalars(select(Case.channel)).all()
    assert channels == [Channel.WEB_FORM, Channel.WEB_FORM]
    later = FormImportDialog(database, rule_book, settings)
    qtbot.addWidget(later)
    later.load(_export(tmp_path, "export-2026-04.csv"))  # same form, next month's file
    assert later.mapping().details == "姓名"


def test_the_dialog_opens_wide_enough_for_the_preview(dialog: FormImportDialog) -> None:
    metrics = dialog.fontMetrics()
    screen = dialog.screen().availableGeometry()
    wanted = min(metrics.horizontalAdvance("x" * 140), int(screen.width() * 0.9))
    assert dialog.width() == wanted  # from the font, not the ~280 px of the bare layout


def test_the_preview_shows_a_row_s_problems_whole_where_the_width_allows(
    qtbot: QtBot, dialog: FormImportDialog, tmp_path: Path
) -> None:
    assert dialog.load(_export(tmp_path))
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = dialog.table.model().index(1, 1).data()
    assert problems == "invalid e-mail; no e-mail, phone or account"
    advance = dialog.table.fontMetrics().horizontalAdvance(problems)
    assert dialog.table.columnWidth(1) > advance
