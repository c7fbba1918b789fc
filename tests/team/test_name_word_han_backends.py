"""Revision 0011 on PostgreSQL: going down gives names holding a Traditional (or Japanese)
character revision 0010's words, going up again the folded words the model writes (the
revision runs on the DB-API cursor: its parameter marks must suit psycopg too)."""

from app.services.name_words import name_words
from tests.team.conftest import TeamServer
from tests.team.name_word_revisions import words_down_and_up

NAMES = ["陳大文", "張偉", "张伟", "渡邊 太郎", "Anna Smith", "Łódź Nowak", None]


def test_the_words_are_rewritten_down_and_up_on_postgresql(team_server: TeamServer) -> None:
    ids, down, up = words_down_and_up(team_server, NAMES, "0010")
    assert down[ids["陳大文"]] == {"陳大文", "大文", "文"}
    assert down[ids["張偉"]] == {"張偉", "偉"}
    assert down[ids["渡邊 太郎"]] == {"渡邊", "邊", "太郎", "郎", "渡邊太郎", "邊太郎"}
    assert down[ids["张伟"]] == {"张伟", "伟"}
    assert down[ids["Anna Smith"]] == {"anna", "smith"}
    assert up == {ids[n]: set(name_words(n)) for n in NAMES if n is not None}
    assert up[ids["陳大文"]] == {"陈大文", "大文", "文"}
    assert up[ids["張偉"]] == up[ids["张伟"]] == {"张伟", "伟"}
    assert up[ids["渡邊 太郎"]] == {"渡边", "边", "太郎", "郎", "渡边太郎", "边太郎"}
