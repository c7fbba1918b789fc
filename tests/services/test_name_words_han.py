"""Han characters in name words and typed searches: Traditional, Simplified and Japanese forms
of one character fold alike (``app.models.han_folding``, from OpenCC's tables), so each finds
the others; other scripts are untouched. Expected words worked out by hand from the rule of
``app.models.name_words`` (the run and its suffixes, parts joined) with the Simplified forms
of the Xinhua/OpenCC tables (陳→陈, 張→张, 偉→伟, 邊→边, 齋→斋, 國→国)."""

import unicodedata

import pytest

from app.models.han_folding import han_folding
from app.services.name_words import folded, name_words, search_words

# CJK ranges of the word rule: a folded character must stay in them, or the words would split
# differently (app.models.name_words._CJK_RANGES, Han part).
_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("陳大文", {"陈大文", "大文", "文"}),
        ("陈大文", {"陈大文", "大文", "文"}),
        ("張偉", {"张伟", "伟"}),
        ("张伟", {"张伟", "伟"}),
        ("司馬 懿", {"司马", "马", "懿", "司马懿", "马懿"}),
        # Mixed names: a Han run beside Latin letters is a piece of its own.
        ("陳Tai Man", {"陈", "tai", "陈tai", "man"}),
        ("陳大文 (Chan Tai Man)", {"陈大文", "大文", "文", "chan", "(chan", "tai", "man", "man)"}),
        ("李 Anna-陳", {"李", "anna", "陈", "anna-陈", "anna陈"}),
        # Latin, Cyrillic, kana: unchanged.
        ("Anna Smith", {"anna", "smith"}),
        ("Łódź Nowak", {"lodz", "nowak"}),
        ("Иван", {"иван"}),
        ("さくら", {"さくら", "くら", "ら"}),
        # Japanese kanji: old forms (kyūjitai) and the new Japanese ones (shinjitai) both fold
        # to the Simplified form.
        ("渡邊 太郎", {"渡边", "边", "太郎", "郎", "渡边太郎", "边太郎"}),
        ("渡辺 太郎", {"渡边", "边", "太郎", "郎", "渡边太郎", "边太郎"}),
        ("斎藤", {"斋藤", "藤"}),
        ("齋藤", {"斋藤", "藤"}),
        ("國", {"国"}),
        # A compatibility ideograph (U+F914) and a Kangxi radical (U+2FA8) are their unified
        # characters 樂 and 門 (NFKD), then folded.
        ("\uf914", {"乐"}),
        ("\u2fa8", {"门"}),
    ],
)
def test_name_words_fold_han(name: str, expected: set[str]) -> None:
    assert name_words(name) == expected


@pytest.mark.parametrize(
    "forms",
    [
        "陳陈",
        "張张",
        "偉伟",
        # One Simplified character for several Traditional ones: all fold alike.
        "乾干幹",
        "後后",
        "髮發发",
        "著着",
        "臺台颱檯",
        "裡裏里",
        # A second Simplified candidate of OpenCC: 鍾 is 钟, and 锺 in Simplified surnames;
        # 餘 is 余 and 馀; 麴 is 曲 and 麹.
        "鍾鐘钟锺",
        "餘余馀",
        "麴麹曲",
        # Japanese shinjitai and the Chinese forms of the same character.
        "邊辺边",
        "齋斎斋",
        "澤沢泽",
        "廣広广",
    ],
)
def test_forms_of_one_character_fold_alike(forms: str) -> None:
    assert len({folded(character) for character in forms}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A Japanese new form that is also a Chinese character of its own stays apart:
        # 芸 (yún, a given name) is not 藝/艺, 予 (yǔ) not 豫, 欠 not 缺, 浜 (bāng) not 濱/滨.
        ("芸", "艺"),
        ("連", "联"),
        ("予", "豫"),
        ("欠", "缺"),
        ("浜", "滨"),
        ("陈", "东"),
        ("王", "玉"),
    ],
)
def test_different_characters_stay_apart(first: str, second: str) -> None:
    assert folded(first) != folded(second)


def test_a_typed_search_is_folded_alike() -> None:
    assert search_words("陳 大文") == ("大文", "陈")
    assert search_words("張偉") == search_words("张伟") == ("张伟",)
    assert search_words("Anna 陳") == ("anna", "陈")


def test_the_folding_is_idempotent_keeps_length_and_stays_han() -> None:
    folding = han_folding()
    assert len(folding) > 4000  # the table's 4,118 characters and OpenCC's other forms
    assert all(ord(target) not in folding for target in folding.values())  # once is enough
    assert all(len(target) == 1 for target in folding.values())
    for character in [chr(code) for code in folding] + list(folding.values()):
        assert any(low <= ord(character) <= high for low, high in _HAN), hex(ord(character))
        assert unicodedata.normalize("NFC", character) == character


def test_every_listed_character_is_folded_in_a_name() -> None:
    table = han_folding()
    assert {chr(code): folded(chr(code)) for code in table} == {
        chr(code): target for code, target in table.items()
    }
