"""Rendering a batch of case letters in worker processes.

ReportLab is pure Python and holds the GIL, so a batch only uses more than one core from
separate processes. Each worker loads the fonts, templates and letterhead once (the
initializer) and then renders letters; the PDF bytes come back to the caller, which stores
them (the database stays with one writer). Workers are started with ``spawn``: forking a
process that runs Qt threads can copy a held lock into the child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from types import TracebackType

from app.reports.case_letters import render_case_letter
from app.reports.fonts import default_font_stack
from app.reports.letterhead import default_letterhead
from app.services.letter_batch_run import BatchRenderer, LetterJob, RenderFailure, render_job
from app.services.letters import RenderedLetter

# Below this many letters, starting workers (about a second each) costs more than it saves.
POOL_THRESHOLD = 24


def prepare_worker() -> None:
    """Load what every letter needs once per process: the fonts and the letterhead.

    Raises:
        FontLoadError: a shipped font file is missing or damaged.
    """
    default_font_stack()
    default_letterhead()


def render_case_job(job: LetterJob) -> RenderedLetter | RenderFailure:
    """Render one case letter; an error comes back as a ``RenderFailure`` (picklable)."""
    return render_job(render_case_letter, job)


def default_workers() -> int:
    """Return the number of worker processes: one per CPU this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


class LetterPool:
    """Worker processes that render case letters; use as a context manager.

    Calling the pool is a ``BatchRenderer``: it yields one result per job in the jobs' order,
    keeping a few letters per worker in flight; closing the iterator early (a cancelled batch)
    drops the letters not yet started.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=prepare_worker,
        )

    def __enter__(self) -> LetterPool:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (letters not yet started are dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def warm_up(self) -> None:
        """Start every worker and wait until each has loaded its fonts."""
        list(self._executor.map(_ready, range(self.workers * 2)))

    def __call__(self, jobs: Sequence[LetterJob]) -> Iterator[RenderedLetter | RenderFailure]:
        """Render ``jobs`` in the workers; yield the results in order."""
        pending: deque[Future[RenderedLetter | RenderFailure]] = deque()
        queue = iter(jobs)
        try:
            for job in queue:
                pending.append(self._executor.submit(render_case_job, job))
                if len(pending) >= self.workers * 4:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _ready(_index: int) -> bool:
    return True


def render_in_process(jobs: Sequence[LetterJob]) -> Iterator[RenderedLetter | RenderFailure]:
    """Render ``jobs`` one after the other in this process (small batches, tests)."""
    for job in jobs:
        yield render_case_job(job)


@contextmanager
def batch_renderer(letters: int, workers: int | None = None) -> Iterator[BatchRenderer]:
    """Yield the renderer for a batch of ``letters``: this process for a small batch (or one
    CPU), else a ``LetterPool`` that is stopped when the block ends.

    Args:
        letters: how many letters the batch will render. workers: processes (default: CPUs).
    """
    count = workers or default_workers()
    if letters < POOL_THRESHOLD or count < 2:
        yield render_in_process
        return
    with LetterPool(count) as pool:
        yield pool
