"""Complaints, their photos, history and supporters; tracking number counters.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _create_part_of_request(name: str, *columns) -> None:
    """A table of rows belonging to one complaint (models._PartOfRequest)."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("open311_requests.id", ondelete="CASCADE"), nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_request_id", name, ["request_id"])


def upgrade() -> None:
    op.create_table(
        "open311_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("service_request_id", sa.String(32), nullable=False, unique=True),
        sa.Column("token", sa.String(32), nullable=False, unique=True),
        sa.Column("jurisdiction_id", sa.String(100), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("long", sa.Float()),
        sa.Column("address", sa.String(500)),
        sa.Column("address_id", sa.String(100)),
        sa.Column("ward_code", sa.String(64)),
        sa.Column("zone_code", sa.String(64)),
        sa.Column("department_code", sa.String(64), nullable=False),
        sa.Column("officer_code", sa.String(64), nullable=False),
        sa.Column("first_name", sa.String(100)),
        sa.Column("last_name", sa.String(100)),
        sa.Column("phone", sa.String(20)),
        sa.Column("email", sa.String(254)),
        sa.Column("device_id", sa.String(200)),
        sa.Column("account_id", sa.String(200)),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expected_at", sa.DateTime(), nullable=False),
        sa.Column("likely_duplicate_of", sa.String(32)),
        sa.Column("rating", sa.Integer()),
        sa.Column("rating_comment", sa.Text()),
        sa.Column("rated_at", sa.DateTime()),
    )
    op.create_index("ix_open311_requests_code_status", "open311_requests", ["service_code", "status"])
    op.create_index("ix_open311_requests_requested_at", "open311_requests", ["requested_at"])
    op.create_index("ix_open311_requests_phone", "open311_requests", ["phone"])

    _create_part_of_request(
        "open311_photos",
        sa.Column("media_url", sa.String(2000), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    _create_part_of_request(
        "open311_status_history",
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("officer_code", sa.String(64)),
        sa.Column("actor", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    _create_part_of_request(
        "open311_supporters",
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("request_id", "phone", name="uq_open311_supporters_request_phone"),
    )
    op.create_index("ix_open311_supporters_phone", "open311_supporters", ["phone"])

    op.create_table(
        "open311_counters",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in ("open311_counters", "open311_supporters", "open311_status_history", "open311_photos", "open311_requests"):
        op.drop_table(table)
