"""What an import reports: one result per file or form row, and the batch's report.

Shared by the mail import (``app.services.importing``, ``app.services.message_import``) and the
web-form import (``app.services.form_import``), whose results the import dialogs and the CLI
show alike.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from app.models.enums import CaseKind, ReviewFlag

SessionSource = Callable[[], AbstractContextManager[Session]]


class ImportOutcome(StrEnum):
    """What happened to one file."""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class FileResult:
    """The result for one file: the case created (or found), and why a person must look."""

    file_name: str
    outcome: ImportOutcome
    reference: str | None = None
    kind: CaseKind | None = None
    flags: tuple[ReviewFlag, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class ImportReport:
    """The results of a batch, in file order."""

    results: tuple[FileResult, ...] = field(default_factory=tuple)
    cancelled: bool = False

    def count(self, outcome: ImportOutcome) -> int:
        """Return how many files ended with ``outcome``."""
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def flagged(self) -> int:
        """How many imported cases need a person's review."""
        return sum(1 for r in self.results if r.outcome == ImportOutcome.IMPORTED and r.flags)
