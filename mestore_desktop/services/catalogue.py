"""The counter's catalogue lookups over the store, off the UI thread (Qt-free)."""

from __future__ import annotations

from mestore_desktop.domain.catalogue import Product
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
