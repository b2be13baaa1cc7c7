"""The Web Checkout URL carries every documented parameter, encoded and signed correctly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from mestore_desktop.wompi.checkout import (
    CheckoutRequest,
    CheckoutUrlError,
    CustomerData,
    ShippingAddress,
    build_checkout_url,
    format_expiration,
)
from mestore_desktop.wompi.signatures import integrity_signature

PUB = "pub_test_EXAMPLEONLYnotArealPublicKey0000"
SECRET = "test_integrity_EXAMPLEONLYnotArealSecret000"
BASE = "https://checkout.wompi.co/p/"


def params(url: str) -> dict[str, str]:
    parsed = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in parsed.values())
    return {k: v[0] for k, v in parsed.items()}


def test_reference_example_signature_and_encoding() -> None:
    url = build_checkout_url(BASE, PUB, SECRET, CheckoutRequest("POS-CAJA1-000123", 2_500_000))
    assert url.startswith("https://checkout.wompi.co/p/?public-key=")
    assert "signature%3Aintegrity=" in url  # the colon is percent-encoded
    got = params(url)
    assert got == {
        "public-key": PUB,
        "currency": "COP",
        "amount-in-cents": "2500000",
        "reference": "POS-CAJA1-000123",
        "signature:integrity": "84096d559c03e4dd7bf0117508875186a6a50143f8a82e76567bca44e273859f",
    }


def test_expiration_is_signed_byte_identical() -> None:
    expires = datetime(2030, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=-5)))  # Bogotá
    url = build_checkout_url(
        BASE, PUB, SECRET, CheckoutRequest("POS-CAJA1-000123", 2_500_000, expiration_time=expires)
    )
    got = params(url)
    assert got["expiration-time"] == "2030-01-01T05:00:00.000Z"
    assert (
        got["signature:integrity"]
        == "25d57da119a01c69fb5ec12f701cacd88ed727f576c6b9a2d8f35c9c949ff470"
    )


def test_every_optional_parameter() -> None:
    request = CheckoutRequest(
        reference="T01-000123-2",
        amount_in_cents=11_900_000,
        redirect_url="http://127.0.0.1:9/return?x=1&y=2",
        customer=CustomerData(
            email="ana+pos@example.com",
            full_name="Ana María Pérez",
            phone_number="3001234567",
            legal_id="1020304050",
            legal_id_type="CC",
        ),
        shipping=ShippingAddress(
            address_line_1="Calle 10 # 5-51",
            country="CO",
            region="Antioquia",
            city="Medellín",
            phone_number="3001234567",
            name="Ana",
            postal_code="050001",
        ),
        vat_in_cents=1_900_000,
        consumption_tax_in_cents=0,
        collect_shipping=True,
        collect_customer_legal_id=True,
    )
    got = params(build_checkout_url("http://127.0.0.1:8000/p", PUB, SECRET, request))
    assert got["redirect-url"] == "http://127.0.0.1:9/return?x=1&y=2"
    assert got["customer-data:email"] == "ana+pos@example.com"
    assert got["customer-data:full-name"] == "Ana María Pérez"
    assert got["customer-data:phone-number"] == "3001234567"
    assert got["customer-data:phone-number-prefix"] == "+57"
    assert got["customer-data:legal-id"] == "1020304050"
    assert got["customer-data:legal-id-type"] == "CC"
    assert got["shipping-address:address-line-1"] == "Calle 10 # 5-51"
    assert got["shipping-address:city"] == "Medellín"
    assert got["shipping-address:postal-code"] == "050001"
    assert got["tax-in-cents:vat"] == "1900000"
    assert got["tax-in-cents:consumption"] == "0"
    assert got["collect-shipping"] == "true"
    assert got["collect-customer-legal-id"] == "true"
    assert got["signature:integrity"] == integrity_signature("T01-000123-2", 11_900_000, SECRET)


def test_partial_pairs_are_left_out() -> None:
    request = CheckoutRequest(
        "T01-000001-1", 100_000, customer=CustomerData(legal_id="123", phone_number="")
    )
    got = params(build_checkout_url(BASE, PUB, SECRET, request))
    assert "customer-data:legal-id" not in got
    assert "customer-data:phone-number-prefix" not in got


@pytest.mark.parametrize(
    ("base", "pub", "secret", "request_", "message"),
    [
        ("checkout", PUB, SECRET, CheckoutRequest("R1", 100), "URL"),
        (BASE, "prv_test_x", SECRET, CheckoutRequest("R1", 100), "llave pública"),
        (BASE, PUB, "", CheckoutRequest("R1", 100), "integridad"),
        (BASE, PUB, SECRET, CheckoutRequest("R 1", 100), "referencia"),
        (BASE, PUB, SECRET, CheckoutRequest("R1", 0), "mayor que cero"),
        (BASE, PUB, SECRET, CheckoutRequest("R1", 150), "pesos completos"),
        (
            BASE,
            PUB,
            SECRET,
            CheckoutRequest("R1", 100, customer=CustomerData(legal_id="1", legal_id_type="XX")),
            "documento",
        ),
    ],
)
def test_bad_inputs_are_refused_in_spanish(base, pub, secret, request_, message) -> None:
    with pytest.raises(CheckoutUrlError, match=message):
        build_checkout_url(base, pub, secret, request_)


def test_secret_never_appears_in_the_url() -> None:
    url = build_checkout_url(BASE, PUB, SECRET, CheckoutRequest("R1", 100))
    assert SECRET not in url


def test_expiration_format() -> None:
    assert format_expiration(datetime(2023, 6, 9, 20, 28, 50, tzinfo=UTC)) == (
        "2023-06-09T20:28:50.000Z"
    )
    assert format_expiration(datetime(2023, 6, 9, 20, 28, 50, 123999, tzinfo=UTC)).endswith(".123Z")
    with pytest.raises(CheckoutUrlError):
        format_expiration(datetime(2023, 6, 9))
