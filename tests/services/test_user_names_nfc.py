"""QA19 F9: user names in another Unicode normalization form are one name. "André.Müller"
from a macOS or directory login comes decomposed (NFD: e + U+0301, u + U+0308); the staff
list holds it precomposed (NFC: U+00E9, U+00FC). Taken in (Settings › Staff, sign-in,
``--actor``, the handler) a name is NFC; compared, names are canonical caseless (NFD of the
case-folded NFD, The Unicode Standard §3.13 D145). Stored names are kept as stored."""

import argparse
import unicodedata

import pytest

from app.cli.acting import actor_of
from app.errors import SettingsError
from app.models.enums import StaffRole
from app.services.settings_staff import add_staff, list_staff
from app.services.staff_handlers import check_handler, same_staff, staff_name
from app.services.user_names import same_user, staff_spelling
from app.store import Database

NFC = "andré.müller"
NFD = unicodedata.normalize("NFD", NFC)
SIGNED_IN = unicodedata.normalize("NFD", "André.Müller")  # a macOS login, capitalised


def test_the_two_forms_differ_as_text() -> None:
    # e + COMBINING ACUTE (U+0301), u + COMBINING DIAERESIS (U+0308): two code points more.
    assert NFC != NFD and len(NFD) == len(NFC) + 2


def test_a_decomposed_sign_in_name_takes_the_staff_spelling() -> None:
    assert staff_spelling([NFC, "li.wei"], SIGNED_IN) == NFC
    assert staff_spelling([NFD], "André.Müller") == NFD  # a stored NFD name is kept as stored
    assert staff_spelling([], SIGNED_IN) == "André.Müller"  # nobody's: taken in as NFC
    assert staff_spelling(["strauß"], "STRAUSS") == "strauß"  # case folding as before


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (NFD, NFC, True),
        (SIGNED_IN, NFC, True),
        ("STRAUSS", "strauß", True),
        ("andre.muller", NFC, False),  # no accents: another name
    ],
)
def test_four_eyes_compare_names_whatever_their_form(first: str, second: str, same: bool) -> None:
    assert same_user(first, second) is same


def test_two_identical_looking_staff_names_cannot_both_be_added(database: Database) -> None:
    with database.session() as session:
        add_staff(session, NFC, "André Müller", StaffRole.MANAGER, actor=NFC)
        with pytest.raises(SettingsError, match="already taken"):
            add_staff(session, NFD, "André Müller 2", StaffRole.HANDLER, actor=NFC)
        assert [row.username for row in list_staff(session)] == [NFC]


def test_a_decomposed_name_is_stored_precomposed_when_added(database: Database) -> None:
    with database.session() as session:
        add_staff(session, NFD, "André Müller", StaffRole.MANAGER, actor=NFD)
        assert [row.username for row in list_staff(session)] == [NFC]


def test_handler_and_actor_in_another_form_are_the_member(database: Database) -> None:
    with database.session() as session:
        add_staff(session, NFC, "André Müller", StaffRole.MANAGER, actor=NFC)
        assert check_handler(session, SIGNED_IN) == NFC
        assert staff_name(session, SIGNED_IN) == NFC
        assert same_staff(session, NFD, NFC)


def test_the_command_line_actor_is_taken_in_nfc() -> None:
    assert actor_of(argparse.Namespace(actor=f" {SIGNED_IN} ")) == "André.Müller"
