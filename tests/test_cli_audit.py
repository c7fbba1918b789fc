"""``python -m app verify-audit`` finds an edited or deleted event and names it."""

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.cli import main
from app.store import Passphrase
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "audit passphrase 审计"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert (
        main(
            [
                "import",
                str(CORPUS_INBOX / "zh01-zh-access.eml"),
                str(CORPUS_INBOX / "zh02-zh-copy.eml"),
            ]
        )
        == 0
    )
    return tmp_path / "data"


def _sql(data_dir: Path, statement: str) -> None:
    connection = sqlcipher.connect(str(data_dir / "privacy-desk.db"), isolation_level=None)
    connection.execute(Passphrase(PASSPHRASE).pragma())
    connection.execute(statement)
    connection.close()


def test_an_intact_chain_verifies(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["verify-audit"]) == 0
    assert capsys.readouterr().out.startswith("Audit chain verified: 4 events")


@pytest.mark.parametrize(
    ("tampering", "named"),
    [
        ("UPDATE event SET actor = 'mallory' WHERE id = 3", "event #3 (case.created"),
        ("DELETE FROM event WHERE id = 2", "event #3 (case.created"),
        ("UPDATE event SET payload = '{}' WHERE id = 4", "event #4 (clock.recomputed"),
    ],
)
def test_an_edited_or_deleted_event_is_named(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tampering: str, named: str
) -> None:
    _sql(data_dir, tampering)
    capsys.readouterr()
    assert main(["verify-audit"]) == 1
    assert named in capsys.readouterr().out
