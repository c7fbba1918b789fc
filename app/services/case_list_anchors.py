"""Keyset jumps for the case list: a page near a row the list already read is sought from
that row, not walked to from the start.

A page at OFFSET n makes the database step over n index entries: SQLite's b-trees keep no
counts, so scrolling to the middle of a million cases decrypts about 4,400 index pages
(README "Speed"), and so does every later page near there. The list reads pages by offset
(``app.ui.case_page_model``); ``Anchors`` remembers the first case of each page read (by its
reference, which is unique), per query, and a later page of the same query at a nearby
offset is read from that case's sort key and id instead (``seek_ids``: ``key >= anchor key
AND (key > anchor key OR id >= anchor id)`` in the query's order, skipping only the rows
between the two pages). The order is total (ties by id, ``app.services.case_search``), so
the rows are the very ones the offset would give as long as no case was added, removed or
changed in between: anchors are dropped once the database may have changed (``data_token``).

Only orders whose key has few ties and an index SQLite seeks by a range of it: received,
reference and due (outside the open views, whose due order is a merge of one range per
status), without search text. Kind and status hold a hundred thousand cases per value, and
the seek would walk those ties; the requester's order is a join.
"""

from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from sqlalchemy import Integer, Select, String, and_, bindparam, or_, select, type_coerce
from sqlalchemy.types import NullType

from app.models import Case
from app.services import case_search_plans as plans
from app.services.case_list_terms import CaseQuery, SortColumn
from app.services.case_search import search_terms
from app.services.case_statements import Runner, compiled

SEEKABLE_SORTS = frozenset({SortColumn.RECEIVED, SortColumn.REFERENCE, SortColumn.DUE})
# Per query: anchors kept (a page each, 200 rows: a scroll over 100,000 rows), and queries.
ANCHORS_PER_QUERY = 512
QUERIES_KEPT = 8


def seekable(query: CaseQuery) -> bool:
    """Whether pages of ``query`` can be sought from an anchor (see the module docstring)."""
    if query.text.strip() or query.sort not in SEEKABLE_SORTS:
        return False
    return not (query.sort == SortColumn.DUE and query.view in plans.OPEN_VIEWS)


@dataclass(frozen=True)
class Jump:
    """How to read a page from an anchor: the anchor case's reference, and the rows to skip
    from it forward (the anchor included) or, when ``forward`` is false, backward (the anchor
    excluded; the rows read are then reversed)."""

    reference: str
    skip: int
    forward: bool


class Anchors:
    """The first case of each page read (its reference), per query (offset and limit aside).

    Holds at most ``ANCHORS_PER_QUERY`` anchors for each of the last ``QUERIES_KEPT``
    queries. Whoever reads must ``forget`` them when the data may have changed.
    """

    def __init__(self) -> None:
        self._by_query: OrderedDict[CaseQuery, OrderedDict[int, str]] = OrderedDict()

    def forget(self) -> None:
        """Drop every anchor (the cases may have changed)."""
        self._by_query.clear()

    def only_of(self, query: CaseQuery) -> bool:
        """Whether every anchor held is of ``query`` (or none is held)."""
        return all(key == _key(query) for key in self._by_query)

    def remember(self, query: CaseQuery, references: list[str]) -> None:
        """Note that the page ``query`` asked for starts with the case ``references[0]``
        (nothing for an empty page or an order that cannot be sought)."""
        if not references or not seekable(query):
            return
        key = _key(query)
        anchors = self._by_query.pop(key, None) or OrderedDict()
        self._by_query[key] = anchors
        anchors.pop(query.offset, None)
        anchors[query.offset] = references[0]
        while len(anchors) > ANCHORS_PER_QUERY:
            anchors.popitem(last=False)
        while len(self._by_query) > QUERIES_KEPT:
            self._by_query.popitem(last=False)

    def jump(self, query: CaseQuery) -> Jump | None:
        """Return the shortest jump to ``query``'s page from an anchor (forward on a tie), or
        ``None`` when no anchor is nearer than the start (the page is then read by its
        offset)."""
        anchors = self._by_query.get(_key(query)) if seekable(query) else None
        jumps = [_jump(query, offset, reference) for offset, reference in (anchors or {}).items()]
        found = min(filter(None, jumps), key=lambda j: (j.skip, not j.forward), default=None)
        return found if found is not None and found.skip < query.offset else None


def _jump(query: CaseQuery, offset: int, reference: str) -> Jump | None:
    """The jump from the anchor ``reference`` at ``offset`` to ``query``'s page (``None``:
    the page holds the anchor's row without starting there)."""
    if offset <= query.offset:
        return Jump(reference, query.offset - offset, forward=True)
    if offset >= query.offset + query.limit:
        return Jump(reference, offset - query.offset - query.limit, forward=False)
    return None


def _key(query: CaseQuery) -> CaseQuery:
    return replace(query, offset=0, limit=0)


def seek_ids(connection: Runner, query: CaseQuery, jump: Jump) -> list[int] | None:
    """Return the case ids of ``query``'s page (``query.limit`` of them at most), read from
    the anchor of ``jump``: the same ids, in the same order, as reading the page by its
    offset while the cases are as they were when the anchor was read. ``None`` when the
    anchor case is gone."""
    found = compiled(connection, ("anchor", query.sort), partial(_anchor, query.sort))
    anchor = found.rows(connection, {"reference": jump.reference})
    if not anchor:
        return None
    no_text = search_terms("")
    statement = compiled(
        connection,
        ("seek", jump.forward, plans.shape_of(query, no_text)),
        partial(_seek_statement, query, jump.forward),
    )
    values = plans.bind_values(query, no_text) | {"offset": jump.skip}
    values |= {"anchor_key": anchor[0][0], "anchor_id": anchor[0][1]}
    ids: list[int] = statement.first_column(connection, values)
    return ids if jump.forward else ids[::-1]


def _anchor(sort: SortColumn) -> Select[Any]:
    """The sort key of the case bound as ``reference`` (as stored: no conversion either way,
    so that it compares exactly as the stored keys do), and its id."""
    key = type_coerce(plans.sort_key(sort), NullType())
    return select(key, Case.id).where(Case.reference == bindparam("reference", type_=String))


def _seek_statement(query: CaseQuery, forward: bool) -> Select[Any]:
    """The ids of ``query``'s view from the anchor case (its key bound as ``anchor_key``, its
    id as ``anchor_id``; binds ``offset`` and ``limit``): forward in the query's order from
    the anchor on, or backward from the case before it (``forward`` false: the order
    reversed)."""
    key = plans.sort_key(query.sort)
    # Bound as read (``_anchor``): the key column's own conversion would expect a Python value.
    anchor_key = type_coerce(bindparam("anchor_key", type_=NullType()), NullType())
    anchor_id = bindparam("anchor_id", type_=Integer)
    upward = forward != query.descending  # towards larger keys and ids
    if upward:
        seek = and_(key >= anchor_key, or_(key > anchor_key, _from_id(anchor_id, forward, True)))
    else:
        seek = and_(key <= anchor_key, or_(key < anchor_key, _from_id(anchor_id, forward, False)))
    order = (key.asc(), Case.id.asc()) if upward else (key.desc(), Case.id.desc())
    statement = select(Case.id).where(plans.view_condition(query), seek).order_by(*order)
    return statement.offset(bindparam("offset")).limit(bindparam("limit"))


def _from_id(anchor_id: Any, inclusive: bool, upward: bool) -> Any:
    """Among the anchor's ties: its id and beyond (``inclusive``), or strictly beyond."""
    if upward:
        return Case.id >= anchor_id if inclusive else Case.id > anchor_id
    return Case.id <= anchor_id if inclusive else Case.id < anchor_id


DataToken = tuple[Any, int, int] | None


def data_token(connection: Runner) -> DataToken:
    """Return what moves whenever a case may have changed, read in ``connection``'s
    transaction: on SQLite the DB-API connection itself, its ``data_version`` (moves when
    another connection or process commits) and its ``total_changes`` (moves with its own
    writes, committed or not); ``None`` where there is no such cheap check (PostgreSQL: the
    anchors then last until the list counts again, ``DatabaseCaseSource``)."""
    if connection.dialect.name != "sqlite":
        return None
    cursor = connection.exec_driver_sql("PRAGMA data_version", ())
    (version,) = cursor.fetchone()
    driver = getattr(cursor, "connection", None)
    changes = getattr(driver, "total_changes", None)
    return None if changes is None else (driver, int(version), int(changes))
