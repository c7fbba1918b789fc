"""English says "1 case" and "2 cases": the ``%n`` strings get their English plural forms from
``privacy_desk_en.qm`` (tools/update_translations.py), not the source's "case(s)" (QA round
16, W11)."""

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

from app.ui.translations import ENGLISH, Translations, catalog_path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _n(context: str, source: str, count: int) -> str:
    return QCoreApplication.translate(context, source, "", count)


def test_english_counts_say_case_or_cases(translations: Translations) -> None:
    assert translations.apply(ENGLISH)
    status = "%n case(s) in this view · signed in as %1"
    assert _n("MainWindow", status, 1) == "1 case in this view · signed in as %1"
    assert _n("MainWindow", status, 51) == "51 cases in this view · signed in as %1"
    assert _n("MainWindow", status, 0) == "0 cases in this view · signed in as %1"
    assert _n("CaseBrowser", "%n case(s)", 1) == "1 case"
    assert _n("CaseBrowser", "%n case(s)", 2) == "2 cases"
    assert _n("CaseHeader", "%n day(s) left", 1) == "1 day left"


def test_the_english_catalogue_holds_every_plural_of_the_code(tmp_path: Path) -> None:
    """Fails when a %n string is new or changed: run tools/update_translations.py."""
    tool = _tool()
    ts_copy = tmp_path / "privacy_desk_en.ts"
    ts_copy.write_bytes(tool.EN_TS_FILE.read_bytes())
    built = tool.update_english_plurals(ts_copy)
    assert built.read_bytes() == catalog_path(ENGLISH).read_bytes()
