"""Message-file bytes made parseable before the mail parser sees them: UTF-16 files decoded,
stray NUL bytes removed, and the bulk of big attachments left out of the copy that is parsed.

The parsed copy only feeds triage (headers and the first text part); the case keeps the file's
bytes as given (``IncomingMessage.raw``), so nothing here changes what is stored.
"""

import re
from dataclasses import dataclass

from app.services.intake.decoding import utf16_codec

# A header field line: field name, colon (RFC 5322 §3.6.8), or an mbox "From " separator.
_FIRST_LINE = re.compile(rb"^(?:[!-9;-~]{1,76}:|From )")
# Control bytes that text mail does not hold (RFC 5322 §2.3; TAB, LF, CR, FF and the ESC of
# ISO-2022 kept). A few of them in a mail are a broken client's or gateway's and are dropped;
# many, or a head that is no header, mean an image, archive or random bytes, refused as binary.
_STRAY_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# The same without SO and SI (0x0E, 0x0F): ISO-2022 text shifts into the set its escape
# sequence designated to G1 with them (ISO-2022-KR, RFC 1557; ISO-2022-CN, RFC 1922), so they
# are its characters, not strays. ISO-2022-JP switches sets by escapes alone (RFC 1468).
_STRAY_CONTROL_BESIDE_SHIFTS = re.compile(rb"[\x00-\x08\x0b\x10-\x1a\x1c-\x1f\x7f]")
# A designation to G1 (ESC $ ) F for a double-byte set, ESC ) F or ESC - F for a single-byte
# one; ECMA-35 §14.3), which SO then invokes, whatever the part's label says.
_G1_DESIGNATION = re.compile(rb"\x1b(?:\$\)|[)-])[@-~]")
_HEAD_BYTES = 4096
# "A few": a corrupted or badly saved text mail, not binary data (0.1 % of the file).
_MAX_STRAY_SHARE = 0.001
# Runs of base64 lines (RFC 2045 §6.8, at most 76 characters each; longer lines accepted):
# triage reads 20,000 characters of text, so 1,100 lines (≈ 60 KB decoded) of any run are
# kept and the rest of the run — a big attachment — is left out of the parsed copy.
_BASE64_RUN = re.compile(rb"(?m)^(?:[A-Za-z0-9+/=]{16,998}+\r?\n)++")
_KEPT_BASE64_LINES = 1100
_LEAN_ABOVE_BYTES = 1 << 20


@dataclass(frozen=True)
class PreparedMail:
    """The bytes to parse and what was repaired in them.

    Attributes:
        data: the bytes for the mail parser.
        removed_nul_bytes: how many stray NUL bytes were removed (0 when none).
        removed_control_bytes: how many other stray control bytes (SOH, BEL, DEL...) were.
        from_utf16: whether the whole file was UTF-16 and was re-encoded as UTF-8.
    """

    data: bytes
    removed_nul_bytes: int = 0
    removed_control_bytes: int = 0
    from_utf16: bool = False


def prepare_mail(raw: bytes) -> PreparedMail:
    """Return the bytes of a message file as the mail parser should read them.

    A file in UTF-16 (BOM or NULs in every other byte) is decoded and re-encoded as UTF-8;
    a text file with a few stray NUL or other control bytes loses them; a body part in
    UTF-16 is re-encoded; files over 1 MiB lose all but the first 1,100 lines of each base64
    run. Binary files (control bytes in more than 0.1 % of the bytes, or no header line) are
    returned unchanged, for the parser to refuse.

    Args:
        raw: the file's bytes.

    Returns:
        The prepared bytes and the repairs made.
    """
    whole = utf16_codec(raw)
    if whole is not None and _FIRST_LINE.match(_utf16_head(raw, whole)):
        text = raw.decode(whole, errors="replace")
        return PreparedMail(text.encode("utf-8"), from_utf16=True)
    data = _lean(raw) if len(raw) > _LEAN_ABOVE_BYTES else raw
    stray = stray_control_bytes(data)
    if stray.search(data) is None:
        return PreparedMail(data)
    if b"\x00" in data:
        data = _utf16_body(data)
    nul_bytes = data.count(b"\x00")
    strays = len(stray.findall(data))
    if strays == 0 or not _text_with_strays(data, strays):
        return PreparedMail(data)
    return PreparedMail(
        stray.sub(b"", data),
        removed_nul_bytes=nul_bytes,
        removed_control_bytes=strays - nul_bytes,
    )


def stray_control_bytes(data: bytes) -> re.Pattern[bytes]:
    """Return the pattern of the control bytes that are strays in ``data``: every C0 control
    but TAB, LF, FF, CR and ESC, and DEL; SO and SI (0x0E, 0x0F) only when ``data`` holds no
    ISO-2022 designation to G1 (``ESC $ ) C``, ``ESC $ ) A``…), since ISO-2022-KR and -CN
    text is written with them. Found before any stripping: the encoding decides what is
    stray."""
    if b"\x1b" in data and _G1_DESIGNATION.search(data) is not None:
        return _STRAY_CONTROL_BESIDE_SHIFTS
    return _STRAY_CONTROL


def _utf16_head(raw: bytes, codec: str) -> bytes:
    head = raw[: 2 * 200].decode(codec, errors="replace")
    return head.encode("utf-8", errors="replace")


def _text_with_strays(data: bytes, strays: int) -> bool:
    """A text mail with a few stray control bytes (a broken client or gateway), not binary
    data: a header line first and at most ``_MAX_STRAY_SHARE`` of its bytes strays."""
    head = _STRAY_CONTROL.sub(b"", data[:_HEAD_BYTES])  # the header block is never ISO-2022
    return strays <= max(16, _MAX_STRAY_SHARE * len(data)) and _FIRST_LINE.match(head) is not None


def _utf16_body(data: bytes) -> bytes:
    """A single-part mail whose body alone is UTF-16 (an ASCII header, then a BOM or NULs in
    every other byte): the body re-encoded as UTF-8, which the body decoder then finds."""
    split = re.search(rb"\r?\n\r?\n", data)
    if split is None or b"\x00" in data[: split.start()]:
        return data
    body = data[split.end() :]
    codec = utf16_codec(body)
    if codec is None:
        return data
    return data[: split.end()] + body.decode(codec, errors="replace").encode("utf-8")


def _lean(raw: bytes) -> bytes:
    pieces: list[bytes] = []
    position = 0
    for run in _BASE64_RUN.finditer(raw):
        if run.end() - run.start() < 16 * _KEPT_BASE64_LINES:
            continue
        cut = _nth_line_end(raw, run.start(), _KEPT_BASE64_LINES)
        if cut < run.end():
            pieces.append(raw[position:cut])
            position = run.end()
    if not pieces:
        return raw
    pieces.append(raw[position:])
    return b"".join(pieces)


def _nth_line_end(raw: bytes, start: int, lines: int) -> int:
    position = start
    for _ in range(lines):
        position = raw.find(b"\n", position) + 1
        if position == 0:
            return len(raw)
    return position
