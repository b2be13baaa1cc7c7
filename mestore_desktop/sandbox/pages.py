"""The simulator's HTML pages: hosted Web Checkout, payment-link page, PSE bank page and the
card issuer's 3-D Secure challenge page.

They mirror what a payer sees on checkout.wompi.co (docs/wompi.md §2, §7, §8, §12.7):

* ``GET /p/?public-key=…&signature:integrity=…`` verifies the signed checkout parameters and
  offers Tarjeta, Nequi and PSE; each method is a plain form (no JavaScript needed) that POSTs to
  ``/p/pay`` with the original parameters in hidden fields, which are verified again.
* ``GET /l/{link_id}`` does the same for a payment link (``/l/{link_id}/pay``), with the
  auto-generated reference ``<link id>_<unix seconds>_<random>``.
* ``GET|POST /_sandbox/pse/{tx_id}`` is the test bank a PSE payer is sent to; besides the three
  outcomes it offers "Cancelar", a payer who gives up at the bank (DECLINED, docs/wompi.md §4.5).
* ``GET|POST /_sandbox/3ds/{tx_id}`` is the issuer's 3-D Secure challenge (docs/wompi.md §9: the
  challenge card ``2303 7799 5100 0446``), served on ``config.bank_url``: a host of its own, as
  a bank's ACS is. The payer types the test code (authenticated: the card's outcome) or fails or
  cancels (DECLINED), then returns to the shop.

After paying, the browser goes (303) to ``redirect-url?id=<transaction id>&env=test``
(docs/wompi.md §2.3), to the PSE bank page, to ``/p/verify/{tx_id}`` (which sends it on to the
challenge page), or to a result page that refreshes itself while the transaction is pending.

Everything that came from a URL or a form is escaped before it reaches the HTML; bad input
gives a Spanish error page with 400, 404 or 422, never a 500.
"""

from __future__ import annotations

import functools
import html
import re
import string
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from mestore_desktop.domain.money import MAX_CENTS, Money, MoneyError
from mestore_desktop.sandbox import payments
from mestore_desktop.sandbox.clock import parse_iso
from mestore_desktop.sandbox.state import (
    Sandbox,
    SandboxNotFoundError,
    SandboxStateError,
    SandboxValidationError,
)

Handler = Callable[[Request], Awaitable[Response]]

CURRENCY = "COP"
COLOMBIA = timezone(timedelta(hours=-5), "COT")
REQUIRED_PARAMS = ("public-key", "currency", "amount-in-cents", "reference", "signature:integrity")
_CARRIED_PARAMS = frozenset(
    {*REQUIRED_PARAMS, "redirect-url", "expiration-time", "collect-shipping"}
    | {"collect-customer-legal-id"}
)
_CARRIED_PREFIXES = ("customer-data:", "shipping-address:", "tax-in-cents:", "payment-method:")
_MAX_FORM_BYTES = 64 * 1024
_MAX_FIELDS = 100
_DIGITS = re.compile(r"[0-9]{1,13}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_EXPIRY = re.compile(r"\s*([0-9]{1,2})\s*/\s*([0-9]{2}|[0-9]{4})\s*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
LEGAL_ID_TYPES = {"CC": "Cédula de ciudadanía", "CE": "Cédula de extranjería", "NIT": "NIT"}
LEGAL_ID_TYPES |= {"PP": "Pasaporte", "TI": "Tarjeta de identidad"}
USER_TYPES = {"0": "Persona natural", "1": "Persona jurídica"}
STATUS_TEXT = {
    "APPROVED": ("Pago aprobado", "Tu pago fue aprobado."),
    "DECLINED": ("Pago rechazado", "El pago fue rechazado. No se hizo ningún cobro."),
    "ERROR": ("Error en el pago", "Hubo un error al procesar el pago. No se hizo ningún cobro."),
    "VOIDED": ("Pago anulado", "El pago fue anulado."),
    "PENDING": (
        "Pago en proceso",
        "Estamos esperando la respuesta. Esta página se actualiza sola.",
    ),
}
METHOD_NAMES = {"CARD": "Tarjeta", "NEQUI": "Nequi", "PSE": "PSE"}
# The PSE bank's answers: a final status, and the status message where it says more.
BANK_RESOLUTIONS = {
    "APPROVED": ("APPROVED", None),
    "DECLINED": ("DECLINED", None),
    "ERROR": ("ERROR", None),
    "CANCELLED": ("DECLINED", payments.PSE_CANCELLED),
}
# What the sandbox's issuer "sends by SMS" for a 3-D Secure challenge (shown on its page).
CHALLENGE_CODE = "123456"


class PageError(Exception):
    """A request the page refuses; rendered as a Spanish error page with `status`."""

    def __init__(
        self, status: int, heading: str, message: str, details: Iterable[str] = ()
    ) -> None:
        super().__init__(message)
        self.status = status
        self.heading = heading
        self.message = message
        self.details = list(details)


@dataclass(frozen=True, slots=True)
class Checkout:
    """Verified Web Checkout parameters (docs/wompi.md §2.1)."""

    reference: str
    amount_in_cents: int
    redirect_url: str | None
    expires_at: datetime | None
    params: dict[str, str]

    def customer(self, name: str) -> str:
        """A `customer-data:<name>` parameter, or empty."""
        return self.params.get(f"customer-data:{name}", "")


@dataclass(frozen=True, slots=True)
class Payment:
    """What the payer entered for one method, shaped for `Sandbox.create_transaction`."""

    method: str
    payment_method: dict[str, Any]
    customer_email: str
    customer_data: dict[str, str] = field(default_factory=dict)


class PaymentFormError(Exception):
    """The payer's entries for one method are incomplete or invalid."""

    def __init__(self, method: str, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.method = method
        self.problems = problems


def page_routes(sandbox: Sandbox) -> list[BaseRoute]:
    """The payer-facing routes, to be mounted by the sandbox app."""
    pages = _Pages(sandbox)
    return [
        Route("/p/", _guarded(pages.checkout), methods=["GET"]),
        Route("/p/pay", _guarded(pages.checkout_pay), methods=["POST"]),
        Route("/p/result/{tx_id}", _guarded(pages.result), methods=["GET"]),
        Route("/l/{link_id}", _guarded(pages.link), methods=["GET"]),
        Route("/l/{link_id}/pay", _guarded(pages.link_pay), methods=["POST"]),
        Route("/_sandbox/pse/{tx_id}", _guarded(pages.bank), methods=["GET"]),
        Route("/_sandbox/pse/{tx_id}", _guarded(pages.bank_resolve), methods=["POST"]),
        Route("/p/verify/{tx_id}", _guarded(pages.verify), methods=["GET"]),
        Route("/_sandbox/3ds/{tx_id}", _guarded(pages.challenge), methods=["GET"]),
        Route("/_sandbox/3ds/{tx_id}", _guarded(pages.challenge_answer), methods=["POST"]),
    ]


def _guarded(handler: Handler) -> Handler:
    """Turn a PageError raised by `handler` into its error page."""

    @functools.wraps(handler)
    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except PageError as problem:
            return error_page(problem)

    return endpoint


class _Pages:
    """The endpoints, bound to one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    # -- Web Checkout ------------------------------------------------------------------------

    async def checkout(self, request: Request) -> Response:
        """GET /p/: the hosted checkout for signed parameters."""
        checkout = parse_checkout(self.sandbox, _query(request))
        return self._checkout_page(checkout)

    async def checkout_pay(self, request: Request) -> Response:
        """POST /p/pay: verify the carried parameters again, then pay."""
        form = await read_form(request)
        checkout = parse_checkout(self.sandbox, form)
        try:
            payment = parse_payment(form, self.sandbox)
        except PaymentFormError as problem:
            return self._checkout_page(checkout, form=form, problem=problem)
        tx = self._create(
            payment,
            amount_in_cents=checkout.amount_in_cents,
            reference=checkout.reference,
            redirect_url=checkout.redirect_url,
            extra_customer=_checkout_customer_data(checkout),
        )
        return self._after_payment(tx, checkout.redirect_url)

    def _checkout_page(
        self,
        checkout: Checkout,
        *,
        form: Mapping[str, str] | None = None,
        problem: PaymentFormError | None = None,
    ) -> HTMLResponse:
        facts = [("Referencia", checkout.reference)]
        if checkout.expires_at is not None:
            facts.append(("Paga antes de", _colombia_time(checkout.expires_at)))
        facts += _tax_facts(checkout.params)
        summary = render_summary(
            self._merchant, "Pago en línea", checkout.amount_in_cents, facts, fact_ids=True
        )
        values = _prefill(checkout, form)
        methods = self._methods(
            "/p/pay", checkout.params, checkout.amount_in_cents, values, problem
        )
        return render_page("Pagar", summary + methods, status=422 if problem else 200)

    # -- Payment links -----------------------------------------------------------------------

    async def link(self, request: Request) -> Response:
        """GET /l/{link_id}: the payment link, or why it cannot be paid."""
        link_id = request.path_params["link_id"]
        link = self._payable_link(link_id)
        fixed = link.get("amount_in_cents")
        if fixed is not None:
            return self._link_page(link, int(fixed), {})
        text = request.query_params.get("monto")
        if text is None:
            return self._open_amount_page(link)
        try:
            amount = parse_pesos(text)
        except MoneyError as problem:
            return self._open_amount_page(link, text=text, problem=str(problem))
        return self._link_page(link, amount, {"amount-in-cents": str(amount)})

    async def link_pay(self, request: Request) -> Response:
        """POST /l/{link_id}/pay: pay the link with an auto-generated reference."""
        link_id = request.path_params["link_id"]
        form = await read_form(request)
        link = self._payable_link(link_id)
        amount, hidden = self._link_amount(link, form)
        try:
            payment = parse_payment(form, self.sandbox)
        except PaymentFormError as problem:
            return self._link_page(link, amount, hidden, form=form, problem=problem)
        redirect_url = link.get("redirect_url") or None
        tx = self._create(
            payment,
            amount_in_cents=amount,
            reference=None,  # the sandbox generates <link id>_<unix seconds>_<random>
            redirect_url=redirect_url,
            payment_link_id=link_id,
        )
        return self._after_payment(tx, redirect_url)

    def _payable_link(self, link_id: str) -> dict[str, Any]:
        link = self.sandbox.get_payment_link(link_id)
        if link is None:
            raise PageError(
                404,
                "Link de pago no encontrado",
                "Este link de pago no existe. Revisa que la dirección esté completa.",
            )
        problem = self.sandbox.payment_link_problem(link_id)
        if problem:
            raise PageError(422, "Este link de pago no se puede pagar", problem)
        return link

    def _link_amount(
        self, link: Mapping[str, Any], form: Mapping[str, str]
    ) -> tuple[int, dict[str, str]]:
        fixed = link.get("amount_in_cents")
        if fixed is not None:
            return int(fixed), {}
        text = form.get("amount-in-cents", "")
        amount = _int_cents(text)
        if amount is None or amount % 100:
            raise PageError(
                400, "Monto no válido", "Vuelve a abrir el link de pago y escribe el monto."
            )
        return amount, {"amount-in-cents": str(amount)}

    def _link_page(
        self,
        link: Mapping[str, Any],
        amount: int,
        hidden: Mapping[str, str],
        *,
        form: Mapping[str, str] | None = None,
        problem: PaymentFormError | None = None,
    ) -> HTMLResponse:
        facts = []
        expires_at = parse_iso(str(link["expires_at"])) if link.get("expires_at") else None
        if expires_at is not None:
            facts.append(("Vence", _colombia_time(expires_at)))
        summary = render_summary(
            self._merchant,
            str(link.get("name") or "Link de pago"),
            amount,
            facts,
            description=str(link.get("description") or ""),
        )
        action = f"/l/{quote(str(link['id']), safe='')}/pay"
        values = _prefill(None, form)
        methods = self._methods(action, hidden, amount, values, problem)
        return render_page(
            str(link.get("name") or "Link de pago"),
            summary + methods,
            status=422 if problem else 200,
        )

    def _open_amount_page(
        self, link: Mapping[str, Any], *, text: str = "", problem: str = ""
    ) -> HTMLResponse:
        description = str(link.get("description") or "")
        head = _template("summary.html").substitute(
            merchant=escape(self._merchant),
            title=escape(link.get("name") or "Link de pago"),
            description=f'<p class="description">{escape(description)}</p>' if description else "",
            amount="",
            facts="",
        )
        body = _template("open_amount.html").substitute(
            action=escape(f"/l/{quote(str(link['id']), safe='')}"),
            errors=render_problems([problem]) if problem else "",
            value=escape(text),
        )
        return render_page("Link de pago", head + body, status=422 if problem else 200)

    # -- After paying ------------------------------------------------------------------------

    def _create(
        self,
        payment: Payment,
        *,
        amount_in_cents: int,
        reference: str | None,
        redirect_url: str | None,
        payment_link_id: str | None = None,
        extra_customer: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        customer_data = {**(extra_customer or {}), **payment.customer_data}
        try:
            return self.sandbox.create_transaction(
                amount_in_cents=amount_in_cents,
                currency=CURRENCY,
                reference=reference,
                customer_email=payment.customer_email,
                payment_method=payment.payment_method,
                redirect_url=redirect_url,
                payment_link_id=payment_link_id,
                customer_data=customer_data or None,
            )
        except SandboxValidationError as problem:
            raise PageError(
                422,
                "No se pudo crear el pago",
                "Wompi rechazó los datos del pago.",
                _validation_lines(problem.messages),
            ) from problem

    def _after_payment(self, tx: Mapping[str, Any], redirect_url: str | None) -> Response:
        """Send the payer on: PSE bank, 3-D Secure challenge, the merchant's redirect URL, or
        the result page."""
        method = tx.get("payment_method") or {}
        extra = method.get("extra") or {}
        if method.get("type") == "PSE" and extra.get("async_payment_url"):
            return RedirectResponse(str(extra["async_payment_url"]), status_code=303)
        if self.sandbox.challenge_url(str(tx["id"])):
            return RedirectResponse(f"/p/verify/{quote(str(tx['id']), safe='')}", status_code=303)
        return self._finish(tx, redirect_url)

    def _finish(
        self, tx: Mapping[str, Any], redirect_url: str | None, *, from_bank: bool = False
    ) -> Response:
        """To the merchant's redirect URL, else to the result page on the checkout's host
        (named in full `from_bank`: the bank's pages may live on a host of their own)."""
        if redirect_url:
            return RedirectResponse(return_url(redirect_url, str(tx["id"])), status_code=303)
        return RedirectResponse(self._result_url(str(tx["id"]), from_bank), status_code=303)

    def _result_url(self, tx_id: str, absolute: bool) -> str:
        path = f"/p/result/{quote(tx_id, safe='')}"
        return self.sandbox.config.base_url + path if absolute else path

    async def result(self, request: Request) -> Response:
        """GET /p/result/{tx_id}: the outcome; refreshes itself while pending."""
        tx = self._transaction(request.path_params["tx_id"])
        status = str(tx.get("status", "PENDING"))
        heading, message = STATUS_TEXT.get(status, STATUS_TEXT["PENDING"])
        if status in ("DECLINED", "ERROR") and tx.get("status_message"):
            message = f"{message} Motivo: {tx['status_message']}"
        next_link = ""
        challenge = self.sandbox.challenge_url(str(tx["id"]))
        if challenge:
            message = "Tu banco pide confirmar la compra (3-D Secure). Completa su verificación."
            link = f'<a class="button" href="{escape(challenge)}" target="_blank">'
            next_link = link + "Abrir la verificación del banco</a>"
        elif status != "PENDING" and tx.get("redirect_url"):
            url = return_url(str(tx["redirect_url"]), str(tx["id"]))
            next_link = f'<a class="button" href="{escape(url)}">Volver al comercio</a>'
        body = _template("result.html").substitute(
            status=escape(status),
            status_class=escape(status.lower()),
            merchant=escape(self._merchant),
            heading=escape(heading),
            message=escape(message),
            amount=escape(_money(tx.get("amount_in_cents"))),
            facts=render_facts(_transaction_facts(tx)),
            next=next_link,
        )
        return render_page(heading, body, refresh_s=2 if status == "PENDING" else None)

    # -- PSE bank ----------------------------------------------------------------------------

    async def bank(self, request: Request) -> Response:
        """GET /_sandbox/pse/{tx_id}: the test bank where the payer picks the outcome."""
        tx = self._pse_transaction(request.path_params["tx_id"])
        if tx.get("status") != "PENDING":
            return RedirectResponse(self._result_url(str(tx["id"]), False), status_code=303)
        code = str(tx["payment_method"].get("financial_institution_code", ""))
        focus = {"1": "APPROVED", "2": "DECLINED"}.get(code, "ERROR")
        body = _template("bank.html").substitute(
            bank=escape(self._bank_name(code)),
            merchant=escape(self._merchant),
            amount=escape(_money(tx.get("amount_in_cents"))),
            facts=render_facts(_transaction_facts(tx)),
            action=escape(f"/_sandbox/pse/{quote(str(tx['id']), safe='')}"),
            approve_focus="autofocus" if focus == "APPROVED" else "",
            decline_focus="autofocus" if focus == "DECLINED" else "",
            error_focus="autofocus" if focus == "ERROR" else "",
        )
        return render_page("Banco PSE", body)

    async def bank_resolve(self, request: Request) -> Response:
        """POST /_sandbox/pse/{tx_id}: resolve the PSE transaction, then return to the shop."""
        tx = self._pse_transaction(request.path_params["tx_id"])
        answer = (await read_form(request)).get("status", "")
        if answer not in BANK_RESOLUTIONS:
            raise PageError(
                422, "Respuesta no válida", "Elige Aprobar, Rechazar, Simular error o Cancelar."
            )
        status, message = BANK_RESOLUTIONS[answer]
        if tx.get("status") != "PENDING":
            raise PageError(
                422,
                "Este pago ya terminó",
                f"La transacción ya está {_status_word(tx.get('status'))}; no se puede cambiar.",
            )
        try:
            tx = self.sandbox.resolve(str(tx["id"]), status, status_message=message)
        except (SandboxStateError, SandboxNotFoundError) as problem:
            raise PageError(
                422, "No se pudo registrar la respuesta del banco", str(problem)
            ) from problem
        return self._finish(tx, tx.get("redirect_url") or None, from_bank=True)

    # -- 3-D Secure --------------------------------------------------------------------------

    async def verify(self, request: Request) -> Response:
        """GET /p/verify/{tx_id}: on the checkout's host, sends the payer to the challenge.

        The page refreshes at once to the challenge's host (a browser leaves the checkout for
        the bank's page, as with Wompi) and keeps a link to it, which opens a new window; once
        the challenge is answered, it sends the payer on like the result page would.
        """
        tx = self._transaction(request.path_params["tx_id"])
        challenge = self.sandbox.challenge_url(str(tx["id"]))
        if challenge is None:
            return self._finish(tx, tx.get("redirect_url") or None)
        body = _template("verify.html").substitute(
            merchant=escape(self._merchant),
            amount=escape(_money(tx.get("amount_in_cents"))),
            facts=render_facts(_transaction_facts(tx)),
            url=escape(challenge),
        )
        return render_page("Verificación con tu banco", body, refresh_to=challenge)

    async def challenge(self, request: Request) -> Response:
        """GET /_sandbox/3ds/{tx_id}: the issuer's page asking for the test code."""
        tx = self._challenge_transaction(request.path_params["tx_id"])
        if self.sandbox.challenge_url(str(tx["id"])) is None:
            # Answered already: the result, not a second answer.
            return self._finish(tx, None, from_bank=True)
        return self._challenge_page(tx)

    async def challenge_answer(self, request: Request) -> Response:
        """POST /_sandbox/3ds/{tx_id}: authenticate, fail or cancel, then back to the shop."""
        tx = self._challenge_transaction(request.path_params["tx_id"])
        form = await read_form(request)
        answer, code = form.get("answer", ""), form.get("otp", "").strip()
        if answer not in ("confirm", "cancel"):
            raise PageError(422, "Respuesta no válida", "Elige Confirmar o Cancelar.")
        if self.sandbox.challenge_url(str(tx["id"])) is None:
            raise PageError(
                422,
                "Esta verificación ya terminó",
                f"La transacción ya está {_status_word(tx.get('status'))}; no se puede cambiar.",
            )
        if answer == "confirm" and not code:
            return self._challenge_page(tx, problem="Escribe el código de verificación.")
        cancelled = answer == "cancel"
        try:
            tx = self.sandbox.answer_challenge(
                str(tx["id"]),
                authenticated=not cancelled and code == CHALLENGE_CODE,
                status_message=payments.THREE_DS_CHALLENGE_CANCELLED if cancelled else None,
            )
        except SandboxStateError as problem:
            raise PageError(422, "Esta verificación ya terminó", str(problem)) from problem
        return self._finish(tx, tx.get("redirect_url") or None, from_bank=True)

    def _challenge_page(self, tx: Mapping[str, Any], *, problem: str = "") -> HTMLResponse:
        extra = (tx.get("payment_method") or {}).get("extra") or {}
        body = _template("challenge.html").substitute(
            merchant=escape(self._merchant),
            amount=escape(_money(tx.get("amount_in_cents"))),
            card=escape(f"{extra.get('brand', '')} •••• {extra.get('last_four', '')}".strip()),
            facts=render_facts(_transaction_facts(tx)),
            errors=render_problems([problem]) if problem else "",
            action=escape(f"/_sandbox/3ds/{quote(str(tx['id']), safe='')}"),
            code=escape(CHALLENGE_CODE),
        )
        return render_page("Verificación 3-D Secure", body, status=422 if problem else 200)

    def _challenge_transaction(self, tx_id: str) -> dict[str, Any]:
        tx = self._transaction(tx_id)
        auth = ((tx.get("payment_method") or {}).get("extra") or {}).get("three_ds_auth")
        if not isinstance(auth, dict) or "challenge_url" not in auth:
            raise PageError(
                404,
                "Verificación no encontrada",
                "Esta transacción no tiene una verificación 3-D Secure.",
            )
        return tx

    def _transaction(self, tx_id: str) -> dict[str, Any]:
        tx = self.sandbox.get_transaction(tx_id)
        if tx is None:
            raise PageError(
                404, "Transacción no encontrada", "No existe una transacción con ese id."
            )
        return tx

    def _pse_transaction(self, tx_id: str) -> dict[str, Any]:
        tx = self._transaction(tx_id)
        if (tx.get("payment_method") or {}).get("type") != "PSE":
            raise PageError(404, "Pago PSE no encontrado", "Esta transacción no es un pago PSE.")
        return tx

    def _bank_name(self, code: str) -> str:
        for bank in self.sandbox.pse_banks():
            if str(bank.get("financial_institution_code")) == code:
                return str(bank.get("financial_institution_name"))
        return "Banco de pruebas"

    # -- Shared ------------------------------------------------------------------------------

    @property
    def _merchant(self) -> str:
        return str(self.sandbox.config.merchant_name)

    def _methods(
        self,
        action: str,
        hidden: Mapping[str, str],
        amount_in_cents: int,
        values: Mapping[str, str],
        problem: PaymentFormError | None,
    ) -> str:
        opened = problem.method if problem else "CARD"
        hidden_html = render_hidden(hidden)
        return _template("methods.html").substitute(
            action=escape(action),
            hidden=hidden_html,
            amount=escape(_money(amount_in_cents)),
            errors=render_problems(problem.problems) if problem else "",
            card_open="open" if opened == "CARD" else "",
            nequi_open="open" if opened == "NEQUI" else "",
            pse_open="open" if opened == "PSE" else "",
            card_number=escape(values.get("card_number", "")),
            card_expiry=escape(values.get("card_expiry", "")),
            full_name=escape(values.get("full_name", "")),
            email=escape(values.get("customer_email", "")),
            nequi_phone=escape(values.get("nequi_phone", "")),
            legal_id=escape(values.get("pse_legal_id", "")),
            phone=escape(values.get("phone_number", "")),
            bank_options=render_options(
                _bank_choices(self.sandbox), values.get("pse_bank", ""), "Selecciona tu banco"
            ),
            user_type_options=render_options(USER_TYPES, values.get("pse_user_type", "0")),
            legal_id_type_options=render_options(
                LEGAL_ID_TYPES, values.get("pse_legal_id_type", "CC")
            ),
        )


# -- Checkout parameters ---------------------------------------------------------------------


def parse_checkout(sandbox: Sandbox, source: Mapping[str, str]) -> Checkout:
    """Validate Web Checkout parameters the way Wompi's hosted page does; raise PageError."""
    params = {
        k: v for k, v in source.items() if k in _CARRIED_PARAMS or k.startswith(_CARRIED_PREFIXES)
    }
    missing = [name for name in REQUIRED_PARAMS if not params.get(name)]
    if missing:
        raise PageError(
            400,
            "Faltan datos del pago",
            "El enlace de pago está incompleto.",
            [f"Falta el parámetro «{name}»." for name in missing],
        )
    _check_key(sandbox, params["public-key"])
    if params["currency"] != CURRENCY:
        raise PageError(422, "Moneda no admitida", "Wompi Colombia solo cobra en pesos (COP).")
    amount = _checkout_amount(params["amount-in-cents"])
    reference = _checkout_reference(params["reference"])
    redirect_url = _redirect_url(params.get("redirect-url", ""))
    expiration = params.get("expiration-time") or None
    expires_at = _expiration(expiration) if expiration else None
    _check_signature(sandbox, reference, amount, params["signature:integrity"], expiration)
    if expires_at is not None and expires_at <= sandbox.clock.now():
        raise PageError(
            422,
            "El tiempo para pagar terminó",
            f"Este cobro vencía el {_colombia_time(expires_at)}. Pide al comercio un nuevo enlace.",
        )
    _check_reference_free(sandbox, reference)
    return Checkout(reference, amount, redirect_url, expires_at, params)


def _tax_facts(params: Mapping[str, str]) -> list[tuple[str, str]]:
    """Informational taxes already included in the amount (docs/wompi.md §2.1), when well formed."""
    taxes = [("IVA incluido", "tax-in-cents:vat"), ("Impoconsumo", "tax-in-cents:consumption")]
    facts = []
    for label, name in taxes:
        cents = _int_cents(params.get(name, ""))
        if cents is not None:
            facts.append((label, _money(cents)))
    return facts


def _check_key(sandbox: Sandbox, public_key: str) -> None:
    if public_key == sandbox.config.keys.public_key:
        return
    if public_key.startswith("pub_prod_"):
        message = "La llave es de producción; este simulador solo acepta su llave de pruebas."
    else:
        message = "La llave pública no corresponde a este comercio de pruebas."
    raise PageError(422, "Llave pública no válida", message)


def _checkout_amount(text: str) -> int:
    amount = _int_cents(text)
    if amount is None:
        raise PageError(
            422,
            "Monto no válido",
            "El monto debe ser un número entero de centavos mayor que cero.",
        )
    if amount % 100:
        raise PageError(
            422, "Monto no válido", "Wompi solo cobra pesos completos (centavos en 00)."
        )
    return amount


def _int_cents(text: str) -> int | None:
    """Positive integer cents within Wompi's maximum, or None."""
    if not _DIGITS.fullmatch(text):
        return None
    amount = int(text)
    return amount if 0 < amount <= MAX_CENTS else None


def _checkout_reference(reference: str) -> str:
    if len(reference) > 255 or _CONTROL.search(reference) or not reference.strip():
        raise PageError(
            422, "Referencia no válida", "La referencia debe tener entre 1 y 255 caracteres."
        )
    return reference


def _redirect_url(url: str) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or _CONTROL.search(url):
        raise PageError(
            422,
            "Dirección de regreso no válida",
            "La dirección de regreso (redirect-url) debe ser una URL http o https completa.",
        )
    return url


def _expiration(text: str) -> datetime:
    moment = parse_iso(text)
    if moment is None:
        raise PageError(
            422,
            "Vencimiento no válido",
            "La hora de vencimiento (expiration-time) debe estar en formato ISO-8601 UTC.",
        )
    return moment


def _check_signature(
    sandbox: Sandbox, reference: str, amount: int, signature: str, expiration: str | None
) -> None:
    if sandbox.verify_checkout_signature(reference, amount, CURRENCY, signature, expiration):
        return
    raise PageError(
        422,
        "Firma de integridad no válida",
        "La firma (signature:integrity) no coincide con la referencia, el monto y la moneda.",
        [
            "Revisa que se haya usado el secreto de integridad del sandbox.",
            "Si el enlace tiene expiration-time, también debe estar incluido en la firma.",
        ],
    )


def _check_reference_free(sandbox: Sandbox, reference: str) -> None:
    """Refuse a reference that was paid, or has a payment in progress (retries after a
    declined or failed attempt are allowed, as on Wompi's checkout)."""
    statuses = {tx.get("status") for tx in sandbox.transactions_by_reference(reference)}
    if statuses & {"APPROVED", "VOIDED"}:
        raise PageError(
            422,
            "Esta referencia ya fue pagada",
            "Ya hay un pago aprobado con esta referencia; no se puede pagar dos veces.",
        )
    if "PENDING" in statuses:
        raise PageError(
            422,
            "Hay un pago en proceso",
            "Ya hay un pago en proceso con esta referencia. Espera su resultado antes de "
            "intentar de nuevo.",
        )


# -- Payment form ----------------------------------------------------------------------------


def parse_payment(form: Mapping[str, str], sandbox: Sandbox) -> Payment:
    """The payer's method entries as a Payment; raise PaymentFormError listing what is wrong."""
    method = form.get("method", "")
    parsers = {"CARD": _card_payment, "NEQUI": _nequi_payment, "PSE": _pse_payment}
    if method not in parsers:
        raise PaymentFormError("CARD", ["Elige un medio de pago: tarjeta, Nequi o PSE."])
    problems: list[str] = []
    email = form.get("customer_email", "").strip()
    if not (len(email) <= 254 and _EMAIL.fullmatch(email)):
        problems.append("Escribe un correo electrónico válido.")
    payment_method, customer_data = parsers[method](form, problems, sandbox)
    if problems:
        raise PaymentFormError(method, problems)
    return Payment(method, payment_method, email, customer_data)


def _card_payment(
    form: Mapping[str, str], problems: list[str], sandbox: Sandbox
) -> tuple[dict[str, Any], dict[str, str]]:
    number = re.sub(r"[\s-]", "", form.get("card_number", ""))
    if not (re.fullmatch(r"[0-9]{13,19}", number) and luhn_ok(number)):
        problems.append("El número de la tarjeta no es válido.")
    expiry = _card_expiry(form.get("card_expiry", ""), sandbox.clock.now())
    if expiry is None:
        problems.append("La fecha de vencimiento debe ser MM/AA y no puede estar vencida.")
    cvc = form.get("card_cvc", "").strip()
    if not re.fullmatch(r"[0-9]{3,4}", cvc):
        problems.append("El código de seguridad (CVC) tiene 3 o 4 dígitos.")
    holder = " ".join(form.get("card_holder", "").split())
    if not 5 <= len(holder) <= 64:
        problems.append("Escribe el nombre como aparece en la tarjeta.")
    month, year = expiry or (0, 0)
    payment_method = {
        "type": "CARD",
        "installments": 1,
        "number": number,
        "cvc": cvc,
        "exp_month": f"{month:02d}",
        "exp_year": f"{year % 100:02d}",
        "card_holder": holder,
    }
    return payment_method, {"full_name": holder}


def _card_expiry(text: str, moment: datetime) -> tuple[int, int] | None:
    """(month, four-digit year) if `text` is MM/AA or MM/AAAA and not before `moment`."""
    match = _EXPIRY.fullmatch(text)
    if not match:
        return None
    month, year = int(match[1]), int(match[2])
    year = year + 2000 if year < 100 else year
    today = moment.astimezone(COLOMBIA)
    if not 1 <= month <= 12 or (year, month) < (today.year, today.month):
        return None
    return month, year


def luhn_ok(number: str) -> bool:
    """The Luhn check every card number passes."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _nequi_payment(
    form: Mapping[str, str], problems: list[str], _sandbox: Sandbox
) -> tuple[dict[str, Any], dict[str, str]]:
    phone = _mobile(form.get("nequi_phone", ""))
    if phone is None:
        problems.append("El celular Nequi tiene 10 dígitos y empieza por 3.")
    return {"type": "NEQUI", "phone_number": phone or ""}, {}


def _mobile(text: str) -> str | None:
    """A Colombian mobile number (10 digits starting with 3), without +57; else None."""
    digits = re.sub(r"[\s().-]", "", text)
    digits = digits.removeprefix("+57") if len(digits) == 13 else digits
    return digits if re.fullmatch(r"3[0-9]{9}", digits) else None


def _pse_payment(
    form: Mapping[str, str], problems: list[str], sandbox: Sandbox
) -> tuple[dict[str, Any], dict[str, str]]:
    bank = form.get("pse_bank", "")
    if bank not in _bank_choices(sandbox):
        problems.append("Elige tu banco.")
    user_type = form.get("pse_user_type", "")
    if user_type not in USER_TYPES:
        problems.append("Elige el tipo de persona.")
    id_type = form.get("pse_legal_id_type", "")
    if id_type not in LEGAL_ID_TYPES:
        problems.append("Elige el tipo de documento.")
    legal_id = re.sub(r"[\s.-]", "", form.get("pse_legal_id", ""))
    if not re.fullmatch(r"[0-9A-Za-z]{4,20}", legal_id):
        problems.append("Escribe el número de documento (solo dígitos o letras).")
    full_name = " ".join(form.get("full_name", "").split())
    if not 3 <= len(full_name) <= 64:
        problems.append("Escribe tu nombre completo.")
    phone = _mobile(form.get("phone_number", ""))
    if phone is None:
        problems.append("El celular tiene 10 dígitos y empieza por 3.")
    payment_method = {
        "type": "PSE",
        "user_type": 1 if user_type == "1" else 0,
        "user_legal_id_type": id_type,
        "user_legal_id": legal_id,
        "financial_institution_code": bank,
        "payment_description": _pse_description(sandbox),
    }
    return payment_method, {"full_name": full_name, "phone_number": phone or ""}


def _pse_description(sandbox: Sandbox) -> str:
    """PSE wants at most 30 characters (docs/wompi.md §8)."""
    return f"Pago a {sandbox.config.merchant_name}"[:30]


def _bank_choices(sandbox: Sandbox) -> dict[str, str]:
    """Selectable PSE banks by code (code "0" is PSE's "choose a bank" placeholder)."""
    banks = {
        str(bank.get("financial_institution_code", "")): str(
            bank.get("financial_institution_name", "")
        )
        for bank in sandbox.pse_banks()
    }
    return {code: name for code, name in banks.items() if code and code != "0"}


def _checkout_customer_data(checkout: Checkout) -> dict[str, str]:
    """`customer-data:*` parameters (other than email) in the API's snake_case."""
    return {
        name.removeprefix("customer-data:").replace("-", "_"): value
        for name, value in checkout.params.items()
        if name.startswith("customer-data:") and name != "customer-data:email" and value
    }


def _prefill(checkout: Checkout | None, form: Mapping[str, str] | None) -> dict[str, str]:
    """Form values to show: what the payer typed, else what the merchant passed."""
    values: dict[str, str] = {}
    if checkout is not None:
        values = {
            "customer_email": checkout.customer("email"),
            "full_name": checkout.customer("full-name"),
            "phone_number": checkout.customer("phone-number"),
            "pse_legal_id": checkout.customer("legal-id"),
            "pse_legal_id_type": checkout.customer("legal-id-type") or "CC",
        }
    if form:
        values |= {k: v for k, v in form.items() if k != "card_cvc"}
        if form.get("card_holder"):
            values["full_name"] = form["card_holder"]
    return values


def parse_pesos(text: str) -> int:
    """Cents for pesos typed by a payer ("25.000", "25000", "$ 25.000"); raise MoneyError."""
    return Money.parse(text).require_wompi_amount().cents


def return_url(redirect_url: str, tx_id: str) -> str:
    """`redirect_url` with `id=<tx>&env=test` appended to its query (docs/wompi.md §2.3)."""
    parts = urlsplit(redirect_url)
    added = urlencode({"id": tx_id, "env": "test"})
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))


# -- Requests --------------------------------------------------------------------------------


def _query(request: Request) -> dict[str, str]:
    """Query parameters, first value of each name."""
    params: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        params.setdefault(name, value)
    return params


async def read_form(request: Request) -> dict[str, str]:
    """An url-encoded form body (first value of each name); raise PageError if it is not one."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise PageError(400, "Solicitud no válida", "El formulario no llegó como se esperaba.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_FORM_BYTES:
            raise PageError(400, "Solicitud no válida", "El formulario es demasiado grande.")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=_MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise PageError(400, "Solicitud no válida", "El formulario no se pudo leer.") from None
    form: dict[str, str] = {}
    for name, value in pairs:
        form.setdefault(name, value)
    return form


# -- Rendering -------------------------------------------------------------------------------


@functools.cache
def _template(name: str) -> string.Template:
    text = resources.files(__package__).joinpath("web", name).read_text(encoding="utf-8")
    return string.Template(text)


def escape(value: object) -> str:
    """HTML-escape any value, quotes included (safe in text and attribute values)."""
    return html.escape(str(value), quote=True)


def render_page(
    title: str,
    body: str,
    *,
    status: int = 200,
    refresh_s: int | None = None,
    refresh_to: str | None = None,
) -> HTMLResponse:
    """The full HTML document around `body` (already-escaped HTML). `refresh_s` reloads it
    every so many seconds; `refresh_to` sends the browser on to that URL at once."""
    refresh = f'<meta http-equiv="refresh" content="{int(refresh_s)}">' if refresh_s else ""
    if refresh_to:
        refresh = f'<meta http-equiv="refresh" content="0; url={escape(refresh_to)}">'
    text = _template("layout.html").substitute(
        title=escape(title), refresh=refresh, css=_template("sandbox.css").template, body=body
    )
    headers = {
        "Cache-Control": "no-store",
        "Content-Security-Policy": (
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            "base-uri 'none'; frame-ancestors 'none'"
        ),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }
    return HTMLResponse(text, status_code=status, headers=headers)


def error_page(problem: PageError) -> HTMLResponse:
    """The Spanish error page for `problem`."""
    details = "".join(f"<li>{escape(line)}</li>" for line in problem.details)
    body = _template("error.html").substitute(
        status=problem.status,
        heading=escape(problem.heading),
        message=escape(problem.message),
        details=f'<ul class="details">{details}</ul>' if details else "",
    )
    return render_page(problem.heading, body, status=problem.status)


def render_summary(
    merchant: str,
    title: str,
    amount_in_cents: int,
    facts: list[tuple[str, str]],
    *,
    description: str = "",
    fact_ids: bool = False,
) -> str:
    """Merchant, title, amount and a fact list, as at the top of Wompi's checkout."""
    return _template("summary.html").substitute(
        merchant=escape(merchant),
        title=escape(title),
        description=f'<p class="description">{escape(description)}</p>' if description else "",
        amount=f'<p class="amount" id="amount">{escape(_money(amount_in_cents))}</p>',
        facts=render_facts(facts, ids=fact_ids),
    )


def render_facts(facts: Iterable[tuple[str, str]], *, ids: bool = False) -> str:
    """A <dl> body; with `ids`, each <dd> gets an id from its label (for tests and scripts)."""
    rows = []
    for label, value in facts:
        ident = f' id="fact-{escape(_slug(label))}"' if ids else ""
        rows.append(f"<dt>{escape(label)}</dt><dd{ident}>{escape(value)}</dd>")
    return "".join(rows)


def render_hidden(params: Mapping[str, str]) -> str:
    """Hidden inputs carrying `params` through a form post."""
    return "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in params.items()
    )


def render_options(choices: Mapping[str, str], selected: str, placeholder: str = "") -> str:
    """<option> elements for a <select>; `placeholder` adds an empty first choice."""
    options = [f'<option value="">{escape(placeholder)}</option>'] if placeholder else []
    for value, label in choices.items():
        mark = " selected" if value == selected else ""
        options.append(f'<option value="{escape(value)}"{mark}>{escape(label)}</option>')
    return "".join(options)


def render_problems(problems: Iterable[str]) -> str:
    """The list of what the payer must fix."""
    items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
    return (
        '<div class="errors" role="alert" id="form-errors"><b>Revisa estos datos:</b>'
        f"<ul>{items}</ul></div>"
    )


def _transaction_facts(tx: Mapping[str, Any]) -> list[tuple[str, str]]:
    method = tx.get("payment_method_type") or (tx.get("payment_method") or {}).get("type", "")
    return [
        ("Transacción", str(tx.get("id", ""))),
        ("Referencia", str(tx.get("reference", ""))),
        ("Medio de pago", METHOD_NAMES.get(str(method), str(method))),
        ("Estado", _status_word(tx.get("status")).capitalize()),
    ]


def _status_word(status: object) -> str:
    words = {
        "APPROVED": "aprobada",
        "DECLINED": "rechazada",
        "ERROR": "en error",
        "VOIDED": "anulada",
        "PENDING": "pendiente",
    }
    return words.get(str(status), str(status))


def _validation_lines(messages: Mapping[str, Any]) -> list[str]:
    lines = []
    for name, value in messages.items():
        texts = value if isinstance(value, list) else [value]
        lines += [f"{name}: {text}" for text in texts]
    return lines


def _money(cents: object) -> str:
    if not isinstance(cents, int) or isinstance(cents, bool):
        return ""
    try:
        return Money(cents).format()
    except MoneyError:
        return str(cents)


def _colombia_time(moment: datetime) -> str:
    return moment.astimezone(COLOMBIA).strftime("%d/%m/%Y %H:%M") + " (hora de Colombia)"


def _slug(label: str) -> str:
    plain = label.lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
