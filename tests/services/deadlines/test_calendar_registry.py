"""Reading the ``holidays`` package's countries and subdivisions from its files
(app/services/deadlines/calendar_registry.py): the same answers as the imported package, for
every country it has, without importing it, and the package asked where its files say nothing."""

import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from app.services.deadlines import calendar_registry
from app.services.deadlines.calendar_registry import (
    _class_subdivisions,
    _countries_table,
    subdivisions_of,
    supported_countries,
)
from app.services.deadlines.calendars import parse_calendar_spec

ROOT = Path(__file__).resolve().parents[3]
LIBRARY_COUNTRIES = sorted({entry[1] for entry in holidays.registry.COUNTRIES.values()})


def test_every_country_of_the_package_and_no_other() -> None:
    assert supported_countries() == frozenset(LIBRARY_COUNTRIES)
    assert {"CN", "HK", "GB", "US", "IN", "BR"} <= supported_countries()
    assert "ZZ" not in supported_countries()


@pytest.mark.parametrize("country", LIBRARY_COUNTRIES)
def test_each_countrys_subdivisions_are_the_classs_own(country: str) -> None:
    assert subdivisions_of(country) == frozenset(getattr(holidays, country).subdivisions)


def test_the_uk_nations_and_californias_state() -> None:
    # ISO 3166-2:GB's four nations; "UK" is only a deprecated code of the class.
    assert subdivisions_of("GB") == {"ENG", "NIR", "SCT", "WLS"}
    assert "CA" in subdivisions_of("US")
    assert "UK" not in subdivisions_of("GB")


def test_specs_are_checked_as_before() -> None:
    assert parse_calendar_spec("holidays:US-CA") == ("US", "CA")
    assert parse_calendar_spec("holidays:CN") == ("CN", None)
    with pytest.raises(ValueError, match="no country 'ZZ'"):
        parse_calendar_spec("holidays:ZZ")
    with pytest.raises(ValueError, match="no subdivision 'XX' of US"):
        parse_calendar_spec("holidays:US-XX")
    with pytest.raises(ValueError, match="no subdivision 'UK' of GB"):
        parse_calendar_spec("holidays:GB-UK")


def test_loading_the_rule_files_does_not_import_the_package() -> None:
    # In a fresh interpreter: this test process imported holidays already.
    script = (
        "import sys\n"
        "from app.services.deadlines import load_rule_book\n"
        "book = load_rule_book()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'holidays'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_registry_not_written_as_a_literal_is_not_read(tmp_path: Path) -> None:
    called, written = tmp_path / "called", tmp_path / "written"
    for folder in (called, written):
        folder.mkdir()
    (called / "registry.py").write_text(
        "COUNTRIES: RegistryDict = dict(\n    china=('China', 'CN', 'CHN'),\n)\n", encoding="utf-8"
    )
    (written / "registry.py").write_text(
        "COUNTRIES: RegistryDict = {\n    'china': ('China', 'CN', 'CHN'),  # 中国\n}\n",
        encoding="utf-8",
    )
    assert _countries_table(called) is None  # a call is no literal: nothing of it runs
    assert _countries_table(written) == {"china": ("China", "CN", "CHN")}


def test_subdivisions_computed_or_inherited_are_not_read(tmp_path: Path) -> None:
    source = tmp_path / "somewhere.py"
    source.write_text(
        "class Somewhere(HolidayBase):\n"
        "    country = 'SW'\n"
        "    subdivisions: tuple[str, ...] = tuple(sorted(REGIONS))\n"
        "\n\n"
        "class Elsewhere(Somewhere):\n"
        "    subdivisions = ('A', 'B')\n",
        encoding="utf-8",
    )
    assert _class_subdivisions(source, "Somewhere") is None  # computed: the class must answer
    assert _class_subdivisions(source, "Elsewhere") == {"A", "B"}
    assert _class_subdivisions(source, "Nowhere") is None
    assert _class_subdivisions(tmp_path / "missing.py", "Somewhere") is None


def test_without_readable_files_the_package_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # As inside a zip archive: no folder of source files to read.
    monkeypatch.setattr(calendar_registry, "_package_folder", lambda: None)
    supported_countries.cache_clear()
    subdivisions_of.cache_clear()
    try:
        assert supported_countries() == frozenset(LIBRARY_COUNTRIES)
        assert subdivisions_of("GB") == {"ENG", "NIR", "SCT", "WLS"}
    finally:
        supported_countries.cache_clear()
        subdivisions_of.cache_clear()
