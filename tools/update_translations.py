"""Update the UI translations: ``pyside6-lupdate`` collects every ``tr()`` /
``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP`` string of ``app/ui`` into
``resources/translations/privacy_desk_zh_CN.ts`` (keeping the translations already made), then
``pyside6-lrelease`` compiles it to the ``.qm`` the app loads.

Usage: ``.venv/bin/python tools/update_translations.py [--check]``. Translate the strings
``--check`` lists (in Qt Linguist, ``.venv/bin/pyside6-linguist``, or an editor), then run it
again. ``--check`` exits 1 while any string has no finished translation.

English is the source language, but a ``%n`` string ("%n case(s)") needs its English plural
forms too ("1 case", "2 cases"): ``privacy_desk_en.ts`` holds only those (``lupdate
-pluralonly``), filled in here from the source, "(s)" dropped for one and "s" for more.
"""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
UI_SOURCES = ROOT / "app" / "ui"
TS_FILE = ROOT / "resources" / "translations" / "privacy_desk_zh_CN.ts"
EN_TS_FILE = ROOT / "resources" / "translations" / "privacy_desk_en.ts"


@dataclass(frozen=True)
class Untranslated:
    """A source string whose translation is missing or marked unfinished."""

    context: str
    source: str


def sources() -> list[Path]:
    """Return the Python files of ``app/ui``, in name order."""
    return sorted(UI_SOURCES.glob("*.py"))


def run_lupdate(ts_file: Path = TS_FILE) -> None:
    """Collect the UI strings into ``ts_file``: new strings come in unfinished; strings no
    longer in the code are kept as ``vanished`` with their translation, so a string that comes
    back (moved to another file, reworded back) gets its translation again.

    Raises:
        subprocess.CalledProcessError: lupdate failed.
    """
    command = [str(BIN / "pyside6-lupdate"), *map(str, sources()),
               "-locations", "none", "-source-language", "en", "-target-language", "zh_CN",
               "-ts", str(ts_file)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)


def update_english_plurals(ts_file: Path = EN_TS_FILE) -> Path:
    """Collect the ``%n`` strings into ``ts_file`` and write their English singular and
    plural forms: "%n case(s)" becomes "%n case" and "%n cases"; then compile it.

    Returns:
        The ``.qm`` path.

    Raises:
        subprocess.CalledProcessError: lupdate or lrelease failed.
    """
    command = [str(BIN / "pyside6-lupdate"), *map(str, sources()), "-pluralonly",
               "-locations", "none", "-source-language", "en", "-target-language", "en",
               "-ts", str(ts_file)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    tree = ElementTree.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        source = message.findtext("source") or ""
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ElementTree.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return run_lrelease(ts_file)


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path | None = None) -> Path:
    """Compile ``ts_file`` to ``qm_file`` (default: beside it); returns the ``.qm`` path.

    Raises:
        subprocess.CalledProcessError: lrelease failed.
    """
    target = qm_file or ts_file.with_suffix(".qm")
    command = [str(BIN / "pyside6-lrelease"), str(ts_file), "-qm", str(target)]
    subprocess.run(command, check=True, capture_output=True)
    return target


def untranslated(ts_file: Path = TS_FILE) -> list[Untranslated]:
    """Return the strings of ``ts_file`` without a finished translation (plural forms too)."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text for f in forms] if forms else [getattr(translation, "text", None)]
            unfinished = translation is None or translation.get("type") == "unfinished"
            if unfinished or not all(texts):
                missing.append(Untranslated(name, message.findtext("source") or ""))
    return missing


def main(argv: list[str]) -> int:
    """Update and compile the catalogue; with ``--check`` report what is untranslated."""
    run_lupdate()
    run_lrelease()
    update_english_plurals()
    missing = untranslated()
    for item in missing:
        print(f"untranslated [{item.context}] {item.source!r}")
    print(f"{len(missing)} untranslated string(s) in {TS_FILE.name}")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
