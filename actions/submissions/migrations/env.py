"""Alembic environment, run by actions.submissions.outbox.MIGRATIONS on the connection it hands over."""
from alembic import context

from actions.submissions.outbox import MIGRATIONS, metadata

MIGRATIONS.run(context, metadata)
