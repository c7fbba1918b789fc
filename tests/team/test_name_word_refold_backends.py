"""Revision 0010 on PostgreSQL: going down gives the names revision 0008's words, going up
again the words the model writes (the revision runs on the DB-API cursor: its parameter
marks must suit psycopg as well as SQLite)."""

from app.services.name_words import name_words
from tests.team.conftest import TeamServer
from tests.team.name_word_revisions import words_down_and_up

NAMES = ["Łódź Nowak", "Anna Smith", "司马 懿", "王芳", "O’Brien", "Jörg Müller", None]


def test_the_words_are_rewritten_down_and_up_on_postgresql(team_server: TeamServer) -> None:
    ids, down, up = words_down_and_up(team_server, NAMES, "0009")
    assert down[ids["Łódź Nowak"]] == {"łódź", "nowak"}
    assert down[ids["司马 懿"]] == {"司马", "马", "懿"}
    assert down[ids["O’Brien"]] == {"o", "brien", "o’brien", "obrien"}
    assert down[ids["Anna Smith"]] == {"anna", "smith"}
    assert up == {ids[n]: set(name_words(n)) for n in NAMES if n is not None}
    assert up[ids["Łódź Nowak"]] == {"lodz", "nowak"}
    assert up[ids["司马 懿"]] == {"司马", "马", "懿", "司马懿", "马懿"}
    assert up[ids["O’Brien"]] == {"o", "brien", "o'brien", "obrien"}
