"""Alembic environment of the relay: always handed an open connection by `store.migrate`.

The relay keeps its own version table (`relay_alembic_version`), so it can share a PostgreSQL
database with other software without touching their Alembic history.
"""

from alembic import context

from mestore_desktop.relay.schema import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise SystemExit("Relay migrations run through `mestore-relay` (serve, prune or token).")
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
