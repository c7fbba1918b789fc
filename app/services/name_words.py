"""The words of a requester's name for the name search (``app.services.case_search``).

The rule lives in the model layer (``app.models.name_words``), which keeps the word index in
step with every write of a name and may not import services; this is its name for services
and the UI.
"""

from app.models.name_words import (
    MAX_SEARCH_WORDS,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    SUFFIX_RUN,
    name_words,
    search_words,
)

__all__ = [
    "MAX_SEARCH_WORDS",
    "MAX_WORDS",
    "MAX_WORD_LENGTH",
    "SUFFIX_RUN",
    "name_words",
    "search_words",
]
