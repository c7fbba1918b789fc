"""Which requesters a search text matches, as index ranges: the statements' search part.

A text looks for a reference prefix, or for requesters whose name words, whole name, e-mail
address, account ID or phone number start with it (``case_search_text.search_terms``).
Each of those is a prefix range over an index; the requesters found are the union of the
ranges, a name of several typed words the intersection of one range per word; identifiers are
one range per kind over their folded form, and a text of digits also finds the cases whose
reference has that number (``case_search_forms``: exact references, OR'ed with the rest). Every
value is a named bind (``case_search_plans``: one compiled statement per shape).
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier, SubjectNameWord

# The prefix ranges of typed name words are named "word0", "word1"...
WORD = "word"
# The identifier ranges by name without its number (case_search_forms.identifier_ranges):
# the kind, and whether over the stored value rather than the folded form ("stored_phone",
# "stored_phone1": a number typed with its country code, contact_points.phone_forms).
_BY_NAME = {
    "email": (IdentifierKind.EMAIL, False),
    "account": (IdentifierKind.ACCOUNT_ID, False),
    "phone": (IdentifierKind.PHONE, False),
    "stored_phone": (IdentifierKind.PHONE, True),
}


def _identifier_range(name: str) -> tuple[IdentifierKind, bool] | None:
    return _BY_NAME.get(name.rstrip("0123456789"))


@dataclass(frozen=True)
class PrefixRange:
    """Values starting with a prefix, as the index range [``low``, ``high``): ``high`` is the
    prefix with its last character's successor, ``None`` when there is none (U+10FFFF)."""

    name: str
    low: str
    high: str | None


@dataclass(frozen=True)
class SearchTerms:
    """What a search text looks for: a reference prefix, or the requester's name words
    (``word0``...), whole name and identifier (folded, and when the text reads as one, phone
    number) prefixes; nothing when empty."""

    by_reference: bool
    ranges: tuple[PrefixRange, ...]
    # Read in the sort order, test each case's id (not its requester) against the matching
    # cases' ids, collected first (``text_condition``).
    by_case_id: bool = False
    # The text as a reference number, (year or None, sequence), and the exact references it
    # can be, bound as "ref0"... (``case_search_forms``: resolved against the register).
    number: tuple[int | None, int] | None = None
    references: tuple[str, ...] = ()

    @property
    def shape(self) -> Hashable:
        """What of the terms changes the statement's text."""
        ranges = tuple((r.name, r.high is None) for r in self.ranges)
        return self.by_reference, ranges, self.by_case_id, len(self.references)

    @property
    def words(self) -> int:
        """How many typed words the requester's name words must match."""
        return sum(1 for prefix in self.ranges if prefix.name.startswith(WORD))

    @property
    def searched(self) -> bool:
        """Whether there is any text to look for."""
        return bool(self.ranges)

    def words_ordered(self, sizes: Sequence[int]) -> "SearchTerms":
        """The same terms with the typed words' ranges renumbered largest first, by ``sizes``
        (how many index entries each range of ``ranges`` holds, in its order, counted up to
        a cap): the intersection then collects the smallest range and scans the larger ones
        (``_named_with_words``). Of ranges counted alike, the shorter prefix is taken as the
        larger. The set of requesters found is the same in any order."""
        words = [(size, r) for size, r in zip(sizes, self.ranges, strict=True) if _is_word(r)]
        ordered = iter(sorted(words, key=lambda found: (-found[0], len(found[1].low))))
        ranges = [replace(next(ordered)[1], name=r.name) if _is_word(r) else r for r in self.ranges]
        return replace(self, ranges=tuple(ranges))


def _is_word(prefix: PrefixRange) -> bool:
    return prefix.name.startswith(WORD)


def prefix_range(name: str, prefix: str) -> PrefixRange:
    """Return the range of values starting with the non-empty ``prefix`` (LIKE would be
    case-insensitive and so unusable with a case-sensitive index, and would treat ``%``/``_``
    as wildcards)."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates cannot be encoded: jump past them
        last = 0xE000
    high = None if last > 0x10FFFF else prefix[:-1] + chr(last)
    return PrefixRange(name, prefix, high)


def text_condition(terms: SearchTerms, in_order: bool) -> ColumnElement[bool]:
    """The search condition on ``Case``; ``in_order``: test each case's requester against the
    matches instead of looking the matches' cases up (``subject_id + 0`` hides the column's
    index from the planner, which then walks the sort order's index; see ``case_search``).

    With ``terms.by_case_id`` (and ``in_order``) the matching cases' ids are collected first
    (from ``ix_case_subject_id`` alone) and each case of the walk is tested by its id, which
    the sort order's index holds: the walk reads no case row. Sorting a few thousand matches
    instead reads each one's row for its key, scattered over the table and mostly not in the
    page cache (at a million cases "anna s": 3,768 rows, 100-250 ms in SQLCipher)."""
    if not terms.searched:
        return true()
    if terms.by_reference:
        return starts_with(Case.reference, terms.ranges[0])
    if in_order and terms.by_case_id:
        matching = aliased(Case)
        cases = select(matching.id).where(matching.subject_id.in_(matching_subjects(terms)))
        if terms.references:
            numbered = select(matching.id).where(matching.reference.in_(reference_binds(terms)))
            return (Case.id + literal_column("0")).in_(union_all(cases, numbered))
        return (Case.id + literal_column("0")).in_(cases)
    requester = Case.subject_id + literal_column("0") if in_order else Case.subject_id
    by_requester = requester.in_(matching_subjects(terms))
    if not terms.references:
        return by_requester
    # Each side is an index lookup (the reference's unique index, ix_case_subject_id): SQLite
    # reads their union (MULTI-INDEX OR), PostgreSQL a BitmapOr.
    return or_(Case.reference.in_(reference_binds(terms)), by_requester)


def reference_binds(terms: SearchTerms) -> list[Any]:
    """The binds "ref0"... of ``terms.references`` (``case_search_plans.bind_values``)."""
    return [bindparam(f"ref{n}", type_=String) for n in range(len(terms.references))]


def matching_subjects(terms: SearchTerms) -> Any:
    """Subject ids whose name (its words, or the whole name) or identifier (folded, or a phone
    number as stored) starts with the text: one index range per kind, in one ``UNION ALL``.

    A subject may come more than once; the statements take these ids with ``IN`` or count
    distinct cases, so no ``UNION`` is needed, whose duplicate removal sorted every range into
    a temporary B-tree of its own (for 王 at a million cases, 22,000 ids, twice the work)."""
    words = [prefix for prefix in terms.ranges if _is_word(prefix)]
    branches: list[Select[Any]] = [_named_with_words(words)] if words else []
    for prefix in terms.ranges:
        if prefix.name == "name":
            column = func.lower(DataSubject.display_name)
            branches.append(select(DataSubject.id).where(starts_with(column, prefix)))
        elif _identifier_range(prefix.name) is not None:
            branches.append(_identified(prefix))
    return union_all(*branches) if len(branches) > 1 else branches[0]


def _identified(prefix: PrefixRange) -> Select[Any]:
    """The subjects with an identifier in ``prefix``'s range, of the kind its name tells: a
    range over the folded forms (``ix_subject_identifier_folded``, which holds the subject id:
    no row is read), or over the stored values (the (kind, value) unique index)."""
    found = _identifier_range(prefix.name)
    assert found is not None  # only identifier ranges come here
    kind, stored = found
    column = SubjectIdentifier.value if stored else SubjectIdentifier.folded
    return select(SubjectIdentifier.subject_id).where(
        SubjectIdentifier.kind == literal(kind, SubjectIdentifier.kind.type),
        starts_with(column, prefix),
    )


def _named_with_words(words: list[PrefixRange]) -> Select[Any]:
    """Subjects with a name word starting with each of ``words`` (largest range first, see
    ``SearchTerms.words_ordered``): the last, smallest range is collected, and each larger one
    is read in key order keeping the subjects already collected.

    Ranges read in key order, not a probe of the (subject, word) index per candidate: at a
    million cases "anna s" is 16,000 candidates, and their probes, scattered over the index,
    cost 150-180 ms in SQLCipher once the case pages share its cache. Nor an ``INTERSECT``,
    which sorts both ranges (69,000 words start with "s"): 140 ms against 30-60 ms for
    collecting the 16,000 and looking each of the 69,000 up. ``subject_id + 0`` keeps SQLite
    from turning the lookup into those probes."""
    statement: Select[Any] | None = None
    for prefix in reversed(words):
        word = aliased(SubjectNameWord)
        found = select(word.subject_id).where(starts_with(word.word, prefix))
        if statement is not None:
            found = found.where((word.subject_id + literal_column("0")).in_(statement))
        statement = found
    assert statement is not None  # at least one word
    return statement


def range_sizes(terms: SearchTerms) -> Select[Any]:
    """How many index entries each of ``terms.ranges`` holds, each counted up to the bind
    ``cap``: a few index steps per range, no sorting (the estimate ``case_search`` chooses the
    plan from)."""
    counts = [
        select(func.count()).select_from(_range_entries(prefix).subquery()).scalar_subquery()
        for prefix in terms.ranges
    ]
    return select(*counts)


def _range_entries(prefix: PrefixRange) -> Select[Any]:
    if _is_word(prefix):
        statement = select(SubjectNameWord.subject_id).where(
            starts_with(SubjectNameWord.word, prefix)
        )
    elif prefix.name == "name":
        column = func.lower(DataSubject.display_name)
        statement = select(DataSubject.id).where(starts_with(column, prefix))
    else:
        statement = _identified(prefix)
    return statement.limit(bindparam("cap"))


def starts_with(column: Any, prefix: PrefixRange) -> ColumnElement[bool]:
    """``column`` within ``prefix``'s range (binds ``<name>_low`` and ``<name>_high``)."""
    low = column >= bindparam(f"{prefix.name}_low", type_=String)
    if prefix.high is None:
        return and_(low)
    return and_(low, column < bindparam(f"{prefix.name}_high", type_=String))
