"""Payment-link services over the in-process sandbox and SQLite, with every Wompi call seen."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from mestore_desktop.domain.links import LinkDraft
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.services.back_office_base import FixedWompi
from mestore_desktop.services.link_guard import Backoff
from mestore_desktop.services.links import LinksService
from mestore_desktop.settings import Settings
from mestore_desktop.store.repositories import OrderRepository
from tests.sync.harness import InProcessWorld, quick_wompi

ACTOR = "ana@T07"
SETTINGS = Settings(
    checkout_url="http://checkout.test/p/", store_name="Tienda Ejemplo", terminal_id="T07"
)


@dataclass
class Calls:
    """Every request the Wompi client sent: (method, path)."""

    seen: list[tuple[str, str]] = field(default_factory=list)

    async def __call__(self, request: httpx.Request) -> None:
        self.seen.append((request.method, request.url.path))

    def to(self, method: str, fragment: str) -> int:
        return sum(1 for m, p in self.seen if m == method and fragment in p)


@dataclass
class Sleeps:
    """A Backoff sleep that records the delays and lets the loop run, without waiting."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


def links_service(
    world: InProcessWorld,
    calls: Calls | None = None,
    *,
    private_key: bool = True,
    sleeps: Sleeps | None = None,
    settings: Settings = SETTINGS,
) -> LinksService:
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=world.sandbox_app),
        base_url="http://sandbox.test",
        event_hooks={"request": [calls]} if calls is not None else {},
    )
    world._clients.append(http)
    wompi = quick_wompi(http, "http://sandbox.test/v1", world.keys)
    backoff = Backoff(base_s=1.0, max_s=8.0, sleep=sleeps or Sleeps(), random=lambda: 1.0)
    return LinksService(
        world.executor, FixedWompi(wompi, private_key), lambda: settings, backoff=backoff
    )


def draft(**changes: Any) -> LinkDraft:
    fields: dict[str, Any] = {
        "name": "Torta de cumpleaños",
        "description": "Torta de chocolate para 12 personas",
        "amount": Money.from_pesos(119_000),
        **changes,
    }
    return LinkDraft(**fields)


def order(world: InProcessWorld, *lines: tuple[str, int, int, IvaRate]) -> int:
    """An order (no attempt) with (description, quantity, pesos each, rate) lines."""
    sale = Order(
        terminal_id="T07",
        lines=tuple(OrderLine(d, q, Money.from_pesos(p), r) for d, q, p, r in lines),
        created_at=datetime.now(UTC),
    )

    def save(session: Any) -> int:
        number = OrderRepository(session).create_order(sale).number
        assert number is not None
        return number

    return world.database.write(save)


def audit(world: InProcessWorld, prefix: str = "link.") -> list[tuple[str, str, str]]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=500))
    return [(e.action, e.actor, e.detail) for e in reversed(entries) if e.action.startswith(prefix)]
