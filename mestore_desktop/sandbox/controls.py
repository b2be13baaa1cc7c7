"""Test controls under `/_sandbox/` (the same operations as the Sandbox's Python methods).

| Method and path | Body | Effect |
|---|---|---|
| GET  /_sandbox/transactions | | every transaction |
| POST /_sandbox/transactions/inject | {"reference", "amount_in_cents", "status"…} | see below |
| POST /_sandbox/transactions/{id}/approve, …/decline, …/error | | finalize a PENDING one |
| POST /_sandbox/transactions/{id}/void | | APPROVED CARD → VOIDED |
| POST /_sandbox/transactions/{id}/lag | {"reads": n} or {"seconds": s} | read-back lag (below) |
| POST /_sandbox/payment_links/{id}/pay | {"method", "outcome"…} | pay it (link_payments.py) |
| GET  /_sandbox/events | | every delivery attempt |
| GET  /_sandbox/events/published | | every event generated (dropped ones too) |
| POST /_sandbox/events/url | {"url": str or null} | change the events URL |
| POST /_sandbox/events/drop, …/duplicate | {"n": 1} | next n events |
| POST /_sandbox/events/delay | {"seconds": s, "n": 1} | next n events |
| POST /_sandbox/events/reorder | {"n": 2} | hold n, send newest first |
| POST /_sandbox/events/flush | | release held events |
| POST /_sandbox/events/retry-now | | due retries now |
| POST /_sandbox/api/fail | {"n": 1, "status": 500} | next n /v1 calls fail |
| POST /_sandbox/api/latency | {"ms": 0} | delay every /v1 call |
| GET  /_sandbox/clock | | the deadline clock: `now`, `offset_s` |
| POST /_sandbox/clock/advance | {"seconds": s} | let time pass for deadlines (a payer walks away) |
| POST /_sandbox/clock/reset | | deadlines on the wall clock again |

Read-back lag (sandbox/lag.py): after the transaction's next change, the next n reads by id
(`GET /v1/transactions/{id}`), or those during s seconds, still answer it as it was when the lag
was set, as Wompi's API may just after an event; 0 ends the lag. Searches are not held back.

Injection (sandbox/injection.py): `reference` (any, reused ones too), `amount_in_cents`,
`status` (PENDING, APPROVED, DECLINED, ERROR, VOIDED: card only), optional `currency` ("COP"),
`payment_method_type` ("CARD"), `payment_link_id` (an existing link; its reference is made when
`reference` is left out), `created_at` (ISO-8601, not in the future), `customer_email`,
`status_message`, and `silent` (true: no `transaction.updated`, so only a search finds it).
Answers 201 with the transaction; a final one sends its event unless silent.

(`/_sandbox/pse/{id}` is the PSE bank page and `/_sandbox/3ds/{id}` the 3-D Secure challenge,
served by pages.py.)
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from mestore_desktop.sandbox.clock import iso
from mestore_desktop.sandbox.errors import SandboxNotFoundError, SandboxValidationError
from mestore_desktop.sandbox.httpkit import data, json_object, sandbox_of
from mestore_desktop.sandbox.link_payments import pay_link_control
from mestore_desktop.sandbox.validation import is_int

_ACTIONS = {"approve", "decline", "error", "void"}
MAX_ADVANCE_S = 366 * 24 * 3600  # a year at a time: beyond any checkout or token lifetime


async def list_transactions(request: Request) -> Response:
    return data(sandbox_of(request).transactions())


async def inject_transaction(request: Request) -> Response:
    body = await json_object(request)
    return data(sandbox_of(request).inject_transaction(body), status_code=201)


async def transaction_action(request: Request) -> Response:
    action, tx_id = request.path_params["action"], request.path_params["tx_id"]
    if action not in _ACTIONS:
        raise SandboxNotFoundError(action)
    sandbox = sandbox_of(request)
    if sandbox.get_transaction(tx_id) is None:
        raise SandboxNotFoundError(tx_id)
    return data(getattr(sandbox, action)(tx_id))


async def lag_read_back(request: Request) -> Response:
    body = await json_object(request, optional=True)
    if ("reads" in body) == ("seconds" in body):
        raise SandboxValidationError.single("reads", "Indique reads o seconds (uno de los dos)")
    reads = _count(body, "reads", 0) if "reads" in body else None
    seconds = _seconds(body, "seconds") if "seconds" in body else None
    if seconds is not None and not seconds <= MAX_ADVANCE_S:  # also NaN
        raise SandboxValidationError.single("seconds", "Como máximo un año")
    tx_id = request.path_params["tx_id"]
    return data(sandbox_of(request).lag_read_back(tx_id, reads=reads, seconds=seconds))


async def sent_events(request: Request) -> Response:
    return data(sandbox_of(request).sent_events())


async def published_events(request: Request) -> Response:
    return data(sandbox_of(request).published_events())


async def events_url(request: Request) -> Response:
    body = await json_object(request)
    url = body.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise SandboxValidationError.single("url", "Debe ser una URL http(s) o null")
    sandbox_of(request).set_events_url(url)
    return data({"url": url})


async def event_control(request: Request) -> Response:
    sandbox, control = sandbox_of(request), request.path_params["control"]
    body = await json_object(request, optional=True)
    if control == "drop":
        sandbox.drop_next_events(_count(body, "n", 1))
    elif control == "duplicate":
        sandbox.duplicate_next_events(_count(body, "n", 1))
    elif control == "delay":
        sandbox.delay_next_events(_seconds(body, "seconds"), _count(body, "n", 1))
    elif control == "reorder":
        sandbox.reorder_next_events(_count(body, "n", 2))
    elif control == "flush":
        sandbox.flush_held_events()
    elif control == "retry-now":
        sandbox.deliver_due_retries_now()
    else:
        raise SandboxNotFoundError(control)
    return data({"ok": True})


async def api_fail(request: Request) -> Response:
    body = await json_object(request, optional=True)
    status = _count(body, "status", 500)
    if not 400 <= status <= 599:
        raise SandboxValidationError.single("status", "Debe ser un código HTTP de error")
    sandbox_of(request).fail_next_api_calls(_count(body, "n", 1), status)
    return data({"ok": True})


async def api_latency(request: Request) -> Response:
    body = await json_object(request, optional=True)
    sandbox_of(request).set_latency(_seconds(body, "ms"))
    return data({"ok": True})


async def clock(request: Request) -> Response:
    return data(_clock_json(request))


async def clock_control(request: Request) -> Response:
    control, deadlines = request.path_params["control"], sandbox_of(request).clock
    if control == "advance":
        seconds = _seconds(await json_object(request, optional=True), "seconds")
        if not seconds <= MAX_ADVANCE_S:  # also NaN, which JSON parsing lets through
            raise SandboxValidationError.single("seconds", "Como máximo un año de una vez")
        deadlines.advance(seconds)
    elif control == "reset":
        deadlines.reset()
    else:
        raise SandboxNotFoundError(control)
    return data(_clock_json(request))


def _clock_json(request: Request) -> dict[str, Any]:
    deadlines = sandbox_of(request).clock
    return {"now": iso(deadlines.now()), "offset_s": deadlines.offset_s}


def _count(body: dict[str, Any], field: str, default: int) -> int:
    value = body.get(field, default)
    if not is_int(value) or value < 0:
        raise SandboxValidationError.single(field, "Debe ser un entero mayor o igual a 0")
    return int(value)


def _seconds(body: dict[str, Any], field: str) -> float:
    value = body.get(field)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise SandboxValidationError.single(field, "Debe ser un número mayor o igual a 0")
    return float(value)


def control_routes() -> list[BaseRoute]:
    return [
        Route("/_sandbox/transactions", list_transactions, methods=["GET"]),
        Route("/_sandbox/transactions/inject", inject_transaction, methods=["POST"]),
        Route("/_sandbox/transactions/{tx_id}/lag", lag_read_back, methods=["POST"]),
        Route("/_sandbox/transactions/{tx_id}/{action}", transaction_action, methods=["POST"]),
        Route("/_sandbox/payment_links/{link_id}/pay", pay_link_control, methods=["POST"]),
        Route("/_sandbox/events", sent_events, methods=["GET"]),
        Route("/_sandbox/events/published", published_events, methods=["GET"]),
        Route("/_sandbox/events/url", events_url, methods=["POST"]),
        Route("/_sandbox/events/{control}", event_control, methods=["POST"]),
        Route("/_sandbox/api/fail", api_fail, methods=["POST"]),
        Route("/_sandbox/api/latency", api_latency, methods=["POST"]),
        Route("/_sandbox/clock", clock, methods=["GET"]),
        Route("/_sandbox/clock/{control}", clock_control, methods=["POST"]),
    ]
