"""The `mestore` subcommands: each takes the parsed arguments, the data directory and stdout."""

from __future__ import annotations

import argparse
import getpass
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from mestore_desktop.cli.sync_command import summary_lines
from mestore_desktop.cli.sync_command import sync as run_sync
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import (
    Customer,
    IvaRate,
    Order,
    OrderLine,
    OrderSummary,
)
from mestore_desktop.domain.payment import PaymentAttempt, Tender
from mestore_desktop.domain.reconciliation import BOGOTA
from mestore_desktop.paths import database_path
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.checkout import (
    CheckoutSettings,
    checkout_expiry,
    checkout_url_for,
    require_checkout_settings,
)
from mestore_desktop.services.counter import PaymentsCannotSettleError
from mestore_desktop.services.counter_setup import can_settle_wompi_payments
from mestore_desktop.services.user_errors import USER_FACING_ERRORS
from mestore_desktop.settings import (
    Settings,
    SettingsError,
    SettingsFile,
    setting_label,
    to_display,
    validate,
    with_value,
)
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.wompi.checkout import format_expiration


class CliError(Exception):
    """A failure to report as one line; exit code 1 unless said otherwise."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def describe_error(exc: Exception) -> str:
    if isinstance(exc, SettingsError) and exc.key and exc.key not in str(exc):
        # A script names settings by key; the message itself names them as Ajustes does.
        return f"{exc.key} ({setting_label(exc.key)}): {exc.reason}"
    if isinstance(exc, USER_FACING_ERRORS):
        return str(exc)
    if isinstance(exc, OSError):
        return f"no se pudo leer o escribir {exc.filename or 'un archivo'}: {exc.strerror}"
    # Unknown errors may carry anything in their text; show only their kind.
    return f"error inesperado ({type(exc).__name__})"


def print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def config_show(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    shown = to_display(SettingsFile(home).load())
    if args.json:
        print_json(shown, out)
        return
    width = max(len(k) for k in shown)
    for key, value in shown.items():
        out.write(f"{key.ljust(width)}  {value}\n")


def config_set(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    # Several pairs are applied together and validated once, so that changes which only make
    # sense together (environment + its public key) can be made in one step.
    pairs = [(args.key, args.value), *zip(args.more[::2], args.more[1::2], strict=True)]
    settings_file = SettingsFile(home)
    updated = settings_file.load()
    for key, value in pairs:
        updated = with_value(updated, key, value)
    settings_file.save(validate(updated))
    shown = to_display(updated)
    for key, _ in pairs:
        out.write(f"{key} = {shown[key]}\n")


def secrets_set(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    name = SecretName(args.name)
    value = read_secret_value(args.stdin)
    store = SecretStore(SettingsFile(home).load().environment)
    store.set(name, value)
    out.write(f"{name.label}: guardado en el llavero del sistema.\n")


def secrets_status(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    status = SecretStore(SettingsFile(home).load().environment).status()
    if args.json:
        print_json({name.value: is_set for name, is_set in status.items()}, out)
        return
    for name, is_set in status.items():
        out.write(f"{name.value:<24} {'guardado' if is_set else 'sin configurar'}\n")


def read_secret_value(stdin: TextIO) -> str:
    """The secret from stdin: prompted without echo on a terminal, else its first line."""
    if stdin.isatty():
        return getpass.getpass("Valor (no se mostrará): ")
    return stdin.readline().rstrip("\r\n")


def orders_list(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    from mestore_desktop.cli import back_office_commands  # here: it imports this module

    filtered = back_office_commands.has_filters(args)
    if filtered:
        rows = back_office_commands.filtered_orders(args, home)
    else:
        database = Database.open(database_path(home))
        try:
            rows = database.read(lambda s: OrderRepository(s).list_orders(limit=args.limit))
        finally:
            database.close()
    if args.json:
        print_json([_order_json(r) for r in rows], out)
        return
    if not rows:
        out.write("Ningún pedido coincide.\n" if filtered else "No hay pedidos todavía.\n")
        return
    for row in rows:
        out.write(
            f"{row.number:>7}  {row.created_at.astimezone(BOGOTA):%Y-%m-%d %H:%M}  "
            f"{row.total.format():>14}  "
            f"{row.status.value:<17} {row.last_reference}\n"
        )


def _order_json(row: OrderSummary) -> dict[str, object]:
    return {
        "number": row.number,
        "terminal_id": row.terminal_id,
        "created_at": row.created_at.isoformat(),
        "total_cents": row.total.cents,
        "status": row.status.value,
        "customer_name": row.customer_name,
        "customer_email": row.customer_email,
        "reference": row.last_reference,
        "payment_method": row.payment_method,
    }


def order_create(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    settings = SettingsFile(home).load()
    checkout = _checkout_settings(settings)
    secrets = SecretStore(settings.environment)
    secret = secrets.get(SecretName.INTEGRITY_SECRET)
    integrity_secret = require_checkout_settings(checkout, secret.reveal() if secret else None)
    if not can_settle_wompi_payments(settings, secrets):
        raise PaymentsCannotSettleError()  # nobody would ever learn that it was paid
    draft = _order_from_args(args, settings.terminal_id)
    draft.chargeable_amount()  # refuse what Wompi would refuse, before anything is saved
    expires_at = checkout_expiry(draft.created_at, settings.checkout_expiry_minutes)
    order, attempt = _save_order_and_attempt(home, draft, expires_at)
    url = checkout_url_for(order, attempt, checkout, integrity_secret)
    if args.json:
        print_json(
            {
                "order_number": order.number,
                "reference": attempt.reference,
                "amount_in_cents": attempt.amount.cents,
                "status": attempt.status.value,
                "checkout_url": url,
                "expires_at": format_expiration(expires_at),
            },
            out,
        )
        return
    out.write(f"Pedido {order.number}: {attempt.amount.format()}\n")
    out.write(f"Referencia: {attempt.reference}\n")
    out.write(
        f"Vence: {expires_at.astimezone():%Y-%m-%d %H:%M} ({format_expiration(expires_at)})\n"
    )
    out.write(f"Checkout: {url}\n")


def _checkout_settings(settings: Settings) -> CheckoutSettings:
    return CheckoutSettings(
        checkout_base_url=settings.effective_checkout_url, public_key=settings.public_key
    )


def _order_from_args(args: argparse.Namespace, terminal_id: str) -> Order:
    line = OrderLine(
        description=args.description,
        quantity=1,
        unit_price=Money.parse(args.amount),
        iva_rate=IvaRate(args.iva),
    )
    return Order(
        terminal_id=terminal_id,
        lines=(line,),
        created_at=datetime.now(UTC),
        customer=Customer(email=args.email.strip()),
    )


def _save_order_and_attempt(
    home: Path, draft: Order, expires_at: datetime
) -> tuple[Order, PaymentAttempt]:
    def save(session: Session) -> tuple[Order, PaymentAttempt]:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None  # noqa: S101  assigned by create_order
        attempt = repo.new_attempt(
            order.number, Tender.WOMPI, draft.created_at, expires_at=expires_at
        )
        return order, attempt

    database = Database.open(database_path(home))
    try:
        return database.write(save)  # committed before the URL is shown to anybody
    finally:
        database.close()


def sync(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    report = run_sync(args, home, out)
    if args.json:
        print_json(report.to_json(), out)
    else:
        for line in summary_lines(report):
            out.write(line + "\n")
    if args.once and report.problems:
        # The summary is printed; the exit code tells a script that something was unreachable.
        raise CliError(report.problems[0])
