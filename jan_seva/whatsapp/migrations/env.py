"""Alembic environment, run by jan_seva.whatsapp.state_db.MIGRATIONS on the connection it hands over."""
from alembic import context

from jan_seva.whatsapp.state_db import MIGRATIONS, metadata

MIGRATIONS.run(context, metadata)
