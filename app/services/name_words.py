"""The words of a requester's name for the name search (``app.services.case_search``).

The rule lives in the model layer (``app.models.name_words``), which keeps the word index in
step with every write of a name and may not import services; this is its name for services
and the UI. ``folded`` is the text as names are compared (accents dropped, apostrophes made
one…, Traditional and Japanese forms of Han characters in their Simplified form): a one-word
search text whose ``search_words`` are ``(folded(text),)`` needs nothing but the name's
words.
"""

from app.models.name_words import (
    MAX_SEARCH_WORDS,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    SUFFIX_RUN,
    folded,
    name_words,
    search_words,
    without_invisible,
)

__all__ = [
    "MAX_SEARCH_WORDS",
    "MAX_WORDS",
    "MAX_WORD_LENGTH",
    "SUFFIX_RUN",
    "folded",
    "name_words",
    "search_words",
    "without_invisible",
]
