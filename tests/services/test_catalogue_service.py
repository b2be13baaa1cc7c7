"""Catalogue import and lookups through the service the counter uses (real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop.services.catalogue import (
    MAX_IMPORT_BYTES,
    CatalogueImportError,
    StoreCatalogue,
    import_catalogue,
)
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor

pytestmark = pytest.mark.anyio

GOOD_AND_BAD = (
    "sku;nombre;precio;iva;codigo_barras\n"
    "CAFE-500;Café molido 500 g;18.000;5;7701234567890\n"
    "CAM-M;Camiseta talla M;$ 35.000;19%;\n"
    "MAL-1;Precio raro;treinta;19;\n"
).encode()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[DbExecutor]:
    database = Database.open(tmp_path / "mestore.db")
    executor = DbExecutor(database)
    yield executor
    executor.shutdown()
    database.close()


async def test_good_rows_are_saved_and_bad_rows_reported_with_their_line(db) -> None:
    report = await import_catalogue(db, GOOD_AND_BAD)

    assert (report.added, report.updated) == (2, 0)
    assert [error.line for error in report.parsed.errors] == [4]
    catalogue = StoreCatalogue(db)
    assert (await catalogue.by_code("7701234567890")).sku == "CAFE-500"
    assert [p.sku for p in await catalogue.search("cafe")] == ["CAFE-500"]  # accents ignored


async def test_importing_again_updates_instead_of_duplicating(db) -> None:
    await import_catalogue(db, GOOD_AND_BAD)
    changed = GOOD_AND_BAD.replace(b"18.000", b"19.500")

    report = await import_catalogue(db, changed)

    assert (report.added, report.updated) == (0, 2)
    product = await StoreCatalogue(db).by_code("CAFE-500")
    assert product.price.format() == "$ 19.500"


async def test_a_file_that_is_not_a_catalogue_is_refused_with_one_message(db) -> None:
    with pytest.raises(CatalogueImportError):
        await import_catalogue(db, b"x" * (MAX_IMPORT_BYTES + 1))
    report = await import_catalogue(db, b"nombre,precio\nsolo,1\n")
    assert (report.added, report.updated) == (0, 0)
    assert report.parsed.errors  # the missing SKU column is named
