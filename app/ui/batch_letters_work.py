"""What a batch of letters runs off the GUI thread: rendering one letter's preview, and
producing the ticked letters. Each opens its own short sessions there (none crosses threads)."""

from collections.abc import Callable
from contextlib import AbstractContextManager

from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook
from app.services.letter_batch import BatchPlan
from app.services.letter_batch_run import (
    BatchRenderer,
    BatchReport,
    BatchRun,
    generate_batch,
    preview_letter,
)
from app.store import Database
from app.ui.background import CancelledFn, ProgressFn

RendererFactory = Callable[[int], AbstractContextManager[BatchRenderer]]
"""Gives the renderer for a batch of n letters (``app.reports.letter_pool.batch_renderer``)."""


def preview_work(
    database: Database, rule_book: RuleBook, plan: BatchPlan, reference: str
) -> Callable[[ProgressFn, CancelledFn], bytes]:
    """Return the background work that renders the letter of case ``reference`` in ``plan``
    and gives its PDF bytes (nothing is stored)."""

    def work(_progress: ProgressFn, _cancelled: CancelledFn) -> bytes:
        with database.session() as session:
            rendered = preview_letter(
                session, plan, reference, renderer=render_case_letter, rule_book=rule_book
            )
        return rendered.pdf

    return work


def generation_work(
    database: Database,
    rule_book: RuleBook,
    renderers: RendererFactory,
    actor: str,
    plan: BatchPlan,
    references: tuple[str, ...],
) -> Callable[[ProgressFn, CancelledFn], BatchReport]:
    """Return the background work that produces and stores the letters of ``references``
    (in ``plan``) as ``actor``, reporting progress and stopping between letters when
    cancelled; it gives the ``BatchReport``."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> BatchReport:
        with renderers(len(references)) as render:
            run = BatchRun(database.session, render, rule_book, actor, chunk=32)
            return generate_batch(run, plan, references, progress=progress, cancelled=cancelled)

    return work
