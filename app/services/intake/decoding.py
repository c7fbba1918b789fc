"""Text decoding for incoming mail: charset labels and 8-bit sniffing (header values:
``header_text``).

Chinese mailboxes label text ``gb2312`` or ``gbk`` although it holds characters only GB18030 has
(e.g. 镕, 喆): every decoder here therefore maps the GB family to ``gb18030`` (a strict
superset; see shared/reference/failure-modes.md). Importing this module registers the
ISO-2022-CN codec (``iso2022_cn``), which Python lacks.
"""

import codecs
import importlib
from functools import cache

import charset_normalizer

from app.services.intake.cjk import plausible_share
from app.services.intake.iso2022_cn import CODEC_NAMES as ISO_2022_CN_CODECS

# Labels that name a subset of GB18030, as Python spells them after codecs.lookup() plus the
# ones Python does not know at all (x-gbk, csgb2312, windows-936, gb_2312-80).
_GB_FAMILY = frozenset(
    {"gb2312", "gbk", "cp936", "x-gbk", "csgb2312", "gb_2312-80", "windows-936", "x-euc-cn"}
)
# Labels whose text is, in practice, UTF-8 when its bytes form valid multi-byte UTF-8: a
# mislabelled UTF-8 body is common, a genuine Latin-1 text that is also valid UTF-8 is not.
_SINGLE_BYTE_LATIN = frozenset({"ascii", "iso8859-1", "cp1252", "iso8859-15"})
# Candidates for undeclared 8-bit text: the mailbox's Chinese (mainland GB18030, Hong Kong and
# Taiwan Big5), Japanese, Korean and European correspondents.
_CJK_CANDIDATES = ("gb18030", "big5", "shift_jis", "euc_jp", "euc_kr")
CJK_CANDIDATES = _CJK_CANDIDATES  # read by ``declared_charset``
_SNIFF_CANDIDATES = [*_CJK_CANDIDATES, "cp1252", "iso8859_2", "iso8859_7", "iso8859_15"]
# ISO-2022 text is 7-bit: only its escape sequences (ESC $ B, ESC $ @, ESC ( J, ESC $ ( D …;
# RFC 1468, RFC 1554) tell it from ASCII. ISO-2022-JP-2 (RFC 1554: also GB 2312 "ESC $ A" and
# KS C 5601 "ESC $ ( C") decodes the JP, JP-1 and JP-2 variants; JIS X 0213 (ISO-2022-JP-3,
# -2004: ESC $ ( O/P/Q) and the katakana of ISO-2022-JP-EXT need their own codecs.
_ISO_2022_JP_ESCAPES = (
    b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b$(D", b"\x1b(I", b"\x1b$A", b"\x1b$(C",
    b"\x1b$(O", b"\x1b$(P", b"\x1b$(Q",
)  # fmt: skip
_ISO_2022_JP_CODECS = ("iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext")
_ISO_2022_KR_ESCAPE = b"\x1b$)C"  # RFC 1557
# ISO-2022-CN and -CN-EXT (RFC 1922: ESC $ ) A GB 2312, ESC $ ) E ISO-IR-165, ESC $ ) G,
# ESC $ * H, ESC $ + I-M CNS 11643): decoded by ``iso2022_cn``, whose CNS 11643 characters
# Python cannot read (``iso_2022_unreadable``).
_ISO_2022_CN_ESCAPES = (
    b"\x1b$)A", b"\x1b$)G", b"\x1b$*H", b"\x1b$)E", *(b"\x1b$+" + bytes([f]) for f in b"IJKLM"),
)  # fmt: skip
# A single-byte label (ISO-8859-*, windows-125x, KOI8…) never fails strictly, so CJK bytes
# under it are tested by plausibility instead: at least this many high-bit bytes (six CJK
# characters; a shorter text cannot be told apart), making up at least this share of the
# non-space bytes (European text in Latin code pages has a few per cent), and a CJK reading
# made of this share of usual characters (a misread Cyrillic or Greek text scores far lower).
_CJK_MIN_HIGH_BYTES = 12
_CJK_MIN_HIGH_SHARE = 0.5
_CJK_MIN_PLAUSIBLE = 0.9
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF16_LABELS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def codec_name(label: str | None) -> str | None:
    """Return the Python codec to use for a MIME charset label.

    Args:
        label: the label as written in the message (any case, may be quoted), or ``None``.

    Returns:
        The codec name, with every GB2312/GBK alias mapped to ``"gb18030"`` and ISO-8859-1 to
        ``"cp1252"``; ``None`` when the label is missing or names no codec Python has.
    """
    if label is None:
        return None
    cleaned = label.strip().strip("\"'").lower()
    if cleaned in _GB_FAMILY:
        return "gb18030"
    try:
        name = codecs.lookup(cleaned).name
    except LookupError:
        return None
    if name == "iso8859-1":
        # Read as windows-1252, as mail clients and browsers do (WHATWG Encoding Standard §4.2
        # lists "iso-8859-1", "latin1", "l1" as its labels): Outlook and web forms write curly
        # quotes, dashes and € as its 0x80-0x9F bytes under that label, C1 controls in Latin-1.
        return "cp1252"
    return "gb18030" if name in _GB_FAMILY else name


def decode_text(data: bytes, label: str | None) -> str:
    """Decode message text whose charset is declared by ``label`` (or not declared).

    Args:
        data: the raw bytes (after transfer decoding).
        label: the declared charset label, or ``None``.

    Returns:
        The text. The declared charset is used when the bytes are valid in it; otherwise the
        bytes are sniffed (strict UTF-8, then GB18030 or a European code page by
        charset-normalizer); only as a last resort are undecodable bytes replaced.
    """
    codec = codec_name(label)
    if iso_2022_mislabelled(codec, data):
        # Japanese mail in ISO-2022-JP labelled us-ascii (7-bit, so valid ASCII): its escape
        # sequences, not the label, say what it is (QA11 D9).
        return _marked_text(data) or data.decode("ascii")
    if label_doubtful(codec, data):
        as_utf8 = strict_text(data, "utf-8")
        if as_utf8 is not None:
            return as_utf8
    if codec is not None:
        declared = strict_text(data, codec)
        if declared is not None:
            return cjk_instead(data, codec) or declared
    return sniff_text(data, fallback=codec or "gb18030")


def label_doubtful(codec: str | None, data: bytes) -> bool:
    """Return whether ``codec`` is doubtful for ``data``: a Latin label on non-ASCII bytes, or a
    UTF-16/32 label on bytes without a single NUL (the mail was re-encoded on the way, e.g. a
    UTF-16 file saved as UTF-8); valid UTF-8 then wins."""
    if codec in _SINGLE_BYTE_LATIN:
        return not data.isascii()
    return codec in _UTF16_LABELS and b"\x00" not in data and not data.startswith(_UTF16_BOMS)


def sniff_text(data: bytes, fallback: str = "gb18030") -> str:
    """Decode bytes of unknown charset.

    Args:
        data: the bytes.
        fallback: codec used with replacement characters when nothing decodes cleanly.

    Returns:
        The text: ISO-2022-JP/KR/CN when their escape sequences occur, UTF-16 with a byte-order
        mark or NULs in every other byte, ASCII or strict UTF-8 when valid, else
        charset-normalizer's best guess among the CJK codecs (GB18030, Big5, Shift_JIS,
        EUC-JP, EUC-KR; the one whose text reads best, ``cjk.plausible_share``) and the
        European code pages, else ``fallback`` with U+FFFD for bad bytes.
    """
    marked = _marked_text(data)
    if marked is not None:
        return marked
    guess = charset_normalizer.from_bytes(data, cp_isolation=_SNIFF_CANDIDATES).best()
    if guess is not None and guess.encoding in _CJK_CANDIDATES:
        return best_cjk_reading(data, preferred=guess.encoding)
    if guess is not None:
        return str(guess)
    return data.decode(fallback, errors="replace")


def iso_2022_mislabelled(codec: str | None, data: bytes) -> bool:
    """Return whether 7-bit ``data`` holds an ISO-2022-JP, -KR or -CN escape sequence (RFC
    1468, 1557, 1922) under a label (``codec``) that is no ISO-2022 codec (ASCII, Latin-1 or
    UTF-8 would read it as raw escapes), or ISO-2022-CN escapes under another ISO-2022 label."""
    if codec is None or not data.isascii() or b"\x1b" not in data:
        return False
    if _iso_2022_cn(data):
        return codec not in ISO_2022_CN_CODECS
    if codec.startswith("iso2022"):
        return False
    return _ISO_2022_KR_ESCAPE in data or any(e in data for e in _ISO_2022_JP_ESCAPES)


def iso_2022_unreadable(data: bytes) -> bool:
    """Return whether ``data`` is ISO-2022-CN or -CN-EXT text (RFC 1922 escapes) that does not
    decode whole: CNS 11643 characters, which no Python codec has (``iso2022_cn``), or broken
    escapes. Those characters are shown as U+FFFD and a person reads the original."""
    return _iso_2022_cn(data) and strict_text(data, "iso2022_cn") is None


def _iso_2022_cn(data: bytes) -> bool:
    return data.isascii() and any(escape in data for escape in _ISO_2022_CN_ESCAPES)


def _marked_text(data: bytes) -> str | None:
    """Text whose encoding its bytes declare: ISO-2022 escapes, UTF-16 BOM or NUL pattern,
    then plain UTF-8 (which ASCII is)."""
    if data.isascii() and b"\x1b" in data:
        if _ISO_2022_KR_ESCAPE in data:
            return strict_text(data, "iso2022_kr")
        if _iso_2022_cn(data):  # its CNS 11643 characters become U+FFFD
            return data.decode("iso2022_cn", errors="replace")
        if any(escape in data for escape in _ISO_2022_JP_ESCAPES):
            readings = (strict_text(data, codec) for codec in _ISO_2022_JP_CODECS)
            return next((text for text in readings if text is not None), None)
    utf16 = utf16_codec(data)
    if utf16 is not None:
        return strict_text(data, utf16)
    return strict_text(data, "utf-8")


def utf16_codec(data: bytes) -> str | None:
    """Tell UTF-16 text by its byte-order mark, or by NULs in every other byte (the high byte
    of ASCII characters: RFC 2781 §4.3 lets text without a BOM be guessed so).

    Args:
        data: the bytes (only the first 4,096 are read).

    Returns:
        ``"utf-16"`` (BOM), ``"utf-16-le"`` or ``"utf-16-be"``; ``None`` for other bytes.
    """
    if data.startswith(_UTF16_BOMS) and len(data) >= 4:  # a lone BOM is two stray bytes
        return "utf-16"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def best_cjk_reading(data: bytes, preferred: str) -> str:
    """Decode CJK bytes of unknown charset with the codec whose text reads best.

    Mis-decoded CJK bytes are still "valid" in another CJK codec (GB18030 accepts almost any
    byte pair), so strictness alone cannot choose; the text read with the right codec is made
    of frequent characters of one language (``cjk.plausible_share``).

    Args:
        data: the bytes.
        preferred: charset-normalizer's choice, kept when no candidate reads better.

    Returns:
        The text.
    """
    readings = {codec: strict_text(data, codec) for codec in (preferred, *_CJK_CANDIDATES)}
    scored = {codec: plausible_share(text) for codec, text in readings.items() if text}
    if not scored:
        return data.decode(preferred, errors="replace")
    best = max(scored, key=lambda codec: scored[codec])  # ties: the first, ``preferred``
    return readings[best] or ""


def strict_text(data: bytes, codec: str) -> str | None:
    """Return ``data`` decoded strictly with ``codec``; ``None`` if it does not decode."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def cjk_instead(data: bytes, codec: str) -> str | None:
    """Read CJK text (GBK, Big5, Shift_JIS, EUC-KR…) under a single-byte label (ISO-8859-1,
    windows-1252…), which decodes any bytes and so never fails.

    Args:
        data: the bytes. codec: the Python codec the label names.

    Returns:
        The CJK reading when ``codec`` is single-byte, the bytes are mostly high-bit,
        charset-normalizer finds a CJK codec likelier than the label and that reading is made
        of usual characters (``cjk.plausible_share``); else ``None`` (the label stands).
    """
    if not _mostly_high_bit(data) or not _single_byte(codec):
        return None
    candidates = [codec, *_CJK_CANDIDATES]
    guess = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
    if guess is None or guess.encoding not in _CJK_CANDIDATES:
        return None
    reading = best_cjk_reading(data, preferred=guess.encoding)
    return reading if plausible_share(reading) >= _CJK_MIN_PLAUSIBLE else None


def _mostly_high_bit(data: bytes) -> bool:
    high = sum(1 for byte in data if byte >= 0x80)
    shown = len(data) - sum(data.count(space) for space in b" \t\r\n")
    return high >= _CJK_MIN_HIGH_BYTES and high >= _CJK_MIN_HIGH_SHARE * shown


@cache
def _single_byte(codec: str) -> bool:
    """Whether ``codec`` maps every byte to one character (Latin-1, and the charmap codecs:
    ISO-8859-*, windows-125x, KOI8, Mac…), the labels under which any bytes decode."""
    name = codecs.lookup(codec).name
    if name == "latin-1":
        return True
    try:
        module = importlib.import_module(f"encodings.{name.replace('-', '_')}")
    except ImportError:
        return False
    return isinstance(getattr(module, "decoding_table", None), str)
