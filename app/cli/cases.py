"""``python -m app import|list|letter|case-file|requester-name``: the case commands."""

import argparse
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.acting import actor_of, staff_actor
from app.cli.opening import open_for_command
from app.clock import company_today
from app.files import check_export_target, write_file_atomically
from app.reports.case_file import case_file_pdf
from app.reports.case_letters import CASE_TEMPLATES, render_case_letter
from app.reports.settings_letterhead import letterhead_for
from app.services.case_file import case_file
from app.services.case_queries import CaseRow, extended_due_dates, find_case, list_cases
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, ImportReport, import_paths
from app.services.letter_languages import default_letter_language
from app.services.letters import SUPPORTED_LANGUAGES, generate_letter
from app.services.settings_letterhead import stored_letterhead
from app.services.workflow.requester_details import correct_requester, requester_details
from app.store.disk_space import DiskFullWatch


def register(commands: Any) -> None:
    """Add the case sub-commands (``import``, ``list``, ``letter``...) to ``commands``."""
    importer = commands.add_parser("import", help="import .eml files and folders as cases")
    importer.add_argument("paths", nargs="+", type=Path)
    importer.set_defaults(handler=run_import)
    lister = commands.add_parser("list", help="print every case")
    lister.add_argument("--format", choices=("table", "json"), default="table")
    lister.set_defaults(handler=run_list)
    letter = commands.add_parser("letter", help="generate a letter for a case")
    letter.add_argument("reference")
    letter.add_argument("--template", default="acknowledgement", choices=CASE_TEMPLATES)
    letter.add_argument(
        "--lang",
        default=None,
        choices=SUPPORTED_LANGUAGES,
        help="letter language (default: the case's own, as the window's batch letters: a "
        "Chinese request gets zh-Hant for a Hong Kong or Taiwan case, else zh; a request in "
        "another language gets en; a case whose language is unknown gets zh-Hant+en or zh+en)",
    )
    letter.add_argument("-o", "--output", type=Path, required=True)
    letter.add_argument("--overwrite", action="store_true", help="replace an existing file")
    letter.set_defaults(handler=run_letter)
    exported = commands.add_parser(
        "case-file", help="export a case's file (summary, timeline, letters, evidence) as PDF"
    )
    exported.add_argument("reference")
    exported.add_argument("--lang", default="zh", choices=("zh", "en"))
    exported.add_argument("-o", "--output", type=Path, required=True)
    exported.add_argument("--overwrite", action="store_true", help="replace an existing file")
    exported.set_defaults(handler=run_case_file)
    named = commands.add_parser(
        "requester-name",
        help="confirm the requester's name as recorded, or correct it (--name): a name "
        "flagged as damaged in the mail holds the case's letters until then",
    )
    named.add_argument("reference")
    named.add_argument("--name", default=None, help="the name as it should read")
    named.set_defaults(handler=run_requester_name)


def run_import(args: argparse.Namespace) -> int:
    """Import the messages and print the summary table; status 1 when any file failed.

    A file that does not fit on a full disk stops the batch there (every further file would
    fail the same way): the table of the files so far and the summary are printed, then the
    error on stderr, status 2.
    """
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book, create=True)
    watch = DiskFullWatch(database.session)
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        report = import_paths(watch, args.paths, rule_book, actor=actor, should_cancel=watch.full)
    finally:
        database.close()
    print(format_import_report(report, disk_full=watch.full()))
    if watch.error is not None:
        sys.stdout.flush()
        print(f"error: {watch.error}", file=sys.stderr)
        return 2  # a user error, as app.cli.main gives (it imports this module)
    return 1 if report.count(ImportOutcome.FAILED) else 0


def format_import_report(report: ImportReport, *, disk_full: bool = False) -> str:
    """Return the import summary as a table (aligned for CJK file names) and the totals;
    ``disk_full``: the batch stopped at a file that did not fit on the disk."""
    lines = [_row("file", 36, "result", "case", "kind", "notes")]
    for result in report.results:
        notes = result.note or ", ".join(flag.value for flag in result.flags)
        kind = result.kind.value if result.kind else "-"
        lines.append(
            _row(result.file_name, 36, result.outcome.value, result.reference or "-", kind, notes)
        )
    skipped = report.count(ImportOutcome.SKIPPED)
    lines.append(
        f"{len(report.results)} files: {report.count(ImportOutcome.IMPORTED)} imported, "
        f"{report.count(ImportOutcome.DUPLICATE)} duplicates, "
        f"{report.count(ImportOutcome.FAILED)} failed"
        + (f", {skipped} skipped (not messages)" if skipped else "")
        + f"; {report.flagged} need review"
        + ("; stopped: the disk is full" if disk_full else "")
        + ("; cancelled" if report.cancelled and not disk_full else "")
    )
    return "\n".join(lines)


def _row(name: str, width: int, outcome: str, reference: str, kind: str, notes: str) -> str:
    return f"{fit(name, width)} {outcome:<9} {reference:<15} {kind:<21} {notes}".rstrip()


def fit(text: str, width: int) -> str:
    """Cut or pad ``text`` to ``width`` terminal columns (East Asian wide characters count 2)."""
    out, used = [], 0
    for char in text:
        size = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + size > width:
            break
        out.append(char)
        used += size
    return "".join(out) + " " * (width - used)


def run_list(args: argparse.Namespace) -> int:
    """Print every case, as a table or as JSON for scripts."""
    database = open_for_command(args, load_rule_book())
    try:
        with database.session() as session:
            rows, extended = list_cases(session), extended_due_dates(session)
    finally:
        database.close()
    if args.format == "json":
        listed = [listed_json(row, extended.get(row.reference)) for row in rows]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(listed_line(row, extended.get(row.reference)))
    return 0


def listed_line(row: CaseRow, extended_due: date | None) -> str:
    """Return a case's line of ``list``: reference, kind, status and the binding due date
    (``extended_due`` once the deadline was extended, GDPR Art. 12(3), else the row's)."""
    binding = extended_due or row.due_date
    due = binding.isoformat() if binding else "-"
    mark = " (provisional)" if row.due_provisional else ""
    if extended_due is not None and row.due_date is not None:
        mark += f" (extended from {row.due_date.isoformat()})"
    return f"{row.reference}  {row.kind.value:<21} {row.status.value:<10} due {due}{mark}"


def listed_json(row: CaseRow, extended_due: date | None) -> dict[str, Any]:
    """Return a case of ``list --format json``: ``CaseRow.as_json`` with ``due_date`` the
    binding due date (the extended one once extended), and both dates by name:
    ``original_due_date`` (from the rule) and ``extended_due_date`` (``None`` if not
    extended); dates in ISO 8601."""
    listed = row.as_json()
    binding = extended_due or row.due_date
    listed["due_date"] = binding.isoformat() if binding else None
    listed["original_due_date"] = row.due_date.isoformat() if row.due_date else None
    listed["extended_due_date"] = extended_due.isoformat() if extended_due else None
    return listed


def run_letter(args: argparse.Namespace) -> int:
    """Generate, store and save a letter; the letter is recorded only if the file was saved."""
    target = check_export_target(args.output, overwrite=args.overwrite)
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book)
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            case = find_case(session, args.reference)
            language = args.lang or default_letter_language(case.language, case.jurisdiction)
            stored = generate_letter(
                session,
                args.reference,
                args.template,
                language,
                renderer=render_case_letter,
                rule_book=rule_book,
                issued_date=company_today(),
                actor=actor,
            )
            write_file_atomically(target, stored.pdf, overwrite=args.overwrite)
    finally:
        database.close()
    print(
        f"{stored.reference} {stored.template_key} ({stored.language}) v{stored.version} "
        f"sha256 {stored.sha256} -> {target}"
    )
    return 0


def run_case_file(args: argparse.Namespace) -> int:
    """Export the case file as PDF; the export is recorded only if the file was saved."""
    target = check_export_target(args.output, overwrite=args.overwrite)
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book)
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            record = case_file(session, args.reference, actor=actor, rule_book=rule_book)
            letterhead = letterhead_for(stored_letterhead(session))
            pdf = case_file_pdf(record, args.lang, letterhead, company_today())
            write_file_atomically(target, pdf, overwrite=args.overwrite)
    finally:
        database.close()
    print(f"{record.reference} case file ({args.lang}) -> {target}")
    return 0


def run_requester_name(args: argparse.Namespace) -> int:
    """Confirm or correct the requester's name (``requester_details.correct_requester``, the
    e-mail address and phone number kept as recorded), clearing the name flags that hold the
    letters of every case of the requester."""
    actor = actor_of(args)
    database = open_for_command(args, load_rule_book())
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            case = find_case(session, args.reference)
            held = requester_details(session, case)
            name = held.name if args.name is None else args.name
            change = correct_requester(
                session, case, name=name, email=held.email, phone=held.phone, actor=actor
            )
    finally:
        database.close()
    done = "corrected" if change.fields else "confirmed"
    print(f"{args.reference.strip()}: requester's name {done} ({change.other_cases} other cases)")
    return 0
