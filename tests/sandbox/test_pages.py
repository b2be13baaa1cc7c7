"""The sandbox's payer pages over HTTP (no browser): checkout, PSE bank and payment links.

Pages are driven the way a browser without JavaScript would: read the HTML, take a form's
fields (hidden ones included), change what a payer types and post it to the form's action.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.sandbox.links import LINK_EXPIRED, LINK_INACTIVE, LINK_USED
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.wompi.checkout import (
    CheckoutRequest,
    CustomerData,
    build_checkout_url,
    format_expiration,
)
from mestore_desktop.wompi.signatures import integrity_signature

pytestmark = pytest.mark.anyio

RETURN = "https://pos.example.com/wompi/return?caja=1"
MERCHANT = "Tienda Demo MeStore"
CARD = {
    "card_number": "4242 4242 4242 4242",
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "Cliente Ejemplo",
    "customer_email": "cliente@example.com",
}
PSE = {
    "pse_bank": "1",
    "pse_legal_id": "1099888777",
    "full_name": "Cliente Ejemplo",
    "phone_number": "3001112233",
    "customer_email": "cliente@example.com",
}


class Forms(HTMLParser):
    """Every <form> of a page: its action and the values a browser would submit."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, Any]] = {}
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method"), "fields": {}}
            self.forms[a.get("id", "")] = self._form
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            self._form["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select:
            fields = self._form["fields"]
            if self._select not in fields or "selected" in a:
                fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


async def submit(
    client: httpx.AsyncClient, page: httpx.Response, form_id: str, **typed: str
) -> httpx.Response:
    """Post form `form_id` of `page` as a browser would, with `typed` over its values."""
    form = Forms(page.text).forms[form_id]
    assert form["method"] == "post"
    return await client.post(form["action"], data={**form["fields"], **typed})


def checkout_url(keys: SandboxKeys, **request: Any) -> str:
    """A Web Checkout URL signed by the POS's own builder (the real contract under test)."""
    fields = {"reference": "POS-CAJA1-000123", "amount_in_cents": 2500000, "redirect_url": RETURN}
    fields |= request
    checkout = CheckoutRequest(**fields)
    return build_checkout_url(
        "http://sandbox.test/p/", keys.public_key, keys.integrity_secret, checkout
    )


def raw_params(keys: SandboxKeys, **overrides: str) -> dict[str, str]:
    """Correctly signed parameters, then `overrides` (names with _ for - and : as __)."""
    params = {
        "public-key": keys.public_key,
        "currency": "COP",
        "amount-in-cents": "2500000",
        "reference": "POS-CAJA1-000123",
        "signature:integrity": integrity_signature(
            "POS-CAJA1-000123", 2500000, keys.integrity_secret
        ),
        "redirect-url": RETURN,
    }
    for name, value in overrides.items():
        params[name.replace("__", ":").replace("_", "-")] = value
    return {k: v for k, v in params.items() if v is not None}


def returned_id(response: httpx.Response, redirect: str = RETURN) -> str:
    """The transaction id of a 303 to `redirect` carrying `id` and `env=test`."""
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith(redirect + "&")
    query = parse_qs(urlsplit(location).query)
    assert query["env"] == ["test"]
    assert query["caja"] == ["1"]  # the merchant's own parameters survive
    return query["id"][0]


def assert_error_page(response: httpx.Response, status: int, *texts: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="error"' in response.text
    for text in texts:
        assert text in response.text


# -- Checkout page ---------------------------------------------------------------------------


async def test_checkout_shows_merchant_amount_reference_and_methods(client, keys) -> None:
    page = await client.get(checkout_url(keys))
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="es-CO">' in page.text
    assert MERCHANT in page.text
    assert '<p class="amount" id="amount">$ 25.000</p>' in page.text
    assert '<dd id="fact-referencia">POS-CAJA1-000123</dd>' in page.text
    assert set(Forms(page.text).forms) == {"card-form", "nequi-form", "pse-form"}
    for hint in ("4242 4242 4242 4242", "4111 1111 1111 1111", "3991111111", "3992222222"):
        assert hint in page.text
    assert "Banco que aprueba" in page.text
    assert "<script" not in page.text  # works without JavaScript
    assert "default-src 'none'" in page.headers["content-security-policy"]


async def test_checkout_prefills_customer_data(client, keys) -> None:
    customer = CustomerData(
        email="ana@example.com", full_name="Ana Pérez", phone_number="3001234567"
    )
    page = await client.get(checkout_url(keys, customer=customer))
    pse = Forms(page.text).forms["pse-form"]["fields"]
    assert pse["customer_email"] == "ana@example.com"
    assert pse["full_name"] == "Ana Pérez"
    assert pse["phone_number"] == "3001234567"


async def test_percent_encoded_and_literal_colon_are_both_accepted(client, keys) -> None:
    params = raw_params(keys)
    encoded = await client.get("/p/?" + urlencode(params))  # signature%3Aintegrity
    literal = await client.get("/p/?" + urlencode(params, safe=":"))
    assert "signature%3Aintegrity=" in str(encoded.request.url)
    assert encoded.status_code == literal.status_code == 200


@pytest.mark.parametrize(
    ("overrides", "status", "text"),
    [
        ({"signature__integrity": "0" * 64}, 422, "Firma de integridad no válida"),
        ({"amount_in_cents": "2500100"}, 422, "Firma de integridad no válida"),
        ({"public_key": "pub_test_" + "x" * 32}, 422, "no corresponde a este comercio"),
        ({"public_key": "pub_prod_" + "x" * 32}, 422, "es de producción"),
        ({"currency": "USD"}, 422, "Moneda no admitida"),
        ({"amount_in_cents": "25000.00"}, 422, "número entero de centavos"),
        ({"amount_in_cents": "abc"}, 422, "número entero de centavos"),
        ({"amount_in_cents": "-2500000"}, 422, "número entero de centavos"),
        ({"amount_in_cents": "0"}, 422, "número entero de centavos"),
        ({"amount_in_cents": "9" * 40}, 422, "número entero de centavos"),
        ({"amount_in_cents": "2500050"}, 422, "pesos completos"),
        ({"reference": None}, 400, "Falta el parámetro «reference»"),
        ({"signature__integrity": None, "public_key": None}, 400, "«public-key»"),
        ({"redirect_url": "javascript:alert(1)"}, 422, "redirect-url"),
        ({"expiration_time": "mañana"}, 422, "ISO-8601"),
    ],
)
async def test_bad_checkout_parameters_give_a_spanish_error_page(
    client, keys, overrides, status, text
) -> None:
    response = await client.get("/p/", params=raw_params(keys, **overrides))
    assert_error_page(response, status, text)


async def test_garbage_queries_never_give_a_500(client, keys) -> None:
    queries = ["", "?", "?public-key", "?%ff%fe=%ff", "?reference=" + "x" * 5000, "?a=1&a=2"]
    queries += ["?" + urlencode(raw_params(keys, reference="\x00"))]
    for query in queries:
        response = await client.get("/p/" + query)
        assert response.status_code in (400, 422), (query, response.status_code)
        assert 'id="error"' in response.text


async def test_included_taxes_are_shown(client, keys) -> None:
    page = await client.get(checkout_url(keys, vat_in_cents=399160))
    assert '<dd id="fact-iva-incluido">$ 3.991,60</dd>' in page.text


async def test_signed_expiration_in_the_future_is_shown(client, keys) -> None:
    moment = datetime.now(UTC) + timedelta(hours=1)
    page = await client.get(checkout_url(keys, expiration_time=moment))
    assert page.status_code == 200
    assert "Paga antes de" in page.text
    assert "hora de Colombia" in page.text


async def test_expired_checkout_refuses_payment(client, keys) -> None:
    moment = datetime.now(UTC) - timedelta(minutes=1)
    url = checkout_url(keys, expiration_time=moment)
    assert_error_page(await client.get(url), 422, "El tiempo para pagar terminó")


async def test_expiration_must_be_part_of_the_signature(client, keys) -> None:
    later = format_expiration(datetime.now(UTC) + timedelta(hours=1))
    response = await client.get("/p/", params=raw_params(keys, expiration_time=later))
    assert_error_page(response, 422, "Firma de integridad no válida")


async def test_reference_and_customer_data_are_escaped(client, keys, sandbox) -> None:
    reference = '<script>alert("x")</script>'
    params = raw_params(
        keys,
        reference=reference,
        signature__integrity=integrity_signature(reference, 2500000, keys.integrity_secret),
        customer_data__full_name='"><img src=x onerror=alert(1)>',
    )
    page = await client.get("/p/", params=params)
    assert page.status_code == 200
    assert "<script" not in page.text
    assert "<img" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.text
    # The escaped hidden field still carries the exact reference through the form post.
    assert page.text.count("&lt;script&gt;") == 4  # shown once, carried by three forms
    response = await submit(client, page, "card-form", **CARD)
    assert sandbox.get_transaction(returned_id(response))["reference"] == reference


# -- Paying from the checkout ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "outcome"),
    [
        ("4242 4242 4242 4242", "APPROVED"),
        ("4111111111111111", "DECLINED"),
        ("5555-5555-5555-4444", "ERROR"),
    ],
)
async def test_card_payment_redirects_with_the_new_transaction(
    client, keys, sandbox: Sandbox, number, outcome
) -> None:
    page = await client.get(checkout_url(keys))
    response = await submit(client, page, "card-form", **{**CARD, "card_number": number})
    tx = sandbox.get_transaction(returned_id(response))
    assert tx is not None
    assert tx["reference"] == "POS-CAJA1-000123"
    assert tx["amount_in_cents"] == 2500000
    assert tx["status"] == "PENDING"
    assert tx["payment_method_type"] == "CARD"
    assert tx["payment_method"]["extra"]["last_four"] == number[-4:]
    assert tx["customer_email"] == "cliente@example.com"
    assert tx["redirect_url"] == RETURN
    assert sandbox.expected_outcome(tx["id"]) == outcome


async def test_card_entries_are_checked_and_kept_on_the_page(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    typed = {"card_number": "4242 4242 4242 4241", "card_expiry": "01/20", "customer_email": "x"}
    response = await submit(client, page, "card-form", **{**CARD, **typed})
    assert response.status_code == 422
    assert "El número de la tarjeta no es válido." in response.text
    assert "no puede estar vencida" in response.text
    assert "correo electrónico válido" in response.text
    fields = Forms(response.text).forms["card-form"]["fields"]
    assert fields["card_number"] == "4242 4242 4242 4241"
    assert fields["card_cvc"] == ""  # never echoed back
    assert '<details name="metodo" class="method" id="card" open>' in response.text
    assert sandbox.transactions() == []


async def test_tampered_hidden_amount_is_refused_on_post(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    response = await submit(client, page, "card-form", **CARD, **{"amount-in-cents": "100"})
    assert_error_page(response, 422, "Firma de integridad no válida")
    assert sandbox.transactions() == []


async def test_non_form_post_is_a_400_page(client) -> None:
    response = await client.post("/p/pay", json={"method": "CARD"})
    assert_error_page(response, 400, "El formulario no llegó como se esperaba.")


async def test_nequi_payment(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    response = await submit(
        client, page, "nequi-form", nequi_phone="399 111 1111", customer_email="a@example.com"
    )
    tx = sandbox.get_transaction(returned_id(response))
    assert tx["payment_method"]["phone_number"] == "3991111111"
    assert sandbox.expected_outcome(tx["id"]) == "APPROVED"


async def test_nequi_phone_is_checked(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    response = await submit(
        client, page, "nequi-form", nequi_phone="12345", customer_email="a@b.co"
    )
    assert response.status_code == 422
    assert "10 dígitos y empieza por 3" in response.text
    assert '<details name="metodo" class="method" id="nequi" open>' in response.text


async def test_without_redirect_url_the_result_page_polls(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys, redirect_url=""))
    response = await submit(client, page, "card-form", **CARD)
    assert response.status_code == 303
    location = response.headers["location"]
    tx_id = location.removeprefix("/p/result/")
    assert sandbox.get_transaction(tx_id) is not None
    pending = await client.get(location)
    assert 'http-equiv="refresh"' in pending.text
    assert "Pago en proceso" in pending.text
    sandbox.approve(tx_id)
    approved = await client.get(location)
    assert "refresh" not in approved.text
    assert 'data-status="APPROVED"' in approved.text
    assert "Pago aprobado" in approved.text
    assert "$ 25.000" in approved.text


async def test_result_page_links_back_to_the_shop_when_final(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    tx_id = returned_id(await submit(client, page, "card-form", **CARD))
    sandbox.decline(tx_id)
    result = await client.get(f"/p/result/{tx_id}")
    assert "Pago rechazado" in result.text
    assert "Fondos Insuficientes" in result.text
    assert f"caja=1&amp;id={tx_id}&amp;env=test" in result.text


async def test_unknown_transaction_result_is_a_404_page(client) -> None:
    assert_error_page(await client.get("/p/result/nope"), 404, "Transacción no encontrada")


async def test_paid_reference_cannot_be_paid_again(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    tx_id = returned_id(await submit(client, page, "card-form", **CARD))
    assert_error_page(await client.get(checkout_url(keys)), 422, "Hay un pago en proceso")
    sandbox.approve(tx_id)
    assert_error_page(await client.get(checkout_url(keys)), 422, "ya fue pagada")
    # A stale page posted after the approval is refused as well.
    assert_error_page(await submit(client, page, "card-form", **CARD), 422, "ya fue pagada")


async def test_a_declined_reference_may_be_retried(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    sandbox.decline(returned_id(await submit(client, page, "card-form", **CARD)))
    retry = await client.get(checkout_url(keys))
    second = returned_id(await submit(client, retry, "card-form", **CARD))
    assert len(sandbox.transactions_by_reference("POS-CAJA1-000123")) == 2
    assert sandbox.expected_outcome(second) == "APPROVED"


# -- PSE -------------------------------------------------------------------------------------


async def pse_payment(client: httpx.AsyncClient, keys: SandboxKeys, **typed: str) -> str:
    """Pay by PSE from the checkout; returns the bank page URL it redirects to."""
    page = await client.get(checkout_url(keys))
    response = await submit(client, page, "pse-form", **{**PSE, **typed})
    assert response.status_code == 303, response.text
    return response.headers["location"]


async def test_pse_goes_to_the_bank_and_back(client, keys, sandbox) -> None:
    bank_url = await pse_payment(client, keys)
    assert bank_url.startswith("http://sandbox.test/_sandbox/pse/")
    tx_id = bank_url.rsplit("/", 1)[1]
    tx = sandbox.get_transaction(tx_id)
    assert tx["payment_method"]["financial_institution_code"] == "1"
    assert tx["payment_method"]["user_legal_id"] == "1099888777"
    assert tx["customer_data"]["full_name"] == "Cliente Ejemplo"
    bank = await client.get(bank_url)
    assert bank.status_code == 200
    assert '<h1 id="bank-name">Banco que aprueba</h1>' in bank.text
    assert "$ 25.000" in bank.text
    assert 'value="APPROVED" class="pay" autofocus' in bank.text
    response = await submit(client, bank, "bank-form", status="APPROVED")
    assert returned_id(response) == tx_id
    assert sandbox.get_transaction(tx_id)["status"] == "APPROVED"
    # Back or reload on the bank page after the answer: the result, not a second answer.
    again = await client.get(bank_url)
    assert again.status_code == 303
    assert again.headers["location"] == f"/p/result/{tx_id}"
    assert_error_page(await submit(client, bank, "bank-form", status="DECLINED"), 422, "ya")


@pytest.mark.parametrize("status", ["DECLINED", "ERROR"])
async def test_pse_bank_can_decline_or_fail(client, keys, sandbox, status) -> None:
    bank_url = await pse_payment(client, keys, pse_bank="2")
    bank = await client.get(bank_url)
    assert "Banco que rechaza" in bank.text
    tx_id = returned_id(await submit(client, bank, "bank-form", status=status))
    assert sandbox.get_transaction(tx_id)["status"] == status


async def test_pse_form_is_checked(client, keys, sandbox) -> None:
    page = await client.get(checkout_url(keys))
    typed = {**PSE, "pse_bank": "", "phone_number": "", "pse_user_type": "7"}
    response = await submit(client, page, "pse-form", **typed)
    assert response.status_code == 422
    for text in ("Elige tu banco.", "Elige el tipo de persona.", "El celular tiene 10 dígitos"):
        assert text in response.text
    assert sandbox.transactions() == []


async def test_bank_page_refuses_unknown_non_pse_and_bad_answers(client, keys, sandbox) -> None:
    assert_error_page(await client.get("/_sandbox/pse/nope"), 404, "Transacción no encontrada")
    page = await client.get(checkout_url(keys))
    card_tx = returned_id(await submit(client, page, "card-form", **CARD))
    assert_error_page(await client.get(f"/_sandbox/pse/{card_tx}"), 404, "no es un pago PSE")
    sandbox.error(card_tx)
    bank_url = await pse_payment(client, keys)
    bad = await client.post(bank_url, data={"status": "VOIDED"})
    assert_error_page(bad, 422, "Elige Aprobar, Rechazar, Simular error o Cancelar.")


# -- Payment links ---------------------------------------------------------------------------


def make_link(sandbox: Sandbox, **fields: Any) -> str:
    body = {
        "name": "Camiseta talla M",
        "description": "Pago de la camiseta <edición limitada>",
        "single_use": True,
        "collect_shipping": False,
        "currency": "COP",
        "amount_in_cents": 2500000,
        "redirect_url": RETURN,
    }
    return str(sandbox.create_payment_link(body | fields)["id"])


async def test_payment_link_page_and_payment(client, sandbox) -> None:
    link_id = make_link(sandbox)
    page = await client.get(f"/l/{link_id}")
    assert page.status_code == 200
    assert "Camiseta talla M" in page.text
    assert "Pago de la camiseta &lt;edición limitada&gt;" in page.text
    assert '<p class="amount" id="amount">$ 25.000</p>' in page.text
    tx = sandbox.get_transaction(returned_id(await submit(client, page, "card-form", **CARD)))
    assert tx["payment_link_id"] == link_id
    assert tx["amount_in_cents"] == 2500000
    assert re.fullmatch(rf"{link_id}_\d{{10}}_[A-Za-z0-9]+", tx["reference"])


async def test_single_use_link_refuses_after_approval(client, sandbox) -> None:
    link_id = make_link(sandbox)
    page = await client.get(f"/l/{link_id}")
    sandbox.approve(returned_id(await submit(client, page, "card-form", **CARD)))
    assert_error_page(await client.get(f"/l/{link_id}"), 422, LINK_USED)
    assert_error_page(await submit(client, page, "card-form", **CARD), 422, LINK_USED)


async def test_reusable_link_takes_several_payments(client, sandbox) -> None:
    link_id = make_link(sandbox, single_use=False)
    page = await client.get(f"/l/{link_id}")
    sandbox.approve(returned_id(await submit(client, page, "card-form", **CARD)))
    again = await client.get(f"/l/{link_id}")
    second = returned_id(
        await submit(client, again, "nequi-form", nequi_phone="3991111111", customer_email="a@b.co")
    )
    assert sandbox.get_transaction(second)["payment_link_id"] == link_id


async def test_link_expiry_is_shown_in_colombian_time(client, sandbox) -> None:
    link_id = make_link(sandbox, expires_at="2099-01-01T17:30:00")
    page = await client.get(f"/l/{link_id}")
    assert "<dt>Vence</dt><dd>01/01/2099 12:30 (hora de Colombia)</dd>" in page.text


async def test_expired_and_inactive_links_are_refused(client, sandbox) -> None:
    expired = make_link(sandbox, expires_at="2020-01-01T00:00:00")
    assert_error_page(await client.get(f"/l/{expired}"), 422, LINK_EXPIRED)
    inactive = make_link(sandbox)
    sandbox.set_payment_link_active(inactive, False)
    assert_error_page(await client.get(f"/l/{inactive}"), 422, LINK_INACTIVE)
    assert_error_page(await client.get("/l/test_nope00"), 404, "Link de pago no encontrado")


async def test_open_amount_link_asks_for_the_amount(client, sandbox) -> None:
    link_id = make_link(sandbox, amount_in_cents=None)
    ask = await client.get(f"/l/{link_id}")
    assert ask.status_code == 200
    assert "¿Cuánto vas a pagar?" in ask.text
    assert "card-form" not in ask.text
    bad = await client.get(f"/l/{link_id}", params={"monto": "veinte"})
    assert bad.status_code == 422
    assert 'id="form-errors"' in bad.text
    assert 'value="veinte"' in bad.text
    page = await client.get(f"/l/{link_id}", params={"monto": "$ 42.500"})
    assert '<p class="amount" id="amount">$ 42.500</p>' in page.text
    tx = sandbox.get_transaction(returned_id(await submit(client, page, "card-form", **CARD)))
    assert tx["amount_in_cents"] == 4250000


async def test_open_amount_post_without_a_whole_peso_amount_is_a_400_page(client, sandbox) -> None:
    link_id = make_link(sandbox, amount_in_cents=None)
    for amount in ("", "2500050", "-100"):
        form = {"method": "CARD", "amount-in-cents": amount, **CARD}
        response = await client.post(f"/l/{link_id}/pay", data=form)
        assert_error_page(response, 400, "Monto no válido")
    assert sandbox.transactions() == []
