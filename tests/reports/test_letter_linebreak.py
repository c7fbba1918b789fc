"""Line breaking of mixed Chinese/Latin text: every line inside the frame, tokens kept whole."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports.fonts import default_font_stack
from app.reports.letter_paragraph import LetterParagraph
from app.reports.styles import FRAME_WIDTH, letter_styles

EMAIL = "zhang.san@example.com"
REFERENCE = "PD-2026-000123"
URL = "https://www.xuyun.example/privacy/requests?case=PD-2026-000123&lang=zh"
# 300 Chinese characters with an e-mail address, a case reference and a URL in running text.
CHINESE_300 = (
    "您好！我们已经收到您于二〇二六年十月八日通过电子邮件提交的个人信息删除请求。"
    f"为便于核对，请您今后来信时使用邮箱{EMAIL}并注明受理编号{REFERENCE}，"
    "我们的个人信息保护团队会在核验身份之后尽快处理，处理进度可以在以下网址查询："
    f"{URL}。根据相关法律法规的规定，我们在处理您的请求时，"
    "需要首先确认提出请求的人确实是个人信息主体本人或者其合法授权的代理人，"
    "以防止他人冒用您的身份获取、更正或删除您的个人信息，从而损害您的合法权益。"
    "在身份核验完成之前，我们不会向任何第三方披露与您相关的任何信息，"
    "也不会对您的账号作出任何变更。身份核验完成后，我们将逐项检查我们所持有的与您相关的"
    "个人信息，包括账号信息、实名认证信息、订单与交易记录、工单与通话录音以及访问日志，"
    "并依照法律规定的保存期限决定删除、匿名化或者继续保存的范围，书面告知您处理结果。"
)


def _lines(text: str, width: float = FRAME_WIDTH) -> tuple[list[list[Any]], LetterParagraph]:
    fonts = default_font_stack()
    style = letter_styles("zh", fonts).body
    paragraph = LetterParagraph(fonts.markup(text), style)
    paragraph.wrap(width, 10_000)
    return [line.words for line in paragraph.blPara.lines], paragraph


def _width(words: list[Any]) -> float:
    return float(sum(stringWidth(word.text, word.fontName, word.fontSize) for word in words))


def _text(words: list[Any]) -> str:
    return "".join(word.text for word in words)


def _assert_inside(lines: list[list[Any]], paragraph: LetterParagraph, width: float) -> None:
    first_width = width - paragraph.style.firstLineIndent
    for index, words in enumerate(lines):
        available = first_width if index == 0 else width
        assert _width(words) <= available + 1e-6, (index, _text(words))


def test_chinese_paragraph_with_tokens_stays_inside_the_frame() -> None:
    assert len(CHINESE_300) >= 300
    lines, paragraph = _lines(CHINESE_300)
    assert len(lines) >= 8
    _assert_inside(lines, paragraph, FRAME_WIDTH)
    texts = [_text(words) for words in lines]
    assert "".join(texts) == CHINESE_300  # nothing lost or repeated at the breaks
    for token in (EMAIL, REFERENCE, URL):
        assert any(token in line for line in texts), token  # never broken mid-token
    for line in texts[1:]:
        assert line[0] not in "，。、；：？！）》", line  # no closing punctuation at a line start


def test_tokens_stay_whole_wherever_the_line_ends() -> None:
    # Shift the tokens across every position of a line: none may be split.
    for shift in range(0, 40):
        text = "甲" * shift + f"请联系{EMAIL}或引用{REFERENCE}，谢谢。" * 3
        lines, paragraph = _lines(text)
        _assert_inside(lines, paragraph, FRAME_WIDTH)
        texts = [_text(words) for words in lines]
        assert sum(line.count(EMAIL) for line in texts) == 3, shift
        assert sum(line.count(REFERENCE) for line in texts) == 3, shift


def test_a_token_longer_than_a_line_is_broken_inside_the_frame() -> None:
    long_url = "https://www.xuyun.example/" + "a1b2c3d4" * 40
    lines, paragraph = _lines(f"网址：{long_url}。")
    _assert_inside(lines, paragraph, FRAME_WIDTH)
    assert "".join(_text(words) for words in lines) == f"网址：{long_url}。"


def test_english_words_break_at_spaces() -> None:
    text = "We received your request and have registered it under reference " + REFERENCE + ". " * 1
    lines, paragraph = _lines(text * 4, width=200)
    _assert_inside(lines, paragraph, 200)
    for words in lines:
        line = _text(words)
        assert not line.endswith(" ")
    joined = " ".join(_text(words) for words in lines)
    assert joined.split() == (text * 4).split()


ALPHABET = st.sampled_from(
    list("个人信息保护法第四章删除请求")
    + list("abcXYZ019@.-/:_")
    + list("，。、：（）《》“”")
    + [" "]
)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(ALPHABET, min_size=1, max_size=400), width=st.integers(min_value=60, max_value=460)
)
def test_any_mix_stays_inside_any_width(text: str, width: int) -> None:
    lines, paragraph = _lines(text, float(width))
    _assert_inside(lines, paragraph, float(width))
    assert "".join(_text(words) for words in lines).replace(" ", "") == text.replace(" ", "")


def test_paragraphs_built_from_runs_break_like_parsed_markup() -> None:
    fonts = default_font_stack()
    style = letter_styles("zh", fonts).body
    text = CHINESE_300 + "\n第二行 <b>&amp; Smith&Jones"
    parsed = LetterParagraph(fonts.markup(text), style)
    built = LetterParagraph.from_runs(fonts.runs(text), style)
    for paragraph in (parsed, built):
        paragraph.wrap(FRAME_WIDTH, 10_000)
    assert [_text(line.words) for line in built.blPara.lines] == [
        _text(line.words) for line in parsed.blPara.lines
    ]
    assert built.height == parsed.height


def test_every_letter_paragraph_stays_inside_the_frame() -> None:
    from app.reports import default_letterhead
    from app.reports.content import Items
    from app.reports.letters import letter_content
    from tests.reports.samples import SAMPLES

    fonts = default_font_stack()
    for kind, facts in SAMPLES.values():
        for language in ("zh", "en"):
            content = letter_content(
                kind, facts, language, default_letterhead(), kind.jurisdiction_of(facts)
            )
            style = letter_styles(language, fonts).body
            texts = [b for b in content.paragraphs if isinstance(b, str)]
            texts += [i for b in content.paragraphs if isinstance(b, Items) for i in b.items]
            for text in texts:
                paragraph = LetterParagraph.from_runs(fonts.runs(text), style)
                paragraph.wrap(FRAME_WIDTH, 10_000)
                _assert_inside(
                    [line.words for line in paragraph.blPara.lines], paragraph, FRAME_WIDTH
                )
