"""``python -m benchmarks.letters``: letters per second for a batch of two-page letters.

Renders N Chinese refusal letters (two A4 pages each, fonts embedded as subsets, every letter
with its own reference and name so nothing can be reused between letters by accident) and
compares with a same-run baseline: a bare ReportLab one-page PDF with the same embedded CJK
font, which is the floor any ReportLab letter pays. The ratio says what templates, line
breaking, tables and the letterhead add, whatever the machine.

Set ``BENCH_LETTERS`` (default 200) and ``BENCH_WORKERS`` (default: CPU count) to change the
batch; letters are spread over worker processes the way a batch job would spread them.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.models.enums import CaseKind
from app.reports import (
    CaseFacts,
    RefusalFacts,
    RefusalGround,
    default_font_stack,
    default_letterhead,
    render_refusal,
)

LETTERS = int(os.environ.get("BENCH_LETTERS", "200"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))
_SURNAMES = "张王李赵刘陈杨黄周吴"


def _facts(number: int) -> RefusalFacts:
    case = CaseFacts(
        reference=f"PD-2026-{number:06d}",
        kind=CaseKind.DELETION,
        jurisdiction="CN",
        subject_name=f"{_SURNAMES[number % 10]}{'一二三四五六七八九十'[number // 10 % 10]}",
        received_date=date(2026, 10, 8),
        issued_date=date(2026, 10, 20),
    )
    grounds = (
        RefusalGround("retention_period", f"订单记录须保存至2029年10月{1 + number % 28}日。"),
        RefusalGround("trade_secret"),
    )
    return RefusalFacts(case=case, grounds=grounds)


def letter(number: int) -> int:
    """Render letter ``number``; return its size in bytes."""
    return len(render_refusal(_facts(number), "zh", default_letterhead()))


def baseline_page(number: int) -> int:
    """Render a one-page PDF with three lines in the embedded CJK font; return its size."""
    fonts = default_font_stack()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setFont(fonts.regular[1].name, 11)
    for line, text in enumerate(
        ("须云科技有限公司", f"编号：PD-2026-{number:06d}", "尊敬的张三：")
    ):
        canvas.drawString(72, 760 - 20 * line, text)
    canvas.showPage()
    canvas.save()
    return len(buffer.getvalue())


def _warm(_worker: int) -> None:
    letter(0)
    baseline_page(0)


def _rate(pool: ProcessPoolExecutor, work: Callable[[int], int]) -> float:
    start = time.perf_counter()
    sizes = list(pool.map(work, range(1, LETTERS + 1), chunksize=max(1, LETTERS // 50)))
    assert all(sizes)
    return LETTERS / (time.perf_counter() - start)


def main() -> None:
    """Print letters per second for the letters and the baseline, and their ratio."""
    pages = len(render_refusal(_facts(1), "zh", default_letterhead()).split(b"/Type /Page\n"))
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(_warm, range(WORKERS)))  # fonts, templates and letterhead parsed once each
        baseline = _rate(pool, baseline_page)
        letters = _rate(pool, letter)
    print(f"{LETTERS} letters, {WORKERS} worker processes, {pages - 1} pages each")
    print(f"baseline (bare one-page ReportLab PDF, same font): {baseline:8.1f} per second")
    print(f"letters (two-page refusal, zh, embedded subsets):  {letters:8.1f} per second")
    print(f"ratio letters/baseline: {letters / baseline:.2f}")


if __name__ == "__main__":
    main()
