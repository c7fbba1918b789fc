"""The workflow's "cannot be answered yet" / "still unsettled" messages name data categories
by the inventory's Chinese names in the Chinese UI, and by the English ones in English."""

import pytest
from PySide6.QtWidgets import QApplication

from app.error_code_names import category_list_text
from app.error_text import localised
from app.services.workflow.categories import category_names
from app.store import Database
from app.ui.messages import error_text
from app.ui.translations import CHINESE, ENGLISH, Translations

# resources/workflow/inventory.toml: orders = 订单与交易记录 / Orders and transactions,
# real_name_verification = 实名认证信息（含人脸识别信息）/ "Real-name verification, including
# face biometrics" (a comma inside the name), access_logs = 访问日志 / Access logs.
KEYS = ["orders", "real_name_verification", "access_logs", "no_such_category"]
ENGLISH_NAMES = (
    '"Orders and transactions", "Real-name verification, including face biometrics", '
    '"Access logs", "no_such_category"'
)
CHINESE_NAMES = "“订单与交易记录”、“实名认证信息（含人脸识别信息）”、“访问日志”、“no_such_category”"


@pytest.fixture
def names(database: Database) -> str:
    with database.session() as session:
        return category_names(session, KEYS)


def _messages(names: str) -> tuple[str, str]:
    """The two messages as app/services/workflow/lifecycle.py writes them."""
    respond = (
        "The case cannot be answered yet: the data categories still unsettled: "
        f"{names}; a second person's sign-off of the deletion."
    )
    return respond, "Data categories are still unsettled: " + names


def test_the_chinese_sentence_names_the_categories_in_chinese(names: str) -> None:
    assert names == ENGLISH_NAMES
    respond, close = _messages(names)
    assert localised(respond, "zh") == (
        f"此案件尚不能答复，还需要：处理仍未完成的数据类别：{CHINESE_NAMES}；另一人对删除的签核。"
    )
    assert localised(close, "zh") == f"仍有数据类别未处理完毕：{CHINESE_NAMES}"


def test_the_english_sentence_keeps_the_english_names(names: str) -> None:
    respond, close = _messages(names)
    assert localised(respond, "en") == respond
    assert localised(close, "en") == close


def test_the_window_shows_them_in_its_language(
    qapp: QApplication, translations: Translations, names: str
) -> None:
    _respond, close = _messages(names)
    assert translations.apply(CHINESE)
    assert error_text(close) == f"仍有数据类别未处理完毕：{CHINESE_NAMES}"
    translations.apply(ENGLISH)
    assert error_text(close) == close


@pytest.mark.parametrize(
    "text",
    [
        '"Orders and transactions", "A "quoted" name"',  # a name holding a double quote
        "orders, access_logs",  # not quoted
        '"Orders and transactions",',
        "",
    ],
)
def test_a_text_that_is_no_quoted_list_is_kept(text: str) -> None:
    assert category_list_text(text) == text


def test_keys_and_english_names_match_whatever_their_case() -> None:
    assert category_list_text('"ACCESS LOGS", "orders"') == "“访问日志”、“订单与交易记录”"
