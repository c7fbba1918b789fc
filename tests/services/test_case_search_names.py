"""The case list's search finds a requester's name however it is typed: without accents or
with them, with any apostrophe, hyphen or middle dot, CJK names with or without the space
between family and given name (``app.models.name_words``), through the stored word index."""

import pytest

from app.services.case_search import CaseQuery
from app.store import Database
from tests.services.case_search_requesters import Requesters
from tests.services.test_case_search import TODAY, found

REQUESTERS = Requesters(
    [
        "Łódź Nowak",
        "Novák",
        "Jörg Müller",
        "Søren Sørensen",
        "Đặng Văn Lâm",
        "O’Brien",
        "Jean‐Luc Picard",
        "司马 懿",
        "王芳",
        "阿卜杜拉·买买提",
        "Æsir Straße",
        "Novak",
        "陈大文",
        "100%_Off\\Ltd O'Hara",
        "x" * 10_000,
        "\u200fمُحَمَّد\u200f",
        "😀 Emoji",
    ]
)


named = REQUESTERS.cases_of


@pytest.fixture
def requesters(database: Database) -> Database:
    return REQUESTERS.add_to(database)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lodz", named("Łódź Nowak")),
        ("łódź", named("Łódź Nowak")),
        ("Nowak", named("Łódź Nowak")),
        ("NOWAK", named("Łódź Nowak")),
        ("ŁÓDŹ nowak", named("Łódź Nowak")),
        ("novak", named("Novák", "Novak")),
        ("Novák", named("Novák", "Novak")),
        ("NOVA\u0301K", named("Novák", "Novak")),
        ("muller", named("Jörg Müller")),
        ("mueller", named("Jörg Müller")),
        ("Müller", named("Jörg Müller")),
        ("joerg mu", named("Jörg Müller")),
        ("sorensen", named("Søren Sørensen")),
        ("soerensen", named("Søren Sørensen")),
        ("dang", named("Đặng Văn Lâm")),
        ("Đặng", named("Đặng Văn Lâm")),
        ("O'Brien", named("O’Brien")),
        ("o’b", named("O’Brien")),
        ("oʼbrien", named("O’Brien")),
        ("obrien", named("O’Brien")),
        ("o'hara", named("100%_Off\\Ltd O'Hara")),
        ("O’Hara", named("100%_Off\\Ltd O'Hara")),
        ("jean-luc", named("Jean‐Luc Picard")),
        ("Jean–Luc", named("Jean‐Luc Picard")),
        ("jeanluc", named("Jean‐Luc Picard")),
        ("司马懿", named("司马 懿")),
        ("司马 懿", named("司马 懿")),
        ("司马\u3000懿", named("司马 懿")),
        ("懿", named("司马 懿")),
        ("王 芳", named("王芳")),
        ("王芳", named("王芳")),
        ("阿卜杜拉・买买提", named("阿卜杜拉·买买提")),
        ("阿卜杜拉‧买买提", named("阿卜杜拉·买买提")),
        ("阿卜杜拉买买提", named("阿卜杜拉·买买提")),
        ("买买提", named("阿卜杜拉·买买提")),
        ("aesir", named("Æsir Straße")),
        ("AEsir", named("Æsir Straße")),
        ("STRASSE", named("Æsir Straße")),
        ("陈", named("陈大文")),
        ("陳大文", named("陈大文")),  # Traditional: folded to Simplified
        ("محمد", named("\u200fمُحَمَّد\u200f")),
        ("😀", named("😀 Emoji")),
        ("x" * 10_000, named("x" * 10_000)),
        # Hostile text: literal, never a wildcard; invisible characters alone search nothing.
        ("%", set()),
        ("_", set()),
        ("'", set()),
        ("\\", set()),
        ("\u0000", set()),
        ("' OR '1'='1", set()),
        ("100%_", named("100%_Off\\Ltd O'Hara")),
        ("\u200f\u202e", set(named(*REQUESTERS.names))),
    ],
)
def test_a_name_is_found_however_it_is_typed(
    requesters: Database, text: str, expected: set[str]
) -> None:
    assert found(requesters, CaseQuery(TODAY, text=text)) == expected
