"""Back office: the orders browser's indexes and search terms, the audit log's order, day closes.

* `orders` gains `tender` and `payment_method` (TEXT NOT NULL DEFAULT ''): the tender and method
  of the attempt the browser shows for the order (the approved one, else the newest; "CASH" as
  method of a cash sale), so that both filter by index. Backfilled from the attempts.
* `order_search_terms` (a frozen copy of `OrderSearchTermRow`, WITHOUT ROWID): each folded word
  of an order's customer name and its folded e-mail. Backfilled from the orders, folded here by
  a frozen copy of `fold_for_search` and the word split of `domain.browse.search_terms`.
* `audit_log` gains a nullable `order_number`: the order a line is about, from its detail's
  `order=N`, or `reference=R` of one of our attempts. Backfilled the same way.
* `day_closes` (a frozen copy of `DayCloseRow`): a terminal's closed days.
* Indexes: orders by total, by (terminal, created_at), by tender and by method; attempts by
  creation time, by transaction id and by (status, abandoned_at, created_at) for the live
  pending ones; seen transactions by id; the audit log by order.

Columns are added with ALTER TABLE ADD COLUMN and column-level CHECKs, for the reason in 0003.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

import re
import unicodedata
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMNS = (
    "ALTER TABLE orders ADD COLUMN tender TEXT DEFAULT '' NOT NULL "
    "CONSTRAINT ck_orders_tender CHECK (tender IN ('', 'WOMPI', 'CASH'))",
    "ALTER TABLE orders ADD COLUMN payment_method TEXT DEFAULT '' NOT NULL",
    "ALTER TABLE audit_log ADD COLUMN order_number INTEGER "
    "CONSTRAINT ck_audit_log_order_number CHECK (order_number IS NULL OR "
    "(typeof(order_number) = 'integer'))",
)
# The shown attempt: the first approved one by attempt number, else the newest.
BACKFILL_SHOWN = """
UPDATE orders SET (tender, payment_method) = (
    SELECT pa.tender,
           CASE WHEN pa.payment_method = '' AND pa.tender = 'CASH' THEN 'CASH'
                ELSE pa.payment_method END
    FROM payment_attempts AS pa
    WHERE pa.order_number = orders.number
    ORDER BY pa.status = 'APPROVED' DESC,
             CASE WHEN pa.status = 'APPROVED' THEN pa.attempt_number
                  ELSE -pa.attempt_number END
    LIMIT 1)
WHERE EXISTS (SELECT 1 FROM payment_attempts AS pa WHERE pa.order_number = orders.number)
"""
INDEXES = (
    ("ix_orders_total_cents", "orders", ["total_cents"]),
    ("ix_orders_terminal_id_created_at", "orders", ["terminal_id", "created_at"]),
    ("ix_orders_tender", "orders", ["tender"]),
    ("ix_orders_payment_method", "orders", ["payment_method"]),
    ("ix_payment_attempts_created_at", "payment_attempts", ["created_at"]),
    ("ix_payment_attempts_transaction_id", "payment_attempts", ["transaction_id"]),
    (
        "ix_payment_attempts_status_abandoned_at_created_at",
        "payment_attempts",
        ["status", "abandoned_at", "created_at"],
    ),
    ("ix_attempt_transactions_transaction_id", "attempt_transactions", ["transaction_id"]),
    ("ix_audit_log_order_number", "audit_log", ["order_number"]),
)
_BATCH = 5000
_WORD_SEPARATORS = re.compile(r"[^\w]+")
_ORDER = re.compile(r"\border=(\d+)")
_REFERENCE = re.compile(r"\breference=(\S+)")


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def _int(column: str, *, nullable: bool = False, minimum: int | None = None) -> str:
    sql = f"typeof({column}) = 'integer'"
    if minimum is not None:
        sql += f" AND {column} >= {minimum}"
    return f"{column} IS NULL OR ({sql})" if nullable else sql


def upgrade() -> None:
    for statement in ADD_COLUMNS:
        op.execute(statement)
    op.execute(BACKFILL_SHOWN)
    _create_search_terms()
    _create_day_closes()
    for name, table, columns in INDEXES:
        op.create_index(op.f(name), table, columns)
    _backfill_search_terms()
    _backfill_audit_orders()


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(op.f(name), table_name=table)
    op.drop_table("day_closes")
    op.drop_index(op.f("ix_order_search_terms_order_number"), table_name="order_search_terms")
    op.drop_table("order_search_terms")
    # SQLite (3.35+) drops a column whose only constraint is its own column-level CHECK.
    op.execute("ALTER TABLE audit_log DROP COLUMN order_number")
    op.execute("ALTER TABLE orders DROP COLUMN payment_method")
    op.execute("ALTER TABLE orders DROP COLUMN tender")


def _create_search_terms() -> None:
    op.create_table(
        "order_search_terms",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("order_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", "order_number", name=op.f("pk_order_search_terms")),
        # In create_all's order: the test comparing the DDL reads " WITHOUT ROWID" as part of
        # the last clause.
        _ck("length(term) > 0", "ck_order_search_terms_term"),
        sa.ForeignKeyConstraint(
            ["order_number"],
            ["orders.number"],
            name=op.f("fk_order_search_terms_order_number_orders"),
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_order_search_terms_order_number"), "order_search_terms", ["order_number"]
    )


def _create_day_closes() -> None:
    op.create_table(
        "day_closes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.Text(), nullable=False),
        sa.Column("day", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("cash_expected_cents", sa.Integer(), nullable=False),
        sa.Column("cash_counted_cents", sa.Integer(), nullable=True),
        sa.Column("difference_cents", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.Integer(), nullable=False),
        sa.Column("closed_by", sa.Text(), nullable=False),
        sa.Column("reopened_at", sa.Integer(), nullable=True),
        sa.Column("reopened_by", sa.Text(), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_closes")),
        sa.UniqueConstraint("terminal_id", "day", name=op.f("uq_day_closes_terminal_id_day")),
        _ck("length(terminal_id) > 0", "ck_day_closes_terminal_id"),
        _ck(
            "typeof(day) = 'text' AND day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'",
            "ck_day_closes_day",
        ),
        _ck("json_valid(report)", "ck_day_closes_report"),
        _ck(_int("cash_expected_cents", minimum=0), "ck_day_closes_cash_expected_cents"),
        _ck(
            _int("cash_counted_cents", nullable=True, minimum=0),
            "ck_day_closes_cash_counted_cents",
        ),
        _ck(
            "(cash_counted_cents IS NULL AND difference_cents IS NULL) OR "
            "(cash_counted_cents IS NOT NULL AND typeof(difference_cents) = 'integer' AND "
            "difference_cents = cash_counted_cents - cash_expected_cents)",
            "ck_day_closes_difference_cents",
        ),
        _ck(_int("closed_at"), "ck_day_closes_closed_at"),
        _ck(_int("reopened_at", nullable=True), "ck_day_closes_reopened_at"),
        _ck(
            "reopened_at IS NULL OR length(trim(reopen_reason)) > 0",
            "ck_day_closes_reopen_reason",
        ),
    )


# -- backfills ---------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Frozen copy of `domain.catalogue.fold_for_search` at this revision."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _terms(name: str, email: str) -> set[str]:
    """Frozen copy of `domain.browse.search_terms` at this revision."""
    terms = {w for w in _WORD_SEPARATORS.split(_fold(name)) if w}
    folded_email = _fold(email).replace(" ", "")
    if folded_email:
        terms.add(folded_email)
    return terms


def _batches(rows: Iterator[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _backfill_search_terms() -> None:
    conn = op.get_bind()
    customers = conn.execute(
        sa.text(
            "SELECT number, customer_name, customer_email FROM orders "
            "WHERE customer_name != '' OR customer_email != ''"
        )
    ).fetchall()
    rows = (
        {"term": term, "number": number}
        for number, name, email in customers
        for term in _terms(name, email)
    )
    insert = sa.text("INSERT INTO order_search_terms (term, order_number) VALUES (:term, :number)")
    for batch in _batches(rows):
        conn.execute(insert, batch)


def _backfill_audit_orders() -> None:
    conn = op.get_bind()
    lines = conn.execute(
        sa.text(
            "SELECT id, detail FROM audit_log "
            "WHERE detail LIKE '%order=%' OR detail LIKE '%reference=%'"
        )
    ).fetchall()
    owners = ({"id": line_id, "number": _audited_order(conn, detail)} for line_id, detail in lines)
    update = sa.text("UPDATE audit_log SET order_number = :number WHERE id = :id")
    for batch in _batches(o for o in owners if o["number"] is not None):
        conn.execute(update, batch)


def _audited_order(conn: sa.Connection, detail: str) -> int | None:
    """Frozen copy of `OrderRepository`'s rule: `order=N`, else the order of `reference=R`."""
    found = _ORDER.search(detail)
    if found:
        return int(found.group(1))
    found = _REFERENCE.search(detail)
    if found is None:
        return None
    number: int | None = conn.execute(
        sa.text("SELECT order_number FROM payment_attempts WHERE reference = :r"),
        {"r": found.group(1)},
    ).scalar_one_or_none()
    return number
