"""What `POST /_sandbox/transactions/inject` accepts: a transaction made as if a payer had paid.

Nothing a payer could not cause is checked beyond the shape: any reference (reused ones too: a
second approval under one reference), any amount, any three-letter currency, any day up to now,
in any status a transaction can end in. The back office's tests build their mismatches with it.
Pure: the caller (state.Sandbox) owns ids, storage and events.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from mestore_desktop.sandbox import payments
from mestore_desktop.sandbox.clock import now, parse_iso
from mestore_desktop.sandbox.validation import (
    MSG_BOOLEAN,
    MSG_DATE,
    MSG_REQUIRED,
    Problems,
    check_amount,
    check_email,
    check_reference,
)

STATUSES = (
    payments.PENDING,
    payments.APPROVED,
    payments.DECLINED,
    payments.ERROR,
    payments.VOIDED,
)
# docs/wompi.md §11: the documented payment_method_type values.
METHOD_TYPES = (
    "CARD",
    "NEQUI",
    "PSE",
    "BANCOLOMBIA_TRANSFER",
    "BANCOLOMBIA_QR",
    "BANCOLOMBIA_COLLECT",
    "DAVIPLATA",
    "PCOL",
    "BANCOLOMBIA_BNPL",
    "SU_PLUS",
)
FIELDS = frozenset(
    {
        "reference",
        "amount_in_cents",
        "currency",
        "status",
        "payment_method_type",
        "payment_link_id",
        "created_at",
        "customer_email",
        "status_message",
        "silent",
    }
)
DEFAULT_EMAIL = "pagador@example.com"
# A clock a little ahead of ours is not "the future"; days ahead is a mistake in the test.
FUTURE_MARGIN = timedelta(minutes=5)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Injection:
    """A validated request. `reference` is None when a payment link's must be generated."""

    reference: str | None
    amount_in_cents: int
    currency: str
    status: str
    method_type: str
    payment_link_id: str | None
    created_at: datetime
    customer_email: str
    status_message: str | None
    silent: bool


def parse_injection(body: Mapping[str, Any], link_exists: Any) -> Injection:
    """The request, or SandboxValidationError naming every bad field (in Spanish).

    `link_exists(link_id) -> bool` answers whether the sandbox has that payment link."""
    problems = Problems()
    for unknown in sorted(set(body) - FIELDS):
        problems.add(unknown, "Campo desconocido; use: " + ", ".join(sorted(FIELDS)))
    link_id = _link(problems, body.get("payment_link_id"), link_exists)
    reference = body.get("reference")
    if reference is not None or link_id is None:
        check_reference(problems, reference)
    check_amount(problems, body.get("amount_in_cents"))
    currency = body.get("currency", "COP")
    if not isinstance(currency, str) or not _CURRENCY.match(currency):
        problems.add("currency", "Debe ser un código de moneda de tres letras mayúsculas (COP)")
    method = body.get("payment_method_type", "CARD")
    if not isinstance(method, str) or method not in METHOD_TYPES:
        problems.add("payment_method_type", "Debe ser uno de: " + ", ".join(METHOD_TYPES))
    status = _status(problems, body.get("status"), method)
    email = body.get("customer_email", DEFAULT_EMAIL)
    check_email(problems, email)
    message = body.get("status_message")
    if message is not None and not isinstance(message, str):
        problems.add("status_message", "Debe ser un texto")
    silent = body.get("silent", False)
    if not isinstance(silent, bool):
        problems.add("silent", MSG_BOOLEAN)
    created_at = _created_at(problems, body.get("created_at"))
    problems.raise_if_any()
    return Injection(
        reference=reference if isinstance(reference, str) else None,
        amount_in_cents=int(body["amount_in_cents"]),
        currency=str(currency),
        status=status,
        method_type=str(method),
        payment_link_id=link_id,
        created_at=created_at,
        customer_email=str(email),
        status_message=message,
        silent=bool(silent),
    )


def payment_method_json(method_type: str, status: str) -> dict[str, Any]:
    """A plausible `payment_method` for the type, as the hosted checkout would have made it."""
    if method_type == "CARD":
        code = payments.PROCESSOR_CODES.get(status)
        extra = {
            "bin": "424242",
            "name": "VISA-4242",
            "brand": "VISA",
            "exp_year": "35",
            "card_type": "CREDIT",
            "exp_month": "12",
            "last_four": "4242",
            "card_holder": "Pagador de Prueba",
            "is_three_ds": False,
            "three_ds_auth_type": None,
            "external_identifier": secrets.token_hex(5).upper(),
            "processor_response_code": code if status != payments.VOIDED else "00",
        }
        return {"type": "CARD", "extra": extra, "installments": 1}
    if method_type == "NEQUI":
        extra = {"transaction_id": "SANDBOX-" + secrets.token_hex(6).upper()}
        return {"type": "NEQUI", "extra": extra, "phone_number": payments.NEQUI_APPROVED}
    if method_type == "PSE":
        return {
            "type": "PSE",
            "extra": {"async_payment_url": None},
            "user_type": 0,
            "user_legal_id_type": "CC",
            "user_legal_id": "1020304050",
            "financial_institution_code": "1",
            "payment_description": "Pago MeStore",
        }
    return {"type": method_type, "extra": {}}


def default_status_message(method_type: str, status: str) -> str | None:
    return payments.STATUS_MESSAGES.get((method_type, status))


def _status(problems: Problems, value: Any, method: Any) -> str:
    if value is None:
        problems.add("status", MSG_REQUIRED)
        return ""
    if not isinstance(value, str) or value not in STATUSES:
        problems.add("status", "Debe ser uno de: " + ", ".join(STATUSES))
        return ""
    if value == payments.VOIDED and method != "CARD":
        problems.add("status", "Solo un pago con tarjeta (CARD) puede quedar anulado (VOIDED)")
    return value


def _link(problems: Problems, value: Any, link_exists: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add("payment_link_id", "Debe ser el id de un link de pago")
        return None
    if not link_exists(value):
        problems.add("payment_link_id", "El link de pago no existe")
        return None
    return value


def _created_at(problems: Problems, value: Any) -> datetime:
    moment = now()
    if value is None:
        return moment
    parsed = parse_iso(value) if isinstance(value, str) else None
    if parsed is None:
        problems.add("created_at", MSG_DATE)
        return moment
    if parsed > moment + FUTURE_MARGIN:
        problems.add("created_at", "No puede ser una fecha futura")
    return parsed
