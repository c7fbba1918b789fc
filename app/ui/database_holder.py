"""The database a window shows: at the start possibly only a first look, until it is needed.

A window started on a ``FirstLook`` (``app.store.first_look``) paints its case list from the
plain connection (``app.services.case_list_start``) and builds the full ``Database`` —
importing SQLAlchemy — the first time anything else needs it: the tools built right after
the first paint, or the list asked for another view first. No Qt here; the window holds one.
"""

from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from app.services.case_list_start import StartCaseSource
from app.services.case_list_terms import CaseSource
from app.services.user_names import staff_spelling
from app.store.first_look import FirstLook

if TYPE_CHECKING:
    from app.store import Database


STAFF_NAMES = "SELECT username FROM staff_member"


class DatabaseHolder:
    """Holds the window's current ``Database``, or the ``FirstLook`` it will be built from.

    Args:
        opening: an open ``Database``, or a first look at one.
    """

    def __init__(self, opening: "Database | FirstLook") -> None:
        self._look = opening if isinstance(opening, FirstLook) else None
        self._database = None if isinstance(opening, FirstLook) else opening
        self._start_source: StartCaseSource | None = None

    def get(self) -> "Database":
        """The current database, built from the first look on the first call.

        Raises:
            PrivacyDeskError: the first look was closed.
        """
        if self._database is None:
            assert self._look is not None  # one of the two is always set
            self._database = self._look.database()
            if self._start_source is not None:
                self._start_source.retire()  # the connection now belongs to the engine
        return self._database

    def set(self, database: "Database") -> None:
        """Hold ``database`` from now on (the demo, the team server, a reopened file)."""
        self.get()
        self._database = database

    @property
    def looking(self) -> bool:
        """Whether the full database has not been built yet."""
        return self._database is None

    def list_source(self) -> CaseSource:
        """The case list's source: over the first look's connection while there is one (any
        request it cannot serve builds the database), else over the database."""
        if self._look is None or self._database is not None:
            return self._full_source()
        try:
            self._start_source = StartCaseSource(self._look.connection, self._full_source)
        except (OSError, ValueError, KeyError):  # the kept statements unreadable: a broken install
            return self._full_source()
        return self._start_source

    def staff_spelling(self, name: str) -> str:
        """Return ``name`` as the staff list of the current database spells it
        (``user_names.staff_spelling``: "LI.WEI" is the member "li.wei"), read now: over the
        first look's connection while there is one (no SQLAlchemy before the first paint).

        A first look whose staff list cannot be read (a damaged page) gives ``name`` as it
        is: the services compare names regardless of case themselves, and the full database
        built next reports the damage.
        """
        if self._database is None:
            assert self._look is not None
            try:
                found = self._look.connection.execute(STAFF_NAMES).fetchall()
            except sqlcipher.Error:
                return name
            return staff_spelling((row[0] for row in found), name)
        with self._database.plain_reading() as reader:
            found = reader.exec_driver_sql(STAFF_NAMES, ()).fetchall()
        return staff_spelling((row[0] for row in found), name)

    def _full_source(self) -> CaseSource:
        from app.services.case_list_source import DatabaseCaseSource  # SQLAlchemy: not before

        return DatabaseCaseSource(self.get())

    def close(self) -> None:
        """Close the current database, or only the first look if nothing was built."""
        if self._database is None:
            assert self._look is not None
            self._look.close()
        else:
            self._database.close()
