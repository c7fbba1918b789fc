"""UI test fixtures: QSettings kept in a temporary folder, never the user's own; a Documents
folder for the file dialogs' start (``app.ui.save_folder``)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.ui.translations import CHINESE, ENGLISH, Translations


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Point QSettings at a temporary INI folder for the test."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def default_locale() -> Iterator[None]:
    """Give every test the locale it started with (a test may switch the UI language)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The app's translators; the source text (English, no catalogue) again after the test."""
    installed = Translations(qapp)
    yield installed
    installed.apply(ENGLISH)  # the locale back to English
    installed.remove()  # and no translator left behind: later tests read the source text
    installed.deleteLater()


@pytest.fixture
def chinese(translations: Translations) -> None:
    """The UI in Simplified Chinese for the test (English again after it)."""
    assert translations.apply(CHINESE)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Documents folder named by the freedesktop user-dirs file, as on a Linux desktop."""
    folder = tmp_path / "Dokumente"
    folder.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.chdir(tmp_path)  # the working folder, where the dialog must not start
    return folder
