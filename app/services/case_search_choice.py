"""How a search's page is read: by collecting the matching cases and sorting them, or by
walking the cases in the sort order and keeping the matching ones (``app.services.case_search``
explains both). Chosen per call from one capped count per index range: a few thousand index
steps at most, no sorting.
"""

import math

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case
from app.services import case_search_plans as plans
from app.services.case_list_terms import CaseQuery, SortColumn
from app.services.case_search_plans import SearchTerms
from app.services.case_search_text import terms_of
from app.services.case_statements import Runner, compiled, runner_of

# How many steps of a walk over an index cost as much as reading one matching case's row
# for its sort key (measured at a million cases in SQLCipher: 0.5 µs against 20-60 µs, the
# rows being scattered and mostly not in the page cache); walking with the matching cases'
# ids (``case_search.first_page_counted``) wins from ``walk_threshold`` divided by about the
# square root of that ratio: 1,767 matching cases at a million.
ROW_READ_STEPS = 8
# The orders whose index holds the requester too (migration 0015): a walk over it tests each
# case's requester without reading its row (``case_search._walks_by_subject``).
SUBJECT_WALK_SORTS = frozenset({SortColumn.RECEIVED, SortColumn.DUE})
# Walking such an index costs (offset + limit) * N / m entries, about 100 to a page; reading
# m matches costs about two scattered pages each (its requester's entry in
# ``ix_case_subject_id``, its row or ``ix_case_subject_status_urgency`` entry for the key):
# walking reads fewer pages from ``walk_threshold`` divided by about sqrt(2 * 100), 1,010
# matching cases at a million.
SUBJECT_WALK_STEPS = 14


def reading_plan(
    connection: Runner, query: CaseQuery, terms: SearchTerms
) -> tuple[bool, SearchTerms]:
    """Return how to read a search's page: whether to walk the cases in the sort order
    (``matches_many``), and the terms with the typed words ordered for their intersection
    (``SearchTerms.words_ordered``), from one capped count per index range
    (``case_search_plans.range_sizes``)."""
    if not terms.searched or terms.by_reference:
        return False, terms
    threshold = walk_threshold(connection, query)
    sizes = compiled(connection, ("sizes", terms.shape), lambda: plans.range_sizes(terms))
    values = plans.bind_values(query, terms) | {"cap": threshold}
    found = sizes.rows(connection, values)[0]
    counts = [int(size or 0) for size in found]
    if terms.words > 1:
        return False, terms.words_ordered(counts)
    return sum(counts) >= threshold, terms


def walk_threshold(connection: Runner, query: CaseQuery) -> int:
    """Return the number of matching requesters from which walking the cases in the sort
    order and keeping the matching ones reaches the page sooner than reading every match and
    sorting.

    Reading every match costs one step per matching case (m); walking in order costs about
    (offset + limit) * N / m steps for N cases, so walking wins once m exceeds
    sqrt((offset + limit) * N): at a million cases, a 200-row page, from about 14,000 matches
    (a one-character name like 王, a common e-mail start like "zhang")."""
    last = compiled(connection, ("last case",), lambda: select(func.max(Case.id)))
    cases = int(last.scalar(connection, {}) or 0)
    return max(math.isqrt((max(query.offset, 0) + max(query.limit, 1)) * cases), 1)


def matches_many(reading: Session | Runner, query: CaseQuery) -> bool:
    """Return whether a search matches so many requesters that its page is read by walking
    the cases in the sort order (``walk_threshold``). The index entries of each range are
    counted up to the threshold and added up: a requester found by two ranges counts twice,
    which only moves the choice of plan, never the rows found.

    A text of several words is taken to match few: each word narrows the names down (at a
    million cases "a b" matches 4,150 requesters), and deciding would cost as much as the
    intersection of their ranges itself (``case_search_matching._named_with_words``).
    """
    connection = runner_of(reading)
    return reading_plan(connection, query, terms_of(connection, query.text))[0]
