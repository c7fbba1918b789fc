"""``python -m app backup|restore|key``: keeping the case database safe from the command line.

Keys come from the OS keyring, else ``$PRIVACY_DESK_PASSPHRASE``; a backup's own passphrase
and a new passphrase come from an environment variable the user names, never from the command
line (which other users of the machine can read in the process list).
"""

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.cli.opening import open_for_command
from app.errors import ExportPathError, KeyUnavailableError
from app.files import check_export_target, write_file_atomically
from app.services.deadlines import load_rule_book
from app.store import default_database_path, passphrase_from_environment, system_secret_store
from app.store.backup import BACKUP_SUFFIX, backup_database, restore_backup
from app.store.backup_keys import find_backup_key
from app.store.keys import (
    MIN_PASSPHRASE_LENGTH,
    DatabaseKey,
    Passphrase,
    RawKey,
    generate_raw_key,
    key_fingerprint,
    secret_name,
    store_new_key,
    stored_key,
)
from app.store.recovery import keys_from_typed_text, parse_recovery_key
from app.store.recovery_sheet import recovery_sheet_pdf
from app.store.rekey import find_opening_key, keyring_candidates, rotate_key
from app.store.secrets import SecretStore

# What a restore no key opens can be given; the hint names only what was not given already.
RESTORE_OPTIONS = {
    "key_env": "the recovery sheet's 64 digits with --key-env VAR",
    "passphrase_env": "the passphrase with --passphrase-env VAR",
}


def restore_hint(args: argparse.Namespace) -> str | None:
    """Return the hint line for a restore no key opened, naming the options not given (a key
    given with --key-env is not asked for again, QA19 F7); ``None`` when both were given."""
    left = [text for option, text in RESTORE_OPTIONS.items() if not getattr(args, option, None)]
    return f"hint: give {', or '.join(left)}" if left else None


def register(commands: Any) -> None:
    """Add ``backup``, ``restore`` and ``key rotate|recovery-sheet|restore`` to ``commands``."""
    backup = commands.add_parser("backup", help="write a checked, encrypted backup")
    backup.add_argument("--to", type=Path, default=None, help="backup file (default: backups/)")
    backup.add_argument("--passphrase-env", metavar="VAR", help="variable holding its passphrase")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", help="restore a backup (the old database is kept)")
    restore.add_argument("backup_file", type=Path)
    restore.add_argument("--as", dest="as_file", type=Path, default=None, help="a new file")
    restore.add_argument("--passphrase-env", metavar="VAR", help="variable holding its passphrase")
    restore.add_argument(
        "--key-env", metavar="VAR", help="variable holding a recovery sheet's 64 hex digits"
    )
    restore.set_defaults(handler=run_restore)
    _register_key(commands.add_parser("key", help="key rotation and recovery"))


def _register_key(key: argparse.ArgumentParser) -> None:
    actions = key.add_subparsers(dest="key_action", required=True)
    rotate = actions.add_parser("rotate", help="re-encrypt the database under a new key")
    rotate.add_argument("--to-passphrase-env", metavar="VAR", help="new passphrase (default: key)")
    rotate.set_defaults(handler=run_key_rotate)
    sheet = actions.add_parser("recovery-sheet", help="print the key as a PDF with a QR code")
    sheet.add_argument("-o", "--output", type=Path, required=True)
    sheet.set_defaults(handler=run_recovery_sheet)
    back = actions.add_parser("restore", help="put the key from a recovery sheet in the keyring")
    back.add_argument("--key-env", metavar="VAR", help="variable holding the 64 hex digits")
    back.set_defaults(handler=run_key_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Back up the database and print where, with the checked row counts."""
    database = open_for_command(args, load_rule_book())
    try:
        key = _named_passphrase(args.passphrase_env) if args.passphrase_env else None
        target = args.to or _default_backup_path(database.path)
        report = backup_database(database, check_export_target(target), key)
    finally:
        database.close()
    print(
        f"backup written and checked: {report.path} ({len(report.tables)} tables, "
        f"{report.rows} rows)"
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the database (kept aside) or, with ``--as``, into a new file."""
    live = _database_path(args)
    secrets = system_secret_store()
    backup_key = _backup_key(args, live, secrets)
    target = args.as_file or live
    if args.as_file is not None and target.exists():
        raise ExportPathError(f"'{target}' exists; --as needs a new file name.")
    target_key = _target_key(target, secrets)
    report = restore_backup(args.backup_file, backup_key, target, target_key, secrets)
    print(f"restored and checked: {report.path} ({len(report.tables)} tables)")
    if isinstance(backup_key, RawKey) and backup_key not in _known_keys(live, secrets):
        print(f"the backup was opened with the earlier key {key_fingerprint(backup_key)}")
    if report.previous_kept_at is not None:
        print(f"the database it replaced is kept at {report.previous_kept_at}")
    return 0


def run_key_rotate(args: argparse.Namespace) -> int:
    """Re-encrypt the (closed) database under a new random key or a new passphrase."""
    path = _database_path(args)
    secrets = system_secret_store()
    current = find_opening_key(path, _known_keys(path, secrets))
    new: DatabaseKey = (
        _named_passphrase(args.to_passphrase_env) if args.to_passphrase_env else generate_raw_key()
    )
    result = rotate_key(path, current, new, secrets)
    kind = "a new random key (in the keyring)" if result.to_raw_key else "the new passphrase"
    print(f"the database is now encrypted with {kind}; the old key no longer opens it.")
    if isinstance(current, RawKey):
        print(
            f"the old key {key_fingerprint(current)} stays in the keyring to open the backups "
            "made with it; keep its recovery sheet with those backups."
        )
    if result.to_raw_key:
        print("print a new recovery sheet: python -m app key recovery-sheet -o FILE.pdf")
    return 0


def run_recovery_sheet(args: argparse.Namespace) -> int:
    """Write the recovery sheet to the chosen file only, after checking the key opens the DB."""
    target = check_export_target(args.output)
    path = _database_path(args)
    secrets = system_secret_store()
    key = stored_key(secrets, path) if secrets is not None else None
    if key is None:
        raise KeyUnavailableError(
            "This database has no key in the keyring (it uses a passphrase); "
            "the passphrase itself is what to keep safe."
        )
    find_opening_key(path, [key])
    write_file_atomically(target, recovery_sheet_pdf(key, path.name, datetime.now(UTC)))
    print(f"recovery sheet written to {target} (key check {key_fingerprint(key)})")
    return 0


def run_key_restore(args: argparse.Namespace) -> int:
    """Put a key typed or scanned from the recovery sheet back into the keyring."""
    path = _database_path(args)
    secrets = _required_keyring()
    text = os.environ.get(args.key_env, "") if args.key_env else _prompt("Recovery key: ")
    key = _recovery_key(text)
    find_opening_key(path, [key])
    secrets.set(secret_name(path), key.key.hex())
    print(f"the key (check {key_fingerprint(key)}) opens the database and is in the keyring.")
    return 0


def _database_path(args: argparse.Namespace) -> Path:
    path: Path = args.database or default_database_path()
    return path


def _default_backup_path(database_path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = database_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{database_path.stem}-{stamp}{BACKUP_SUFFIX}"


def _known_keys(path: Path, secrets: SecretStore | None) -> list[DatabaseKey]:
    keys = keyring_candidates(path, secrets)
    passphrase = passphrase_from_environment()
    if passphrase:
        keys.append(Passphrase(passphrase))
    return keys


def _backup_key(args: argparse.Namespace, live: Path, secrets: SecretStore | None) -> DatabaseKey:
    """The key that opens the backup: one given, the current ones, a retired one; on a
    terminal, when none does, ask once for the recovery sheet's key or the passphrase."""
    given = _given_keys(args)
    current = _known_keys(live, secrets)
    try:
        return find_backup_key(args.backup_file, given, current, secrets)
    except KeyUnavailableError as error:
        if given or not sys.stdin.isatty():
            if (hint := restore_hint(args)) is not None:
                print(hint, file=sys.stderr)
            raise
        print(error, file=sys.stderr)
    typed = keys_from_typed_text(_prompt("Recovery key or passphrase of this backup: "))
    return find_backup_key(args.backup_file, typed, current, secrets)


def _given_keys(args: argparse.Namespace) -> list[DatabaseKey]:
    keys: list[DatabaseKey] = []
    if args.key_env:
        keys.append(_recovery_key(os.environ.get(args.key_env, "")))
    if args.passphrase_env:
        keys.append(_named_passphrase(args.passphrase_env, new=False))
    return keys


def _recovery_key(text: str) -> RawKey:
    try:
        return parse_recovery_key(text)
    except ValueError:
        raise KeyUnavailableError("A recovery key is 64 hexadecimal digits.") from None


def _target_key(target: Path, secrets: SecretStore | None) -> DatabaseKey:
    """The key the restored file gets: the one the app already holds for ``target`` (so it
    opens as before), else the environment passphrase, else a new key in the keyring."""
    known = _known_keys(target, secrets)
    if known:
        return known[0]
    if secrets is not None:
        return store_new_key(secrets, target)
    raise KeyUnavailableError(
        "No keyring is available: set PRIVACY_DESK_PASSPHRASE to the restored "
        "database's passphrase."
    )


def _named_passphrase(variable: str, *, new: bool = True) -> Passphrase:
    value = os.environ.get(variable, "")
    if not value:
        raise KeyUnavailableError(f"Set the environment variable {variable} to the passphrase.")
    if new and len(value) < MIN_PASSPHRASE_LENGTH:
        raise KeyUnavailableError(
            f"A new passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters."
        )
    return Passphrase(value)


def _required_keyring() -> SecretStore:
    secrets = system_secret_store()
    if secrets is None:
        raise KeyUnavailableError("No keyring is available on this machine to keep the key.")
    return secrets


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise KeyUnavailableError("No terminal to ask on: pass --key-env VAR.")
    return getpass.getpass(label)
