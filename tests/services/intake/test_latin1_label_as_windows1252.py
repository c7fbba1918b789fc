"""Text labelled ISO-8859-1 is read as windows-1252, as every mail client and browser reads it
(WHATWG Encoding Standard §4.2: the labels "iso-8859-1", "latin1", "l1", "cp819" name
windows-1252): Outlook and web forms write curly quotes, dashes and the euro sign as cp1252's
0x80-0x9F bytes under that label. Read as true Latin-1 those bytes are C1 control characters,
and a German „Auskunft“ lost its quotes, a price its €."""

import pytest

from app.services.intake.declared_charset import decode_declared
from app.services.intake.header_text import decode_encoded_words

# „Auskunft“ nach Art. 15 DSGVO – Gebühr 0 € (cp1252: 0x84, 0x93, 0x96, 0x80; ü is 0xFC).
GERMAN = "„Auskunft“ nach Art. 15 DSGVO – Gebühr 0 €"
FRENCH = "Demande d’accès « RGPD » — œuvre…"


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO_8859-1", "latin1", "l1", '"iso-8859-1"'])
@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_cp1252_bytes_under_a_latin1_label_read_as_written(label: str, text: str) -> None:
    decoded = decode_declared(text.encode("cp1252"), label)
    assert (decoded.text, decoded.charset_mismatch) == (text, False)


def test_true_latin1_text_still_reads_as_written() -> None:
    text = "Grüße aus Köln, señor Müller: ½ Preis, 10 °C ©"
    decoded = decode_declared(text.encode("latin-1"), "iso-8859-1")
    assert (decoded.text, decoded.charset_mismatch) == (text, False)


def test_an_encoded_word_in_latin1_keeps_its_quotes() -> None:
    # =84 „, =93 “, =96 – in windows-1252 (RFC 2047 Q encoding, "_" is a space).
    subject = "=?ISO-8859-1?Q?=84Auskunft=93_=96_Art=2E_15?="
    assert decode_encoded_words(subject) == "„Auskunft“ – Art. 15"
