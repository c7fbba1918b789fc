"""Command-line interface: ``python -m app import|list|letter``.

User errors (wrong key, unknown case, unreadable file) print one clear line on stderr and exit
with status 2; they never print a traceback or personal data.
"""

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.clock import local_today
from app.errors import KeyUnavailableError, PrivacyDeskError
from app.files import check_export_target, write_file_atomically
from app.reports.case_letters import render_case_letter
from app.services.case_queries import list_cases
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, ImportReport, import_paths
from app.services.letters import SUPPORTED_LANGUAGES, generate_letter
from app.store import (
    Database,
    default_database_path,
    passphrase_from_environment,
    system_secret_store,
    unlock,
)

USER_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="Privacy Desk")
    parser.add_argument("--database", type=Path, help="case database file (default: data dir)")
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser("import", help="import .eml files and folders as cases")
    importer.add_argument("paths", nargs="+", type=Path)
    lister = commands.add_parser("list", help="print every case")
    lister.add_argument("--format", choices=("table", "json"), default="table")
    letter = commands.add_parser("letter", help="generate a letter for a case")
    letter.add_argument("reference")
    letter.add_argument("--template", default="acknowledgement", choices=("acknowledgement",))
    letter.add_argument("--lang", default="zh", choices=SUPPORTED_LANGUAGES)
    letter.add_argument("-o", "--output", type=Path, required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except PrivacyDeskError as error:
        print(f"error: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        print(f"error: {error.strerror}: {error.filename}", file=sys.stderr)
        return USER_ERROR


def _run(args: argparse.Namespace) -> int:
    rule_book = load_rule_book()
    database = _open(args.database or default_database_path(), create=args.command == "import")
    try:
        if args.command == "import":
            return _import(database, args.paths, rule_book)
        if args.command == "list":
            return _list(database, args.format)
        return _letter(database, args, rule_book)
    finally:
        database.close()


def _open(path: Path, *, create: bool) -> Database:
    secrets = system_secret_store()
    passphrase = passphrase_from_environment()
    if passphrase is None and secrets is None and sys.stdin.isatty():
        passphrase = getpass.getpass("Database passphrase: ")
    if passphrase is None and secrets is None:
        raise KeyUnavailableError(
            "No keyring is available: set PRIVACY_DESK_PASSPHRASE to the database passphrase."
        )
    return unlock(path, secrets=secrets, passphrase=passphrase, create=create)


def _import(database: Database, paths: list[Path], rule_book: RuleBook) -> int:
    report = import_paths(database.session, paths, rule_book)
    print(format_import_report(report))
    return 1 if report.count(ImportOutcome.FAILED) else 0


def format_import_report(report: ImportReport) -> str:
    """Return the import summary as a fixed-width table followed by the totals."""
    lines = [f"{'file':<36} {'result':<9} {'case':<15} {'kind':<21} notes"]
    for result in report.results:
        notes = result.problem or ", ".join(flag.value for flag in result.flags)
        kind = result.kind.value if result.kind else "-"
        lines.append(
            f"{result.file_name[:36]:<36} {result.outcome.value:<9} "
            f"{result.reference or '-':<15} {kind:<21} {notes}"
        )
    lines.append(
        f"{len(report.results)} files: {report.count(ImportOutcome.IMPORTED)} imported, "
        f"{report.count(ImportOutcome.DUPLICATE)} duplicates, "
        f"{report.count(ImportOutcome.FAILED)} failed; {report.flagged} need review"
        + ("; cancelled" if report.cancelled else "")
    )
    return "\n".join(lines)


def _list(database: Database, output_format: str) -> int:
    with database.session() as session:
        rows = list_cases(session)
    if output_format == "json":
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        due = row.due_date.isoformat() if row.due_date else "-"
        mark = " (provisional)" if row.due_provisional else ""
        print(f"{row.reference}  {row.kind.value:<21} {row.status.value:<10} due {due}{mark}")
    return 0


def _letter(database: Database, args: argparse.Namespace, rule_book: RuleBook) -> int:
    target = check_export_target(args.output)
    # The file is written inside the transaction: if saving fails, the letter is not recorded.
    with database.session() as session:
        stored = generate_letter(
            session,
            args.reference,
            args.template,
            args.lang,
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=local_today(),
        )
        write_file_atomically(target, stored.pdf)
    print(
        f"{stored.reference} {stored.template_key} ({stored.language}) v{stored.version} "
        f"sha256 {stored.sha256} -> {target}"
    )
    return 0
