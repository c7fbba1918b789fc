"""What makes a batch of letters fast must not change a letter: subsets shared between letters
of one template, line breaks remembered between letters, compressed streams reused."""

import hashlib
import io
from dataclasses import replace
from typing import Any

from pypdf import PdfReader

from app.reports import default_letterhead, letter_paragraph, render_refusal
from app.reports.facts import RefusalFacts
from app.reports.letter_rows import RefusalGround
from tests.reports.pdf_reading import read_pdf, squash
from tests.reports.samples import REFUSAL_FACTS


def _refusal(name: str, detail: str = "订单记录须保存至2029年10月15日。") -> bytes:
    facts = replace(
        REFUSAL_FACTS,
        case=replace(REFUSAL_FACTS.case, subject_name=name),
        grounds=(RefusalGround("retention_period", detail), RefusalGround("trade_secret")),
    )
    return render_refusal(facts, "zh", default_letterhead())


def _font_files(pdf: bytes) -> dict[str, str]:
    """Map each embedded Chinese subset's font name to the SHA-256 of its font program."""
    files: dict[str, str] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts: Any = page["/Resources"]["/Font"]
        for reference in fonts.values():
            font = reference.get_object()
            name = str(font["/BaseFont"])
            if "WenQuanYi" in name:
                program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
                files[name.split("+", 1)[1] + str(font["/LastChar"])] = hashlib.sha256(
                    program.get_data()
                ).hexdigest()
    return files


def test_letters_of_one_template_share_every_chinese_subset_but_the_requesters_words() -> None:
    first, second = _refusal("张三"), _refusal("欧阳娜娜")
    one, two = _font_files(first), _font_files(second)
    shared = {name for name in one if one[name] == two.get(name)}
    # The template's own characters come first and are the same subsets; only the subset that
    # holds the requester's name differs.
    assert len(one) >= 2 and len(one) - len(shared) == 1
    for pdf, name in ((first, "张三"), (second, "欧阳娜娜")):
        texts, fonts = read_pdf(pdf)
        assert f"尊敬的{name}" in squash("".join(texts))
        assert all(font.has_font_file2 for font in fonts)


def test_a_letter_is_the_same_whatever_was_rendered_before() -> None:
    letter_paragraph._BREAKS.clear()
    cold = _refusal("李四")
    for name in ("王五", "赵六", "孙七"):
        _refusal(name)
    assert _refusal("李四") == cold


def test_a_paragraph_split_across_pages_prints_the_same_text_every_time() -> None:
    # ReportLab edits the words of the lines it splits at a page end; remembered lines must
    # not carry that edit into the next letter (it added a space at every later split).
    detail = "因法律规定须保存交易记录，相关订单信息暂不能删除。" * 60
    renders = [_refusal("张三", detail) for _ in range(3)]
    assert renders[0] == renders[1] == renders[2]
    texts, _fonts = read_pdf(renders[0])
    assert len(texts) >= 3  # the grounds run over two page ends
    assert "因法律规定须保存交易记录" in squash(texts[-1]) or "因法律规定" in squash(texts[1])


def test_facts_still_print_literally() -> None:
    facts: RefusalFacts = replace(
        REFUSAL_FACTS, case=replace(REFUSAL_FACTS.case, subject_name="Smith&Jones <b>")
    )
    texts, _fonts = read_pdf(render_refusal(facts, "zh", default_letterhead()))
    assert "Smith&Jones<b>" in squash("".join(texts))
