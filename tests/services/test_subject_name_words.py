"""The name-word index follows every write of a requester's name: creation, import, renaming,
anonymisation (no word of the old name may remain) and deletion."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, SubjectNameWord
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.case_erasure import erase_case
from app.services.name_words import name_words
from app.store import Database
from tests.conftest import CORPUS_INBOX


def stored_words(session: Session) -> dict[int, set[str]]:
    """Every subject's stored words, by subject id (subjects without any left out)."""
    words: dict[int, set[str]] = {}
    for subject_id, word in session.execute(
        select(SubjectNameWord.subject_id, SubjectNameWord.word)
    ):
        words.setdefault(subject_id, set()).add(word)
    return words


def _case(name: str | None, number: int = 1) -> Case:
    return Case(
        reference=f"PD-2026-{number:06d}",
        kind=CaseKind.DELETION,
        status=CaseStatus.CLOSED,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=DataSubject(display_name=name),
    )


def test_a_new_requester_gets_exactly_the_words_of_their_name(database: Database) -> None:
    with database.session() as session:
        session.add_all([_case("欧阳娜娜", 1), _case("Jean-Luc Picard", 2), _case(None, 3)])
        session.flush()
        ids = {c.reference: c.subject_id for c in session.scalars(select(Case))}
        assert stored_words(session) == {
            ids["PD-2026-000001"]: {"欧阳娜娜", "阳娜娜", "娜娜", "娜"},
            ids["PD-2026-000002"]: {"jean", "luc", "jean-luc", "jeanluc", "picard"},
        }


def test_a_rename_replaces_the_words(database: Database) -> None:
    with database.session() as session:
        case = _case("Anna Smith")
        session.add(case)
        session.flush()
        assert case.subject is not None
        case.subject.display_name = "Anna Jones"
        session.flush()
        assert stored_words(session) == {case.subject.id: {"anna", "jones"}}
        case.subject.display_name = None
        session.flush()
        assert stored_words(session) == {}


def test_changing_something_else_keeps_the_words(database: Database) -> None:
    with database.session() as session:
        case = _case("Anna Smith")
        session.add(case)
        session.flush()
        assert case.subject is not None
        case.subject.preferred_language = "en"
        case.subject.display_name = "Anna Smith"  # the same name again
        session.flush()
        assert stored_words(session) == {case.subject.id: {"anna", "smith"}}


def test_erasure_leaves_no_word_of_the_old_name(database: Database) -> None:
    with database.session() as session:
        session.add_all([_case("Anna Smith", 1), _case("王芳", 2)])
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == "PD-2026-000001")).one()
        kept = session.scalars(select(Case).where(Case.reference == "PD-2026-000002")).one()
        erase_case(case)
    with database.session() as session:
        assert stored_words(session) == {kept.subject_id: {"王芳", "芳"}}


def test_deleting_a_requester_deletes_their_words(database: Database) -> None:
    with database.session() as session:
        subject = DataSubject(display_name="Иван Петров")
        session.add(subject)
        session.flush()
        assert stored_words(session) == {subject.id: {"иван", "петров"}}
        session.delete(subject)
        session.flush()
        assert stored_words(session) == {}


def test_imported_requesters_get_the_words_of_their_names(database: Database) -> None:
    from app.services.deadlines import load_rule_book
    from app.services.importing import import_paths

    messages = sorted(CORPUS_INBOX.glob("*.eml"))[:12]
    import_paths(database.session, messages, load_rule_book())
    with database.session() as session:
        names = dict(
            session.execute(select(DataSubject.id, DataSubject.display_name)).tuples().all()
        )
        expected = {i: set(name_words(n)) for i, n in names.items() if name_words(n)}
        assert expected  # the corpus messages name their senders
        assert stored_words(session) == expected
