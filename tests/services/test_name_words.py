"""The words a requester's name is found by, and the words of a typed search: worked out by
hand from the rule (NFKC, case folding, split at what is not a letter, digit or mark, suffixes
of short CJK runs)."""

import pytest

from app.services.name_words import (
    MAX_SEARCH_WORDS,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    name_words,
    search_words,
)

MARY_KATE = {"mary", "kate", "mary-kate", "marykate", "o", "neill", "o’neill", "oneill"}
ZHANG_SAN = {"张三", "三", "zhang", "张三(zhang", "张三zhang", "san", "san)"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna Smith", {"anna", "smith"}),
        ("Smith, Anna", {"smith", "smith,", "anna"}),
        ("  ANNA   smith  ", {"anna", "smith"}),
        # Punctuation separates pieces; the part is also kept as written and joined up.
        ("Jean-Luc Picard", {"jean", "luc", "jean-luc", "jeanluc", "picard"}),
        ("O'Brien", {"o", "brien", "o'brien", "obrien"}),
        ("Mary-Kate O’Neill", MARY_KATE),
        # Accents are kept, case is folded (ß folds to ss), full-width letters become ASCII.
        ("Élodie Dupré", {"élodie", "dupré"}),
        ("ÉLODIE", {"élodie"}),
        ("Straße", {"strasse"}),
        ("ＳＭＩＴＨ", {"smith"}),
        ("Jörg Müller", {"jörg", "müller"}),
        # A decomposed accent (e + U+0301) is composed by NFKC: the same word as "é".
        ("Ele\u0301onore", {"eléonore"}),
        # Other scripts: Cyrillic is case-folded, Arabic keeps its letters and vowel marks.
        ("Иван ПЕТРОВ", {"иван", "петров"}),
        ("محمد علي", {"محمد", "علي"}),
        ("مُحَمَّد", {"مُحَمَّد"}),
        # Case folding makes the final sigma ς a σ, as it does for the typed text.
        ("Δημήτρης Παπαδόπουλος", {"δημήτρησ", "παπαδόπουλοσ"}),
        # CJK runs: the run and each of its suffixes (the given name after the family name).
        ("王芳", {"王芳", "芳"}),
        ("欧阳娜娜", {"欧阳娜娜", "阳娜娜", "娜娜", "娜"}),
        ("山田 太郎", {"山田", "田", "太郎", "郎"}),
        ("山田太郎", {"山田太郎", "田太郎", "太郎", "郎"}),
        ("佐々木 さくら", {"佐々木", "々木", "木", "さくら", "くら", "ら"}),
        ("김민준", {"김민준", "민준", "준"}),
        # A CJK run next to Latin letters is a word of its own.
        ("李Anna", {"李", "anna", "李anna"}),
        # NFKC makes the full-width bracket ASCII: "张三(zhang" is one part, joined as well.
        ("张三（Zhang San）", ZHANG_SAN),
        # Digits are word characters; punctuation, symbols and emoji are not, but a part
        # holding them is kept as written (a typed word is looked for literally).
        ("Louis XIV 2nd", {"louis", "xiv", "2nd"}),
        ("😀 Anna 👍🏽", {"😀", "anna", "👍🏽"}),
        ("Anna\ufe0f", {"anna", "anna\ufe0f"}),
        ("O'Brien_%", {"o", "brien", "o'brien_%", "obrien"}),
        ("'; DROP TABLE case; --", {"';", "drop", "table", "case", "case;", "--"}),
        ("50%_off\\sale", {"50", "off", "sale", "50%_off\\sale", "50offsale"}),
        ("\\%_'", {"\\%_'"}),
        ("", set()),
        ("   ", set()),
        (None, set()),
    ],
)
def test_name_words(name: str | None, expected: set[str]) -> None:
    assert name_words(name) == expected


def test_a_long_cjk_run_gets_no_suffixes() -> None:
    nine = "一二三四五六七八九"
    assert name_words(nine) == {nine}
    eight = nine[:8]
    assert name_words(eight) == {eight[start:] for start in range(8)}


def test_a_pasted_huge_name_adds_a_bounded_number_of_short_words() -> None:
    assert name_words("x" * 100_000) == {"x" * MAX_WORD_LENGTH}
    many = " ".join(f"w{n:05d}" for n in range(20_000))
    words = name_words(many)
    assert len(words) == MAX_WORDS
    assert words == {f"w{n:05d}" for n in range(MAX_WORDS)}  # the start of the name
    assert len(name_words("山" * 100_000)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith", ("smith",)),
        ("smith anna", ("smith", "anna")),
        ("anna sm", ("anna", "sm")),
        ("ÉLODIE", ("élodie",)),
        ("STRASSE", ("strasse",)),
        ("Straße", ("strasse",)),
        ("O'Brien__", ("o'brien__",)),  # literally, as typed
        ("smith,", ("smith,",)),
        ("娜娜", ("娜娜",)),
        # A typed word starting another adds nothing: any name matching "anna" matches "an".
        ("an anna", ("anna",)),
        ("smith smith", ("smith",)),
        # Of many words the longest are kept.
        ("a bb ccc dddd eeeee", ("eeeee", "dddd", "ccc", "bb")),
        ("%", ("%",)),
        ("\\", ("\\",)),
        ("  ", ()),
        ("", ()),
    ],
)
def test_search_words(text: str, expected: tuple[str, ...]) -> None:
    assert search_words(text) == expected
    assert len(search_words(text)) <= MAX_SEARCH_WORDS


def test_a_typed_word_longer_than_a_kept_word_is_cut_alike() -> None:
    name = "x" * 100
    (typed,) = search_words(name)
    assert typed in name_words(name)
