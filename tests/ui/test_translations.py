"""The UI in Simplified Chinese and English: the language choice, the catalogues (every UI
string translated, the compiled .qm matching its .ts), Qt's own dialog buttons, the enum
labels, the View → Language menu, rebuilding the window, and a Chinese main window whose
menus hold no English."""

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.demo_banner import demo_window_title
from app.ui.labels import kind_label, status_label, ui_language
from app.ui.labels_workflow import category_action_text, outcome_label
from app.ui.translations import (
    CHINESE,
    ENGLISH,
    LanguageSettings,
    LanguageSwitcher,
    Translations,
    build_language_menu,
    catalog_path,
    rebuild_window,
)

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    """Fails when a tr() string of app/ui is new or changed and not yet translated: run
    ``tools/update_translations.py`` and translate what it lists."""
    tool = _tool()
    ts_copy = tmp_path / "privacy_desk_zh_CN.ts"
    shutil.copy(tool.TS_FILE, ts_copy)
    tool.run_lupdate(ts_copy)
    missing = [f"[{m.context}] {m.source}" for m in tool.untranslated(ts_copy)]
    assert missing == [], "untranslated UI strings:\n" + "\n".join(missing)


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    tool = _tool()
    built = tool.run_lrelease(tool.TS_FILE, tmp_path / "fresh.qm")
    assert built.read_bytes() == catalog_path(CHINESE).read_bytes()


@pytest.mark.parametrize(
    ("stored", "system", "expected"),
    [
        (None, QLocale(QLocale.Language.Chinese, QLocale.Country.China), CHINESE),
        (None, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan), CHINESE),
        (None, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), ENGLISH),
        (None, QLocale(QLocale.Language.German, QLocale.Country.Germany), ENGLISH),
        (ENGLISH, QLocale(QLocale.Language.Chinese, QLocale.Country.China), ENGLISH),
        (CHINESE, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), CHINESE),
    ],
)
def test_the_language_is_the_choice_else_the_system_locale(
    stored: str | None, system: QLocale, expected: str
) -> None:
    settings = LanguageSettings(QSettings())
    settings.choose(stored)
    assert settings.chosen() == stored
    assert settings.effective(system) == expected


def test_an_unknown_language_is_refused_and_a_bad_stored_value_ignored() -> None:
    settings = LanguageSettings(QSettings())
    with pytest.raises(ValueError):
        settings.choose("fr")
    QSettings().setValue("ui/language", "klingon")
    assert settings.chosen() is None


def test_chinese_translates_labels_and_qt_buttons(translations: Translations) -> None:
    assert translations.apply(CHINESE)
    assert kind_label(CaseKind.ACCOUNT_CANCELLATION) == "注销账号"
    assert kind_label(CaseKind.COMPLAINT) == "投诉举报"
    assert status_label(CaseStatus.AWAITING_REQUESTER) == "等待申请人"
    assert outcome_label(CaseOutcome.REFUSED) == "已拒绝"
    assert ui_language() == "zh"
    held = category_action_text("订单", CategoryActionKind.LEGAL_HOLD, None)
    assert held == "订单：保留（法定保存）"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    translations.apply(ENGLISH)
    assert kind_label(CaseKind.ACCOUNT_CANCELLATION) == "Account cancellation"
    assert ui_language() == "en"


def test_a_missing_catalogue_leaves_the_ui_in_english(qapp: QApplication, tmp_path: Path) -> None:
    translations = Translations(qapp, catalogues=tmp_path)
    try:
        assert not translations.apply(CHINESE)
        assert kind_label(CaseKind.DELETION) == "Deletion"
    finally:
        translations.apply(ENGLISH)


def test_the_language_menu_stores_the_choice(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = LanguageSettings(QSettings())
    settings.choose(CHINESE)
    chosen: list[str] = []
    menu = build_language_menu(parent, settings, chosen.append)
    names = [action.text() for action in menu.actions()]
    assert names == ["System default", "中文（简体）", "English"]
    assert [action.isChecked() for action in menu.actions()] == [False, True, False]
    menu.actions()[2].trigger()
    assert settings.chosen() == ENGLISH and chosen == [ENGLISH]
    menu.actions()[0].trigger()
    assert settings.chosen() is None and len(chosen) == 2


def test_rebuilding_keeps_the_place_and_replaces_the_window(qtbot: QtBot) -> None:
    old = QMainWindow()
    qtbot.addWidget(old)
    old.setGeometry(50, 60, 700, 500)
    old.show()
    made: list[QMainWindow] = []

    def make() -> QMainWindow:
        made.append(QMainWindow())
        qtbot.addWidget(made[-1])
        return made[-1]

    new = rebuild_window(old, make)
    assert new is made[0] and new.isVisible() and not old.isVisible()
    assert new.size() == old.size()


def test_the_chinese_main_window_has_no_english_in_its_menus(
    qtbot: QtBot, database: Database, translations: Translations
) -> None:
    from app.ui.main_window import MainWindow

    translations.apply(CHINESE)
    window = MainWindow(database, load_rule_book())
    qtbot.addWidget(window)
    english = []
    for menu in window.menuBar().findChildren(QMenu):
        for text in [menu.title(), *(a.text() for a in menu.actions())]:
            # Mnemonics "(&F)" and the product name are not English words to translate.
            words = re.sub(r"\(&\w\)|Privacy Desk|SHA-256|PDF", "", text)
            if re.search(r"[A-Za-z]{2,}", words):
                english.append(text)
    assert english == []
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"


def test_the_switcher_rebuilds_the_window_in_the_new_language(
    qtbot: QtBot, translations: Translations
) -> None:
    built: list[QMainWindow | None] = []

    def make(old: QMainWindow | None) -> QMainWindow:
        built.append(old)
        window = QMainWindow()
        window.setWindowTitle(demo_window_title())
        qtbot.addWidget(window)
        return window

    switcher = LanguageSwitcher(translations, make)
    first = switcher.window
    first.show()
    assert first.windowTitle() == "Privacy Desk — DEMO"
    second = switcher.switch(CHINESE)
    assert built == [None, first] and switcher.window is second
    assert second.windowTitle() == "Privacy Desk — 演示" and second.isVisible()


def test_no_ui_text_hides_from_lupdate_behind_a_helper() -> None:
    """A literal passed to a wrapper such as ``_tr("Open cases")`` is invisible to lupdate: the
    string never reaches the .ts and shows in English in the Chinese UI (seen after modules
    were split). Literals go to ``self.tr`` / ``QCoreApplication.translate`` directly."""
    import ast

    hidden = []
    for path in sorted(Path("app/ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id.lstrip("_") in {"tr", "translate", "t"} and any(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args
            ):
                hidden.append(f"{path}:{node.lineno}")
    assert hidden == []
