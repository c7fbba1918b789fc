"""Text decoded with the charset its MIME part declares, and whether that label was wrong.

A declared charset is usually right, but mail gateways and old clients relabel text: Big5
bytes from Hong Kong or Taiwan labelled ``gb2312``, GB18030 bytes labelled ``big5``, UTF-8
labelled ``gbk``. Strictness alone does not catch the CJK cases, because GB18030 accepts almost
any byte pair (Big5 "本人要求刪除" reads as "セ璶―埃" in it): the declared reading is also
compared with the other CJK readings by how plausible their characters are
(``cjk.plausible_share``). A label that fails either way is reported so that the case is
flagged ``charset_mismatch`` and a person reads the original (QA9 M7).
"""

import codecs
from dataclasses import dataclass

from app.services.intake.cjk import plausible_share
from app.services.intake.decoding import (
    CJK_CANDIDATES,
    cjk_instead,
    codec_name,
    decode_text,
    iso_2022_mislabelled,
    iso_2022_unreadable,
    label_doubtful,
    sniff_text,
    strict_text,
)

# Codecs whose readings are compared with the declared one when it is a CJK codec.
_ALTERNATIVES = CJK_CANDIDATES
# Python's names of the CJK codecs a label may name, their supersets and vendor variants.
_CJK_CODECS = frozenset(
    {*CJK_CANDIDATES, "big5hkscs", "cp950", "cp932", "cp949", "euc_jis_2004", "shift_jis_2004"}
)
_NOT_BYTE_ORIENTED = frozenset(
    {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
# How much more plausible another reading must be than the declared one to overrule it: a
# right reading scores near 1.0, a wrong one rarely above 0.5 (cjk.py), so a margin of 0.3
# never overrules a right label on a few rare characters (镕, 喆 in a GB text).
_OVERRULE_MARGIN = 0.3


@dataclass(frozen=True)
class DecodedText:
    """A part's text and whether its declared charset had to be overruled."""

    text: str
    charset_mismatch: bool


def decode_declared(data: bytes, label: str | None) -> DecodedText:
    """Decode a part's bytes with its declared charset, or by detection where it does not fit.

    Args:
        data: the part's bytes (after transfer decoding).
        label: the declared charset label, or ``None``.

    Returns:
        The text as ``decoding.decode_text`` reads it, except that valid multi-byte UTF-8
        under another byte-oriented label is read as UTF-8, and a CJK label whose reading is
        far less plausible than another CJK reading gives way to that reading;
        ``charset_mismatch`` is set whenever a known label did not give the text: it failed
        strictly, or the text is another reading than the label's (UTF-8 or GBK under
        ISO-8859-1, Shift_JIS under windows-1252, UTF-8 under GBK, ISO-2022-JP under
        us-ascii, Big5 under gb2312…; QA14 F3). Pure ASCII, and text that really is in its
        label's code page (German or French under ISO-8859-1, Polish under windows-1250),
        read as labelled and are no mismatch; nor is a missing or unknown label.
    """
    codec = codec_name(label)
    if iso_2022_unreadable(data):
        return DecodedText(decode_text(data, label), charset_mismatch=True)
    text = _reading(data, label, codec)
    # The label's own reading (``None`` when it fails strictly) against the text read.
    mismatch = codec is not None and text != strict_text(data, codec)
    return DecodedText(text, charset_mismatch=mismatch)


def _reading(data: bytes, label: str | None, codec: str | None) -> str:
    """The text of ``data``: as ``decode_text`` reads it, or another CJK or UTF-8 reading
    where the label does not fit (see ``decode_declared``)."""
    if codec is None or iso_2022_mislabelled(codec, data) or label_doubtful(codec, data):
        return decode_text(data, label)
    declared = strict_text(data, codec)
    if declared is None:
        return sniff_text(data, fallback=codec)
    as_utf8 = _utf8_instead(data, codec)
    if as_utf8 is not None:
        return as_utf8
    return _more_plausible_reading(data, codec, declared) or cjk_instead(data, codec) or declared


def _utf8_instead(data: bytes, codec: str) -> str | None:
    """UTF-8 text under another byte-oriented label (windows-1251, gbk, big5…): non-ASCII text
    in those code pages is practically never valid multi-byte UTF-8, so valid UTF-8 is the
    truth and the label a gateway's mistake. UTF-16/32 labels are left alone: their ASCII
    halves are valid UTF-8 too."""
    if data.isascii() or codecs.lookup(codec).name in _NOT_BYTE_ORIENTED:
        return None
    return strict_text(data, "utf-8")


def _more_plausible_reading(data: bytes, codec: str, declared: str) -> str | None:
    """Another reading of CJK-labelled bytes that is clearly more plausible, if any."""
    if data.isascii() or codecs.lookup(codec).name not in _CJK_CODECS:
        return None
    floor = plausible_share(declared) + _OVERRULE_MARGIN
    readings = [strict_text(data, other) for other in _ALTERNATIVES if other != codec]
    scored = [(plausible_share(text), text) for text in readings if text]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= floor else None
