"""First start: the empty case list says what to do next — import the requests that arrived, or
try the app on a demo database (``app/ui/demo_controller.py`` makes and opens it).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class FirstStartPanel(QWidget):
    """The empty state of the case list: a short explanation and two ways to start.

    Signals:
        import_requested(): "Import messages…" was pressed.
        demo_requested(): "Try it with demo data" was pressed.
    """

    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._build_text())
        self.import_button = QPushButton(self.tr("Import messages…"))
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Try it with demo data"))
        self.demo_button.clicked.connect(self.demo_requested)
        for button in (self.import_button, self.demo_button):
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)

    def _build_text(self) -> QLabel:
        text = QLabel(
            self.tr(
                "No cases yet.\nImport the requests that arrived by e-mail (.eml files or a "
                "folder of them) to start: each message becomes a case with its statutory "
                "deadline.\nOr look around first in a demo database of invented cases — it is "
                "kept apart from your real cases."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return text
