"""Revision 0011: the stored words of names holding a Han character that folds (Traditional,
and the Japanese and other forms ``app.models.han_folding`` joins) are rewritten in their
folded form — the same words as the model writes (the revision keeps its own copy of the
rule, checked here against the app's) — while every other name keeps its rows untouched;
going down gives back revision 0010's words."""

import importlib.util
import random
from pathlib import Path
from types import ModuleType

from alembic import command
from sqlalchemy import Connection, text

from app.models.han_folding import han_folding
from app.services.name_words import name_words
from app.store import Database
from app.store.migrations_runner import current_revision, head_revision, run_alembic
from tests.store.test_name_word_refold import ALPHABET

VERSIONS = Path(__file__).parents[2] / "app" / "store" / "migrations" / "versions"
NAMES = [
    "陳大文",  # 1
    "張偉",  # 2
    "张伟",  # 3: Simplified, nothing folds
    "渡邊 太郎",  # 4
    "斎藤",  # 5: Japanese new form of 齋
    "\uf914",  # 6: compatibility ideograph of 樂
    "陳 Anna",  # 7
    "Anna Smith",  # 8
    "Łódź Nowak",  # 9
    "锺",  # 10: a second Simplified form of 鍾 (钟)
    None,  # 11
    "",  # 12
]
# Names whose words the revision leaves alone, given a stray word to show it.
UNTOUCHED = (3, 8, 9)


def _revision(name: str) -> ModuleType:
    path = next(VERSIONS.glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _random_names(count: int, han: list[str] | None = None) -> list[str]:
    """Names of the rule's character classes and of ``han`` (default: every character that
    folds or is folded to)."""
    folding = han_folding()
    han = han or sorted({chr(code) for code in folding} | set(folding.values()))
    chooser = random.Random(20261130)
    return [
        "".join(
            chooser.choice(han) if chooser.random() < 0.5 else chooser.choice(ALPHABET)
            for _ in range(chooser.randint(1, 40))
        )
        for _ in range(count)
    ]


def test_the_revision_s_copy_of_the_rule_is_the_app_s() -> None:
    copy = _revision("0011")
    names = [n for n in NAMES if n is not None] + _random_names(5000)
    assert [n for n in names if copy.name_words(n) != name_words(n)] == []
    assert copy.han_folding() == han_folding()


def test_names_left_alone_have_the_same_words_under_both_rules() -> None:
    old, new = _revision("0010"), _revision("0011")
    # Characters folded to (Simplified forms), which fold no further: such names are left.
    names = _random_names(3000, sorted(set(han_folding().values())))
    kept = [n for n in names if new.keeps_its_words(n)]
    assert len(kept) == 3000
    assert [n for n in kept if old.name_words(n) != new.name_words(n)] == []
    assert all(new.keeps_its_words(n) for n in ["王芳", "Anna", "さくら", "김민준", "Zoë", None])
    for changed in ["陳", "王芳 陳", "斎", "\uf914", "\u2fa8", "锺"]:  # ⾨ U+2FA8 is 門
        assert not new.keeps_its_words(changed)


def _add_names_at_0010(database: Database) -> None:
    """A database at revision 0010 holding ``NAMES`` with that revision's words, and a stray
    word on each ``UNTOUCHED`` name."""
    run_alembic(database.engine, lambda config: command.downgrade(config, "0010"))
    words_0010 = _revision("0010").name_words
    with database.engine.begin() as connection:
        for number, name in enumerate(NAMES, start=1):
            _insert(connection, number, name, words_0010(name) if name else frozenset())
        for number in UNTOUCHED:
            connection.execute(
                text("INSERT INTO subject_name_word VALUES ('stray', :id)"), {"id": number}
            )


def _insert(connection: Connection, number: int, name: str | None, words: frozenset[str]) -> None:
    connection.execute(
        text(
            "INSERT INTO data_subject (id, display_name, is_minor, is_deceased, created_at) "
            "VALUES (:id, :name, 0, 0, '2026-01-01 00:00:00')"
        ),
        {"id": number, "name": name},
    )
    for word in words:
        connection.execute(
            text("INSERT INTO subject_name_word VALUES (:word, :id)"), {"word": word, "id": number}
        )


def _stored_words(database: Database) -> dict[int, set[str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT subject_id, word FROM subject_name_word"))
        words: dict[int, set[str]] = {}
        for subject_id, word in rows:
            words.setdefault(subject_id, set()).add(word)
    return words


def test_a_0010_database_gets_the_folded_words_and_gives_them_back_going_down(
    database: Database,
) -> None:
    _add_names_at_0010(database)
    old = _stored_words(database)
    assert old[1] == {"陳大文", "大文", "文"}
    assert old[2] == {"張偉", "偉"}
    assert old[4] == {"渡邊", "邊", "太郎", "郎", "渡邊太郎", "邊太郎"}
    assert old[6] == {"樂"}
    run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
    assert current_revision(database.engine) == head_revision()
    new = _stored_words(database)
    assert new[1] == {"陈大文", "大文", "文"}
    assert new[2] == new[3] - {"stray"} == {"张伟", "伟"}
    assert new[4] == {"渡边", "边", "太郎", "郎", "渡边太郎", "边太郎"}
    assert new[5] == {"斋藤", "藤"}
    assert new[6] == {"乐"}
    assert new[7] == {"陈", "anna"}
    assert new[10] == {"钟"}
    for number in UNTOUCHED:  # not rewritten: the stray word is still there
        assert new[number] == old[number] and "stray" in new[number]
    assert 11 not in new and 12 not in new
    run_alembic(database.engine, lambda config: command.downgrade(config, "0010"))
    assert _stored_words(database) == old


def test_a_rewrite_in_several_batches_gives_every_name_the_app_s_words(
    database: Database,
) -> None:
    _add_names_at_0010(database)
    revision = _revision("0011")
    with database.engine.begin() as connection:
        revision._rewrite_words(connection, revision.name_words, batch=3)
    expected = {
        number: set(name_words(name)) | ({"stray"} if number in UNTOUCHED else set())
        for number, name in enumerate(NAMES, start=1)
        if name
    }
    assert _stored_words(database) == expected
