"""What a privacy officer reads in the Chinese (and English) UI instead of internal codes: the
workflow dialogs' outcomes, refusal grounds and identity-check methods, the case timeline's
event details, the triage evidence and the deadline breakdown's holiday names."""

import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, ReviewFlag
from app.services.case_queries import EventRow
from app.services.case_rows import RuleSource
from app.services.deadlines import DayReason, ExplainedDay, RuleBook, load_rule_book
from app.services.deadlines.explain import ClockPart
from app.services.workflow import grounds_for
from app.store import Database
from app.ui.bidi import FSI, PDI
from app.ui.case_timeline import Column, TimelineModel
from app.ui.deadline_breakdown import reason_text
from app.ui.labels import flag_label, reason_lines
from app.ui.settings_calendar import calendar_label
from app.ui.settings_retention import RetentionPage
from app.ui.translations import CHINESE, ENGLISH, Translations
from app.ui.workflow_dialogs import RespondDialog, VerificationDialog
from tests.ui.settings_fixtures import context


@pytest.fixture
def rule_book() -> RuleBook:
    """The shipped rule sets."""
    return load_rule_book()


def _items(box: QComboBox | QListWidget) -> list[str]:
    if isinstance(box, QComboBox):
        return [box.itemText(i) for i in range(box.count())]
    return [box.item(i).text() for i in range(box.count())]


def test_the_answer_dialog_names_outcomes_and_pipl_grounds_in_chinese(
    translations: Translations, qapp: QApplication
) -> None:
    assert translations.apply(CHINESE)
    dialog = RespondDialog(sorted(grounds_for("CN")))
    assert _items(dialog.outcome) == ["已满足", "部分满足", "已拒绝"]
    grounds = _items(dialog.grounds)
    # GB/T 35273-2020 cl. 8.7 (the CN list): bad faith, criminal justice, unverified identity
    for label in ("主观恶意或滥用权利", "与刑事侦查、起诉、审判和判决执行等直接相关", "身份未核验"):
        assert label in grounds
    assert len(grounds) == len(grounds_for("CN")) == 12
    assert not [g for g in grounds if "_" in g or g.isascii()]
    dialog.deleteLater()


def test_the_answer_dialog_in_english(translations: Translations, qapp: QApplication) -> None:
    translations.apply(ENGLISH)
    dialog = RespondDialog(["abuse_of_rights", "new_ground_code"])
    assert _items(dialog.outcome) == ["Fulfilled", "Partially fulfilled", "Refused"]
    # A ground added to the resources later still reads as words.
    assert _items(dialog.grounds) == ["Bad faith or abuse of rights", "New ground code"]
    assert dialog.chosen_grounds() == []
    dialog.deleteLater()


def test_the_identity_check_dialog_names_its_methods(
    translations: Translations, qapp: QApplication
) -> None:
    assert translations.apply(CHINESE)
    dialog = VerificationDialog()
    assert _items(dialog.method) == [
        "账号登录",
        "短信验证码",
        "身份证件",
        "人脸识别",
        "已知通信地址",
        "其他",
    ]
    dialog.deleteLater()
    translations.apply(ENGLISH)
    dialog = VerificationDialog()
    assert _items(dialog.method)[0] == "Signed in to the account"
    dialog.deleteLater()


_CLOCK = {
    "due_date": "2026-12-21",
    "ack_due_date": None,
    "extension_notice_due_date": None,
    "extended_due_date": None,
    "internal_target_date": "2026-12-14",
    "due_provisional": False,
    "rule_ref": "CN/explanation@2026.11.2",
}
_BEFORE = dict.fromkeys(_CLOCK) | {"due_provisional": False}
_EVENTS = (
    EventRow(
        datetime(2026, 11, 29, 13, 8, tzinfo=UTC),
        "system",
        "case.created",
        (("kind", "account_cancellation"), ("original_sha256", "cc9bedc69f90" + "0" * 52)),
        1,
    ),
    EventRow(
        datetime(2026, 11, 29, 13, 8, tzinfo=UTC),
        "system",
        "clock.recomputed",
        (
            ("after", json.dumps(_CLOCK)),
            ("before", json.dumps(_BEFORE)),
            ("cause", "case_created"),
        ),
        2,
    ),
    EventRow(
        datetime(2026, 11, 29, 14, 0, tzinfo=UTC),
        "li.wei",
        "case.status_changed",
        (("for", "identity_verification"), ("from", "triaged"), ("to", "awaiting_requester")),
        3,
    ),
    EventRow(
        datetime(2026, 11, 29, 14, 5, tzinfo=UTC),
        "li.wei",
        "case.triaged",
        (("kind", json.dumps({"from": "deletion", "to": "account_cancellation"})),),
        4,
    ),
    EventRow(datetime(2026, 11, 29, 14, 9, tzinfo=UTC), "li.wei", "x.new", (("zz", "1"),), 5),
)


def _timeline() -> list[list[str]]:
    model = TimelineModel()
    model.set_rows(_EVENTS)
    rows = [[model.text(e, c) for c in (Column.WHO, Column.WHAT, Column.DETAILS)] for e in _EVENTS]
    model.deleteLater()
    return rows


def test_the_timeline_reads_as_sentences_in_chinese(translations: Translations) -> None:
    assert translations.apply(CHINESE)
    rows = _timeline()
    # Chinese punctuation (GB/T 15834-2011): full-width colon and semicolon
    assert rows[0] == ["系统", "案件已创建", "类型：注销账号；原始邮件 SHA-256：cc9bedc69f90…"]
    assert rows[1][1] == "期限已计算"
    # Only what changed, as old → new; dates stay ISO dates.
    assert rows[1][2] == (
        "原因：案件创建；答复期限：— → 2026-12-21；内部目标：— → 2026-12-14；"
        f"规则：— → {FSI}CN/explanation@2026.11.2{PDI}"
    )
    assert rows[2] == [f"{FSI}li.wei{PDI}", "状态变更", "已分拣 → 等待申请人；等待：等待身份证明"]
    assert rows[3][2] == "类型：删除 → 注销账号"
    assert rows[4] == [f"{FSI}li.wei{PDI}", "x.new", f"zz：{FSI}1{PDI}"]  # as recorded
    shown = " ".join(" ".join(row) for row in rows[:4])
    assert "_" not in shown and "{" not in shown


def test_the_timeline_in_english(translations: Translations) -> None:
    translations.apply(ENGLISH)
    rows = _timeline()
    assert rows[0][:2] == ["System", "Case created"]
    assert rows[0][2].startswith("Kind: Account cancellation; Original message SHA-256: ")
    assert rows[3][2] == "Kind: Deletion → Account cancellation"


_CATEGORY_EVENTS = (
    (("action", "legal_hold"), ("category", "real_name_verification"), ("hold_rule", "csl_art23"),
     ("hold_until", "2027-05-30")),
    (("action", "delete"), ("category", "icp_filing")),
    (("from", "responded"), ("purge_date", "2027-05-30"), ("to", "in_retention")),
    (("still_held", json.dumps(["orders", "access_logs", "no_such_category"])),),
)  # fmt: skip


def _details(events: tuple[tuple[tuple[str, str], ...], ...]) -> list[str]:
    model = TimelineModel()
    rows = tuple(
        EventRow(datetime(2026, 11, 29, 15, 0, tzinfo=UTC), "li.wei", "x", details, number)
        for number, details in enumerate(events, start=10)
    )
    model.set_rows(rows)
    shown = [model.text(row, Column.DETAILS) for row in rows]
    model.deleteLater()
    return shown


def test_the_timeline_names_data_categories_and_rules_from_the_inventory(
    translations: Translations,
) -> None:
    # Names from resources/workflow/inventory.toml; a key it lacks shows as recorded.
    assert translations.apply(CHINESE)
    chinese = _details(_CATEGORY_EVENTS)
    assert chinese[0] == (
        "处理方式：保留（法定保存）；数据类别：实名认证信息（含人脸识别信息）；"
        "保存依据：网络日志留存期限；保存至：2027-05-30"
    )
    assert chinese[1].endswith("数据类别：ICP备案信息")
    assert chinese[2].startswith("已答复 → 保存期内；")
    assert chinese[2].endswith("：2027-05-30") and "purge_date" not in chinese[2]
    assert chinese[3].endswith(f"：订单与交易记录、访问日志、{FSI}no_such_category{PDI}")
    translations.apply(ENGLISH)
    english = _details(_CATEGORY_EVENTS)
    assert english[0] == (
        "Action: keep (legal hold); Data category: Real-name verification, including face "
        "biometrics; Legal basis of the hold: Network logs; Kept until: 2027-05-30"
    )
    assert english[1] == "Action: delete; Data category: ICP filing records"
    assert english[2].endswith("; Purge date: 2027-05-30")
    assert english[3] == (
        "Data categories still held: Orders and transactions, Access logs, "
        f"{FSI}no_such_category{PDI}"
    )


def test_triage_evidence_names_the_script_and_language(translations: Translations) -> None:
    reasons = [("language", "script", "han"), ("jurisdiction", "language_default", "zh")]
    assert translations.apply(CHINESE)
    assert reason_lines(reasons) == ["语言: 以汉字书写", "适用法域: “中文”语言通常适用的法律"]
    translations.apply(ENGLISH)
    assert reason_lines(reasons) == [
        "Language: written in Han (Chinese) script",
        "Jurisdiction: usual law for language “Chinese”",
    ]


def _day_off(name: str) -> ExplainedDay:
    """2026-10-06: a rest day of the State Council's 2026 schedule, swapped for Sunday
    2026-09-20 (the holidays package names it "Day off (substituted from 09/20/2026)")."""
    return ExplainedDay(
        line=6,
        day=date(2026, 10, 6),
        weekday=1,
        counted=False,
        why=DayReason.HOLIDAY,
        calendar_reason=None,
        holiday_name=name,
        running_count=2,
        part=ClockPart.PERIOD,
        marks=frozenset(),
    )


def test_the_day_by_day_breakdown_names_swapped_days_off(translations: Translations) -> None:
    assert translations.apply(CHINESE)
    assert reason_text(_day_off("Day off (substituted from 09/20/2026)")) == (
        "法定节假日：休息日（由 2026-09-20 调休）"
    )
    national = replace(_day_off("National Day"), day=date(2026, 10, 1), weekday=3)
    assert reason_text(national).endswith("国庆节")
    translations.apply(ENGLISH)
    assert reason_text(_day_off("Day off (substituted from 09/20/2026)")) == (
        "Holiday: Day off (worked instead on 2026-09-20)"
    )


def test_settings_name_retention_rules_and_calendars_in_chinese(
    translations: Translations, qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    assert translations.apply(CHINESE)
    page = RetentionPage(context(database, rule_book))
    qtbot.addWidget(page)
    labels = [label.text() for label in page.findChildren(QLabel)]
    # E-Commerce Law Art. 31: 36 months from the completion of the transaction.
    assert any(text.startswith("电子商务交易信息保存期限（自交易完成之日起）") for text in labels)
    assert not [text for text in labels if "ecommerce_art31" in text or "transaction" in text]
    assert calendar_label("holidays:CN") == "中国大陆 — 法定节假日"
    assert calendar_label("holidays:XX") == "holidays:XX"  # an unknown region as written
    translations.apply(ENGLISH)
    assert calendar_label("holidays:CN") == "Mainland China — official holidays"


def test_a_cn_rule_cites_its_source_in_chinese_for_the_chinese_ui(rule_book: RuleBook) -> None:
    rule = rule_book.rule_set("CN").rule(CaseKind.DELETION)
    source = RuleSource(
        "CN/deletion@1", rule.source, rule.confidence, rule.basis, False, rule.source_zh
    )
    assert source.source_in("zh").startswith("《个人信息保护法》第四十七条")
    assert source.source_in("en").startswith("PIPL art. 47")
    every_kind = [k for k in CaseKind if rule_book.has_rule("CN", k)]
    assert all(rule_book.rule_set("CN").rule(k).source_zh for k in every_kind)
    eu = rule_book.rule_set("EU").rule(CaseKind.ACCESS)  # no Chinese given: English shown
    assert RuleSource("EU/access@1", eu.source, eu.confidence, eu.basis, False).source_in("zh") == (
        eu.source
    )


def test_every_event_a_case_records_has_words_in_the_timeline_and_the_case_file() -> None:
    # An action recorded on a case shows in its timeline and printed case file by name, not
    # as a code such as "subject.corrected" (seen after the requester-details dialog came).
    import ast
    from pathlib import Path

    from app.reports.case_file_labels import _ACTION as PRINTED
    from app.ui.case_timeline import ACTIONS

    recorded = set()
    for path in Path("app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            name = getattr(node, "func", None)
            if not (isinstance(node, ast.Call) and getattr(name, "id", "") == "record_event"):
                continue
            on_a_case = any(k.arg == "case" for k in node.keywords)
            action = node.args[1] if len(node.args) > 1 else None
            if on_a_case and isinstance(action, ast.Constant) and isinstance(action.value, str):
                recorded.add(action.value)
    assert "subject.corrected" in recorded
    assert sorted(recorded - set(ACTIONS)) == []
    assert sorted(recorded - set(PRINTED)) == []


def test_the_jurisdiction_settings_name_calendars_and_sources_in_chinese(
    translations: Translations, rule_book: RuleBook
) -> None:
    from app.services.settings_jurisdictions import jurisdiction_rules
    from app.ui.settings_jurisdictions import JurisdictionRulesModel

    assert translations.apply(CHINESE)
    model = JurisdictionRulesModel()
    rows = jurisdiction_rules(rule_book)
    model.set_rows(rows)
    row = next(n for n, r in enumerate(rows) if (r.code, r.kind) == ("CN", CaseKind.DELETION))
    texts = [model.index(row, column).data() for column in range(model.columnCount())]
    assert "中国大陆 — 法定节假日" in texts
    assert any(str(text).startswith("《个人信息保护法》第四十七条") for text in texts)
    model.deleteLater()


def test_every_review_flag_has_words_in_both_languages(translations: Translations) -> None:
    english = {flag: flag_label(flag) for flag in ReviewFlag}
    assert translations.apply(CHINESE)
    for flag in ReviewFlag:
        chinese = flag_label(flag)
        assert chinese != english[flag] and re.search(r"[\u4e00-\u9fff]", chinese), flag
    assert flag_label(ReviewFlag.LANGUAGE_UNCERTAIN) == (
        "语言判断依据不足或混杂——请确认语言和适用法域"
    )
