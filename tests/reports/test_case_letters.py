"""The Case menu's list of letters (plain keys, no ReportLab) is what case_letters renders."""

from app.reports.case_letter_keys import CASE_TEMPLATES
from app.reports.case_letters import BUILDERS


def test_the_menu_keys_are_the_letters_rendered_from_a_case_in_their_order() -> None:
    assert ("acknowledgement", *BUILDERS) == CASE_TEMPLATES
