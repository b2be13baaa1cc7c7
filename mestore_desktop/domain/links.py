"""Payment links (docs/wompi.md §7): what staff type, our mirror of a link, its status and sharing.

Wompi only lets a link be switched on or off; its expiry, whether a single-use link was paid,
what it collected and which order it is for are ours to keep. `LinkDraft` is what staff typed,
checked as it is built (`LinkInputError` names the field, in plain Spanish) so that bad input
never reaches Wompi; an expiry in the past needs the clock (`validate_draft`).

`PaymentLinkRecord` is our mirror of one link. Its status follows from the mirror and the
clock: a single-use link with an approved payment is paid (Wompi refuses it any further
payment), then a switched-off link is deactivated, then one past its expiry is expired.

Payments through a link carry `payment_link_id` and a reference Wompi makes up
(`<link id>_<unix seconds>_<random>`); the sync attaches them to the link's order, or to a new
order made by `order_for_payment` when the link has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from urllib.parse import quote, urlsplit

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import MAX_DESCRIPTION, IvaRate, Order, OrderLine
from mestore_desktop.domain.text import N_, Text

# Ours: Wompi shows the name as the checkout's title, and a longer one is cut off there.
MAX_LINK_NAME = 60
MAX_LINK_DESCRIPTION = MAX_DESCRIPTION
MAX_LINK_SKU = 36  # Wompi's limit (docs/wompi.md §7.1)
MAX_REDIRECT_URL = 2000
# The terminal an order made from a link payment is filed under when the link does not say.
LINK_TERMINAL = "LINK"
BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")
OPEN_AMOUNT_TEXT = "el valor que usted indique"
WHATSAPP = "https://wa.me/"
_COLOMBIAN_MOBILE_DIGITS = 10  # 3xx xxx xxxx; wa.me needs the country code (57) in front


class LinkInputError(ValueError):
    """A field of a link that staff must fix; `str()` names it in plain Spanish."""

    def __init__(self, field: str, message: Text | str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class LinkDraft:
    """What staff typed for a new link, checked as it is built (`LinkInputError`).

    `amount` None is an open amount (the payer types it). Text fields are kept stripped.
    `expires_at` must be timezone-aware; whether it is still in the future needs the clock:
    `validate_draft(draft, now)`. `order_number` ties the link to an order of ours.
    """

    name: str
    description: str
    amount: Money | None
    single_use: bool = True
    expires_at: datetime | None = None
    redirect_url: str = ""
    sku: str = ""
    iva_rate: IvaRate | None = None
    collect_shipping: bool = False
    order_number: int | None = None

    def __post_init__(self) -> None:
        for name in ("name", "description", "redirect_url", "sku"):
            object.__setattr__(self, name, getattr(self, name).strip())
        _check_name(self.name)
        _check_description(self.description)
        _check_amount(self.amount)
        _check_redirect(self.redirect_url)
        if len(self.sku) > MAX_LINK_SKU:
            raise LinkInputError(
                "sku",
                N_(
                    "El SKU admite máximo {max_link_sku} caracteres (tiene {length}).",
                    max_link_sku=MAX_LINK_SKU,
                    length=len(self.sku),
                ),
            )
        if self.expires_at is not None and self.expires_at.utcoffset() is None:
            raise LinkInputError(
                "expires_at", N_("La fecha de vencimiento debe llevar la hora local.")
            )
        if self.iva_rate is not None:
            object.__setattr__(self, "iva_rate", _iva(self.iva_rate))
        if self.order_number is not None and self.order_number < 1:
            raise LinkInputError("order_number", N_("El número de pedido empieza en 1."))


def _iva(rate: int) -> IvaRate:
    try:
        return IvaRate(rate)
    except ValueError:
        raise LinkInputError(
            "iva_rate", N_("El IVA {rate} % no existe: use 0, 5 o 19 %.", rate=rate)
        ) from None


def validate_draft(draft: LinkDraft, now: datetime) -> None:
    """What needs the clock: an expiry must still be ahead (Wompi would make a dead link)."""
    if draft.expires_at is not None and draft.expires_at <= now:
        when = format_bogota(draft.expires_at)
        raise LinkInputError(
            "expires_at",
            N_(
                "La fecha de vencimiento ({when}) ya pasó; elija una fecha futura.",
                when=when,
            ),
        )


def _check_name(name: str) -> None:
    if not name:
        raise LinkInputError("name", N_("Escriba el nombre del link (lo ve el cliente al pagar)."))
    if len(name) > MAX_LINK_NAME:
        raise LinkInputError(
            "name",
            N_(
                "El nombre del link admite máximo {max_link_name} caracteres (tiene {length}).",
                max_link_name=MAX_LINK_NAME,
                length=len(name),
            ),
        )


def _check_description(description: str) -> None:
    if not description:
        raise LinkInputError("description", N_("Escriba la descripción del link."))
    if len(description) > MAX_LINK_DESCRIPTION:
        raise LinkInputError(
            "description",
            N_(
                "La descripción admite máximo {max_link_description} caracteres (tiene {length}).",
                max_link_description=MAX_LINK_DESCRIPTION,
                length=len(description),
            ),
        )


def _check_amount(amount: Money | None) -> None:
    if amount is None:
        return
    if amount.cents <= 0:
        raise LinkInputError("amount", N_("El valor del link debe ser mayor que cero."))
    if not amount.is_whole_pesos:
        raise LinkInputError(
            "amount",
            N_(
                "Wompi solo cobra pesos completos: {amount} tiene centavos.",
                amount=amount.format(),
            ),
        )


def _check_redirect(url: str) -> None:
    if not url:
        return
    message = (
        f"La URL de redirección «{url[:80]}» no es válida: debe empezar por http:// o "
        "https:// e incluir el dominio, por ejemplo https://mitienda.co/gracias."
    )
    if len(url) > MAX_REDIRECT_URL or any(ch.isspace() for ch in url):
        raise LinkInputError("redirect_url", message)
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  a bad port ("https://x.co:abc") raises here
    except ValueError:
        raise LinkInputError("redirect_url", message) from None
    if parts.scheme.lower() not in ("http", "https") or not _is_host(host):
        raise LinkInputError("redirect_url", message)


def _is_host(host: str | None) -> bool:
    """A domain with a dot ("mitienda.co"), an address, or localhost (the sandbox's)."""
    if not host:
        return False
    return host == "localhost" or "." in host.strip(".") or ":" in host


class LinkStatus(StrEnum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"
    EXPIRED = "expired"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class PaymentLinkRecord:
    """Our mirror of one link: what Wompi holds, plus what only we know (its order, what it
    collected). `payments` and `collected` count approved payments through it; `paid_at` is
    the last one's time. `terminal_id` is the terminal that made it ("" unknown): an order
    made from one of its payments is filed there."""

    link_id: str
    url: str
    name: str
    description: str
    amount: Money | None
    single_use: bool
    expires_at: datetime | None
    redirect_url: str
    sku: str
    order_number: int | None
    active: bool
    created_at: datetime
    deactivated_at: datetime | None = None
    paid_at: datetime | None = None
    collected: Money = field(default_factory=Money.zero)
    payments: int = 0
    iva_rate: IvaRate | None = None
    collect_shipping: bool = False
    terminal_id: str = ""
    last_synced_at: datetime | None = None  # last read back from Wompi

    def status(self, now: datetime) -> LinkStatus:
        """Paid (single use, approved payment) > deactivated > expired > active."""
        if self.single_use and self.payments > 0:
            return LinkStatus.PAID
        if not self.active:
            return LinkStatus.DEACTIVATED
        if self.expires_at is not None and self.expires_at <= now:
            return LinkStatus.EXPIRED
        return LinkStatus.ACTIVE

    def expires_in(self, now: datetime) -> timedelta | None:
        """Time left before it expires (zero once past); None when it never expires."""
        if self.expires_at is None:
            return None
        return max(self.expires_at - now, timedelta(0))

    @property
    def open_amount(self) -> bool:
        return self.amount is None


def format_bogota(moment: datetime) -> str:
    """ "14/03/2026 21:26" in Bogotá time, how staff and customers read a link's expiry."""
    return moment.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M")


def whatsapp_text(record: PaymentLinkRecord, store_name: str) -> str:
    """A ready Spanish message with the link's name, amount, URL and expiry (Bogotá time)."""
    shop = store_name.strip()
    greeting = (
        f"Hola, este es su link de pago de {shop}:" if shop else "Hola, este es su link de pago:"
    )
    amount = OPEN_AMOUNT_TEXT if record.amount is None else record.amount.format()
    lines = [greeting, record.name, f"Valor: {amount}", f"Pague aquí: {record.url}"]
    if record.expires_at is not None:
        lines.append(f"Válido hasta el {format_bogota(record.expires_at)} (hora de Colombia).")
    return "\n".join(lines)


def whatsapp_url(text: str, phone: str = "") -> str:
    """`https://wa.me/<digits>?text=…`, or `https://wa.me/?text=…` to pick the chat in
    WhatsApp. A Colombian mobile typed without its country code gets 57 in front."""
    digits = "".join(ch for ch in phone if ch.isascii() and ch.isdigit())
    if len(digits) == _COLOMBIAN_MOBILE_DIGITS and digits.startswith("3"):
        digits = "57" + digits
    return f"{WHATSAPP}{digits}?text={quote(text, safe='')}"


def order_for_payment(
    record: PaymentLinkRecord, amount: Money, at: datetime, terminal_id: str = ""
) -> Order:
    """The order a payment through a link without one becomes: one line named after the link,
    for what the payer paid (an open amount is whatever they typed), at the link's IVA."""
    line = OrderLine(
        description=record.name[:MAX_DESCRIPTION],
        quantity=1,
        unit_price=amount,
        iva_rate=record.iva_rate if record.iva_rate is not None else IvaRate.EXEMPT,
        sku=record.sku,
    )
    terminal = terminal_id or record.terminal_id or LINK_TERMINAL
    return Order(terminal_id=terminal, lines=(line,), created_at=at)
