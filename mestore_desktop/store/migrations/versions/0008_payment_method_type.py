"""Payment attempts keep Wompi's method type beside the receipt label; orders show the type.

Until now an attempt's `payment_method` held only the label made for receipts ("VISA ••4242",
"Nequi 399•••1111"), and `orders.payment_method` (0007) copied the shown attempt's label, so
the back office listed, filtered and totalled one "method" per card or phone.

* `payment_attempts` gains `payment_method_type` (TEXT NOT NULL DEFAULT ''): Wompi's
  payment_method_type of the followed transaction ("CARD", "NEQUI", "PSE"…; "" for cash and
  when unknown). Added with ALTER TABLE ADD COLUMN and a column-level CHECK (an upper-case code
  or ""), for the reason given in 0003. Backfilled from the labels where a label says the type:
  "Nequi…" is NEQUI, a brand or "Tarjeta" with "••" and the last four is CARD, and each name
  `wompi.models._METHOD_NAMES` gave a type is that type (a frozen copy below). A label that
  cannot tell ("MASTERCARD" alone, "Wompi") leaves it "": readers fall back to the label.
* `orders.payment_method` now holds the shown attempt's type ("CASH" for cash), refilled here
  by 0007's rule for the shown attempt (the first approved one, else the newest).

The downgrade puts the shown attempt's label back into `orders.payment_method`, as 0007's app
kept it, and drops the column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-12
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMN = (
    "ALTER TABLE payment_attempts ADD COLUMN payment_method_type TEXT DEFAULT '' NOT NULL "
    "CONSTRAINT ck_payment_attempts_payment_method_type CHECK ("
    "typeof(payment_method_type) = 'text' AND (payment_method_type = '' OR "
    "(payment_method_type GLOB '[A-Z]*' AND payment_method_type NOT GLOB '*[^A-Z0-9_]*')))"
)
# Frozen copy of `wompi.models._METHOD_NAMES` at this revision: the label each type was given
# when Wompi sent no more detail (cards and Nequi get more, matched by shape below).
_METHOD_NAMES = {
    "CARD": "Tarjeta",
    "NEQUI": "Nequi",
    "PSE": "PSE",
    "BANCOLOMBIA_TRANSFER": "Botón Bancolombia",
    "BANCOLOMBIA_QR": "QR Bancolombia",
    "BANCOLOMBIA_COLLECT": "Corresponsal Bancolombia",
    "BANCOLOMBIA_BNPL": "Compra y paga después Bancolombia",
    "DAVIPLATA": "Daviplata",
    "PCOL": "Puntos Colombia",
    "SU_PLUS": "SU+ Pay",
}
# The shown attempt: the first approved one by attempt number, else the newest (as 0007); its
# type ("CASH" for cash) on the way up, its label on the way down.
SHOW_TYPES = """
UPDATE orders SET payment_method = (
    SELECT CASE WHEN pa.tender = 'CASH' THEN 'CASH' ELSE pa.payment_method_type END
    FROM payment_attempts AS pa
    WHERE pa.order_number = orders.number
    ORDER BY pa.status = 'APPROVED' DESC,
             CASE WHEN pa.status = 'APPROVED' THEN pa.attempt_number
                  ELSE -pa.attempt_number END
    LIMIT 1)
WHERE EXISTS (SELECT 1 FROM payment_attempts AS pa WHERE pa.order_number = orders.number)
"""
SHOW_LABELS = """
UPDATE orders SET payment_method = (
    SELECT CASE WHEN pa.payment_method = '' AND pa.tender = 'CASH' THEN 'CASH'
                ELSE pa.payment_method END
    FROM payment_attempts AS pa
    WHERE pa.order_number = orders.number
    ORDER BY pa.status = 'APPROVED' DESC,
             CASE WHEN pa.status = 'APPROVED' THEN pa.attempt_number
                  ELSE -pa.attempt_number END
    LIMIT 1)
WHERE EXISTS (SELECT 1 FROM payment_attempts AS pa WHERE pa.order_number = orders.number)
"""


def _backfill_types() -> None:
    """One pass over the attempts: each label's type, by the rules in the docstring."""
    params: dict[str, str] = {}
    names = []
    for i, (kind, name) in enumerate(_METHOD_NAMES.items()):
        params[f"name{i}"], params[f"kind{i}"] = name, kind
        names.append(f"WHEN :name{i} THEN :kind{i}")
    # A stored value that already is one of these type codes says its type plainly: kept.
    codes = ", ".join(f":kind{i}" for i in range(len(_METHOD_NAMES)))
    sql = (
        "UPDATE payment_attempts SET payment_method_type = CASE "  # noqa: S608 - values bound
        "WHEN payment_method GLOB 'Nequi*' THEN 'NEQUI' "
        "WHEN payment_method GLOB '* ••*' THEN 'CARD' "
        f"WHEN payment_method IN ({codes}) THEN payment_method "
        f"ELSE CASE payment_method {' '.join(names)} ELSE '' END END "
        "WHERE tender = 'WOMPI' AND payment_method != ''"
    )
    op.get_bind().execute(sa.text(sql), params)


def upgrade() -> None:
    op.execute(ADD_COLUMN)
    _backfill_types()
    op.execute(SHOW_TYPES)


def downgrade() -> None:
    op.execute(SHOW_LABELS)
    # SQLite (3.35+) drops a column whose only constraint is its own column-level CHECK.
    op.execute("ALTER TABLE payment_attempts DROP COLUMN payment_method_type")
