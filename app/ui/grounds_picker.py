"""The refusal grounds of a case's jurisdiction as a tick list with one explanation, shared by
the dialogs that ask for a refusal's sign-off and record the answer."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem, QPlainTextEdit

from app.ui.labels_workflow import ground_label
from app.ui.wrapping_list import WrappingList


class GroundsPicker:
    """Ticks refusal grounds (codes of the jurisdiction's list) and holds their explanation.

    Args:
        grounds: the ground codes offered, in order.
        recorded: (code, explanation) pairs recorded on the case: ticked, their explanation
            filled in (the first one; the dialogs record one explanation for all).
    """

    def __init__(self, grounds: Sequence[str], recorded: Sequence[tuple[str, str]] = ()) -> None:
        ticked = {code for code, _ in recorded}
        self.list = WrappingList()
        for code in grounds:
            item = QListWidgetItem(ground_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            checked = Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.list.addItem(item)
        self.explanation = QPlainTextEdit(recorded[0][1] if recorded else "")

    def chosen(self) -> list[tuple[str, str]]:
        """Return (code, explanation) for each ticked ground."""
        text = self.explanation.toPlainText().strip()
        return [
            (str(self.list.item(i).data(Qt.ItemDataRole.UserRole)), text)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_enabled(self, enabled: bool) -> None:
        """Enable or disable the list and the explanation together."""
        self.list.setEnabled(enabled)
        self.explanation.setEnabled(enabled)

    def tick(self, code: str) -> None:
        """Tick the ground ``code`` (as a person would)."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.list.item(i).setCheckState(Qt.CheckState.Checked)


def grounds_text(grounds: Sequence[tuple[str, str]]) -> str:
    """Return recorded grounds for a reviewer to read: one line per ground, its short name in
    the UI language and its explanation, e.g. ``Manifestly unfounded: fifth request``."""
    if not grounds:
        return QCoreApplication.translate("Review", "No refusal grounds recorded.")
    lines = []
    for code, explanation in grounds:
        name = ground_label(code)
        line = QCoreApplication.translate("Review", "%1: %2").replace("%1", name)
        lines.append(line.replace("%2", explanation.strip()) if explanation.strip() else name)
    return "\n".join(lines)
