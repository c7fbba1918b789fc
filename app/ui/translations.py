"""The UI language: Simplified Chinese or English, chosen in View → Language and kept in
``QSettings`` (``ui/language``); without a choice, Chinese when the system locale is Chinese.

The app's own strings come from ``resources/translations/privacy_desk_<lang>.qm`` (made by
``tools/update_translations.py`` from the ``.ts`` file); the standard dialog buttons (OK,
Cancel, Yes…) from Qt's own ``qtbase_<lang>.qm`` shipped with PySide6. English is the source
language: its catalogue holds only the plural forms of the ``%n`` strings ("1 case", "2
cases" for "%n case(s)"), without which Qt shows the source text. Letters are not UI: their
language is chosen per letter.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.resources import resource_path

CHINESE, ENGLISH = "zh_CN", "en"
LANGUAGES = (CHINESE, ENGLISH)
# Each language is named in itself, so a user who cannot read the current one finds theirs.
LANGUAGE_NAMES = {CHINESE: "中文（简体）", ENGLISH: "English"}
SETTING_KEY = "ui/language"
TRANSLATIONS_DIR = resource_path("translations")
CATALOG_PREFIX = "privacy_desk_"


def catalog_path(language: str) -> Path:
    """Return the compiled catalogue (``.qm``) of ``language``, e.g. ``privacy_desk_zh_CN.qm``."""
    return TRANSLATIONS_DIR / f"{CATALOG_PREFIX}{language}.qm"


class LanguageSettings:
    """Typed access to the chosen UI language in ``QSettings`` (STYLE.md §10).

    Args:
        settings: where the choice is kept.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def chosen(self) -> str | None:
        """Return ``zh_CN`` or ``en``, or ``None`` when the system default is chosen."""
        value = self._settings.value(SETTING_KEY, "")
        return value if isinstance(value, str) and value in LANGUAGES else None

    def choose(self, language: str | None) -> None:
        """Keep ``language`` (``None``: follow the system).

        Raises:
            ValueError: a language the app is not translated into.
        """
        if language is not None and language not in LANGUAGES:
            raise ValueError("the UI language is zh_CN or en")
        if language is None:
            self._settings.remove(SETTING_KEY)
        else:
            self._settings.setValue(SETTING_KEY, language)
        self._settings.sync()

    def effective(self, system: QLocale | None = None) -> str:
        """Return the language to show: the choice, else ``zh_CN`` for a Chinese system
        locale (``system``, by default ``QLocale.system()``), else ``en``."""
        chosen = self.chosen()
        if chosen is not None:
            return chosen
        locale = system if system is not None else QLocale.system()
        return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


class Translations(QObject):
    """The translators installed on the application; ``apply`` swaps them for a language.

    Args:
        app: the application whose strings are translated (the translators' parent).
        catalogues: where the app's ``.qm`` files are (tests pass another folder).
    """

    def __init__(self, app: QCoreApplication, catalogues: Path = TRANSLATIONS_DIR) -> None:
        super().__init__(app)
        self._app = app
        self._catalogues = catalogues
        self._installed: list[QTranslator] = []
        self.language = ENGLISH

    def apply(self, language: str) -> bool:
        """Translate the UI into ``language`` from now on (widgets built later show it; see
        ``rebuild_window`` for the window already shown).

        Returns:
            False when the app's catalogue for ``language`` is missing or unreadable (the UI
            then stays in English, the source language).
        """
        self.remove()
        self.language = language
        # Dates and numbers follow the UI language (a Chinese window on an English system
        # shows 2026年11月30日, not "Monday, 30 November 2026").
        QLocale.setDefault(QLocale(language if language != ENGLISH else "en_GB"))
        own = self._load(self._catalogues, f"{CATALOG_PREFIX}{language}")
        if language == ENGLISH:
            return True  # the source language reads without its plurals, "1 case(s)"
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self._load(qt_dir, f"qtbase_{language}")
        return own

    def remove(self) -> None:
        """Remove the translators installed: the source text shows, "1 case(s)" included."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def _load(self, folder: Path, name: str) -> bool:
        translator = QTranslator(self)
        if not translator.load(name, str(folder)):
            return False
        self._app.installTranslator(translator)
        self._installed.append(translator)
        return True


def build_language_menu(
    parent: QWidget,
    settings: LanguageSettings,
    on_change: Callable[[str], None],
    allowed: Callable[[], bool] = lambda: True,
) -> QMenu:
    """Return the View → Language menu: system default, 中文（简体）, English.

    Args:
        parent: the menu's parent (the main window).
        settings: where the choice is kept; a choice is saved before ``on_change`` runs.
        on_change: called with the language to show now (e.g. to apply it and rebuild the
            window).
        allowed: asked before a choice is kept; when it says no (and says why), the choice
            is dropped and the menu ticks the language kept before.
    """
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "&Language"), parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = settings.chosen()
    system = QCoreApplication.translate("LanguageMenu", "System default")
    for language, name in ((None, system), *LANGUAGE_NAMES.items()):
        action = QAction(name, menu, checkable=True)
        action.setChecked(language == chosen)
        action.setData(language or "")
        action.triggered.connect(_choice(settings, language, on_change, allowed, group))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choice(
    settings: LanguageSettings,
    language: str | None,
    on_change: Callable[[str], None],
    allowed: Callable[[], bool],
    group: QActionGroup,
) -> Callable[[], None]:
    def choose() -> None:
        if not allowed():
            kept = settings.chosen() or ""
            for action in group.actions():
                action.setChecked(action.data() == kept)
            return
        settings.choose(language)
        on_change(settings.effective())

    return choose


def rebuild_window(old: QMainWindow, make_window: Callable[[], QMainWindow]) -> QMainWindow:
    """Replace the shown main window by a new one built now (so every string is read in the
    language just applied), at the same place and size; the old window is closed and
    deleted. The caller's ``make_window`` reuses the open database, so nothing is unlocked
    again.

    Returns:
        The new window, shown.
    """
    window = make_window()
    window.restoreGeometry(old.saveGeometry())
    window.restoreState(old.saveState())
    window.show()
    old.close()
    old.deleteLater()
    return window


class LanguageSwitcher(QObject):
    """Keeps the shown main window, and on a new language applies it and rebuilds the window
    (the application holds this object, so the current window is never garbage-collected).

    Args:
        translations: the application's translators.
        make_window: builds a main window over the database the given old window uses (or,
            with ``None``, the first window).
    """

    def __init__(
        self,
        translations: Translations,
        make_window: Callable[[QMainWindow | None], QMainWindow],
    ) -> None:
        super().__init__(translations)
        self._translations = translations
        self._make_window = make_window
        self.window = make_window(None)

    def switch(self, language: str) -> QMainWindow:
        """Show the UI in ``language`` (``zh_CN`` or ``en``); returns the new window."""
        old = self.window
        self._translations.apply(language)
        self.window = rebuild_window(old, lambda: self._make_window(old))
        return self.window
