"""Alembic environment: runs on the connection handed over by open311_api.migrate."""
from alembic import context

from open311_api.migrate import VERSION_TABLE
from open311_api.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("run migrations with open311_api.migrate.upgrade(engine), which passes the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
