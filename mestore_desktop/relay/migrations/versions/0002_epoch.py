"""The database's epoch: a random id made once, with the database, and never changed.

Terminals keep it beside their cursor; a new one tells them the seqs started again (the
database was replaced), so they read the feed from its start and search Wompi for the gap.
A database from before this revision gets its epoch here, once.

Revision ID: 0002
Revises: 0001
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("relay_state", sa.Column("epoch", sa.String(64), nullable=True))
    state = sa.table("relay_state", sa.column("epoch", sa.String(64)))
    # 128 random bits, URL-safe text: two databases never share one.
    op.execute(state.update().values(epoch=secrets.token_urlsafe(16)))
    with op.batch_alter_table("relay_state") as batch:
        batch.alter_column("epoch", existing_type=sa.String(64), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("relay_state") as batch:
        batch.drop_column("epoch")
