"""`POST /_sandbox/payment_links/{id}/pay`: pay a link as a customer would on its page.

Body: `{"method": "CARD" | "NEQUI" | "PSE", "outcome": "APPROVED" | "DECLINED" | "ERROR",
"amount_in_cents": n}` (the amount only for an open-amount link, in whole pesos).

The control fills the link page's own form (pages.parse_payment) with the test data that gives
the outcome asked for (docs/wompi.md §9: a card, a Nequi phone, a PSE bank), creates the
transaction exactly as the page's POST /l/{id}/pay does (the link's id, the generated
`<link id>_<unix>_<random>` reference, the link's redirect URL), then settles it as the payer's
card network, Nequi app or bank would: the same transaction and the same `transaction.updated`
event as a payment made on the page. An inactive, expired or already paid single-use link is
refused as on the page, with Wompi's message (422 under `payment_link_id`); an unknown link is
a 404; any other bad input is a 422, never a 500.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from mestore_desktop.domain.money import MAX_CENTS
from mestore_desktop.sandbox.errors import (
    SandboxNotFoundError,
    SandboxStateError,
    SandboxValidationError,
)
from mestore_desktop.sandbox.httpkit import data, json_object, sandbox_of
from mestore_desktop.sandbox.pages import CURRENCY, PaymentFormError, parse_payment
from mestore_desktop.sandbox.payments import APPROVED, DECLINED, ERROR
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.sandbox.validation import Problems, is_int

METHODS = ("CARD", "NEQUI", "PSE")
OUTCOMES = (APPROVED, DECLINED, ERROR)
PAYER_EMAIL = "cliente.link@example.com"
PAYER_NAME = "Cliente de Prueba"

# The test data that makes each method end as asked (payments.card_outcome & co.). The ERROR
# card is any valid number the sandbox does not know: it fails in processing.
_CARDS = {APPROVED: "4242424242424242", DECLINED: "4111111111111111", ERROR: "4000000000000002"}
_NEQUI_PHONES = {APPROVED: "3991111111", DECLINED: "3992222222", ERROR: "3993333333"}
_PSE_BANKS = {APPROVED: "1", DECLINED: "2", ERROR: "3"}

MSG_METHOD = "Debe ser CARD, NEQUI o PSE"
MSG_OUTCOME = "Debe ser APPROVED, DECLINED o ERROR"
MSG_FIXED = "El link tiene monto fijo: no envíe amount_in_cents"
MSG_OPEN = "El link es de monto abierto: indique amount_in_cents (pesos completos)"
MSG_WHOLE = "Debe ser un entero positivo de centavos en pesos completos (termina en 00)"


async def pay_link_control(request: Request) -> Response:
    body = await json_object(request)
    tx = pay_link(sandbox_of(request), request.path_params["link_id"], body)
    return data(tx, status_code=201)


def pay_link(sandbox: Sandbox, link_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """Pay `link_id` as its page would; the final transaction's GET JSON. Raises
    SandboxNotFoundError (404) or SandboxValidationError (422)."""
    problems = Problems()
    method = _choice(problems, body, "method", METHODS, MSG_METHOD)
    outcome = _choice(problems, body, "outcome", OUTCOMES, MSG_OUTCOME)
    link = sandbox.get_payment_link(link_id)
    if link is None:
        raise SandboxNotFoundError(link_id)
    amount = _amount(problems, link, body)
    problems.raise_if_any()
    refusal = sandbox.payment_link_problem(link_id)
    if refusal is not None:  # what the page says too, before any form is shown
        problems.add("payment_link_id", refusal)
        problems.raise_if_any()
    try:
        payment = parse_payment(_form(sandbox, method, outcome), sandbox)
    except PaymentFormError as exc:  # the test data is the page's own: a bug, said as a 422
        raise SandboxValidationError.single("method", str(exc)) from exc
    created = sandbox.create_transaction(  # the arguments of the page's own POST /l/{id}/pay
        amount_in_cents=amount,
        currency=CURRENCY,
        reference=None,  # generated: <link id>_<unix seconds>_<random>
        customer_email=payment.customer_email,
        payment_method=payment.payment_method,
        redirect_url=link.get("redirect_url") or None,
        payment_link_id=link_id,
        customer_data=payment.customer_data or None,
    )
    # A sandbox finalizing on its own may have settled it already, with this same outcome.
    with contextlib.suppress(SandboxStateError):
        sandbox.resolve(str(created["id"]), outcome)
    settled = sandbox.get_transaction(str(created["id"]))
    assert settled is not None  # noqa: S101  created above, never removed
    return settled


def _choice(
    problems: Problems, body: Mapping[str, Any], field: str, allowed: tuple[str, ...], msg: str
) -> str:
    value = body.get(field)
    if isinstance(value, str) and value in allowed:
        return value
    problems.add(field, msg)
    return allowed[0]


def _amount(problems: Problems, link: Mapping[str, Any], body: Mapping[str, Any]) -> int:
    fixed = link.get("amount_in_cents")
    given = body.get("amount_in_cents")
    if fixed is not None:
        if given is not None:
            problems.add("amount_in_cents", MSG_FIXED)
        return int(fixed)
    if given is None:
        problems.add("amount_in_cents", MSG_OPEN)
    elif not is_int(given) or not 0 < given <= MAX_CENTS or given % 100:
        problems.add("amount_in_cents", MSG_WHOLE)
    return given if is_int(given) else 0


def _form(sandbox: Sandbox, method: str, outcome: str) -> dict[str, str]:
    """What the payer types in the page's form for `method`, to end as `outcome`."""
    form = {"method": method, "customer_email": PAYER_EMAIL}
    if method == "CARD":
        year = sandbox.clock.now().year + 3
        form |= {
            "card_number": _CARDS[outcome],
            "card_expiry": f"12/{year % 100:02d}",
            "card_cvc": "123",
            "card_holder": PAYER_NAME,
        }
    elif method == "NEQUI":
        form["nequi_phone"] = _NEQUI_PHONES[outcome]
    else:
        form |= {
            "pse_bank": _PSE_BANKS[outcome],
            "pse_user_type": "0",
            "pse_legal_id_type": "CC",
            "pse_legal_id": "1020304050",
            "full_name": PAYER_NAME,
            "phone_number": "3001112233",
        }
    return form
