"""File names in import reports: bidi controls and other disguising characters are escaped
visibly, ordinary names of any script are left alone."""

import pytest

from app.services.file_names import visible_file_name
from app.services.import_results import FileResult, ImportOutcome


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("\u202egnp.eml", "<U+202E>gnp.eml"),  # right-to-left override: "lme.png" in a viewer
        ("a\u202a\u202b\u202c\u202db.eml", "a<U+202A><U+202B><U+202C><U+202D>b.eml"),
        ("\u2066x\u2067y\u2068z\u2069.eml", "<U+2066>x<U+2067>y<U+2068>z<U+2069>.eml"),
        ("\u200ename\u200f.eml", "<U+200E>name<U+200F>.eml"),
        ("\u061cx.eml", "<U+061C>x.eml"),  # Arabic letter mark
        ("in\u200bvisible\ufeff.eml", "in<U+200B>visible<U+FEFF>.eml"),
        ("two\nlines\r.eml", "two<U+000A>lines<U+000D>.eml"),
        ("bad\udcff.eml", "bad<U+DCFF>.eml"),  # an undecodable byte of a POSIX name
        ("para\u2029.eml", "para<U+2029>.eml"),
    ],
)
def test_disguising_characters_are_escaped(name: str, shown: str) -> None:
    assert visible_file_name(name) == shown
    assert visible_file_name(shown) == shown


@pytest.mark.parametrize(
    "name",
    ["删除申请.eml", "請求.msg", "طلب حذف.eml", "בקשה.eml", "émoji 👩\u200d💻.eml", "Ω <x>.eml"],
)
def test_ordinary_names_are_unchanged(name: str) -> None:
    assert visible_file_name(name) == name


def test_a_result_shows_the_name_and_states_the_problem_once() -> None:
    result = FileResult(
        "\u202egnp.eml", ImportOutcome.FAILED, problem="\u202egnp.eml: the file is empty"
    )
    assert result.file_name == "<U+202E>gnp.eml"
    assert result.problem == "<U+202E>gnp.eml: the file is empty"
    assert result.note == "the file is empty"


def test_a_problem_without_the_name_is_its_own_note() -> None:
    result = FileResult("x.eml", ImportOutcome.FAILED, problem="cannot read file (denied)")
    assert result.note == "cannot read file (denied)"
    assert FileResult("x.eml", ImportOutcome.IMPORTED).note is None
