"""File › Import on a full disk: the batch stops at the first file that does not fit and a
dialog says so, with the results so far (real SQLCipher, its page limit as the full disk)."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.deadlines import load_rule_book
from app.services.import_results import ImportOutcome, ImportReport
from app.store import Database
from app.ui.bidi import FSI, LRM, PDI
from app.ui.import_controller import ImportController
from tests.store.full_disk import cap_pages, padded_messages


def test_an_import_on_a_full_disk_stops_and_says_so(
    qtbot: QtBot, database: Database, database_path: Path, tmp_path: Path
) -> None:
    padded_messages(tmp_path / "inbox", 3)
    window = QWidget()
    qtbot.addWidget(window)
    controller = ImportController(database, load_rule_book(), window)
    cap_pages(database)  # 0.eml (some 200 KiB) does not fit in the file's free pages
    with qtbot.waitSignal(controller.imported, timeout=60_000) as signal:
        controller.start([tmp_path / "inbox"])
    report = signal.args[0]
    assert isinstance(report, ImportReport)
    assert [(r.file_name, r.outcome) for r in report.results] == [
        ("0.eml", ImportOutcome.FAILED)  # 1.eml and 2.eml were not tried
    ]
    assert not report.cancelled  # stopped by the disk, not by the user
    full = (
        f"The disk holding '{database_path.parent.resolve()}' is full: free space on it and try "
        "again. Nothing was lost: the change that did not fit was undone, everything saved "
        "before it is kept."
    )
    (box,) = window.findChildren(QMessageBox)
    assert box.windowTitle() == "Import stopped: the disk is full"
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == (
        f"{full}\n\n0 imported, 0 already present, 1 failed; 0 need review.\n"
        f"{LRM}{FSI}0.eml{PDI}: not imported: the disk is full"  # said once (QA15 D2)
    )
