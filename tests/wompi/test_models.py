"""Typed Wompi results: the reference payloads parse, bad shapes name the field, labels read well.

The payload builders here are shared with the client tests.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import PaymentStatus, StatusSource
from mestore_desktop.wompi.errors import WompiBadResponseError
from mestore_desktop.wompi.models import (
    CardToken,
    FinancialInstitution,
    Merchant,
    NequiToken,
    PaymentLink,
    PaymentLinkRequest,
    Tax,
    Transaction,
    TransactionRequest,
    format_timestamp,
    parse_transactions,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "wompi_examples"
PUBLIC_KEY = "pub_test_EXAMPLEONLYnotArealPublicKey0000"


def example(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def transaction_payload(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(example("transaction-card-approved.json")["data"])
    data.update(overrides)
    return data


def merchant_payload(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": 12345,
        "name": "Tienda Ejemplo POS",
        "legal_name": "Tienda Ejemplo S.A.S.",
        "public_key": PUBLIC_KEY,
        "accepted_currencies": ["COP"],
        "accepted_payment_methods": ["CARD", "NEQUI", "PSE"],
        "presigned_acceptance": {
            "acceptance_token": "eyJhbGciOiJIUzI1NiJ9.acceptance.sig",
            "permalink": "https://wompi.example/terminos.pdf",
            "type": "END_USER_POLICY",
        },
        "presigned_personal_data_auth": {
            "acceptance_token": "eyJhbGciOiJIUzI1NiJ9.personal.sig",
            "permalink": "https://wompi.example/datos.pdf",
            "type": "PERSONAL_DATA_AUTH",
        },
    }
    data.update(overrides)
    return data


def link_payload(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(example("payment-link-create-response.json")["data"])
    data.update(overrides)
    return data


def test_the_reference_card_transaction_parses() -> None:
    tx = Transaction.from_api(transaction_payload())
    assert tx.id == "12345-1735750800-10001"
    assert tx.reference == "POS-CAJA1-000123"
    assert tx.amount_in_cents == 2_500_000
    assert tx.amount == Money(2_500_000)
    assert tx.status is PaymentStatus.APPROVED
    assert tx.created_at == datetime(2025, 1, 1, 17, 0, tzinfo=UTC)
    assert tx.finalized_at == datetime(2025, 1, 1, 17, 0, 2, tzinfo=UTC)
    assert tx.payment_method.brand == "VISA"
    assert tx.payment_method.last_four == "4242"
    assert tx.payment_method.card_name == "VISA-4242"
    assert tx.payment_method.installments == 1
    assert tx.payment_link_id is None
    assert tx.redirect_url == "https://pos.example.com/wompi/return"
    assert tx.raw["merchant"]["legal_id"] == "900000000-1"
    assert tx.method_label == "VISA ••4242"


def test_the_event_body_transaction_parses_too() -> None:
    event = example("event-transaction-updated.json")
    assert Transaction.from_api(event["data"]["transaction"]).status is PaymentStatus.APPROVED


def test_to_observation_carries_money_method_and_message() -> None:
    tx = Transaction.from_api(
        transaction_payload(status="DECLINED", status_message="Fondos insuficientes")
    )
    at = datetime(2025, 1, 1, 17, 5, tzinfo=UTC)
    obs = tx.to_observation(StatusSource.POLL, at)
    assert obs.transaction_id == tx.id
    assert obs.status is PaymentStatus.DECLINED
    assert obs.source is StatusSource.POLL
    assert obs.observed_at == at
    assert obs.amount == Money(2_500_000)
    assert obs.payment_method == "VISA ••4242"
    assert obs.status_message == "Fondos insuficientes"


def test_to_observation_refuses_a_currency_that_is_not_pesos() -> None:
    tx = Transaction.from_api(transaction_payload(currency="USD"))
    with pytest.raises(WompiBadResponseError, match=r"transaction\.currency"):
        tx.to_observation(StatusSource.POLL, datetime.now(UTC))


@pytest.mark.parametrize(
    ("method", "label"),
    [
        ({"type": "NEQUI", "phone_number": "3991111111", "extra": {}}, "Nequi 399•••1111"),
        ({"type": "NEQUI"}, "Nequi"),
        ({"type": "PSE", "financial_institution_code": "1", "user_type": 0}, "PSE"),
        ({"type": "CARD", "extra": {"last_four": "1111"}}, "Tarjeta ••1111"),
        ({"type": "CARD", "extra": {"brand": "MASTERCARD"}}, "MASTERCARD"),
        ({"type": "BANCOLOMBIA_TRANSFER"}, "Botón Bancolombia"),
        ({"type": "DAVIPLATA"}, "Daviplata"),
        ({"type": "SOMETHING_NEW"}, "SOMETHING_NEW"),
    ],
)
def test_method_label(method: dict[str, Any], label: str) -> None:
    payload = transaction_payload(payment_method_type=method["type"], payment_method=method)
    assert Transaction.from_api(payload).method_label == label


def test_method_label_without_any_method_says_wompi() -> None:
    payload = transaction_payload(payment_method_type=None, payment_method=None)
    tx = Transaction.from_api(payload)
    assert tx.payment_method.type is None
    assert tx.method_label == "Wompi"


def test_pse_details_and_async_url_are_read() -> None:
    method = {
        "type": "PSE",
        "financial_institution_code": "1",
        "payment_description": "Pedido 12",
        "extra": {"async_payment_url": "https://bank.example/pay"},
    }
    tx = Transaction.from_api(transaction_payload(payment_method_type="PSE", payment_method=method))
    assert tx.payment_method.financial_institution_code == "1"
    assert tx.payment_method.async_payment_url == "https://bank.example/pay"
    assert tx.payment_method.payment_description == "Pedido 12"


def test_descriptive_extras_of_odd_types_are_ignored_not_fatal() -> None:
    method = {"type": "CARD", "installments": "1", "extra": {"brand": 7, "last_four": ["4"]}}
    tx = Transaction.from_api(transaction_payload(payment_method=method))
    assert tx.payment_method.installments is None
    assert tx.payment_method.brand == "7"
    assert tx.payment_method.last_four is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": None}, "transaction.id"),
        ({"id": 17}, "transaction.id"),
        ({"reference": ""}, "transaction.reference"),
        ({"amount_in_cents": "2500000"}, "transaction.amount_in_cents"),
        ({"amount_in_cents": 25000.0}, "transaction.amount_in_cents"),
        ({"amount_in_cents": True}, "transaction.amount_in_cents"),
        ({"amount_in_cents": -100}, "transaction.amount_in_cents"),
        ({"status": "APROBADA"}, "transaction.status"),
        ({"status": None}, "transaction.status"),
        ({"created_at": "ayer"}, "transaction.created_at"),
        ({"created_at": None}, "transaction.created_at"),
        ({"finalized_at": 5}, "transaction.finalized_at"),
        ({"payment_method": "CARD"}, "transaction.payment_method"),
        ({"currency": None}, "transaction.currency"),
    ],
)
def test_a_bad_transaction_shape_names_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(WompiBadResponseError) as caught:
        Transaction.from_api(transaction_payload(**change))
    assert caught.value.field == field
    assert field in str(caught.value)


def test_a_missing_field_is_named_too() -> None:
    payload = transaction_payload()
    del payload["status"]
    with pytest.raises(WompiBadResponseError, match=r"transaction\.status"):
        Transaction.from_api(payload)


def test_a_list_names_the_index_of_the_bad_item() -> None:
    items = [transaction_payload(), transaction_payload(status="?")]
    with pytest.raises(WompiBadResponseError) as caught:
        parse_transactions(items)
    assert caught.value.field == "transactions[1].status"
    with pytest.raises(WompiBadResponseError, match="transactions"):
        parse_transactions({"id": "x"})


def test_not_an_object_at_all() -> None:
    with pytest.raises(WompiBadResponseError) as caught:
        Transaction.from_api(["id"])
    assert caught.value.field == "transaction"


def test_a_naive_timestamp_is_read_as_utc() -> None:
    tx = Transaction.from_api(transaction_payload(created_at="2025-01-01T12:00:00"))
    assert tx.created_at == datetime(2025, 1, 1, 12, tzinfo=UTC)


def test_transaction_repr_leaves_out_raw() -> None:
    tx = Transaction.from_api(transaction_payload())
    assert "merchant" not in repr(tx)
    assert PUBLIC_KEY not in repr(tx)


def test_merchant_parses_both_consents_and_hides_key_and_tokens_from_repr() -> None:
    merchant = Merchant.from_api(merchant_payload())
    assert merchant.id == "12345"
    assert merchant.name == "Tienda Ejemplo POS"
    assert merchant.public_key == PUBLIC_KEY
    assert merchant.accepted_payment_methods == ("CARD", "NEQUI", "PSE")
    assert merchant.acceptance_token.endswith("acceptance.sig")
    assert merchant.acceptance_permalink == "https://wompi.example/terminos.pdf"
    assert merchant.personal_data_auth_token is not None
    assert merchant.personal_data_auth_permalink == "https://wompi.example/datos.pdf"
    text = repr(merchant)
    assert PUBLIC_KEY not in text
    assert "acceptance.sig" not in text


def test_merchant_without_personal_data_consent_is_accepted() -> None:
    merchant = Merchant.from_api(merchant_payload(presigned_personal_data_auth=None))
    assert merchant.personal_data_auth_token is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"presigned_acceptance": None}, "merchant.presigned_acceptance"),
        (
            {"presigned_acceptance": {"permalink": "x"}},
            "merchant.presigned_acceptance.acceptance_token",
        ),
        ({"accepted_payment_methods": "CARD"}, "merchant.accepted_payment_methods"),
        ({"id": None}, "merchant.id"),
        ({"public_key": None}, "merchant.public_key"),
    ],
)
def test_a_bad_merchant_shape_names_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(WompiBadResponseError) as caught:
        Merchant.from_api(merchant_payload(**change))
    assert caught.value.field == field


def test_the_reference_payment_link_parses() -> None:
    link = PaymentLink.from_api(link_payload())
    assert link.id == "test_Ab12Cd"
    assert link.single_use is True
    assert link.collect_shipping is False
    assert link.amount_in_cents == 8_750_000
    assert link.expires_at == datetime(2025, 1, 2, 5, tzinfo=UTC)
    assert link.sku == "POS-CAJA1-000124"
    assert link.active is True
    assert link.created_at == datetime(2025, 1, 1, 16, 55, tzinfo=UTC)


def test_an_open_amount_link_has_no_amount() -> None:
    link = PaymentLink.from_api(link_payload(amount_in_cents=None, expires_at=None, sku=None))
    assert (link.amount_in_cents, link.expires_at, link.sku) == (None, None, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"active": "yes"}, "payment_link.active"), ({"single_use": None}, "payment_link.single_use")],
)
def test_a_bad_link_shape_names_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(WompiBadResponseError) as caught:
        PaymentLink.from_api(link_payload(**change))
    assert caught.value.field == field


def test_link_request_body_matches_the_reference_request() -> None:
    request = PaymentLinkRequest(
        name="Mesa 12 - Cuenta",
        description="Consumo mesa 12, caja 1",
        single_use=True,
        collect_shipping=False,
        amount_in_cents=8_750_000,
        # Colombian time in, UTC with milliseconds out.
        expires_at=datetime(2025, 1, 2, 0, 0, tzinfo=timezone(timedelta(hours=-5))),
        redirect_url="https://pos.example.com/wompi/return",
        sku="POS-CAJA1-000124",
        taxes=(Tax("VAT", 1_397_000),),
    )
    expected = example("payment-link-create-request.json")
    del expected["customer_data"]  # custom payer fields: not offered by the POS
    del expected["image_url"]  # null: left out rather than sent
    assert request.to_api() == expected


def test_an_open_amount_link_request_sends_a_null_amount() -> None:
    request = PaymentLinkRequest("Abono", "Abono libre", False, False, None)
    body = request.to_api()
    assert body["amount_in_cents"] is None
    assert "expires_at" not in body
    assert "taxes" not in body


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": " "},
        {"amount_in_cents": 0},
        {"amount_in_cents": 10.5},
        {"currency": "USD"},
        {"sku": "x" * 37},
        {"expires_at": datetime(2030, 1, 1)},  # naive on purpose
    ],
)
def test_link_request_refuses_bad_input(kwargs: dict[str, Any]) -> None:
    base: dict[str, Any] = {
        "name": "Mesa",
        "description": "Cuenta",
        "single_use": True,
        "collect_shipping": False,
        "amount_in_cents": 100_000,
    }
    with pytest.raises(ValueError, match=r"."):
        PaymentLinkRequest(**{**base, **kwargs})


def test_tax_refuses_unknown_types_and_amounts() -> None:
    with pytest.raises(ValueError, match="tax type"):
        Tax("IVA", 100)
    with pytest.raises(ValueError, match="positive"):
        Tax("VAT", 0)


def test_format_timestamp() -> None:
    value = datetime(2030, 1, 1, 5, 0, 0, 123456, tzinfo=UTC)
    assert format_timestamp(value) == "2030-01-01T05:00:00.123Z"
    with pytest.raises(ValueError, match="aware"):
        format_timestamp(datetime(2030, 1, 1))


def test_financial_institutions_read_code_and_name() -> None:
    bank = FinancialInstitution.from_api(
        {"financial_institution_code": "1", "financial_institution_name": "Banco que aprueba"}
    )
    assert bank == FinancialInstitution("1", "Banco que aprueba")
    numeric = FinancialInstitution.from_api(
        {"financial_institution_code": 2, "financial_institution_name": "Banco que declina"}
    )
    assert numeric.code == "2"
    with pytest.raises(WompiBadResponseError, match="financial_institution_code"):
        FinancialInstitution.from_api({"financial_institution_name": "Sin código"})


def test_tokens_parse() -> None:
    card = CardToken.from_api(
        {
            "id": "tok_test_1_abc",
            "brand": "VISA",
            "last_four": "4242",
            "card_holder": "José Pérez",
            "exp_month": "08",
            "exp_year": "28",
            "expires_at": "2025-01-01T18:00:00.000Z",
        }
    )
    assert (card.brand, card.last_four, card.exp_year) == ("VISA", "4242", "28")
    assert "tok_test_1_abc" not in repr(card)
    nequi = NequiToken.from_api(
        {"id": "nequi_1", "status": "PENDING", "phone_number": "3991111111"}
    )
    assert (nequi.status, nequi.phone_number) == ("PENDING", "3991111111")
    with pytest.raises(WompiBadResponseError, match=r"nequi_token\.status"):
        NequiToken.from_api({"id": "nequi_1"})


def transaction_request(**overrides: Any) -> TransactionRequest:
    values: dict[str, Any] = {
        "amount_in_cents": 2_500_000,
        "currency": "COP",
        "reference": "POS-CAJA1-000123",
        "customer_email": "cliente@example.com",
        "signature": "84096d559c03e4dd7bf0117508875186a6a50143f8a82e76567bca44e273859f",
        "acceptance_token": "acc.jwt",
        "accept_personal_auth": "personal.jwt",
        "payment_method": {"type": "CARD", "token": "tok_test_1_abc", "installments": 1},
    }
    values.update(overrides)
    return TransactionRequest(**values)


def test_transaction_request_body() -> None:
    body = transaction_request(redirect_url="https://pos.example/r").to_api()
    assert body == {
        "amount_in_cents": 2_500_000,
        "currency": "COP",
        "reference": "POS-CAJA1-000123",
        "customer_email": "cliente@example.com",
        "signature": "84096d559c03e4dd7bf0117508875186a6a50143f8a82e76567bca44e273859f",
        "acceptance_token": "acc.jwt",
        "accept_personal_auth": "personal.jwt",
        "payment_method": {"type": "CARD", "token": "tok_test_1_abc", "installments": 1},
        "redirect_url": "https://pos.example/r",
    }
    assert "tok_test_1_abc" not in repr(transaction_request())


@pytest.mark.parametrize(
    "change",
    [
        {"amount_in_cents": 0},
        {"amount_in_cents": "100"},
        {"currency": "USD"},
        {"reference": ""},
        {"reference": "x" * 256},
        {"payment_method": {"token": "t"}},
    ],
)
def test_transaction_request_refuses_bad_input(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"."):
        transaction_request(**change)
