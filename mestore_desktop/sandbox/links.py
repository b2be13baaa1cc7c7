"""Payment links (docs/wompi.md §7): validating a create body and the link object Wompi returns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mestore_desktop.sandbox.clock import parse_iso
from mestore_desktop.sandbox.config import random_alphanumeric
from mestore_desktop.sandbox.validation import (
    MSG_BOOLEAN,
    MSG_DATE,
    MSG_REQUIRED,
    Problems,
    check_amount,
    check_currency,
    check_taxes,
    optional_string,
    required_string,
)

SKU_MAX = 36
LABEL_MAX = 24
MAX_CUSTOMER_REFERENCES = 2

LINK_INACTIVE = "El link de pago está inactivo"
LINK_EXPIRED = "El link de pago ha expirado"
LINK_USED = "El link de pago ya fue pagado y es de un solo uso"


def new_link_id() -> str:
    """`test_` + 6 alphanumerics, like observed sandbox ids (`test_Bj99lR`)."""
    return "test_" + random_alphanumeric(6)


def link_reference(link_id: str, unix: int) -> str:
    """The auto-generated reference of a link payment: `<link id>_<unix>_<random>`."""
    return f"{link_id}_{unix}_{random_alphanumeric(9)}"


def validate_link(body: dict[str, Any]) -> dict[str, Any]:
    """The create fields, normalized, or SandboxValidationError listing every bad field."""
    problems = Problems()
    fields: dict[str, Any] = {
        "name": required_string(problems, body, "name"),
        "description": required_string(problems, body, "description"),
    }
    for flag in ("single_use", "collect_shipping"):
        fields[flag] = _required_bool(problems, body, flag)
    check_currency(problems, body.get("currency"))
    amount = body.get("amount_in_cents")
    if amount is not None:  # None or absent: open amount, the payer types it
        check_amount(problems, amount)
    fields["amount_in_cents"] = amount
    fields["sku"] = optional_string(problems, body, "sku")
    if fields["sku"] is not None and len(fields["sku"]) > SKU_MAX:
        problems.add("sku", "El SKU debe tener máximo 36 caracteres")
    fields["expires_at"] = _expires_at(problems, body)
    fields["redirect_url"] = optional_string(problems, body, "redirect_url")
    fields["image_url"] = optional_string(problems, body, "image_url")
    fields["customer_data"] = _customer_data(problems, body.get("customer_data"))
    fields["taxes"] = check_taxes(problems, body.get("taxes"))
    problems.raise_if_any()
    return fields


def link_json(link_id: str, fields: dict[str, Any], public_key: str, created: str) -> dict:
    """The object of a create/get response, keys in the order of the example response."""
    return {
        "id": link_id,
        "name": fields["name"],
        "description": fields["description"],
        "single_use": fields["single_use"],
        "collect_shipping": fields["collect_shipping"],
        "currency": "COP",
        "amount_in_cents": fields["amount_in_cents"],
        "sku": fields["sku"],
        "expires_at": fields["expires_at"],
        "redirect_url": fields["redirect_url"],
        "image_url": fields["image_url"],
        "active": True,
        "customer_data": fields["customer_data"],
        "taxes": fields["taxes"],
        "created_at": created,
        "updated_at": created,
        "merchant_public_key": public_key,
    }


def link_problem(link: dict[str, Any], approved_payments: int, moment: datetime) -> str | None:
    """Why the link cannot take a payment now, in Spanish, or None."""
    if not link["active"]:
        return LINK_INACTIVE
    expires = parse_iso(link["expires_at"]) if link["expires_at"] else None
    if expires is not None and expires <= moment:
        return LINK_EXPIRED
    if link["single_use"] and approved_payments > 0:
        return LINK_USED
    return None


def _required_bool(problems: Problems, body: dict[str, Any], field: str) -> bool:
    value = body.get(field)
    if isinstance(value, bool):
        return value
    problems.add(field, MSG_REQUIRED if value is None else MSG_BOOLEAN)
    return False


def _expires_at(problems: Problems, body: dict[str, Any]) -> str | None:
    value = optional_string(problems, body, "expires_at")
    if value is not None and parse_iso(value) is None:
        problems.add("expires_at", MSG_DATE)
        return None
    return value


def _customer_data(problems: Problems, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    refs = value.get("customer_references", []) if isinstance(value, dict) else None
    valid = (
        isinstance(refs, list)
        and len(refs) <= MAX_CUSTOMER_REFERENCES
        and all(_valid_customer_reference(r) for r in refs)
    )
    if not valid:
        problems.add(
            "customer_data",
            "customer_references admite hasta 2 campos {label (≤24), is_required}",
        )
        return None
    return {"customer_references": [dict(r) for r in refs]}


def _valid_customer_reference(ref: Any) -> bool:
    return (
        isinstance(ref, dict)
        and isinstance(ref.get("label"), str)
        and 0 < len(ref["label"]) <= LABEL_MAX
        and isinstance(ref.get("is_required"), bool)
    )
