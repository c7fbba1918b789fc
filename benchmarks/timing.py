"""How the benchmarks time their work: ``best`` for a step alone, ``paired`` for a step next to
its plain-``sqlite3`` baseline.

``paired`` is what the query rows of ``benchmarks.case_list`` (≤ 1.5× the baseline, issue 6)
are measured with. On this 2-core machine the other core is shared with other processes, and
best of 3 rounds of each side, one side after the other, let a few milliseconds of drift or a
single lucky round move a 1–5 ms statement's ratio by more than the target's margin (1.2× in
one run, 1.8× in the next). So both sides are timed in the same rounds, alternately (ours
first in even rounds, the baseline first in odd ones, so that neither always runs in the
other's wake), until each side has spent ``PAIRED_SECONDS`` and at least ``PAIRED_ROUNDS``
rounds have run, and each side's fastest round is reported.

The fastest round, not the median: what other processes do only ever adds time (a wait for
the core, caches filled by another program), so each side's fastest of many rounds is its
least disturbed one, and alternating gives both sides the same chances at the quiet
moments. The median keeps how often a side was disturbed, which grows with the statement's
own length (a longer statement is more often preempted), and so with the load: at load 7
the same e-mail search's medians were 2.1× and 3.8× the baseline's a minute apart, the
fastest rounds 2.0× and 1.8×. The same statistic for both sides.
"""

import os
import time
from collections.abc import Callable

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# Paired rounds: at least this many, and until each side has spent this long (a 1 ms
# statement then runs ~250 times, a 40 ms one 15), never more than ``PAIRED_MAX_ROUNDS``.
PAIRED_ROUNDS = int(os.environ.get("BENCH_PAIRED_ROUNDS", "15"))
PAIRED_SECONDS = float(os.environ.get("BENCH_PAIRED_SECONDS", "0.25"))
PAIRED_MAX_ROUNDS = 1_000
# ``BENCH_CLOCK=cpu`` times the paired rounds in this thread's CPU time instead of wall time:
# waits for a core taken by other processes are then left out (caches they fill are not).
# Wall time is the default, being what the user waits; the CPU time is for a loaded machine.
ON_CPU_TIME = os.environ.get("BENCH_CLOCK") == "cpu"
CLOCK = time.thread_time if ON_CPU_TIME else time.perf_counter


def best(work: Callable[[], object], before: Callable[[], object] = lambda: None) -> float:
    """Seconds of the fastest of ``ROUNDS`` runs of ``work`` (``before`` runs untimed)."""
    times = []
    for _ in range(ROUNDS):
        before()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def paired(ours: Callable[[], object], theirs: Callable[[], object]) -> tuple[float, float]:
    """Seconds of the fastest round of ``ours`` and of ``theirs``, timed alternately in the
    same rounds (see the module's docstring for how many rounds, and why the fastest)."""
    times: tuple[list[float], list[float]] = ([], [])
    while not _enough(times):
        first_ours = len(times[0]) % 2 == 0
        for side in (0, 1) if first_ours else (1, 0):
            start = CLOCK()
            (ours, theirs)[side]()
            times[side].append(CLOCK() - start)
    return min(times[0]), min(times[1])


def _enough(times: tuple[list[float], list[float]]) -> bool:
    """Whether the rounds timed so far (one list per side) are enough for ``paired``."""
    rounds = len(times[0])
    if rounds >= PAIRED_MAX_ROUNDS:
        return True
    return rounds >= PAIRED_ROUNDS and min(sum(times[0]), sum(times[1])) >= PAIRED_SECONDS
