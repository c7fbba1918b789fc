"""The cases of a planned letter batch as a table with a tick per case, the words for why a
case's letter cannot be produced, and the end report of a run.

A case whose kind the letter does not answer (``app.services.letter_fit.answers_kind``: a
"deletion done" letter for a complaint) is listed with that reason and never ticked, as the
Case menu never offers it."""

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.letter_batch import BatchEntry, BatchPlan, Blocker
from app.services.letter_batch_run import BatchReport
from app.services.letter_fit import answers_kind
from app.ui.labels import kind_label
from app.ui.messages import error_text

_CONTEXT = "BatchLetters"
BLOCKER_TEXT = {
    Blocker.NOT_FOUND: QT_TRANSLATE_NOOP("BatchLetters", "No case has this reference"),
    Blocker.NO_ADDRESS: QT_TRANSLATE_NOOP(
        "BatchLetters", "No e-mail address of the requester or the person acting for them"
    ),
    Blocker.RECEIPT_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "BatchLetters", "Receipt date not confirmed yet"
    ),
    Blocker.NAME_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "BatchLetters", "Requester's name partly lost in the mail: confirm or correct it"
    ),
    Blocker.NOT_A_REQUEST: QT_TRANSLATE_NOOP("BatchLetters", "Not a privacy request"),
    Blocker.NO_EXTENSION: QT_TRANSLATE_NOOP("BatchLetters", "The deadline was not extended"),
    Blocker.NO_REFUSAL_GROUNDS: QT_TRANSLATE_NOOP("BatchLetters", "No refusal grounds recorded"),
}
_HEADERS = (
    QT_TRANSLATE_NOOP("BatchLetters", "Case"),
    QT_TRANSLATE_NOOP("BatchLetters", "Requester"),
    QT_TRANSLATE_NOOP("BatchLetters", "Request"),
    QT_TRANSLATE_NOOP("BatchLetters", "Due"),
    QT_TRANSLATE_NOOP("BatchLetters", "Letter"),
    QT_TRANSLATE_NOOP("BatchLetters", "Language"),
)
LETTER_LANGUAGES = {
    "zh": QT_TRANSLATE_NOOP("BatchLetters", "Chinese"),
    "en": QT_TRANSLATE_NOOP("BatchLetters", "English"),
    "zh+en": QT_TRANSLATE_NOOP("BatchLetters", "Bilingual (Chinese, then English)"),
    "zh-Hant": QT_TRANSLATE_NOOP("BatchLetters", "Traditional Chinese"),
    "zh-Hant+en": QT_TRANSLATE_NOOP(
        "BatchLetters", "Bilingual (Traditional Chinese, then English)"
    ),
}
_LANGUAGE_COLUMN = 5
_READY = QT_TRANSLATE_NOOP("BatchLetters", "Ready")
_MISFIT = QT_TRANSLATE_NOOP("BatchLetters", "This letter does not answer this kind of request")


def split_references(text: str) -> list[str]:
    """Return the case references typed or pasted into ``text`` (any separators), in order,
    each once."""
    return list(dict.fromkeys(part for part in re.split(r"[\s,;，；、]+", text) if part))


def summary_lines(report: BatchReport) -> list[str]:
    """Return the end report of a run: counts, the stop if any, then each failed case and why
    (a known error's message; a bug only by its type)."""
    lines = [
        QCoreApplication.translate("BatchLetters", "%1 letters generated, %2 failed.")
        .replace("%1", str(len(report.generated)))
        .replace("%2", str(len(report.failed)))
    ]
    if report.cancelled:
        text = QCoreApplication.translate(
            "BatchLetters", "Stopped; the letters before were kept. %1 not started."
        )
        lines.append(text.replace("%1", str(len(report.not_started))))
    for failed in report.failed:
        failure = failed.failure
        reason = error_text(failure.message) or QCoreApplication.translate(
            "BatchLetters", "unexpected error (%1)"
        ).replace("%1", failure.error)
        lines.append(f"{failed.reference}: {reason}")
    return lines


def blocker_text(blocker: Blocker) -> str:
    """Return why a letter cannot be produced, in the UI language."""
    return QCoreApplication.translate(_CONTEXT, str(BLOCKER_TEXT[blocker]))


class BatchPlanModel(QAbstractTableModel):
    """One row per case of the plan; the first column carries a tick (ready cases only, all
    ticked at first). ``Qt.UserRole`` gives raw values for sorting (the due date as ISO text).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[BatchEntry, ...] = ()
        self._ticked: set[str] = set()
        self._misfits: set[str] = set()
        self._language = ""
        self._languages: Mapping[str, str] = {}

    def set_plan(self, plan: BatchPlan | None) -> None:
        """Show the cases of ``plan`` (none for ``None``), every ready case ticked."""
        self.beginResetModel()
        self._entries = plan.entries if plan else ()
        template = plan.template_key if plan else ""
        self._misfits = {
            entry.reference
            for entry in self._entries
            if entry.kind is not None and not answers_kind(template, entry.kind)
        }
        self._ticked = {entry.reference for entry in self._entries if self.ready(entry)}
        self._language, self._languages = (plan.language if plan else ""), {}
        self.endResetModel()

    def set_languages(self, language: str, languages: Mapping[str, str] | None) -> None:
        """Show each case's letter language: ``languages[reference]`` (each case in its own),
        else ``language`` for all; the ticks stay."""
        self._language, self._languages = language, languages or {}
        if self._entries:
            top = self.index(0, _LANGUAGE_COLUMN)
            self.dataChanged.emit(top, self.index(len(self._entries) - 1, _LANGUAGE_COLUMN))

    def ready(self, entry: BatchEntry) -> bool:
        """Return whether the letter of ``entry`` can be produced: nothing blocks it and it
        answers the case's kind."""
        return entry.ready and entry.reference not in self._misfits

    def ready_count(self) -> int:
        """Return how many cases of the plan can get their letter."""
        return sum(1 for entry in self._entries if self.ready(entry))

    def entry(self, row: int) -> BatchEntry:
        """Return the case shown in ``row``."""
        return self._entries[row]

    def ticked_references(self) -> tuple[str, ...]:
        """Return the references of the ticked cases, in table order."""
        return tuple(e.reference for e in self._entries if e.reference in self._ticked)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.ready(self._entries[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            ticked = entry.reference in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(entry, index.column())
        return None

    def setData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (index.isValid() and index.column() == 0):
            return False
        entry = self._entries[index.row()]
        if not self.ready(entry):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._ticked.add if checked else self._ticked.discard)(entry.reference)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if role != Qt.ItemDataRole.DisplayRole or not horizontal or section >= len(_HEADERS):
            return None
        return QCoreApplication.translate(_CONTEXT, str(_HEADERS[section]))

    def _text(self, entry: BatchEntry, column: int) -> str:
        if column == 0:
            return entry.reference
        if column == 1:
            return entry.requester_name or "—"
        if column == 2:
            return kind_label(entry.kind) if entry.kind else "—"
        if column == 3:
            return entry.due_date.isoformat() if entry.due_date else "—"
        if column == _LANGUAGE_COLUMN:
            return self._language_text(entry)
        if entry.blocker is not None:
            return blocker_text(entry.blocker)
        if entry.reference in self._misfits:
            return QCoreApplication.translate(_CONTEXT, str(_MISFIT))
        return QCoreApplication.translate(_CONTEXT, str(_READY))

    def _language_text(self, entry: BatchEntry) -> str:
        code = self._languages.get(entry.reference, self._language)
        marker = LETTER_LANGUAGES.get(code)
        return QCoreApplication.translate(_CONTEXT, str(marker)) if marker else "—"

    def _raw(self, entry: BatchEntry, column: int) -> str:
        if column == 3:
            return entry.due_date.isoformat() if entry.due_date else "9999-12-31"
        return self._text(entry, column)
