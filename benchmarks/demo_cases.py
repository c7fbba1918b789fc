"""Realistic invented cases in bulk: for the case-list benchmark and the demo database.

Requesters have Chinese names (two- and three-character, e.g. 张三 and 欧阳明) or Latin names
(some with accents), e-mail addresses, mainland and foreign phone numbers and console account
IDs; cases come in every kind, status and jurisdiction, received over the last six years, and
the older ones are mostly closed, as in a real register. Every value is invented.

The rows go in through SQLAlchemy Core ``executemany`` — one compiled statement per table
whose parameters the DB-API driver loops over in C — in chunks of ``CHUNK`` inside one
transaction per chunk. That is faster than ``insert().values([...])``, which would compile a
new multi-row statement for every chunk and hit SQLite's bound-variable limit at ~900 rows.
A million cases take a few minutes into an encrypted database.
"""

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Integer, func, insert, select, text

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier, SubjectNameWord
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, Channel, ReceivedAtSource
from app.models.name_words import name_words
from app.services.clock import OPEN_STATUSES
from app.store import Database

CHUNK = 20_000
# Bump when the generated data changes: benchmark caches of generated databases are keyed by it.
GENERATOR_VERSION = 1
SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
    ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"),
    ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
    ("郭", "guo"), ("何", "he"), ("林", "lin"), ("罗", "luo"), ("高", "gao"),
    ("欧阳", "ouyang"), ("司马", "sima"), ("诸葛", "zhuge"),
)  # fmt: skip
GIVEN = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
    ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"),
    ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"),
    ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("桂英", "guiying"), ("三", "san"),
    ("建华", "jianhua"), ("晓东", "xiaodong"), ("镕", "rong"), ("喆", "zhe"),
)  # fmt: skip
FIRST = ("Anna", "James", "Maria", "Jörg", "Zoë", "Mohammed", "Priya", "Kenji", "Lucía",
         "Olivia", "Noah", "Émilie", "Søren", "Aisha", "Tomás", "Yuki", "Chloé")  # fmt: skip
LAST = ("Smith", "Müller", "García", "O'Brien", "Nguyen", "Kowalski", "Rossi", "Dubois",
        "Tanaka", "Silva", "Andersen", "Kim", "Patel", "Schmidt", "Brown", "Novak")  # fmt: skip
JURISDICTIONS = ("CN",) * 14 + ("EU", "EU", "UK", "US-CA", "BR", "HK", "SG", "JP", "KR", "IN")
STAFF = ("li.wei", "wang.fang", "chen.jing", "zhao.lei", "a.smith", "m.garcia")
KINDS = tuple(CaseKind)
CHANNELS = (Channel.EMAIL,) * 6 + (Channel.WEB_FORM,) * 3 + (Channel.PHONE, Channel.LETTER)
CLOSED_OUTCOMES = (CaseOutcome.FULFILLED,) * 6 + tuple(CaseOutcome)
OPEN = sorted(OPEN_STATUSES)
HISTORY_DAYS = 6 * 365


def generate_cases(
    database: Database, count: int, *, today: date, seed: int = 20260310, chunk: int = CHUNK
) -> None:
    """Add ``count`` invented cases (and ~0.8 requesters per case) to ``database``.

    Args:
        today: the local date the data is made for: open cases are recent, some overdue.
        seed: the random seed (the same seed gives the same cases).
        chunk: rows per transaction.
    """
    rng = random.Random(seed)
    with database.engine.begin() as connection:
        first_subject = _next_id(connection, DataSubject.id)
        first_case = _next_id(connection, Case.id)
        sequences = _last_sequences(connection)
    subjects = max(1, count * 4 // 5)
    for start in range(0, subjects, chunk):
        stop = min(start + chunk, subjects)
        with database.engine.begin() as connection:
            _insert_subjects(connection, rng, range(first_subject + start, first_subject + stop))
    for start in range(0, count, chunk):
        rows = [
            _case(rng, first_case + n, n / count, first_subject + rng.randrange(subjects))
            | _timeline(rng, n / count, today, sequences)
            for n in range(start, min(start + chunk, count))
        ]
        with database.engine.begin() as connection:
            connection.execute(insert(Case), rows)


def create_search_indexes(database: Database) -> None:
    """Refresh the planner's statistics after a bulk load (the case list's indexes come with
    the schema, migration 0005)."""
    with database.engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def _next_id(connection: Connection, column: Any) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def _last_sequences(connection: Connection) -> dict[int, int]:
    """The highest reference sequence per year already used (so added cases never clash)."""
    year = func.substr(Case.reference, 4, 4)
    sequence = func.max(func.cast(func.substr(Case.reference, 9), Integer))
    found = connection.execute(select(year, sequence).group_by(year))
    return {int(row[0]): int(row[1]) for row in found}


def _insert_subjects(connection: Connection, rng: random.Random, ids: range) -> None:
    """Insert requesters with their identifiers and name words (Core inserts pass by the
    model's listeners that keep the words, so they are written here)."""
    subjects: list[dict[str, Any]] = []
    identifiers: list[dict[str, Any]] = []
    words: list[dict[str, Any]] = []
    for subject_id in ids:
        name, local = _name(rng)
        subjects.append({"id": subject_id, "display_name": name, "created_at": _NOW})
        identifiers.extend(_identifiers(rng, subject_id, local))
        words.extend({"word": word, "subject_id": subject_id} for word in name_words(name))
    connection.execute(insert(DataSubject), subjects)
    connection.execute(insert(SubjectIdentifier), identifiers)
    connection.execute(insert(SubjectNameWord), words)


_NOW = datetime.now(UTC)


def _name(rng: random.Random) -> tuple[str, str]:
    """A requester's name and the start of an e-mail local part made from it."""
    if rng.random() < 0.65:
        surname, surname_latin = rng.choice(SURNAMES)
        given, given_latin = rng.choice(GIVEN)
        if len(given) == 1 and rng.random() < 0.5:  # 张伟 and 张伟明: one or two characters
            extra, extra_latin = rng.choice(GIVEN[:17])
            given, given_latin = given + extra, given_latin + extra_latin
        return surname + given, f"{surname_latin}.{given_latin}"
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", f"{first[0]}.{last}".lower().replace("'", "")


def _identifiers(rng: random.Random, subject_id: int, local: str) -> Iterator[dict[str, Any]]:
    def row(kind: IdentifierKind, value: str) -> dict[str, Any]:
        return {"subject_id": subject_id, "kind": kind, "value": value, "added_at": _NOW}

    if rng.random() < 0.9:
        domain = rng.choice(("example.com", "example.cn", "example.org", "mail.example.net"))
        yield row(IdentifierKind.EMAIL, f"{local}{subject_id}@{domain}")
    if rng.random() < 0.4:
        yield row(IdentifierKind.PHONE, _phone(rng, subject_id))
    if rng.random() < 0.6:
        yield row(IdentifierKind.ACCOUNT_ID, f"{1_000_000_000_000_000 + subject_id * 7919}")


def _phone(rng: random.Random, subject_id: int) -> str:
    if rng.random() < 0.8:
        return f"+861{rng.choice('3456789')}{subject_id:09d}"
    return f"+{rng.choice(('44', '49', '1', '65', '852'))}7{subject_id:09d}"


def _case(rng: random.Random, case_id: int, share: float, subject_id: int) -> dict[str, Any]:
    return {
        "id": case_id,
        "kind": rng.choice(KINDS),
        "jurisdiction": rng.choice(JURISDICTIONS),
        "channel": rng.choice(CHANNELS),
        "language": rng.choice(("zh", "zh", "en")),
        "priority": 0,
        "subject_id": subject_id,
        "subject_line": "",
        "received_at_source": ReceivedAtSource.DATE_HEADER,
        "review_flags": [],
        "triage_reasons": [],
        "version": 1,
    }


def _timeline(
    rng: random.Random, share: float, today: date, sequences: dict[int, int]
) -> dict[str, Any]:
    """Receipt, reference, status and deadlines of the case at ``share`` (0 = oldest, 1 =
    newest) of the history: cases arrive in reference order, more of them lately."""
    age = int(HISTORY_DAYS * (1 - share) ** 1.5)
    received_at = datetime.combine(today - timedelta(days=age), time(1), UTC) + timedelta(
        minutes=rng.randrange(14 * 60)
    )
    year = received_at.year
    sequences[year] = sequences.get(year, 0) + 1
    status = _status(rng, age)
    due = received_at.date() + timedelta(days=21)
    answered = status not in OPEN_STATUSES
    return {
        "reference": f"PD-{year}-{sequences[year]:06d}",
        "status": status,
        "outcome": rng.choice(CLOSED_OUTCOMES) if answered else None,
        "assignee": rng.choice(STAFF) if status != CaseStatus.NEW else None,
        "received_at": received_at,
        "created_at": received_at,
        "updated_at": received_at,
        "due_date": due,
        "extended_due_date": due + timedelta(days=60) if rng.random() < 0.03 else None,
        "due_provisional": due.year > today.year,
    }


def _status(rng: random.Random, age_days: int) -> CaseStatus:
    """Recent cases are being worked; most older ones are closed or in retention."""
    if age_days < 30 or (age_days < 90 and rng.random() < 0.1):
        return rng.choice(OPEN)
    if age_days < 60 and rng.random() < 0.5:
        return CaseStatus.RESPONDED
    return CaseStatus.IN_RETENTION if rng.random() < 0.05 else CaseStatus.CLOSED
