"""Initial tables: sequences, applications and their history, documents,
certificates, certified copies, deliveries.

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
        "lokseva_id_sequences",
        sa.Column("scope", sa.String(16), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last_value", sa.Integer, nullable=False),
    )
    op.create_table(
        "lokseva_applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_number", sa.String(24), nullable=False, unique=True),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("applicant_name", sa.String(200), nullable=False),
        sa.Column("mobile", sa.String(10), nullable=False),
        sa.Column("wa_id", sa.String(32)),
        sa.Column("aadhaar_last4", sa.String(4)),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("pincode", sa.String(6), nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("client_key", sa.String(200), unique=True),
        sa.Column("request_fingerprint", sa.String(64)),
        sa.Column("submitted_at", sa.DateTime, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("rejection_reason", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_lokseva_applications_mobile", "lokseva_applications", ["mobile"])
    op.create_index("ix_lokseva_applications_wa_id", "lokseva_applications", ["wa_id"])
    op.create_table(
        "lokseva_application_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "application_id",
            sa.Integer,
            sa.ForeignKey("lokseva_applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("officer", sa.String(200)),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index(
        "ix_lokseva_application_events_application_id", "lokseva_application_events", ["application_id"]
    )
    op.create_table(
        "lokseva_documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(200)),
        sa.Column("storage_key", sa.String(300), nullable=False),
        sa.Column("wa_id", sa.String(32)),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("lokseva_applications.id")),
        sa.Column("uploaded_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_lokseva_documents_application_id", "lokseva_documents", ["application_id"])
    op.create_table(
        "lokseva_certificates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("lokseva_applications.id"), nullable=False, unique=True),
        sa.Column("verification_code", sa.String(16), nullable=False, unique=True),
        sa.Column("officer_name", sa.String(200), nullable=False),
        sa.Column("storage_key", sa.String(300), nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "lokseva_certified_copies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("copy_number", sa.String(24), nullable=False, unique=True),
        sa.Column("record_type", sa.String(16), nullable=False),
        sa.Column("village_code", sa.String(64), nullable=False),
        sa.Column("khasra_number", sa.String(20), nullable=False),
        sa.Column("wa_id", sa.String(32)),
        sa.Column("storage_key", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "lokseva_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("lokseva_applications.id"), nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("pincode", sa.String(6), nullable=False),
        sa.Column("mobile", sa.String(10), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("dispatched_at", sa.DateTime),
        sa.Column("delivered_at", sa.DateTime),
    )


def downgrade() -> None:
    for table in (
        "lokseva_deliveries",
        "lokseva_certified_copies",
        "lokseva_certificates",
        "lokseva_documents",
        "lokseva_application_events",
        "lokseva_applications",
        "lokseva_id_sequences",
    ):
        op.drop_table(table)
