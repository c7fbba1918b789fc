"""Chinese characters as the name search compares them: Traditional, Simplified and Japanese
forms of one character alike (陳 = 陈, 張偉 = 张伟, 渡邊 = 渡边 = 渡辺, 齋藤 = 斋藤 = 斎藤).

Staff in mainland China type Simplified characters; requesters from Hong Kong, Macao, Taiwan
or abroad write their names in Traditional ones. ``app.models.name_words.folded`` maps every
Han character of a name and of a typed search to one form of it, ``han_folding``: mostly the
Simplified one. Only the word index and the typed words are mapped; names are shown as
written.

The mapping is the one-character Traditional → Simplified table triage already ships
(``resources/triage/traditional_chinese.txt``, from OpenCC's TSCharacters, HKVariantsRev and
TWVariantsRev, first candidate only), joined with ``OTHER_FORMS``: the pairs of characters
OpenCC lists as standing for each other that the table alone leaves apart. Characters joined
by any pair, directly or through others, are one class and fold to one member of it, so
matching never depends on which candidate a conversion picked — a miss would; a rare false
match (乾 and 干, 後 and 后, 瞭 and 了 all fold alike) is the price, and the name list shows
the names as written.

``OTHER_FORMS`` was derived from the OpenCC 1.1 dictionaries the table came from
(opencc-python-reimplemented 0.1.7, Apache-2.0, Copyright BYVoid and contributors) — of each
single-character entry, each candidate paired with the entry's key, both mapped through the
table (following its chains), kept when they differ — from:

- every candidate of STCharacters, TSCharacters, HKVariants(Rev) and TWVariants(Rev), not only
  the first (鍾 → 钟 in the table, but Simplified names also write 锺; 餘 → 余, also 馀;
  麴 → 曲, also 麹): each pair whose two characters the table folds apart;
- JPVariants (Traditional → Japanese shinjitai: 邊 → 辺, 齋 → 斎, 澤 → 沢, 廣 → 広), where the
  shinjitai form is no Chinese character of its own — in none of those dictionaries and not
  in GB 2312: a Japanese name in either form is found by both and by the Simplified form.
  Shinjitai that are Chinese characters too are left apart (芸 for 藝, 予 for 豫, 欠 for 缺,
  浜 for 濱): folding them would make the Chinese names 王芸 and 王艺 one. Kana are not
  touched.

Each entry is the two characters' folds under the table (268 pairs). ``traditional_pairs``
reads the table; triage (``app.services.intake.chinese_script``) maps letters through the
same file. A change of this module or of the table changes the stored words: it needs a
revision that rewrites them (revision 0011 did first).
"""

from functools import cache

from app.errors import TriageVocabularyError
from app.resources import resource_path

TABLE_PARTS = ("triage", "traditional_chinese.txt")
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
    """Return the ``str.translate`` mapping that folds Han characters for name matching.

    Each class (characters joined by the table or by ``OTHER_FORMS``) folds to one member:
    one the table does not convert, preferably one it converts to (a Simplified character),
    then the lowest code point. Built on first use (about 10 ms, once per process).

    Returns:
        Code point of a character → the character its class folds to; characters folding
        to themselves are absent, so folding twice is folding once, and a text keeps its
        length.

    Raises:
        TriageVocabularyError: the shipped Traditional table is missing or malformed.
    """
    table = traditional_pairs()
    simplified = dict(table)
    for traditional, target in simplified.items():  # the few chains (麼 → 么 → 幺)
        while target in simplified and target != traditional:
            target = simplified[target]
        simplified[traditional] = target
    targets = set(simplified.values())
    merged = _merged_targets(targets)
    folding = {ord(t): merged.get(s, s) for t, s in simplified.items()}
    folding.update((ord(c), target) for c, target in merged.items() if c != target)
    return folding


def _merged_targets(targets: set[str]) -> dict[str, str]:
    """Each character of ``OTHER_FORMS`` → the member its group of pairs folds to (by the
    class rule of ``han_folding``; its characters are no table's Traditional ones)."""
    parent: dict[str, str] = {}
    for pair in OTHER_FORMS.split():
        parent[_root(parent, pair[0])] = _root(parent, pair[1])
    groups: dict[str, list[str]] = {}
    for character in parent:
        groups.setdefault(_root(parent, character), []).append(character)
    merged: dict[str, str] = {}
    for members in groups.values():
        target = min(members, key=lambda c: (c not in targets, ord(c)))
        merged.update((c, target) for c in members)
    return merged


def _root(parent: dict[str, str], character: str) -> str:
    """The representative of ``character``'s group so far (union-find, paths halved)."""
    parent.setdefault(character, character)
    while parent[character] != character:
        parent[character] = parent[parent[character]]
        character = parent[character]
    return character


@cache
def traditional_pairs() -> tuple[tuple[str, str], ...]:
    """Return the shipped Traditional → Simplified table's pairs, in file order.

    Returns:
        (Traditional character, Simplified character) pairs: a Traditional (or Hong Kong /
        Taiwan variant) character and its Simplified form; characters written alike in both
        scripts are absent.

    Raises:
        TriageVocabularyError: the table file is missing, not UTF-8 or has a malformed line.
    """
    path = resource_path(*TABLE_PARTS)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise TriageVocabularyError(
            str(path), None, "*", f"cannot be read ({error.strerror})"
        ) from error
    except UnicodeDecodeError as error:
        raise TriageVocabularyError(str(path), None, "*", "not UTF-8 text") from error
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    if all(len(pair) == 2 and len(pair[0]) == len(pair[1]) == 1 for pair in pairs):
        return tuple((pair[0], pair[1]) for pair in pairs)
    number = next(n for n, line in enumerate(lines, start=1) if _malformed(line))
    problem = "not a Traditional and a Simplified character"
    raise TriageVocabularyError(str(path), number, "line", problem)


def _malformed(line: str) -> bool:
    pair = line.split()
    comment = not pair or line.startswith("#")
    return not comment and (len(pair) != 2 or len(pair[0]) != 1 or len(pair[1]) != 1)
