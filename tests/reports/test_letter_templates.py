"""Letter templates as data: a lawyer's edits flow through; mistakes are rejected at load."""

import shutil
from pathlib import Path

import pytest

from app.errors import TemplateError, TemplateFieldError
from app.models.enums import CaseKind
from app.reports import (
    ACKNOWLEDGEMENT,
    AcknowledgementFacts,
    acknowledgement_version,
    default_letterhead,
    load_template_file,
    render_acknowledgement,
)
from app.reports.templates import load_template
from app.reports.terms import load_terms
from app.resources import resource_path
from tests.reports.pdf_reading import read_pdf, squash


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    """A writable copy of the shipped ``resources/letters`` folder."""
    target = tmp_path / "letters"
    shutil.copytree(resource_path("letters"), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_shipped_templates_and_terms_load(language: str) -> None:
    template = load_template(ACKNOWLEDGEMENT, language)
    terms = load_terms(language, kinds=frozenset(kind.value for kind in CaseKind))
    assert template.texts["title"] and template.paragraphs and template.signature
    assert set(terms.kinds) == {kind.value for kind in CaseKind}


def test_unknown_placeholder_names_file_and_field(letters: Path) -> None:
    path = letters / "zh" / "acknowledgement.toml"
    _edit(path, "尊敬的{requester_name}：", "尊敬的{requster_name}：")
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, ACKNOWLEDGEMENT, "zh")
    assert caught.value.field == "requster_name"
    assert caught.value.file == str(path)
    assert str(path) in str(caught.value) and "requster_name" in str(caught.value)


def test_unknown_placeholder_is_rejected_before_rendering(
    letters: Path, facts: AcknowledgementFacts
) -> None:
    _edit(
        letters / "en" / "acknowledgement.toml", "request on {received_date}", "on {date_received}"
    )
    with pytest.raises(TemplateError, match="date_received"):
        render_acknowledgement(facts, "en", default_letterhead(), templates_dir=letters)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('when = "due_provisional"', 'when = "due_maybe"', "facts[5].when"),
        ("[[paragraphs]]", "[[paragraph]]", "paragraph"),
        ("编号：{reference}", "编号：{reference.upper}", "reference.upper"),
        ("编号：{reference}", "编号：{reference!r}", "reference"),
        ("编号：{reference}", "编号：{}", "{}"),
        ("编号：{reference}", "编号：{reference", "reference_line"),
        ("indent = 2", "indent = 40", "closing[0].indent"),
    ],
)
def test_template_mistakes_name_the_field(letters: Path, old: str, new: str, field: str) -> None:
    path = letters / "zh" / "acknowledgement.toml"
    _edit(path, old, new)
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, ACKNOWLEDGEMENT, "zh")
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_terms_must_name_every_kind(letters: Path) -> None:
    _edit(letters / "zh" / "terms.toml", 'deletion = "删除"\n', "")
    with pytest.raises(TemplateFieldError) as caught:
        load_terms("zh", letters, frozenset(kind.value for kind in CaseKind))
    assert caught.value.field == "kinds.deletion"


def test_invalid_toml_is_a_template_error(letters: Path) -> None:
    _edit(letters / "en" / "acknowledgement.toml", 'title = "', "title = ")
    with pytest.raises(TemplateError, match=r"acknowledgement\.toml"):
        load_template(ACKNOWLEDGEMENT, "en", letters)


def test_a_lawyers_edit_reaches_the_letter_and_changes_the_version(
    letters: Path, facts: AcknowledgementFacts
) -> None:
    before = acknowledgement_version("zh", letters)
    _edit(
        letters / "zh" / "acknowledgement.toml",
        "个人信息保护团队",
        "个人信息保护负责人 <王律师> & 团队",
    )
    data = render_acknowledgement(facts, "zh", default_letterhead(), templates_dir=letters)
    assert squash("个人信息保护负责人 <王律师> & 团队") in squash("".join(read_pdf(data)[0]))
    assert acknowledgement_version("zh", letters).sha256 != before.sha256
    assert acknowledgement_version("zh") == before  # the shipped file is untouched


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('items = "grounds"', 'items = "reasons"', "paragraphs[12].items"),
        ('items = "grounds"', 'items = "grounds"\ntext = "x"', "paragraphs[12]"),
        ('items = "grounds"', 'table = "grounds"\ncolumns = ["a"]', "paragraphs[12].table"),
        ('text = "经审查', 'colour = "red"\ntext = "经审查', "paragraphs[10].colour"),
        ('text = "经审查，我们决定', 'text = "经审查，{ground}我们决定', "ground"),
        (
            'when = ["to_guardian", "rights_request"]',
            'when = ["to_guardian", "to_minor"]',
            "paragraphs[2].when",
        ),
    ],
)
def test_block_mistakes_name_the_field(letters: Path, old: str, new: str, field: str) -> None:
    from app.reports import REFUSAL

    path = letters / "zh" / "refusal.toml"
    _edit(path, old, new)
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, REFUSAL.spec, "zh")
    assert caught.value.field == field
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            'columns = ["信息类别", "数据项及内容", "来源", "保存期限"]',
            'columns = ["信息类别"]',
            "annex[0].columns",
        ),
        ("widths = [2, 3, 2, 4]", "widths = [2, 3]", "annex[0].widths"),
        ('table = "data_copy"', 'table = "data"', "annex[0].table"),
    ],
)
def test_annex_table_mistakes_name_the_field(letters: Path, old: str, new: str, field: str) -> None:
    from app.reports import ACCESS_RESPONSE

    path = letters / "en" / "access_response.toml"
    if "信息类别" in old:
        path = letters / "zh" / "access_response.toml"
    _edit(path, old, new)
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, ACCESS_RESPONSE.spec, path.parent.name)
    assert caught.value.field == field


def test_static_table_rows_need_one_cell_per_column(letters: Path) -> None:
    from app.reports import CANCELLATION_CONFIRMATION

    path = letters / "zh" / "cancellation_confirmation.toml"
    short_row = '[[paragraphs]]\ncolumns = ["信息类别", "保存至"]\nrows = [["网络日志"]]\n\n'
    _edit(
        path,
        '[[paragraphs]]\nheading = "您可以采取的救济途径"',
        short_row + '[[paragraphs]]\nheading = "您可以采取的救济途径"',
    )
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, CANCELLATION_CONFIRMATION.spec, "zh")
    assert caught.value.field == "paragraphs[17].rows"  # the 18th paragraph row of the file


def test_jurisdictions_file_mistakes_name_the_field(letters: Path) -> None:
    from app.reports.jurisdictions import load_jurisdictions

    _edit(letters / "en" / "jurisdictions.toml", "[UK.grounds]", "[UK.ground]")
    with pytest.raises(TemplateFieldError) as caught:
        load_jurisdictions("en", letters)
    assert caught.value.field == "UK.ground"


def test_an_edited_ground_reaches_the_letter_and_changes_the_version(letters: Path) -> None:
    from app.reports import REFUSAL, letter_version, render_refusal
    from tests.reports.samples import REFUSAL_FACTS

    before = letter_version(REFUSAL, "zh+en", letters)
    _edit(letters / "zh" / "jurisdictions.toml", "涉及商业秘密", "涉及商业秘密 <及技术秘密> &")
    data = render_refusal(REFUSAL_FACTS, "zh", default_letterhead(), templates_dir=letters)
    assert squash("涉及商业秘密 <及技术秘密> &") in squash("".join(read_pdf(data)[0]))
    assert letter_version(REFUSAL, "zh+en", letters).sha256 != before.sha256


ZH_TITLE_ROW = '[[titles]]\nwhen = "complaint"\ntext = "个人信息投诉举报受理回执"\n'


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        (
            '[[titles]]\nwhen = "complaints"\ntext = "投诉回执"\n',
            "titles[0].when",
            "unknown condition",
        ),
        (
            '[[titles]]\nwhen = ["complaint", "minor"]\ntext = "投诉回执"\n',
            "titles[0].when",
            "unknown",
        ),
        ('[[titles]]\nwhen = 1\ntext = "投诉回执"\n', "titles[0].when", "unknown condition"),
        ('[[titles]]\ntext = "投诉回执"\n', "titles[0].when", "missing"),
        ('[[titles]]\nwhen = []\ntext = "投诉回执"\n', "titles[0].when", "missing"),
        ('[[titles]]\nwhen = "complaint"\ntext = " "\n', "titles[0].text", "must not be empty"),
        ('[[titles]]\nwhen = "complaint"\n', "titles[0].text", "must be text"),
        ('[[titles]]\nwhen = "complaint"\ntitle = "投诉回执"\n', "titles[0].title", "unknown key"),
        ('[[titles]]\nwhen = "complaint"\ntext = "{case_kind}回执"\n', "case_kind", "placeholder"),
        ('[titles]\nwhen = "complaint"\ntext = "投诉回执"\n', "titles", "[[titles]]"),
    ],
)
def test_title_mistakes_name_the_file_and_field(
    letters: Path, row: str, field: str, problem: str
) -> None:
    path = letters / "zh" / "acknowledgement.toml"
    _edit(path, ZH_TITLE_ROW, row)
    with pytest.raises(TemplateFieldError) as caught:
        load_template_file(path, ACKNOWLEDGEMENT, "zh")
    assert caught.value.field == field
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_the_first_title_whose_conditions_hold_is_printed(letters: Path) -> None:
    """A lawyer's own rows: an unnamed complainant's title, then any complaint's, then ``title``."""
    path = letters / "en" / "acknowledgement.toml"
    eu_row = '[[titles]]\nwhen = ["complaint", "requester_unnamed"]\ntext = "Your complaint"\n\n'
    _edit(path, "[[titles]]\n", eu_row + "[[titles]]\n")
    template = load_template_file(path, ACKNOWLEDGEMENT, "en")
    named = {"complaint": True, "rights_request": False, "requester_unnamed": False}
    assert template.title_for(named) == "Acknowledgement of your complaint"
    assert template.title_for(named | {"requester_unnamed": True}) == "Your complaint"
    request = {"complaint": False, "rights_request": True, "requester_unnamed": True}
    assert template.title_for(request) == "Acknowledgement of your request"
