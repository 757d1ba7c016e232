"""The WhatsApp channel's tables as they were before migrations: inbound journal, reply keys, last
options, delivery statuses, outbox, notices sent, opt-outs, messages sent.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "whatsapp_inbound_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(255), nullable=False, unique=True),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("content", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("worker", sa.String(32)),
        sa.Column("claimed_until", WHEN),
        sa.Column("received_at", WHEN, nullable=False),
    )
    op.create_table(
        "whatsapp_reply_keys",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("sent_at", WHEN, nullable=False, index=True),
    )
    op.create_table(
        "whatsapp_last_options",
        sa.Column("user_id", sa.String(128), primary_key=True),
        sa.Column("options", sa.Text, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
    )
    op.create_table(
        "whatsapp_message_statuses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("recipient_id", sa.String(128)),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("status_timestamp", sa.String(32)),
        sa.Column("error_code", sa.Integer),
        sa.Column("error_title", sa.Text),
        sa.Column("recorded_at", WHEN, nullable=False),
        sa.UniqueConstraint("message_id", "status", name="uq_whatsapp_status_per_message"),
    )
    op.create_table(
        "whatsapp_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recipient_id", sa.String(128), nullable=False, index=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("next_attempt_at", WHEN, nullable=False),
    )
    op.create_table(
        "whatsapp_notices_sent",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("sent_at", WHEN, nullable=False),
    )
    op.create_table(
        "whatsapp_opted_out",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("since", WHEN, nullable=False),
    )
    op.create_table(
        "whatsapp_sent_messages",
        sa.Column("message_id", sa.String(255), primary_key=True),
        sa.Column("recipient_id", sa.String(128), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("sent_at", WHEN, nullable=False, index=True),
    )


def downgrade() -> None:
    for table in ("whatsapp_sent_messages", "whatsapp_opted_out", "whatsapp_notices_sent", "whatsapp_outbox",
                  "whatsapp_message_statuses", "whatsapp_last_options", "whatsapp_reply_keys",
                  "whatsapp_inbound_messages"):
        op.drop_table(table)
