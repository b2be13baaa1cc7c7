"""Turning a saved payment attempt into the signed Wompi Web Checkout URL the customer opens.

The attempt must already be committed when this runs: the URL is shown to the customer only
after the order and its reference are safe on disk, so a payment can never arrive for an
order we do not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from mestore_desktop.domain.order import Order
from mestore_desktop.domain.payment import PaymentAttempt, Tender
from mestore_desktop.domain.text import N_
from mestore_desktop.wompi.checkout import CheckoutRequest, CustomerData, build_checkout_url


class CheckoutNotConfiguredError(Exception):
    """A setting or secret the checkout needs is missing. `str()` says which, in Spanish."""


# Wompi's checkout default for us: 30 minutes to pay (settings: checkout_expiry_minutes).
DEFAULT_EXPIRY_MINUTES = 30


@dataclass(frozen=True, slots=True)
class CheckoutSettings:
    checkout_base_url: str
    public_key: str
    redirect_url: str = ""
    expiry_minutes: int = DEFAULT_EXPIRY_MINUTES  # how long a new attempt's checkout lives


def checkout_expiry(at: datetime, minutes: int) -> datetime:
    """When a checkout signed at `at` stops taking payments: to the millisecond, as Wompi's
    `expiration-time` writes it, so the stored instant and the signed text agree."""
    expires = at + timedelta(minutes=minutes)
    return expires.replace(microsecond=expires.microsecond // 1000 * 1000)


def require_checkout_settings(settings: CheckoutSettings, integrity_secret: str | None) -> str:
    """Fail closed before anything is saved: returns the integrity secret if all is set."""
    if not settings.public_key:
        raise CheckoutNotConfiguredError(
            N_(
                "Falta la llave pública de Wompi: configúrela en Ajustes o con 'mestore "
                "config set public_key …'.",
            )
        )
    if not integrity_secret:
        raise CheckoutNotConfiguredError(
            N_(
                "Falta el secreto de integridad de Wompi: guárdelo en Ajustes o con "
                "'mestore secrets set wompi_integrity_secret'.",
            )
        )
    return integrity_secret


def checkout_url_for(
    order: Order, attempt: PaymentAttempt, settings: CheckoutSettings, integrity_secret: str
) -> str:
    """The signed checkout URL for one Wompi attempt of `order`.

    The attempt's stored expiry goes into the URL and its signature (`expiration-time`), so the
    same attempt signs to the same URL again (a QR shown again after a restart)."""
    if attempt.tender is not Tender.WOMPI:
        raise ValueError("only Wompi attempts have a checkout URL")
    customer = order.customer
    request = CheckoutRequest(
        reference=attempt.reference,
        amount_in_cents=attempt.amount.cents,
        redirect_url=settings.redirect_url,
        expiration_time=attempt.expires_at,
        customer=CustomerData(
            email=customer.email,
            full_name=customer.name,
            phone_number=customer.phone,
            legal_id=customer.document_number,
            legal_id_type=customer.document_type.value if customer.document_type else "",
        ),
        vat_in_cents=order.totals.tax.cents or None,
    )
    return build_checkout_url(
        settings.checkout_base_url, settings.public_key, integrity_secret, request
    )
