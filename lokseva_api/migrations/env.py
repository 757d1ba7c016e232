"""Alembic environment: always run programmatically by lokseva_api.migrate,
which hands over an open connection."""
from alembic import context

from lokseva_api.migrate import VERSION_TABLE
from lokseva_api.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    # SQLite cannot ALTER most things in place; batch mode copies the table.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
