"""The Qt binding keeps Python's reference counts: a method returning void must hand back a
new reference to None. shiboken6 6.12.0 under Python 3.11 (where None is not immortal) drops
one per call, and a window that has made some thousands of such calls (each search resets the
case list's model) aborts with "Fatal Python error: none_dealloc" — pyproject.toml excludes it."""

import sys

from PySide6.QtCore import QObject, QStringListModel

CALLS = 500


def test_a_void_qt_method_leaves_the_count_of_none_as_it_was() -> None:
    owner = QObject()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        owner.setObjectName("case-list")
    assert sys.getrefcount(None) - before > -CALLS // 2  # 6.12.0: exactly -CALLS


def test_a_model_reset_leaves_the_count_of_none_as_it_was() -> None:
    model = QStringListModel(["PD-2026-000001"])
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        model.beginResetModel()
        model.endResetModel()
    assert sys.getrefcount(None) - before > -CALLS  # 6.12.0: -2 × CALLS
