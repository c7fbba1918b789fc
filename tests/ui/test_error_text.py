"""Error messages in the UI's language: the catalogue (resources/translations/errors.zh_CN.toml)
covers every message raised in app/, turns real service errors into Chinese with the values
they carry unchanged, leaves English and unknown messages alone, and a Chinese window shows a
service error in Chinese."""

import re
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.error_text import (
    CATALOGUE_PATH,
    EMPTY_CATALOGUE,
    MAX_PATTERN_INPUT,
    CatalogueError,
    load_catalogue,
    localised,
    runtime_catalogue,
)
from app.errors import (
    ConcurrentEditError,
    KeyUnavailableError,
    MissingGlyphsError,
    RuleError,
    SettingsError,
)
from app.models.enums import CaseKind, Channel
from app.services.deadlines import RuleBook, load_rule_book
from app.services.manual_intake import ManualRequest
from app.store import Database, unlock
from app.ui.labels import code_label
from app.ui.messages import error_text
from app.ui.new_case_controller import NewCaseController
from app.ui.new_case_dialog import NewCaseDialog
from app.ui.translations import CHINESE, ENGLISH, Translations
from tests.ui.error_sources import raised_messages, shape

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*\}(?!\})")
# Raise sites whose message is computed, each with why it needs no entry of its own.
COMPUTED_MESSAGES = {
    # SettingsError("inventory", str(error)): an InventoryError's message, itself catalogued.
    ("app/services/settings_inventory.py", "SettingsError"),
    # TeamServerError(self.tr(...)): already in the UI language (Qt's .ts catalogue).
    ("app/ui/team_connect.py", "TeamServerError"),
    # LetterError(blocker_message(...)): app/services/letter_fit_messages.BLOCKER_MESSAGES,
    # each checked below (test_every_letter_blocker_message_has_a_catalogue_entry).
    ("app/services/letter_fit.py", "LetterError"),
    # SettingsError("letterhead.website", web_address_problem(...)): one of the problems
    # checked below (test_every_website_problem_has_a_catalogue_entry).
    ("app/services/settings_letterhead.py", "SettingsError"),
}


# --- the lookup ---------------------------------------------------------------------------


def test_real_messages_in_chinese() -> None:
    assert localised("The receipt date cannot be in the future.", "zh") == "收到日期不能晚于今天。"
    assert (
        localised("The receipt time cannot be in the future.", "zh_CN") == "收到时间不能晚于现在。"
    )
    assert localised("This case has already been extended.", "zh") == "此案件已延期过。"
    # An import report's line for a file (app/services/importing.py, not raised).
    unreadable = "cannot read file (Permission denied)"
    assert localised(unreadable, "zh") == "无法读取文件（Permission denied）"
    assert (
        localised("The clock of this case is already paused; resume it first.", "zh")
        == "此案件已暂停计时；请先恢复计时。"
    )


def test_a_real_store_error_with_its_number_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(KeyUnavailableError) as raised:
        unlock(tmp_path / "new.db", secrets=None, passphrase="short", create=True)
    # app/store/keys.py MIN_PASSPHRASE_LENGTH = 8
    assert str(raised.value) == "A new database's passphrase needs at least 8 characters."
    assert localised(str(raised.value), "zh") == "新数据库的口令至少需要 8 个字符。"


@pytest.mark.parametrize(
    "reference",
    [
        "张三的案件",
        "R-2026-0001'. No case has the reference 'x",
        "{count}{{}}%1 <b>bold</b>\n\t\\0 \\g<0>",
        "；：“”",
        "",
    ],
)
def test_a_placeholder_carries_any_text_unchanged(reference: str) -> None:
    english = f"No case has the reference '{reference}'."
    assert localised(english, "zh") == f"没有受理编号为“{reference}”的案件。"


def test_two_placeholders_keep_their_order() -> None:
    # app/services/workflow/transitions.py: statuses are codes, shown by their names
    # (app/reports/dashboard_text.py: in_review 复核中, new 新建), in their order.
    english = "A case that is 'in_review' cannot become 'new'."
    assert localised(english, "zh") == "处于“复核中”状态的案件不能变为“新建”。"
    assert localised(english, "en") == "A case that is 'In review' cannot become 'New'."
    batch = "Case R-2026-0042 cannot get this letter now (no_address)."
    assert localised(batch, "zh") == "案件 R-2026-0042 目前不能生成此函件（no_address）。"


def test_codes_in_a_message_are_shown_by_their_names() -> None:
    # app/services/letter_fit.py: a letter for a case of a kind it does not answer. Names from
    # the printed case file (app/reports/case_file_labels.py) when the UI passes none.
    english = (
        "The letter 'deletion_done' answers requests of another kind than this 'complaint' case."
    )
    assert localised(english, "zh") == (
        "“删除完成通知”答复的是另一类请求，与本案件的请求类型“投诉举报”不符。"
    )
    assert localised(english, "en") == (
        "The letter 'Deletion done' answers requests of another kind than this 'Complaint' case."
    )
    # app/services/deadlines/rules.py writes the kind's value; 注销账号 is the PIPL's term.
    no_rule = "rule set CN has no rule for kind 'account_cancellation'"
    assert localised(no_rule, "zh") == "规则集 CN 没有针对“注销账号”类请求的规则"
    assert localised(no_rule, "en") == "rule set CN has no rule for kind 'Account cancellation'"
    # A code written in words is the same code; a batch of chosen cases names its letter.
    assert localised("rule set EU has no rule for kind 'consent withdrawal'", "zh") == (
        "规则集 EU 没有针对“撤回同意”类请求的规则"
    )
    batch = "Choose the cases for a batch of 'partial_refusal' letters."
    assert localised(batch, "zh") == "请选择要批量生成“部分拒绝通知”函件的案件。"


@pytest.mark.parametrize("text", ["bogus", "{kind}", "删除", "x" * 5000, "", "complaint' case"])
def test_a_text_that_is_no_code_is_kept(text: str) -> None:
    english = f"rule set CN has no rule for kind '{text}'"
    assert localised(english, "zh") in (f"规则集 CN 没有针对“{text}”类请求的规则", english)
    assert localised(english, "en") == english


def test_placeholders_that_carry_no_code_are_not_looked_up() -> None:
    # A letterhead image's format is no request kind, nor is a value the user typed.
    assert localised("unknown request kind 'deletion'", "zh") == "未知的请求类型 'deletion'"
    wrapped = SettingsError("rules.cn", "rule set CN has no rule for kind 'copy'")
    assert localised(str(wrapped), "en") == "rules.cn: rule set CN has no rule for kind 'Copy'"
    assert localised(str(wrapped), "zh") == "rules.cn：规则集 CN 没有针对“复制”类请求的规则"


def test_the_ui_names_codes_as_its_menus_do(qapp: QApplication, translations: Translations) -> None:
    english = (
        "The letter 'deletion_done' answers requests of another kind than this 'complaint' case."
    )
    assert translations.apply(CHINESE)
    assert code_label("letter", "deletion_done") == "删除完成告知函"
    assert code_label("kind", "nonsense") is None and code_label("stage", "sent") is None
    assert localised(english, "zh", code_label) == (
        "“删除完成告知函”答复的是另一类请求，与本案件的请求类型“投诉举报”不符。"
    )
    translations.apply(ENGLISH)
    assert localised("A case that is 'in_review' cannot become 'closed'.", "en", code_label) == (
        "A case that is 'In review' cannot become 'Closed'."
    )


def test_a_specific_entry_wins_over_a_general_one() -> None:
    english = (
        "The receipt date 0001-01-01 is outside the dates deadlines are counted for "
        "(1970-01-01 to 2200-12-31); check the date."
    )
    assert localised(english, "zh") == (
        "收到日期 0001-01-01 超出答复期限可计算的日期范围（1970-01-01 至 2200-12-31）；请核对日期。"
    )


def test_wrapped_problems_are_translated_inside_their_wrapper() -> None:
    settings = SettingsError("rules.ecommerce_art31.months", "must be a whole number of months")
    assert localised(str(settings), "zh") == "rules.ecommerce_art31.months：必须是整数个月"
    rule = RuleError("rules/cn.toml", 12, "access.period.unit", "must be one of days, months")
    assert (
        localised(str(rule), "zh")
        == "rules/cn.toml:12：字段“access.period.unit”：必须是以下之一：days, months"
    )
    unknown_problem = SettingsError("rules.x", "some problem not in the catalogue")
    # A wrapper around an unknown problem is not half-translated: the whole stays English.
    assert localised(str(unknown_problem), "zh") == "rules.x: some problem not in the catalogue"


def test_what_a_case_still_lacks_is_listed_in_chinese() -> None:
    # app/services/workflow/lifecycle.py joins the blockers of a refused deletion with "; ".
    english = (
        "The case cannot be answered yet: grounds from the CN list (unknown: gdpr_17_3_b); "
        "a second person's sign-off of the refusal; "
        "the data categories still unsettled: orders, 实名信息."
    )
    assert localised(english, "zh") == (
        "此案件尚不能答复，还需要：CN 清单中的拒绝理由（未知的有：gdpr_17_3_b）；"
        "另一人对拒绝的签核；处理仍未完成的数据类别：orders, 实名信息。"
    )
    unknown_item = "The case cannot be answered yet: something new; at least one refusal ground."
    assert localised(unknown_item, "zh") == unknown_item


def test_errors_that_build_their_own_message() -> None:
    edit = ConcurrentEditError("case", (7,), "R-2026-0007", {"summary": "张三", "kind": "copy"})
    # The values ("张三") never reach the message; the field names do.
    assert localised(str(edit), "zh") == (
        "自您打开 case R-2026-0007 以来，其他人已修改了它（字段：kind, summary）；"
        "您的修改未保存。请重新载入后再修改一次。"
    )
    gone = ConcurrentEditError("case", (7,), None, {}, deleted=True)
    assert localised(str(gone), "zh").startswith("自您打开 case #7 以来，其他人已删除了它；")
    glyphs = MissingGlyphsError(["U+1F600", "U+20BB7"])
    assert localised(str(glyphs), "zh") == "函件字体缺少以下字符：U+1F600, U+20BB7"


def test_english_and_unknown_messages_pass_unchanged() -> None:
    english = "The receipt date cannot be in the future."
    assert localised(english, "en") == english
    assert localised(english, "") == english
    for unknown in ("Something new went wrong.", "", "收到日期不能晚于今天。", "x" * 10_000):
        assert localised(unknown, "zh") == unknown


def test_a_long_hostile_message_is_not_matched_and_stays_quick() -> None:
    hostile = "No case has the reference '" + "'" * MAX_PATTERN_INPUT + "'."
    started = time.perf_counter()
    assert localised(hostile, "zh") == hostile
    colons = ": " * (MAX_PATTERN_INPUT // 2 + 1)
    assert localised(colons, "zh") == colons
    # Just under the limit, built from a three-placeholder entry's own fixed pieces.
    near = ("x: no 'a' template for language '" * 40)[: MAX_PATTERN_INPUT - 2] + "!"
    assert localised(near, "zh") == near
    assert time.perf_counter() - started < 1.0


# --- the catalogue ------------------------------------------------------------------------


def test_every_letter_blocker_message_has_a_catalogue_entry() -> None:
    """The reasons a letter cannot go yet are raised from a table, not as literals."""
    from app.services.letter_fit_messages import BLOCKER_MESSAGES

    known = {shape(entry.english) for entry in load_catalogue(CATALOGUE_PATH).entries}
    assert sorted(m for m in BLOCKER_MESSAGES.values() if shape(m) not in known) == []
    assert len(BLOCKER_MESSAGES) >= 12


def test_every_website_problem_has_a_catalogue_entry() -> None:
    """A letterhead website's problem is raised as ``web_address_problem`` returns it."""
    from app.services import settings_letterhead as letterhead

    problems = (letterhead.NOT_A_WEB_ADDRESS, letterhead.HOLDS_USER_INFO, letterhead.BAD_PORT)
    known = {shape(entry.english) for entry in load_catalogue(CATALOGUE_PATH).entries}
    assert [problem for problem in problems if shape(problem) not in known] == []


def test_every_raised_message_has_a_catalogue_entry() -> None:
    """Fails when a new PrivacyDeskError message in app/ has no Chinese text yet: add it to
    errors.zh_CN.toml (``python -m tests.ui.error_sources`` prints the missing lines)."""
    found = raised_messages()
    known = {shape(entry.english) for entry in load_catalogue(CATALOGUE_PATH).entries}
    missing = sorted({m.text for m in found if m.text is not None and shape(m.text) not in known})
    assert missing == []
    computed = {(m.where.rsplit(":", 1)[0], m.error) for m in found if m.text is None}
    assert computed <= COMPUTED_MESSAGES
    # As of this writing app/ raises 273 distinct messages; fewer means the finder broke.
    assert len({m.text for m in found if m.text}) >= 250


def test_every_raised_message_is_matched_at_run_time() -> None:
    """Each raise site's message with sample values in its placeholders reads in Chinese and
    keeps the values (the shape test alone would miss an entry a wider one shadows)."""
    entries = {shape(e.english): e.english for e in load_catalogue(CATALOGUE_PATH).entries}
    for message in {m.text for m in raised_messages() if m.text}:
        # The entry's own placeholder names, in order: a wrapped {problem} gets a known message.
        names = PLACEHOLDER.findall(entries[shape(message)])
        pieces = PLACEHOLDER.split(message)
        sample = pieces[0] + "".join(
            _sample_value(name, number) + piece
            for number, (name, piece) in enumerate(zip(names, pieces[1:], strict=True), 1)
        )
        sample = sample.replace("{{", "{").replace("}}", "}")
        chinese = localised(sample, "zh")
        assert chinese != sample, message
        # Every value is kept (a translation may reorder them, never drop or add one).
        assert sorted(re.findall(r"V\d+x", chinese)) == sorted(re.findall(r"V\d+x", sample))


def _sample_value(placeholder: str, number: int) -> str:
    if placeholder in ("{problem}", "{problems}"):
        return "the file is empty"
    return f"V{number}x"


def test_the_catalogue_is_well_formed_and_all_chinese() -> None:
    catalogue = load_catalogue(CATALOGUE_PATH)
    shapes = [shape(entry.english) for entry in catalogue.entries]
    assert len(shapes) == len(set(shapes))  # no entry shadowed by a twin
    # Wrappers such as "{field}: {problem}" have no words; every other entry reads Chinese.
    worded = [e for e in catalogue.entries if PLACEHOLDER.sub("", e.english).strip(" :")]
    assert [e.english for e in worded if not CJK.search(e.chinese)] == ["TOML: {reason}"]
    assert runtime_catalogue(CATALOGUE_PATH) is runtime_catalogue(CATALOGUE_PATH)  # cached


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[messages]\n"A {count} b." = "甲 {number} 乙。"\n', "other placeholders"),
        ('[messages]\n"A {count} b." = "甲乙。"\n', "other placeholders"),
        ('[messages]\n"A {x} b {x}." = "甲 {x} 乙。"\n', "twice"),
        ('[messages]\n"A { b." = "甲 { 乙。"\n', "lone brace"),
        ('[messages]\n"A b." = "  "\n', "needs a Chinese text"),
        ('[messages]\n"A b." = 3\n', "needs a Chinese text"),
        ('"A b." = "甲乙。"\n', "needs a [messages] table"),
        ('[messages]\n"A b." = "甲乙。\n', "not valid UTF-8 TOML"),
    ],
)
def test_a_malformed_catalogue_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "errors.zh_CN.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(problem)):
        load_catalogue(path)
    assert runtime_catalogue(path) is EMPTY_CATALOGUE  # at run time: English, no failure


def test_a_missing_catalogue_means_english_at_run_time(tmp_path: Path) -> None:
    assert runtime_catalogue(tmp_path / "absent.toml") is EMPTY_CATALOGUE


def test_literal_braces_in_a_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "errors.zh_CN.toml"
    path.write_text('[messages]\n"use {{x}} for {name}" = "对 {name} 使用 {{x}}"\n', "utf-8")
    catalogue = load_catalogue(path)
    assert catalogue.translate("use {x} for a.toml") == "对 a.toml 使用 {x}"
    assert catalogue.translate("use x for a.toml") is None


# --- in the window ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _future_request() -> ManualRequest:
    return ManualRequest(
        Channel.PHONE,
        datetime.now(UTC) + timedelta(days=2),
        CaseKind.ACCESS,
        requester_name="王小明",
        phone="138 0013 8000",
        summary="来电要求查阅个人信息",
    )


def _controller(qtbot: QtBot, database: Database, rule_book: RuleBook) -> NewCaseController:
    window = QMainWindow()
    qtbot.addWidget(window)
    return NewCaseController(database, rule_book, lambda: date(2026, 9, 30), window, lambda: "li")


def test_a_chinese_window_shows_a_service_error_in_chinese(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    assert translations.apply(CHINESE)
    controller = _controller(qtbot, database, rule_book)
    assert controller.record(_future_request()) is None
    window = controller.parent()
    assert isinstance(window, QMainWindow)
    boxes = window.findChildren(QMessageBox)
    assert [box.text() for box in boxes] == ["收到时间不能晚于现在。"]
    assert boxes[0].icon() == QMessageBox.Icon.Critical
    for box in boxes:
        box.close()


def test_an_english_window_shows_the_service_error_as_raised(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    translations.apply(ENGLISH)
    controller = _controller(qtbot, database, rule_book)
    assert controller.record(_future_request()) is None
    window = controller.parent()
    assert isinstance(window, QMainWindow)
    boxes = window.findChildren(QMessageBox)
    assert [box.text() for box in boxes] == ["The receipt time cannot be in the future."]
    for box in boxes:
        box.close()


def test_the_new_case_dialog_says_what_is_wrong_in_chinese(
    qtbot: QtBot, rule_book: RuleBook, translations: Translations
) -> None:
    assert translations.apply(CHINESE)
    dialog = NewCaseDialog(rule_book, now=lambda: datetime(2026, 9, 30, 2, 0, tzinfo=UTC))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(CaseKind.ACCESS))
    dialog.name.setText("王小明")
    dialog.summary.setPlainText("来电要求查阅个人信息")
    dialog.email.setText("not-an-address")
    dialog.open()
    dialog.accept()
    assert dialog.error.text() == "请输入有效的电子邮件地址。"
    assert error_text("Enter a valid phone number.") == "请输入有效的电话号码。"
    dialog.reject()
