"""The engine and `Database`: migrations, pragmas, BEGIN IMMEDIATE, read-only reads, errors."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from mestore_desktop.store import db as db_module
from mestore_desktop.store.db import MIGRATIONS_DIR, Database, alembic_config, make_engine
from mestore_desktop.store.errors import StorageError
from mestore_desktop.store.tables import Base

ROOT = Path(__file__).resolve().parents[3]
TABLES = {
    "orders",
    "order_lines",
    "payment_attempts",
    "attempt_transactions",
    "status_history",
    "applied_events",
    "audit_log",
    "sync_state",
    "foreign_transactions",
    "products",
}


def schema_sql(path: Path) -> dict[str, tuple[str, ...]]:
    """name -> its CREATE statement split into clauses: columns in order, then constraints sorted.

    Constraint order is immaterial to SQLite, and the migration lists them in its own order.
    """
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE sql IS NOT NULL AND name != 'alembic_version'"
        ).fetchall()
    conn.close()
    return {name: _clauses(re.sub(r"\s+", " ", sql)) for name, sql in rows}


def _clauses(sql: str) -> tuple[str, ...]:
    head, _, body = sql.partition("(")
    items, depth, current = [], 0, ""
    for char in body.rstrip().removesuffix(")"):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += char
    items.append(current.strip())
    columns = [i for i in items if not i.startswith("CONSTRAINT")]
    constraints = sorted(i for i in items if i.startswith("CONSTRAINT"))
    return (head.strip(), *columns, *constraints)


def test_open_migrates_an_empty_file_to_head(db: Database, db_path: Path) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with db.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        tables = set(
            conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        )
    assert version == head == "0009"
    assert tables >= TABLES
    assert db_path.stat().st_size > 0


def test_open_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    database = Database.open(tmp_path / "deep" / "dir" / "m.db")
    database.close()
    assert list(elsewhere.iterdir()) == []


def test_reopening_keeps_data_and_schema(db_path: Path) -> None:
    first = Database.open(db_path)
    first.write(
        lambda s: s.execute(
            text("INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'a', 'b', 'c')")
        )
    )
    first.close()
    second = Database.open(db_path)
    count = second.read(lambda s: s.execute(text("SELECT count(*) FROM audit_log")).scalar_one())
    second.close()
    assert count == 1


@pytest.mark.parametrize("mode", ["read", "write"])
def test_pragmas_are_in_force_on_every_session(db: Database, mode: str) -> None:
    def pragmas(session: Session) -> tuple[object, ...]:
        return tuple(
            session.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        )

    run = db.read if mode == "read" else db.write
    assert run(pragmas) == ("wal", 2, 1, 5000)


def test_migrated_schema_matches_the_orm_metadata(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrated_ddl_equals_create_all_including_checks(
    db_path: Path, db: Database, tmp_path: Path
) -> None:
    # compare_metadata ignores CHECK constraints; the DDL text does not.
    fresh = tmp_path / "create_all.db"
    engine = create_engine(f"sqlite:///{fresh}")
    Base.metadata.create_all(engine)
    engine.dispose()
    migrated, expected = schema_sql(db_path), schema_sql(fresh)
    assert set(migrated) == set(expected)
    for name, sql in expected.items():
        assert migrated[name] == sql, name


def test_migration_scripts_are_package_data() -> None:
    # The app migrates from an installed package or a bundle: every script must be shipped.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["mestore_desktop"]
    package = ROOT / "mestore_desktop"
    scripts = [p.relative_to(package).as_posix() for p in MIGRATIONS_DIR.rglob("*.py")]
    assert "store/migrations/env.py" in scripts
    missing = [s for s in scripts if not any(fnmatch(s, p) for p in patterns)]
    assert missing == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_database_file_is_private(db: Database, db_path: Path) -> None:
    assert db_path.stat().st_mode & 0o777 == 0o600


def write_lock_refusal(path: Path) -> str:
    """Try to take the write lock from another connection without waiting; the error, or ""."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        conn.close()
    return ""


def test_write_transactions_begin_immediate(db: Database, db_path: Path) -> None:
    # Inside a write, before any statement writes, the write lock is already held.
    def in_write(session: Session) -> str:
        session.connection()
        return write_lock_refusal(db_path)

    assert db.write(in_write) == "database is locked"
    # A read takes no write lock.
    assert db.read(in_write) == ""


def test_write_commits_or_rolls_back(db: Database) -> None:
    insert = text("INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'a', :action, '')")
    count = text("SELECT count(*) FROM audit_log")

    def insert_then_fail(session: Session) -> None:
        session.execute(insert, {"action": "lost"})
        raise KeyError("boom")

    db.write(lambda s: s.execute(insert, {"action": "kept"}))
    with pytest.raises(KeyError):
        db.write(insert_then_fail)
    assert db.read(lambda s: s.execute(count).scalar_one()) == 1


def test_reads_cannot_write(db: Database) -> None:
    insert = text("INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'a', 'b', '')")
    with pytest.raises(StorageError) as raised:
        db.read(lambda s: s.execute(insert))
    assert "readonly" in str(raised.value.__cause__)
    # The connection goes back to the pool writable for the next write.
    db.write(lambda s: s.execute(insert))


def test_closed_database_refuses_calls(db_path: Path) -> None:
    database = Database.open(db_path)
    database.close()
    with pytest.raises(RuntimeError):
        database.read(lambda s: None)


def test_a_file_that_is_not_a_database_is_refused_in_spanish(home: Path) -> None:
    path = home / "junk.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StorageError, match="dañado"):
        Database.open(path)
    assert path.stat().st_size == 8192


def test_make_engine_alone_sets_the_pragmas(home: Path) -> None:
    engine = make_engine(home / "plain.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()
    assert db_module.BUSY_TIMEOUT_MS == 5000
