"""The Letters tab gives its table the height of its letters (up to ROWS_SHOWN) above the
preview: three letters all show without scrolling (QA round 16, W9)."""

import io
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from app.services.case_rows import LetterRow
from app.ui.letter_preview import LettersTab


def _pdf() -> bytes:
    """A one-page PDF (ReportLab, as the letters are made): the preview loads it."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Acknowledgement")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _letters(count: int) -> tuple[LetterRow, ...]:
    at = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    languages = ("zh", "en", "zh+en", "zh", "en", "zh+en", "zh", "en")
    pdf = _pdf()
    return tuple(
        LetterRow(n + 1, "acknowledgement", languages[n], 1, f"{n:064x}", at, pdf=pdf)
        for n in range(count)
    )


def _fully_shown_rows(tab: LettersTab) -> int:
    height = tab.table.viewport().height()
    return sum(
        1
        for row in range(tab.model.rowCount())
        # rowViewportPosition is -1 for a row outside the viewport
        if 0 <= tab.table.rowViewportPosition(row) <= height - tab.table.rowHeight(row)
    )


def test_three_letters_show_without_scrolling(qtbot: QtBot) -> None:
    tab = LettersTab()
    qtbot.addWidget(tab)
    tab.resize(900, 700)  # the detail pane's tab at the QA's 1440×900 window
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_letters(_letters(3))
    assert _fully_shown_rows(tab) == 3
    table, preview = tab.splitter.sizes()
    assert preview > table  # the preview keeps most of the room


def test_letters_set_before_the_tab_is_shown_fit_once_it_is(qtbot: QtBot) -> None:
    tab = LettersTab()
    qtbot.addWidget(tab)
    tab.set_letters(_letters(3))  # the tab hidden behind another: no size yet
    tab.resize(900, 700)
    tab.show()
    qtbot.waitExposed(tab)
    assert _fully_shown_rows(tab) == 3


def test_many_letters_take_at_most_rows_shown_and_half_the_tab(qtbot: QtBot) -> None:
    tab = LettersTab()
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_letters(_letters(8))
    assert _fully_shown_rows(tab) == 6  # ROWS_SHOWN; the rest behind the scroll bar
    table, preview = tab.splitter.sizes()
    assert table <= preview


def test_a_table_the_user_made_taller_keeps_its_height(qtbot: QtBot) -> None:
    tab = LettersTab()
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_letters(_letters(2))
    tab.splitter.moveSplitter(300, 1)  # the user drags the handle down
    tab.set_letters(_letters(3))  # another case
    assert tab.splitter.sizes()[0] == 300
