"""Case › Letters: one submenu per letter (Chinese, English, bilingual) offering what fits the
case on screen.

Which letter fits is ``app.services.letter_fit`` (the rule ``generate_letter`` enforces): a
letter that can never answer the case's kind is hidden; one that answers it but cannot be
produced yet is shown disabled, the reason as its tooltip and status tip. The submenu follows
the case shown (``show_case``, on every selection and change) and checks again when opened, so
the menu and the shortcuts (Ctrl+L, Ctrl+Shift+L) offer only what can be produced.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.services.letter_fit import LetterBlocker, LetterFit
from app.ui.labels import letter_template_label
from app.ui.letter_controller import LetterController

ActionFactory = Callable[[str, str | None, Callable[[str], object]], QAction]
"""Makes a case action: (label, shortcut, act on the selected reference) -> action."""

_CONTEXT = "LetterMenu"
LANGUAGES = (
    ("zh", QT_TRANSLATE_NOOP("CaseMenu", "Chinese…")),
    ("en", QT_TRANSLATE_NOOP("CaseMenu", "English…")),
    ("zh+en", QT_TRANSLATE_NOOP("CaseMenu", "Bilingual…")),
    # Hong Kong and Taiwan write Traditional characters (app.services.letter_languages).
    ("zh-Hant", QT_TRANSLATE_NOOP("CaseMenu", "Traditional Chinese…")),
    ("zh-Hant+en", QT_TRANSLATE_NOOP("CaseMenu", "Bilingual, Traditional Chinese…")),
)
LETTER_SHORTCUTS = {("acknowledgement", "zh"): "Ctrl+L", ("acknowledgement", "en"): "Ctrl+Shift+L"}
BLOCKER_TEXT = {
    LetterBlocker.RECEIPT_IMPLAUSIBLE: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The receipt date is in the future or long past: confirm it first "
        "(Case › Clock › Confirm receipt date…).",
    ),
    LetterBlocker.RECEIPT_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The receipt date is not confirmed yet: confirm it first "
        "(Case › Clock › Confirm receipt date…).",
    ),
    LetterBlocker.NAME_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "Part of the requester's name was lost in the mail: confirm or correct it first "
        "(Case › Workflow › Requester details…).",
    ),
    LetterBlocker.IDENTITY_UNVERIFIED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The requester's identity is not verified yet (Case › Workflow › Identity check…).",
    ),
    LetterBlocker.NOTHING_ERASED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "Nothing is recorded as deleted yet: plan the deletion and mark the data categories "
        "done (Case › Workflow).",
    ),
    LetterBlocker.NOTHING_EXPORTED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "Nothing is recorded as exported yet: plan the copy (Case › Workflow › Plan the copy "
        "over the inventory), then mark each data category done "
        "(Case › Workflow › Data categories…).",
    ),
    LetterBlocker.EXPORT_NOT_DONE: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "Not every data category of the copy is marked exported yet: mark each done "
        "(Case › Workflow › Data categories…).",
    ),
    LetterBlocker.NO_DEADLINE: QT_TRANSLATE_NOOP("LetterMenu", "The case has no deadline yet."),
    LetterBlocker.NOT_EXTENDED: QT_TRANSLATE_NOOP(
        "LetterMenu", "The deadline was not extended (Case › Clock › Extend the deadline…)."
    ),
    LetterBlocker.EXTENSION_TOO_LATE: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The original due date has passed: an extension notice must go out before it.",
    ),
    LetterBlocker.NO_REFUSAL_GROUNDS: QT_TRANSLATE_NOOP(
        "LetterMenu", "No refusal grounds recorded yet (Case › Workflow › Answer…)."
    ),
    LetterBlocker.IDENTITY_VERIFIED: QT_TRANSLATE_NOOP(
        "LetterMenu", "The requester's identity is already verified."
    ),
    LetterBlocker.ALREADY_ANSWERED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The case is already answered: there is nothing left to acknowledge or ask.",
    ),
    LetterBlocker.CLOSED_WITHOUT_ANSWER: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The case is closed without an answer (withdrawn, duplicate, not a request or "
        "unverifiable).",
    ),
    LetterBlocker.NO_REQUESTER: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The case has no requester to write to: record who made the request first "
        "(Case › Workflow › Requester details…).",
    ),
    LetterBlocker.NOT_ANSWERED: QT_TRANSLATE_NOOP(
        "LetterMenu", "No answer recorded yet (Case › Workflow › Answer…)."
    ),
    LetterBlocker.REQUEST_REFUSED: QT_TRANSLATE_NOOP(
        "LetterMenu", "The request was refused: send the refusal letter instead."
    ),
    LetterBlocker.REQUEST_PARTLY_GRANTED: QT_TRANSLATE_NOOP(
        "LetterMenu", "The request was met in part: send the partial refusal letter instead."
    ),
    LetterBlocker.REQUEST_GRANTED: QT_TRANSLATE_NOOP(
        "LetterMenu", "The request was met in full: it needs no refusal letter."
    ),
    LetterBlocker.DEADLINE_PASSED: QT_TRANSLATE_NOOP(
        "LetterMenu",
        "The due date has passed: the letter would promise an answer by a day already gone.",
    ),
}
NOTHING_FITS = QT_TRANSLATE_NOOP("LetterMenu", "No letter answers this kind of case")


def blocker_text(blocker: LetterBlocker) -> str:
    """Return why a letter cannot be produced yet, and where to settle it, in the UI
    language."""
    return QCoreApplication.translate(_CONTEXT, str(BLOCKER_TEXT[blocker]))


class LetterMenu:
    """The Letters submenu of the Case menu, following the case on screen.

    Args:
        menu: the (empty) Letters submenu to fill (``menu`` afterwards).
        templates: the letters offered, in menu order (``CASE_TEMPLATES``).
        letters: generates a chosen letter; says how letters fit a case.
        make_action: makes a case action (``CaseMenu.action``: runs on the selected case).
        selected: returns the selected case's reference ('' when none).
    """

    def __init__(
        self,
        menu: QMenu,
        templates: Sequence[str],
        letters: LetterController,
        make_action: ActionFactory,
        selected: Callable[[], str],
    ) -> None:
        self._letters = letters
        self._templates = tuple(templates)
        self._selected = selected
        self.menu = menu
        self.submenus: dict[str, QMenu] = {}
        self.actions: dict[str, list[QAction]] = {}
        menu.setToolTipsVisible(True)
        for template in self._templates:
            self._add_letter(menu, template, make_action)
        self.nothing_fits = menu.addAction(QCoreApplication.translate(_CONTEXT, str(NOTHING_FITS)))
        self.nothing_fits.setEnabled(False)
        self.nothing_fits.setVisible(False)
        menu.removeAction(self.nothing_fits)  # in the menu only while no letter is offered
        menu.aboutToShow.connect(lambda: self.show_case(self._selected()))

    def _add_letter(self, menu: QMenu, template: str, make_action: ActionFactory) -> None:
        submenu = menu.addMenu(letter_template_label(template))
        submenu.setToolTipsVisible(True)
        self.submenus[template] = submenu
        self.actions[template] = []
        for language, label in LANGUAGES:
            action = make_action(
                QCoreApplication.translate("CaseMenu", str(label)),
                LETTER_SHORTCUTS.get((template, language)),
                _letter(self._letters, template, language),
            )
            submenu.addAction(action)
            self.actions[template].append(action)

    def all_actions(self) -> list[QAction]:
        """Return every language action of every letter, in menu order."""
        return [action for template in self._templates for action in self.actions[template]]

    def show_case(self, reference: str) -> None:
        """Offer the letters that fit the case ``reference`` ('' when none is selected: every
        letter shown, none enabled). A case that cannot be read leaves every letter enabled:
        choosing one then says what is wrong (``LetterController.ask``)."""
        fits = self._letters.fits(reference, self._templates) if reference else None
        if fits is None:
            fits = tuple(LetterFit(t, True) for t in self._templates)
        for fit in fits:
            self._show_fit(fit, enabled=bool(reference))
        self._show_nothing_fits(not any(fit.answers_kind for fit in fits))

    def _show_nothing_fits(self, shown: bool) -> None:
        """Put the disabled "no letter" line in the menu only when no letter is offered: a
        hidden action still lists among the menu's actions (what accessibility tools and
        menu searches read), beside the letters."""
        listed = self.nothing_fits in self.menu.actions()
        if shown and not listed:
            self.menu.addAction(self.nothing_fits)
        elif listed and not shown:
            self.menu.removeAction(self.nothing_fits)
        self.nothing_fits.setVisible(shown)

    def _show_fit(self, fit: LetterFit, *, enabled: bool) -> None:
        reason = blocker_text(fit.blocker) if fit.answers_kind and fit.blocker else ""
        submenu = self.submenus[fit.template_key]
        entries = [submenu.menuAction(), *self.actions[fit.template_key]]
        for action in entries:
            # Hidden and disabled both: Qt fires the shortcut of neither.
            action.setVisible(fit.answers_kind)
            action.setEnabled(enabled and fit.ready)
            action.setToolTip(reason)  # none: the menu shows no tooltip (Qt 6)
            action.setStatusTip(reason)


def _letter(letters: LetterController, template: str, language: str) -> Callable[[str], object]:
    return lambda reference: letters.ask(reference, template, language)
