"""How plausible a decoded CJK text is: the measure that picks among CJK codecs.

Each national character set orders its characters by frequency: GB 2312 level 1 (rows
16-55, lead bytes 0xB0-0xD7) holds the 3,755 most used Simplified hanzi, Big5 level 1
(0xA440-0xC67E) the 5,401 "frequently used" Traditional ones, JIS X 0208 level 1 (Shift_JIS
0x889F-0x9872) the 2,965 common kanji. Text read with the right codec is made almost only of
such characters plus the language's own script (kana, Hangul) and punctuation; bytes read with
a wrong codec give rare characters, private-use code points and stray kana or jamo.
"""

import unicodedata
from functools import lru_cache

# Japanese text writes kana between its kanji; a wrong decoding of Chinese bytes yields a
# few isolated kana (GB 2312 rows 4-5 are kana). Below this share kana count as noise.
_JAPANESE_KANA_SHARE = 0.2


def plausible_share(text: str) -> float:
    """Share of a text's non-ASCII characters that are usual in the CJK language it reads as.

    Args:
        text: decoded text.

    Returns:
        A fraction from 0.0 to 1.0; 1.0 for text without non-ASCII letters.
    """
    wide = [char for char in text if ord(char) > 0x7F and not char.isspace()]
    if not wide:
        return 1.0
    kana = sum(1 for char in wide if "\u3041" <= char <= "\u30ff")
    japanese = kana >= _JAPANESE_KANA_SHARE * len(wide)
    return sum(1 for char in wide if _usual(char, japanese)) / len(wide)


@lru_cache(maxsize=16384)
def _usual(char: str, japanese: bool) -> bool:
    if "\u3041" <= char <= "\u30ff":
        return japanese
    if "\uac00" <= char <= "\ud7a3":
        return True  # Hangul syllables: KS X 1001 leaves only rare ones out
    if _is_frequent_han(char, japanese):
        return True
    return unicodedata.category(char)[0] in "PS" and unicodedata.category(char) != "So"


def _is_frequent_han(char: str, japanese: bool) -> bool:
    """Japanese text uses Japanese kanji (a Simplified-only 绩 beside kana is a misreading);
    Chinese text either Simplified or Traditional characters."""
    if japanese:
        return 0x889F <= _pair(_code(char, "shift_jis")) <= 0x9872
    return (
        0xB0 <= _code(char, "gb2312")[0] <= 0xD7 or 0xA440 <= _pair(_code(char, "big5")) <= 0xC67E
    )


def _code(char: str, codec: str) -> bytes:
    try:
        encoded = char.encode(codec)
    except UnicodeEncodeError:
        return b"\x00\x00"
    return encoded if len(encoded) == 2 else b"\x00\x00"


def _pair(code: bytes) -> int:
    return code[0] << 8 | code[1]
