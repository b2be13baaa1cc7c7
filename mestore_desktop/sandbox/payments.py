"""Payment methods: tokenization, the `payment_method` object of a transaction, and the sandbox
outcome each test input dictates (docs/wompi.md §5.1, §5.6, §8, §9), 3-D Secure included.

Everything here is pure: the caller (state.Sandbox) owns storage, ids and time.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from mestore_desktop.sandbox.validation import MSG_REQUIRED, Problems, is_int

APPROVED, DECLINED, ERROR, PENDING, VOIDED = "APPROVED", "DECLINED", "ERROR", "PENDING", "VOIDED"
FINAL_OUTCOMES = (APPROVED, DECLINED, ERROR)

CARD_APPROVED = "4242424242424242"
CARD_DECLINED = "4111111111111111"
NEQUI_APPROVED = "3991111111"
NEQUI_DECLINED = "3992222222"
PSE_BANKS = (
    ("1", "Banco que aprueba", APPROVED),
    ("2", "Banco que rechaza", DECLINED),
    ("3", "Banco que simula un error", ERROR),
)
LEGAL_ID_TYPES = {"CC", "CE", "NIT", "PP", "TI", "DNI", "RG", "OTHER"}

# 3-D Secure v2 (docs/wompi.md §9): the test cards, and the `three_ds_auth_type` values that force a
# scenario on the API (with `is_three_ds: true`). Once authenticated, a test card is approved.
THREE_DS_CHALLENGE = "challenge_v2"
THREE_DS_FRICTIONLESS = "no_challenge_success"
THREE_DS_DENIED = "challenge_denied"
THREE_DS_AUTH_ERROR = "authentication_error"
THREE_DS_VERSION_ERROR = "supported_version_error"
THREE_DS_CARDS = {
    "2303779951000446": THREE_DS_CHALLENGE,
    "2303779951000297": THREE_DS_FRICTIONLESS,
    "2303779951000453": THREE_DS_DENIED,  # frictionless, declined
    "2303779951000354": THREE_DS_AUTH_ERROR,
    "2303779951000347": THREE_DS_VERSION_ERROR,
}
THREE_DS_CHALLENGE_FAILED = "La autenticación 3D Secure no fue exitosa"
THREE_DS_CHALLENGE_CANCELLED = "El pagador canceló la autenticación 3D Secure"


@dataclass(frozen=True)
class ThreeDsScenario:
    """How authentication goes: the step shown in `three_ds_auth`, and the outcome it forces
    (None: authenticated, the card's own outcome follows)."""

    step: str
    step_status: str
    outcome: str | None = None
    status_message: str | None = None

    @property
    def challenge(self) -> bool:
        return self.step == "CHALLENGE"


# `three_ds_auth` {current_step, current_step_status}: an observed sandbox event carries
# AUTHENTICATION/COMPLETED; the other pairs are this simulator's, in the same shape.
THREE_DS_SCENARIOS = {
    THREE_DS_CHALLENGE: ThreeDsScenario("CHALLENGE", "PENDING"),
    THREE_DS_FRICTIONLESS: ThreeDsScenario("AUTHENTICATION", "COMPLETED"),
    THREE_DS_DENIED: ThreeDsScenario(
        "AUTHENTICATION", "DECLINED", "DECLINED", "El banco no autenticó al pagador (3D Secure)"
    ),
    THREE_DS_AUTH_ERROR: ThreeDsScenario(
        "AUTHENTICATION", "ERROR", "ERROR", "Error en la autenticación 3D Secure (simulado)"
    ),
    THREE_DS_VERSION_ERROR: ThreeDsScenario(
        "SUPPORTED_VERSION",
        "ERROR",
        "ERROR",
        "La tarjeta no admite la versión de 3D Secure requerida (simulado)",
    ),
}
PSE_DESCRIPTION_MAX = 30  # the sandbox page's limit (docs/wompi.md §8: use ≤30)

# ASCII only: str.isdigit and \d also accept "²" or "٣", which int() then refuses.
_PHONE = re.compile(r"^3[0-9]{9}$")
_DIGITS = re.compile(r"^[0-9]+$")

STATUS_MESSAGES = {
    ("CARD", DECLINED): "Fondos Insuficientes",
    ("CARD", ERROR): "Error en el procesamiento de la tarjeta (simulado)",
    ("NEQUI", DECLINED): "El usuario rechazó el pago en Nequi",
    ("NEQUI", ERROR): "Error en el procesamiento de Nequi (simulado)",
    ("PSE", DECLINED): "El banco rechazó la transacción",
    ("PSE", ERROR): "Error en la comunicación con el banco (simulado)",
}
PROCESSOR_CODES = {APPROVED: "00", DECLINED: "51", ERROR: "96"}
# A PSE payer who gives up at the bank: Wompi has no "cancelled" status (docs/wompi.md §4.5), so the
# transaction ends DECLINED and says why.
PSE_CANCELLED = "El pagador canceló el pago en el banco"


@dataclass(frozen=True)
class PaymentMethod:
    """A normalized `payment_method` and what the sandbox will do with it."""

    type: str
    json: dict[str, Any]
    outcome: str
    # PSE waits for the payer on the bank page, a 3-D Secure challenge on the ACS page;
    # everything else finalizes on its own.
    awaits_payer: bool = False
    # status -> status_message, where this method says more than STATUS_MESSAGES.
    status_messages: Mapping[str, str] = field(default_factory=dict)


def card_outcome(number: str) -> str:
    if number in THREE_DS_CARDS:
        return APPROVED  # once authenticated (the scenario decides whether it is)
    return {CARD_APPROVED: APPROVED, CARD_DECLINED: DECLINED}.get(number, ERROR)


def nequi_outcome(phone: str) -> str:
    return {NEQUI_APPROVED: APPROVED, NEQUI_DECLINED: DECLINED}.get(phone, ERROR)


def pse_outcome(code: str) -> str:
    return next((outcome for c, _, outcome in PSE_BANKS if c == code), ERROR)


def card_brand(number: str) -> str:
    if number.startswith("4"):
        return "VISA"
    if number[:2] in {"34", "37"}:
        return "AMEX"
    if "51" <= number[:2] <= "55" or "2221" <= number[:4] <= "2720":
        return "MASTERCARD"
    return "UNKNOWN"


def validate_card(body: dict[str, Any], today: datetime) -> dict[str, str]:
    """The card fields of `POST /v1/tokens/cards`, or SandboxValidationError."""
    problems = Problems()
    number = body.get("number")
    number = number.replace(" ", "") if isinstance(number, str) else None
    if number is None or not _DIGITS.match(number) or not 13 <= len(number) <= 19:
        problems.add("number", "El número de tarjeta debe tener entre 13 y 19 dígitos")
    cvc = body.get("cvc")
    if not isinstance(cvc, str) or not _DIGITS.match(cvc) or len(cvc) not in (3, 4):
        problems.add("cvc", "El código de seguridad debe tener 3 o 4 dígitos")
    month, year = body.get("exp_month"), body.get("exp_year")
    if not _two_digits(month) or not 1 <= int(month) <= 12:
        problems.add("exp_month", "El mes debe tener dos dígitos (01 a 12)")
    if not _two_digits(year):
        problems.add("exp_year", "El año debe tener dos dígitos")
    elif "exp_month" not in problems and (2000 + int(year), int(month)) < (today.year, today.month):
        problems.add("exp_year", "La tarjeta está vencida")
    holder = body.get("card_holder")
    if not isinstance(holder, str) or len(holder.strip()) < 5:
        problems.add("card_holder", "El nombre del titular debe tener al menos 5 caracteres")
    problems.raise_if_any()
    return {
        "number": str(number),
        "exp_month": str(month),
        "exp_year": str(year),
        "card_holder": str(holder).strip(),
    }


def card_token_record(token_id: str, card: dict[str, str], created: str, expires: str) -> dict:
    """The stored token: the public `data` of the response plus the outcome it will produce.

    The full number is not kept, only what Wompi itself echoes (bin, last four) and the outcome.
    """
    number = card["number"]
    brand = card_brand(number)
    return {
        "id": token_id,
        "created_at": created,
        "brand": brand,
        "name": f"{brand}-{number[-4:]}",
        "last_four": number[-4:],
        "bin": number[:6],
        "exp_year": card["exp_year"],
        "exp_month": card["exp_month"],
        "card_holder": card["card_holder"],
        "expires_at": expires,
        "outcome": card_outcome(number),
        "three_ds": THREE_DS_CARDS.get(number),
    }


CARD_TOKEN_PUBLIC_KEYS = (
    "id",
    "created_at",
    "brand",
    "name",
    "last_four",
    "bin",
    "exp_year",
    "exp_month",
    "card_holder",
    "expires_at",
)


def validate_phone(problems: Problems, value: Any, field: str = "phone_number") -> str:
    if isinstance(value, str) and _PHONE.match(value):
        return value
    problems.add(field, "El número de celular debe tener 10 dígitos y empezar por 3")
    return ""


def payment_method(
    raw: Any,
    *,
    card_tokens: dict[str, dict[str, Any]],
    customer_data: dict[str, Any] | None,
    problems: Problems,
    three_ds_auth_type: str | None = None,
) -> PaymentMethod | None:
    """Normalize `payment_method`, adding problems under `payment_method` (flat, Spanish).

    A card goes through 3-D Secure when it is a 3DS test card, or when the API asked for it
    (`three_ds_auth_type`, already validated, then also echoed in `extra`).
    """
    method = _payment_method(raw, card_tokens, customer_data, problems)
    if method is None or method.type != "CARD":
        return method
    scenario = card_tokens[raw["token"]].get("three_ds") or three_ds_auth_type
    return with_three_ds(method, scenario, three_ds_auth_type) if scenario else method


def with_three_ds(method: PaymentMethod, scenario: str, requested: str | None) -> PaymentMethod:
    """`method` going through the 3-D Secure `scenario`."""
    plan = THREE_DS_SCENARIOS[scenario]
    json = copy.deepcopy(method.json)
    json["extra"].update(
        is_three_ds=True,
        three_ds_auth_type=requested,
        three_ds_auth={"current_step": plan.step, "current_step_status": plan.step_status},
    )
    outcome = plan.outcome or method.outcome
    messages = {outcome: plan.status_message} if plan.status_message else {}
    return replace(
        method, json=json, outcome=outcome, awaits_payer=plan.challenge, status_messages=messages
    )


def _payment_method(
    raw: Any,
    card_tokens: dict[str, dict[str, Any]],
    customer_data: dict[str, Any] | None,
    problems: Problems,
) -> PaymentMethod | None:
    if not isinstance(raw, dict):
        problems.add("payment_method", MSG_REQUIRED if raw is None else "Debe ser un objeto")
        return None
    kind = raw.get("type")
    builder = {"CARD": _card, "NEQUI": _nequi, "PSE": _pse}.get(
        kind if isinstance(kind, str) else ""
    )
    if builder is None:
        problems.add("payment_method", "El tipo de medio de pago debe ser CARD, NEQUI o PSE")
        return None
    return builder(raw, card_tokens, customer_data, problems)


def _card(
    raw: dict[str, Any], tokens: dict[str, dict[str, Any]], _: Any, problems: Problems
) -> PaymentMethod | None:
    token = tokens.get(raw.get("token")) if isinstance(raw.get("token"), str) else None
    if token is None:
        problems.add("payment_method", "El token de la tarjeta es inválido")
    installments = raw.get("installments")
    if not is_int(installments) or not 1 <= installments <= 36:
        problems.add("payment_method", "Las cuotas (installments) deben ser un entero de 1 a 36")
    if token is None or "payment_method" in problems:
        return None
    extra = {
        "bin": token["bin"],
        "name": token["name"],
        "brand": token["brand"],
        "exp_year": token["exp_year"],
        "card_type": "CREDIT",
        "exp_month": token["exp_month"],
        "last_four": token["last_four"],
        "card_holder": token["card_holder"],
        "is_three_ds": False,
        "three_ds_auth_type": None,
        "external_identifier": secrets.token_hex(5).upper(),
        "processor_response_code": None,  # set when the transaction finalizes
    }
    json = {"type": "CARD", "extra": extra, "installments": installments}
    return PaymentMethod("CARD", json, token["outcome"])


def _nequi(raw: dict[str, Any], _: Any, __: Any, problems: Problems) -> PaymentMethod | None:
    phone = validate_phone(problems, raw.get("phone_number"), "payment_method")
    if not phone:
        return None
    extra = {"transaction_id": "SANDBOX-" + secrets.token_hex(6).upper()}
    json = {"type": "NEQUI", "extra": extra, "phone_number": phone}
    return PaymentMethod("NEQUI", json, nequi_outcome(phone))


def _pse(
    raw: dict[str, Any], _: Any, customer_data: dict[str, Any] | None, problems: Problems
) -> PaymentMethod | None:
    before = len(problems.messages.get("payment_method", []))
    fields = _pse_fields(raw, problems)
    customer = customer_data or {}
    if not all(isinstance(customer.get(k), str) and customer[k] for k in _PSE_CUSTOMER):
        problems.add("customer_data", "PSE requiere full_name y phone_number del pagador")
    if len(problems.messages.get("payment_method", [])) > before or "customer_data" in problems:
        return None
    json = {"type": "PSE", "extra": {"async_payment_url": None}, **fields}
    code = fields["financial_institution_code"]
    return PaymentMethod("PSE", json, pse_outcome(code), awaits_payer=True)


_PSE_CUSTOMER = ("full_name", "phone_number")


def _is_one_of(value: Any, allowed: set[str]) -> bool:
    # A JSON list or object is unhashable: test the type first so it is a 422, not a 500.
    return isinstance(value, str) and value in allowed


def _pse_fields(raw: dict[str, Any], problems: Problems) -> dict[str, Any]:
    user_type = raw.get("user_type")
    if user_type not in (0, 1) or isinstance(user_type, bool):
        problems.add("payment_method", "user_type debe ser 0 (persona) o 1 (empresa)")
    if not _is_one_of(raw.get("user_legal_id_type"), LEGAL_ID_TYPES):
        problems.add("payment_method", "user_legal_id_type debe ser CC, NIT, CE, PP o TI")
    legal_id = raw.get("user_legal_id")
    if not isinstance(legal_id, str) or not legal_id.strip():
        problems.add("payment_method", "user_legal_id es obligatorio")
    code = raw.get("financial_institution_code")
    if not _is_one_of(code, {c for c, _, _ in PSE_BANKS}):
        problems.add("payment_method", "financial_institution_code no es un banco válido")
    description = raw.get("payment_description")
    if not isinstance(description, str) or not 0 < len(description) <= PSE_DESCRIPTION_MAX:
        problems.add("payment_method", "payment_description debe tener de 1 a 30 caracteres")
    optional = {
        k: raw[k] for k in ("reference_one", "reference_two", "reference_three") if k in raw
    }
    return {
        "user_type": user_type,
        "user_legal_id_type": raw.get("user_legal_id_type"),
        "user_legal_id": legal_id,
        "financial_institution_code": code,
        "payment_description": description,
        **optional,
    }


def _two_digits(value: Any) -> bool:
    return isinstance(value, str) and _DIGITS.match(value) is not None and len(value) == 2
