"""The SQLite engine, its migrations, and `Database`: one transaction per call, never shared.

Every connection runs in WAL mode with `synchronous=FULL`, so a commit survives a crash or a
power cut; foreign keys are enforced and a busy database is waited on for five seconds. pysqlite's
own transaction handling is switched off and SQLAlchemy emits BEGIN itself (the recipe in
SQLAlchemy's SQLite docs), because pysqlite would start writes with a deferred BEGIN: in WAL mode
a deferred transaction that reads and then writes gets SQLITE_BUSY at once, whatever the
busy timeout. Writes therefore start with BEGIN IMMEDIATE and wait their turn; reads use a plain
(deferred) BEGIN and are refused any write by `PRAGMA query_only`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mestore_desktop.domain.text import N_
from mestore_desktop.store.errors import DatabaseBusyError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

T = TypeVar("T")
Mode = Literal["read", "write"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# Sales data and customer details: only the owner may read the file (WAL/SHM files inherit it).
FILE_MODE = 0o600
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest file in migrations/versions (tests/unit/store/test_db.py keeps them equal). A
# database already there is opened without importing Alembic: it is most of the store's import
# time, and the app opens the store on every start (issue 13, cold start).
HEAD_REVISION = "0009"
VERSION_TABLE = "alembic_version"
_MODE_OPTION = "mestore_transaction"
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
)
# query_only is set on every BEGIN: connections are pooled and shared by all three kinds.
_BEGIN: dict[Mode | None, tuple[str, ...]] = {
    None: ("PRAGMA query_only = OFF", "BEGIN"),
    "read": ("PRAGMA query_only = ON", "BEGIN"),
    "write": ("PRAGMA query_only = OFF", "BEGIN IMMEDIATE"),
}


def make_engine(path: Path) -> Engine:
    """An engine for the SQLite file at `path` with our pragmas and BEGIN handling."""
    url = URL.create("sqlite+pysqlite", database=os.fspath(path))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def with_mode(engine: Engine, mode: Mode) -> Engine:
    """The same engine (same pool) whose transactions begin as reads or as IMMEDIATE writes."""
    return engine.execution_options(**{_MODE_OPTION: mode})


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # None = autocommit as far as pysqlite knows; `_on_begin` opens every transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _PRAGMAS:
            row = cursor.execute(pragma).fetchone()
            if pragma.startswith("PRAGMA journal_mode") and row and row[0].lower() != "wal":
                # e.g. a network drive: still consistent, but say why writes are slower.
                log.warning("SQLite refused WAL mode (journal_mode=%s)", row[0])
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_MODE_OPTION)
    for statement in _BEGIN[mode]:
        connection.exec_driver_sql(statement)


def alembic_config() -> Config:
    """Alembic settings built in code: no alembic.ini and no reliance on the working directory."""
    from alembic.config import Config

    config = Config()
    # configparser interpolates '%'; a home path may contain one.
    config.set_main_option("script_location", os.fspath(MIGRATIONS_DIR).replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema, in one IMMEDIATE transaction; a database
    already at HEAD_REVISION is left alone and Alembic is not even imported.

    Two app instances opening the same file at once take turns; a crash mid-way leaves the
    previous schema intact because SQLite DDL is transactional.
    """
    if schema_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    config = alembic_config()
    with with_mode(engine, "write").begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_revision(engine: Engine) -> str | None:
    """The revision Alembic recorded in the file, or None (a new file, or no version table)."""
    with with_mode(engine, "read").connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        ).first()
        if found is None:
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def _create_private(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def _translate(exc: DBAPIError) -> StorageError:
    text = str(exc.orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            N_(
                "La base de datos está ocupada por otra operación; intente de nuevo en un momento.",
            )
        )
    if "not a database" in text or "malformed" in text:
        return StorageError(
            N_(
                "El archivo de la base de datos está dañado o no es de MeStore; no se "
                "tocó. Restaure una copia de seguridad o llame a soporte.",
            )
        )
    if "full" in text:
        return StorageError(
            N_(
                "No hay espacio en el disco para guardar; libere espacio e intente de nuevo.",
            )
        )
    return StorageError(
        N_(
            "No se pudo leer o guardar en la base de datos local; detalles en el registro.",
        )
    )


class Database:
    """An engine and its two session factories; `read`/`write` run one function in one transaction.

    Sessions never leave the call: `fn` must return plain values or domain objects, not rows.
    Safe to call from several threads (each call gets its own connection from the pool).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(with_mode(engine, "read"), expire_on_commit=False)
        self._writer = sessionmaker(with_mode(engine, "write"), expire_on_commit=False)
        self._closed = False

    @classmethod
    def open(cls, path: Path) -> Self:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        try:
            _create_private(path)
        except OSError as exc:
            raise StorageError(
                N_(
                    "No se pudo crear la base de datos en «{path}»: {strerror}.",
                    path=path,
                    strerror=exc.strerror,
                )
            ) from exc
        engine = make_engine(path)
        try:
            migrate(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise _translate(exc) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in a read-only snapshot; nothing it does is committed."""
        self._check_open()
        try:
            with self._reader() as session:
                return fn(session)
        except OperationalError as exc:
            raise _translate(exc) from exc

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in one BEGIN IMMEDIATE transaction; commit if it returns, else roll back."""
        self._check_open()
        try:
            with self._writer.begin() as session:
                return fn(session)
        except OperationalError as exc:
            raise _translate(exc) from exc

    def close(self) -> None:
        """Close every pooled connection; the last one out checkpoints and removes the WAL."""
        self._closed = True
        self.engine.dispose()

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("Database is closed")
