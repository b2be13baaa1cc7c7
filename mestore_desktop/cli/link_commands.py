"""`mestore link create|list|deactivate`: Wompi payment links from the command line.

    mestore link create --name TEXT --amount PESOS [--description TEXT] [--multi-use]
                        [--expires-at ISO-8601] [--order NUMBER] [--redirect-url URL]
                        [--sku TEXT] [--iva 0|5|19] [--collect-shipping] [--json]
    mestore link list [--search TEXT] [--status S] [--refresh] [--json]
    mestore link deactivate ID [--reason TEXT]

`create` prints the link's id and URL; `--json` prints `{"id", "url", "amount_cents",
"single_use", "expires_at", "status"}` (`list --json`: the same objects in a list). With
`--order` the name, amount and description default to the order's ("Pedido N – <tienda>", its
total). `--expires-at` without an offset is Bogotá time. Exit codes: 0 done, 2 bad input (one
line on stderr; nothing is sent to Wompi), 1 anything else (no key, Wompi said no or did not
answer). The services are the desktop's own (services/links.py).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO, TypeVar

import httpx

from mestore_desktop import __version__
from mestore_desktop.cli.commands import CliError, print_json
from mestore_desktop.domain.links import (
    BOGOTA,
    OPEN_AMOUNT_TEXT,
    LinkDraft,
    LinkInputError,
    LinkStatus,
    PaymentLinkRecord,
    format_bogota,
)
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.paths import database_path
from mestore_desktop.services.back_office import UnknownOrderNumberError
from mestore_desktop.services.back_office_base import BackOfficeError, KeyringWompi, now_utc
from mestore_desktop.services.links import (
    LinksService,
    OrderNotLinkableError,
    UnknownLinkError,
)
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor

T = TypeVar("T")

EXIT_BAD_INPUT = 2
DEFAULT_REASON = "desactivado con «mestore link deactivate»"
STATUS_WORDS = {
    LinkStatus.ACTIVE: "activo",
    LinkStatus.DEACTIVATED: "desactivado",
    LinkStatus.EXPIRED: "vencido",
    LinkStatus.PAID: "pagado",
}
# What the person typed wrong: exit 2, as argparse's own usage errors.
_BAD_INPUT = (LinkInputError, MoneyError, UnknownOrderNumberError, OrderNotLinkableError)


def add_parser(groups: argparse._SubParsersAction) -> None:
    link = groups.add_parser("link", help="links de pago de Wompi: crear, listar, desactivar")
    sub = link.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    _add_create(sub)
    list_ = sub.add_parser("list", help="los links de pago de este equipo, del más nuevo")
    list_.add_argument("--search", default="", metavar="TEXTO", help="nombre, descripción o id")
    list_.add_argument("--status", type=LinkStatus, choices=list(LinkStatus),
                       metavar="ESTADO", help="active, deactivated, expired o paid")  # fmt: skip
    list_.add_argument("--refresh", action="store_true", help="consulta antes cada link en Wompi")
    list_.add_argument("--json", action="store_true", help="salida JSON")
    list_.set_defaults(handler=link_list)
    deactivate = sub.add_parser("deactivate", help="desactiva un link en Wompi (queda auditado)")
    deactivate.add_argument("link_id", metavar="ID")
    deactivate.add_argument("--reason", default=DEFAULT_REASON, metavar="TEXTO", help="motivo")
    deactivate.set_defaults(handler=link_deactivate)


def _add_create(sub: argparse._SubParsersAction) -> None:
    create = sub.add_parser("create", help="crea un link de pago en Wompi; muestra su id y URL")
    create.add_argument("--name", metavar="TEXT", help="lo ve el cliente al pagar (máx. 60)")
    create.add_argument("--amount", metavar="PESOS", help="p. ej. 25000 o 25.000")
    create.add_argument("--description", metavar="TEXT", help="si no, el nombre")
    create.add_argument("--multi-use", action="store_true", help="admite varios pagos")
    create.add_argument("--expires-at", metavar="ISO-8601",
                        help="vencimiento, p. ej. 2026-03-14T21:30 (hora de Bogotá)")  # fmt: skip
    create.add_argument("--order", type=_order_number, metavar="NUMBER", help="pedido a cobrar")
    create.add_argument("--redirect-url", default="", metavar="URL", help="regreso tras pagar")
    create.add_argument("--sku", default="", metavar="TEXT", help="código interno (máx. 36)")
    create.add_argument("--iva", type=int, choices=(0, 5, 19), help="IVA incluido, %%")
    create.add_argument("--collect-shipping", action="store_true", help="pide dirección de envío")
    create.add_argument("--json", action="store_true", help="salida JSON")
    create.set_defaults(handler=link_create)


def _order_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» no es un número de pedido") from None
    if value < 1:
        raise argparse.ArgumentTypeError("el número de pedido empieza en 1")
    return value


# -- running the service -----------------------------------------------------------------------


def _with_links(home: Path, work: Callable[[LinksService], Awaitable[T]]) -> T:
    settings_file = SettingsFile(home)
    settings_file.load()  # a broken settings file is said before the database is opened
    database = Database.open(database_path(home))
    executor = DbExecutor(database)

    async def run() -> T:
        async with httpx.AsyncClient(
            timeout=httpx.Timeout(10.0, connect=5.0),
            headers={"User-Agent": f"MeStoreDesktop/{__version__} (links)"},
        ) as http:
            service = LinksService(executor, KeyringWompi(settings_file, http), settings_file.load)
            return await work(service)

    try:
        return asyncio.run(run())
    except _BAD_INPUT as exc:
        raise CliError(str(exc), exit_code=EXIT_BAD_INPUT) from exc
    except UnknownLinkError as exc:
        raise CliError(str(exc), exit_code=EXIT_BAD_INPUT) from exc
    except BackOfficeError as exc:
        raise CliError(str(exc)) from exc
    finally:
        executor.shutdown()
        database.close()


# -- create -------------------------------------------------------------------------------------


def link_create(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    typed = _typed(args)  # bad input is refused before anything is opened or sent
    if args.order is None:
        try:
            _draft(args, typed, None)
        except LinkInputError as exc:
            raise CliError(str(exc), exit_code=EXIT_BAD_INPUT) from None

    async def work(service: LinksService) -> PaymentLinkRecord:
        base = None if args.order is None else await service.draft_for_order(args.order)
        return await service.create(_draft(args, typed, base))

    record = _with_links(home, work)
    if args.json:
        print_json(link_json(record, now_utc()), out)
        return
    out.write(f"Link creado: {record.link_id}\n")
    out.write(f"URL: {record.url}\n")
    out.write(f"{_describe(record)}\n")


def _typed(args: argparse.Namespace) -> dict[str, Any]:
    """The amount and expiry as typed, checked; `CliError` (exit 2) on bad input."""
    if args.order is None:
        missing = [flag for flag, value in (("--name", args.name), ("--amount", args.amount))
                   if value is None]  # fmt: skip
        if missing:
            raise CliError(
                f"falta {' y '.join(missing)} (o --order NÚMERO para cobrar un pedido)",
                exit_code=EXIT_BAD_INPUT,
            )
    try:
        amount = None if args.amount is None else Money.parse(args.amount)
    except MoneyError as exc:
        raise CliError(f"--amount «{args.amount}»: {exc}", exit_code=EXIT_BAD_INPUT) from None
    return {"amount": amount, "expires_at": _expiry(args.expires_at)}


def _expiry(text: str | None) -> datetime | None:
    """ISO-8601; without an offset it is Bogotá time, as staff read clocks."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--expires-at «{text}» no es una fecha ISO-8601 (p. ej. 2026-03-14T21:30, hora de "
            "Bogotá)",
            exit_code=EXIT_BAD_INPUT,
        ) from None
    return moment.replace(tzinfo=BOGOTA) if moment.tzinfo is None else moment


def _draft(args: argparse.Namespace, typed: dict[str, Any], base: LinkDraft | None) -> LinkDraft:
    name = args.name if args.name is not None else (base.name if base else "")
    amount = typed["amount"] if typed["amount"] is not None else (base.amount if base else None)
    description = args.description or (base.description if base else name)
    iva = IvaRate(args.iva) if args.iva is not None else (base.iva_rate if base else None)
    return LinkDraft(
        name=name,
        description=description,
        amount=amount,
        single_use=not args.multi_use,
        expires_at=typed["expires_at"],
        redirect_url=args.redirect_url,
        sku=args.sku,
        iva_rate=iva,
        collect_shipping=args.collect_shipping,
        order_number=args.order,
    )


# -- list and deactivate ------------------------------------------------------------------------


def link_list(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    async def work(service: LinksService) -> list[PaymentLinkRecord]:
        if args.refresh:
            await service.refresh()
        return await service.list(args.search, args.status)

    records = _with_links(home, work)
    now = now_utc()
    if args.json:
        print_json([link_json(r, now) for r in records], out)
        return
    if not records:
        filtered = args.search or args.status
        out.write("Ningún link coincide.\n" if filtered else "No hay links de pago todavía.\n")
        return
    for r in records:
        amount = OPEN_AMOUNT_TEXT if r.amount is None else r.amount.format()
        order = f"pedido {r.order_number}" if r.order_number else "sin pedido"
        out.write(
            f"{r.link_id:<14} {STATUS_WORDS[r.status(now)]:<11} {amount:>14}  {r.name}  "
            f"({order})  {r.url}\n"
        )


def link_deactivate(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    async def work(service: LinksService) -> PaymentLinkRecord:
        return await service.deactivate(args.link_id, service.actor, args.reason)

    record = _with_links(home, work)
    out.write(f"Link {record.link_id} desactivado en Wompi: ya no recibe pagos.\n")


# -- output -------------------------------------------------------------------------------------


def link_json(record: PaymentLinkRecord, now: datetime) -> dict[str, object]:
    """The issue's shape; times in Bogotá with their offset."""
    expires = record.expires_at
    return {
        "id": record.link_id,
        "url": record.url,
        "amount_cents": None if record.amount is None else record.amount.cents,
        "single_use": record.single_use,
        "expires_at": None if expires is None else expires.astimezone(BOGOTA).isoformat(),
        "status": record.status(now).value,
    }


def _describe(record: PaymentLinkRecord) -> str:
    parts = [OPEN_AMOUNT_TEXT if record.amount is None else f"Valor: {record.amount.format()}"]
    parts.append("un solo uso" if record.single_use else "varios pagos")
    if record.expires_at is not None:
        parts.append(f"vence el {format_bogota(record.expires_at)} (hora de Colombia)")
    if record.order_number is not None:
        parts.append(f"pedido {record.order_number}")
    return " · ".join(parts)
