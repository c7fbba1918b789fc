"""The timeline says on which member state's holidays a regulator's stated period was counted
(the ``clock.stated_deadline`` event's ``region`` and ``calendar``: regulator_deadline), and
the holiday calendar settings name the EU/EEA states' calendars."""

from app.ui.calendar_names import calendar_label
from app.ui.case_timeline_details import details_text
from app.ui.translations import ENGLISH, Translations


def test_the_timeline_names_the_member_states_calendar(translations: Translations) -> None:
    translations.apply(ENGLISH)
    details = (
        ("n", "5"),
        ("unit", "working_days"),
        ("region", "PL"),
        ("calendar", "holidays:PL"),
    )
    assert details_text(details) == (
        # The number is recorded text, isolated (FSI 5 PDI) as the timeline shows every such.
        "Time limit stated: \u20685\u2069; Counted in: working days; Member state: Poland;"
        " Holiday calendar: Poland — official holidays"
    )


def test_every_eu_and_eea_state_s_calendar_has_a_name(translations: Translations) -> None:
    translations.apply(ENGLISH)
    assert calendar_label("holidays:PT") == "Portugal — official holidays"
    assert calendar_label("holidays:NO") == "Norway — official holidays"
    assert calendar_label("holidays:GR") == "Greece — official holidays"
