"""initial schema: subjects, cases, events, attachments, letters

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "data_subject",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("preferred_language", sa.String(length=8), nullable=True),
        sa.Column("is_minor", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_subject")),
    )
    op.create_table(
        "case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "access",
                "copy",
                "correction",
                "deletion",
                "account_cancellation",
                "consent_withdrawal",
                "objection",
                "explanation",
                "complaint",
                "regulator_inquiry",
                "reminder",
                "not_a_request",
                "other",
                name="casekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "triaged",
                "awaiting_requester",
                "in_progress",
                "in_review",
                "responded",
                "in_retention",
                "closed",
                name="casestatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "fulfilled",
                "partially_fulfilled",
                "refused",
                "withdrawn",
                "unverifiable",
                "not_a_request",
                "duplicate",
                "redirected_to_self_service",
                name="caseoutcome",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "email",
                "web_form",
                "phone",
                "letter",
                "in_person",
                name="channel",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("assignee", sa.String(length=100), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.String(length=998), nullable=True),
        sa.Column("subject_line", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "received_at_source",
            sa.Enum(
                "date_header",
                "received_header",
                "file_time",
                "import_time",
                "entered",
                name="receivedatsource",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("ack_due_date", sa.Date(), nullable=True),
        sa.Column("extended_due_date", sa.Date(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("rule_ref", sa.String(length=80), nullable=True),
        sa.Column("review_flags", sa.JSON(), nullable=False),
        sa.Column("triage_reasons", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["data_subject.id"], name=op.f("fk_case_subject_id_data_subject")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case")),
        sa.UniqueConstraint("message_id", name=op.f("uq_case_message_id")),
        sa.UniqueConstraint("reference", name=op.f("uq_case_reference")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "subject_identifier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "email", "phone", "account_id", name="identifierkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["data_subject.id"],
            name=op.f("fk_subject_identifier_subject_id_data_subject"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_identifier")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_subject_identifier_kind")),
    )
    with op.batch_alter_table("subject_identifier", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subject_identifier_subject_id"), ["subject_id"], unique=False
        )

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "original_message",
                "correspondence",
                "id_document",
                "evidence",
                name="attachmentkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_attachment_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_case_id"), ["case_id"], unique=False)

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_event_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_event_hash")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_case_id"), ["case_id"], unique=False)

    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("template_key", sa.String(length=60), nullable=False),
        sa.Column("template_version", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("generated_by", sa.String(length=100), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_channel", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_letter_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
        sa.UniqueConstraint(
            "case_id", "template_key", "language", "version", name=op.f("uq_letter_case_id")
        ),
    )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_case_id"))

    op.drop_table("letter")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_case_id"))

    op.drop_table("event")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_case_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("subject_identifier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subject_identifier_subject_id"))

    op.drop_table("subject_identifier")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_subject_id"))
        batch_op.drop_index(batch_op.f("ix_case_status"))
        batch_op.drop_index(batch_op.f("ix_case_received_at"))
        batch_op.drop_index(batch_op.f("ix_case_kind"))
        batch_op.drop_index(batch_op.f("ix_case_due_date"))

    op.drop_table("case")
    op.drop_table("data_subject")
