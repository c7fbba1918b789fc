"""The data subject: the person a request is about, and the identifiers that find them."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Connection,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    delete,
    event,
    func,
    insert,
    inspect,
    text,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column
from app.models.identifier_folding import MAX_FOLDED_LENGTH, folded_identifier
from app.models.name_words import MAX_WORD_LENGTH, name_words


class IdentifierKind(StrEnum):
    """Kinds of identifier by which a data subject is matched across cases."""

    EMAIL = "email"
    PHONE = "phone"
    ACCOUNT_ID = "account_id"


class DataSubject(Base):
    """A natural person whose personal information a case is about (PIPL Art. 4; GDPR Art. 4(1))."""

    __tablename__ = "data_subject"
    # Sorting by requester, and a search of several words, use lower(display_name); a search
    # by any word of the name uses SubjectNameWord.
    __table_args__ = (
        Index("ix_data_subject_display_name_lower", func.lower(text("display_name"))),
    )

    id: Mapped[int_pk]
    display_name: Mapped[str | None] = mapped_column(String(200))
    preferred_language: Mapped[str | None] = mapped_column(String(8))
    is_minor: Mapped[bool] = mapped_column(default=False)
    is_deceased: Mapped[bool] = mapped_column(default=False)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[utc_instant] = mapped_column(default=utc_now)

    identifiers: Mapped[list["SubjectIdentifier"]] = relationship(
        back_populates="subject", cascade="all, delete-orphan"
    )

    def identifier(self, kind: IdentifierKind) -> str | None:
        """Return the first identifier of ``kind`` (e.g. the e-mail address), or ``None``."""
        return next((i.value for i in self.identifiers if i.kind == kind), None)


def _folded_of_inserted(context: Any) -> str:
    """The folded form of the identifier an INSERT writes (ORM or Core, one call per row)."""
    row = context.get_current_parameters()
    return folded_identifier(row["kind"], row["value"])


class SubjectIdentifier(Base):
    """One e-mail address, phone number or console account ID of a data subject.

    ``value`` is normalised (e-mail domain lower-cased, phone canonical) so that matching is
    an equality lookup. ``folded`` is what the case search looks it up by, one prefix range
    per kind over ``ix_subject_identifier_folded`` (``app.models.identifier_folding``): written by
    the column's default at every INSERT, ORM or Core (intake, import, manual intake, demo
    data), and by the listener below when an edit changes the value. Bulk SQL written by
    hand (migrations) must write it itself.
    """

    __tablename__ = "subject_identifier"
    # The folded index holds the subject id: a search range yields subject ids from the
    # index alone, without reading the rows. The kind leads: a short text ("14", a reference
    # number) must not match every mobile number starting with it.
    __table_args__ = (
        UniqueConstraint("kind", "value"),
        Index("ix_subject_identifier_folded", "kind", "folded", "subject_id"),
    )

    id: Mapped[int_pk]
    subject_id: Mapped[int] = mapped_column(ForeignKey("data_subject.id"), index=True)
    kind: Mapped[IdentifierKind] = mapped_column(enum_column(IdentifierKind))
    value: Mapped[str] = mapped_column(String(320))
    # Compared by code point, as the prefix ranges assume (see SubjectNameWord.word).
    folded: Mapped[str] = mapped_column(
        String(MAX_FOLDED_LENGTH).with_variant(
            String(MAX_FOLDED_LENGTH, collation="C"), "postgresql"
        ),
        default=_folded_of_inserted,
    )
    added_at: Mapped[utc_instant] = mapped_column(default=utc_now)

    subject: Mapped[DataSubject] = relationship(back_populates="identifiers")


@event.listens_for(SubjectIdentifier, "before_update")
def _folded_of_edited_identifier(
    _mapper: Mapper[Any], _connection: Connection, identifier: SubjectIdentifier
) -> None:
    state = inspect(identifier).attrs
    if state.value.history.has_changes() or state.kind.history.has_changes():
        identifier.folded = folded_identifier(identifier.kind, identifier.value)


class SubjectNameWord(Base):
    """One word of a data subject's name (``app.models.name_words.name_words``), so that a
    name search finds the person by any of their names: the primary key (word, subject) is an
    index whose prefix ranges over ``word`` yield subject ids without reading the table.

    Kept in step with ``DataSubject.display_name`` by the listeners below, at every flush that
    writes a name — intake, import, demo data, renaming and, above all, erasure: once a name
    is anonymised, no word of it remains. Bulk SQL that writes names (benchmarks, migrations)
    must write the words itself.
    """

    __tablename__ = "subject_name_word"
    # The words are compared by code point, as Python orders them and as the prefix ranges
    # assume; PostgreSQL would otherwise order them by the server's locale (where "z" < "{"
    # does not hold, so the range for a prefix ending in "z" would be empty).
    __table_args__ = ({"sqlite_with_rowid": False},)

    word: Mapped[str] = mapped_column(
        String(MAX_WORD_LENGTH).with_variant(String(MAX_WORD_LENGTH, collation="C"), "postgresql"),
        primary_key=True,
    )
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("data_subject.id", ondelete="CASCADE"), primary_key=True, index=True
    )


def _write_words(
    connection: Connection, subject_id: int, display_name: str | None, *, new: bool = False
) -> None:
    """Replace the words of subject ``subject_id`` by those of ``display_name`` (``new``: it
    has none yet)."""
    if not new:
        connection.execute(delete(SubjectNameWord).where(SubjectNameWord.subject_id == subject_id))
    words = sorted(name_words(display_name))
    if words:
        rows = [{"word": word, "subject_id": subject_id} for word in words]
        connection.execute(insert(SubjectNameWord), rows)


@event.listens_for(DataSubject, "after_insert")
def _words_of_new_subject(
    _mapper: Mapper[Any], connection: Connection, subject: DataSubject
) -> None:
    _write_words(connection, subject.id, subject.display_name, new=True)


@event.listens_for(DataSubject, "after_update")
def _words_of_renamed_subject(
    _mapper: Mapper[Any], connection: Connection, subject: DataSubject
) -> None:
    if inspect(subject).attrs.display_name.history.has_changes():
        _write_words(connection, subject.id, subject.display_name)


@event.listens_for(DataSubject, "before_delete")
def _words_of_deleted_subject(
    _mapper: Mapper[Any], connection: Connection, subject: DataSubject
) -> None:
    # The foreign key cascades too; this also holds where foreign keys are not enforced.
    _write_words(connection, subject.id, None)
