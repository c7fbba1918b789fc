"""The data categories tab words a hold's legal basis as the letters do, in the UI language
(QA9 M6): no English research note with raw evidence tags in the Chinese UI, the precise
source (tags in words) as the tooltip; and the timeline shows no "null" for a category
planned without a hold."""

from datetime import date

from PySide6.QtCore import Qt

from app.models.enums import CategoryActionKind
from app.services.case_queries import CategoryRow
from app.services.workflow.inventory import load_inventory
from app.ui.case_detail_models import category_model
from app.ui.case_timeline_details import details_text

HOLD_COLUMN = 2
ORDERS = CategoryRow(
    category="orders",
    name_zh="订单与交易记录",
    name_en="Orders and transactions",
    action=CategoryActionKind.LEGAL_HOLD,
    hold_until=date(2029, 11, 29),
    hold_rule="ecommerce_art31",
    hold_source=load_inventory().rules["ecommerce_art31"].source,
    note="",
    planned_by="li.handler",
    done_by=None,
    done_at=None,
)


def _cell(role: Qt.ItemDataRole) -> str:
    model = category_model()
    model.set_rows([ORDERS])
    return str(model.data(model.index(0, HOLD_COLUMN), role))


def test_the_chinese_ui_states_the_basis_in_the_letters_words(chinese: None) -> None:
    shown = _cell(Qt.ItemDataRole.DisplayRole)
    # resources/letters/zh/terms.toml [retention_basis] ecommerce_art31, as the letters print it.
    assert shown == (
        "2029-11-29 · 《中华人民共和国电子商务法》第三十一条："
        "商品和服务信息、交易信息自交易完成之日起保存不少于三年"
    )
    tooltip = _cell(Qt.ItemDataRole.ToolTipRole)
    assert "《电子商务法》第三十一条" in tooltip  # the inventory's Chinese source
    for raw in ("[V", "[M", "E-Commerce Law Art. 31"):
        assert raw not in shown and raw not in tooltip


def test_the_english_ui_states_the_basis_in_english() -> None:
    shown = _cell(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("2029-11-29 · E-Commerce Law of the PRC, Article 31:")
    assert "[V" not in shown and "[V" not in _cell(Qt.ItemDataRole.ToolTipRole)


def test_the_timeline_shows_no_null_for_a_category_without_a_hold(chinese: None) -> None:
    text = details_text(
        (
            ("category", "account"),
            ("action", "delete"),
            ("hold_until", "null"),
            ("hold_rule", "null"),
        )
    )
    assert "null" not in text
    assert "账号信息" in text
