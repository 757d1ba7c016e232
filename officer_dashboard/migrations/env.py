"""Alembic environment, run by officer_dashboard.db.MIGRATIONS on the connection it hands over."""
from alembic import context

from officer_dashboard.db import MIGRATIONS, Base

MIGRATIONS.run(context, Base.metadata)
