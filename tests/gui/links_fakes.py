"""A `LinksService` stand-in for the link screens' tests: links kept in a list, a fixed clock,
every call recorded. Checks drafts as the real service does (nothing is "created" at Wompi for
bad input)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import zxingcpp
from PySide6.QtGui import QImage

from mestore_desktop.domain.links import (
    LinkDraft,
    LinkStatus,
    PaymentLinkRecord,
    validate_draft,
)
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 10:00 in Bogotá
SANDBOX = "http://127.0.0.1:8900"
PRICE = Money.from_pesos(25_000)


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def record(
    link_id: str = "test_Ab12Cd",
    name: str = "Pedido 7 — Tienda Prueba",
    amount: Money | None = PRICE,
    *,
    now: datetime = NOW,
    **changes: object,
) -> PaymentLinkRecord:
    base = PaymentLinkRecord(
        link_id=link_id,
        url=f"{SANDBOX}/l/{link_id}",
        name=name,
        description="Compra en Tienda Prueba",
        amount=amount,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="",
        order_number=None,
        active=True,
        created_at=now - timedelta(hours=1),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


class FakeLinksService:
    actor = "caja@T01"

    def __init__(self, clock: Clock, records: list[PaymentLinkRecord] | None = None) -> None:
        self.clock = clock
        self.records = list(records or [])
        self.created: list[LinkDraft] = []
        self.lists: list[tuple[str, LinkStatus | None]] = []
        self.refreshed: list[str | None] = []
        self.deactivated: list[tuple[str, str, str]] = []
        self.saved_sales: list[Order] = []
        self.fail_with: Exception | None = None
        self.hold: bool = False  # create() waits until released (the busy state)
        self._next = 1

    async def create(self, draft: LinkDraft) -> PaymentLinkRecord:
        validate_draft(draft, self.clock())
        if self.fail_with is not None:
            raise self.fail_with
        while self.hold:
            await asyncio.sleep(0.01)
        self.created.append(draft)
        link_id = f"test_New{self._next:03d}"
        self._next += 1
        made = record(
            link_id,
            draft.name,
            draft.amount,
            now=self.clock(),
            description=draft.description,
            single_use=draft.single_use,
            expires_at=draft.expires_at,
            redirect_url=draft.redirect_url,
            sku=draft.sku,
            order_number=draft.order_number,
            iva_rate=draft.iva_rate,
            collect_shipping=draft.collect_shipping,
            created_at=self.clock(),
        )
        self.records.insert(0, made)
        return made

    async def list(
        self, search: str = "", status: LinkStatus | None = None
    ) -> list[PaymentLinkRecord]:
        self.lists.append((search, status))
        now = self.clock()
        return [
            r
            for r in self.records
            if search.lower() in r.name.lower() and (status is None or r.status(now) is status)
        ]

    async def refresh(self, link_id: str | None = None) -> list[PaymentLinkRecord]:
        self.refreshed.append(link_id)
        return list(self.records)

    async def deactivate(self, link_id: str, actor: str, reason: str) -> PaymentLinkRecord:
        self.deactivated.append((link_id, actor, reason))
        for n, found in enumerate(self.records):
            if found.link_id == link_id:
                self.records[n] = replace(found, active=False, deactivated_at=self.clock())
                return self.records[n]
        raise KeyError(link_id)

    async def draft_for_order(self, number: int) -> LinkDraft:
        return LinkDraft(
            name=f"Pedido {number} — Tienda Prueba",
            description=f"Pedido {number}: Huevos AA x 30",
            amount=Money.from_pesos(18_500),
            iva_rate=IvaRate.EXEMPT,
            order_number=number,
        )

    async def save_sale(self, sale: Order) -> int:
        self.saved_sales.append(sale)
        return 40 + len(self.saved_sales)


def decode_qr(image: QImage) -> str:
    """The text of the QR in `image`, read by zxing-cpp as a phone would ("" if none)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * height]
    rows = b"".join(raw[row * stride : row * stride + width] for row in range(height))
    found = zxingcpp.read_barcode(memoryview(rows).cast("B", shape=[height, width]))
    return found.text if found is not None else ""
