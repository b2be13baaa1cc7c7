"""*Links de pago*, as the UI and the CLI call them: create, list, refresh, deactivate.

`LinksService.create` checks the draft (`validate_draft`: nothing reaches Wompi on bad input),
asks Wompi to create the link (docs/wompi.md §7.1, private key), and saves our mirror of it with its
public URL: the checkout host's `/l/<id>` (`https://checkout.wompi.co/l/<id>`, or the local
sandbox's in the demo). The IVA included in a fixed amount is sent as Wompi's informational
`VAT` tax: the order's exact IVA when the link charges an order's total, else the draft's rate.
Wompi clients are made from the settings and keyring at each use (back_office_base), so a key
saved in Ajustes applies at once, and every write to Wompi fails closed without the private
key. Database work runs on the `DbExecutor` thread; nothing here blocks the GUI.

Deactivating (by staff, with who and why; or by the `DoublePaymentGuard` once the order is paid
another way) is audited before and after Wompi answers (services/link_guard.py).
`build_links` builds it all once for the composition root.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

import httpx
from sqlalchemy.orm import Session

from mestore_desktop.domain.links import (
    MAX_LINK_DESCRIPTION,
    MAX_LINK_NAME,
    LinkDraft,
    LinkStatus,
    PaymentLinkRecord,
    validate_draft,
)
from mestore_desktop.domain.money import Money, divide_half_up
from mestore_desktop.domain.order import IvaRate, Order
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.domain.text import N_, Text
from mestore_desktop.services.back_office import UnknownOrderNumberError, current_actor
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    Clock,
    KeyringWompi,
    MissingPrivateKeyError,
    WompiAccess,
    now_utc,
    require_reason,
)
from mestore_desktop.services.link_guard import (
    Backoff,
    DoublePaymentGuard,
    LinkDeactivationError,
    LinkDeactivator,
    LinksError,
    audit_detail,
)
from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.link_repository import LinkRepository
from mestore_desktop.store.repositories import SYSTEM_ACTOR, OrderRepository
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import (
    WompiCircuitOpenError,
    WompiError,
    WompiNotFoundError,
    WompiUnavailableError,
)
from mestore_desktop.wompi.models import PaymentLink, PaymentLinkRequest, Tax

__all__ = [
    "DoublePaymentGuard",
    "LinkCreationUncertainError",
    "LinkDeactivationError",
    "LinksError",
    "LinksService",
    "OrderNotLinkableError",
    "UnknownLinkError",
    "build_links",
    "link_url",
]

log = logging.getLogger(__name__)

LIST_LIMIT = 500
ACTION_CREATED = "link.created"
_CLOSED_ORDERS = {
    OrderStatus.PAID: N_("ya está pagado"),
    OrderStatus.VOIDED: N_("fue anulado"),
    OrderStatus.CANCELLED: N_("fue cancelado"),
}


class UnknownLinkError(LinksError):
    def __init__(self, link_id: str) -> None:
        super().__init__(N_("No hay un link «{link_id}» en este equipo.", link_id=link_id))
        self.link_id = link_id


class OrderNotLinkableError(LinksError):
    """A link for an order that cannot take money any more would invite a double payment."""

    def __init__(self, number: int, why: Text) -> None:
        super().__init__(
            N_(
                "El pedido {number} {why}: no se le puede crear un link de pago.",
                number=number,
                why=why,
            )
        )
        self.number = number


class LinkCreationUncertainError(LinksError):
    """Wompi did not answer the create: the link may exist there, unknown to us."""


def link_url(checkout_url: str, link_id: str) -> str:
    """The link's public page: the checkout host's `/l/<id>` (docs/wompi.md §7.2)."""
    parts = urlsplit(checkout_url)
    return f"{parts.scheme}://{parts.netloc}/l/{quote(link_id, safe='')}"


class LinksService:
    """Built once (build_links); every method is a coroutine. Observers: `on_links_changed`
    (link ids created, refreshed or deactivated, the guard's included) and `on_orders_changed`
    (orders saved by `save_sale`), called on the event loop's thread."""

    def __init__(
        self,
        db: DbExecutor,
        wompi: WompiAccess,
        settings: Callable[[], Settings],
        clock: Clock = now_utc,
        *,
        backoff: Backoff | None = None,
    ) -> None:
        self._db = db
        self._wompi = wompi
        self._settings = settings
        self._clock = clock
        self._deactivator = LinkDeactivator(db, wompi, clock)
        self.guard = DoublePaymentGuard(db, wompi, clock, backoff=backoff)
        self.on_links_changed: list[Callable[[set[str]], None]] = []
        self.on_orders_changed: list[Callable[[set[int]], None]] = []
        self.guard.on_links_changed.append(self._notify_links)

    @property
    def actor(self) -> str:
        """Who is using this terminal (`usuario@T01`), as the back office names them."""
        return current_actor(self._settings().terminal_id)

    # -- create ------------------------------------------------------------------------------

    async def create(self, draft: LinkDraft) -> PaymentLinkRecord:
        """Check, create at Wompi, save the mirror; `LinkInputError` on bad input (nothing sent),
        `LinksError`/`BackOfficeError` when Wompi or the configuration says no."""
        now = self._clock()
        validate_draft(draft, now)
        order = None
        if draft.order_number is not None:
            order = await self._linkable_order(draft.order_number)
        request = link_request(draft, order)
        wompi = self._wompi.client()
        if not self._wompi.has_private_key():
            raise MissingPrivateKeyError(N_("crear links de pago"))
        settings = self._settings()
        link = await _create_at_wompi(wompi, request)
        record = mirror(link, draft, link_url(settings.effective_checkout_url, link.id), now)
        record = dataclasses.replace(record, terminal_id=settings.terminal_id)
        saved = await self._save_new(record, link, self.actor)
        self._notify_links({saved.link_id})
        return saved

    async def _save_new(
        self, record: PaymentLinkRecord, link: PaymentLink, actor: str
    ) -> PaymentLinkRecord:
        at = self._clock()
        amount = "abierto" if record.amount is None else str(record.amount.cents)
        detail = audit_detail(record.link_id, record.order_number, f"amount_cents={amount}")

        def save(session: Session) -> PaymentLinkRecord:
            links = LinkRepository(session)
            links.save(record)
            OrderRepository(session).audit(ACTION_CREATED, detail, at, actor)
            saved = links.get(record.link_id)
            assert saved is not None  # noqa: S101  saved just above
            return saved

        try:
            return await self._db.write(save)
        except Exception as exc:
            # A link at Wompi we do not track could be paid unnoticed: switch it off.
            log.exception("payment link %s created at Wompi but not saved", link.id)
            after = (
                N_("se desactivó en Wompi para que nadie lo pague")
                if await self._disown(link.id)
                else N_("desactívelo en el panel de Wompi: no se pudo desactivar desde aquí")
            )
            raise LinksError(
                N_(
                    "Wompi creó el link {id} pero no se pudo guardar en este equipo "
                    "({error_type}); {after}.",
                    id=link.id,
                    error_type=type(exc).__name__,
                    after=after,
                )
            ) from exc

    async def _disown(self, link_id: str) -> bool:
        """Switch off a link we could not mirror; whether Wompi confirmed it."""
        try:
            link = await self._wompi.client().set_payment_link_active(link_id, False)
        except (WompiError, BackOfficeError):
            log.exception("could not deactivate unsaved payment link %s", link_id)
            return False
        return not link.active

    async def _linkable_order(self, number: int) -> Order:
        def read(session: Session) -> tuple[Order | None, OrderStatus | None]:
            repo = OrderRepository(session)
            order = repo.get_order(number)
            return order, None if order is None else repo.order_status(number)

        order, status = await self._db.read(read)
        if order is None or status is None:
            raise UnknownOrderNumberError(number)
        if status in _CLOSED_ORDERS:
            raise OrderNotLinkableError(number, _CLOSED_ORDERS[status])
        return order

    async def draft_for_order(self, number: int) -> LinkDraft:
        """A draft charging the order's total: "Pedido N – <tienda>", its lines as the
        description, its dominant IVA rate (the exact IVA is sent when created)."""
        order = await self._linkable_order(number)
        if not order.lines:
            raise OrderNotLinkableError(number, N_("no tiene productos"))
        store = self._settings().store_name.strip()
        return LinkDraft(
            name=order_link_name(number, store),
            description=order_description(order),
            amount=order.total,
            iva_rate=dominant_rate(order),
            order_number=number,
        )

    async def save_sale(self, sale: Order) -> int:
        """Save the counter's cart as an order (no attempt yet) for a link to charge; its number.
        Refused (OrderError) when Wompi could not charge it, before anything is saved."""
        sale.chargeable_amount()
        number = await self._db.write(lambda s: OrderRepository(s).create_order(sale).number)
        assert number is not None  # noqa: S101  assigned by create_order
        self._notify_orders({number})
        return number

    # -- list, refresh, deactivate -----------------------------------------------------------

    async def list(
        self, search: str = "", status: LinkStatus | None = None, limit: int = LIST_LIMIT
    ) -> list[PaymentLinkRecord]:
        """The mirror, newest first (the repository's order), filtered."""
        now = self._clock()
        wanted = search.strip()
        return await self._db.read(lambda s: LinkRepository(s).list(wanted, status, now, limit))

    async def get(self, link_id: str) -> PaymentLinkRecord:
        record = await self._db.read(lambda s: LinkRepository(s).get(link_id))
        if record is None:
            raise UnknownLinkError(link_id)
        return record

    async def for_order(self, number: int) -> list[PaymentLinkRecord]:
        """Every link made for the order, newest first (the order's detail in Pedidos)."""
        return await self._db.read(lambda s: LinkRepository(s).for_order(number))

    async def refresh(self, link_id: str | None = None) -> list[PaymentLinkRecord]:
        """Read links back from Wompi (one, else every one still active here) and mirror
        whether they are active; a link switched off in Wompi's dashboard shows so here."""
        if link_id is not None:
            targets = [await self.get(link_id)]
        else:
            targets = [r for r in await self.list() if r.active]
        wompi = self._wompi.client()
        updated: list[PaymentLinkRecord] = []
        for record in targets:
            try:
                link = await wompi.get_payment_link(record.link_id)
            except WompiNotFoundError:
                log.warning("payment link %s not found at Wompi", record.link_id)
                continue
            except WompiError as exc:
                raise LinksError(
                    N_("No se pudo consultar el link en Wompi: {exc}", exc=exc)
                ) from exc
            updated.append(await self._db.write(self._mirror_remote(record.link_id, link)))
        if updated:
            self._notify_links({r.link_id for r in updated})
        return updated

    def _mirror_remote(
        self, link_id: str, link: PaymentLink
    ) -> Callable[[Session], PaymentLinkRecord]:
        at = self._clock()

        def save(session: Session) -> PaymentLinkRecord:
            links = LinkRepository(session)
            current = links.get(link_id)
            assert current is not None  # noqa: S101  read just before; links are never deleted
            if current.active and not link.active:  # switched off in Wompi's dashboard
                detail = audit_detail(link_id, current.order_number, "source=wompi")
                OrderRepository(session).audit("link.deactivated", detail, at, SYSTEM_ACTOR)
            remote = dataclasses.replace(current, active=link.active, last_synced_at=at)
            return links.save(remote)

        return save

    async def deactivate(self, link_id: str, actor: str, reason: str) -> PaymentLinkRecord:
        """Switch it off at Wompi (who and why audited before and after); `LinksError` when
        Wompi did not confirm."""
        who, why = require_reason(actor, reason)
        record = await self.get(link_id)
        done = await self._deactivator.deactivate(link_id, record.order_number, who, why)
        self._notify_links({link_id})
        return done

    # -- news --------------------------------------------------------------------------------

    def _notify_links(self, link_ids: set[str]) -> None:
        for observer in list(self.on_links_changed):
            try:
                observer(set(link_ids))
            except Exception:
                log.exception("links observer failed")

    def _notify_orders(self, numbers: set[int]) -> None:
        for observer in list(self.on_orders_changed):
            try:
                observer(set(numbers))
            except Exception:
                log.exception("orders observer failed")


async def _create_at_wompi(wompi: WompiClient, request: PaymentLinkRequest) -> PaymentLink:
    """Sent once (a create is never repeated); each failure said in Spanish."""
    try:
        return await wompi.create_payment_link(request)
    except WompiCircuitOpenError as exc:
        raise LinksError(N_("No se creó el link: {exc}", exc=exc)) from exc
    except WompiUnavailableError as exc:
        raise LinkCreationUncertainError(
            N_(
                "Wompi no respondió ({exc}); puede que haya creado el link sin que este "
                "equipo lo sepa. Revise el panel de Wompi antes de crear otro, y "
                "desactive allí el que sobre.",
                exc=exc,
            )
        ) from exc
    except WompiError as exc:
        raise LinksError(N_("Wompi no creó el link: {exc}", exc=exc)) from exc


def link_request(draft: LinkDraft, order: Order | None = None) -> PaymentLinkRequest:
    """The body Wompi gets for `draft`; `expires_at` in UTC (docs/wompi.md §7.1)."""
    expires = draft.expires_at.astimezone(UTC) if draft.expires_at is not None else None
    return PaymentLinkRequest(
        name=draft.name,
        description=draft.description,
        single_use=draft.single_use,
        collect_shipping=draft.collect_shipping,
        amount_in_cents=None if draft.amount is None else draft.amount.cents,
        expires_at=expires,
        redirect_url=draft.redirect_url or None,
        sku=draft.sku or None,
        taxes=link_taxes(draft, order),
    )


def link_taxes(draft: LinkDraft, order: Order | None = None) -> tuple[Tax, ...]:
    """The IVA included in a fixed amount as Wompi's informational VAT (docs/wompi.md §2.1, §7.1):
    the order's exact IVA when the link charges its total, else the draft's rate."""
    if draft.amount is None:
        return ()  # an open amount: the IVA is not known until the payer types it
    if order is not None and order.total == draft.amount:
        vat = order.totals.tax.cents
    elif draft.iva_rate:
        rate = int(draft.iva_rate)
        vat = divide_half_up(draft.amount.cents * rate, 100 + rate)
    else:
        vat = 0
    return (Tax("VAT", vat),) if vat > 0 else ()


def mirror(link: PaymentLink, draft: LinkDraft, url: str, now: datetime) -> PaymentLinkRecord:
    """Our record of a link Wompi just created: Wompi's fields, plus what only we know."""
    return PaymentLinkRecord(
        link_id=link.id,
        url=url,
        name=link.name,
        description=link.description,
        amount=None if link.amount_in_cents is None else Money(link.amount_in_cents),
        single_use=link.single_use,
        expires_at=link.expires_at or draft.expires_at,
        redirect_url=link.redirect_url or "",
        sku=link.sku or "",
        order_number=draft.order_number,
        active=link.active,
        created_at=link.created_at or now,
        iva_rate=draft.iva_rate,
        collect_shipping=link.collect_shipping,
        last_synced_at=now,
    )


def order_link_name(number: int, store_name: str) -> str:
    """ "Pedido 12 – Tienda Ejemplo", the store's name cut to fit Wompi's title."""
    head = f"Pedido {number}"
    if not store_name:
        return head
    room = MAX_LINK_NAME - len(head) - 3
    return f"{head} – {store_name[:room].rstrip()}" if room > 0 else head


def order_description(order: Order) -> str:
    """The order's lines ("2 × Café molido 500 g, …"), cut to Wompi's description."""
    parts = [
        f"{line.quantity} × {line.description}" if line.quantity > 1 else line.description
        for line in order.lines
    ]
    text = ", ".join(parts)
    if len(text) <= MAX_LINK_DESCRIPTION:
        return text
    return text[: MAX_LINK_DESCRIPTION - 1].rstrip(", ") + "…"


def dominant_rate(order: Order) -> IvaRate | None:
    """The IVA rate of the largest part of the order's total (None for an empty order)."""
    groups = order.totals.groups
    if not groups:
        return None
    return max(groups, key=lambda g: (g.total.cents, int(g.rate))).rate


def build_links(
    settings_file: SettingsFile,
    db: DbExecutor,
    http: httpx.AsyncClient,
    *,
    clock: Clock = now_utc,
) -> LinksService:
    """The links service (and its guard) over the settings and the OS keyring, built once."""
    return LinksService(db, KeyringWompi(settings_file, http), settings_file.load, clock)
