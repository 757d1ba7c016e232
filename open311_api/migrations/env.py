"""Alembic environment, run by open311_api.migrate.MIGRATIONS on the connection it hands over."""
from alembic import context

from open311_api.migrate import MIGRATIONS
from open311_api.models import Base

MIGRATIONS.run(context, Base.metadata)
