"""The dashboard's tables as they were before migrations: audit log, assignments, notifications still
to send, handoffs, officers' sessions.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("department", sa.String(64), index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False, index=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("new_status", sa.String(32)),
        sa.Column("item_department", sa.String(128), index=True),
    )
    op.create_table(
        "dashboard_assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("kind", "item_id"),
    )
    op.create_table(
        "dashboard_pending_notifications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("wa_id", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "dashboard_handoffs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("request_id", sa.String(200), nullable=False, unique=True),
        sa.Column("wa_id", sa.String(32), nullable=False, index=True),
        sa.Column("name", sa.String(128)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("waiting_since", sa.DateTime),
        sa.Column("officer", sa.String(64)),
        sa.Column("closed_at", sa.DateTime, index=True),
        sa.Column("closed_by", sa.String(64)),
    )
    op.create_table(
        "dashboard_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
    )


def downgrade() -> None:
    for table in ("dashboard_sessions", "dashboard_handoffs", "dashboard_pending_notifications",
                  "dashboard_assignments", "dashboard_audit_log"):
        op.drop_table(table)
