"""The start's clock check gives its pages back (app/ui/application.py ``refresh_clocks``):
the pooled connection it ran on keeps no cache the case list may never read again (issue 6,
peak memory with the list and the dashboard open)."""

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.application import refresh_clocks
from app.ui.memory_probe import sqlite_heap_mib

ROWS = 2_000  # rows of 4,000 random bytes: about 8 MiB of pages


def _cached_scratch(database: Database) -> None:
    """Write and read a scratch table, leaving its pages in the pooled connection's cache."""
    with database.session() as session:
        session.execute(text("CREATE TABLE scratch (n INTEGER, filler BLOB)"))
        session.execute(
            text(
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :rows) "
                "INSERT INTO scratch SELECT n, randomblob(4000) FROM k"
            ),
            {"rows": ROWS},
        )
    with database.session() as session:
        total = session.execute(text("SELECT sum(length(filler)) FROM scratch")).scalar_one()
    assert total == ROWS * 4000


def test_the_clock_check_leaves_its_connection_without_cached_pages(
    qtbot: QtBot, database: Database
) -> None:
    window = QMainWindow()  # not the main window: nothing to refresh on screen
    qtbot.addWidget(window)
    _cached_scratch(database)
    cached = sqlite_heap_mib()["in_use"]
    # The pool hands back the connection returned last: the one holding the scratch pages.
    refresh_clocks(database, load_rule_book, window)
    assert cached - sqlite_heap_mib()["in_use"] >= 7
    with database.session() as session:  # and the database reads on as before
        assert session.execute(text("SELECT count(*) FROM scratch")).scalar_one() == ROWS
