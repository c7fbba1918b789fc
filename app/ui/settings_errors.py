"""Settings errors as the user reads them: the field named by its label on the page, in the UI
language (the words of the form, without the "*" of a required field), the problem in the UI
language (``app.error_text``'s catalogue), a statutory floor with its law in the UI language
(《电子商务法》第三十一条 in Chinese); the box headed "Not saved" inside the box (a window
title is not shown on every platform), the field focused and marked until the next save.

Services raise ``SettingsError`` with the setting's key, the problem and its values (STYLE.md
§11): the page says where each key is (``FieldPlaces``); the sentence is made here.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from app.errors import PrivacyDeskError, SettingsError
from app.services.settings_inventory import STATUTORY_MINIMUMS
from app.ui.legal_source_text import legal_source_text
from app.ui.messages import error_text, show_error
from app.ui.text_width import char_widths

# Problems that say what the field is or must be ("is required", "must be 1-100 characters",
# "holds control characters", "cannot be shorter than"): written after the field's name.
# Others are clauses of their own ("the team needs at least one active manager"), written
# after "Role:".
_PREDICATE_STARTS = ("is ", "must ", "holds ", "cannot ")
INVALID_PROPERTY = "settingsInvalid"
_MARK = "border: 2px solid #c62828;"
MESSAGE_WIDTH_CHARACTERS = 50


@dataclass(frozen=True)
class FieldPlace:
    """Where a setting is edited on a page.

    Attributes:
        widget: the editor to focus and mark, or ``None`` (a setting with no editor of its own).
        label: its name in the UI language; empty to take the text of the label whose buddy is
            ``widget`` (the form's own words).
    """

    widget: QWidget | None
    label: str = ""


FieldPlaces = Callable[[str], FieldPlace | None]
"""The page's answer to "where is the setting ``key`` edited?" (``None``: not on this page)."""


def dotted_place(
    key: str,
    tables: Mapping[str, Mapping[str, QWidget]],
    entry_labels: Mapping[str, str] | None = None,
) -> FieldPlace | None:
    """Return the editor of a table entry's setting ``key`` (``rules.x.source``: the editor
    named ``source`` of the ``rules`` table; ``rules.x``: the entry itself, edited by the one
    named ``""``, its key).

    Args:
        key: the setting's dotted key.
        tables: table name -> field name -> its editor.
        entry_labels: table name -> how an entry is named, ``%1`` for its key ("Retention
            rule “%1”"); without one the entry's key editor's label names it.
    """
    table, _, rest = key.partition(".")
    entry, _, name = rest.partition(".")
    editor = tables.get(table, {}).get(name) if rest else None
    if editor is None:
        return None
    template = (entry_labels or {}).get(table, "") if not name else ""
    return FieldPlace(editor, template.replace("%1", entry))


def _fill(template: str, *values: str) -> str:
    """Put ``values`` into ``template``'s %1, %2 … in one pass: a value holding "%2" (a rule
    name typed in Settings) is never itself filled."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return values[number - 1] if 0 < number <= len(values) else match.group(0)

    return re.sub(r"%(\d)", value, template)


def buddy_label(widget: QWidget) -> str:
    """Return the text of the label whose buddy is ``widget`` (QFormLayout rows and
    ``label_pairs`` set it), without "&", a trailing "*" or ":"; empty when none is found."""
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip().rstrip("*:：").strip()
    return ""


def settings_error_sentence(error: SettingsError, label: str) -> str:
    """Return the message for ``error`` in the UI language, naming the field as ``label``.

    Args:
        error: the service's error (``field``, ``problem``, ``values``).
        label: the field's name in the UI language; empty when the page has none for it (the
            problem is then shown alone, in the UI language).

    Returns:
        E.g. "Company name (Chinese) is required." / "公司名称（中文）为必填项。", or for a
        statutory floor "E-commerce transaction records cannot be shorter than 36 months
        (E-Commerce Law Art. 31: …)." with the law in the UI language.
    """
    floor = STATUTORY_MINIMUMS.get(str(error.values.get("rule", "")))
    if floor is not None and "minimum_months" in error.values:
        law = legal_source_text(floor.source, floor.source_zh)
        text = QCoreApplication.translate(
            "SettingsErrors", "%1 cannot be shorter than %2 months (%3)."
        )
        name = label or QCoreApplication.translate("SettingsErrors", "The period")
        return _fill(text, name, str(floor.months), law)
    problem = error_text(error.problem)
    if not label:
        return problem
    # "%1 %2." (English) is "%1%2。" in Chinese: 公司名称（中文）为必填项。
    if error.problem.startswith(_PREDICATE_STARTS):
        text = QCoreApplication.translate("SettingsErrors", "%1 %2.")
    else:
        text = QCoreApplication.translate("SettingsErrors", "%1: %2.")
    return _fill(text, label, problem.rstrip(".。"))


def clear_marks(page: QWidget) -> None:
    """Take the mark off every field of ``page`` marked by ``report_settings_failure``."""
    for widget in page.findChildren(QWidget):
        if widget.property(INVALID_PROPERTY):
            widget.setProperty(INVALID_PROPERTY, False)
            widget.setStyleSheet(widget.styleSheet().replace(_MARK, ""))
            widget.setAccessibleDescription("")


def report_settings_failure(
    page: QWidget, error: Exception, places: FieldPlaces | None = None
) -> QMessageBox:
    """Show why a change was not saved, headed "Not saved"; a ``SettingsError`` names its
    field by the page's label (``places``), whose editor is focused and marked.

    Args:
        page: the settings page (the box opens over it).
        error: what the service raised; not a ``PrivacyDeskError``: shown as a bug by its type.
        places: where the page edits each setting key; ``None`` for a page with no fields.

    Returns:
        The open message box.
    """
    clear_marks(page)
    title = QCoreApplication.translate("Settings", "Not saved")
    if not isinstance(error, PrivacyDeskError):
        return show_error(page, title, type(error).__name__, known=False)
    place = places(error.field) if places and isinstance(error, SettingsError) else None
    if isinstance(error, SettingsError):
        label = place.label if place else ""
        if place and not label and place.widget is not None:
            label = buddy_label(place.widget)
        message = settings_error_sentence(error, label)
    else:
        message = error_text(str(error))
    box = QMessageBox(QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok, page)
    box.setInformativeText(message)
    # The heading alone would set the box's width and wrap the message every few words.
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        width = char_widths(box.fontMetrics(), MESSAGE_WIDTH_CHARACTERS)
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if place is not None and place.widget is not None:
        _mark(place.widget, message)
    box.open()
    return box


def _mark(widget: QWidget, message: str) -> None:
    widget.setProperty(INVALID_PROPERTY, True)
    widget.setStyleSheet(widget.styleSheet() + _MARK)
    widget.setAccessibleDescription(message)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
