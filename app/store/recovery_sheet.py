"""The printable recovery sheet: the raw database key as grouped hex and as a QR code.

Without its key the database is lost, and the keyring entry can go with a reinstalled system.
The sheet is built in memory and returned as bytes; the caller writes it only to the path the
user chose (``app.files.write_file_atomically``), never to a temporary or default location.
The QR code is ReportLab's own (``reportlab.graphics.barcode.qr``), so no extra dependency.
"""

import io
from datetime import datetime

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from app.store.keys import RawKey, key_fingerprint
from app.store.recovery import grouped_hex, qr_payload

CJK_FONT = "STSong-Light"  # a standard CID font: every PDF reader has it, nothing to embed
QR_SIZE = 70 * mm
WARNING_ZH = (
    "持有此页者可读取全部案件数据，请妥善锁存。",
    "密钥轮换后此页不再能打开数据库，但仍能打开轮换前的备份，请与这些备份一同保管。",
)


def recovery_sheet_pdf(key: RawKey, database_name: str, created_at: datetime) -> bytes:
    """Return a one-page A4 PDF with ``key`` as grouped hex, its fingerprint and a QR code.

    Args:
        key: the database's raw key.
        database_name: the database file's name (no folder, which may name the user).
        created_at: when the sheet is made (aware; shown as a UTC date).

    Returns:
        The PDF bytes.
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle("Privacy Desk recovery key")
    _draw_text(canvas, key, database_name, created_at)
    _draw_qr(canvas, key)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_text(canvas: Canvas, key: RawKey, database_name: str, created_at: datetime) -> None:
    _, height = A4
    left, y = 25 * mm, height - 30 * mm
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(left, y, "Privacy Desk - database recovery key")
    _register_cjk()
    canvas.setFont(CJK_FONT, 13)
    canvas.drawString(left, y - 9 * mm, "Privacy Desk 数据库恢复密钥")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(left, y - 18 * mm, f"Database file: {database_name}")
    canvas.drawString(left, y - 24 * mm, f"Printed: {created_at.date().isoformat()} (UTC)")
    canvas.drawString(left, y - 30 * mm, f"Key check: {key_fingerprint(key)}")
    canvas.setFont("Courier-Bold", 15)
    for number, line in enumerate(grouped_hex(key)):
        canvas.drawString(left, y - (42 + 8 * number) * mm, line)
    _draw_instructions(canvas, left, y - 82 * mm)


def _draw_instructions(canvas: Canvas, left: float, top: float) -> None:
    lines = [
        "Anyone holding this sheet can read every case in the database: keep it locked away.",
        "If the key is lost from this computer's keyring, run:  python -m app key restore",
        "and type the 64 digits above (spaces do not matter) or scan the QR code.",
        "After a key rotation this sheet no longer opens the database, but it still opens",
        "the backups made before the rotation: keep it with them, locked away.",
    ]
    canvas.setFont("Helvetica", 10)
    for number, line in enumerate(lines):
        canvas.drawString(left, top - 6 * mm * number, line)
    canvas.setFont(CJK_FONT, 10)
    for number, line in enumerate(WARNING_ZH):
        canvas.drawString(left, top - (34 + 6 * number) * mm, line)


def _draw_qr(canvas: Canvas, key: RawKey) -> None:
    widget = QrCodeWidget(qr_payload(key), barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.scale(QR_SIZE / (x1 - x0), QR_SIZE / (y1 - y0))
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, 25 * mm, 45 * mm)


def _register_cjk() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
