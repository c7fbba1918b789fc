"""Header values as text: raw 8-bit bytes a parser kept, RFC 2047 encoded words, and the
characters that could disguise a display name or subject.

Clients split long encoded words in the middle of a character, so the bytes of adjacent words
are joined before decoding; their charsets are read as the body's are (``decoding``: the GB
family as GB18030, ISO-2022-CN through ``iso2022_cn``). Some clients also cut the last word
inside a character (a length limit): its declared charset still reads everything before the
cut, which is kept, with U+FFFD for the lost character (``cut_reading``).
"""

import base64
import binascii
import codecs
import quopri
import re

from app.services.intake.decoding import (
    codec_name,
    decode_text,
    label_doubtful,
    sniff_text,
    strict_text,
)

REPLACEMENT = "\ufffd"
"""U+FFFD REPLACEMENT CHARACTER: where decoded header text lost a character."""

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")

# Characters that change how a name or subject looks without being seen: C0/C1 controls (NUL,
# BEL, ESC…), the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069, which
# make the text after them display reversed or reordered, Unicode UAX #9) and invisible format
# characters (zero-width space, word joiner, invisible operators, BOM, deprecated format
# controls, soft hyphen). ZWNJ/ZWJ (U+200C/D), LRM/RLM/ALM and emoji tag characters stay:
# Persian, Indic and emoji spellings need them, and they cannot reverse a run of text.
_CONTROL_SPACES = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85"
_HIDDEN = [
    *range(0x00, 0x20), *range(0x7F, 0xA0), 0xAD, 0x180E, 0x200B, *range(0x202A, 0x202F),
    *range(0x2060, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC),
]  # fmt: skip
_VISIBLE: dict[int, str | None] = {code: None for code in _HIDDEN}
_VISIBLE |= {ord(char): " " for char in _CONTROL_SPACES}


def visible_text(text: str) -> str:
    """Return a display name or subject without characters that could disguise it.

    Args:
        text: decoded header text.

    Returns:
        ``text`` with C0/C1 controls, bidi embedding/override/isolate characters and invisible
        format characters removed; line breaks and tabs become spaces. Ordinary text, ZWJ/ZWNJ
        and left-to-right/right-to-left marks are kept.
    """
    return text.translate(_VISIBLE)


def restore_8bit(header_value: str) -> str:
    """Decode raw 8-bit bytes the mail parser kept as surrogate escapes in a header.

    Args:
        header_value: a header value as ``email`` parsed it from bytes.

    Returns:
        The value with its raw bytes decoded (UTF-8 strictly, else sniffed); unchanged when it
        holds no raw bytes.
    """
    try:
        raw = header_value.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return header_value
    return header_value if raw.isascii() else sniff_text(raw)


def decode_encoded_words(value: str) -> str:
    """Decode RFC 2047 encoded words in an (unfolded) header value.

    Adjacent encoded words of the same charset are joined as bytes before decoding, because
    clients split multi-byte characters across words; white space between two encoded words is
    dropped (RFC 2047 §6.2). Malformed words are left as written.

    Args:
        value: the header value, already free of raw 8-bit bytes (see ``restore_8bit``).

    Returns:
        The decoded text.
    """
    pieces: list[str] = []
    pending: tuple[str | None, bytearray] | None = None
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        word = _word_bytes(match)
        if word is None:
            continue  # left in place: it becomes part of the next stretch of plain text
        between = value[position : match.start()]
        joins = pending is not None and not between.strip()
        if pending is not None and not (joins and pending[0] == word[0]):
            pieces.append(_word_text(bytes(pending[1]), pending[0]))
            pending = None
        if pending is None:
            pieces.append("" if joins else between)
            pending = (word[0], bytearray())
        pending[1].extend(word[1])
        position = match.end()
    if pending is not None:
        pieces.append(_word_text(bytes(pending[1]), pending[0]))
    pieces.append(value[position:])
    return "".join(pieces)


def _word_text(data: bytes, codec: str | None) -> str:
    """The text of joined encoded words: their declared charset's reading when the bytes are
    only cut short inside their last character, else ``decoding.decode_text``'s."""
    cut = cut_reading(data, codec)
    return decode_text(data, codec) if cut is None else cut


def cut_reading(data: bytes, codec: str | None) -> str | None:
    """Read bytes that the declared charset reads but for a character cut off at their end.

    A client that cuts an encoded word inside a character (``=?utf-8?q?=E5=BC=A0=E4=B8?=``:
    张 and two of the three bytes of the next character) leaves bytes that fail strict
    decoding. Detection would then re-read all of them in another code page ("εΌ δΈ"), so
    the text the charset does read is kept instead.

    Args:
        data: the bytes of the joined encoded words. codec: the Python codec their charset
            label names (``decoding.codec_name``), or ``None``.

    Returns:
        The text of every whole character followed by one U+FFFD for the cut one, when
        ``codec`` reads ``data`` up to an incomplete last character (UTF-8, GB18030, Big5,
        Shift_JIS, EUC...: any codec with an incremental decoder); ``None`` when the bytes
        decode strictly, fail before their end, or the label is doubtful for them
        (``decoding.label_doubtful``: a Latin or UTF-16 label, read by detection).
    """
    if codec is None or label_doubtful(codec, data) or strict_text(data, codec) is not None:
        return None
    try:
        decoder = codecs.getincrementaldecoder(codec)()
        text = decoder.decode(data, final=False)
    except (UnicodeDecodeError, LookupError):
        return None
    cut = decoder.getstate()[0]
    return text + REPLACEMENT if cut else None


def _word_bytes(match: re.Match[str]) -> tuple[str | None, bytes] | None:
    """Return (codec or None when unknown, bytes) of one encoded word; ``None`` if malformed."""
    charset, encoding, text = match.groups()
    codec = codec_name(charset.split("*", 1)[0])  # RFC 2231 language suffix: "utf-8*zh"
    try:
        if encoding in "bB":
            padded = text + "=" * (-len(text) % 4)
            return codec, base64.b64decode(padded, validate=False)
        return codec, quopri.decodestring(text.encode("ascii"), header=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
