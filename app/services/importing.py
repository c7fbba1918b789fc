"""Importing incoming messages as cases: one file, one transaction, one result.

A batch never stops on one bad file; each file commits or rolls back on its own, so a crash
loses at most the file being imported. Importing the same message twice (same Message-ID, or
the same bytes when there is no Message-ID) does not create a second case
(``app.services.message_import``, which imports one file).
"""

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from app.errors import PrivacyDeskError
from app.services.audit import SYSTEM_ACTOR
from app.services.deadlines import RuleBook
from app.services.import_results import FileResult, ImportOutcome, ImportReport, SessionSource
from app.services.message_import import import_message_file
from app.services.receipt_checks import implausible_receipt

log = logging.getLogger(__name__)

MESSAGE_SUFFIXES = frozenset({".eml", ".msg"})

# Public names of this module before it was split, still imported from here.
__all__ = [
    "MESSAGE_SUFFIXES",
    "FileResult",
    "ImportOutcome",
    "ImportReport",
    "SessionSource",
    "collect_message_files",
    "implausible_receipt",
    "import_message_file",
    "import_paths",
]


def collect_message_files(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Expand ``paths`` into message files: a named file is always taken; a folder contributes
    the ``.eml`` and ``.msg`` files below it, in name order.

    Returns:
        (message files, other files found in the folders — reported as skipped; hidden files
        such as ``.DS_Store`` are left out of both).
    """
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.name.startswith("."):
                continue
            (found if _is_message_file(child) else skipped).append(child)
    return found, skipped


def _is_message_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in MESSAGE_SUFFIXES


def import_paths(
    sessions: SessionSource,
    paths: Sequence[Path],
    rule_book: RuleBook,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    actor: str = SYSTEM_ACTOR,
) -> ImportReport:
    """Import every message file in ``paths``, each in its own transaction.

    Args:
        sessions: opens a session in a transaction (``Database.session``).
        paths: files and folders.
        rule_book: deadline rules.
        progress: called with (files done, files in all) after each file.
        should_cancel: polled before each file; the batch stops cleanly when it returns true.
        actor: recorded in the audit trail.

    Returns:
        The ``ImportReport``; failures are in it, never raised.
    """
    files, others = collect_message_files(paths)
    results = [
        FileResult(p.name, ImportOutcome.SKIPPED, problem="not an .eml or .msg message")
        for p in others
    ]
    for done, path in enumerate(files):
        if should_cancel is not None and should_cancel():
            return ImportReport(tuple(results), cancelled=True)
        results.append(_import_one(sessions, path, rule_book, actor))
        if progress is not None:
            progress(done + 1, len(files))
    return ImportReport(tuple(results))


def _import_one(sessions: SessionSource, path: Path, rule_book: RuleBook, actor: str) -> FileResult:
    try:
        with sessions() as session:
            return import_message_file(session, path, rule_book, actor=actor)
    except PrivacyDeskError as error:
        return FileResult(path.name, ImportOutcome.FAILED, problem=str(error))
    except OSError as error:
        return FileResult(
            path.name, ImportOutcome.FAILED, problem=f"cannot read file ({error.strerror})"
        )
    except Exception as error:  # a bug: keep the batch going; log the type only, since an
        # exception's text or traceback locals can quote the message (personal data)
        log.error("unexpected %s while importing a message", type(error).__name__)
        return FileResult(path.name, ImportOutcome.FAILED, problem="unexpected error (a bug)")
