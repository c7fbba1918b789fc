"""Settings page: the letterhead every letter and certificate prints (names, address, privacy
contact, logo, signature or seal)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.reports.settings_letterhead import letterhead_for
from app.services.settings_letterhead import (
    IMAGE_KEYS,
    TEXT_FIELDS,
    LetterheadFields,
    reset_letterhead,
    save_letterhead,
    stored_letterhead,
    validate_letterhead,
)
from app.ui.settings_context import SettingsContext, read_only_notice, report_failure, report_saved
from app.ui.settings_errors import FieldPlace

IMAGE_ROLES = ("logo", "signature_image")
PREVIEW_LINES = 4  # preview height in text lines, so it scales with the font


class ImagePicker(QWidget):
    """A PNG/JPEG chooser with a preview and a Remove button; holds the image bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes | None = None
        self.preview = QLabel()
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(lambda: self.set_data(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.preview, self.choose_button, self.remove_button):
            layout.addWidget(widget)
        layout.addStretch()

    def set_data(self, data: bytes | None) -> None:
        """Hold ``data`` (PNG/JPEG bytes or ``None``) and show its preview."""
        self.data = data
        pixmap = QPixmap()
        if data is None or not pixmap.loadFromData(data):
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("(none)") if data is None else self.tr("(image)"))
        else:
            height = self.fontMetrics().height() * PREVIEW_LINES
            self.preview.setPixmap(
                pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
            )
        self.remove_button.setEnabled(data is not None and self.choose_button.isEnabled())

    def load_file(self, path: Path) -> None:
        """Take the image from ``path``; an unreadable file leaves the current image."""
        try:
            self.set_data(path.read_bytes())
        except OSError:
            report_failure(self, PrivacyDeskError(self.tr("The file cannot be read.")))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_file(Path(path))


class LetterheadPage(QWidget):
    """Edit the letterhead; Save stores it for the whole team, Restore default removes it."""

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_buttons())
        layout.addStretch()
        self.load()

    def _build_form(self) -> QFormLayout:
        self.company_name = QLineEdit()
        self.company_name_en = QLineEdit()
        self.address = QPlainTextEdit()
        self.address_en = QPlainTextEdit()
        self.company_name_hant = QLineEdit()
        self.address_hant = QPlainTextEdit()
        self.privacy_contact = QLineEdit()
        self.website = QLineEdit()
        self.complaint_channel = QLineEdit()
        self.logo = ImagePicker()
        self.signature_image = ImagePicker()
        for edit in (self.address, self.address_en, self.address_hant):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4)
        self.complaint_channel.setPlaceholderText(self.tr("Default: the privacy contact"))
        # Letters to Hong Kong and Taiwan are in Traditional Chinese (QA18 F11).
        self.company_name_hant.setPlaceholderText(self.tr("Default: the Chinese name"))
        self.address_hant.setPlaceholderText(self.tr("Default: the Chinese address"))
        form = QFormLayout()
        form.addRow(self.tr("Company name (Chinese) *"), self.company_name)
        form.addRow(self.tr("Company name (English)"), self.company_name_en)
        form.addRow(self.tr("Address (Chinese) *"), self.address)
        form.addRow(self.tr("Address (English)"), self.address_en)
        form.addRow(self.tr("Company name (Traditional Chinese)"), self.company_name_hant)
        form.addRow(self.tr("Address (Traditional Chinese)"), self.address_hant)
        form.addRow(self.tr("Privacy contact *"), self.privacy_contact)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Complaint channel"), self.complaint_channel)
        form.addRow(self.tr("Logo"), self.logo)
        form.addRow(self.tr("Signature or seal"), self.signature_image)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save letterhead"))
        self.reset_button = QPushButton(self.tr("Restore default"))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.source_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.source_label)
        row.addStretch()
        row.addWidget(self.reset_button)
        row.addWidget(self.save_button)
        for widget in (self.save_button, self.reset_button, self.logo, self.signature_image):
            widget.setEnabled(self._context.can_change)
        return row

    def load(self) -> None:
        """Show the stored letterhead, or the shipped default when none is stored."""
        with self._context.database.session() as session:
            stored = stored_letterhead(session)
        shown = stored or _fields_of_default()
        self._show(shown)
        self.source_label.setText(
            self.tr("Stored in the database for the whole team.")
            if stored
            else self.tr("Showing the shipped default (nothing stored yet).")
        )

    def _show(self, fields: LetterheadFields) -> None:
        for name, value in fields.texts().items():
            editor = getattr(self, name)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            else:
                editor.setText(value or "")
        self.logo.set_data(fields.logo)
        self.signature_image.set_data(fields.signature_image)

    def fields(self) -> LetterheadFields:
        """Return what the form holds (blank optional fields as ``None``)."""

        def text(name: str) -> str | None:
            editor = getattr(self, name)
            value = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            return value.strip() or None

        return LetterheadFields(
            company_name=text("company_name") or "",
            address=text("address") or "",
            privacy_contact=text("privacy_contact") or "",
            company_name_en=text("company_name_en"),
            address_en=text("address_en"),
            company_name_hant=text("company_name_hant"),
            address_hant=text("address_hant"),
            website=text("website"),
            complaint_channel=text("complaint_channel"),
            logo=self.logo.data,
            signature_image=self.signature_image.data,
        )

    def save(self) -> bool:
        """Check the images fully, then store the letterhead; the form keeps its input on error."""
        fields = self.fields()
        try:
            validate_letterhead(fields)  # each field's own problem first, named by its label
            letterhead_for(fields)  # decodes the images: a damaged one is refused before saving
            with self._context.database.session() as session:
                save_letterhead(session, fields, actor=self._context.actor())
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        self.source_label.setText(self.tr("Stored in the database for the whole team."))
        report_saved(self, self.tr("The letterhead is saved; new letters print it."))
        return True

    def place(self, key: str) -> FieldPlace | None:
        """Return the editor of the setting ``key`` (``letterhead.website``), ``None`` if none."""
        name = key.removeprefix("letterhead.")
        if key.startswith("letterhead.") and name in (*TEXT_FIELDS, *IMAGE_KEYS):
            return FieldPlace(getattr(self, name))
        return None

    def reset(self) -> None:
        """Remove the stored letterhead: letters print the shipped default again."""
        try:
            with self._context.database.session() as session:
                reset_letterhead(session, actor=self._context.actor())
        except PrivacyDeskError as error:
            report_failure(self, error)
            return
        self.load()


def _fields_of_default() -> LetterheadFields:
    head = letterhead_for(None)
    return LetterheadFields(
        company_name=head.company_name,
        address=head.address,
        privacy_contact=head.privacy_contact,
        company_name_en=head.company_name_en,
        address_en=head.address_en,
        company_name_hant=head.company_name_hant,
        address_hant=head.address_hant,
        website=head.website,
        complaint_channel=head.complaint_channel,
        logo=head.logo if isinstance(head.logo, bytes) else None,
        signature_image=head.signature_image if isinstance(head.signature_image, bytes) else None,
    )
