"""The detours of Wompi's sandbox (docs/wompi.md §9, §4.5, §2.1): 3-D Secure test cards (the
challenge on a bank host of its own, and the frictionless ones), a PSE payer who cancels at the
bank, and a payer who walks away past a checkout's `expiration-time` (the deadline clock).

Pages are driven as in test_pages.py: read a form, type into it, post it where it points.
"""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from mestore_desktop.sandbox import hosts
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.payments import (
    PSE_CANCELLED,
    THREE_DS_CHALLENGE_CANCELLED,
    THREE_DS_CHALLENGE_FAILED,
)
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.wompi.checkout import CheckoutRequest, build_checkout_url, format_expiration
from mestore_desktop.wompi.signatures import integrity_signature
from tests.sandbox.helpers import (
    acceptance_tokens,
    bearer,
    card_token,
    transaction_body,
    wait_for,
)
from tests.sandbox.test_pages import (
    CARD,
    RETURN,
    Forms,
    assert_error_page,
    checkout_url,
    pse_payment,
    returned_id,
    submit,
)

pytestmark = pytest.mark.anyio

BANK = "http://bank.test"
CHALLENGE_CARD = "2303 7799 5100 0446"


@pytest.fixture
async def bank(harness, replace_config) -> tuple[httpx.AsyncClient, Sandbox]:
    """A sandbox whose bank pages live on a host of their own, as SandboxServer serves them."""
    return harness.make(replace_config(bank_base_url=BANK))


@pytest.fixture
async def settling(harness, replace_config) -> tuple[httpx.AsyncClient, Sandbox]:
    """A sandbox that settles transactions by itself, quickly."""
    return harness.make(replace_config(auto_finalize=True, finalize_delay_s=0.01))


async def pay_with_card(
    client: httpx.AsyncClient, keys: SandboxKeys, number: str, **request: Any
) -> httpx.Response:
    page = await client.get(checkout_url(keys, **request))
    return await submit(client, page, "card-form", **{**CARD, "card_number": number})


async def start_challenge(client: httpx.AsyncClient, keys: SandboxKeys) -> str:
    """Pay with the challenge card; returns the transaction id (the payer is at /p/verify)."""
    response = await pay_with_card(client, keys, CHALLENGE_CARD)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith("/p/verify/")
    return location.removeprefix("/p/verify/")


def three_ds(tx: dict[str, Any]) -> dict[str, Any]:
    return tx["payment_method"]["extra"]["three_ds_auth"]


# -- 3-D Secure: the challenge ---------------------------------------------------------------


async def test_the_challenge_card_waits_for_the_payer_on_the_bank_host(bank, keys) -> None:
    client, sandbox = bank
    tx_id = await start_challenge(client, keys)

    tx = sandbox.get_transaction(tx_id)
    assert tx["status"] == "PENDING"
    extra = tx["payment_method"]["extra"]
    assert extra["is_three_ds"] is True
    assert extra["last_four"] == "0446" and extra["brand"] == "MASTERCARD"
    challenge = f"{BANK}/_sandbox/3ds/{tx_id}"
    assert three_ds(tx) == {
        "current_step": "CHALLENGE",
        "current_step_status": "PENDING",
        "challenge_url": challenge,
    }
    assert sandbox.challenge_url(tx_id) == challenge
    # The checkout's host sends the browser on to the bank's host at once, and keeps a link
    # that opens the challenge in a window of its own.
    verify = await client.get(f"/p/verify/{tx_id}")
    assert verify.status_code == 200
    assert f'<meta http-equiv="refresh" content="0; url={challenge}">' in verify.text
    assert f'href="{challenge}" target="_blank"' in verify.text
    page = await client.get(challenge)
    assert page.status_code == 200
    assert 'id="challenge-form"' in page.text
    assert "MASTERCARD •••• 0446" in page.text and "$ 25.000" in page.text
    assert "Tienda Demo MeStore" in page.text


async def test_passing_the_challenge_approves_and_returns_to_the_shop(bank, keys) -> None:
    client, sandbox = bank
    tx_id = await start_challenge(client, keys)
    page = await client.get(f"{BANK}/_sandbox/3ds/{tx_id}")

    response = await submit(client, page, "challenge-form", otp="123456", answer="confirm")

    assert returned_id(response) == tx_id
    tx = sandbox.get_transaction(tx_id)
    assert tx["status"] == "APPROVED"
    assert tx["status_message"] is None
    assert tx["payment_method"]["extra"]["processor_response_code"] == "00"
    assert three_ds(tx)["current_step"] == "AUTHENTICATION"
    assert three_ds(tx)["current_step_status"] == "COMPLETED"
    assert [e["data"]["transaction"]["status"] for e in sandbox.published_events()] == ["APPROVED"]
    # Back or reload on either page afterwards: the outcome, never a second answer.
    again = await client.get(f"{BANK}/_sandbox/3ds/{tx_id}")
    assert again.status_code == 303
    assert again.headers["location"] == f"http://sandbox.test/p/result/{tx_id}"
    assert returned_id(await client.get(f"/p/verify/{tx_id}")) == tx_id
    late = await submit(client, page, "challenge-form", otp="123456", answer="confirm")
    assert_error_page(late, 422, "Esta verificación ya terminó")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"otp": "000000", "answer": "confirm"}, THREE_DS_CHALLENGE_FAILED),
        ({"otp": "", "answer": "cancel"}, THREE_DS_CHALLENGE_CANCELLED),
        ({"otp": "123456", "answer": "cancel"}, THREE_DS_CHALLENGE_CANCELLED),
    ],
)
async def test_failing_or_cancelling_the_challenge_declines(bank, keys, typed, message) -> None:
    client, sandbox = bank
    tx_id = await start_challenge(client, keys)
    page = await client.get(f"{BANK}/_sandbox/3ds/{tx_id}")

    assert returned_id(await submit(client, page, "challenge-form", **typed)) == tx_id

    tx = sandbox.get_transaction(tx_id)
    assert (tx["status"], tx["status_message"]) == ("DECLINED", message)
    assert three_ds(tx)["current_step_status"] == "FAILED"


async def test_an_empty_code_is_asked_for_again(bank, keys) -> None:
    client, sandbox = bank
    tx_id = await start_challenge(client, keys)
    page = await client.get(f"{BANK}/_sandbox/3ds/{tx_id}")

    response = await submit(client, page, "challenge-form", otp=" ", answer="confirm")

    assert response.status_code == 422
    assert "Escribe el código de verificación." in response.text
    assert 'id="challenge-form"' in response.text
    assert sandbox.get_transaction(tx_id)["status"] == "PENDING"
    bad = await client.post(f"{BANK}/_sandbox/3ds/{tx_id}", data={"answer": "maybe"})
    assert_error_page(bad, 422, "Elige Confirmar o Cancelar.")


async def test_without_a_bank_host_the_challenge_is_on_the_sandbox_host(client, keys, sandbox):
    tx_id = await start_challenge(client, keys)
    assert sandbox.challenge_url(tx_id) == f"http://sandbox.test/_sandbox/3ds/{tx_id}"


async def test_the_challenge_never_settles_by_itself(settling, keys) -> None:
    client, sandbox = settling
    tx_id = await start_challenge(client, keys)
    normal = returned_id(await pay_with_card(client, keys, "4242 4242 4242 4242", reference="B"))
    await wait_for(lambda: sandbox.get_transaction(normal)["status"] == "APPROVED")
    assert sandbox.get_transaction(tx_id)["status"] == "PENDING"


async def test_a_challenge_settled_by_a_control_is_no_longer_offered(bank, keys) -> None:
    client, sandbox = bank
    tx_id = await start_challenge(client, keys)
    assert (await client.post(f"/_sandbox/transactions/{tx_id}/decline")).status_code == 200
    assert sandbox.challenge_url(tx_id) is None
    page = await client.get(f"{BANK}/_sandbox/3ds/{tx_id}")
    assert page.headers["location"] == f"http://sandbox.test/p/result/{tx_id}"


async def test_the_result_page_links_to_a_waiting_challenge(client, keys, sandbox) -> None:
    response = await pay_with_card(client, keys, CHALLENGE_CARD, redirect_url="")
    tx_id = response.headers["location"].removeprefix("/p/verify/")
    result = await client.get(f"/p/result/{tx_id}")
    assert "Abrir la verificación del banco" in result.text
    assert f"/_sandbox/3ds/{tx_id}" in result.text
    # Without a redirect URL, the challenge returns the payer to the checkout's result page.
    page = await client.get(f"/_sandbox/3ds/{tx_id}")
    done = await submit(client, page, "challenge-form", otp="123456", answer="confirm")
    assert done.headers["location"] == f"http://sandbox.test/p/result/{tx_id}"


async def test_challenge_pages_refuse_other_transactions(client, keys, sandbox) -> None:
    assert_error_page(await client.get("/_sandbox/3ds/nope"), 404, "Transacción no encontrada")
    tx_id = returned_id(await pay_with_card(client, keys, "4242 4242 4242 4242"))
    assert_error_page(await client.get(f"/_sandbox/3ds/{tx_id}"), 404, "no tiene una verificación")
    verify = await client.get(f"/p/verify/{tx_id}")
    assert returned_id(verify) == tx_id  # nothing to verify: on to the shop


# -- 3-D Secure: frictionless ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "status", "step", "message"),
    [
        ("2303 7799 5100 0297", "APPROVED", ("AUTHENTICATION", "COMPLETED"), None),
        ("2303 7799 5100 0453", "DECLINED", ("AUTHENTICATION", "DECLINED"), "no autenticó"),
        ("2303 7799 5100 0354", "ERROR", ("AUTHENTICATION", "ERROR"), "autenticación 3D"),
        ("2303 7799 5100 0347", "ERROR", ("SUPPORTED_VERSION", "ERROR"), "versión de 3D"),
    ],
)
async def test_frictionless_cards_settle_as_named(
    settling, keys, number, status, step, message
) -> None:
    client, sandbox = settling
    tx_id = returned_id(await pay_with_card(client, keys, number))

    tx = await wait_for(lambda: (t := sandbox.get_transaction(tx_id))["status"] != "PENDING" and t)

    assert tx["status"] == status
    assert tx["payment_method"]["extra"]["is_three_ds"] is True
    assert (three_ds(tx)["current_step"], three_ds(tx)["current_step_status"]) == step
    assert "challenge_url" not in three_ds(tx)
    if message is None:
        assert tx["status_message"] is None
    else:
        assert message in tx["status_message"]


async def test_plain_cards_do_not_go_through_3ds(settling, keys) -> None:
    client, sandbox = settling
    tx_id = returned_id(await pay_with_card(client, keys, "4111 1111 1111 1111"))
    tx = await wait_for(lambda: (t := sandbox.get_transaction(tx_id))["status"] != "PENDING" and t)
    assert tx["status_message"] == "Fondos Insuficientes"
    extra = tx["payment_method"]["extra"]
    assert extra["is_three_ds"] is False and "three_ds_auth" not in extra


# -- 3-D Secure over the API -----------------------------------------------------------------


async def api_card_payment(
    client: httpx.AsyncClient, keys: SandboxKeys, number: str, reference: str, **extra: Any
) -> httpx.Response:
    token = await card_token(client, keys, number)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
        reference=reference,
        **extra,
    )
    return await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))


async def test_api_three_ds_auth_type_forces_a_challenge_on_4242(bank, keys) -> None:
    client, sandbox = bank
    response = await api_card_payment(
        client, keys, "4242424242424242", "API-3DS-1", is_three_ds=True,
        three_ds_auth_type="challenge_v2",
    )  # fmt: skip
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    extra = created["payment_method"]["extra"]
    assert extra["three_ds_auth_type"] == "challenge_v2"
    assert three_ds(created)["challenge_url"] == f"{BANK}/_sandbox/3ds/{created['id']}"
    sandbox.answer_challenge(created["id"], authenticated=True)
    assert sandbox.get_transaction(created["id"])["status"] == "APPROVED"


async def test_api_challenge_denied_and_the_3ds_cards(settling, keys) -> None:
    client, sandbox = settling
    denied = await api_card_payment(
        client, keys, "4242424242424242", "API-3DS-2", is_three_ds=True,
        three_ds_auth_type="challenge_denied",
    )  # fmt: skip
    card = await api_card_payment(client, keys, "2303779951000446", "API-3DS-3")
    plain = await api_card_payment(client, keys, "4242424242424242", "API-3DS-4", is_three_ds=True)
    denied_id, card_id = denied.json()["data"]["id"], card.json()["data"]["id"]
    plain_id = plain.json()["data"]["id"]
    await wait_for(lambda: sandbox.get_transaction(denied_id)["status"] == "DECLINED")
    await wait_for(lambda: sandbox.get_transaction(plain_id)["status"] == "APPROVED")
    assert three_ds(sandbox.get_transaction(plain_id))["current_step_status"] == "COMPLETED"
    assert sandbox.challenge_url(card_id) is not None  # the card brings its own scenario
    assert sandbox.get_transaction(card_id)["status"] == "PENDING"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"is_three_ds": "yes"}, "is_three_ds"),
        ({"is_three_ds": True, "three_ds_auth_type": "magic"}, "three_ds_auth_type"),
        ({"is_three_ds": True, "three_ds_auth_type": ["challenge_v2"]}, "three_ds_auth_type"),
    ],
)
async def test_api_bad_three_ds_fields_are_422(client, keys, sandbox, extra, field) -> None:
    response = await api_card_payment(client, keys, "4242424242424242", "API-3DS-5", **extra)
    assert response.status_code == 422
    assert field in response.json()["error"]["messages"]
    assert sandbox.transactions() == []


# -- PSE: the payer cancels at the bank ------------------------------------------------------


async def test_a_pse_payer_who_cancels_at_the_bank_is_declined(client, keys, sandbox) -> None:
    bank_url = await pse_payment(client, keys)
    bank = await client.get(bank_url)
    assert '<button type="submit" name="status" value="CANCELLED"' in bank.text
    assert ">Cancelar</button>" in bank.text

    tx_id = returned_id(await submit(client, bank, "bank-form", status="CANCELLED"))

    tx = sandbox.get_transaction(tx_id)
    assert (tx["status"], tx["status_message"]) == ("DECLINED", PSE_CANCELLED)
    event = sandbox.published_events()[-1]["data"]["transaction"]
    assert (event["status"], event["status_message"]) == ("DECLINED", PSE_CANCELLED)
    # A declined attempt may be retried under the same reference, as on Wompi's checkout.
    assert (await client.get(checkout_url(keys))).status_code == 200


# -- A payer who walks away: the deadline clock ----------------------------------------------


async def advance(client: httpx.AsyncClient, seconds: float) -> dict[str, Any]:
    response = await client.post("/_sandbox/clock/advance", json={"seconds": seconds})
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_the_clock_control_moves_deadlines_only_forward(client) -> None:
    first = (await client.get("/_sandbox/clock")).json()["data"]
    assert first["offset_s"] == 0
    moved = await advance(client, 3600)
    assert moved["offset_s"] == 3600
    ahead = datetime.fromisoformat(moved["now"]) - datetime.now(UTC)
    assert timedelta(minutes=59) < ahead < timedelta(minutes=61)
    assert (await advance(client, 0.5))["offset_s"] == 3600.5
    reset = (await client.post("/_sandbox/clock/reset")).json()["data"]
    assert reset["offset_s"] == 0


@pytest.mark.parametrize(
    "body",
    ['{"seconds": -1}', '{"seconds": "60"}', "{}", '{"seconds": NaN}', '{"seconds": 1e12}'],
)
async def test_bad_clock_moves_are_422(client, body) -> None:
    response = await client.post(
        "/_sandbox/clock/advance", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert (await client.get("/_sandbox/clock")).json()["data"]["offset_s"] == 0
    assert (await client.post("/_sandbox/clock/rewind")).status_code == 404


async def test_a_checkout_refuses_payment_after_its_expiration_time(client, keys, sandbox):
    deadline = datetime.now(UTC) + timedelta(minutes=15)
    url = checkout_url(keys, expiration_time=deadline)
    page = await client.get(url)
    assert page.status_code == 200
    assert "Paga antes de" in page.text

    await advance(client, 15 * 60 + 1)  # the customer walked away; the page stayed open

    assert_error_page(await client.get(url), 422, "El tiempo para pagar terminó")
    late = await submit(client, page, "card-form", **CARD)
    assert_error_page(late, 422, "El tiempo para pagar terminó", "Pide al comercio un nuevo")
    assert sandbox.transactions() == []
    await client.post("/_sandbox/clock/reset")
    assert (await client.get(url)).status_code == 200


async def test_the_api_refuses_an_expired_expiration_time(client, keys, sandbox) -> None:
    deadline = format_expiration(datetime.now(UTC) + timedelta(minutes=15))
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
        reference="API-EXP-1",
        expiration_time=deadline,
    )
    body["signature"] = signed_with_expiration(keys, "API-EXP-1", deadline)
    await advance(client, 16 * 60)
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert response.json()["error"]["messages"]["expiration_time"] == [
        "La fecha de expiración ya pasó"
    ]
    assert sandbox.transactions() == []


def signed_with_expiration(keys: SandboxKeys, reference: str, expiration: str) -> str:
    return integrity_signature(
        reference, 2500000, keys.integrity_secret, expiration_time=expiration
    )


async def test_acceptance_tokens_and_payment_links_expire_by_the_clock(client, keys, sandbox):
    acceptance = await acceptance_tokens(client, keys)
    link = sandbox.create_payment_link(
        {
            "name": "Camiseta",
            "description": "Talla M",
            "single_use": True,
            "collect_shipping": False,
            "currency": "COP",
            "amount_in_cents": 2500000,
            "expires_at": (datetime.now(UTC) + timedelta(minutes=30)).isoformat(),
        }
    )
    assert (await client.get(f"/l/{link['id']}")).status_code == 200

    await advance(client, 3601)

    assert_error_page(await client.get(f"/l/{link['id']}"), 422, "no se puede pagar")
    token = await card_token(client, keys)
    body = transaction_body(
        keys, acceptance, {"type": "CARD", "token": token, "installments": 1}, reference="EXP-2"
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert "acceptance_token" in response.json()["error"]["messages"]


async def test_a_transaction_left_at_the_bank_stays_pending_past_the_deadline(
    client, keys, sandbox
) -> None:
    # Wompi documents no expiry for a created transaction (docs/wompi.md §4.5): the checkout's
    # deadline stops new payments, but a payer still at the bank may finish later, and the
    # shop hears of it (a late approval).
    deadline = datetime.now(UTC) + timedelta(minutes=15)
    page = await client.get(checkout_url(keys, expiration_time=deadline))
    pse_form = {"pse_bank": "1", "pse_legal_id": "1099888777", "full_name": "Cliente Ejemplo"}
    pse_form |= {"phone_number": "3001112233", "customer_email": "cliente@example.com"}
    bank_url = (await submit(client, page, "pse-form", **pse_form)).headers["location"]

    await advance(client, 24 * 3600)

    tx_id = bank_url.rsplit("/", 1)[1]
    assert sandbox.get_transaction(tx_id)["status"] == "PENDING"
    bank = await client.get(bank_url)
    assert returned_id(await submit(client, bank, "bank-form", status="APPROVED")) == tx_id
    assert sandbox.get_transaction(tx_id)["status"] == "APPROVED"


# -- The bank's host over real HTTP, and what the desktop learns of it -----------------------


def test_the_server_serves_bank_pages_on_a_port_of_their_own() -> None:
    config = SandboxConfig(keys=generate_keys(), auto_finalize=False)
    with SandboxServer(config) as server:
        assert server.bank_url.startswith("http://127.0.0.1:")
        assert server.bank_url != server.base_url
        assert server.sandbox.config.bank_url == server.bank_url
        bank_host = server.bank_url.removeprefix("http://")
        assert hosts.bank_hosts_for(server.config.checkout_url) == (bank_host,)
        assert hosts.bank_hosts_for(server.config.api_url) == (bank_host,)
        with httpx.Client(timeout=5) as http:
            checkout = http.get(checkout_url_for(server, reference="HTTP-3DS"))
            form = Forms(checkout.text).forms["card-form"]
            typed = {**form["fields"], **CARD, "card_number": CHALLENGE_CARD}
            paid = http.post(server.base_url + form["action"], data=typed)
            tx_id = paid.headers["location"].rsplit("/", 1)[1]
            challenge = server.sandbox.challenge_url(tx_id)
            assert challenge == f"{server.bank_url}/_sandbox/3ds/{tx_id}"
            page = http.get(challenge)
            assert page.status_code == 200 and 'id="challenge-form"' in page.text
            done = http.post(challenge, data={"otp": "123456", "answer": "confirm"})
            assert done.status_code == 303
        assert server.sandbox.get_transaction(tx_id)["status"] == "APPROVED"
    assert hosts.bank_hosts_for(server.config.checkout_url) == ()


def test_without_a_bank_port_nothing_is_announced() -> None:
    with SandboxServer(SandboxConfig(keys=generate_keys()), bank_port=None) as server:
        assert server.bank_url == server.base_url
        assert hosts.bank_hosts_for(server.config.checkout_url) == ()
    assert hosts.bank_hosts_for("http://127.0.0.1:1/p/") == ()
    assert hosts.bank_hosts_for("not a url") == ()


def test_a_taken_bank_port_leaves_nothing_bound() -> None:
    with SandboxServer(SandboxConfig(keys=generate_keys())) as running:
        taken = int(running.base_url.rsplit(":", 1)[1])
        free = free_port()
        with pytest.raises(OSError, match="in use"):
            SandboxServer(SandboxConfig(keys=generate_keys()), port=free, bank_port=taken)
        # The failed server let go of its own port: it can be taken again at once.
        with SandboxServer(SandboxConfig(keys=generate_keys()), port=free) as again:
            assert again.base_url.endswith(f":{free}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def checkout_url_for(server: SandboxServer, **request: Any) -> str:
    fields = {"reference": "R", "amount_in_cents": 2500000, "redirect_url": RETURN} | request
    keys = server.config.keys
    return build_checkout_url(
        server.config.checkout_url,
        keys.public_key,
        keys.integrity_secret,
        CheckoutRequest(**fields),
    )


async def test_a_restarted_sandbox_points_a_waiting_challenge_at_its_new_bank_host(
    harness, replace_config, keys, tmp_path
) -> None:
    state = tmp_path / "sandbox.json"
    client, sandbox = harness.make(replace_config(bank_base_url=BANK, state_file=state))
    tx_id = await start_challenge(client, keys)
    assert sandbox.challenge_url(tx_id) == f"{BANK}/_sandbox/3ds/{tx_id}"

    moved = "http://127.0.0.1:9"
    _, restarted = harness.make(replace_config(bank_base_url=moved, state_file=state))

    assert restarted.challenge_url(tx_id) == f"{moved}/_sandbox/3ds/{tx_id}"
    restarted.answer_challenge(tx_id, authenticated=True)
    assert restarted.get_transaction(tx_id)["status"] == "APPROVED"
    assert re.fullmatch(r"[0-9]+-[0-9]{10}-[0-9]{5}", tx_id)
