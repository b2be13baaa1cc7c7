"""Fixtures for the store tests: a migrated database file in the test's empty home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop.store.db import Database
from tests.unit.store.factories import Repo


@pytest.fixture
def db_path(home: Path) -> Path:
    return home / "mestore.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def repo(db: Database) -> Repo:
    return Repo(db)
