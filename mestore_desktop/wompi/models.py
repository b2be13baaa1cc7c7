"""Typed objects for what Wompi returns (docs/wompi.md §5–§8), and the bodies we send it.

Every result is a frozen dataclass built by a `from_api` classmethod that checks the fields we
rely on; a missing or mistyped one raises `WompiBadResponseError` naming it
("transaction.amount_in_cents"). Descriptive extras (card brand, phone number, bank) are read
leniently: a surprise there must not stop a payment from being reconciled. Each object keeps
the `raw` mapping it came from as evidence for the payment history; `raw` and keys are left
out of `repr()` so that logging an object never dumps a key or a whole payload.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Self

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    Observation,
    PaymentStatus,
    StatusSource,
    method_type_code,
)
from mestore_desktop.wompi.errors import WompiBadResponseError

CURRENCY = "COP"
TAX_TYPES = frozenset({"VAT", "CONSUMPTION"})
MAX_REFERENCE_LENGTH = 255
MAX_SKU_LENGTH = 36

# Staff-facing names for payment_method_type (docs/wompi.md §11); cards and Nequi get more detail.
_METHOD_NAMES = {
    "CARD": "Tarjeta",
    "NEQUI": "Nequi",
    "PSE": "PSE",
    "BANCOLOMBIA_TRANSFER": "Botón Bancolombia",
    "BANCOLOMBIA_QR": "QR Bancolombia",
    "BANCOLOMBIA_COLLECT": "Corresponsal Bancolombia",
    "BANCOLOMBIA_BNPL": "Compra y paga después Bancolombia",
    "DAVIPLATA": "Daviplata",
    "PCOL": "Puntos Colombia",
    "SU_PLUS": "SU+ Pay",
}


class _Reader:
    """Reads one JSON object, naming `where.field` in the error when a field is wrong."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise WompiBadResponseError(field=where)
        self.data: Mapping[str, Any] = data
        self.where = where

    def _bad(self, name: str) -> WompiBadResponseError:
        return WompiBadResponseError(field=f"{self.where}.{name}")

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if not isinstance(value, str) or not value:
            raise self._bad(name)
        return value

    def opt_text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self._bad(name)
        return value

    def integer(self, name: str) -> int:
        value = self.data.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._bad(name)
        return value

    def opt_integer(self, name: str) -> int | None:
        return None if self.data.get(name) is None else self.integer(name)

    def flag(self, name: str) -> bool:
        value = self.data.get(name)
        if not isinstance(value, bool):
            raise self._bad(name)
        return value

    def timestamp(self, name: str) -> datetime:
        value = self.opt_timestamp(name)
        if value is None:
            raise self._bad(name)
        return value

    def opt_timestamp(self, name: str) -> datetime | None:
        text = self.opt_text(name)
        if text is None:
            return None
        try:
            return parse_timestamp(text)
        except ValueError:
            raise self._bad(name) from None

    def mapping(self, name: str) -> Mapping[str, Any]:
        """A nested object; null or absent reads as empty."""
        value = self.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self._bad(name)
        return value

    def child(self, name: str) -> _Reader:
        return _Reader(self.data.get(name), f"{self.where}.{name}")


def parse_timestamp(text: str) -> datetime:
    """Wompi's ISO-8601 times ("2025-01-01T17:00:00.000Z"); a naive one is UTC (docs/wompi.md
    §7.1)."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def format_timestamp(value: datetime) -> str:
    """UTC with milliseconds and a Z, the form Wompi prints; naive datetimes are refused."""
    if value.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _loose_text(value: Any) -> str | None:
    """Descriptive extras: numbers become text, anything else odd is ignored."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


@dataclass(frozen=True, slots=True)
class PaymentMethodDetails:
    """What the payer used. Only `type` is reliable; the rest depends on the method."""

    type: str | None
    brand: str | None = None
    last_four: str | None = None
    card_name: str | None = None
    installments: int | None = None
    phone_number: str | None = None
    financial_institution_code: str | None = None
    async_payment_url: str | None = None
    payment_description: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any], fallback_type: str | None) -> Self:
        extra = data.get("extra")
        extra = extra if isinstance(extra, Mapping) else {}
        installments = data.get("installments")
        return cls(
            type=_loose_text(data.get("type")) or fallback_type,
            brand=_loose_text(extra.get("brand")),
            last_four=_loose_text(extra.get("last_four")),
            card_name=_loose_text(extra.get("name")),
            installments=installments if _is_int(installments) else None,
            phone_number=_loose_text(data.get("phone_number")),
            financial_institution_code=_loose_text(data.get("financial_institution_code")),
            async_payment_url=_loose_text(extra.get("async_payment_url")),
            payment_description=_loose_text(data.get("payment_description")),
            extra=extra,
        )


@dataclass(frozen=True, slots=True)
class Transaction:
    """One Wompi transaction (docs/wompi.md §5.4)."""

    id: str
    reference: str
    amount_in_cents: int
    currency: str
    status: PaymentStatus
    status_message: str | None
    payment_method_type: str | None
    payment_method: PaymentMethodDetails
    customer_email: str | None
    created_at: datetime
    finalized_at: datetime | None
    payment_link_id: str | None
    redirect_url: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_api(cls, data: Any, where: str = "transaction") -> Self:
        r = _Reader(data, where)
        method_type = r.opt_text("payment_method_type")
        return cls(
            id=r.text("id"),
            reference=r.text("reference"),
            amount_in_cents=_amount(r),
            currency=r.text("currency"),
            status=_status(r),
            status_message=_loose_text(r.data.get("status_message")),
            payment_method_type=method_type,
            payment_method=PaymentMethodDetails.from_api(r.mapping("payment_method"), method_type),
            customer_email=_loose_text(r.data.get("customer_email")),
            created_at=r.timestamp("created_at"),
            finalized_at=r.opt_timestamp("finalized_at"),
            payment_link_id=_loose_text(r.data.get("payment_link_id")),
            redirect_url=_loose_text(r.data.get("redirect_url")),
            raw=r.data,
        )

    @property
    def amount(self) -> Money:
        return Money(self.amount_in_cents)

    @property
    def method_label(self) -> str:
        """Short Spanish text for receipts and lists: "VISA ••4242", "Nequi 399•••1111"."""
        method = self.payment_method
        kind = method.type or self.payment_method_type
        if kind == "CARD":
            name = method.brand or "Tarjeta"
            return f"{name} ••{method.last_four}" if method.last_four else name
        if kind == "NEQUI":
            digits = "".join(ch for ch in method.phone_number or "" if ch.isdigit())
            return f"Nequi {digits[:3]}•••{digits[-4:]}" if len(digits) >= 7 else "Nequi"
        if kind is None:
            return "Wompi"
        return _METHOD_NAMES.get(kind, kind)

    def to_observation(self, source: StatusSource, observed_at: datetime) -> Observation:
        """This transaction as a domain observation; amounts are only ever pesos. It carries
        the method twice: the label for receipts and Wompi's type for the back office."""
        if self.currency != CURRENCY:
            raise WompiBadResponseError(field="transaction.currency")
        return Observation(
            transaction_id=self.id,
            status=self.status,
            source=source,
            observed_at=observed_at,
            amount=self.amount,
            payment_method=self.method_label,
            status_message=self.status_message or "",
            payment_method_type=method_type_code(
                self.payment_method.type or self.payment_method_type
            ),
        )


def _amount(r: _Reader) -> int:
    value = r.integer("amount_in_cents")
    if value < 0:
        raise r._bad("amount_in_cents")
    return value


def _status(r: _Reader) -> PaymentStatus:
    try:
        return PaymentStatus(r.text("status"))
    except ValueError:
        raise r._bad("status") from None


def parse_transactions(data: Any, where: str = "transactions") -> list[Transaction]:
    if not isinstance(data, list):
        raise WompiBadResponseError(field=where)
    return [Transaction.from_api(item, f"{where}[{i}]") for i, item in enumerate(data)]


@dataclass(frozen=True, slots=True)
class Merchant:
    """The merchant behind the public key, with the two consent tokens (docs/wompi.md §6)."""

    id: str
    name: str
    public_key: str = field(repr=False)
    accepted_payment_methods: tuple[str, ...]
    acceptance_token: str = field(repr=False)
    acceptance_permalink: str
    personal_data_auth_token: str | None = field(repr=False)
    personal_data_auth_permalink: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_api(cls, data: Any) -> Self:
        r = _Reader(data, "merchant")
        acceptance = r.child("presigned_acceptance")
        personal = r.mapping("presigned_personal_data_auth")
        personal_r = _Reader(personal, "merchant.presigned_personal_data_auth")
        methods = r.data.get("accepted_payment_methods") or []
        if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
            raise WompiBadResponseError(field="merchant.accepted_payment_methods")
        merchant_id = r.data.get("id")
        if _loose_text(merchant_id) is None:
            raise WompiBadResponseError(field="merchant.id")
        return cls(
            id=str(merchant_id),
            name=r.text("name"),
            public_key=r.text("public_key"),
            accepted_payment_methods=tuple(methods),
            acceptance_token=acceptance.text("acceptance_token"),
            acceptance_permalink=acceptance.text("permalink"),
            personal_data_auth_token=personal_r.opt_text("acceptance_token"),
            personal_data_auth_permalink=personal_r.opt_text("permalink"),
            raw=r.data,
        )


@dataclass(frozen=True, slots=True)
class Tax:
    """Informational tax already included in the amount (docs/wompi.md §2.1, §7.1)."""

    type: str
    amount_in_cents: int

    def __post_init__(self) -> None:
        if self.type not in TAX_TYPES:
            raise ValueError(f"tax type must be one of {sorted(TAX_TYPES)}")
        _require_positive_int(self.amount_in_cents, "amount_in_cents")

    def to_api(self) -> dict[str, Any]:
        return {"type": self.type, "amount_in_cents": self.amount_in_cents}


@dataclass(frozen=True, slots=True)
class PaymentLinkRequest:
    """Body of POST /payment_links; `amount_in_cents=None` is an open amount (docs/wompi.md
    §7.1)."""

    name: str
    description: str
    single_use: bool
    collect_shipping: bool
    amount_in_cents: int | None
    currency: str = CURRENCY
    expires_at: datetime | None = None
    redirect_url: str | None = None
    sku: str | None = None
    image_url: str | None = None
    taxes: tuple[Tax, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip() or not self.description.strip():
            raise ValueError("a payment link needs a name and a description")
        if self.amount_in_cents is not None:
            _require_positive_int(self.amount_in_cents, "amount_in_cents")
        if self.currency != CURRENCY:
            raise ValueError("Wompi Colombia only takes COP")
        if self.sku is not None and len(self.sku) > MAX_SKU_LENGTH:
            raise ValueError(f"sku is limited to {MAX_SKU_LENGTH} characters")
        if self.expires_at is not None and self.expires_at.tzinfo is None:
            raise ValueError("expires_at must be timezone-aware")

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "single_use": self.single_use,
            "collect_shipping": self.collect_shipping,
            "currency": self.currency,
            "amount_in_cents": self.amount_in_cents,
        }
        optional = {
            "expires_at": format_timestamp(self.expires_at) if self.expires_at else None,
            "redirect_url": self.redirect_url,
            "sku": self.sku,
            "image_url": self.image_url,
        }
        body.update({k: v for k, v in optional.items() if v is not None})
        if self.taxes:
            body["taxes"] = [tax.to_api() for tax in self.taxes]
        return body


@dataclass(frozen=True, slots=True)
class PaymentLink:
    """A payment link as Wompi holds it (docs/wompi.md §7)."""

    id: str
    name: str
    description: str
    single_use: bool
    collect_shipping: bool
    currency: str
    amount_in_cents: int | None
    expires_at: datetime | None
    redirect_url: str | None
    sku: str | None
    active: bool
    created_at: datetime | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_api(cls, data: Any) -> Self:
        r = _Reader(data, "payment_link")
        return cls(
            id=r.text("id"),
            name=r.text("name"),
            description=r.opt_text("description") or "",
            single_use=r.flag("single_use"),
            collect_shipping=r.flag("collect_shipping"),
            currency=r.text("currency"),
            amount_in_cents=r.opt_integer("amount_in_cents"),
            expires_at=r.opt_timestamp("expires_at"),
            redirect_url=r.opt_text("redirect_url"),
            sku=r.opt_text("sku"),
            active=r.flag("active"),
            created_at=r.opt_timestamp("created_at"),
            raw=r.data,
        )


@dataclass(frozen=True, slots=True)
class FinancialInstitution:
    """A PSE bank: show `name`, send `code` (docs/wompi.md §8)."""

    code: str
    name: str

    @classmethod
    def from_api(cls, data: Any, where: str = "financial_institution") -> Self:
        r = _Reader(data, where)
        code = _loose_text(r.data.get("financial_institution_code"))
        if code is None:
            raise WompiBadResponseError(field=f"{where}.financial_institution_code")
        return cls(code=code, name=r.text("financial_institution_name"))


@dataclass(frozen=True, slots=True)
class CardToken:
    """A one-shot card token from POST /tokens/cards (docs/wompi.md §5.6)."""

    id: str = field(repr=False)
    brand: str | None
    last_four: str | None
    card_holder: str | None
    exp_month: str | None
    exp_year: str | None
    expires_at: datetime | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_api(cls, data: Any) -> Self:
        r = _Reader(data, "card_token")
        return cls(
            id=r.text("id"),
            brand=_loose_text(r.data.get("brand")),
            last_four=_loose_text(r.data.get("last_four")),
            card_holder=_loose_text(r.data.get("card_holder")),
            exp_month=_loose_text(r.data.get("exp_month")),
            exp_year=_loose_text(r.data.get("exp_year")),
            expires_at=r.opt_timestamp("expires_at"),
            raw=r.data,
        )


@dataclass(frozen=True, slots=True)
class NequiToken:
    """A Nequi subscription token; PENDING until the payer accepts it in the app."""

    id: str
    status: str
    phone_number: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_api(cls, data: Any) -> Self:
        r = _Reader(data, "nequi_token")
        return cls(
            id=r.text("id"),
            status=r.text("status"),
            phone_number=_loose_text(r.data.get("phone_number")),
            raw=r.data,
        )


@dataclass(frozen=True, slots=True)
class TransactionRequest:
    """Body of POST /transactions for the direct-API path (docs/wompi.md §5.1).

    `signature` is the integrity signature computed by the caller (signatures.py); the two
    acceptance tokens come from `WompiClient.get_merchant()`.
    """

    amount_in_cents: int
    currency: str
    reference: str
    customer_email: str
    signature: str = field(repr=False)
    acceptance_token: str = field(repr=False)
    accept_personal_auth: str | None = field(repr=False)
    payment_method: Mapping[str, Any] = field(repr=False)
    redirect_url: str | None = None
    customer_data: Mapping[str, Any] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        _require_positive_int(self.amount_in_cents, "amount_in_cents")
        if self.currency != CURRENCY:
            raise ValueError("Wompi Colombia only takes COP")
        if not self.reference or len(self.reference) > MAX_REFERENCE_LENGTH:
            raise ValueError(f"reference must have 1 to {MAX_REFERENCE_LENGTH} characters")
        if not isinstance(self.payment_method.get("type"), str):
            raise ValueError("payment_method needs a type")

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "amount_in_cents": self.amount_in_cents,
            "currency": self.currency,
            "reference": self.reference,
            "customer_email": self.customer_email,
            "signature": self.signature,
            "acceptance_token": self.acceptance_token,
            "payment_method": dict(self.payment_method),
        }
        if self.accept_personal_auth:
            body["accept_personal_auth"] = self.accept_personal_auth
        if self.redirect_url:
            body["redirect_url"] = self.redirect_url
        if self.customer_data:
            body["customer_data"] = dict(self.customer_data)
        return body


def _require_positive_int(value: Any, name: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"{name} must be a positive integer number of cents")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
