"""Collecting field problems the way Wompi reports them: every bad field, each with Spanish text."""

from __future__ import annotations

import re
from typing import Any

from mestore_desktop.sandbox.errors import SandboxValidationError

MAX_AMOUNT_IN_CENTS = 1_000_000_000_000  # docs/wompi.md §5.1 (spec maximum)
MAX_REFERENCE_LENGTH = 255
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

MSG_REQUIRED = "Este campo es obligatorio"
MSG_STRING = "Debe ser un texto"
MSG_OBJECT = "Debe ser un objeto"
MSG_BOOLEAN = "Debe ser verdadero o falso"
MSG_AMOUNT = "Debe ser un número entero positivo de centavos (máximo 1.000.000.000.000)"
MSG_CURRENCY = "La moneda debe ser COP"
MSG_REFERENCE = "La referencia debe tener entre 1 y 255 caracteres"
MSG_REFERENCE_USED = "La referencia ya ha sido usada"
MSG_EMAIL = "El correo electrónico es inválido"
MSG_SIGNATURE = "La firma es inválida"
MSG_DATE = "Debe ser una fecha ISO 8601"


class Problems:
    """Accumulates `field -> [messages]` and raises them together."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.messages.setdefault(field, []).append(message)

    def __contains__(self, field: str) -> bool:
        return field in self.messages

    def raise_if_any(self) -> None:
        if self.messages:
            raise SandboxValidationError(self.messages)


def is_int(value: Any) -> bool:
    # JSON true/false arrive as bool, which Python also counts as int.
    return isinstance(value, int) and not isinstance(value, bool)


def check_amount(problems: Problems, value: Any, field: str = "amount_in_cents") -> None:
    if not is_int(value) or not 0 < value <= MAX_AMOUNT_IN_CENTS:
        problems.add(field, MSG_AMOUNT)


def check_currency(problems: Problems, value: Any) -> None:
    if value != "COP":
        problems.add("currency", MSG_CURRENCY)


def check_reference(problems: Problems, value: Any) -> None:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_REFERENCE_LENGTH:
        problems.add("reference", MSG_REFERENCE)


def check_email(problems: Problems, value: Any, field: str = "customer_email") -> None:
    if not isinstance(value, str) or not _EMAIL.match(value):
        problems.add(field, MSG_EMAIL)


def optional_string(problems: Problems, body: dict[str, Any], field: str) -> str | None:
    value = body.get(field)
    if value is None or isinstance(value, str):
        return value
    problems.add(field, MSG_STRING)
    return None


def required_string(problems: Problems, body: dict[str, Any], field: str) -> str:
    value = body.get(field)
    if isinstance(value, str) and value.strip():
        return value
    problems.add(field, MSG_REQUIRED if value is None else MSG_STRING)
    return ""


def optional_object(problems: Problems, value: Any, field: str) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    problems.add(field, MSG_OBJECT)
    return None


def check_taxes(problems: Problems, value: Any) -> list[dict[str, Any]]:
    """`[{"type": "VAT"|"CONSUMPTION", "amount_in_cents": n}]`; informational only."""
    if value is None:
        return []
    valid = isinstance(value, list) and all(
        isinstance(t, dict)
        and isinstance(t.get("type"), str)
        and t["type"] in {"VAT", "CONSUMPTION"}
        and is_int(t.get("amount_in_cents"))
        and t["amount_in_cents"] >= 0
        for t in value
    )
    if not valid:
        problems.add("taxes", "Cada impuesto necesita type (VAT o CONSUMPTION) y amount_in_cents")
        return []
    return [{"type": t["type"], "amount_in_cents": t["amount_in_cents"]} for t in value]
