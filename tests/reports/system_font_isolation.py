"""A pytest plugin that keeps letters to the bundled fonts unless a test asks for more.

Letters borrow the computer's fonts for characters the bundled faces lack
(``app.reports.system_fonts``). Tests must not depend on what a machine has installed, so this
fixture turns borrowing off (``PRIVACY_DESK_FONT_DIRS`` set to no folder, which the spawned
letter-pool workers read too); tests of borrowing point the finder at a folder of their own.
Enable it for the whole suite with ``pytest_plugins = ["tests.reports.system_font_isolation"]``
in ``tests/conftest.py``.
"""

from collections.abc import Iterator

import pytest

from app.reports.fonts import use_system_fonts
from app.reports.system_fonts import FONT_DIRS_VARIABLE, finder_from_environment


@pytest.fixture(autouse=True)
def bundled_fonts_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Borrow no font from the computer during the test (restored after)."""
    monkeypatch.setenv(FONT_DIRS_VARIABLE, "")
    previous = use_system_fonts(finder_from_environment())
    yield
    use_system_fonts(previous)
