"""Payment attempts remember when their signed checkout expires.

`payment_attempts` gains a nullable `expires_at` (integer microseconds since the epoch, UTC,
like every timestamp here): the `expiration-time` signed into a Wompi attempt's checkout URL, so
that an attempt left open (say, by a crash) is closed as abandoned once nobody can pay it any
more. NULL for cash and for attempts saved before this revision. Added with ALTER TABLE ADD
COLUMN and a column-level CHECK, for the reason given in 0003.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMN = (
    "ALTER TABLE payment_attempts ADD COLUMN expires_at INTEGER "
    "CONSTRAINT ck_payment_attempts_expires_at CHECK (expires_at IS NULL OR "
    "(typeof(expires_at) = 'integer'))"
)


def upgrade() -> None:
    op.execute(ADD_COLUMN)


def downgrade() -> None:
    op.execute("ALTER TABLE payment_attempts DROP COLUMN expires_at")
