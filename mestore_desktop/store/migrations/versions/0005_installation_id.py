"""Installation id: a short random id, made once per database, that goes into every reference.

Two tills left on the same terminal id, or a reinstall whose order numbers start again at 1,
would otherwise make the same reference twice, and Wompi's approval of one sale would match the
other. `installation` holds exactly one row (`id` = 1): `installation_id`, four characters of
Crockford's base 32 (digits and capitals without I, L, O, U, so it reads aloud without doubt),
drawn here with `secrets` so that every database, new or upgraded, has one from this revision
on; `created_at` in integer microseconds since the epoch (UTC). A frozen copy of
`InstallationRow` in `store/tables.py`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

import secrets
import time
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of domain.reference.INSTALLATION_ID_ALPHABET / _LENGTH at this revision.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 4


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def upgrade() -> None:
    op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("installation_id", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation")),
        _ck("id = 1", "ck_installation_single_row"),
        _ck(
            "typeof(installation_id) = 'text' AND length(installation_id) BETWEEN 3 AND 8",
            "ck_installation_installation_id",
        ),
        _ck("typeof(created_at) = 'integer'", "ck_installation_created_at"),
    )
    installation_id = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    op.get_bind().execute(
        sa.text(
            "INSERT INTO installation (id, installation_id, created_at) "
            "VALUES (1, :installation_id, :created_at)"
        ),
        {"installation_id": installation_id, "created_at": time.time_ns() // 1000},
    )


def downgrade() -> None:
    op.drop_table("installation")
