"""``python -m benchmarks``: import throughput into the encrypted store, against a baseline.

The baseline is the same corpus parsed with the standard library alone in the same run, so the
ratio says what decoding, triage, deadlines and the encrypted write add, whatever the machine.
"""

import email
import os
import tempfile
import time
from collections.abc import Callable
from email import policy
from pathlib import Path

from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.store import MemorySecretStore, unlock

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "inbox"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _baseline(files: list[Path]) -> None:
    for path in files:
        email.message_from_bytes(path.read_bytes(), policy=policy.default).get_body()


def _import_round(folder: Path, round_no: int) -> float:
    db = unlock(
        folder / f"bench-{round_no}.db", secrets=MemorySecretStore(), passphrase=None, create=True
    )
    try:
        return _timed(lambda: import_paths(db.session, [CORPUS], load_rule_book()))
    finally:
        db.close()


def import_benchmark() -> None:
    """Print seconds per round for the baseline and the import, and their ratio."""
    files = sorted(CORPUS.glob("*.eml"))
    baseline = min(_timed(lambda: _baseline(files)) for _ in range(ROUNDS))
    with tempfile.TemporaryDirectory() as folder:
        measured = min(_import_round(Path(folder), n) for n in range(ROUNDS))
    print(f"corpus: {len(files)} messages, best of {ROUNDS} rounds")
    print(f"baseline (stdlib parse only): {baseline * 1000:.1f} ms")
    print(f"import into encrypted store:  {measured * 1000:.1f} ms")
    print(f"ratio import/baseline: {measured / baseline:.1f}x")


def main() -> None:
    """Run every benchmark: import, case list and dashboard at scale (BENCH_FULL=1 adds a
    million cases), letters against LibreOffice."""
    from benchmarks.case_list import main as case_list
    from benchmarks.dashboard import main as dashboard
    from benchmarks.letters import main as letters

    import_benchmark()
    case_list()
    dashboard()
    letters()


if __name__ == "__main__":
    main()
