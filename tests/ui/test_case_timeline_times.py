"""The timeline's times in this computer's zone with the zone named in a tooltip (as the case
list), and user text (handlers' names, recorded values) isolated from the sentence around it."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from app.services.case_queries import EventRow
from app.services.case_rows import NoteRow
from app.ui.bidi import FSI, PDI
from app.ui.case_detail_models import correspondence_model, correspondence_rows
from app.ui.case_timeline import Column, TimelineModel
from app.ui.case_timeline_details import details_text
from tests.zones import computer_zone

# 01:30 UTC on Mon 2 Nov 2026 = 09:30 in Beijing = 02:30 in Berlin (CET since 25 Oct).
AT = datetime(2026, 11, 2, 1, 30, tzinfo=UTC)
ARABIC = "محمد"


def _timeline(*events: EventRow) -> TimelineModel:
    model = TimelineModel()
    model.set_rows(events)
    return model


@pytest.mark.parametrize(
    ("tz", "shown", "tooltip"),
    [
        (
            "Asia/Shanghai",
            "2026-11-02 09:30",
            "2026-11-02 09:30 (UTC+08:00) = 2026-11-02 01:30 UTC",
        ),
        (
            "Europe/Berlin",
            "2026-11-02 02:30",
            "2026-11-02 02:30 (UTC+01:00) = 2026-11-02 01:30 UTC",
        ),
    ],
)
def test_the_time_is_local_and_the_tooltip_names_the_zone(
    tz: str, shown: str, tooltip: str
) -> None:
    model = _timeline(EventRow(AT, "li.wei", "case.viewed", (), 1))
    when = model.index(0, Column.WHEN)
    with computer_zone(tz):
        assert when.data() == shown
        assert when.data(Qt.ItemDataRole.ToolTipRole) == tooltip
    assert model.index(0, Column.WHAT).data(Qt.ItemDataRole.ToolTipRole) == "case.viewed"
    model.deleteLater()


def test_a_timestamp_in_the_details_is_local() -> None:
    details = (("from", "2026-11-02T01:30:00+00:00"), ("to", "2026-11-02T03:00:00+00:00"))
    with computer_zone("Europe/Berlin"):
        assert details_text(details) == "2026-11-02 02:30 → 2026-11-02 04:00"


def test_an_arabic_handler_and_recorded_values_are_isolated() -> None:
    model = _timeline(EventRow(AT, ARABIC, "x.new", (("assignee", ARABIC), ("zz", "abc")), 1))
    assert model.index(0, Column.WHO).data() == f"{FSI}{ARABIC}{PDI}"
    assert model.index(0, Column.DETAILS).data() == (
        f"Handler: {FSI}{ARABIC}{PDI}; zz: {FSI}abc{PDI}"
    )
    model.deleteLater()


def test_a_hostile_value_cannot_leave_its_isolate() -> None:
    # An unmatched PDI would close the isolate early; an open RLI would run on past it.
    shown = details_text((("assignee", "a\u2069b\u2067c"),))
    assert shown == f"Handler: {FSI}ab\u2067c\u2069{PDI}"


def test_notes_isolate_the_author_and_text_and_name_the_zone() -> None:
    model = correspondence_model()
    model.set_rows(correspondence_rows([NoteRow(1, ARABIC, AT, "שלום 123")], []))
    with computer_zone("Asia/Shanghai"):
        assert model.index(0, 0).data() == "2026-11-02 09:30"
        assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
            "2026-11-02 09:30 (UTC+08:00) = 2026-11-02 01:30 UTC"
        )
    assert model.index(0, 1).data() == f"{FSI}{ARABIC}{PDI}"
    assert model.index(0, 3).data() == f"{FSI}שלום 123{PDI}"
    model.deleteLater()
