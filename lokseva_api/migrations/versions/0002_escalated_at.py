"""Applications remember when they went to the first appellate officer.

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
    with op.batch_alter_table("lokseva_applications") as table:
        table.add_column(sa.Column("escalated_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("lokseva_applications") as table:
        table.drop_column("escalated_at")
