"""The inbound journal keeps statuses too (kind) and whose message each row is (citizen, as a hash),
so that workers behind the ingest process take each citizen's messages in order.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("whatsapp_inbound_messages") as table:
        table.add_column(sa.Column("kind", sa.String(8), nullable=False, server_default="message"))
        table.add_column(sa.Column("citizen", sa.String(64)))
        table.create_index("ix_whatsapp_inbound_messages_citizen", ["citizen"])


def downgrade() -> None:
    with op.batch_alter_table("whatsapp_inbound_messages") as table:
        table.drop_index("ix_whatsapp_inbound_messages_citizen")
        table.drop_column("citizen")
        table.drop_column("kind")
