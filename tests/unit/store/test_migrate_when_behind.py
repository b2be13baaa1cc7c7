"""Migrations run only when the schema is behind: a database at HEAD_REVISION opens without
importing Alembic (issue 13, cold start); an older one is still upgraded on open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from mestore_desktop.store.db import (
    HEAD_REVISION,
    Database,
    alembic_config,
    make_engine,
    schema_revision,
)
from tests.unit.store.old_schemas import migrate_to

ROOT = Path(__file__).resolve().parents[3]

OPEN_AND_LIST_MODULES = """
import sys
from pathlib import Path
from mestore_desktop.store.db import Database
Database.open(Path(sys.argv[1])).close()
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] == "alembic")) or "none")
"""


def open_in_a_fresh_interpreter(path: Path) -> str:
    """The Alembic modules a fresh interpreter imported to open the database at `path`."""
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def recorded_revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_head_revision_is_the_newest_migration_script():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_a_database_at_head_opens_without_importing_alembic(tmp_path):
    path = tmp_path / "mestore.sqlite3"
    Database.open(path).close()

    assert open_in_a_fresh_interpreter(path) == "none"


def test_a_new_database_is_migrated_to_head(tmp_path):
    path = tmp_path / "mestore.sqlite3"

    assert open_in_a_fresh_interpreter(path) != "none"  # it needed Alembic
    assert recorded_revision(path) == HEAD_REVISION


def test_an_old_database_is_upgraded_when_opened(tmp_path):
    path = tmp_path / "mestore.sqlite3"
    migrate_to(path, "0005")

    database = Database.open(path)
    try:
        assert schema_revision(database.engine) == HEAD_REVISION
    finally:
        database.close()
    assert recorded_revision(path) == HEAD_REVISION


def test_schema_revision_of_a_new_file_is_none(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    engine = make_engine(path)
    try:
        assert schema_revision(engine) is None
    finally:
        engine.dispose()
