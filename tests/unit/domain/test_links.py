"""Payment links in the domain: what staff type, a link's status, and the WhatsApp message."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from mestore_desktop.domain.links import (
    MAX_LINK_NAME,
    LinkDraft,
    LinkInputError,
    LinkStatus,
    PaymentLinkRecord,
    order_for_payment,
    validate_draft,
    whatsapp_text,
    whatsapp_url,
)
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate

NOW = datetime(2026, 12, 14, 15, 0, tzinfo=UTC)  # 10:00 in Bogotá
PESOS = Money.from_pesos(25_000)


def draft(**changes: object) -> LinkDraft:
    fields: dict[str, object] = {
        "name": "Torta de chocolate",
        "description": "Torta para 12 personas, entrega el sábado",
        "amount": PESOS,
    }
    fields.update(changes)
    return LinkDraft(**fields)  # type: ignore[arg-type]


def refused(**changes: object) -> LinkInputError:
    with pytest.raises(LinkInputError) as caught:
        validate_draft(draft(**changes), NOW)
    return caught.value


# -- what staff type -------------------------------------------------------------------------


def test_a_plain_draft_is_accepted_with_its_defaults() -> None:
    link = draft()
    validate_draft(link, NOW)
    assert link.single_use is True
    assert (link.expires_at, link.redirect_url, link.sku, link.iva_rate) == (None, "", "", None)
    assert link.collect_shipping is False
    assert link.order_number is None


def test_an_open_amount_is_none() -> None:
    validate_draft(draft(amount=None), NOW)


def test_text_is_kept_without_surrounding_spaces() -> None:
    link = draft(name="  Torta  ", sku=" T-1 ", redirect_url=" https://tienda.co/ok ")
    assert (link.name, link.sku, link.redirect_url) == ("Torta", "T-1", "https://tienda.co/ok")


@pytest.mark.parametrize("cents", [0, -100, -2_500_000])
def test_zero_or_negative_amount_is_refused(cents: int) -> None:
    error = refused(amount=Money(cents))
    assert error.field == "amount"
    assert str(error) == "El valor del link debe ser mayor que cero."


def test_cents_that_are_not_whole_pesos_are_refused() -> None:
    error = refused(amount=Money(2_500_050))
    assert error.field == "amount"
    assert str(error) == "Wompi solo cobra pesos completos: $ 25.000,50 tiene centavos."


@pytest.mark.parametrize("seconds", [0, -1, -86_400])
def test_an_expiry_now_or_in_the_past_is_refused(seconds: int) -> None:
    error = refused(expires_at=NOW + timedelta(seconds=seconds))
    assert error.field == "expires_at"
    assert "ya pasó" in str(error)


def test_the_expiry_message_reads_in_bogota_time() -> None:
    error = refused(expires_at=datetime(2026, 12, 14, 14, 30, tzinfo=UTC))
    assert "14/12/2026 09:30" in str(error)


def test_an_expiry_ahead_is_accepted() -> None:
    validate_draft(draft(expires_at=NOW + timedelta(minutes=1)), NOW)


def test_a_naive_expiry_is_refused() -> None:
    with pytest.raises(LinkInputError) as caught:
        draft(expires_at=datetime(2026, 12, 31, 23, 0))  # naive: the point of the test
    assert caught.value.field == "expires_at"


def test_a_name_of_the_limit_is_accepted_and_one_more_is_refused() -> None:
    validate_draft(draft(name="x" * MAX_LINK_NAME), NOW)
    error = refused(name="x" * (MAX_LINK_NAME + 1))
    assert error.field == "name"
    assert str(error) == "El nombre del link admite máximo 60 caracteres (tiene 61)."


@pytest.mark.parametrize(("field", "text"), [("name", ""), ("name", "   "), ("description", "")])
def test_an_empty_name_or_description_is_refused(field: str, text: str) -> None:
    error = refused(**{field: text})
    assert error.field == field
    assert str(error).startswith("Escriba")


def test_an_over_long_description_is_refused() -> None:
    assert refused(description="d" * 201).field == "description"


@pytest.mark.parametrize(
    "url",
    [
        "tienda.co/gracias",  # no scheme
        "ftp://tienda.co/gracias",
        "javascript:alert(1)",
        "https://",  # no host
        "https://tienda",  # not a domain
        "https://tienda.co:puerto/",
        "https://mi tienda.co/",
        "http//tienda.co",
    ],
)
def test_a_malformed_redirect_url_is_refused(url: str) -> None:
    error = refused(redirect_url=url)
    assert error.field == "redirect_url"
    assert "debe empezar por http:// o https://" in str(error)


@pytest.mark.parametrize(
    "url",
    [
        "https://tienda.co/gracias?pedido=1",
        "HTTP://TIENDA.CO",
        "http://localhost:8765/vuelta",
        "http://127.0.0.1:9000/ok",
    ],
)
def test_a_good_redirect_url_is_accepted(url: str) -> None:
    validate_draft(draft(redirect_url=url), NOW)


def test_a_sku_is_at_most_36_characters() -> None:
    validate_draft(draft(sku="S" * 36), NOW)
    error = refused(sku="S" * 37)
    assert error.field == "sku"
    assert "36" in str(error)


def test_an_order_number_starts_at_one() -> None:
    assert refused(order_number=0).field == "order_number"


def test_the_iva_rate_must_be_one_of_colombia_s() -> None:
    assert draft(iva_rate=19).iva_rate is IvaRate.GENERAL
    with pytest.raises(LinkInputError, match="0, 5 o 19") as caught:
        draft(iva_rate=7)
    assert caught.value.field == "iva_rate"


def test_the_error_is_a_value_error() -> None:
    assert isinstance(refused(amount=Money(0)), ValueError)


# -- a link's status -------------------------------------------------------------------------


def record(**changes: object) -> PaymentLinkRecord:
    base = PaymentLinkRecord(
        link_id="test_Bj99lR",
        url="https://checkout.wompi.co/l/test_Bj99lR",
        name="Torta de chocolate",
        description="Torta para 12 personas",
        amount=PESOS,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="",
        order_number=None,
        active=True,
        created_at=NOW - timedelta(hours=1),
    )
    return replace(base, **changes)


def test_a_new_link_is_active_and_has_collected_nothing() -> None:
    link = record()
    assert link.status(NOW) is LinkStatus.ACTIVE
    assert (link.payments, link.collected, link.paid_at) == (0, Money.zero(), None)


def test_a_link_past_its_expiry_is_expired() -> None:
    link = record(expires_at=NOW)
    assert link.status(NOW - timedelta(microseconds=1)) is LinkStatus.ACTIVE
    assert link.status(NOW) is LinkStatus.EXPIRED


def test_a_switched_off_link_is_deactivated_even_past_its_expiry() -> None:
    link = record(active=False, deactivated_at=NOW, expires_at=NOW - timedelta(days=1))
    assert link.status(NOW) is LinkStatus.DEACTIVATED


def test_a_single_use_link_with_a_payment_is_paid_whatever_else_holds() -> None:
    paid = record(payments=1, collected=PESOS, paid_at=NOW, active=False, expires_at=NOW)
    assert paid.status(NOW + timedelta(days=1)) is LinkStatus.PAID


def test_a_multi_use_link_with_payments_stays_active() -> None:
    link = record(single_use=False, payments=3, collected=PESOS * 3, paid_at=NOW)
    assert link.status(NOW) is LinkStatus.ACTIVE


def test_expires_in_counts_down_to_zero_and_is_none_without_an_expiry() -> None:
    assert record().expires_in(NOW) is None
    link = record(expires_at=NOW + timedelta(minutes=5))
    assert link.expires_in(NOW) == timedelta(minutes=5)
    assert link.expires_in(NOW + timedelta(hours=1)) == timedelta(0)


# -- sharing by WhatsApp ---------------------------------------------------------------------


def test_the_whatsapp_message_names_the_shop_link_amount_and_url() -> None:
    text = whatsapp_text(record(), "Panadería La Espiga")
    assert text == (
        "Hola, este es su link de pago de Panadería La Espiga:\n"
        "Torta de chocolate\n"
        "Valor: $ 25.000\n"
        "Pague aquí: https://checkout.wompi.co/l/test_Bj99lR"
    )


def test_an_open_amount_lets_the_customer_say_how_much() -> None:
    text = whatsapp_text(record(amount=None), "La Espiga")
    assert "Valor: el valor que usted indique" in text


def test_the_expiry_is_given_in_bogota_time() -> None:
    text = whatsapp_text(record(expires_at=datetime(2026, 12, 15, 3, 30, tzinfo=UTC)), "")
    assert text.startswith("Hola, este es su link de pago:\n")
    assert text.endswith("Válido hasta el 14/12/2026 22:30 (hora de Colombia).")


def test_the_whatsapp_url_carries_the_whole_text() -> None:
    text = whatsapp_text(record(), "Café & Pan #1")
    url = whatsapp_url(text)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://wa.me/"
    assert parse_qs(parts.query)["text"] == [text]
    assert " " not in url and "\n" not in url and "&" not in parts.query.removeprefix("text=")


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("+57 300 123 4567", "573001234567"),
        ("300-123-4567", "573001234567"),  # a Colombian mobile without its country code
        ("(1) 555 0100", "15550100"),
        ("", ""),
    ],
)
def test_the_phone_keeps_only_its_digits(phone: str, digits: str) -> None:
    assert whatsapp_url("hola", phone) == f"https://wa.me/{digits}?text=hola"


# -- the order a payment without one becomes -------------------------------------------------


def test_a_payment_on_a_link_without_order_becomes_a_one_line_order() -> None:
    link = record(iva_rate=IvaRate.GENERAL, sku="TORTA-12", terminal_id="T01")
    order = order_for_payment(link, Money.from_pesos(30_000), NOW)
    assert order.terminal_id == "T01"
    assert order.number is None and order.created_at == NOW
    (line,) = order.lines
    assert (line.description, line.quantity, line.unit_price) == (
        "Torta de chocolate",
        1,
        Money.from_pesos(30_000),
    )
    assert (line.iva_rate, line.sku) == (IvaRate.GENERAL, "TORTA-12")
    assert order.total == Money.from_pesos(30_000)


def test_without_an_iva_rate_or_terminal_the_order_is_exempt_under_link() -> None:
    order = order_for_payment(record(), PESOS, NOW)
    assert order.lines[0].iva_rate is IvaRate.EXEMPT
    assert order.terminal_id == "LINK"
    assert order_for_payment(record(), PESOS, NOW, "T09").terminal_id == "T09"
