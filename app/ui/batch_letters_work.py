"""What a batch of letters runs off the GUI thread: rendering one letter's preview, and
producing the ticked letters. Each opens its own short sessions there (none crosses threads)."""

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import replace

from app.models import Case
from app.reports.case_letters import render_case_letter
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.letter_batch import BatchPlan
from app.services.letter_batch_run import (
    BatchRenderer,
    BatchReport,
    BatchRun,
    generate_batch,
    preview_letter,
)
from app.services.letter_languages import default_letter_language
from app.store import Database
from app.ui.background import CancelledFn, ProgressFn

RendererFactory = Callable[[int], AbstractContextManager[BatchRenderer]]
"""Gives the renderer for a batch of n letters (``app.reports.letter_pool.batch_renderer``)."""

EACH_CASE = "case"
"""The batch's language choice "each case's language" (``letter_language`` per case)."""


def letter_language(case_language: str | None, jurisdiction: str | None = None) -> str:
    """Return the language a case's letter is written in by default: the Chinese of the
    case's jurisdiction for a Chinese request (Traditional, ``zh-Hant``, for Hong Kong and
    Taiwan; else Simplified, ``zh``), bilingual (that Chinese, then English) when triage found
    no language, else ``en`` (``app.services.letter_languages.default_letter_language``).

    Args:
        case_language: the case's language code from triage (``Case.language``, e.g. ``de``).
        jurisdiction: the case's rule-set code, or ``None`` (Simplified Chinese).
    """
    return default_letter_language(case_language, jurisdiction)


def _default_for(case: Case) -> str:
    return letter_language(case.language, case.jurisdiction)


def case_languages(database: Database, plan: BatchPlan) -> dict[str, str]:
    """Return each found case's letter language (``letter_language``) by reference, read in
    one short session (a batch lists tens of cases, not the whole database)."""
    with database.session() as session:
        return {
            entry.reference: _default_for(find_case(session, entry.reference))
            for entry in plan.entries
            if entry.kind is not None
        }


def in_languages(
    plan: BatchPlan, references: tuple[str, ...], languages: Mapping[str, str] | None
) -> list[tuple[BatchPlan, tuple[str, ...]]]:
    """Split ``references`` into one plan per letter language, in first-seen order; all in
    ``plan``'s language when ``languages`` is ``None`` (one language chosen for all)."""
    if languages is None:
        return [(plan, references)]
    groups: dict[str, list[str]] = {}
    for reference in references:
        groups.setdefault(languages.get(reference, plan.language), []).append(reference)
    return [(replace(plan, language=code), tuple(refs)) for code, refs in groups.items()]


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
    languages: Mapping[str, str] | None = None,
) -> Callable[[ProgressFn, CancelledFn], BatchReport]:
    """Return the background work that produces and stores the letters of ``references``
    (in ``plan``) as ``actor``, reporting progress and stopping between letters when
    cancelled; it gives the ``BatchReport``. With ``languages`` (reference → letter language)
    each case's letter is in its own language: one run per language, one report."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> BatchReport:
        with renderers(len(references)) as render:
            run = BatchRun(database.session, render, rule_book, actor, chunk=32)
            reports: list[BatchReport] = []
            for part, chosen in in_languages(plan, references, languages):
                if reports and reports[-1].cancelled:
                    reports.append(BatchReport((), (), True, chosen))
                    continue
                counted = _counted_on(progress, reports, len(references))
                reports.append(
                    generate_batch(run, part, chosen, progress=counted, cancelled=cancelled)
                )
            return _joined(reports)

    return work


def _counted_on(
    progress: ProgressFn, earlier: list[BatchReport], total: int
) -> Callable[[int, int], None]:
    """Progress of one language's run as progress of the whole batch (``total`` letters)."""
    before = sum(len(r.generated) + len(r.failed) for r in earlier)

    def counted(done: int, _run_total: int) -> None:
        progress(before + done, total)

    return counted


def _joined(reports: list[BatchReport]) -> BatchReport:
    """One report of the runs of a batch, in order."""
    return BatchReport(
        tuple(letter for r in reports for letter in r.generated),
        tuple(failure for r in reports for failure in r.failed),
        any(r.cancelled for r in reports),
        tuple(reference for r in reports for reference in r.not_started),
    )
