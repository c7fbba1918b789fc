"""Hostile input: parse_message raises nothing but MessageParseError, and valid GB18030
subjects never decode to U+FFFD."""

import base64

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import MessageParseError
from app.services.intake import parse_incoming, parse_message, triage

_HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Cc",
        "Subject",
        "Date",
        "Received",
        "Message-ID",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
        "X-Junk",
    ]
)
_HEADER_LINE = st.builds(
    lambda name, value: name.encode() + b": " + value,
    _HEADER_NAMES,
    st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")),
)
_CHARSETS = st.sampled_from(["gb2312", "GBK", "gb18030", "utf-8", "x-unknown", "cp936", "big5"])
_ENCODED_WORD = st.builds(
    lambda charset, enc, data: f"=?{charset}?{enc}?{data}?=",
    _CHARSETS,
    st.sampled_from(["B", "Q", "b", "x"]),
    st.text(alphabet="ABCDEFGHabcdefgh0123456789+/=_?", max_size=24),
)
_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_quietly(raw: bytes) -> None:
    try:
        message = parse_incoming(raw)
    except MessageParseError:
        return
    triage(message)  # whatever parses must also triage without raising


@_FUZZ
@given(st.binary(max_size=600))
def test_random_bytes(raw: bytes) -> None:
    _parse_quietly(raw)


@_FUZZ
@given(st.lists(_HEADER_LINE, min_size=1, max_size=12), st.binary(max_size=200))
def test_random_header_lines(lines: list[bytes], body: bytes) -> None:
    _parse_quietly(b"\r\n".join(lines) + b"\r\n\r\n" + body)


@_FUZZ
@given(st.lists(_ENCODED_WORD, min_size=1, max_size=6), st.sampled_from([" ", "\r\n ", "", "x"]))
def test_random_encoded_words(words: list[str], separator: str) -> None:
    _parse_quietly(
        b"From: a@example.com\r\nSubject: " + separator.join(words).encode() + b"\r\n\r\nx"
    )


@_FUZZ
@given(
    st.text(
        # Controls and format characters (soft hyphen, bidi overrides) are removed on purpose:
        # test_message.py::test_hidden_characters_are_removed_from_names_and_subjects.
        alphabet=st.characters(codec="gb18030", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["gb2312", "gbk", "gb18030", "GB2312"]),
)
def test_valid_gb18030_subjects_never_contain_replacement_characters(
    subject: str, cut: int, label: str
) -> None:
    data = subject.encode("gb18030")
    parts = [data[:cut], data[cut:]] if cut < len(data) else [data]
    words = " ".join(f"=?{label}?B?{base64.b64encode(p).decode()}?=" for p in parts if p)
    decoded = parse_message(f"From: a@example.com\r\nSubject: {words}\r\n\r\nx".encode()).subject
    assert "\ufffd" not in decoded
    assert decoded == subject.strip()
