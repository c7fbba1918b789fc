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
from app.services.file_names import visible_file_name

SessionSource = Callable[[], AbstractContextManager[Session]]


class ImportOutcome(StrEnum):
    """What happened to one file."""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class FileResult:
    """The result for one file: the case created (or found), and why a person must look.

    ``file_name`` and ``problem`` are kept as shown (``visible_file_name``): a bidi override or
    control character in a name becomes a visible ``<U+202E>``, in the name and in a problem
    that starts with it alike.
    """

    file_name: str
    outcome: ImportOutcome
    reference: str | None = None
    kind: CaseKind | None = None
    flags: tuple[ReviewFlag, ...] = ()
    problem: str | None = None

    def __post_init__(self) -> None:
        # Frozen: the shown forms replace the raw ones once, whoever builds the result.
        object.__setattr__(self, "file_name", visible_file_name(self.file_name))
        if self.problem is not None:
            object.__setattr__(self, "problem", visible_file_name(self.problem))

    @property
    def note(self) -> str | None:
        """The problem without the leading ``"<file name>: "`` that parse and size errors
        carry (``app.services.intake.files``), for reports that show the name beside it."""
        if self.problem is None:
            return None
        return self.problem.removeprefix(f"{self.file_name}: ")


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
