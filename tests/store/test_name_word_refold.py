"""Revision 0010: the words of every stored name are rewritten with the rule that folds
accents, apostrophes and CJK spaces — the same words as the model writes (the revision keeps
its own copy of the rule, checked here against the app's) — and going down restores
revision 0008's words."""

import importlib.util
import random
from pathlib import Path
from types import ModuleType

from alembic import command
from sqlalchemy import text

from app.services.name_words import name_words
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic

VERSIONS = Path(__file__).parents[2] / "app" / "store" / "migrations" / "versions"
NAMES = [
    "Anna Smith",
    "Łódź Nowak",
    "Jörg Müller",
    "Søren Sørensen",
    "Đặng Văn Lâm",
    "O’Brien",
    "Jean‐Luc Picard",
    "司马 懿",
    "阿卜杜拉·买买提",
    "欧阳娜娜",
    "Æsir Straße",
    "مُحَمَّد",
    "",
    None,
    "x" * 10_000,
    "\u200fمحمد\u200f 😀 Anna\ufe0f",
    "100%_Off\\Ltd O'Hara\u0000",
]
# Characters each class of the rule treats apart, for names made at random: ASCII, accents
# composed and decomposed, undecomposed letters, every kind of apostrophe, hyphen, middle
# dot and space, invisible characters, CJK, kana, hangul, Arabic, Hebrew, Thai, Devanagari,
# emoji, controls and the last code points.
ALPHABET = (
    "aZ09 '`-_%\\.,()·ÀéüÖåøØŁłđĐðþÆæŒœßẞıİħŧƶǥɨƀ\u0301\u0308\u030a\u0323\u00b4\u00a8"
    "’‘ʼʻ′＇‐‑–—−－・‧•∙⋅\u3000\u00a0\t\n\u200b\u200e\u200f\u202e\u2066\ufe0f\U000e0100\u00ad"
    "王芳司马懿欧阳娜々さくらがｶﾞ김민준ᄀ한ﬀ①²مُحَمَّدـأשָׁלוֹםสมชายकुमारक़😀👍🏽\u0000\x7f\U0010ffff\ud7ff"
)


def _revision(name: str) -> ModuleType:
    path = next(VERSIONS.glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _random_names(count: int) -> list[str]:
    chooser = random.Random(20261130)
    return ["".join(chooser.choices(ALPHABET, k=chooser.randint(1, 40))) for _ in range(count)]


def test_the_revision_s_copy_of_the_rule_is_the_app_s() -> None:
    # The app's rule as of this revision: revision 0011 added the folding of Han characters,
    # which the names here (Simplified, kana, hangul) do not hold.
    copy = _revision("0010").name_words
    names = [n for n in NAMES if n is not None] + _random_names(5000)
    assert [n for n in names if copy(n) != name_words(n)] == []


def _add_names(database: Database) -> None:
    with database.engine.begin() as connection:
        for number, name in enumerate(NAMES, start=1):
            connection.execute(
                text(
                    "INSERT INTO data_subject (id, display_name, is_minor, is_deceased, "
                    "created_at) VALUES (:id, :name, 0, 0, '2026-01-01 00:00:00')"
                ),
                {"id": number, "name": name},
            )


def _stored_words(database: Database) -> dict[int, set[str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT subject_id, word FROM subject_name_word"))
        words: dict[int, set[str]] = {}
        for subject_id, word in rows:
            words.setdefault(subject_id, set()).add(word)
    return words


def _expected(rule: ModuleType | None) -> dict[int, set[str]]:
    words_of = name_words if rule is None else rule.name_words
    named = {number: name for number, name in enumerate(NAMES, start=1) if name is not None}
    return {n: set(words_of(name)) for n, name in named.items() if words_of(name)}


def test_a_0009_database_gets_the_new_words_and_gives_them_back_going_down(
    database: Database,
) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0007"))
    _add_names(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0009"))
    old = _stored_words(database)
    assert old == _expected(_revision("0008"))
    assert old[2] == {"łódź", "nowak"}  # revision 0008 kept accents
    assert old[8] == {"司马", "马", "懿"}
    run_alembic(database.engine, lambda config: command.upgrade(config, "0010"))
    assert current_revision(database.engine) == "0010"
    new = _stored_words(database)
    # The app's words for these names (none holds a Han character revision 0011 folds).
    assert new == _expected(None) == _expected(_revision("0010"))
    assert new[2] == {"lodz", "nowak"}
    assert new[3] == {"jorg", "joerg", "muller", "mueller"}
    assert new[4] == {"soren", "sorensen", "soeren", "soerensen"}
    assert new[5] == {"dang", "van", "lam"}
    assert new[6] == {"o", "brien", "o'brien", "obrien"}
    assert new[8] == {"司马", "马", "懿", "司马懿", "马懿"}
    assert new[11] == {"aesir", "strasse"}
    assert new[12] == {"محمد"}
    assert new[15] == {"x" * 64}
    assert new[1] == old[1] == {"anna", "smith"}  # plain ASCII: unchanged
    run_alembic(database.engine, lambda config: command.downgrade(config, "0009"))
    assert _stored_words(database) == old


def test_a_rewrite_in_several_batches_leaves_no_word_behind(database: Database) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0007"))
    _add_names(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0009"))
    with database.engine.begin() as connection:  # a stale word of a nameless requester
        connection.execute(text("INSERT INTO subject_name_word VALUES ('stale', 14)"))
    revision = _revision("0010")
    with database.engine.begin() as connection:
        revision._rewrite_words(connection, revision.name_words, batch=3)
    assert _stored_words(database) == _expected(None)


def test_names_left_alone_have_the_same_words_under_both_rules() -> None:
    old, new = _revision("0008"), _revision("0010")
    chooser = random.Random(20261201)
    ascii_names = ["".join(chooser.choices(ASCII, k=chooser.randint(1, 30))) for _ in range(3000)]
    cjk_runs = ["".join(chooser.choices(CJK, k=chooser.randint(1, 12))) for _ in range(3000)]
    kept = [n for n in ascii_names + cjk_runs if new.keeps_its_words(n)]
    assert len(kept) > 5000  # all but the ASCII names with a backquote
    assert [n for n in kept if old.name_words(n) != new.name_words(n)] == []
    assert not new.keeps_its_words("O`Brien")  # o'brien now, o`brien before
    assert not new.keeps_its_words("司马 懿")
    assert not new.keeps_its_words("Novák")
    assert not new.keeps_its_words("ｶﾞ")  # half-width kana: outside the CJK ranges


ASCII = "".join(chr(code) for code in range(128))
# Han (with a compatibility ideograph and Extension B), 々, kana with voicing marks, hangul
# syllables and jamo.
CJK = "王芳司马懿欧阳娜々〆〇がぱガパヴさくら김민준한각ㄱ\uf900\U00020000"
