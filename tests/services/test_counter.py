"""The counter's payment steps against the real sandbox and relay (in-process ASGI) and SQLite.

Payments are made the way a customer makes them: the checkout URL the service returns is
opened on the sandbox's hosted checkout (which checks the integrity signature) and the
payment form is posted there; the sandbox's redirect carries the transaction id hint.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import (
    CashReceivedError,
    OrderStatus,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.secrets import Secret
from mestore_desktop.services.checkout import CheckoutNotConfiguredError, CheckoutSettings
from mestore_desktop.services.counter import (
    PAYER_RETRY_WINDOW,
    CheckoutExpiredError,
    CounterService,
    NotAWompiAttemptError,
    PaymentHintMismatchError,
    PaymentStatusDeferredError,
    StartedPayment,
)
from mestore_desktop.services.payment_details import (
    GENERIC_FAILURE,
    failure_reason,
    method_label,
)
from mestore_desktop.store.errors import OrderClosedError
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.wompi.checkout import format_expiration
from mestore_desktop.wompi.signatures import integrity_signature_matches
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio

TERMINAL = "T01"
REDIRECT = "http://caja.test/resultado"
CARD_OK = {
    "method": "CARD",
    "card_number": "4242 4242 4242 4242",
    "card_expiry": "12/35",
    "card_cvc": "123",
    "card_holder": "Cliente Ejemplo",
}
CARD_DECLINED = {**CARD_OK, "card_number": "4111 1111 1111 1111"}
NEQUI_OK = {"method": "NEQUI", "nequi_phone": "3991111111"}
PSE_OK = {
    "method": "PSE",
    "pse_bank": "1",
    "pse_user_type": "0",
    "pse_legal_id_type": "CC",
    "pse_legal_id": "1020304050",
    "full_name": "Cliente Ejemplo",
    "phone_number": "3001112233",
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


def checkout_settings(world: InProcessWorld, **changes: Any) -> CheckoutSettings:
    options = {
        "checkout_base_url": "http://sandbox.test/p/",
        "public_key": world.keys.public_key,
        "redirect_url": REDIRECT,
        **changes,
    }
    return CheckoutSettings(**options)


def counter(
    world: InProcessWorld, *, secret: Secret | None = None, **settings: Any
) -> CounterService:
    return CounterService(
        world.executor,
        world.wompi(),
        checkout_settings(world, **settings),
        secret or Secret(world.keys.integrity_secret),
        TERMINAL,
    )


def draft(pesos: int = 25_000) -> Order:
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
    return Order(terminal_id=TERMINAL, lines=(line,), created_at=datetime.now(UTC))


def url_params(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


async def pay_in_checkout(
    world: InProcessWorld, url: str, form: dict[str, str], *, outcome: str | None = None
) -> str:
    """Open the checkout URL, pay with `form`, let the sandbox decide; the redirect's tx id.

    `outcome` (APPROVED, DECLINED, ERROR) resolves the transaction at once; None leaves it
    PENDING, as while the customer's bank or phone has not answered yet.
    """
    http = world.http(world.sandbox_app, "http://sandbox.test")
    page = await http.get(url)
    assert page.status_code == 200, page.text  # the sandbox accepted the integrity signature
    body = {**url_params(url), "customer_email": "cliente@example.com", **form}
    paid = await http.post("/p/pay", data=body)
    assert paid.status_code == 303, paid.text
    reference = url_params(url)["reference"]
    tx_id = str(world.sandbox.transactions_by_reference(reference)[-1]["id"])
    if form["method"] != "PSE":
        location = paid.headers["location"]
        assert location.startswith(REDIRECT)
        assert parse_qs(urlsplit(location).query)["id"] == [tx_id]
    if outcome is not None:
        world.sandbox.resolve(tx_id, outcome)
    return tx_id


def ours(world: InProcessWorld, order_number: int, attempt_number: int) -> str:
    """The reference this till makes: terminal, installation id, order and attempt numbers."""
    installation = world.database.read(lambda s: OrderRepository(s).installation_id())
    return f"T01-{installation}-{order_number:06d}-{attempt_number}"


def stored(world: InProcessWorld, reference: str) -> PaymentAttempt:
    return world.database.read(lambda s: OrderRepository(s).get_attempt(reference))


def audit_count(world: InProcessWorld) -> int:
    return len(world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000)))


def order_count(world: InProcessWorld) -> int:
    return len(world.database.read(lambda s: OrderRepository(s).list_orders()))


# -- start ---------------------------------------------------------------------------------


async def test_start_wompi_commits_the_attempt_before_returning_a_signed_url(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    changed: list[set[int]] = []
    service.on_orders_changed.append(changed.append)

    started = await service.start_wompi(draft(25_000))

    params = url_params(started.checkout_url)
    assert params["reference"] == started.reference == ours(world, started.order_number, 1)
    assert params["amount-in-cents"] == str(Money.from_pesos(25_000).cents)
    assert params["public-key"] == world.keys.public_key
    assert params["redirect-url"] == REDIRECT
    assert integrity_signature_matches(
        params["signature:integrity"],
        params["reference"],
        int(params["amount-in-cents"]),
        world.keys.integrity_secret,
        expiration_time=params["expiration-time"],  # signed with the checkout's expiry
    )
    saved = stored(world, params["reference"])  # committed: readable from another session
    assert (saved.status, saved.tender, saved.amount) == (
        PaymentStatus.PENDING,
        Tender.WOMPI,
        Money.from_pesos(25_000),
    )
    assert world.order_status(started.order_number) is OrderStatus.AWAITING_PAYMENT
    assert changed == [{started.order_number}]
    page = await world.http(world.sandbox_app, "http://sandbox.test").get(started.checkout_url)
    assert page.status_code == 200
    phone = url_params(started.phone_checkout_url)  # the QR: same attempt, no return URL
    assert "redirect-url" not in phone
    assert {k: v for k, v in params.items() if k != "redirect-url"} == phone


async def test_missing_integrity_secret_or_public_key_fails_closed_with_nothing_saved(
    world: InProcessWorld,
) -> None:
    no_secret = counter(world, secret=Secret(""))
    with pytest.raises(CheckoutNotConfiguredError, match="secreto de integridad"):
        await no_secret.start_wompi(draft())
    service = CounterService(
        world.executor, world.wompi(), checkout_settings(world), None, TERMINAL
    )
    with pytest.raises(CheckoutNotConfiguredError, match="secreto de integridad"):
        await service.start_wompi(draft())
    no_key = counter(world, public_key="")
    with pytest.raises(CheckoutNotConfiguredError, match="llave pública"):
        await no_key.start_wompi(draft())
    assert order_count(world) == 0


async def test_a_checkout_url_that_cannot_be_built_leaves_nothing_saved(
    world: InProcessWorld,
) -> None:
    service = counter(world, checkout_base_url="no es una url")
    with pytest.raises(ValueError, match="URL del checkout"):
        await service.start_wompi(draft())
    assert order_count(world) == 0


async def test_a_draft_from_another_terminal_is_refused(world: InProcessWorld) -> None:
    other = Order(terminal_id="T02", lines=draft().lines, created_at=datetime.now(UTC))
    with pytest.raises(ValueError, match="T02"):
        await counter(world).start_wompi(other)
    assert order_count(world) == 0


# -- the redirect's hint -------------------------------------------------------------------


async def test_paid_in_checkout_then_the_hint_confirms_it_approved(world: InProcessWorld) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    changed: list[set[int]] = []
    service.on_orders_changed.append(changed.append)
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")

    attempt = await service.confirm_from_hint(started.reference, tx_id)

    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.APPROVED, tx_id)
    assert attempt.payment_method == "VISA ••4242"
    last = world.history(started.reference)[-1]
    assert (last.source, last.to_status, last.transaction_id) == (
        StatusSource.CHECKOUT,
        PaymentStatus.APPROVED,
        tx_id,
    )
    assert world.order_status(started.order_number) is OrderStatus.PAID
    assert changed == [{started.order_number}]


async def test_a_hint_for_a_pending_transaction_follows_it_and_stays_pending(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK)

    attempt = await service.confirm_from_hint(started.reference, tx_id)

    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.PENDING, tx_id)
    assert world.order_status(started.order_number) is OrderStatus.AWAITING_PAYMENT


async def test_a_hint_whose_transaction_has_another_reference_applies_nothing(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    mine = await service.start_wompi(draft(25_000))
    other = await service.start_wompi(draft(25_000))
    other_tx = await pay_in_checkout(world, other.checkout_url, CARD_OK, outcome="APPROVED")
    audits = audit_count(world)

    with pytest.raises(PaymentHintMismatchError, match=other.reference) as caught:
        await service.confirm_from_hint(mine.reference, other_tx)

    assert caught.value.transaction_id == other_tx
    assert "no se registró nada" in str(caught.value)
    attempt = stored(world, mine.reference)
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.PENDING, None)
    assert len(world.history(mine.reference)) == 1
    assert audit_count(world) == audits
    assert world.order_status(mine.order_number) is OrderStatus.AWAITING_PAYMENT


async def test_a_hint_with_another_amount_or_an_unknown_id_applies_nothing(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft(25_000))
    # A transaction under our reference for less than the sale (a tampered checkout).
    cheap = world.add_transaction(started.reference, Money.from_pesos(1_000))
    world.sandbox.approve(cheap)

    with pytest.raises(PaymentHintMismatchError, match=r"\$ 1\.000"):
        await service.confirm_from_hint(started.reference, cheap)
    with pytest.raises(PaymentHintMismatchError, match="no la conoce"):
        await service.confirm_from_hint(started.reference, "no-existe-123")

    attempt = stored(world, started.reference)
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.PENDING, None)
    assert audit_count(world) == 0


async def test_a_wompi_outage_leaves_the_attempt_pending_and_says_it_will_settle(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")
    world.sandbox.fail_next_api_calls(2, status=503)

    with pytest.raises(PaymentStatusDeferredError, match="se confirmará solo") as hint:
        await service.confirm_from_hint(started.reference, tx_id)
    with pytest.raises(PaymentStatusDeferredError) as refresh:
        await service.refresh(started.reference)

    for caught in (hint, refresh):
        assert caught.value.attempt.status is PaymentStatus.PENDING
    assert stored(world, started.reference).status is PaymentStatus.PENDING
    # Once Wompi answers again the same hint settles it.
    attempt = await service.confirm_from_hint(started.reference, tx_id)
    assert attempt.status is PaymentStatus.APPROVED


# -- refresh, declines, retries, cancels ---------------------------------------------------


async def test_refresh_reads_the_reference_from_wompi_with_source_poll(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    assert (await service.refresh(started.reference)).status is PaymentStatus.PENDING

    tx_id = await pay_in_checkout(world, started.checkout_url, NEQUI_OK, outcome="APPROVED")
    attempt = await service.refresh(started.reference)

    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.APPROVED, tx_id)
    assert world.history(started.reference)[-1].source is StatusSource.POLL


async def test_a_declined_card_gives_the_reason_in_spanish(world: InProcessWorld) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_DECLINED, outcome="DECLINED")

    attempt = await service.confirm_from_hint(started.reference, tx_id)
    details = await service.payment_details(attempt)

    assert attempt.status is PaymentStatus.DECLINED
    assert details.failure_reason == "El pago fue rechazado: Fondos Insuficientes."
    assert (details.method_label, details.card_brand, details.last_four) == (
        "Tarjeta",
        "VISA",
        "1111",
    )
    assert world.order_status(started.order_number) is OrderStatus.FAILED


async def test_an_errored_pse_payment_gives_the_reason_in_spanish(world: InProcessWorld) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    form = {**PSE_OK, "pse_bank": "3"}
    await pay_in_checkout(world, started.checkout_url, form, outcome="ERROR")

    details = await service.payment_details(await service.refresh(started.reference))

    assert details.status is PaymentStatus.ERROR
    assert details.failure_reason == (
        "El pago no se completó por un error: Error en la comunicación con el banco (simulado)."
    )
    assert details.bank_name == "Banco que simula un error"


def test_failure_reasons_have_a_generic_text_when_wompi_gives_none() -> None:
    assert failure_reason(PaymentStatus.DECLINED, "") == GENERIC_FAILURE[PaymentStatus.DECLINED]
    assert failure_reason(PaymentStatus.ERROR, "  ") == GENERIC_FAILURE[PaymentStatus.ERROR]
    assert "rechazado" in GENERIC_FAILURE[PaymentStatus.DECLINED]
    assert failure_reason(PaymentStatus.VOIDED, "x") == "El pago fue anulado."
    assert failure_reason(PaymentStatus.APPROVED, "Aprobada") == ""
    assert failure_reason(PaymentStatus.PENDING, "") == ""


def test_method_labels_are_spanish_and_bancolombia_reads_as_one() -> None:
    labels = {t: method_label(t) for t in ("CARD", "NEQUI", "PSE", "BANCOLOMBIA_TRANSFER", None)}
    assert labels == {
        "CARD": "Tarjeta",
        "NEQUI": "Nequi",
        "PSE": "PSE",
        "BANCOLOMBIA_TRANSFER": "Bancolombia",
        None: "Wompi",
    }
    assert method_label("BANCOLOMBIA_QR") == "Bancolombia"


async def test_retry_abandons_the_pending_attempt_and_signs_a_new_reference(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    first = await service.start_wompi(draft())

    second = await service.retry(first.order_number)

    assert isinstance(second, StartedPayment)
    assert second.order_number == first.order_number
    assert second.reference == ours(world, first.order_number, 2) != first.reference
    params = url_params(second.checkout_url)
    assert params["reference"] == second.reference
    assert integrity_signature_matches(
        params["signature:integrity"],
        second.reference,
        second.amount.cents,
        world.keys.integrity_secret,
        expiration_time=params["expiration-time"],
    )
    old = stored(world, first.reference)
    assert old.abandoned_at is not None and old.status is PaymentStatus.PENDING
    assert stored(world, second.reference).abandoned_at is None
    assert world.order_status(first.order_number) is OrderStatus.AWAITING_PAYMENT


async def test_retry_after_a_decline_abandons_the_declined_attempt_still_watched(
    world: InProcessWorld,
) -> None:
    # Wompi lets the payer retry under the declined reference (issue 9, defect 2).
    service = counter(world)
    first = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, first.checkout_url, CARD_DECLINED, outcome="DECLINED")
    await service.confirm_from_hint(first.reference, tx_id)

    second = await service.retry(first.order_number)
    tx2 = await pay_in_checkout(world, second.checkout_url, CARD_OK, outcome="APPROVED")
    approved = await service.confirm_from_hint(second.reference, tx2)

    declined = stored(world, first.reference)
    assert declined.status is PaymentStatus.DECLINED and declined.abandoned_at is not None
    assert approved.status is PaymentStatus.APPROVED
    assert world.order_status(first.order_number) is OrderStatus.PAID


async def test_retry_of_a_paid_order_is_refused_and_signs_nothing(world: InProcessWorld) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")
    await service.confirm_from_hint(started.reference, tx_id)

    with pytest.raises(OrderClosedError, match="ya está pagado"):
        await service.retry(started.order_number)

    attempts = world.database.read(lambda s: OrderRepository(s).attempts_for(started.order_number))
    assert [a.reference for a in attempts] == [started.reference]
    assert attempts[0].abandoned_at is None


async def test_cancel_then_the_customer_pays_anyway_is_a_late_approval(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, NEQUI_OK)  # phone not answered

    cancelled = await service.cancel_attempt(started.reference)
    assert cancelled.abandoned_at is not None
    assert await service.late_approvals() == []

    world.sandbox.approve(tx_id)  # the customer accepted in Nequi after all
    await world.wait_delivered(1)
    await world.service().run_once()  # the sync engine: relay event → Wompi → SQLite

    attempt = stored(world, started.reference)
    assert attempt.approved_after_cancel
    assert world.history(started.reference)[-1].source is StatusSource.WEBHOOK
    assert world.order_status(started.order_number) is OrderStatus.PAID
    late = await service.late_approvals()
    assert [a.reference for a in late] == [started.reference]

    acknowledged = await service.acknowledge_late_approval(started.reference)
    assert acknowledged.reference == started.reference and acknowledged.approved_after_cancel
    assert await service.late_approvals() == []


async def test_wompi_is_never_asked_about_a_cash_sale(world: InProcessWorld) -> None:
    service = counter(world)
    cash = await service.pay_cash(draft(), Money.from_pesos(25_000))
    for ask in (
        service.refresh(cash.attempt.reference),
        service.confirm_from_hint(cash.attempt.reference, "cualquiera"),
    ):
        with pytest.raises(NotAWompiAttemptError, match="efectivo"):
            await ask
    assert stored(world, cash.attempt.reference).status is PaymentStatus.APPROVED


async def test_cancel_order_abandons_its_attempt_and_a_later_hint_is_still_applied(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK)

    order = await service.cancel_order(started.order_number)
    assert order.cancelled_at is not None
    assert world.order_status(started.order_number) is OrderStatus.CANCELLED

    world.sandbox.approve(tx_id)
    attempt = await service.confirm_from_hint(started.reference, tx_id)
    assert attempt.approved_after_cancel
    assert world.order_status(started.order_number) is OrderStatus.PAID
    assert [a.reference for a in await service.late_approvals()] == [started.reference]


async def test_unfinished_lists_the_open_attempt_until_it_settles(world: InProcessWorld) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    assert [a.reference for a in await service.unfinished()] == [started.reference]

    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")
    await service.confirm_from_hint(started.reference, tx_id)
    assert await service.unfinished() == []

    given_up = await service.start_wompi(draft())
    await service.cancel_attempt(given_up.reference)
    assert await service.unfinished() == []  # abandoned: watched by the sync, not resumed


# -- cash ----------------------------------------------------------------------------------


async def test_cash_sale_records_what_was_received_and_the_change(world: InProcessWorld) -> None:
    service = counter(world)

    cash = await service.pay_cash(draft(25_000), Money.from_pesos(30_000))

    assert (cash.received, cash.change) == (Money.from_pesos(30_000), Money.from_pesos(5_000))
    saved = stored(world, cash.attempt.reference)
    assert (saved.tender, saved.status) == (Tender.CASH, PaymentStatus.APPROVED)
    assert (saved.cash_received, saved.change) == (cash.received, cash.change)
    assert world.order_status(cash.order_number) is OrderStatus.PAID
    details = await service.payment_details(saved)
    assert (details.method_label, details.cash_received, details.change) == (
        "Efectivo",
        Money.from_pesos(30_000),
        Money.from_pesos(5_000),
    )
    assert details.failure_reason == ""


async def test_cash_less_than_the_total_is_refused_and_nothing_saved(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    with pytest.raises(CashReceivedError, match=r"no cubre el total \(\$ 25\.000\)"):
        await service.pay_cash(draft(25_000), Money.from_pesos(20_000))
    assert order_count(world) == 0


async def test_cash_for_an_order_waiting_on_wompi_abandons_the_wompi_attempt(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft(25_000))

    cash = await service.pay_cash(started.order_number, Money.from_pesos(25_000))

    assert cash.change == Money.zero()
    assert cash.attempt.reference == ours(world, started.order_number, 2)
    wompi = stored(world, started.reference)
    assert wompi.abandoned_at is not None and wompi.status is PaymentStatus.PENDING
    assert world.order_status(started.order_number) is OrderStatus.PAID


# -- payment details -----------------------------------------------------------------------


async def paid_details(world: InProcessWorld, form: dict[str, str]) -> Any:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, form, outcome="APPROVED")
    attempt = await service.refresh(started.reference)
    return started, tx_id, await service.payment_details(attempt)


async def test_payment_details_for_a_card(world: InProcessWorld) -> None:
    started, tx_id, details = await paid_details(world, CARD_OK)

    assert details.from_wompi
    assert (details.method_label, details.card_brand, details.last_four) == (
        "Tarjeta",
        "VISA",
        "4242",
    )
    assert (details.transaction_id, details.reference, details.amount) == (
        tx_id,
        started.reference,
        started.amount,
    )
    assert (details.status, details.failure_reason, details.bank_name) == (
        PaymentStatus.APPROVED,
        "",
        None,
    )


async def test_payment_details_for_nequi(world: InProcessWorld) -> None:
    _, tx_id, details = await paid_details(world, NEQUI_OK)

    assert (details.method_label, details.transaction_id) == ("Nequi", tx_id)
    assert (details.card_brand, details.last_four, details.bank_name) == (None, None, None)


async def test_payment_details_for_pse_name_the_bank(world: InProcessWorld) -> None:
    _, _, details = await paid_details(world, PSE_OK)

    assert (details.method_label, details.bank_name) == ("PSE", "Banco que aprueba")
    assert details.status is PaymentStatus.APPROVED


async def test_payment_details_fall_back_to_what_is_stored_when_wompi_is_down(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    tx_id = await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")
    attempt = await service.confirm_from_hint(started.reference, tx_id)
    world.sandbox.fail_next_api_calls(1, status=503)

    details = await service.payment_details(attempt)

    assert not details.from_wompi
    assert (details.method_label, details.transaction_id, details.status) == (
        "VISA ••4242",
        tx_id,
        PaymentStatus.APPROVED,
    )


# -- checkout expiry (issue 8, item 5) ---------------------------------------------------------


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


def clocked(world: InProcessWorld, clock: Clock, **settings: Any) -> CounterService:
    return CounterService(
        world.executor,
        world.wompi(),
        checkout_settings(world, **settings),
        Secret(world.keys.integrity_secret),
        TERMINAL,
        clock=clock,
    )


async def test_the_checkout_is_signed_with_its_expiry_and_the_attempt_keeps_it(
    world: InProcessWorld,
) -> None:
    clock = Clock()
    service = clocked(world, clock, expiry_minutes=30)
    started = await service.start_wompi(draft())

    expires = clock.now + timedelta(minutes=30)
    assert started.attempt.expires_at == expires
    assert stored(world, started.reference).expires_at == expires
    for url in (started.checkout_url, started.phone_checkout_url):
        params = url_params(url)
        assert params["expiration-time"] == format_expiration(expires)
        assert integrity_signature_matches(
            params["signature:integrity"],
            started.reference,
            started.amount.cents,
            world.keys.integrity_secret,
            expiration_time=params["expiration-time"],
        )
    # The sandbox checks the signature with the expiry in it, like Wompi.
    await pay_in_checkout(world, started.checkout_url, CARD_OK, outcome="APPROVED")


async def test_an_attempt_past_its_expiry_and_the_retry_window_is_closed_as_abandoned(
    world: InProcessWorld,
) -> None:
    clock = Clock()
    service = clocked(world, clock, expiry_minutes=30)
    started = await service.start_wompi(draft())

    clock.now += timedelta(minutes=30) + PAYER_RETRY_WINDOW  # not yet: the payer may retry
    assert [a.reference for a in await service.unfinished()] == [started.reference]
    clock.now += timedelta(seconds=1)
    assert await service.unfinished() == []

    closed = stored(world, started.reference)
    assert closed.status is PaymentStatus.PENDING and closed.abandoned_at == clock.now
    assert (
        world.database.read(lambda s: OrderRepository(s).order_status(started.order_number))
        is OrderStatus.CANCELLED
    )
    assert any(e.action == "payment.checkout_expired" for e in audit_entries(world))

    # Still watched: a payment Wompi reports after all is a late approval.
    tx_id = world.add_transaction(started.reference, started.amount)
    world.sandbox.resolve(tx_id, "APPROVED")
    late = await service.refresh(started.reference)
    assert late.approved_after_cancel
    assert [a.reference for a in await service.late_approvals()] == [started.reference]


async def test_refresh_of_an_expired_attempt_with_nothing_at_wompi_closes_it(
    world: InProcessWorld,
) -> None:
    clock = Clock()
    service = clocked(world, clock, expiry_minutes=10)
    started = await service.start_wompi(draft())
    assert (await service.refresh(started.reference)).abandoned_at is None

    clock.now += timedelta(minutes=20)
    closed = await service.refresh(started.reference)
    assert closed.status is PaymentStatus.PENDING and closed.abandoned_at is not None


async def test_the_qr_of_a_resumed_attempt_is_signed_again_with_the_same_expiry(
    world: InProcessWorld,
) -> None:
    clock = Clock()
    service = clocked(world, clock, expiry_minutes=30)
    started = await service.start_wompi(draft())

    url = await service.phone_checkout_url(started.reference)
    assert url == started.phone_checkout_url
    clock.now += timedelta(minutes=31)
    with pytest.raises(CheckoutExpiredError, match="venció"):
        await service.phone_checkout_url(started.reference)


def audit_entries(world: InProcessWorld) -> list[Any]:
    return world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))


async def test_two_checks_at_once_close_an_expired_attempt_once(world: InProcessWorld) -> None:
    clock = Clock()
    service = clocked(world, clock, expiry_minutes=10)
    started = await service.start_wompi(draft())
    clock.now += timedelta(minutes=20)

    first, second = await asyncio.gather(service.unfinished(), service.unfinished())

    assert first == second == []
    expired = [e for e in audit_entries(world) if e.action == "payment.checkout_expired"]
    assert [started.reference in e.detail for e in expired] == [True]


async def test_defect1_two_tills_on_the_same_terminal_id_never_make_the_same_reference(
    world: InProcessWorld, tmp_path: Path
) -> None:
    other_folder = tmp_path / "otra-caja"
    other_folder.mkdir()
    async with InProcessWorld(other_folder) as other:
        first = await counter(world).start_wompi(draft(25_000))
        second = await counter(other).start_wompi(draft(25_000))
    assert (first.order_number, first.attempt.attempt_number) == (1, 1)
    assert (second.order_number, second.attempt.attempt_number) == (1, 1)
    assert first.reference != second.reference
