"""workflow: staff, identity checks, reviews, refusal grounds, category actions, parties,
notes, messages; letter sending

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "staff_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "handler",
                "reviewer",
                "manager",
                "auditor",
                "admin",
                name="staffrole",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_member_username")),
    )
    op.create_table(
        "category_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "delete",
                "anonymise",
                "correct",
                "export",
                "legal_hold",
                "none_held",
                name="categoryactionkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("hold_until", sa.Date(), nullable=True),
        sa.Column("hold_rule", sa.String(length=60), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("planned_by", sa.String(length=100), nullable=False),
        sa.Column("done_by", sa.String(length=100), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_category_action_case_id_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_action")),
        sa.UniqueConstraint("case_id", "category", name=op.f("uq_category_action_case_id")),
    )
    with op.batch_alter_table("category_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_action_case_id"), ["case_id"], unique=False)

    op.create_table(
        "identity_verification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "account_login",
                "sms_code",
                "id_document",
                "face_verification",
                "known_correspondence",
                "other",
                name="verificationmethod",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("checked_by", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_identity_verification_case_id_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_verification")),
    )
    with op.batch_alter_table("identity_verification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_identity_verification_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("incoming", "outgoing", name="messagedirection", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_message_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message")),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_message_case_id"), ["case_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_note_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_case_id"), ["case_id"], unique=False)

    op.create_table(
        "party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "guardian",
                "close_relative",
                "authorised_agent",
                name="partyrole",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship_to_subject", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("proof_type", sa.String(length=100), nullable=False),
        sa.Column("proof_expiry", sa.Date(), nullable=True),
        sa.Column("proof_checked_by", sa.String(length=100), nullable=False),
        sa.Column("is_addressee", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_party_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
    )
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_case_id"), ["case_id"], unique=False)

    op.create_table(
        "refusal_ground",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_refusal_ground_case_id_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refusal_ground")),
        sa.UniqueConstraint("case_id", "code", name=op.f("uq_refusal_ground_case_id")),
    )
    with op.batch_alter_table("refusal_ground", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refusal_ground_case_id"), ["case_id"], unique=False)

    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "subject",
            sa.Enum(
                "deletion", "refusal", "letter", name="reviewsubject", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("letter_id", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                name="reviewdecision",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_review_case_id_case")),
        sa.ForeignKeyConstraint(
            ["letter_id"], ["letter.id"], name=op.f("fk_review_letter_id_letter")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retention_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("related_case_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("retention_purge_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_case_retention_purge_date"), ["retention_purge_date"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_case_duplicate_of_id_case"), "case", ["duplicate_of_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_case_related_case_id_case"), "case", ["related_case_id"], ["id"]
        )

    with op.batch_alter_table("data_subject", schema=None) as batch_op:
        # existing subjects are not known to be deceased
        batch_op.add_column(
            sa.Column("is_deceased", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_proof", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sent_recorded_by", sa.String(length=100), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_column("sent_recorded_by")
        batch_op.drop_column("sent_proof")

    with op.batch_alter_table("data_subject", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("is_deceased")

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_case_related_case_id_case"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_case_duplicate_of_id_case"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_case_retention_purge_date"))
        batch_op.drop_column("purged_at")
        batch_op.drop_column("retention_purge_date")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("responded_at")
        batch_op.drop_column("duplicate_of_id")
        batch_op.drop_column("related_case_id")

    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_column("purged_at")
        batch_op.drop_column("retention_until")

    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_case_id"))

    op.drop_table("review")
    with op.batch_alter_table("refusal_ground", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refusal_ground_case_id"))

    op.drop_table("refusal_ground")
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_case_id"))

    op.drop_table("party")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_case_id"))

    op.drop_table("note")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_case_id"))

    op.drop_table("message")
    with op.batch_alter_table("identity_verification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identity_verification_case_id"))

    op.drop_table("identity_verification")
    with op.batch_alter_table("category_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_action_case_id"))

    op.drop_table("category_action")
    op.drop_table("staff_member")
