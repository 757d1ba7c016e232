"""Alembic environment, run by lokseva_api.migrate.MIGRATIONS on the connection it hands over."""
from alembic import context

from lokseva_api.migrate import MIGRATIONS
from lokseva_api.models import Base

MIGRATIONS.run(context, Base.metadata)
