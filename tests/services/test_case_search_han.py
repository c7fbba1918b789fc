"""The case list's search finds a Chinese name in Traditional or Simplified characters,
whichever is typed (陈 finds 陳大文, 陳 finds 陈大文; 張偉 and 张伟 both ways), and Japanese
names in their old or new kanji, through the stored word index
(``app.models.han_folding``); names are listed as written. Run on PostgreSQL too
(tests/team/test_case_search_han_backends.py)."""

import pytest

from app.services.case_search import CaseQuery, search_cases
from app.store import Database
from tests.services.case_search_requesters import Requesters
from tests.services.test_case_search import TODAY, found

REQUESTERS = Requesters(
    [
        "陳大文",  # Hong Kong, Traditional
        "陈小明",  # mainland, Simplified
        "張偉",
        "张伟",
        "陳 Anna Smith",  # mixed
        "Anna Smith",
        "渡邊 太郎",  # Japanese, old form of 辺
        "斎藤 花子",  # Japanese, new form of 齋
        "王芸",  # 芸 is a Chinese character of its own, not 藝/艺
        "王艺",
        "司馬懿",
    ]
)


named = REQUESTERS.cases_of


@pytest.fixture
def requesters(database: Database) -> Database:
    return REQUESTERS.add_to(database)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("陈", named("陳大文", "陈小明", "陳 Anna Smith")),
        ("陳", named("陳大文", "陈小明", "陳 Anna Smith")),
        ("陈大文", named("陳大文")),
        ("陳大文", named("陳大文")),
        ("陳小明", named("陈小明")),
        ("大文", named("陳大文")),
        ("陳 大文", named("陳大文")),
        ("張偉", named("張偉", "张伟")),
        ("张伟", named("張偉", "张伟")),
        ("偉", named("張偉", "张伟")),
        ("张", named("張偉", "张伟")),
        ("anna 陈", named("陳 Anna Smith")),
        ("Anna Smith", named("陳 Anna Smith", "Anna Smith")),
        ("smith", named("陳 Anna Smith", "Anna Smith")),
        ("渡辺", named("渡邊 太郎")),
        ("渡边 太郎", named("渡邊 太郎")),
        ("渡邊", named("渡邊 太郎")),
        ("齋藤", named("斎藤 花子")),
        ("斋藤花子", named("斎藤 花子")),
        ("王芸", named("王芸")),
        ("王艺", named("王艺")),
        ("王藝", named("王艺")),
        ("司马懿", named("司馬懿")),
        ("马懿", named("司馬懿")),
    ],
)
def test_a_chinese_name_is_found_in_either_script(
    requesters: Database, text: str, expected: set[str]
) -> None:
    assert found(requesters, CaseQuery(TODAY, text=text)) == expected


def test_the_names_are_listed_as_written(requesters: Database) -> None:
    with requesters.session() as session:
        page = search_cases(session, CaseQuery(TODAY, text="张伟", limit=10))
    assert {row.requester_name for row in page.rows} == {"張偉", "张伟"}
