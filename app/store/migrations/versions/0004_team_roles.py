"""team mode: restricted cases; on PostgreSQL roles, grants, row-level security, an append-only
audit trail and change notifications

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

On SQLite this only adds ``case.restricted``. On PostgreSQL:

- Group roles ``privacy_desk_handler``, ``_reviewer``, ``_manager``, ``_auditor`` and ``_admin``
  (NOLOGIN; each staff member logs in as their own role, a member of one of them), plus
  ``privacy_desk_restricted``: its members may see restricted cases (managers, auditors and
  admins are; a cleared handler can be made one). Roles are cluster-wide, so they are created
  only where missing and never dropped. Creating them needs CREATEROLE.
- Grants: everyone reads; handlers, reviewers, managers and admins write case work; staff and
  holiday calendars are written by admins only; the auditor writes nothing but audit events
  (views are audited); nobody may UPDATE, DELETE or TRUNCATE ``event`` (a trigger refuses it even
  to the owner). Admins may grant the group roles to staff logins (ADMIN OPTION).
- Row-level security on ``case`` (a restricted case is invisible to non-members) and on every
  table with a ``case_id`` (visible only with its case), and on ``data_subject`` /
  ``subject_identifier`` (hidden when the subject is the subject of a restricted case), so a
  hand-written query sees no more than the app. The table owner (who runs migrations and
  ``migrate-to``) is not subject to it.
- ``privacy_desk_chain_head()``: the audit chain's last hash, read past row-level security under
  the writer lock (see ``app.services.audit``); ``privacy_desk_highest_reference(prefix)``: the
  highest case reference with a prefix, past row-level security (``app.services.references``).
- A trigger on ``case`` and ``event`` that NOTIFYs ``privacy_desk_changes`` (table, operation,
  case id; no id for a restricted case), for lists to refresh.

A later revision that adds a table must grant its writes (SELECT comes from default
privileges) and, when it has a ``case_id``, add the same policy.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("handler", "reviewer", "manager", "auditor", "admin")
WRITERS = ("handler", "reviewer", "manager", "admin")
RESTRICTED = "privacy_desk_restricted"
ADMIN_ONLY_TABLES = ("staff_member", "calendar_year", "calendar_day")
SUBJECT_TABLES = {"data_subject": "id", "subject_identifier": "subject_id"}
WRITER_LOCK_KEY = 7_140_915_001  # app.store.postgres.WRITER_LOCK_KEY, frozen here
CHANNEL = "privacy_desk_changes"


def role(group: str) -> str:
    """The PostgreSQL role of an app role (``handler`` -> ``privacy_desk_handler``)."""
    return f"privacy_desk_{group}"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("restricted", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    if op.get_bind().dialect.name != "postgresql":
        return
    tables = sorted(sa.inspect(op.get_bind()).get_table_names())
    _create_roles()
    _grant(tables)
    _row_level_security(tables)
    _append_only_events()
    _chain_head_function()
    _change_notifications()


def downgrade() -> None:
    """Revert this revision (roles are kept: other databases of the cluster may use them)."""
    if op.get_bind().dialect.name == "postgresql":
        tables = sorted(sa.inspect(op.get_bind()).get_table_names())
        _drop_postgresql_objects(tables)
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("restricted")


def _create_roles() -> None:
    for name in (*(role(g) for g in GROUPS), RESTRICTED):
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') "
            f"THEN CREATE ROLE {name} NOLOGIN; END IF; END $$"
        )
    for group in ("manager", "auditor", "admin"):
        op.execute(f"GRANT {RESTRICTED} TO {role(group)}")
    for name in (*(role(g) for g in GROUPS if g != "admin"), RESTRICTED):
        op.execute(f"GRANT {name} TO {role('admin')} WITH ADMIN OPTION")


def _grant(tables: list[str]) -> None:
    everyone = ", ".join(role(g) for g in GROUPS)
    writers = ", ".join(role(g) for g in WRITERS)
    op.execute(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {everyone}")
    op.execute(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {everyone}"
    )
    for table in tables:
        if table in ("event", "alembic_version"):
            continue
        grantees = role("admin") if table in ADMIN_ONLY_TABLES else writers
        op.execute(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {grantees}')
    op.execute(f"GRANT INSERT ON event TO {everyone}")


def _row_level_security(tables: list[str]) -> None:
    cleared = f"pg_has_role(current_user, '{RESTRICTED}', 'MEMBER')"
    _policy("case", f"NOT restricted OR {cleared}")
    for table in tables:
        columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}
        if "case_id" in columns and table != "case":
            visible = 'case_id IS NULL OR EXISTS (SELECT 1 FROM "case" c WHERE c.id = case_id)'
            _policy(table, visible)
    op.execute(
        "CREATE FUNCTION privacy_desk_subject_restricted(subject integer) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS "
        '$$ SELECT EXISTS (SELECT 1 FROM "case" WHERE subject_id = subject AND restricted) $$'
    )
    for table, column in SUBJECT_TABLES.items():
        _policy(table, f"NOT privacy_desk_subject_restricted({column}) OR {cleared}")


def _policy(table: str, visible: str) -> None:
    """Rows of ``table`` are visible, and may be written, only where ``visible`` holds."""
    op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
    op.execute(
        f'CREATE POLICY privacy_desk_visible ON "{table}" USING ({visible}) WITH CHECK ({visible})'
    )


def _append_only_events() -> None:
    op.execute(
        "CREATE FUNCTION privacy_desk_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'the audit trail is append-only' "
        "USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER privacy_desk_append_only BEFORE UPDATE OR DELETE ON event "
        "FOR EACH ROW EXECUTE FUNCTION privacy_desk_refuse_event_change()"
    )
    op.execute(
        "CREATE TRIGGER privacy_desk_no_truncate BEFORE TRUNCATE ON event "
        "FOR EACH STATEMENT EXECUTE FUNCTION privacy_desk_refuse_event_change()"
    )


def _chain_head_function() -> None:
    # VOLATILE: after the lock is granted, the SELECT takes a new snapshot and so sees the
    # event the previous writer committed.
    op.execute(
        "CREATE FUNCTION privacy_desk_chain_head() RETURNS varchar LANGUAGE plpgsql VOLATILE "
        "SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({WRITER_LOCK_KEY}); "
        "RETURN (SELECT hash FROM event ORDER BY id DESC LIMIT 1); END $$"
    )
    # The next case reference must be drawn past restricted cases' references too.
    op.execute(
        "CREATE FUNCTION privacy_desk_highest_reference(prefix text) RETURNS varchar "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
        "SELECT reference FROM \"case\" WHERE reference LIKE prefix || '%' "
        "ORDER BY length(reference) DESC, reference DESC LIMIT 1 $$"
    )
    everyone = ", ".join(role(g) for g in GROUPS)
    for function in ("privacy_desk_chain_head()", "privacy_desk_highest_reference(text)"):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}")


def _change_notifications() -> None:
    op.execute(
        "CREATE FUNCTION privacy_desk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE changed jsonb; case_ref integer; hidden boolean; BEGIN "
        "IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF; "
        "IF TG_TABLE_NAME = 'case' THEN case_ref := (changed->>'id')::integer; "
        "hidden := (changed->>'restricted')::boolean; "
        "ELSE case_ref := (changed->>'case_id')::integer; "
        'hidden := COALESCE((SELECT c.restricted FROM "case" c WHERE c.id = case_ref), false); '
        "END IF; "
        f"PERFORM pg_notify('{CHANNEL}', json_build_object('table', TG_TABLE_NAME, "
        "'operation', lower(TG_OP), "
        "'case_id', CASE WHEN hidden THEN NULL ELSE case_ref END)::text); "
        "RETURN NULL; END $$"
    )
    for table in ("case", "event"):
        op.execute(
            f'CREATE TRIGGER privacy_desk_notify AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION privacy_desk_notify_change()"
        )


def _drop_postgresql_objects(tables: list[str]) -> None:
    for table in ("case", "event"):
        op.execute(f'DROP TRIGGER IF EXISTS privacy_desk_notify ON "{table}"')
    op.execute("DROP TRIGGER IF EXISTS privacy_desk_append_only ON event")
    op.execute("DROP TRIGGER IF EXISTS privacy_desk_no_truncate ON event")
    for table in tables:
        op.execute(f'DROP POLICY IF EXISTS privacy_desk_visible ON "{table}"')
        op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
    for function in (
        "privacy_desk_notify_change()",
        "privacy_desk_chain_head()",
        "privacy_desk_highest_reference(text)",
        "privacy_desk_refuse_event_change()",
        "privacy_desk_subject_restricted(integer)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    everyone = ", ".join(role(g) for g in GROUPS)
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {everyone}")
