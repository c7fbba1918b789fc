"""What a search text typed into the case list looks for, as index ranges
(``app.services.case_search_matching``): a reference, the requester's name, an identifier.

Kept apart from the statements that read the list (``app.services.case_search``): the list's
snapshots and anchors (``case_list_snapshot``, ``case_list_anchors``) need the terms alone.
"""

import re
from functools import lru_cache

from app.services import case_search_plans as plans
from app.services.case_list_terms import normalise_search_text
from app.services.case_search_forms import identifier_ranges, reference_number, with_references
from app.services.case_search_plans import SearchTerms, prefix_range
from app.services.case_statements import Runner
from app.services.name_words import folded, search_words

# The start of a reference (``app.services.references``), typed or pasted in any case:
# "PD-2026-000123", "pd-2026-0001", "PD-2026", "PD-".
_REFERENCE_LIKE = re.compile(r"^PD-(\d{1,4}(-\d*)?)?$")
# A whole reference typed without its zeros ("pd-2026-43"): the number it names, as "2026-43"
# is searched. With a leading zero ("PD-2026-0001") it is the start of a reference.
_SHORT_REFERENCE = re.compile(r"^PD-(\d{4})-([1-9]\d{0,4})$")


@lru_cache(maxsize=64)
def search_terms(text: str) -> SearchTerms:
    """Return what the search ``text`` looks for (see ``CaseQuery.text``): after
    ``normalise_search_text``, a reference prefix (upper-cased), else the requester's name
    and identifiers starting with it — an account ID, e-mail address or phone number in
    any letter case and width, by their folded form; an account ID with any separators or
    none ("XUYUN 88231" finds "xuyun-88231"; not for several words without a digit, a
    name); a phone number typed with or without its country code
    (``case_search_forms.identifier_ranges``) — or, for digits with an
    optional "<year>-", the reference with that number (``case_search_forms``; its
    references are found against the register by ``with_references``).

    The name matches when each typed word starts a word of it, in any order ("smith anna"
    finds "Anna Smith", "娜娜" finds "欧阳娜娜"; case-folded, punctuation taken literally:
    ``app.models.name_words``), or when the whole name starts with the text (lower-cased, as
    its index). For a text of one word the words alone decide: a name starting with it has a
    first word starting with it.
    """
    text = normalise_search_text(text)
    if not text:
        return SearchTerms(by_reference=False, ranges=())
    short = _SHORT_REFERENCE.match(text.upper())
    if short:
        return search_terms(f"{short.group(1)}-{short.group(2)}")
    if _REFERENCE_LIKE.match(text.upper()):
        return SearchTerms(by_reference=True, ranges=(prefix_range("reference", text.upper()),))
    words = search_words(text)
    ranges = [] if words == (folded(text),) else [prefix_range("name", text.lower())]
    ranges += [prefix_range(f"{plans.WORD}{n}", word) for n, word in enumerate(words)]
    ranges += identifier_ranges(text)
    return SearchTerms(by_reference=False, ranges=tuple(ranges), number=reference_number(text))


def terms_of(connection: Runner, text: str) -> SearchTerms:
    """``search_terms(text)`` with the references its number can be."""
    return with_references(connection, search_terms(text))
