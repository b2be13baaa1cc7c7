"""Alembic environment for MeStore's SQLite database.

The app calls `mestore_desktop.store.db.migrate`, which hands us an open connection already in
a BEGIN IMMEDIATE transaction (`config.attributes["connection"]`). A developer running the
`alembic` command with `store/alembic.ini` instead names the file with `-x db=PATH`, and the
engine is built by the same `make_engine` so the pragmas match. Logging is left to the caller:
calling `fileConfig` here would replace the app's logging set-up.
"""

from pathlib import Path

from alembic import context
from sqlalchemy.engine import Connection

from mestore_desktop.store.db import make_engine, with_mode
from mestore_desktop.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    # render_as_batch: SQLite can only change most constraints by copying the table.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)


def run_with_given_connection(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


def run_from_command_line() -> None:
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("Name the database file: alembic -x db=PATH ...")
    engine = make_engine(Path(db))
    try:
        with with_mode(engine, "write").begin() as connection:
            run_with_given_connection(connection)
    finally:
        engine.dispose()


given = config.attributes.get("connection")
if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; give -x db=PATH.")
if given is not None:
    run_with_given_connection(given)
else:
    run_from_command_line()
