"""``python -m app retention preview|anonymise|purge-due``: retention of case records.

``preview`` changes nothing. ``anonymise`` and ``purge-due`` check that every certificate can be
written where the user asked before they erase anything, and write certificates only there.
Output names cases by reference only, never by person.
"""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.acting import actor_of, staff_actor
from app.cli.opening import open_for_command
from app.clock import company_today
from app.errors import ExportPathError
from app.files import check_export_target, write_file_atomically
from app.reports.retention_certificate import anonymisation_certificate_pdf, purge_certificate_pdf
from app.reports.retention_certificate_text import LANGUAGES
from app.reports.settings_letterhead import letterhead_for
from app.services.case_retention import (
    DEFAULT_CLOSED_CASE_MONTHS,
    CaseRetentionPolicy,
    anonymise_closed_cases,
    preview_anonymisation,
    preview_id_documents,
)
from app.services.deadlines import load_rule_book
from app.services.settings_letterhead import stored_letterhead
from app.services.settings_retention import current_case_retention_policy
from app.services.workflow import PurgeCertificate, due_for_purge, purge


def register(commands: Any) -> None:
    """Add ``retention preview|anonymise|purge-due`` to ``commands``."""
    retention = commands.add_parser("retention", help="anonymise closed cases, purge accounts")
    actions = retention.add_subparsers(dest="retention_action", required=True)
    preview = actions.add_parser("preview", help="list what is due, change nothing")
    preview.add_argument(
        "--on", type=date.fromisoformat, default=None, help="as of YYYY-MM-DD (default: today)"
    )
    _policy_arguments(preview)
    preview.set_defaults(handler=run_preview)
    anonymise = actions.add_parser("anonymise", help="anonymise the closed cases due today")
    anonymise.add_argument("--certificate", type=Path, required=True, metavar="FILE.pdf")
    _policy_arguments(anonymise)
    _common(anonymise)
    anonymise.set_defaults(handler=run_anonymise)
    purge_due = actions.add_parser("purge-due", help="purge cancelled accounts whose time is up")
    purge_due.add_argument("--certificate-dir", type=Path, default=None, metavar="DIR")
    _common(purge_due)
    purge_due.set_defaults(handler=run_purge_due)


def _policy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--months",
        type=_count(1),
        default=None,
        help=f"months after closing (default: the settings, else {DEFAULT_CLOSED_CASE_MONTHS})",
    )
    parser.add_argument(
        "--id-document-days",
        type=_count(0),
        default=None,
        help="days after verification (default: the settings, else 0)",
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=LANGUAGES, default="zh", help="certificate text")
    # SUPPRESS: an absent sub-command --actor must not hide the global one (app.cli.acting).
    parser.add_argument(
        "--actor", default=argparse.SUPPRESS, help="staff name (default: the login name)"
    )


def run_preview(args: argparse.Namespace) -> int:
    """Print the cases due for anonymisation and the ID documents due for purging."""
    on = args.on or company_today()
    database = open_for_command(args, load_rule_book())
    try:
        with database.session() as session:
            policy = _policy(args, session)
            cases = preview_anonymisation(session, on, policy)
            documents = preview_id_documents(session, on, policy)
            accounts = [c.reference for c in due_for_purge(session, on)]
    finally:
        database.close()
    print(f"As of {on.isoformat()}: {len(cases)} closed case(s) due for anonymisation")
    for e in cases:
        shared = "  (subject has another case: unlinked only)" if e.subject_shared else ""
        print(
            f"  {e.reference}  {e.kind.value:<20} closed {e.closed_on}  due {e.due_on}  "
            f"attachments {e.attachments}, identifiers {e.identifiers}, notes {e.notes}, "
            f"messages {e.messages}, letters {e.letters}, parties {e.parties}{shared}"
        )
    print(f"{sum(d.documents for d in documents)} ID document(s) due for purging")
    for d in documents:
        print(f"  {d.reference}  {d.documents} document(s), due {d.due_on}")
    print(f"{len(accounts)} cancelled account(s) due for purge: {', '.join(accounts) or '-'}")
    return 0


def run_anonymise(args: argparse.Namespace) -> int:
    """Anonymise what is due today and write the certificate to the chosen file."""
    target = check_export_target(args.certificate)
    actor = _actor(args)
    database = open_for_command(args, load_rule_book())
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            letterhead = letterhead_for(stored_letterhead(session))
            certificate = anonymise_closed_cases(
                session, company_today(), _policy(args, session), actor
            )
    finally:
        database.close()
    write_file_atomically(
        target, anonymisation_certificate_pdf(certificate, args.language, letterhead)
    )
    documents = sum(d.documents for d in certificate.id_documents)
    chain = "verifies" if certificate.chain_ok else "DOES NOT VERIFY"
    print(
        f"{len(certificate.cases)} case(s) anonymised, {documents} ID document(s) purged; "
        f"the audit chain {chain} ({certificate.chain_events} events)."
    )
    print(f"certificate written to {target}")
    return 0


def run_purge_due(args: argparse.Namespace) -> int:
    """Purge every cancelled account whose retention has run out; one certificate each."""
    folder = _certificate_folder(args.certificate_dir)
    today, actor = company_today(), _actor(args)
    database = open_for_command(args, load_rule_book())
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            letterhead = letterhead_for(stored_letterhead(session))
            certificates = [
                purge(session, case, today=today, actor=actor)
                for case in due_for_purge(session, today)
            ]
    finally:
        database.close()
    for certificate in certificates:
        line = f"purged {certificate.reference}"
        if folder is not None:
            line += f"; certificate {_write_purge(certificate, folder, args.language, letterhead)}"
        print(line)
    print(f"{len(certificates)} account(s) purged.")
    return 0


def _write_purge(
    certificate: PurgeCertificate, folder: Path, language: str, letterhead: Any
) -> Path:
    target = folder / f"{certificate.reference}-purge-certificate.pdf"
    write_file_atomically(target, purge_certificate_pdf(certificate, language, letterhead))
    return target


def _certificate_folder(folder: Path | None) -> Path | None:
    """Check the folder before anything is purged (a certificate must not be lost after)."""
    if folder is None:
        return None
    if not folder.is_dir():
        raise ExportPathError(f"The folder '{folder}' does not exist.")
    check_export_target(folder / "certificate.pdf")
    return folder


def _policy(args: argparse.Namespace, session: Session) -> CaseRetentionPolicy:
    """The command line's periods where given, else the team's settings."""
    stored = current_case_retention_policy(session)
    return CaseRetentionPolicy(
        closed_case_months=args.months if args.months is not None else stored.closed_case_months,
        id_document_days=(
            args.id_document_days if args.id_document_days is not None else stored.id_document_days
        ),
    )


def _count(minimum: int) -> Any:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"at least {minimum}")
        return value

    return parse


def _actor(args: argparse.Namespace) -> str:
    return actor_of(args)
