"""benchmarks/timing.py: a query and its baseline timed alternately, in the same rounds."""

import time

from benchmarks.timing import PAIRED_MAX_ROUNDS, PAIRED_ROUNDS, paired


def test_the_sides_alternate_which_runs_first() -> None:
    calls: list[str] = []
    paired(lambda: calls.append("ours"), lambda: calls.append("theirs"))
    assert calls[:6] == ["ours", "theirs", "theirs", "ours", "ours", "theirs"]


def test_instant_work_runs_the_most_rounds_allowed() -> None:
    # 1,000 rounds of nothing never spend 0.25 s: the cap ends them.
    calls = {"ours": 0, "theirs": 0}
    paired(lambda: calls.__setitem__("ours", calls["ours"] + 1), lambda: None)
    assert calls["ours"] == PAIRED_MAX_ROUNDS == 1_000


def test_slow_work_runs_the_least_rounds() -> None:
    # 15 rounds of 30 and 20 ms spend 0.45 and 0.3 s, past 0.25 s a side: no more rounds.
    calls: list[str] = []

    def ours() -> None:
        calls.append("ours")
        time.sleep(0.030)

    seconds, baseline = paired(ours, lambda: time.sleep(0.020))
    assert len(calls) == PAIRED_ROUNDS == 15
    assert 0.030 <= seconds < 0.2  # sleep() never returns early; a busy machine adds
    assert 0.020 <= baseline < seconds


def test_short_work_runs_until_each_side_spent_its_time() -> None:
    # At 2 ms or a little more a round, 0.25 s a side takes 125 rounds at most (past 15).
    calls: list[str] = []

    def ours() -> None:
        calls.append("ours")
        time.sleep(0.002)

    paired(ours, lambda: time.sleep(0.002))
    assert PAIRED_ROUNDS < len(calls) <= 125
