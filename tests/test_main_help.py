"""``python main.py --help`` prints how to start the app and where the CLI is; it opens no
database and starts no window (QA: it used to start the GUI)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_help_prints_usage_and_touches_nothing(tmp_path: Path) -> None:
    environment = os.environ | {"PRIVACY_DESK_DATA_DIR": str(tmp_path / "data")}
    environment.pop("QT_QPA_PLATFORM", None)  # no display either: a window would fail here
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--help"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python main.py")
    assert "python -m app --help" in done.stdout
    assert not (tmp_path / "data").exists()
