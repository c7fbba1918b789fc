"""Producing a planned batch of letters: render many, store each as its own immutable letter.

Rendering may run in worker processes (``app.reports.letter_pool``); storing happens here, one
transaction per letter through ``app.services.letters.generate_letter``, so each letter gets
its version, its SHA-256 and its audit event, and a failure on one case (a character no font
has, a record the letter cannot state) is reported without losing the letters already stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.errors import LetterError, PrivacyDeskError
from app.services.audit import SYSTEM_ACTOR
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.letter_batch import BatchPlan, blocker_of
from app.services.letters import (
    LetterContext,
    LetterRenderer,
    RenderedLetter,
    StoredLetter,
    generate_letter,
    letter_context,
)

log = logging.getLogger(__name__)

SessionFactory = Callable[[], AbstractContextManager[Session]]
"""Opens one unit of work (``Database.session``): commits on success, rolls back on error."""


@dataclass(frozen=True)
class LetterJob:
    """One letter to render: the template, the language and the case's facts (picklable)."""

    template_key: str
    language: str
    context: LetterContext


@dataclass(frozen=True)
class RenderFailure:
    """Why one letter was not produced.

    Attributes:
        error: the error's class name (e.g. ``"MissingGlyphsError"``).
        message: the user-facing message of a known error (never personal data: errors list
            code points, not text); empty for a bug.
        known: whether it is a user-facing ``PrivacyDeskError`` rather than a bug.
    """

    error: str
    message: str
    known: bool

    @classmethod
    def of(cls, error: Exception) -> RenderFailure:
        """Describe ``error``; a bug keeps only its type (its text may quote the letter)."""
        if isinstance(error, PrivacyDeskError):
            return cls(type(error).__name__, str(error), True)
        return cls(type(error).__name__, "", False)


BatchRenderer = Callable[[Sequence[LetterJob]], Iterator[RenderedLetter | RenderFailure]]
"""Renders jobs and yields one result per job, in the jobs' order (lazily)."""


def one_by_one(renderer: LetterRenderer) -> BatchRenderer:
    """Return a ``BatchRenderer`` that renders in this process with ``renderer``."""

    def render(jobs: Sequence[LetterJob]) -> Iterator[RenderedLetter | RenderFailure]:
        for job in jobs:
            yield render_job(renderer, job)

    return render


def render_job(renderer: LetterRenderer, job: LetterJob) -> RenderedLetter | RenderFailure:
    """Render one job; any error becomes a ``RenderFailure`` so the batch goes on."""
    try:
        return renderer(job.template_key, job.language, job.context)
    except Exception as error:  # one bad letter must not stop the others
        if not isinstance(error, PrivacyDeskError):
            log.exception("letter rendering failed with %s", type(error).__name__)
        return RenderFailure.of(error)


@dataclass(frozen=True)
class BatchFailure:
    """A case whose letter was not produced, and why."""

    reference: str
    failure: RenderFailure


@dataclass(frozen=True)
class BatchReport:
    """What a batch run produced.

    Attributes:
        generated: the stored letters, in order. failed: the cases that failed and why.
        cancelled: the run stopped early at the user's request.
        not_started: references not attempted because of the cancel.
    """

    generated: tuple[StoredLetter, ...]
    failed: tuple[BatchFailure, ...]
    cancelled: bool
    not_started: tuple[str, ...] = ()


@dataclass
class _Run:
    """The running tally of one batch run."""

    total: int
    progress: Callable[[int, int], None]
    generated: list[StoredLetter] = field(default_factory=list)
    failed: list[BatchFailure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.generated) + len(self.failed)

    def fail(self, reference: str, failure: RenderFailure) -> None:
        self.failed.append(BatchFailure(reference, failure))
        self.progress(self.done, self.total)

    def stored(self, letter: StoredLetter) -> None:
        self.generated.append(letter)
        self.progress(self.done, self.total)


@dataclass(frozen=True)
class BatchRun:
    """Everything a batch run needs besides the plan.

    Attributes:
        sessions: opens one unit of work (``Database.session``).
        render: renders jobs (``one_by_one(render_case_letter)`` or a worker pool).
        rule_book: deadline rules. actor: recorded as the letters' author.
        chunk: how many letters are prepared and rendered together (a worker pool keeps busy
            on a chunk while this thread stores the finished letters).
    """

    sessions: SessionFactory
    render: BatchRenderer
    rule_book: RuleBook
    actor: str = SYSTEM_ACTOR
    chunk: int = 16


def generate_batch(
    run: BatchRun,
    plan: BatchPlan,
    references: Sequence[str] | None = None,
    *,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> BatchReport:
    """Produce the letters of ``plan`` and store each in its own transaction.

    Args:
        run: sessions, renderer, rules and author. plan: from ``plan_batch``.
        references: the cases to produce (e.g. the ticked ones); default: every ready case.
        progress: called with (letters done, letters in all) after each case.
        cancelled: checked between letters; once true, nothing more is stored.

    Returns:
        The ``BatchReport``: stored letters, failures with reasons, and what a cancel left.
    """
    chosen = list(plan.ready_references if references is None else references)
    tally = _Run(len(chosen), progress)
    for start in range(0, len(chosen), max(1, run.chunk)):
        if cancelled():
            return _report(tally, chosen, cancelled=True)
        _run_chunk(run, plan, chosen[start : start + run.chunk], tally, cancelled)
    return _report(tally, chosen, cancelled=tally.done < len(chosen))


def _report(tally: _Run, chosen: Sequence[str], *, cancelled: bool) -> BatchReport:
    attempted = {letter.reference for letter in tally.generated}
    attempted |= {failure.reference for failure in tally.failed}
    rest = tuple(reference for reference in chosen if reference not in attempted)
    return BatchReport(tuple(tally.generated), tuple(tally.failed), cancelled, rest)


def _run_chunk(
    run: BatchRun,
    plan: BatchPlan,
    references: Sequence[str],
    tally: _Run,
    cancelled: Callable[[], bool],
) -> None:
    jobs = list(_prepare(run, plan, references, tally))
    results = run.render([job for _reference, job in jobs])
    try:
        for (reference, job), result in zip(jobs, results, strict=False):
            if cancelled():
                return
            if isinstance(result, RenderFailure):
                tally.fail(reference, result)
            else:
                _store(run, plan, reference, job, result, tally)
    finally:
        if hasattr(results, "close"):
            results.close()  # a pool drops the letters not yet rendered


def _prepare(
    run: BatchRun, plan: BatchPlan, references: Iterable[str], tally: _Run
) -> Iterator[tuple[str, LetterJob]]:
    """Read each case's facts (one transaction for the chunk); blocked cases fail here."""
    with run.sessions() as session:
        for reference in references:
            try:
                context = _context(session, run.rule_book, plan, reference)
            except PrivacyDeskError as error:
                tally.fail(reference, RenderFailure.of(error))
                continue
            yield reference, LetterJob(plan.template_key, plan.language, context)


def _context(
    session: Session, rule_book: RuleBook, plan: BatchPlan, reference: str
) -> LetterContext:
    case = find_case(session, reference)
    blocker = blocker_of(case, plan.template_key)
    if blocker is not None:
        raise LetterError(f"Case {case.reference} cannot get this letter now ({blocker.value}).")
    return letter_context(session, case, rule_book, plan.issued_date)


def _store(
    run: BatchRun,
    plan: BatchPlan,
    reference: str,
    job: LetterJob,
    rendered: RenderedLetter,
    tally: _Run,
) -> None:
    """Store one rendered letter through the letter service (version, hash, audit event)."""

    def already_rendered(_key: str, _language: str, context: LetterContext) -> RenderedLetter:
        if context != job.context:  # the case changed while the letter was being rendered
            raise LetterError(f"Case {context.reference} changed during the batch; run it again.")
        return rendered

    try:
        with run.sessions() as session:
            stored = generate_letter(
                session,
                reference,
                plan.template_key,
                plan.language,
                renderer=already_rendered,
                rule_book=run.rule_book,
                issued_date=plan.issued_date,
                actor=run.actor,
            )
    except PrivacyDeskError as error:
        tally.fail(reference, RenderFailure.of(error))
    else:
        tally.stored(stored)


def preview_letter(
    session: Session,
    plan: BatchPlan,
    reference: str,
    *,
    renderer: LetterRenderer,
    rule_book: RuleBook,
) -> RenderedLetter:
    """Render the letter ``plan`` would produce for ``reference``, without storing anything.

    Raises:
        CaseNotFoundError: no such case. LetterError: the case is blocked (``Blocker``), or
            the letter cannot be rendered (e.g. ``MissingGlyphsError``). TemplateError.
    """
    context = _context(session, rule_book, plan, reference)
    return renderer(plan.template_key, plan.language, context)
