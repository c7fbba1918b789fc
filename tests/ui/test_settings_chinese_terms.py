"""Settings and the deadline breakdown in the Chinese UI: jurisdictions by name, legal sources in
Chinese with their evidence tags in words, full-width punctuation, the inventory's names before
its keys, and the calendar's columns sized to be read."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, compute_deadline, explain_deadline, load_rule_book
from app.store import Database
from app.ui.deadline_breakdown import Column, DeadlineBreakdown
from app.ui.settings_calendar import CalendarPage
from app.ui.settings_inventory import InventoryPage
from app.ui.settings_jurisdictions import JurisdictionsPage
from tests.ui.settings_fixtures import context

# Reference §2.2 E6: a deletion received Wed 30 Sep 2026 is due Tue 27 Oct 2026.
E6_RECEIVED = datetime.fromisoformat("2026-09-30T10:00:00+08:00")


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _row(page: JurisdictionsPage, code: str, kind: CaseKind) -> int:
    rows = page.model.rows()
    return next(n for n, r in enumerate(rows) if (r.code, r.kind) == (code, kind))


def test_jurisdictions_show_names_and_chinese_sources_with_evidence_in_words(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = JurisdictionsPage(context(database, rule_book))
    qtbot.addWidget(page)
    eu = _row(page, "EU", CaseKind.ACCESS)
    assert page.model.index(eu, 0).data() == "欧盟"
    tip = page.model.index(eu, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("EU — European Union — GDPR")
    assert page.model.index(eu, 5).data() == (
        "《通用数据保护条例》(GDPR)第15条、第12条第3款 [已核实]；"
        "《第1182/71号条例》（期间、日期和时限规则）第3条 [已核实]"
    )
    cn = page.model.index(_row(page, "CN", CaseKind.DELETION), 5).data()
    assert cn == (
        "《个人信息保护法》第四十七条 [已核实]；"
        "2019年《认定方法》（人工处理的删除不超过15个工作日）[间接核实]"
    )
    for row in range(page.model.rowCount()):
        shown = page.model.index(row, 5).data()
        assert not any(tag in shown for tag in ("[V", "[M", " M]", "V-2nd")), shown
    combo = {
        page.default.itemData(i): page.default.itemText(i) for i in range(page.default.count())
    }
    assert combo["CN"] == "中国大陆" and combo["EU"] == "欧盟" and combo["BR"] == "巴西"
    assert combo["US-CA"] == "美国加利福尼亚州" and combo["UK"] == "英国"


def test_jurisdictions_in_english_spell_the_evidence_tags(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = JurisdictionsPage(context(database, rule_book))
    qtbot.addWidget(page)
    row = _row(page, "US-CA", CaseKind.OBJECTION)
    assert page.model.index(row, 0).data() == "California, United States"
    assert page.model.index(row, 5).data() == (
        "Opt-out of sale/sharing: as soon as feasible, at most 15 business days, "
        "11 CCR §7026(f) [confirmed indirectly; unconfirmed on subsection]"
    )
    assert page.default.itemText(page.default.findData("KR")) == "South Korea"


def test_the_breakdown_uses_chinese_punctuation(qtbot: QtBot, chinese: None) -> None:
    deadline = compute_deadline(load_rule_book(), "CN", CaseKind.DELETION, E6_RECEIVED)
    widget = DeadlineBreakdown()
    qtbot.addWidget(widget)
    widget.set_explanation(explain_deadline(deadline))
    lines = widget.summary.text().splitlines()
    assert lines[0] == "截止 2026-10-27（周二）"
    assert lines[-1].startswith("依据：《个人信息保护法》第四十七条 [已核实]")
    why = {
        widget.model.index(r, Column.DATE).data(): widget.model.index(r, Column.WHY).data()
        for r in range(widget.model.rowCount())
    }
    assert why["2026-10-01"] == "法定节假日：国庆节"
    assert why["2026-10-06"] == "法定节假日：休息日（由 2026-09-20 调休）"
    assert why["2026-10-27"] == "工作日 — 截止日期"


def test_the_breakdown_of_a_calendar_day_rule_shows_the_days_own_view_in_brackets(
    qtbot: QtBot, chinese: None
) -> None:
    # LGPD art. 19 II: 15 calendar days; Mon 12 Oct 2026 is Nossa Senhora Aparecida.
    deadline = compute_deadline(load_rule_book(), "BR", CaseKind.ACCESS, E6_RECEIVED)
    widget = DeadlineBreakdown()
    qtbot.addWidget(widget)
    widget.set_explanation(explain_deadline(deadline))
    why = {
        widget.model.index(r, Column.DATE).data(): widget.model.index(r, Column.WHY).data()
        for r in range(widget.model.rowCount())
    }
    assert why["2026-10-03"] == "自然日（周末）"
    assert why["2026-10-12"].startswith("自然日（法定节假日）：")


def test_the_inventory_names_categories_and_rules_before_their_keys(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = InventoryPage(context(database, rule_book))
    qtbot.addWidget(page)
    categories = page.categories_model
    first = {categories.index(r, 1).data(): r for r in range(categories.rowCount())}
    assert categories.index(first["account"], 0).data() == "账号信息"
    rules = page.rules_model
    keys = {rules.index(r, 1).data(): r for r in range(rules.rowCount())}
    assert rules.index(keys["csl_art23"], 0).data() == "网络日志留存期限"
    # 会计档案管理办法 (2015), tagged [M]: its Chinese source, the evidence in words.
    assert (
        rules.index(keys["accounting_archives"], 4).data()
        == "《会计档案管理办法》（2015年）：会计凭证、会计账簿保管30年 [未核实]"
    )


def test_the_calendar_years_table_shows_every_column(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    header = page.years.horizontalHeader()
    fits = QHeaderView.ResizeMode.ResizeToContents
    modes = [header.sectionResizeMode(column) for column in range(4)]
    assert modes == [fits, fits, fits, fits]
    assert header.length() <= page.years.viewport().width()  # nothing cut off on the right
    assert page.days.horizontalHeader().sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch


def test_the_rule_editor_shows_and_keeps_the_chinese_legal_source(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = InventoryPage(context(database, rule_book))
    qtbot.addWidget(page)
    # Put into the working copy as a stored inventory holds it (the loader keeps source_zh
    # once app/services/workflow/inventory.py reads it; see the report).
    page._working["rules"]["csl_art23"]["source_zh"] = "《网络安全法》第二十三条第（三）项 [V]"
    keys = [rule.key for rule in page.rules_model.rows()]
    page.rules.selectRow(keys.index("csl_art23"))
    assert page.source_zh.text() == "《网络安全法》第二十三条第（三）项 [V]"
    page.source_zh.setText("《网络安全法》第二十三条第（三）项：网络日志留存不少于六个月 [V]")
    assert page.put_rule()
    assert page._working["rules"]["csl_art23"]["source_zh"].endswith("不少于六个月 [V]")
    page.source_zh.setText("")  # an empty Chinese source is left out: the English one shows
    assert page.put_rule()
    assert "source_zh" not in page._working["rules"]["csl_art23"]
