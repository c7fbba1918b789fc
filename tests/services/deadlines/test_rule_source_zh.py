"""Chinese legal sources (``source_zh``) of the shipped rule sets and data inventory, checked at
load, and the evidence tags ([V], [V-2nd], [M]; reference/deadlines.md "How to read the evidence
tags") both texts carry."""

import re
import tomllib
from pathlib import Path

import pytest

from app.errors import RuleError
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines import load_rule_book, load_rule_set
from app.services.deadlines.evidence import evidence_tags, spell_evidence

HAN = re.compile(r"[\u4e00-\u9fff]")
SHIPPED = {
    "AU",
    "BR",
    "CA",
    "CH",
    "CN",
    "EU",
    "HK",
    "IN",
    "JP",
    "KR",
    "SG",
    "TH",
    "TW",
    "UK",
    "US-CA",
}
RULE = """\
[rule_set]
code = "XT"
name = "Test land"
version = "1"
calendar = "holidays:CN"
time_zone = "Asia/Shanghai"

[access]
period = { n = 30, unit = "calendar_days" }
confidence = "confirmed"
roll = "forward"
source = "GDPR Art. 15, Art. 12(3) [V]; Reg. 1182/71 art. 3 [M]"
"""


def test_every_rule_of_every_shipped_set_has_a_chinese_source() -> None:
    book = load_rule_book()
    assert set(book.rule_sets) == SHIPPED
    for rule_set in book.rule_sets.values():
        for kind, rule in rule_set.rules.items():
            assert HAN.search(rule.source_zh), (rule_set.code, kind)
            assert not HAN.search(rule.source), (rule_set.code, kind)  # shown in English
            assert evidence_tags(rule.source_zh) == evidence_tags(rule.source), (
                rule_set.code,
                kind,
            )


@pytest.mark.parametrize(
    ("code", "kind", "cited"),
    [
        ("EU", CaseKind.ACCESS, "《通用数据保护条例》(GDPR)第15条、第12条第3款 [V]"),
        ("UK", CaseKind.DELETION, "英国《通用数据保护条例》(UK GDPR)第17条"),
        ("BR", CaseKind.ACCESS, "巴西《通用个人数据保护法》(LGPD)第19条第II项"),
        ("HK", CaseKind.ACCESS, "香港《个人资料（私隐）条例》（第486章）第19(1)至(2)条"),
        ("US-CA", CaseKind.DELETION, "《加利福尼亚州民法典》第1798.105条"),
        ("KR", CaseKind.CORRECTION, "《个人信息保护法施行令》第43条第3款 [V]"),
    ],
)
def test_chinese_sources_cite_the_statute_by_its_chinese_name(
    code: str, kind: CaseKind, cited: str
) -> None:
    assert cited in load_rule_book().rule_set(code).rule(kind).source_zh


def _load(tmp_path: Path, source_zh: str) -> None:
    path = tmp_path / "xt.toml"
    path.write_text(RULE + f'source_zh = "{source_zh}"\n', encoding="utf-8")
    load_rule_set(path)


def test_a_chinese_source_loads_when_its_tags_match(tmp_path: Path) -> None:
    _load(tmp_path, "《通用数据保护条例》第15条、第12条第3款 [V]；第1182/71号条例第3条 [M]")


@pytest.mark.parametrize(
    ("source_zh", "problem"),
    [
        ("GDPR Art. 15 [V]; Reg. 1182/71 art. 3 [M]", "must be in Chinese"),
        ("《通用数据保护条例》第15条 [V]", "same evidence tags as source"),
        (
            "《通用数据保护条例》第15条 [M]；第1182/71号条例第3条 [V]",
            "same evidence tags as source",
        ),
        ("   ", "must be non-empty text"),
    ],
)
def test_a_bad_chinese_source_names_the_file_line_and_field(
    tmp_path: Path, source_zh: str, problem: str
) -> None:
    with pytest.raises(RuleError) as caught:
        _load(tmp_path, source_zh)
    assert caught.value.field == "access.source_zh"
    assert caught.value.line == 13  # the source_zh line
    assert problem in str(caught.value)


def test_evidence_tags_are_read_only_inside_tag_brackets() -> None:
    source = "PIPL art. 45(1); M&A [V-2nd]; GB/T §8.7 [M]; [V 2014 regs / M 2021] [MV] [Vx]"
    assert evidence_tags(source) == ["V-2nd", "M", "V", "M"]
    words = {"V": "已核实", "V-2nd": "间接核实", "M": "未核实"}
    assert spell_evidence("第四十七条 [V]；认定方法 [V-2nd]", words) == (
        "第四十七条 [已核实]；认定方法 [间接核实]"
    )
    assert spell_evidence("[V-2nd; M on subsection] M [X]", words) == (
        "[间接核实; 未核实 on subsection] M [X]"
    )


def test_every_shipped_retention_rule_has_a_chinese_source() -> None:
    inventory = tomllib.loads(resource_path("workflow/inventory.toml").read_text("utf-8"))
    for key, rule in inventory["rules"].items():
        assert HAN.search(rule["source_zh"]), key
        assert evidence_tags(rule["source_zh"]) == evidence_tags(rule["source"]), key
