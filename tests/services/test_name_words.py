"""The words a requester's name is found by, and the words of a typed search: worked out by
hand from the rule (NFKD, case folding, diacritics dropped, apostrophes, hyphens and middle dots
made one, split at what is not a letter, digit or mark, suffixes of short CJK runs, CJK parts
joined, the ICAO spelling of ä ö ü å ø)."""

import pytest

from app.services.name_words import (
    MAX_SEARCH_WORDS,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    name_words,
    search_words,
)

MARY_KATE = {"mary", "kate", "mary-kate", "marykate", "o", "neill", "o'neill", "oneill"}
O_BRIEN = {"o", "brien", "o'brien", "obrien"}
JEAN_LUC = {"jean", "luc", "jean-luc", "jeanluc"}
SASAKI = {"佐々木", "々木", "木", "さくら", "くら", "ら", "佐々木さくら", "々木さくら", "木さくら"}
ABDULLAH = {"阿卜杜拉", "卜杜拉", "杜拉", "拉", "买买提", "买提", "提"} | {
    "阿卜杜拉买买提",
    "卜杜拉买买提",
    "杜拉买买提",
    "拉买买提",
}
JOHN_SMITH = {
    "ジョン",
    "ョン",
    "ン",
    "スミス",
    "ミス",
    "ス",
    "ジョンスミス",
    "ョンスミス",
    "ンスミス",
}
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
        # Accents are dropped, case is folded (ß folds to ss), full-width letters become ASCII.
        ("Élodie Dupré", {"elodie", "dupre"}),
        ("ÉLODIE", {"elodie"}),
        ("Straße", {"strasse"}),
        ("ＳＭＩＴＨ", {"smith"}),
        ("Novák", {"novak"}),
        ("Łódź Nowak", {"lodz", "nowak"}),
        ("Đặng Thị Ngọc", {"dang", "thi", "ngoc"}),
        ("Æsir Œuvre Þór Guðrún", {"aesir", "oeuvre", "thor", "gudrun"}),
        ("İlkay Iğdır Hałas Ħal Ŧ", {"ilkay", "igdir", "halas", "hal", "t"}),
        # ä ö ü å ø also as ICAO Doc 9303 spells them in a passport's machine-readable zone.
        ("Jörg Müller", {"jorg", "joerg", "muller", "mueller"}),
        ("Søren Sørensen", {"soren", "soeren", "sorensen", "soerensen"}),
        ("Åsa", {"asa", "aasa"}),
        ("Zoë García", {"zoe", "garcia"}),  # ë and í: no ICAO spelling of their own
        # A decomposed accent (e + U+0301) is dropped alike.
        ("Ele\u0301onore", {"eleonore"}),
        # Other scripts: Cyrillic and Greek are case-folded and lose their accents; Arabic
        # and Hebrew keep their letters without vowel points, hamza seats or kashida;
        # Devanagari and Thai keep their vowel signs (letters' parts, not accents).
        ("Иван ПЕТРОВ", {"иван", "петров"}),
        ("Фёдор", {"федор"}),
        ("محمد علي", {"محمد", "علي"}),
        ("مُحَمَّد", {"محمد"}),
        ("محـــمد أحمد", {"محمد", "احمد"}),
        ("שָׁלוֹם", {"שלום"}),
        ("कुमार", {"कुमार"}),
        ("สมชาย", {"สมชาย"}),
        # Case folding makes the final sigma ς a σ, as it does for the typed text.
        ("Δημήτρης Παπαδόπουλος", {"δημητρησ", "παπαδοπουλοσ"}),
        # CJK runs: the run and each of its suffixes (the given name after the family name).
        ("王芳", {"王芳", "芳"}),
        ("欧阳娜娜", {"欧阳娜娜", "阳娜娜", "娜娜", "娜"}),
        # Parts wholly in CJK script are joined too: found with or without the space.
        ("山田 太郎", {"山田", "田", "太郎", "郎", "山田太郎", "田太郎"}),
        ("山田太郎", {"山田太郎", "田太郎", "太郎", "郎"}),
        ("司马 懿", {"司马", "马", "懿", "司马懿", "马懿"}),
        ("司马\u3000懿", {"司马", "马", "懿", "司马懿", "马懿"}),  # ideographic space
        ("佐々木 さくら", SASAKI),
        ("김민준", {"김민준", "민준", "준"}),
        ("김 민준", {"김", "민준", "준", "김민준"}),
        # A middle dot of any kind between CJK characters separates them as a space does.
        ("阿卜杜拉·买买提", ABDULLAH),
        ("阿卜杜拉・买买提", ABDULLAH),
        ("阿卜杜拉 ‧ 买买提", ABDULLAH),
        ("ジョン・スミス", JOHN_SMITH),
        # Between Latin letters it is punctuation (Catalan l·l).
        ("Gal·la", {"gal", "la", "gal·la", "galla"}),
        # Traditional characters are indexed in their Simplified form (test_name_words_han.py).
        ("陳大文", {"陈大文", "大文", "文"}),
        # A CJK run next to Latin letters is a word of its own.
        ("李Anna", {"李", "anna", "李anna"}),
        # NFKC makes the full-width bracket ASCII: "张三(zhang" is one part, joined as well.
        ("张三（Zhang San）", ZHANG_SAN),
        # Digits are word characters; punctuation, symbols and emoji are not, but a part
        # holding them is kept as written (a typed word is looked for literally).
        ("Louis XIV 2nd", {"louis", "xiv", "2nd"}),
        ("😀 Anna 👍🏽", {"😀", "anna", "👍🏽"}),
        # Invisible characters are dropped: variation selectors, bidi marks, zero-width
        # spaces, soft hyphens (a Japanese name's ideographic variant is the same name).
        ("Anna\ufe0f", {"anna"}),
        ("葛\U000e0100城", {"葛城", "城"}),
        ("\u200fمحمد\u200f \u202eAnna\u202c", {"محمد", "anna"}),
        ("Jo\u200bhn Smi\u00adth", {"john", "smith"}),
        # Apostrophes, hyphens of every kind are one.
        ("O’Brien", O_BRIEN),
        ("O‘Brien", O_BRIEN),
        ("Oʼbrien", O_BRIEN),
        ("O`Brien", O_BRIEN),
        ("O´Brien", O_BRIEN),
        ("O＇Brien", O_BRIEN),
        ("Jean‐Luc", JEAN_LUC),
        ("Jean‑Luc", JEAN_LUC),
        ("Jean–Luc", JEAN_LUC),
        ("Jean−Luc", JEAN_LUC),
        ("Jean－Luc", JEAN_LUC),
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
        ("ÉLODIE", ("elodie",)),
        ("Novák", ("novak",)),
        ("Müller", ("muller",)),  # typed: the plain spelling only
        ("O’Brien", ("o'brien",)),
        ("jean–luc", ("jean-luc",)),
        ("司马 懿", ("司马", "懿")),
        ("司马\u3000懿", ("司马", "懿")),
        ("阿卜杜拉・买买提", ("阿卜杜拉", "买买提")),
        ("\u200fsmith\u200e", ("smith",)),
        ("\u200f", ()),
        ("\u0000", ("\x00",)),
        ("😀", ("😀",)),
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


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Novák", ["novak", "Novák", "NOVAK", "nova\u0301k", "nov"]),
        ("Novak", ["Novák", "novák"]),
        ("Łódź Nowak", ["lodz", "Łódź", "łódź", "LODZ", "Nowak", "NOWAK", "nowak lodz"]),
        ("Müller", ["muller", "mueller", "Müller", "MÜLLER", "Mu\u0308ller"]),
        ("Sørensen", ["sorensen", "soerensen", "Sørensen"]),
        ("Đặng Văn Lâm", ["dang", "Đặng", "dang van lam", "lâm"]),
        ("Straße", ["strasse", "STRASSE", "STRAẞE", "straße"]),
        ("Æsir", ["AEsir", "aesir", "æsir", "Æsir"]),
        ("O’Brien", ["O'Brien", "o’b", "oʼbrien", "o`brien", "o´brien", "o＇brien", "obrien"]),
        ("O'Brien", ["O’Brien", "O‘Brien", "Oʼbrien"]),
        ("Jean‐Luc Picard", ["jean-luc", "Jean‑Luc", "jean–luc", "jean−luc", "jean－luc"]),
        ("Jean-Luc Picard", ["jean‐luc", "jean‑l"]),
        ("司马 懿", ["司马懿", "司马 懿", "马懿", "懿", "司马"]),
        ("司马懿", ["司马 懿", "司马\u3000懿", "司马懿", "懿"]),
        ("王 芳", ["王芳", "王 芳", "芳"]),
        ("王芳", ["王 芳", "王芳"]),
        (
            "阿卜杜拉·买买提",
            ["阿卜杜拉·买买提", "阿卜杜拉・买买提", "阿卜杜拉 买买提", "阿卜杜拉买买提", "买买提"],
        ),
        ("阿卜杜拉 买买提", ["阿卜杜拉·买买提", "阿卜杜拉买买提"]),
        ("مُحَمَّد", ["محمد", "مُحَمَّد"]),
        ("\u200fAnna\u200f Smith", ["anna", "\u200banna smith"]),
    ],
)
def test_a_name_is_found_however_it_is_typed(name: str, typed: list[str]) -> None:
    words = name_words(name)
    for text in typed:
        assert all(any(w.startswith(t) for w in words) for t in search_words(text)), text
        assert search_words(text), text


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Novák", "novy"),
        ("Mueller", "Müller"),  # the ICAO spelling is the name's, not the typed text's
        ("陈大文", "陳小文"),  # 陳 is 陈, but 小 is not 大
        ("Jean-Luc", "jean_luc"),
        ("王芳", "芳王"),
    ],
)
def test_what_is_not_found(name: str, typed: str) -> None:
    words = name_words(name)
    assert not all(any(w.startswith(t) for w in words) for t in search_words(typed))


@pytest.mark.parametrize(
    "hostile",
    [
        "%",
        "_",
        "'",
        "\\",
        "\u0000",
        "\u200f\u202e",
        "😀👍🏽",
        "' OR '1'='1",
        "\ud7ff",
        "\U0010ffff",
    ],
)
def test_a_hostile_name_gives_a_few_literal_words(hostile: str) -> None:
    long = hostile * 10_000
    for name in (hostile, long, f"Anna {hostile} Smith"):
        words = name_words(name)
        assert len(words) <= MAX_WORDS
        assert all(0 < len(w) <= MAX_WORD_LENGTH for w in words)
    assert {"anna", "smith"} <= name_words(f"Anna {hostile} Smith")


def test_a_ten_thousand_character_name_is_cut_alike_in_the_name_and_the_search() -> None:
    name = "Łódź" * 2500
    (typed,) = search_words(name)
    assert typed == "lodz" * 16
    assert typed in name_words(name)
