"""Header values as text: raw 8-bit bytes a parser kept, RFC 2047 encoded words, and the
characters that could disguise a display name or subject.

Clients split long encoded words in the middle of a character, so the bytes of adjacent words
are joined before decoding; their charsets are read as the body's are (``decoding``: the GB
family as GB18030, ISO-2022-CN through ``iso2022_cn``). Some clients also cut the last word
inside a character (a length limit), the last or any word before the next: the declared
charset still reads every whole character, which is kept, with U+FFFD for each lost one
(``cut_reading``).
"""

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Sequence

from app.services.intake.cjk import plausible_share
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
# A "Q" word's last escape cut short: "=" or "=" and one hex digit at its end.
_CUT_ESCAPE = re.compile(r"=[0-9A-Fa-f]?\Z")

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
    pending: tuple[str | None, list[bytes]] | None = None
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        word = _word_bytes(match)
        if word is None:
            continue  # left in place: it becomes part of the next stretch of plain text
        between = value[position : match.start()]
        joins = pending is not None and not between.strip()
        if pending is not None and not (joins and pending[0] == word[0]):
            pieces.append(_word_text(pending[1], pending[0]))
            pending = None
        if pending is None:
            pieces.append("" if joins else between)
            pending = (word[0], [])
        pending[1].append(word[1])
        position = match.end()
    if pending is not None:
        pieces.append(_word_text(pending[1], pending[0]))
    pieces.append(value[position:])
    return "".join(pieces)


def _word_text(words: Sequence[bytes], codec: str | None) -> str:
    """The text of adjacent encoded words: their declared charset's reading when the bytes are
    only cut short inside characters at word ends, else ``decoding.decode_text``'s."""
    cut = cut_reading(words, codec)
    return decode_text(b"".join(words), codec) if cut is None else cut


def cut_reading(words: Sequence[bytes], codec: str | None) -> str | None:
    """Read adjacent encoded words that their charset reads but for characters cut at word ends.

    A client that cuts an encoded word inside a character (``=?utf-8?q?=E5=BC=A0=E4=B8?=``:
    张 and two of the three bytes of the next character) leaves bytes that fail strict
    decoding, at the end of the text or, when another word follows (``=?utf-8?b?546L?=
    =?utf-8?b?5bCP5p4=?=``: two bytes of 王, then 小 and one byte of 明), in the middle of
    the joined bytes (RFC 2047 §6.2: the words' bytes are read as one). Detection would then
    re-read all of them in another code page or script ("εΌ δΈ", "邇蟆乗"), so the text the
    charset does read is kept instead. A character split across two words whose bytes join
    to a whole one is read whole, not as a cut.

    Args:
        words: the bytes of each of the adjacent encoded words, in order. codec: the Python
            codec their charset label names (``decoding.codec_name``), or ``None``.

    Returns:
        The text of every whole character with one U+FFFD for each character cut at a word
        end, when ``codec`` reads the words so (UTF-8, GB18030, Big5, Shift_JIS, EUC...: any
        codec with an incremental decoder); ``None`` when the joined bytes decode strictly,
        fail anywhere but at a cut word end, or the label is doubtful for them
        (``decoding.label_doubtful``: a Latin or UTF-16 label, read by detection).
    """
    data = b"".join(words)
    if codec is None or label_doubtful(codec, data) or strict_text(data, codec) is not None:
        return None
    readings = [_joined_reading(words, codec), _separate_reading(words, codec)]
    found = [reading for reading in readings if reading is not None]
    # In a double-byte charset (GB18030, Big5, Shift_JIS) a cut first word misaligns the
    # joined bytes into other, valid characters; read each word alone when that reads better.
    return max(found, key=_reading_score) if found else None


def _reading_score(text: str) -> tuple[float, int]:
    """Rank a reading: the share of usual CJK characters, then the fewer U+FFFD."""
    return plausible_share(text.replace(REPLACEMENT, "")), -text.count(REPLACEMENT)


def _joined_reading(words: Sequence[bytes], codec: str) -> str | None:
    """Read the words' bytes as one, a character begun at a word end but not completed by
    the next word being cut (U+FFFD); ``None`` when they fail otherwise."""
    try:
        decoder = codecs.getincrementaldecoder(codec)()
    except LookupError:
        return None
    parts: list[str] = []
    for word in words:
        held = decoder.getstate()[0]  # bytes of a character the word before began
        try:
            parts.append(decoder.decode(word, final=False))
            continue
        except UnicodeDecodeError:
            if not held:
                return None
        decoder = codecs.getincrementaldecoder(codec)()
        try:
            parts += [REPLACEMENT, decoder.decode(word, final=False)]
        except UnicodeDecodeError:
            return None
    return "".join(parts) + (REPLACEMENT if decoder.getstate()[0] else "")


def _separate_reading(words: Sequence[bytes], codec: str) -> str | None:
    """Read each word alone (RFC 2047 §5: an encoded word holds whole characters), a word that
    ends inside a character being cut there (U+FFFD); ``None`` when a word fails otherwise."""
    parts: list[str] = []
    for word in words:
        reading = _joined_reading([word], codec)
        if reading is None:
            return None
        parts.append(reading)
    return "".join(parts)


def _word_bytes(match: re.Match[str]) -> tuple[str | None, bytes] | None:
    """Return (codec or None when unknown, bytes) of one encoded word; ``None`` if malformed."""
    charset, encoding, text = match.groups()
    codec = codec_name(charset.split("*", 1)[0])  # RFC 2231 language suffix: "utf-8*zh"
    try:
        if encoding in "bB":
            padded = text + "=" * (-len(text) % 4)
            return codec, base64.b64decode(padded, validate=False)
        # A word cut inside a "=XX" escape ("=E4=B"): the escape is part of the cut character
        # (RFC 2047 §4.2: "=" is always followed by two hex digits), not the text "=B".
        text = _CUT_ESCAPE.sub("", text)
        return codec, quopri.decodestring(text.encode("ascii"), header=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
