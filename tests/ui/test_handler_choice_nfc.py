"""QA19 F9: the handler field takes a staff member's user name typed in another Unicode
normalization form (NFD "André.Müller" from a macOS login) as that member."""

import unicodedata

from pytestqt.qtbot import QtBot

from app.ui.handler_choice import HandlerChoice

NFC = "andré.müller"


def test_the_handler_field_takes_a_name_in_another_form(qtbot: QtBot) -> None:
    field = HandlerChoice([(NFC, "André Müller")], "li.wei", open_list=False)
    qtbot.addWidget(field)
    field.setText(unicodedata.normalize("NFD", "André.Müller"))
    assert field.acceptable()  # the member "andré.müller", typed decomposed and capitalised
    field.setText("andre.muller")
    assert not field.acceptable()  # without the accents: nobody on the list
