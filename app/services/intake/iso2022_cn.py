"""A decoder for ISO-2022-CN and ISO-2022-CN-EXT (RFC 1922), registered as a Python codec.

Why our own: CPython's CJK codecs have no ISO-2022-CN (its author dropped it for want of a
CNS 11643 mapping) and no maintained package on PyPI decodes it; charset-normalizer only
uses the codecs Python has. The GB 2312 part of the charset is Python's own ``gb2312``
codec with the high bits set, so only the escape and shift handling is written here; each
run between escapes and shifts is decoded in one call (a 5 MB mail read byte by byte took 9 s).

RFC 1922 §3-5: the text starts in ASCII; ``ESC $ ) A`` designates GB 2312 to G1 (``ESC $ ) G``
CNS 11643 plane 1, ``ESC $ ) E`` ISO-IR-165, -CN-EXT), ``ESC $ * H`` CNS 11643 plane 2 to G2,
``ESC $ + I`` … ``ESC $ + M`` CNS 11643 planes 3-7 to G3 (-CN-EXT). SO (0x0E) shifts into G1
until SI (0x0F) or the end of the line; ``ESC N`` (SS2) and ``ESC O`` (SS3) take the next two
bytes from G2 or G3. Each double-byte character is two bytes 0x21-0x7E, the row and cell of
its set.

Python has no CNS 11643 table either: a character of those planes decodes as an error (with
``errors="replace"``, U+FFFD), so strict decoding fails exactly when part of the text cannot
be read. GB 2312 and the GB 2312 part of ISO-IR-165 (a superset in the same positions) decode.
Importing this module registers the codec under ``iso2022_cn`` and ``iso2022_cn_ext`` and
their MIME spellings (``ISO-2022-CN``, ``ISO_2022_CN``, ``csISO2022CN``, ``-EXT`` likewise).
"""

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

_ESC, _SO, _SI = 0x1B, 0x0E, 0x0F
_LINE_ENDS = (0x0A, 0x0D)
# Escape sequences after ESC: (graphic set number, character set) designations.
_DESIGNATIONS: dict[bytes, tuple[int, str]] = {
    b"$)A": (1, "gb2312"),
    b"$)E": (1, "iso-ir-165"),
    b"$)G": (1, "cns11643-1"),
    b"$*H": (2, "cns11643-2"),
    **{b"$+" + bytes([final]): (3, f"cns11643-{final - 0x46}") for final in b"IJKLM"},
}
_SINGLE_SHIFTS = {b"N": 2, b"O": 3}  # SS2, SS3
_ASCII_TO_G0 = b"(B"
# Sets whose characters Python decodes: GB 2312 rows (GB2312 in EUC form: the high bit set).
_GB_SETS = frozenset({"gb2312", "iso-ir-165"})
# The codec's names once lower-cased with "-", "_", "." and spaces removed (IANA registry:
# ISO-2022-CN, csISO2022CN; ISO-2022-CN-EXT, csISO2022CNEXT).
_NAMES = {
    "iso2022cn": "iso2022_cn",
    "csiso2022cn": "iso2022_cn",
    "iso2022cnext": "iso2022_cn_ext",
    "csiso2022cnext": "iso2022_cn_ext",
}
CODEC_NAMES = frozenset(_NAMES.values())
# Runs read in one call: ASCII up to the next ESC, SO, SI or 8-bit byte while unshifted, the
# pairs up to the next byte outside 0x21-0x7E (ESC, SO, SI, space, CR/LF…) while SO holds.
_PLAIN = re.compile(rb"[^\x0e\x0f\x1b\x80-\xff]+")
_PAIRS = re.compile(rb"[\x21-\x7e]+")
_HIGH_BITS = bytes(byte | 0x80 for byte in range(256))  # GB 2312 pairs in EUC form
# Handlers whose answer to a CNS 11643 pair does not depend on its bytes.
_PAIRWISE_HANDLERS = frozenset({"replace", "ignore"})


def decode(data: "ReadableBuffer", errors: str = "strict", /) -> tuple[str, int]:
    """Decode ISO-2022-CN or ISO-2022-CN-EXT bytes (RFC 1922; see the module docstring).

    Args:
        data: the bytes (any bytes-like object).
        errors: a codec error handler name (``strict``, ``replace``, ``ignore``…).

    Returns:
        ``(text, bytes consumed)``, as every Python codec's decode returns.

    Raises:
        UnicodeDecodeError: with ``errors="strict"``, on a CNS 11643 character (no table in
            Python), a pair not in GB 2312, an 8-bit byte, SO or a single shift before its
            set was designated, an unknown escape sequence, or a pair cut off at the end.
    """
    raw = bytes(data)
    state = _State()
    out: list[str] = []
    index = 0
    while index < len(raw):
        run = (_PAIRS if state.shifted else _PLAIN).match(raw, index)
        if run is not None:
            text, after = _run(state, raw, run.start(), run.end(), errors)
        else:
            text, after, reason = state.step(raw, index)
            if reason is not None:
                text, after = _handled(errors, raw, index, after, reason)
        out.append(text)
        index = after
    return "".join(out), len(raw)


def _run(state: "_State", raw: bytes, start: int, end: int, errors: str) -> tuple[str, int]:
    """Decode the run ``raw[start:end]`` of plain ASCII, or of pairs while SO is in effect.

    Returns ``(text, index after what was read)``: a shifted run of odd length stops before
    its last byte, which the byte-by-byte reading then reports as an incomplete character.
    """
    if not state.shifted:
        return raw[start:end].decode("ascii"), end
    end -= (end - start) % 2
    if end == start:
        return _handled_step(state, raw, start, errors)
    charset = state.sets[1]
    if charset not in _GB_SETS:
        return _replaced_pairs(charset, raw, start, end, errors)
    try:
        return raw[start:end].translate(_HIGH_BITS).decode("gb2312"), end
    except UnicodeDecodeError as error:
        # The pairs before the failing one decoded (every GB 2312 character is two bytes);
        # the failing pair goes through the error handler, the rest of the run comes next.
        good = start + error.start - error.start % 2
        if good == start:
            return _handled_step(state, raw, start, errors)
        return raw[start:good].translate(_HIGH_BITS).decode("gb2312"), good


def _handled_step(state: "_State", raw: bytes, index: int, errors: str) -> tuple[str, int]:
    """Read one step at ``index`` as :meth:`_State.step` does, applying ``errors`` to a fault."""
    text, after, reason = state.step(raw, index)
    if reason is not None:
        text, after = _handled(errors, raw, index, after, reason)
    return text, after


def _replaced_pairs(charset: str, raw: bytes, start: int, end: int, errors: str) -> tuple[str, int]:
    """The pairs ``raw[start:end]`` of a set Python has no table for (CNS 11643), as errors.

    ``replace`` and ``ignore`` give the same text for every pair, so the run is one string;
    any other handler (``strict`` raises here) is asked about the first pair only.
    """
    reason = f"{charset} character (no table in Python)"
    if errors in _PAIRWISE_HANDLERS:
        replacement, _ = _handled(errors, raw, start, start + 2, reason)
        return replacement * ((end - start) // 2), end
    return _handled(errors, raw, start, start + 2, reason)


class _State:
    """The designations of G1-G3 and whether SO is in effect, as the bytes are read."""

    def __init__(self) -> None:
        self.sets: dict[int, str] = {}
        self.shifted = False

    def step(self, raw: bytes, index: int) -> tuple[str, int, str | None]:
        """Read what starts at ``index``: ``(text, index after it, error reason or None)``."""
        byte = raw[index]
        if byte == _ESC:
            return self._escape(raw, index)
        if byte == _SO:
            self.shifted = 1 in self.sets
            return "", index + 1, None if self.shifted else "SO before a G1 designation"
        if byte == _SI:
            self.shifted = False
            return "", index + 1, None
        if byte >= 0x80:
            return "", index + 1, "8-bit byte in 7-bit ISO-2022-CN text"
        if byte in _LINE_ENDS:
            self.shifted = False  # RFC 1922 §4: SO lasts to the end of the line at most
        if self.shifted and 0x21 <= byte <= 0x7E:
            return _character(self.sets[1], raw, index)
        return chr(byte), index + 1, None

    def _escape(self, raw: bytes, index: int) -> tuple[str, int, str | None]:
        three, one = raw[index + 1 : index + 4], raw[index + 1 : index + 2]
        if three in _DESIGNATIONS:
            graphic, charset = _DESIGNATIONS[three]
            self.sets[graphic] = charset
            return "", index + 4, None
        if one in _SINGLE_SHIFTS:
            shifted_to = self.sets.get(_SINGLE_SHIFTS[one])
            if shifted_to is None:
                return "", index + 2, "single shift before its set's designation"
            return _character(shifted_to, raw, index + 2)
        if raw[index + 1 : index + 3] == _ASCII_TO_G0:
            return "", index + 3, None
        return "", index + 1, "unknown escape sequence"


def _character(charset: str, raw: bytes, index: int) -> tuple[str, int, str | None]:
    """The double-byte character of ``charset`` at ``index``."""
    pair = raw[index : index + 2]
    if len(pair) < 2 or not all(0x21 <= byte <= 0x7E for byte in pair):
        return "", index + 1, "incomplete double-byte character"
    if charset not in _GB_SETS:
        return "", index + 2, f"{charset} character (no table in Python)"
    try:
        text = bytes(byte | 0x80 for byte in pair).decode("gb2312")
    except UnicodeDecodeError:
        return "", index + 2, f"pair not in GB 2312 ({charset})"
    return text, index + 2, None


def _handled(errors: str, raw: bytes, start: int, end: int, reason: str) -> tuple[str, int]:
    """Apply the ``errors`` handler to the bytes ``raw[start:end]``."""
    error = UnicodeDecodeError("iso2022_cn", raw, start, max(end, start + 1), reason)
    replacement, resume = codecs.lookup_error(errors)(error)
    return str(replacement), resume


def _encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    raise UnicodeEncodeError("iso2022_cn", text, 0, len(text), "only decoding is supported")


def _search(name: str) -> codecs.CodecInfo | None:
    """Codec search function: the CodecInfo for the ISO-2022-CN names, else ``None``."""
    key = name.lower().replace("-", "").replace("_", "").replace(".", "").replace(" ", "")
    codec = _NAMES.get(key)
    if codec is None:
        return None
    return codecs.CodecInfo(_encode, decode, name=codec)


codecs.register(_search)
