"""A letter previewed in a pane narrower than 40 letters of the UI font is drawn 40 letters
wide (the pane scrolls sideways) rather than shrunk past reading; the width is measured on
real letters, not the font's reported average character (6 px where DejaVu Sans's letters
take 7, which drew the page a sixth narrower)."""

import io

from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.ui.batch_letters_preview import LetterImagePreview


def _one_a4_page() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 770, "Acknowledgement of your request")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_narrow_pane_shows_the_page_forty_letters_wide(qtbot: QtBot) -> None:
    preview = LetterImagePreview()
    qtbot.addWidget(preview)
    preview.resize(120, 400)  # narrower than 40 letters of the UI font
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.show_pdf(_one_a4_page())
    ratio = preview.devicePixelRatioF()
    forty = preview.fontMetrics().horizontalAdvance("x" * 40)
    # 40 lowercase x's of the UI font (284 px of DejaVu Sans at 9 pt), in device pixels.
    assert [image.width() for image in preview.images] == [round(forty * ratio)]
