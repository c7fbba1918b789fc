"""name words fold Traditional, Simplified and Japanese forms of Han characters alike

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

The name search now finds 陳大文 by 陈 and 张伟 by 張偉, both ways (``app.models.han_folding``:
each Han character is indexed in one form, mostly the Simplified one). Only the words of names
holding a character that folds change (``keeps_its_words``): they are rewritten, ``BATCH``
subjects at a time, as revision 0010 did; every other name (Latin names, Simplified names
without such a character) keeps its stored words untouched.

The rule is revision 0010's with the Han folding added, copied below as it stands for this
revision (``OTHER_FORMS`` and the class rule), not imported: tests/store/test_name_word_han.py
checks the copy against the app's. The Traditional → Simplified table itself is read from the
file triage ships (``resources/triage/traditional_chinese.txt``, 4,100 lines not copied): a
later change of it needs a revision of its own that rewrites the names holding the changed
characters. Going down rewrites those names' words with revision 0010's rule.
"""

import importlib.util
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

from app.resources import resource_path

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
TABLE = resource_path("triage", "traditional_chinese.txt")
WordRule = Callable[[str], frozenset[str]]


def upgrade() -> None:
    """Rewrite the words of every stored name holding a Han character that folds."""
    with _revision_0010()._room_for_the_words(op.get_bind()):
        _rewrite_words(op.get_bind(), name_words)


def downgrade() -> None:
    """Rewrite the same names' words with revision 0010's rule."""
    revision_0010 = _revision_0010()
    with revision_0010._room_for_the_words(op.get_bind()):
        _rewrite_words(op.get_bind(), revision_0010.name_words)


@cache
def _revision_0010() -> ModuleType:
    """Revision 0010, read from its file beside this one (its rule and page-cache helper)."""
    path = Path(__file__).with_name("0010_name_words_fold_accents.py")
    spec = importlib.util.spec_from_file_location("privacy_desk_revision_0010", path)
    assert spec is not None and spec.loader is not None  # the revision ships beside this one
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rewrite_words(connection: sa.Connection, words_of: WordRule, batch: int = BATCH) -> None:
    """Give every subject whose name does not ``keeps_its_words`` the words ``words_of`` its
    name, ``batch`` subjects at a time (an id range: memory stays flat), on the DB-API cursor
    (see revision 0010: SQLAlchemy's per-row work costs more than SQLite's here)."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    with closing(driver.cursor()) as cursor:
        after = 0
        while (last := _rewrite_batch(cursor, mark, words_of, after, batch)) is not None:
            after = last


def _rewrite_batch(cursor: Any, mark: str, words_of: WordRule, after: int, batch: int) -> Any:
    """Rewrite the changed names among the ``batch`` subjects after id ``after``; return the
    last id read (``None``: none was left)."""
    cursor.execute(
        f"SELECT id, display_name FROM data_subject WHERE id > {mark} ORDER BY id "
        f"LIMIT {int(batch)}",
        (after,),
    )
    names = cursor.fetchall()
    if not names:
        return None
    changed = _changed(names)
    if changed:
        cursor.executemany(
            f"DELETE FROM subject_name_word WHERE subject_id = {mark}",
            [(subject,) for subject, _ in changed],
        )
        cursor.executemany(
            f"INSERT INTO subject_name_word (word, subject_id) VALUES ({mark}, {mark})",
            sorted((w, i) for i, name in changed for w in words_of(name)),
        )
    return names[-1][0]


def _changed(names: list[Any]) -> list[tuple[int, str]]:
    """The (id, name) rows of ``names`` that do not ``keeps_its_words``: none when no name of
    the batch holds a character that folds (one look at the batch's characters, half the
    time of looking at each name: most databases hold few Traditional names, or none)."""
    others = [name for _, name in names if name is not None and not name.isascii()]
    if _folding_keys().isdisjoint(unicodedata.normalize("NFKD", "".join(others))):
        return []
    return [(subject, name) for subject, name in names if not keeps_its_words(name)]


@cache
def _folding_keys() -> frozenset[str]:
    return frozenset(chr(code) for code in han_folding())


def keeps_its_words(name: str | None) -> bool:
    """Whether ``name`` has the same words under revision 0010's rule and this one's: no
    character of it, once decomposed as the rule does (NFKD: a compatibility ideograph, a
    Kangxi radical or a circled ideograph is its unified character), folds. A name without
    one is folded alike by both rules, character for character. No name: no words either."""
    if name is None or name.isascii():
        return True
    return _folding_keys().isdisjoint(unicodedata.normalize("NFKD", name))


def name_words(display_name: str) -> frozenset[str]:
    """The words of a name under this revision's rule: revision 0010's, each spelling's
    folded text also Han-folded (the same length: the 64-character cut and the 32-word cap
    fall where they did)."""
    rule = _revision_0010()
    words: dict[str, None] = {}
    for spelling in _spellings(rule, display_name):
        for word in rule._words_in_order(spelling):
            words.setdefault(word[: rule.MAX_WORD_LENGTH])
            if len(words) == rule.MAX_WORDS:
                return frozenset(words)
    return frozenset(words)


def _spellings(rule: ModuleType, text: str) -> tuple[str, ...]:
    decomposed = rule._decomposed(text)
    plain = _finished(rule, decomposed)
    if decomposed.isascii():
        return (plain,)
    icao = rule._ICAO_LETTER.sub(lambda letter: rule._ICAO[letter.group()], decomposed)
    return (plain,) if icao == decomposed else (plain, _finished(rule, icao))


def _finished(rule: ModuleType, decomposed: str) -> str:
    finished: str = rule._finished(decomposed)
    return finished if finished.isascii() else finished.translate(han_folding())


# The Han folding of app/models/han_folding.py as of this revision (see the module docstring).
OTHER_FORMS = (
    "㓰划 㳽弥 䌽彩 䙓摆 䦆镢 䩄腼 专専 両两 严厳 丰豊 举挙 乐楽 乗乘 乡郷 买𧹒 亀龟 了瞭 "
    "亚亜 仇雠 从従 仏佛 仑𪨧 仮假 价価 仿彷 伕夫 伝传 余馀 侭尽 俭倹 借藉 儿児 关関 兽獣 "
    "円圆 净浄 処处 击撃 划画 剂剤 剑剣 剩剰 劝勧 劳労 効效 勅敕 勋勲 单単 卖売 卷巻 厅庁 "
    "历暦 历歴 压圧 县県 収收 发発 发髪 变変 叠畳 只祇 听聴 吴呉 周赒 呪咒 咨谘 哑唖 啮噛 "
    "啮𫜩 喂𫗭 営营 团団 囲围 図图 圈圏 坂阪 坏壊 垒塁 塩盐 増增 壌壤 壱壹 复覆 奖奨 娘嬢 "
    "它牠 实実 宽寛 对対 岁歳 岩巌 巢巣 巨钜 带帯 帰归 广広 庄荘 庐𪪏 应応 废廃 开𫔭 弐贰 "
    "弹弾 当𪠽 征徴 徳德 怀懐 总総 恵惠 恶悪 恶𫫇 恼悩 愿𫖸 战戦 战𢧐 户戸 戻戾 払拂 托讬 "
    "扩拡 抜拔 択择 抵牴 拜拝 拠据 挿插 捜搜 捣𢭏 掲揭 掻搔 揹背 揺摇 搅撹 摂摄 斉齐 斋斎 "
    "斗闘 旋镟 昵暱 显顕 晓暁 晚晩 暨曁 曲麹 曽曾 杂雑 权権 枡桝 栄荣 栈桟 样様 桜樱 检検 "
    "楡榆 欢歓 步歩 歯齿 毎每 气気 汚污 沈渖 沢泽 泪涙 泷滝 泼溌 济済 涉渉 涩渋 渇渴 渓溪 "
    "満满 濑瀬 灵霊 灶竃 炼錬 炼链 炼𫔀 烧焼 焔焰 牺犠 猎猟 痩瘦 皋皐 砕碎 碱鹸 稆穞 稲稻 "
    "稳穏 穂穗 穣穰 竜龙 粋粹 粛肃 糇𫗯 糊𫗫 系繋 経经 絵绘 継继 続续 緪縆 縁缘 縄绳 縦纵 "
    "繊纤 繍绣 线缐 聡聪 脏臓 脑脳 腭颚 舍舎 舗铺 苹𬞟 茘荔 药薬 萤蛍 蔵藏 薫薰 蜡蝋 覇霸 "
    "覚觉 覧览 観观 訳译 読读 譲让 谏𫍝 谫𫍿 賛赞 账𧹔 赖頼 転转 軽轻 輌辆 边辺 迟遅 递逓 "
    "酔醉 酦醗 酱醤 酿醸 釈释 鉄铁 鉱鑛 銭钱 鋳铸 钟锺 闲𫔮 陥陷 险険 隐隠 雕𫛲 面麺 鞲𫖕 "
    "駅驿 駆驱 騒骚 験验 骢𩨂 髄髓 鲇鲶 鳖鼈 鴎鸥 鶏鸡 黑黒 默黙 齢龄"
)


@cache
def han_folding() -> dict[int, str]:
    """Code point → the character its class folds to: the classes of the table's pairs and
    ``OTHER_FORMS``, each folding to its first member by (not Traditional in the table,
    Simplified in the table, code point)."""
    table = _table_pairs()
    parent: dict[str, str] = {}
    for first, second in table + [(pair[0], pair[1]) for pair in OTHER_FORMS.split()]:
        parent[_root(parent, first)] = _root(parent, second)
    classes: dict[str, list[str]] = {}
    for character in parent:
        classes.setdefault(_root(parent, character), []).append(character)
    traditional = {t for t, _ in table}
    simplified = {s for _, s in table}
    folding: dict[int, str] = {}
    for members in classes.values():
        target = min(members, key=lambda c: (c in traditional, c not in simplified, ord(c)))
        folding.update((ord(c), target) for c in members if c != target)
    return folding


def _root(parent: dict[str, str], character: str) -> str:
    parent.setdefault(character, character)
    while parent[character] != character:
        parent[character] = parent[parent[character]]
        character = parent[character]
    return character


def _table_pairs() -> list[tuple[str, str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    return [(pair[0], pair[1]) for pair in pairs]
