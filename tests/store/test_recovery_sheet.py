"""The recovery sheet: the key as grouped hex text and as a QR code that scans back to it."""

import io
from datetime import UTC, datetime

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from app.store import RawKey
from app.store.keys import key_fingerprint
from app.store.recovery import grouped_hex, parse_recovery_key, qr_payload
from app.store.recovery_sheet import recovery_sheet_pdf

KEY = RawKey(bytes(range(32)))  # 000102…1F: every digit is known in advance


def test_the_key_is_printed_as_four_lines_of_four_groups() -> None:
    assert grouped_hex(KEY) == [
        "0001 0203 0405 0607",
        "0809 0A0B 0C0D 0E0F",
        "1011 1213 1415 1617",
        "1819 1A1B 1C1D 1E1F",
    ]
    # SHA-256 of bytes 0..31 is 630dcd29 66c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd
    assert key_fingerprint(KEY) == "630D-CD29"


def test_a_typed_or_scanned_key_reads_back() -> None:
    typed = "\n".join(grouped_hex(KEY)).lower().replace(" ", "-")
    assert parse_recovery_key(typed) == KEY
    assert parse_recovery_key(qr_payload(KEY)) == KEY
    with pytest.raises(ValueError):
        parse_recovery_key("0001 0203")


def test_the_pdf_holds_the_key_text_and_a_qr_code_that_scans_to_it() -> None:
    pdf = recovery_sheet_pdf(KEY, "privacy-desk.db", datetime(2026, 3, 2, tzinfo=UTC))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for line in grouped_hex(KEY):
        assert line in text
    assert "privacy-desk.db" in text and "2026-03-02" in text
    # Rasterise with PDFium (a pip wheel, so the check runs everywhere the suite runs).
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=150 / 72).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [qr_payload(KEY)]
    assert parse_recovery_key(found[0].text) == KEY
