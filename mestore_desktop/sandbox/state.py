"""The sandbox's memory and rules: transactions, tokens, payment links, merchant, controls.

`Sandbox` is used three ways: by the HTTP routes (api.py, controls.py), by the checkout pages
(pages.py) and directly by tests as Python methods. All methods are synchronous and thread-safe
(one re-entrant lock); timed work (finalizing PENDING transactions, delivering events) runs as
tasks on the loop the app binds (see runtime.LoopRunner), so a test thread may call
`sandbox.approve(tx_id)` while uvicorn serves from another thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import hashlib
import secrets
import threading
import time
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import httpx

from mestore_desktop.sandbox import acceptance, injection, links, payments, persistence
from mestore_desktop.sandbox.acceptance import Contract
from mestore_desktop.sandbox.clock import DeadlineClock, iso, now, now_iso, parse_iso, unix_now
from mestore_desktop.sandbox.config import SandboxConfig
from mestore_desktop.sandbox.errors import (
    SandboxNotFoundError,
    SandboxStateError,
    SandboxValidationError,
)
from mestore_desktop.sandbox.events import EventDispatcher
from mestore_desktop.sandbox.lag import ReadBackLags
from mestore_desktop.sandbox.payments import (
    APPROVED,
    DECLINED,
    FINAL_OUTCOMES,
    PENDING,
    THREE_DS_SCENARIOS,
    VOIDED,
)
from mestore_desktop.sandbox.runtime import LoopRunner
from mestore_desktop.sandbox.search import search
from mestore_desktop.sandbox.validation import (
    MSG_REFERENCE_USED,
    MSG_REQUIRED,
    MSG_SIGNATURE,
    Problems,
    check_amount,
    check_currency,
    check_email,
    check_reference,
    check_taxes,
    is_int,
    optional_object,
    optional_string,
)
from mestore_desktop.sandbox.views import created_view, event_view, full_view
from mestore_desktop.wompi.signatures import integrity_signature_matches

__all__ = ["Sandbox", "SandboxNotFoundError", "SandboxStateError", "SandboxValidationError"]

CARD_TOKEN_LIFETIME = timedelta(minutes=30)
CUSTOMER_DATA_KEYS = (
    "full_name",
    "phone_number",
    "phone_number_prefix",
    "legal_id",
    "legal_id_type",
    "device_id",
    "browser_info",
    "customer_references",
)
SHIPPING_KEYS = (
    "address_line_1",
    "address_line_2",
    "country",
    "region",
    "city",
    "name",
    "phone_number",
    "postal_code",
)
# A checkout retry may reuse a reference only after failed attempts (docs/wompi.md §4.5).
_REFERENCE_BLOCKING = (PENDING, APPROVED, VOIDED)
_REJECTED_CARD: Any = object()  # an inline card whose own field messages are already recorded


class Sandbox:
    def __init__(
        self, config: SandboxConfig, *, events_transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.config = config
        self.clock = DeadlineClock()
        self.merchant_id = _merchant_id(config.keys.public_key)
        self._acceptance_key = hashlib.sha256(
            b"acceptance:" + config.keys.private_key.encode()
        ).digest()
        self._lock = threading.RLock()
        self._runner = LoopRunner()
        self._events = EventDispatcher(
            self._runner,
            events_secret=config.keys.events_secret,
            retry_time_factor=config.retry_time_factor,
            url=config.events_url,
            transport=events_transport,
        )
        self._transactions: dict[str, dict[str, Any]] = {}
        self._links: dict[str, dict[str, Any]] = {}
        self._card_tokens: dict[str, dict[str, Any]] = {}
        self._nequi_tokens: dict[str, dict[str, Any]] = {}
        self._seq = 0
        self._api_failures: list[int] = []
        self._latency_s = 0.0
        self._read_lags = ReadBackLags()
        self._load()

    # -- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind background work to the running loop (idempotent; the app calls it)."""
        self._runner.bind()

    async def aclose(self) -> None:
        """Stop timers and deliveries and close the events HTTP client."""
        await self._runner.aclose()
        await self._events.aclose()

    # -- merchant -----------------------------------------------------------------------------

    def merchant(self) -> dict[str, Any]:
        """The `merchant` object of GET transaction responses (docs/wompi.md §5.4)."""
        return {
            "id": self.merchant_id,
            "name": self.config.merchant_name,
            "legal_name": self.config.merchant_name + " S.A.S.",
            "contact_name": "Vendedor de Prueba",
            "phone_number": "+573000000000",
            "logo_url": None,
            "legal_id_type": "NIT",
            "email": "pagos@mestore.example",
            "legal_id": "900000000-1",
            "public_key": self.config.keys.public_key,
        }

    def merchant_info(self) -> dict[str, Any]:
        """`GET /v1/merchants/{public_key}` data, with fresh one-hour acceptance tokens."""
        info = self.merchant()
        return {
            **info,
            "active": True,
            "accepted_currencies": ["COP"],
            "accepted_payment_methods": ["CARD", "NEQUI", "PSE"],
            "presigned_acceptance": acceptance.presigned(
                Contract.END_USER_POLICY, self._acceptance_key, now=self.clock.timestamp()
            ),
            "presigned_personal_data_auth": acceptance.presigned(
                Contract.PERSONAL_DATA_AUTH, self._acceptance_key, now=self.clock.timestamp()
            ),
        }

    def pse_banks(self) -> list[dict[str, str]]:
        return [
            {"financial_institution_code": code, "financial_institution_name": name}
            for code, name, _ in payments.PSE_BANKS
        ]

    # -- signatures and tokens ----------------------------------------------------------------

    def verify_checkout_signature(
        self,
        reference: str,
        amount_in_cents: int,
        currency: str,
        signature: str,
        expiration_time: str | None,
    ) -> bool:
        if not is_int(amount_in_cents) or not isinstance(signature, str):
            return False
        return integrity_signature_matches(
            signature,
            reference,
            amount_in_cents,
            self.config.keys.integrity_secret,
            currency=currency,
            expiration_time=expiration_time,
        )

    def tokenize_card(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """`POST /v1/tokens/cards`: the response `data` (raises SandboxValidationError)."""
        deadline_now = self.clock.now()
        card = payments.validate_card(dict(body), deadline_now)
        token_id = f"tok_test_{self.merchant_id}_{secrets.token_hex(16)}"
        record = payments.card_token_record(
            token_id, card, now_iso(), iso(deadline_now + CARD_TOKEN_LIFETIME)
        )
        with self._lock:
            self._card_tokens[token_id] = record
            self._save()
        return {key: record[key] for key in payments.CARD_TOKEN_PUBLIC_KEYS}

    def tokenize_nequi(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """`POST /v1/tokens/nequi`: a PENDING token the payer 'approves' after the delay."""
        problems = Problems()
        phone = payments.validate_phone(problems, body.get("phone_number"))
        problems.raise_if_any()
        token = {
            "id": f"nequi_test_{secrets.token_hex(12)}",
            "status": PENDING,
            "phone_number": phone,
            "name": "Usuario Nequi de prueba",
        }
        with self._lock:
            self._nequi_tokens[token["id"]] = {**token, "created": time.time()}
            self._save()
        return token

    def get_nequi_token(self, token_id: str) -> dict[str, Any] | None:
        with self._lock:
            record = self._nequi_tokens.get(token_id)
            if record is None:
                return None
            # Nequi tokens are polled (docs/wompi.md §5.6): they settle when read, not by a timer.
            due = record["created"] + self.config.finalize_delay_s
            if record["status"] == PENDING and self.config.auto_finalize and time.time() >= due:
                record["status"] = payments.nequi_outcome(record["phone_number"])
                self._save()
            return {k: record[k] for k in ("id", "status", "phone_number", "name")}

    # -- transactions -------------------------------------------------------------------------

    def create_api_transaction(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """`POST /v1/transactions` (docs/wompi.md §5.1): acceptance, signature, then create."""
        problems = Problems()
        if "payment_source_id" in body:
            problems.add("payment_source_id", "El simulador no maneja fuentes de pago")
        self._check_acceptance(problems, body)
        expiration = optional_string(problems, body, "expiration_time")
        self._check_api_signature(problems, body, expiration)
        three_ds_auth_type = _three_ds_request(problems, body)
        return self.create_transaction(
            amount_in_cents=body.get("amount_in_cents"),  # type: ignore[arg-type]
            currency=body.get("currency"),  # type: ignore[arg-type]
            reference=body.get("reference"),  # type: ignore[arg-type]
            customer_email=body.get("customer_email"),  # type: ignore[arg-type]
            payment_method=body.get("payment_method"),  # type: ignore[arg-type]
            payment_method_type=body.get("payment_method_type"),
            redirect_url=body.get("redirect_url"),
            customer_data=body.get("customer_data"),
            shipping_address=body.get("shipping_address"),
            taxes=body.get("taxes"),
            strict_reference=True,
            allow_raw_card=False,
            prior_problems=problems,
            three_ds_auth_type=three_ds_auth_type,
        )

    def create_transaction(
        self,
        *,
        amount_in_cents: int,
        currency: str,
        reference: str | None,
        customer_email: str,
        payment_method: dict[str, Any],
        redirect_url: str | None = None,
        payment_link_id: str | None = None,
        customer_data: dict[str, Any] | None = None,
        shipping_address: dict[str, Any] | None = None,
        taxes: list[dict[str, Any]] | None = None,
        payment_method_type: str | None = None,
        strict_reference: bool = False,
        allow_raw_card: bool = True,
        prior_problems: Problems | None = None,
        three_ds_auth_type: str | None = None,
    ) -> dict[str, Any]:
        """A new PENDING transaction (the create-response JSON, without `merchant`).

        `strict_reference=True` is the API rule (any reuse → 422); the default is the checkout
        rule, where a payer may retry after a DECLINED/ERROR attempt with the same reference.
        With `payment_link_id`, the link must be payable and a falsy `reference` is generated.
        `allow_raw_card`: a CARD method may carry the card itself (number, cvc, exp_month,
        exp_year, card_holder) instead of a token, as the hosted checkout does; the API
        route passes False, since API clients must tokenize first.
        `three_ds_auth_type` (API, `is_three_ds: true`) forces a 3-D Secure scenario on a card;
        3DS test cards bring their own (docs/wompi.md §9).
        Raises SandboxValidationError with every problem found (`prior_problems` included:
        the API's acceptance and signature findings, reported together with these).
        """
        with self._lock:
            problems = prior_problems or Problems()
            link = self._check_link(problems, payment_link_id, amount_in_cents)
            if payment_link_id is not None and not reference:
                reference = links.link_reference(payment_link_id, unix_now())
            if link is not None:
                redirect_url = redirect_url or link["redirect_url"]
            check_amount(problems, amount_in_cents)
            check_currency(problems, currency)
            self._check_new_reference(problems, reference, strict_reference)
            check_email(problems, customer_email)
            customer = _customer_data(problems, customer_data)
            shipping = _shipping(problems, shipping_address)
            tax_list = check_taxes(problems, taxes)
            if redirect_url is not None and not isinstance(redirect_url, str):
                problems.add("redirect_url", "Debe ser un texto")
            if allow_raw_card:
                payment_method = self._tokenize_raw_card(problems, payment_method)
            method = None
            if payment_method is not _REJECTED_CARD:
                method = payments.payment_method(
                    payment_method,
                    card_tokens=self._card_tokens,
                    customer_data=customer,
                    problems=problems,
                    three_ds_auth_type=three_ds_auth_type,
                )
            if method is not None and payment_method_type not in (None, method.type):
                problems.add("payment_method_type", "No coincide con payment_method.type")
            problems.raise_if_any()
            if method is None or not isinstance(reference, str):  # raise_if_any covered both
                raise SandboxValidationError.single("payment_method", MSG_REQUIRED)
            tx = self._new_transaction(
                amount_in_cents, reference, customer_email, method, redirect_url, payment_link_id
            )
            tx.update(customer_data=customer, shipping_address=shipping, taxes=tax_list)
            self._store(tx, method)
            return created_view(tx)

    def get_transaction(self, tx_id: str) -> dict[str, Any] | None:
        """The GET JSON (with `merchant`), or None."""
        with self._lock:
            record = self._transactions.get(tx_id)
            return None if record is None else full_view(record["tx"], self.merchant())

    def read_transaction(self, tx_id: str) -> dict[str, Any] | None:
        """What `GET /v1/transactions/{id}` answers: the GET JSON, held back by a read-back
        lag (`lag_read_back`) while it lasts; None for an unknown id."""
        with self._lock:
            current = self.get_transaction(tx_id)
            return None if current is None else self._read_lags.answer(tx_id, current)

    def lag_read_back(
        self, tx_id: str, *, reads: int | None = None, seconds: float | None = None
    ) -> dict[str, Any]:
        """After the transaction's next change, the next `reads` GETs by id (or those during
        `seconds`) still answer it as it is now, as Wompi's API may just after an event
        (sandbox/lag.py). Exactly one of the two; 0 removes the lag."""
        with self._lock:
            view = self.get_transaction(tx_id)
            if view is None:
                raise SandboxNotFoundError(tx_id)
            self._read_lags.freeze(tx_id, view, reads=reads, seconds=seconds)
            return self._read_lags.describe(tx_id)

    def transactions_by_reference(self, reference: str) -> list[dict[str, Any]]:
        """Transactions carrying `reference` (GET JSON), oldest first."""
        return [tx for tx in self.transactions() if tx["reference"] == reference]

    def transactions(self) -> list[dict[str, Any]]:
        """Every transaction (GET JSON), oldest first."""
        with self._lock:
            records = sorted(self._transactions.values(), key=lambda r: r["seq"])
            return [full_view(r["tx"], self.merchant()) for r in records]

    def search_transactions(
        self, params: Mapping[str, str]
    ) -> tuple[list[dict[str, Any]], dict[str, int]]:
        """`GET /v1/transactions?…`: (page of GET JSON, meta) or SandboxValidationError."""
        return search(self.transactions(), params)

    def resolve(
        self, tx_id: str, status: str, *, status_message: str | None = None
    ) -> dict[str, Any]:
        """Finalize a PENDING transaction as APPROVED, DECLINED or ERROR; returns the GET JSON.

        `status_message` says why, else the method's own reason (a 3-D Secure scenario's), else
        the usual one for its type and status.
        Raises SandboxNotFoundError for an unknown id and SandboxStateError when the
        transaction is already final (DECLINED/ERROR never change; APPROVED only to VOIDED).
        """
        if status not in FINAL_OUTCOMES:
            raise SandboxStateError("El estado final debe ser APPROVED, DECLINED o ERROR")
        with self._lock:
            tx = self._pending(tx_id)
            moment = now()
            own = self._transactions[tx_id].get("status_messages") or {}
            tx["status"] = status
            tx["finalized_at"] = iso(moment)
            tx["status_message"] = (
                status_message
                or own.get(status)
                or payments.STATUS_MESSAGES.get((tx["payment_method_type"], status))
            )
            if tx["payment_method_type"] == "CARD":
                code = payments.PROCESSOR_CODES[status]
                tx["payment_method"]["extra"]["processor_response_code"] = code
            self._changed(tx, int(moment.timestamp()))
            return full_view(tx, self.merchant())

    def approve(self, tx_id: str) -> dict[str, Any]:
        return self.resolve(tx_id, payments.APPROVED)

    def decline(self, tx_id: str) -> dict[str, Any]:
        return self.resolve(tx_id, payments.DECLINED)

    def error(self, tx_id: str) -> dict[str, Any]:
        return self.resolve(tx_id, payments.ERROR)

    def void(self, tx_id: str) -> dict[str, Any]:
        """APPROVED CARD → VOIDED (docs/wompi.md §5.5); returns the GET JSON."""
        with self._lock:
            tx = self._tx(tx_id)
            if tx["status"] != APPROVED or tx["payment_method_type"] != "CARD":
                raise SandboxStateError("Solo se pueden anular transacciones aprobadas con tarjeta")
            tx["status"], tx["status_message"] = VOIDED, None
            self._changed(tx, unix_now())
            return full_view(tx, self.merchant())

    def inject_transaction(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A transaction as if a payer had paid (`/_sandbox/transactions/inject`, injection.py);
        returns the GET JSON. A final one sends its `transaction.updated` unless `silent`; a
        PENDING one waits for a control (approve, decline, error)."""
        with self._lock:
            req = injection.parse_injection(body, lambda link_id: link_id in self._links)
            stamp = int(req.created_at.timestamp())
            reference = req.reference or links.link_reference(str(req.payment_link_id), stamp)
            tx_id = _unique(lambda: _transaction_id(self.merchant_id, stamp), self._transactions)
            final = req.status != PENDING
            tx = {
                **self._new_transaction_fields(tx_id, req, reference),
                "finalized_at": iso(req.created_at) if final else None,
                "status_message": req.status_message
                or injection.default_status_message(req.method_type, req.status),
            }
            method = payments.PaymentMethod(
                req.method_type, tx["payment_method"], APPROVED, awaits_payer=True
            )
            self._store(tx, method)
            if final and not req.silent:
                self._changed(tx, unix_now())
            return full_view(tx, self.merchant())

    def _new_transaction_fields(
        self, tx_id: str, req: injection.Injection, reference: str
    ) -> dict[str, Any]:
        return {
            "id": tx_id,
            "created_at": iso(req.created_at),
            "amount_in_cents": req.amount_in_cents,
            "reference": reference,
            "customer_email": req.customer_email,
            "currency": req.currency,
            "payment_method_type": req.method_type,
            "payment_method": injection.payment_method_json(req.method_type, req.status),
            "status": req.status,
            "shipping_address": None,
            "redirect_url": None,
            "payment_source_id": None,
            "payment_link_id": req.payment_link_id,
            "customer_data": None,
            "billing_data": None,
            "bill_id": None,
            "taxes": [],
            "tip_in_cents": None,
        }

    def challenge_url(self, tx_id: str) -> str | None:
        """Where the payer authenticates (3-D Secure challenge), while it waits; else None."""
        with self._lock:
            tx = self._tx(tx_id)
            auth = self._three_ds_auth(tx)
            if tx["status"] != PENDING or auth is None or auth.get("current_step") != "CHALLENGE":
                return None
            if auth.get("current_step_status") != "PENDING":
                return None
            return str(auth["challenge_url"])

    def answer_challenge(
        self, tx_id: str, *, authenticated: bool, status_message: str | None = None
    ) -> dict[str, Any]:
        """The payer's answer on the 3-D Secure challenge page: authenticated, the card's own
        outcome follows at once; not, the transaction is DECLINED (`status_message` says why).
        Returns the GET JSON; SandboxStateError unless a challenge is waiting."""
        with self._lock:
            if self.challenge_url(tx_id) is None:
                raise SandboxStateError(f"La transacción {tx_id} no espera una autenticación")
            auth = self._three_ds_auth(self._tx(tx_id))
            assert auth is not None  # noqa: S101 (challenge_url checked it)
            if authenticated:
                auth.update(current_step="AUTHENTICATION", current_step_status="COMPLETED")
                return self.resolve(tx_id, str(self._transactions[tx_id]["outcome"]))
            auth.update(current_step="CHALLENGE", current_step_status="FAILED")
            message = status_message or payments.THREE_DS_CHALLENGE_FAILED
            return self.resolve(tx_id, DECLINED, status_message=message)

    def expected_outcome(self, tx_id: str) -> str:
        """What the test data dictates for this transaction (e.g. the PSE bank chosen)."""
        with self._lock:
            self._tx(tx_id)
            return str(self._transactions[tx_id]["outcome"])

    # -- payment links ------------------------------------------------------------------------

    def create_payment_link(self, body: Mapping[str, Any]) -> dict[str, Any]:
        fields = links.validate_link(dict(body))
        with self._lock:
            link_id = _unique(links.new_link_id, self._links)
            link = links.link_json(link_id, fields, self.config.keys.public_key, now_iso())
            self._links[link_id] = link
            self._save()
            return copy.deepcopy(link)

    def get_payment_link(self, link_id: str) -> dict[str, Any] | None:
        with self._lock:
            link = self._links.get(link_id)
            return None if link is None else copy.deepcopy(link)

    def set_payment_link_active(self, link_id: str, active: bool) -> dict[str, Any]:
        with self._lock:
            link = self._links.get(link_id)
            if link is None:
                raise SandboxNotFoundError(link_id)
            link["active"], link["updated_at"] = active, now_iso()
            self._save()
            return copy.deepcopy(link)

    def payment_link_problem(self, link_id: str) -> str | None:
        """Why the link cannot be paid now (Spanish), or None when it can."""
        with self._lock:
            link = self._links.get(link_id)
            if link is None:
                return "El link de pago no existe"
            approved = sum(
                1
                for r in self._transactions.values()
                if r["tx"]["payment_link_id"] == link_id and r["tx"]["status"] == APPROVED
            )
            return links.link_problem(link, approved, self.clock.now())

    def payment_link_url(self, link_id: str) -> str:
        return f"{self.config.base_url}/l/{link_id}"

    # -- events and API controls --------------------------------------------------------------

    def set_events_url(self, url: str | None) -> None:
        self._events.url = url

    @property
    def events_url(self) -> str | None:
        return self._events.url

    def drop_next_events(self, n: int = 1) -> None:
        self._events.drop_next(n)

    def duplicate_next_events(self, n: int = 1) -> None:
        self._events.duplicate_next(n)

    def delay_next_events(self, seconds: float, n: int = 1) -> None:
        self._events.delay_next(seconds, n)

    def reorder_next_events(self, n: int = 2) -> None:
        self._events.reorder_next(n)

    def flush_held_events(self) -> None:
        self._events.flush_held()

    def deliver_due_retries_now(self) -> None:
        self._events.deliver_due_retries_now()

    def sent_events(self) -> list[dict[str, Any]]:
        """Every delivery attempt: body, headers, target, attempt, status_code, at."""
        return self._events.sent()

    def published_events(self) -> list[dict[str, Any]]:
        """Every event generated, delivered or not (dropped ones included)."""
        return self._events.published()

    def dropped_events(self) -> list[dict[str, Any]]:
        return self._events.dropped()

    def fail_next_api_calls(self, n: int, status: int = 500) -> None:
        with self._lock:
            self._api_failures += [status] * n

    def take_api_failure(self) -> int | None:
        """The status the current API call must fail with, or None (consumes one)."""
        with self._lock:
            return self._api_failures.pop(0) if self._api_failures else None

    def set_latency(self, ms: float) -> None:
        self._latency_s = max(0.0, ms) / 1000

    @property
    def latency_s(self) -> float:
        return self._latency_s

    # -- internals ----------------------------------------------------------------------------

    def _check_acceptance(self, problems: Problems, body: Mapping[str, Any]) -> None:
        token, moment = body.get("acceptance_token"), self.clock.timestamp()
        problem = acceptance.check(
            token, Contract.END_USER_POLICY, self._acceptance_key, now=moment
        )
        if problem is not None:
            problems.add("acceptance_token", problem.value)
        # Older integrations omit accept_personal_auth (docs/wompi.md §5.1): checked only if sent.
        if body.get("accept_personal_auth") is not None:
            personal = body["accept_personal_auth"]
            problem = acceptance.check(
                personal, Contract.PERSONAL_DATA_AUTH, self._acceptance_key, now=moment
            )
            if problem is not None:
                problems.add("accept_personal_auth", problem.value)

    def _check_api_signature(
        self, problems: Problems, body: Mapping[str, Any], expiration: str | None
    ) -> None:
        if expiration is not None:
            moment = parse_iso(expiration)
            if moment is None:
                problems.add("expiration_time", "Debe ser una fecha ISO 8601")
            elif moment <= self.clock.now():
                problems.add("expiration_time", "La fecha de expiración ya pasó")
        reference, amount = body.get("reference"), body.get("amount_in_cents")
        currency = body.get("currency")
        if not (isinstance(reference, str) and isinstance(currency, str)):
            if "signature" not in body:
                problems.add("signature", MSG_SIGNATURE)
            return  # other field messages explain why the signature cannot be checked
        if not self.verify_checkout_signature(
            reference, amount, currency, body.get("signature"), expiration
        ):
            problems.add("signature", MSG_SIGNATURE)

    def _tokenize_raw_card(self, problems: Problems, method: Any) -> Any:
        """Replace an inline card by a token, as the hosted checkout does behind its form."""
        if not isinstance(method, dict) or method.get("type") != "CARD" or "token" in method:
            return method
        try:
            token = self.tokenize_card(method)
        except SandboxValidationError as exc:
            for field, messages in exc.messages.items():
                for message in messages:
                    problems.add(field, message)
            return _REJECTED_CARD
        return {"type": "CARD", "token": token["id"], "installments": method.get("installments")}

    def _check_link(
        self, problems: Problems, link_id: str | None, amount: Any
    ) -> dict[str, Any] | None:
        if link_id is None:
            return None
        problem = self.payment_link_problem(link_id)
        if problem is not None:
            problems.add("payment_link_id", problem)
            return None
        link = self._links[link_id]
        fixed = link["amount_in_cents"]
        if fixed is not None and amount != fixed:
            problems.add("amount_in_cents", "El monto debe ser el del link de pago")
        return link

    def _check_new_reference(self, problems: Problems, reference: Any, strict: bool) -> None:
        check_reference(problems, reference)
        if "reference" in problems:
            return
        statuses = [
            r["tx"]["status"]
            for r in self._transactions.values()
            if r["tx"]["reference"] == reference
        ]
        if statuses and (strict or any(s in _REFERENCE_BLOCKING for s in statuses)):
            problems.add("reference", MSG_REFERENCE_USED)

    def _new_transaction(
        self,
        amount: int,
        reference: str,
        email: str,
        method: payments.PaymentMethod,
        redirect_url: str | None,
        link_id: str | None,
    ) -> dict[str, Any]:
        tx_id = _unique(lambda: _transaction_id(self.merchant_id), self._transactions)
        payment_method = copy.deepcopy(method.json)
        if method.type == "PSE":
            payment_method["extra"]["async_payment_url"] = self._bank_page(tx_id, "PSE")
        auth = self._three_ds_auth({"payment_method": payment_method})
        if auth is not None and auth.get("current_step") == "CHALLENGE":
            # Sandbox shape: Wompi hands the challenge over as `three_ds_method_data` (an
            # iframe's HTML); here it is the address of the bank's challenge page.
            auth["challenge_url"] = self._bank_page(tx_id, "CARD")
        return {
            "id": tx_id,
            "created_at": now_iso(),
            "finalized_at": None,
            "amount_in_cents": amount,
            "reference": reference,
            "customer_email": email,
            "currency": "COP",
            "payment_method_type": method.type,
            "payment_method": payment_method,
            "status": PENDING,
            "status_message": None,
            "shipping_address": None,
            "redirect_url": redirect_url,
            "payment_source_id": None,
            "payment_link_id": link_id,
            "customer_data": None,
            "billing_data": None,
            "bill_id": None,
            "taxes": [],
            "tip_in_cents": None,
        }

    def _store(self, tx: dict[str, Any], method: payments.PaymentMethod) -> None:
        self._seq += 1
        self._transactions[tx["id"]] = {
            "tx": tx,
            "seq": self._seq,
            "outcome": method.outcome,
            "awaits_payer": method.awaits_payer,
            "status_messages": dict(method.status_messages),
        }
        self._save()
        self._schedule_finalization(tx["id"])

    def _schedule_finalization(self, tx_id: str) -> None:
        record = self._transactions[tx_id]
        if record["awaits_payer"] or not self.config.auto_finalize:
            return
        self._runner.spawn(lambda: self._finalize_later(tx_id))

    async def _finalize_later(self, tx_id: str) -> None:
        await asyncio.sleep(self.config.finalize_delay_s)
        outcome = self._transactions[tx_id]["outcome"]
        with contextlib.suppress(SandboxStateError):  # a control resolved it first
            self.resolve(tx_id, outcome)

    def _tx(self, tx_id: str) -> dict[str, Any]:
        record = self._transactions.get(tx_id)
        if record is None:
            raise SandboxNotFoundError(tx_id)
        return record["tx"]

    def _bank_page(self, tx_id: str, method: str) -> str:
        """The PSE bank page (on the sandbox's host) or the 3-D Secure challenge (on the bank's
        host) of a transaction."""
        if method == "PSE":
            return f"{self.config.base_url}/_sandbox/pse/{tx_id}"
        return f"{self.config.bank_url}/_sandbox/3ds/{tx_id}"

    @staticmethod
    def _three_ds_auth(tx: Mapping[str, Any]) -> dict[str, Any] | None:
        extra = (tx.get("payment_method") or {}).get("extra") or {}
        auth = extra.get("three_ds_auth")
        return auth if isinstance(auth, dict) else None

    def _pending(self, tx_id: str) -> dict[str, Any]:
        tx = self._tx(tx_id)
        if tx["status"] != PENDING:
            raise SandboxStateError(f"La transacción {tx_id} ya está en estado {tx['status']}")
        return tx

    def _changed(self, tx: dict[str, Any], timestamp: int) -> None:
        """Persist a status change and send its `transaction.updated` event."""
        self._read_lags.changed(tx["id"])
        self._save()
        self._events.publish(event_view(tx), timestamp)

    def _save(self) -> None:
        path = self.config.state_file
        if path is None:
            return
        state = {
            "seq": self._seq,
            "transactions": self._transactions,
            "links": self._links,
            "card_tokens": self._card_tokens,
            "nequi_tokens": self._nequi_tokens,
        }
        persistence.save(path, self.config.keys, state)

    def _load(self) -> None:
        document = persistence.load(self.config.state_file)
        if document is None:
            return
        self._seq = document["seq"]
        self._transactions = document["transactions"]
        self._links = document["links"]
        self._card_tokens = document["card_tokens"]
        self._nequi_tokens = document["nequi_tokens"]
        for tx_id, record in self._transactions.items():
            self._repoint_pages(tx_id, record["tx"])
            if record["tx"]["status"] == PENDING:
                self._schedule_finalization(tx_id)

    def _repoint_pages(self, tx_id: str, tx: dict[str, Any]) -> None:
        """The payer's pages of a saved transaction, where this run serves them (a restarted
        sandbox may listen on other ports; its bank host always gets a new one)."""
        extra = (tx.get("payment_method") or {}).get("extra") or {}
        if extra.get("async_payment_url"):
            extra["async_payment_url"] = self._bank_page(tx_id, "PSE")
        auth = self._three_ds_auth(tx)
        if auth is not None and auth.get("challenge_url"):
            auth["challenge_url"] = self._bank_page(tx_id, "CARD")


def _three_ds_request(problems: Problems, body: Mapping[str, Any]) -> str | None:
    """The 3-D Secure scenario an API call asks for (`is_three_ds` + the sandbox-only
    `three_ds_auth_type`, docs/wompi.md §5.1), or None."""
    is_three_ds = body.get("is_three_ds", False)
    if not isinstance(is_three_ds, bool):
        problems.add("is_three_ds", "Debe ser verdadero o falso")
        return None
    requested = body.get("three_ds_auth_type")
    if not is_three_ds or requested is None:
        return payments.THREE_DS_FRICTIONLESS if is_three_ds else None
    if not isinstance(requested, str) or requested not in THREE_DS_SCENARIOS:
        names = ", ".join(THREE_DS_SCENARIOS)
        problems.add("three_ds_auth_type", f"Debe ser uno de: {names}")
        return None
    return requested


def _customer_data(problems: Problems, value: Any) -> dict[str, Any] | None:
    data = optional_object(problems, value, "customer_data")
    if data is None:
        return None
    return {k: copy.deepcopy(data[k]) for k in CUSTOMER_DATA_KEYS if k in data}


def _shipping(problems: Problems, value: Any) -> dict[str, Any] | None:
    data = optional_object(problems, value, "shipping_address")
    if data is None:
        return None
    if not all(isinstance(data.get(k, ""), str | None) for k in SHIPPING_KEYS):
        problems.add("shipping_address", "Los campos de la dirección deben ser texto")
        return None
    return {k: data.get(k) for k in SHIPPING_KEYS}


def _merchant_id(public_key: str) -> int:
    # Stable for a given key, so a restarted sandbox with a state file keeps its merchant id.
    return 10000 + int(hashlib.sha256(public_key.encode()).hexdigest()[:8], 16) % 90000


def _transaction_id(merchant_id: int, unix: int | None = None) -> str:
    """`<merchant id>-<unix seconds>-<5 digits>` (docs/wompi.md §5.4, §12.4)."""
    seconds = unix_now() if unix is None else unix
    return f"{merchant_id}-{seconds}-{secrets.randbelow(90000) + 10000}"


def _unique(make: Any, existing: Mapping[str, Any]) -> str:
    while (candidate := make()) in existing:
        pass
    return str(candidate)
