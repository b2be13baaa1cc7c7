"""The counter's catalogue lookups over the store, off the UI thread (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.catalogue_csv import (
    CatalogueFileError,
    CatalogueImport,
    decode_catalogue_bytes,
    parse_catalogue_csv,
)
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.executor import DbExecutor


class StoreCatalogue:
    """Search-as-you-type and scanner lookups, each one read on the store's worker thread."""

    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    async def search(self, text: str, limit: int = 20) -> list[Product]:
        return await self._db.read(lambda s: CatalogueRepository(s).search(text, limit))

    async def by_code(self, code: str) -> Product | None:
        return await self._db.read(lambda s: CatalogueRepository(s).by_code(code))


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: rows read, products saved (new/updated), and each row refused."""

    parsed: CatalogueImport
    added: int
    updated: int


MAX_IMPORT_BYTES = 64 * 1024 * 1024  # as the CLI: 50,000 rows fit with room to spare


class CatalogueImportError(Exception):
    """The file cannot be imported at all; `str()` is Spanish for staff."""


async def import_catalogue(db: DbExecutor, data: bytes) -> ImportReport:
    """Parse a CSV file's bytes and save its good rows in one transaction (bad rows reported)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise CatalogueImportError(
            f"El archivo pesa más de {MAX_IMPORT_BYTES // (1024 * 1024)} MB; divídalo."
        )
    try:
        parsed = parse_catalogue_csv(decode_catalogue_bytes(data))
    except CatalogueFileError as exc:
        raise CatalogueImportError(str(exc)) from exc

    def save(session: Session) -> tuple[int, int]:
        return CatalogueRepository(session).import_products(parsed.products)

    added, updated = await db.write(save) if parsed.products else (0, 0)
    return ImportReport(parsed, added, updated)
