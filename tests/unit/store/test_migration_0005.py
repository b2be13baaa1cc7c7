"""Migration 0005: each database gets one short random installation id, the part of a reference
that keeps two tills on the same terminal id, or a reinstall, from making the same one."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reference import INSTALLATION_ID_PATTERN, parse_reference
from mestore_desktop.store.db import Database
from tests.unit.store.factories import Repo, at
from tests.unit.store.old_schemas import STILL_PENDING, downgrade_to, migrate_to, seed_sales


@pytest.fixture
def upgraded(db_path: Path) -> Any:
    migrate_to(db_path, "0004")
    seed_sales(db_path)  # references of the old format, as 0004's app made them
    database = Database.open(db_path)
    yield database
    database.close()


def installation_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.engine.connect() as conn:
        return list(conn.execute(text("SELECT id, installation_id FROM installation")).all())


def test_an_upgraded_database_gets_one_installation_id(upgraded: Database) -> None:
    [(row_id, installation)] = installation_rows(upgraded)
    assert row_id == 1
    assert INSTALLATION_ID_PATTERN.fullmatch(installation)
    assert Repo(upgraded).read(lambda r: r.installation_id()) == installation


def test_old_references_still_read_and_new_ones_carry_the_installation_id(
    upgraded: Database,
) -> None:
    repo = Repo(upgraded)
    pending = repo.read(lambda r: r.get_attempt(STILL_PENDING))
    assert pending.status is PaymentStatus.PENDING
    parts = parse_reference(STILL_PENDING)
    assert parts is not None and parts.installation_id is None

    retry = repo.write(lambda r: r.new_attempt(pending.order_number, Tender.WOMPI, at(40)))
    installation = repo.read(lambda r: r.installation_id())
    assert retry.reference == f"T01-{installation}-000004-2"


def test_every_database_draws_its_own_id(tmp_path: Path) -> None:
    ids = set()
    for n in range(8):
        database = Database.open(tmp_path / f"caja-{n}.db")
        try:
            ids.add(Repo(database).read(lambda r: r.installation_id()))
        finally:
            database.close()
    # 32**4 ids: eight databases sharing one would be a broken random source, not bad luck.
    assert len(ids) >= 7


def test_the_installation_id_is_stable_across_restarts(db_path: Path) -> None:
    first = Database.open(db_path)
    made = Repo(first).read(lambda r: r.installation_id())
    first.close()
    again = Database.open(db_path)
    try:
        assert Repo(again).read(lambda r: r.installation_id()) == made
    finally:
        again.close()


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO installation (id, installation_id, created_at) VALUES (2, 'ABCD', 1)",
        "UPDATE installation SET installation_id = 'AB'",
        "UPDATE installation SET created_at = 'hoy'",
    ],
)
def test_one_row_with_a_text_id_only(upgraded: Database, statement: str) -> None:
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(text(statement))


def test_a_database_without_the_row_makes_one_on_its_first_reference(upgraded: Database) -> None:
    with upgraded.engine.begin() as conn:
        conn.execute(text("DELETE FROM installation"))
    repo = Repo(upgraded)
    retry = repo.write(lambda r: r.new_attempt(4, Tender.WOMPI, at(40)))
    [(_, installation)] = installation_rows(upgraded)
    assert retry.reference == f"T01-{installation}-000004-2"


def test_0005_downgrades_to_0004(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0004")
    conn = sqlite3.connect(db_path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        attempts = conn.execute("SELECT count(*) FROM payment_attempts").fetchone()[0]
    finally:
        conn.close()
    assert "installation" not in tables
    assert attempts == 5
