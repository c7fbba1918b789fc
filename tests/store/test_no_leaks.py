"""No personal data in plaintext anywhere but the letters the user asked for.

A full import-and-letters run through the CLI, with DEBUG logging to a file; then every
corpus requester name and e-mail address is searched, in UTF-8, UTF-16 (both byte orders) and
GB18030, in the log, in every file of the data folder (database, WAL, SHM, lock, backups) and
in the temporary folder.
"""

import json
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import USER_ERROR, main
from tests.conftest import CORPUS_INBOX

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
# The database, its WAL and the backups are SQLCipher pages: random-looking bytes, in which a
# 4-byte needle (a two-character name in UTF-16 or GB18030) turns up by chance about once in
# 4 GiB — with dozens of such needles over the run's megabytes of pages, in a few per cent of
# runs (seen once). There a needle must have at least this many bytes to prove a leak (chance:
# about one run in a million); the log and temporary files are searched for every needle. A
# two-character name is still searched there in UTF-8 (6 bytes).
MIN_CIPHERTEXT_NEEDLE = 6
CIPHERTEXT_ENDINGS = (".db", ".db-wal", ".db-shm", ".pdbackup")  # not the lock, the key notes


def _needles() -> list[tuple[str, bytes]]:
    manifest = json.loads((CORPUS_INBOX / "manifest.json").read_text(encoding="utf-8"))
    values = {
        v for entry in manifest for v in (entry["requester_name"], entry["requester_email"]) if v
    }
    needles = []
    for value in sorted(values):
        for encoding in ENCODINGS:
            try:
                needles.append((f"{value} ({encoding})", value.encode(encoding)))
            except UnicodeEncodeError:
                continue
    return needles


def _files(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "privacy-desk.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def test_a_full_import_and_letters_run_leaves_no_personal_data_in_plaintext(
    tmp_path: Path,
    debug_log: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    temp = tmp_path / "tmp"
    letters = tmp_path / "chosen-by-user"
    temp.mkdir()
    letters.mkdir()
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(data))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert main(["import", str(CORPUS_INBOX)]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 51
    # Letters go out only where the receipt date is confirmed and the mail is a request.
    unconfirmed = {"missing_date", "unparsable_date"}
    references = [
        row["reference"]
        for row in rows
        if row["kind"] != "not_a_request" and not unconfirmed & set(row["review_flags"])
    ]
    assert len(references) == 49
    # A Date: still in the future at import (zh05 is dated 24 Dec 2026) is implausible until a
    # person confirms it: the letter is refused rather than state that date.
    implausible = {row["reference"] for row in rows if "implausible_date" in row["review_flags"]}
    # A reminder chases an earlier request: it gets no acknowledgement of its own.
    refused = implausible | {row["reference"] for row in rows if row["kind"] == "reminder"}
    for number, reference in enumerate(references):
        language = "zh" if number % 2 else "en"
        target = letters / f"{reference}.pdf"
        expected = USER_ERROR if reference in refused else 0
        assert main(["letter", reference, "--lang", language, "-o", str(target)]) == expected
    assert main(["backup"]) == 0
    logging.getLogger("app").debug("end of run")  # the log is live and written
    scanned = [debug_log, *_files(data), *_files(temp)]
    assert any(path.parent.name == "backups" for path in scanned)
    assert debug_log.stat().st_size > 0
    encrypted = {path for path in _files(data) if path.name.endswith(CIPHERTEXT_ENDINGS)}
    leaks = [
        f"{label} in {path.relative_to(tmp_path)}"
        for path in scanned
        for label, needle in _needles()
        if needle in path.read_bytes()
        and (path not in encrypted or len(needle) >= MIN_CIPHERTEXT_NEEDLE)
    ]
    assert leaks == []
