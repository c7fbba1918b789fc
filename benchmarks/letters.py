"""``python -m benchmarks.letters``: letters per second for a batch of two-page letters,
against LibreOffice converting the same letters in the same run.

Privacy Desk renders N Chinese refusal letters (two A4 pages each, fonts embedded as subsets,
every letter with its own reference, name and dates so nothing can be reused between letters
by accident) through the batch path the app uses (``app.reports.letter_pool``: worker
processes that load the fonts once). The baseline is the way teams produce such letters
without a tool: the same letter text written as ``.docx`` files (python-docx) and turned into
PDFs by LibreOffice with ``soffice --headless --convert-to pdf`` over the whole batch (one
call per 200 files: see ``SOFFICE_FILES_PER_CALL``), with the same fonts. Writing the
``.docx`` files is not timed (a mail merge would).

Environment: ``BENCH_LETTERS`` (default 1000), ``BENCH_WORKERS`` (default: the CPUs this
process may use), ``BENCH_SOFFICE`` (default ``soffice``; the baseline is skipped, with a
note, when it is not installed).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from app.models.enums import CaseKind, CaseOutcome
from app.reports.case_letters import BUILDERS
from app.reports.letter_pool import LetterPool, default_workers
from app.reports.letterhead import default_letterhead
from app.reports.letters import letter_content
from app.resources import resource_path
from app.services.letter_batch_run import LetterJob, RenderFailure
from app.services.letters import LetterContext
from benchmarks.letters_docx import write_docx

LETTERS = int(os.environ.get("BENCH_LETTERS", "1000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "0")) or default_workers()
SOFFICE = os.environ.get("BENCH_SOFFICE", "soffice")
TARGET_RATE, TARGET_RATIO = 60.0, 10.0  # letters/s on the 2-core reference machine; × LibreOffice
_SURNAMES = "张王李赵刘陈杨黄周吴"
_GIVEN = "一二三四五六七八九十"
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
# LibreOffice 7.4 converts at most 246 files per call and silently skips the rest (exit code
# 0), so the batch goes in calls of 200; starting soffice (about a second, its profile already
# made) is under 2 % of its time for the batch.
SOFFICE_FILES_PER_CALL = 200


def letter_context(number: int) -> LetterContext:
    """Return the facts of refusal letter ``number`` (a deletion refused on two grounds)."""
    return LetterContext(
        reference=f"PD-2026-{number:06d}",
        kind=CaseKind.DELETION,
        jurisdiction="CN",
        requester_name=f"{_SURNAMES[number % 10]}{_GIVEN[number // 10 % 10]}",
        requester_email=f"user{number}@example.com",
        received_date=date(2026, 10, 8),
        due_date=date(2026, 10, 29),
        due_provisional=False,
        issued_date=date(2026, 10, 20),
        outcome=CaseOutcome.REFUSED,
        refusal_grounds=(
            ("retention_period", f"订单记录须保存至2029年10月{1 + number % 28}日。"),
            ("trade_secret", ""),
        ),
    )


def _jobs() -> list[LetterJob]:
    return [LetterJob("refusal", "zh", letter_context(n)) for n in range(1, LETTERS + 1)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def privacy_desk_rate() -> tuple[float, float, int]:
    """Render the batch in worker processes.

    Returns:
        (letters per second, worker CPU milliseconds per letter including their start-up,
        pages per letter). The CPU time says what the machine's other load does not.
    """
    jobs = _jobs()
    cpu = _children_cpu()
    with LetterPool(WORKERS) as pool:
        pool.warm_up()  # workers start and load fonts before the clock starts, as in the app
        start = time.perf_counter()
        results = list(pool(jobs))
        elapsed = time.perf_counter() - start
    cpu_ms = (_children_cpu() - cpu) * 1000 / LETTERS  # the workers have ended: counted now
    pdfs = [result.pdf for result in results if not isinstance(result, RenderFailure)]
    assert len(pdfs) == LETTERS, [r for r in results if isinstance(r, RenderFailure)][:3]
    return LETTERS / elapsed, cpu_ms, max(len(_PAGE.findall(pdf)) for pdf in pdfs)


def _fontconfig(folder: Path) -> dict[str, str]:
    """Give LibreOffice the fonts the app embeds, on top of the system's."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
        f"<dir>{resource_path('fonts')}</dir><cachedir>{folder / 'fc-cache'}</cachedir>"
        "</fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def _soffice(folder: Path, env: dict[str, str], files: list[Path], out: Path) -> None:
    """Convert ``files`` to PDF in ``out`` with as few soffice calls as LibreOffice allows."""
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(out)]
    for start in range(0, len(files), SOFFICE_FILES_PER_CALL):
        batch = files[start : start + SOFFICE_FILES_PER_CALL]
        subprocess.run(
            [*command, *map(str, batch)], env=env, check=True, capture_output=True, timeout=3600
        )


def libreoffice_rate() -> tuple[float, int] | None:
    """Convert the same letters as .docx with soffice; return (letters/s, pages)."""
    if shutil.which(SOFFICE) is None:
        return None
    letterhead = default_letterhead()
    kind, build = BUILDERS["refusal"]
    with tempfile.TemporaryDirectory(prefix="bench-letters-") as name:
        folder = Path(name)
        files = []
        for job in _jobs():
            content = letter_content(kind, build(job.context, "zh"), "zh", letterhead, "CN")
            files.append(write_docx(content, letterhead, folder / f"{job.context.reference}.docx"))
        env = _fontconfig(folder)
        _soffice(folder, env, files[:1], folder / "warm")  # profile and font cache, not timed
        start = time.perf_counter()
        _soffice(folder, env, files, folder / "pdf")
        elapsed = time.perf_counter() - start
        pdfs = sorted((folder / "pdf").glob("*.pdf"))
        assert len(pdfs) == LETTERS, f"LibreOffice produced {len(pdfs)} of {LETTERS} PDFs"
        pages = max(len(_PAGE.findall(pdf.read_bytes())) for pdf in pdfs[:20])
    return LETTERS / elapsed, pages


def main() -> None:
    """Print letters per second for Privacy Desk and for LibreOffice, and their ratio."""
    load = os.getloadavg()[0]
    ours, cpu_ms, pages = privacy_desk_rate()
    print(f"letters: {LETTERS} Chinese refusal letters, {pages} pages each, fonts embedded")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f} at the start")
    print(f"Privacy Desk ({WORKERS} worker processes): {ours:8.1f} letters/s")
    print(f"  worker CPU time: {cpu_ms:.1f} ms per letter (start-up included)")
    baseline = libreoffice_rate()
    if baseline is None:
        print(f"LibreOffice baseline skipped: '{SOFFICE}' is not installed")
        verdict = ours >= TARGET_RATE
    else:
        theirs, their_pages = baseline
        calls = -(-LETTERS // SOFFICE_FILES_PER_CALL)
        label = f"LibreOffice (.docx, {calls} soffice calls, {their_pages} pages):"
        print(f"{label} {theirs:8.1f} letters/s")
        print(
            f"ratio Privacy Desk / LibreOffice: {ours / theirs:.1f}x (target {TARGET_RATIO:.0f}x)"
        )
        verdict = ours >= TARGET_RATE and ours / theirs >= TARGET_RATIO
    print(f"target {TARGET_RATE:.0f} letters/s: {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    main()
