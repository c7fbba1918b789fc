"""Column mappings of web-form exports, remembered per form between imports."""

import hashlib
import json
from dataclasses import asdict

from PySide6.QtCore import QSettings

from app.services.intake import ColumnMapping
from app.services.intake.form_mapping import FIELDS

_SETTINGS_GROUP = "formImport/mappings"


class FormMappingMemory:
    """Column mappings remembered per form in ``QSettings``.

    A form is recognised by its header set (sorted header texts), not its file name: exports
    are named after their date, while a form's columns stay the same.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @staticmethod
    def key(headers: tuple[str, ...]) -> str:
        """Return the settings key of the form with ``headers`` (a hash: no header text)."""
        joined = "\x1f".join(sorted(headers)).encode("utf-8")
        return f"{_SETTINGS_GROUP}/{hashlib.sha256(joined).hexdigest()[:32]}"

    def recall(self, headers: tuple[str, ...]) -> ColumnMapping | None:
        """Return the mapping last used for this form, ``None`` if none (or unreadable); a
        remembered header the export lacks maps to nothing."""
        stored = self._settings.value(self.key(headers), "", type=str)
        try:
            fields = json.loads(str(stored)) if stored else None
        except ValueError:
            return None
        if not isinstance(fields, dict):
            return None
        chosen = {f: fields.get(f) for f in FIELDS if fields.get(f) in headers}
        return ColumnMapping(**chosen)

    def remember(self, headers: tuple[str, ...], mapping: ColumnMapping) -> None:
        """Store ``mapping`` as this form's mapping (JSON text, never pickled)."""
        self._settings.setValue(self.key(headers), json.dumps(asdict(mapping), ensure_ascii=False))
