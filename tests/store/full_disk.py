"""Making a disk "full" without root: a page limit on the database (``PRAGMA max_page_count``:
SQLite's own SQLITE_FULL, "database or disk is full") or a file-size limit on the process
(``RLIMIT_FSIZE``: writes past it fail as on a full disk), and messages large enough to
need room."""

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event

from app.store import Database
from tests.conftest import CORPUS_INBOX

PADDING_LINE = b"%06d padding line of the message body, to take room on the disk\r\n"


def padded_messages(folder: Path, count: int, kib: int = 100) -> list[Path]:
    """Write ``count`` access requests (the corpus's first, each with its own Message-ID) with
    ``kib`` KiB of text added to the body, as ``0.eml``, ``1.eml``…; return their paths.
    Each needs some 200 KiB in the database (the message kept as the case's original)."""
    source = (CORPUS_INBOX / "001-en-access-default.eml").read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    lines = kib * 1024 // len(PADDING_LINE % 0)
    padding = b"".join(PADDING_LINE % number for number in range(lines))
    paths = []
    for number in range(count):
        own_id = f"<disk-full-{number}@example.net>".encode()
        raw = source.replace(b"<1767965188@example.net>", own_id).rstrip()
        path = folder / f"{number}.eml"
        path.write_bytes(raw + b"\r\n\r\n" + padding)
        paths.append(path)
    return paths


def cap_pages(database: Database) -> int:
    """Let ``database`` grow no more (every connection from now on: ``max_page_count`` is a
    per-connection setting); return its size in pages. Pages already free may still be used."""
    with database.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
    database.engine.dispose()  # the pooled connections were opened without the limit

    def limit(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    event.listen(database.engine, "connect", limit)
    return pages


@contextmanager
def no_growth() -> Iterator[None]:
    """While in the block, no database opened (by any engine: the command line opens its own)
    grows past its size when its connection was made: ``max_page_count`` cannot be set below
    a database's size, so asking for 1 page caps it where it is."""

    def limit(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA max_page_count = 1")  # type: ignore[attr-defined]

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


@contextmanager
def file_size_limit(limit_bytes: int) -> Iterator[None]:
    """Let no file of this process grow past ``limit_bytes`` (as a full disk would) while in
    the block: a write crossing it is cut short, one past it fails (``EFBIG``; the signal that
    would end the process is ignored meanwhile)."""
    import resource  # POSIX only

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
