"""User text embedded in UI sentences is isolated (UAX #9 FSI … PDI) and stays balanced."""

from datetime import UTC, date, datetime

from app.ui.bidi import FSI, PDI, in_ui_direction, isolate, isolated_or, requester_text, typed_text
from app.ui.case_detail_models import CORRESPONDENCE_COLUMNS, CorrespondenceRow
from app.ui.deadline_breakdown_holidays import holiday_text

RTL_NAME = "محمد QZXRTL 😀 é\u0301\u0301"
RTL_MAIL = "rtl.qazwsx@example.com"


def test_a_name_and_address_are_isolated_one_by_one() -> None:
    assert requester_text(RTL_NAME, RTL_MAIL) == f"{FSI}{RTL_NAME}{PDI} <{FSI}{RTL_MAIL}{PDI}>"


def test_a_missing_name_or_address_leaves_no_empty_isolate() -> None:
    assert requester_text(None, RTL_MAIL) == f"<{FSI}{RTL_MAIL}{PDI}>"
    assert requester_text(RTL_NAME, "") == f"{FSI}{RTL_NAME}{PDI}"
    assert requester_text(None, None) == "—"
    assert isolate("") == ""
    assert isolated_or(None) == "—"
    assert isolated_or("li.wei") == f"{FSI}li.wei{PDI}"


def test_a_stray_pdi_cannot_close_the_isolate_early() -> None:
    # U+202E RIGHT-TO-LEFT OVERRIDE after a lone PDI would otherwise reverse the sentence.
    assert isolate(f"a{PDI}\u202eb") == f"{FSI}a\u202eb{PDI}"


def test_an_open_isolate_inside_the_text_is_closed_before_ours() -> None:
    assert isolate("\u2067abc") == f"{FSI}\u2067abc{PDI}{PDI}"
    assert isolate(f"\u2066x{PDI}{PDI}y") == f"{FSI}\u2066x{PDI}y{PDI}"


def test_every_isolate_balances_for_hostile_mixes() -> None:
    for text in (f"{PDI * 3}", "\u2068\u2068", f"{FSI}{PDI}{PDI}{FSI}", "\u202b\u202a\u202c"):
        shown = isolate(text)
        depth = 0
        for char in shown:
            depth += char in "\u2066\u2067\u2068"
            depth -= char == PDI
            assert depth >= 0
        assert depth == 0 and shown.startswith(FSI) and shown.endswith(PDI)


def test_a_line_opening_with_a_right_to_left_name_keeps_the_window_direction(
    qapp: object,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    line = requester_text(RTL_NAME, RTL_MAIL)
    alone, led = QTextDocument(line), QTextDocument(in_ui_direction(line))  # kept alive
    assert alone.firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    assert led.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight
    assert in_ui_direction("") == ""


def test_triage_evidence_quoted_from_the_message_is_isolated(qapp: object) -> None:
    from app.ui.labels import reason_lines

    sender = f"{RTL_NAME} <{RTL_MAIL}>"
    lines = reason_lines([("requester", "sender", sender), ("kind", "keyword", "erasure")])
    assert lines == [f"Requester: From: {FSI}{sender}{PDI}", "Kind: “erasure” in the text"]


def test_stored_free_text_shows_in_stored_order_and_isolated() -> None:
    # A note stored before overrides were refused (QA round 16, W5): RLO would show
    # "'; DROP TABLE" as "ELBAT PORD ;'" inside its isolate; without it, it reads as stored.
    stored = "\u202e'; DROP TABLE cases;-- \u2067مرحبا"
    assert typed_text(stored) == f"{FSI}'; DROP TABLE cases;-- مرحبا{PDI}"
    assert typed_text("می\u200cخواهم \u200fx") == f"{FSI}می\u200cخواهم \u200fx{PDI}"
    assert typed_text("") == ""


def test_a_stored_note_and_holiday_name_display_without_overrides() -> None:
    note = CorrespondenceRow(datetime(2026, 11, 30, 1, 0, tzinfo=UTC), "li", "note", "\u202eevil")
    text_column = CORRESPONDENCE_COLUMNS[-1]
    assert text_column.text(note) == f"{FSI}evil{PDI}"
    assert holiday_text(date(2026, 12, 7), "\u202eCompany day\u202c") == "Company day"
