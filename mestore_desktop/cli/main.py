"""`mestore`: the headless command line, for scripts and for support staff over SSH.

Exit codes: 0 success, 2 usage error (argparse's own), 1 any other error, reported as one line
on stderr. Secrets are read from standard input only, never from argv, where any user of the
machine could read them in the process list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from mestore_desktop import __version__
from mestore_desktop.cli import (
    back_office_commands,
    catalogue_command,
    commands,
    doctor_command,
    link_commands,
)
from mestore_desktop.cli.commands import CliError
from mestore_desktop.paths import resolve_home
from mestore_desktop.secrets import SecretName


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mestore", description="MeStore Desktop sin interfaz gráfica."
    )
    parser.add_argument("--version", action="version", version=f"mestore {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help="directorio de datos (si no, MESTORE_HOME o el del sistema)"
    )
    groups = parser.add_subparsers(dest="group", required=True, metavar="COMANDO")
    _add_config(groups)
    _add_secrets(groups)
    _add_order(groups)
    _add_orders(groups)
    _add_sync(groups)
    catalogue_command.add_parser(groups)
    back_office_commands.add_parsers(groups)
    link_commands.add_parser(groups)
    doctor_command.add_parser(groups)
    return parser


def _add_config(groups: argparse._SubParsersAction) -> None:
    config = groups.add_parser("config", help="ver o cambiar los ajustes")
    sub = config.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    show = sub.add_parser("show", help="muestra los ajustes")
    show.add_argument("--json", action="store_true", help="salida JSON")
    show.set_defaults(handler=commands.config_show)
    set_ = sub.add_parser(
        "set",
        help="cambia uno o varios ajustes a la vez (p. ej. environment y public_key juntos)",
    )
    set_.add_argument("key", metavar="KEY")
    set_.add_argument("value", metavar="VALUE")
    set_.add_argument("more", nargs="*", metavar="KEY VALUE", help="más pares clave valor")
    set_.set_defaults(handler=commands.config_set)


def _add_secrets(groups: argparse._SubParsersAction) -> None:
    secrets = groups.add_parser("secrets", help="guardar secretos en el llavero del sistema")
    sub = secrets.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    set_ = sub.add_parser(
        "set", help="guarda un secreto leído de la entrada estándar (nunca de la línea de órdenes)"
    )
    set_.add_argument("name", metavar="NAME", choices=[n.value for n in SecretName])
    set_.set_defaults(handler=commands.secrets_set)
    status = sub.add_parser("status", help="qué secretos están guardados (nunca sus valores)")
    status.add_argument("--json", action="store_true", help="salida JSON")
    status.set_defaults(handler=commands.secrets_status)


def _add_order(groups: argparse._SubParsersAction) -> None:
    order = groups.add_parser("order", help="crear un pedido para cobrar con Wompi")
    sub = order.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    create = sub.add_parser(
        "create", help="crea el pedido y su intento de pago y muestra la URL firmada del checkout"
    )
    create.add_argument("--amount", required=True, metavar="PESOS", help="p. ej. 25000 o 25.000")
    create.add_argument("--description", default="Venta", metavar="TEXT")
    create.add_argument("--iva", type=int, choices=(0, 5, 19), default=19, help="IVA incluido, %%")
    create.add_argument("--email", default="", metavar="ADDR", help="correo del cliente")
    create.add_argument("--json", action="store_true", help="salida JSON")
    create.set_defaults(handler=commands.order_create)


def _add_orders(groups: argparse._SubParsersAction) -> None:
    orders = groups.add_parser("orders", help="pedidos guardados en este equipo")
    sub = orders.add_subparsers(dest="action", required=True, metavar="ACCIÓN")
    list_ = sub.add_parser("list", help="lista los pedidos, del más reciente al más antiguo")
    list_.add_argument("--json", action="store_true", help="salida JSON")
    list_.add_argument("--limit", type=_positive_int, default=50, help="máximo de filas (50)")
    back_office_commands.add_orders_list_filters(list_)
    list_.set_defaults(handler=commands.orders_list)


def _add_sync(groups: argparse._SubParsersAction) -> None:
    sync = groups.add_parser(
        "sync",
        help="sincroniza el estado de los pagos (relay y Wompi); sin --once, hasta Ctrl+C",
    )
    sync.add_argument(
        "--once", action="store_true", help="una sola pasada: relay, pendientes y huecos"
    )
    sync.add_argument("--json", action="store_true", help="resumen en JSON")
    sync.set_defaults(handler=commands.sync)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» no es un número entero") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("debe estar entre 1 y 10000")
    return value


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    if len(getattr(args, "more", ())) % 2:
        parser.error("config set espera pares KEY VALUE")
    args.stdin = stdin or sys.stdin
    try:
        home = resolve_home(args.home)
        args.handler(args, home, sys.stdout)
    except CliError as exc:
        print(f"mestore: {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # one line for the user; no traceback in scripts
        print(f"mestore: {commands.describe_error(exc)}", file=sys.stderr)
        return 1
    return 0
