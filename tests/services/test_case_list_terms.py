"""The search text as the case list looks for it (``normalise_search_text``): NFKC, invisible
characters dropped, spaces collapsed, cut to ``MAX_SEARCH_LENGTH``; names are folded further
by ``search_words``, e-mail addresses and references are looked for as this text."""

import pytest

from app.services.case_list_terms import MAX_SEARCH_LENGTH, normalise_search_text


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("  ｐｄ-2026-0001 ", "pd-2026-0001"),  # full width, padded
        ("\u200ePD-2026-000123\u200f", "PD-2026-000123"),  # pasted from a right-to-left text
        ("zhang\u200b.wei@example.com", "zhang.wei@example.com"),  # a zero-width space
        ("josé@example.com", "josé@example.com"),  # addresses keep their accents
        ("Novák", "Novák"),  # names are folded by search_words, not here
        ("司马\u3000懿", "司马 懿"),  # the ideographic space is a space
        ("Anna \t\n Smith", "Anna Smith"),
        ("\ufeff\u202e\u2066", ""),  # invisible only: no search at all
        ("%_\\'\u0000", "%_\\'\u0000"),  # hostile characters are kept, to be matched literally
    ],
)
def test_the_search_text(typed: str, searched: str) -> None:
    assert normalise_search_text(typed) == searched


def test_a_pasted_long_text_is_cut() -> None:
    assert normalise_search_text("Ł" * 10_000) == "Ł" * MAX_SEARCH_LENGTH
