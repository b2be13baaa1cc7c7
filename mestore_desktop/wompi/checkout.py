"""The Wompi Web Checkout URL (docs/wompi.md §2): every documented parameter, correctly encoded.

The URL carries the integrity signature, so it is built where the integrity secret is at hand
and handed to the web view or the QR code as an opaque string. Parameters keep Wompi's exact
names, colons included (`signature:integrity`, `customer-data:email`); `urlencode` turns the
colon into `%3A`, which Wompi's checkout decodes like any form field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit

from mestore_desktop.domain.text import N_
from mestore_desktop.wompi.signatures import CURRENCY, integrity_signature

LEGAL_ID_TYPES = frozenset({"CC", "CE", "NIT", "PP", "TI", "DNI", "RG", "OTHER"})
_REFERENCE = re.compile(r"[A-Za-z0-9_-]{1,255}")


class CheckoutUrlError(ValueError):
    """Inputs that would produce a checkout Wompi refuses. `str()` is Spanish for staff."""


@dataclass(frozen=True, slots=True)
class CustomerData:
    email: str = ""
    full_name: str = ""
    phone_number: str = ""
    phone_number_prefix: str = "+57"
    legal_id: str = ""
    legal_id_type: str = ""


@dataclass(frozen=True, slots=True)
class ShippingAddress:
    address_line_1: str
    country: str
    region: str
    city: str
    phone_number: str
    address_line_2: str = ""
    name: str = ""
    postal_code: str = ""


@dataclass(frozen=True, slots=True)
class CheckoutRequest:
    """What one payment attempt asks Wompi's checkout to collect."""

    reference: str
    amount_in_cents: int
    redirect_url: str = ""
    expiration_time: datetime | None = None
    customer: CustomerData = field(default_factory=CustomerData)
    shipping: ShippingAddress | None = None
    vat_in_cents: int | None = None
    consumption_tax_in_cents: int | None = None
    collect_shipping: bool = False
    collect_customer_legal_id: bool = False


def format_expiration(moment: datetime) -> str:
    """ISO-8601 UTC with milliseconds, as signed and sent: 2030-01-01T05:00:00.000Z."""
    if moment.tzinfo is None:
        raise CheckoutUrlError(N_("La hora de vencimiento debe tener zona horaria."))
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def build_checkout_url(
    checkout_base_url: str, public_key: str, integrity_secret: str, request: CheckoutRequest
) -> str:
    """The signed Web Checkout URL for `request`."""
    _validate(checkout_base_url, public_key, integrity_secret, request)
    expiration = format_expiration(request.expiration_time) if request.expiration_time else None
    signature = integrity_signature(
        request.reference,
        request.amount_in_cents,
        integrity_secret,
        expiration_time=expiration,
    )
    params: list[tuple[str, str]] = [
        ("public-key", public_key),
        ("currency", CURRENCY),
        ("amount-in-cents", str(request.amount_in_cents)),
        ("reference", request.reference),
        ("signature:integrity", signature),
    ]
    if request.redirect_url:
        params.append(("redirect-url", request.redirect_url))
    if expiration:
        params.append(("expiration-time", expiration))
    params += _tax_params(request) + _customer_params(request.customer)
    params += _shipping_params(request.shipping)
    if request.collect_shipping:
        params.append(("collect-shipping", "true"))
    if request.collect_customer_legal_id:
        params.append(("collect-customer-legal-id", "true"))
    return f"{_with_trailing_slash(checkout_base_url)}?{urlencode(params)}"


def _validate(base: str, public_key: str, secret: str, request: CheckoutRequest) -> None:
    parts = urlsplit(base)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise CheckoutUrlError(N_("La URL del checkout no es válida."))
    if not public_key.startswith(("pub_test_", "pub_prod_")):
        raise CheckoutUrlError(N_("Falta la llave pública de Wompi (pub_test_… o pub_prod_…)."))
    if not secret:
        raise CheckoutUrlError(N_("Falta el secreto de integridad: guárdelo en Ajustes."))
    if not _REFERENCE.fullmatch(request.reference):
        raise CheckoutUrlError(N_("La referencia solo admite letras, dígitos, '-' y '_'."))
    amount = request.amount_in_cents
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise CheckoutUrlError(N_("El monto debe ser un número entero de centavos mayor que cero."))
    if amount % 100:
        raise CheckoutUrlError(N_("Wompi solo cobra pesos completos (centavos en 00)."))
    if request.customer.legal_id_type and request.customer.legal_id_type not in LEGAL_ID_TYPES:
        raise CheckoutUrlError(N_("Tipo de documento no admitido por Wompi."))


def _tax_params(request: CheckoutRequest) -> list[tuple[str, str]]:
    taxes = [
        ("tax-in-cents:vat", request.vat_in_cents),
        ("tax-in-cents:consumption", request.consumption_tax_in_cents),
    ]
    return [(name, str(value)) for name, value in taxes if value is not None]


def _customer_params(customer: CustomerData) -> list[tuple[str, str]]:
    pairs = [
        ("customer-data:email", customer.email),
        ("customer-data:full-name", customer.full_name),
    ]
    if customer.phone_number:  # Wompi wants the number and its prefix together
        pairs += [
            ("customer-data:phone-number", customer.phone_number),
            ("customer-data:phone-number-prefix", customer.phone_number_prefix),
        ]
    if customer.legal_id and customer.legal_id_type:  # likewise the id and its type
        pairs += [
            ("customer-data:legal-id", customer.legal_id),
            ("customer-data:legal-id-type", customer.legal_id_type),
        ]
    return [(name, value) for name, value in pairs if value]


def _shipping_params(shipping: ShippingAddress | None) -> list[tuple[str, str]]:
    if shipping is None:
        return []
    names = {
        "address_line_1": "address-line-1",
        "address_line_2": "address-line-2",
        "country": "country",
        "region": "region",
        "city": "city",
        "phone_number": "phone-number",
        "name": "name",
        "postal_code": "postal-code",
    }
    return [
        (f"shipping-address:{param}", getattr(shipping, attr))
        for attr, param in names.items()
        if getattr(shipping, attr)
    ]


def _with_trailing_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
