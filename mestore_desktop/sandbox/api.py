"""The `/v1` API with Wompi's paths, keys, envelopes and errors (docs/wompi.md §1.3, §5–§8, §10)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from mestore_desktop.sandbox.errors import (
    SandboxNotFoundError,
    SandboxValidationError,
    UnauthorizedError,
    validation_response,
)
from mestore_desktop.sandbox.httpkit import Access, data, json_object, require, sandbox_of
from mestore_desktop.sandbox.validation import is_int


async def get_merchant(request: Request) -> Response:
    key = request.path_params["public_key"]
    require(request, Access.NONE)
    if not key.startswith("pub_test_"):
        if key.startswith("pub_prod_"):
            raise UnauthorizedError  # a production key on the sandbox host (docs/wompi.md §1.2)
        raise SandboxNotFoundError(key)
    sandbox = sandbox_of(request)
    if key != sandbox.config.keys.public_key:
        raise SandboxNotFoundError(key)
    return data(sandbox.merchant_info())


async def tokenize_card(request: Request) -> Response:
    require(request, Access.PUBLIC)
    token = sandbox_of(request).tokenize_card(await json_object(request))
    return JSONResponse({"status": "CREATED", "data": token}, status_code=201)


async def tokenize_nequi(request: Request) -> Response:
    require(request, Access.PUBLIC)
    return data(sandbox_of(request).tokenize_nequi(await json_object(request)), 201)


async def get_nequi_token(request: Request) -> Response:
    require(request, Access.PUBLIC)
    token = sandbox_of(request).get_nequi_token(request.path_params["token_id"])
    if token is None:
        raise SandboxNotFoundError(request.path_params["token_id"])
    return data(token)


async def pse_banks(request: Request) -> Response:
    require(request, Access.NONE)
    return data(sandbox_of(request).pse_banks())


async def create_transaction(request: Request) -> Response:
    require(request, Access.PUBLIC)
    body = await json_object(request)
    return data(sandbox_of(request).create_api_transaction(body), 201)


async def search_transactions(request: Request) -> Response:
    require(request, Access.PRIVATE)
    found, meta = sandbox_of(request).search_transactions(request.query_params)
    return data(found, meta=meta)


async def get_transaction(request: Request) -> Response:
    require(request, Access.NONE)
    tx = sandbox_of(request).read_transaction(request.path_params["tx_id"])
    if tx is None:
        raise SandboxNotFoundError(request.path_params["tx_id"])
    return data(tx)


async def void_transaction(request: Request) -> Response:
    require(request, Access.PRIVATE)
    sandbox, tx_id = sandbox_of(request), request.path_params["tx_id"]
    body = await json_object(request, optional=True)
    tx = sandbox.get_transaction(tx_id)
    if tx is None:
        raise SandboxNotFoundError(tx_id)
    amount = body.get("amount_in_cents", tx["amount_in_cents"])
    if not is_int(amount) or amount != tx["amount_in_cents"]:
        # The guides only describe total voids (docs/wompi.md §5.5); partial ones are refused.
        raise SandboxValidationError.single("amount_in_cents", "Solo se admite anular el total")
    voided = sandbox.void(tx_id)  # SandboxStateError (a 422) unless APPROVED and CARD
    return data({"status": "APPROVED", "status_message": None, "transaction": voided}, 201)


async def create_payment_link(request: Request) -> Response:
    require(request, Access.PRIVATE)
    return data(sandbox_of(request).create_payment_link(await json_object(request)), 201)


async def get_payment_link(request: Request) -> Response:
    require(request, Access.NONE)
    link = sandbox_of(request).get_payment_link(request.path_params["link_id"])
    if link is None:
        raise SandboxNotFoundError(request.path_params["link_id"])
    return data(link)


async def patch_payment_link(request: Request) -> Response:
    require(request, Access.PRIVATE)
    body = await json_object(request)
    sandbox, link_id = sandbox_of(request), request.path_params["link_id"]
    if sandbox.get_payment_link(link_id) is None:
        raise SandboxNotFoundError(link_id)
    others = sorted(set(body) - {"active"})
    messages = {field: ["Este campo no se puede modificar"] for field in others}
    if not isinstance(body.get("active"), bool):
        messages["active"] = ["Debe ser verdadero o falso"]
    if messages:
        return validation_response(messages)
    return data(sandbox.set_payment_link_active(link_id, body["active"]))


def api_routes() -> list[BaseRoute]:
    return [
        Route("/v1/merchants/{public_key}", get_merchant, methods=["GET"]),
        Route("/v1/tokens/cards", tokenize_card, methods=["POST"]),
        Route("/v1/tokens/nequi", tokenize_nequi, methods=["POST"]),
        Route("/v1/tokens/nequi/{token_id}", get_nequi_token, methods=["GET"]),
        Route("/v1/pse/financial_institutions", pse_banks, methods=["GET"]),
        Route("/v1/transactions", create_transaction, methods=["POST"]),
        Route("/v1/transactions", search_transactions, methods=["GET"]),
        Route("/v1/transactions/{tx_id}", get_transaction, methods=["GET"]),
        Route("/v1/transactions/{tx_id}/void", void_transaction, methods=["POST"]),
        Route("/v1/payment_links", create_payment_link, methods=["POST"]),
        Route("/v1/payment_links/{link_id}", get_payment_link, methods=["GET"]),
        Route("/v1/payment_links/{link_id}", patch_payment_link, methods=["PATCH"]),
    ]
