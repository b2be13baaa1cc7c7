"""`mestore-relay`: serve the relay, manage merchants and terminal tokens, prune old events.

    mestore-relay serve [--host 127.0.0.1] [--port 8787] [--database URL | --database-file F]
                        [--environment test|prod] [--retention-days 30] [--events-secret-file F]
                        [--backpressure-ms 200]
    mestore-relay merchant add M [--events-secret-file F] | merchant secrets M [...]
    mestore-relay merchant list | merchant remove M
    mestore-relay token create NAME [--merchant M] | token list | token revoke NAME
    mestore-relay prune [--retention-days 30]
    mestore-relay migrate         (`serve` does it at start; for upgrades: deploy/README.md)

The events secret comes from MESTORE_RELAY_EVENTS_SECRET (comma-separated) or from
--events-secret-file (one per line), never from the command line. Merchants (one relay for the
vendors of a marketplace, each posting to /wompi/events/M) keep their secrets in the database:
`merchant add|secrets` read them from --events-secret-file or stdin, one per line; `merchant
secrets` replaces them (to rotate, give the old and the new one, later the new one alone).
The database is --database (refused if its URL holds a password: the process list would show
it), else --database-file (a file holding the URL), else MESTORE_RELAY_DATABASE, else
./mestore-relay.db. Every command migrates it first.
`serve` prints `relay_url=…` once listening (useful with --port 0).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from mestore_desktop.relay import logs, merchants
from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import (
    ENVIRONMENTS,
    ConfigError,
    RelayConfig,
    load_secrets,
    parse_secrets,
    resolve_database,
    resolve_environment,
)
from mestore_desktop.relay.server import DrainingServer
from mestore_desktop.relay.store import RelayStore, StorageUnavailableError, TokenNameError
from mestore_desktop.serving import base_url_for, bind_socket

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    # No abbreviations: `--events-secret X` must not be taken for `--events-secret-file X`.
    parser = argparse.ArgumentParser(
        prog="mestore-relay",
        description="Relay of Wompi events for MeStore terminals.",
        allow_abbrev=False,
    )
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = sub.add_parser("serve", help="receive events and serve the feed", allow_abbrev=False)
    _database_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8787, help="0 picks a free port")
    serve.add_argument("--environment", choices=ENVIRONMENTS, help="default: from the secret")
    serve.add_argument("--retention-days", type=int, default=30)
    serve.add_argument("--events-secret-file", type=Path, help="one events secret per line")
    serve.add_argument("--rate-limit", type=float, default=20.0, help="feed requests/s/token")
    serve.add_argument("--rate-burst", type=int, default=40)
    serve.add_argument(
        "--backpressure-ms",
        type=int,
        default=RelayConfig.backpressure_ms,
        help="answer 503 once an event has waited this long for the writer",
    )
    _merchant_parser(sub)
    _token_parser(sub)
    prune = sub.add_parser(
        "prune", help="delete events older than the retention", allow_abbrev=False
    )
    _database_option(prune)
    prune.add_argument("--retention-days", type=int, default=30)
    _database_option(
        sub.add_parser("migrate", help="bring the schema up to date", allow_abbrev=False)
    )
    return parser


def _merchant_parser(sub: Any) -> None:
    merchant = sub.add_parser("merchant", help="merchants of a marketplace relay")
    merchant_sub = merchant.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, text in (
        ("add", "add a merchant with its events secrets"),
        ("secrets", "replace a merchant's events secrets (rotation: give old and new)"),
    ):
        p = merchant_sub.add_parser(action, help=text, allow_abbrev=False)
        p.add_argument("merchant")
        p.add_argument(
            "--events-secret-file", type=Path, help="one secret per line (default: stdin)"
        )
        p.add_argument("--environment", choices=ENVIRONMENTS, help="refuse other secrets")
        _database_option(p)
    remove = merchant_sub.add_parser("remove", help="remove a merchant and revoke its tokens")
    remove.add_argument("merchant")
    _database_option(remove)
    _database_option(merchant_sub.add_parser("list", help="list merchants (never secrets)"))


def _token_parser(sub: Any) -> None:
    token = sub.add_parser("token", help="terminal tokens")
    token_sub = token.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = token_sub.add_parser("create", help="print a new token once", allow_abbrev=False)
    create.add_argument("name")
    create.add_argument(
        "--merchant", default=merchants.DEFAULT_MERCHANT, help="whose events it reads"
    )
    _database_option(create)
    revoke = token_sub.add_parser("revoke", help="revoke a token")
    revoke.add_argument("name")
    _database_option(revoke)
    _database_option(token_sub.add_parser("list", help="list tokens (never the tokens)"))


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=None, help="URL (no password) or SQLite file")
    parser.add_argument(
        "--database-file", type=Path, default=None, help="a file holding the database URL"
    )


def serve(args: argparse.Namespace) -> int:
    secrets = load_secrets(args.events_secret_file)
    config = RelayConfig(
        environment=resolve_environment(args.environment, secrets),
        events_secrets=secrets,
        retention_days=args.retention_days,
        rate_per_s=args.rate_limit,
        rate_burst=args.rate_burst,
        backpressure_ms=args.backpressure_ms,
    )
    if not secrets:
        log.error("no events secret configured: every event will be refused with 401")
    store = RelayStore(args.database)
    sock = bind_socket(args.host, args.port)
    server = DrainingServer(create_app(config, store))
    previous = _stop_on_signals(server)
    try:
        url = base_url_for(args.host, sock.getsockname()[1])
        log.info(
            "relay listening",
            extra={"url": url, "environment": config.environment, "store": store.kind},
        )
        print(f"relay_url={url}", flush=True)
        server.run(sockets=[sock])
    finally:
        sock.close()
        store.dispose()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def _stop_on_signals(server: uvicorn.Server) -> dict[int, Any]:
    """SIGINT/SIGTERM stop the server gracefully and the process exits 0 (as the sandbox)."""

    def stop(_sig: int, _frame: FrameType | None) -> None:
        server.should_exit = True

    return {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}


def merchant(args: argparse.Namespace) -> int:
    secrets: tuple[str, ...] = ()
    if args.action in ("add", "secrets"):
        # Checked before the database is opened: a bad file or stdin is a plain mistake.
        secrets = merchants.check_secrets(_merchant_secrets_input(args), args.environment)
    store = RelayStore(args.database)
    try:
        if args.action == "add":
            merchants.add_merchant(store, args.merchant, secrets, environment=args.environment)
            print(f"merchant '{args.merchant}' added with {len(secrets)} events secret(s)")
        elif args.action == "secrets":
            merchants.set_secrets(store, args.merchant, secrets, environment=args.environment)
            print(f"merchant '{args.merchant}' now has {len(secrets)} events secret(s)")
        elif args.action == "remove":
            if not merchants.remove_merchant(store, args.merchant):
                raise merchants.MerchantError(f"no live merchant named '{args.merchant}'")
            print(f"merchant '{args.merchant}' removed; its tokens are revoked")
        else:
            _print_merchants(merchants.list_merchants(store))
    finally:
        store.dispose()
    return 0


def _merchant_secrets_input(args: argparse.Namespace) -> tuple[str, ...]:
    """The secrets, one per line, from --events-secret-file or stdin (never argv)."""
    if args.events_secret_file is not None:
        return load_secrets(args.events_secret_file)
    if sys.stdin.isatty():
        print("events secrets, one per line; end with Ctrl-D:", file=sys.stderr, flush=True)
    # Blank lines and repeats dropped as in the default merchant's file.
    return parse_secrets(sys.stdin.read(), separator="\n")


def _print_merchants(infos: list[merchants.MerchantInfo]) -> None:
    for info in infos:
        state = "removed " + _day(info.removed_at_us) if info.removed_at_us else "active"
        if info.id == merchants.DEFAULT_MERCHANT:
            held = "secrets from the serve config"
        else:
            held = f"{info.secret_count} secret(s)"
        print(f"{info.id}\tcreated {_day(info.created_at_us)}\t{state}\t{held}")


def token(args: argparse.Namespace) -> int:
    store = RelayStore(args.database)
    try:
        if args.action == "create":
            new = store.create_token(args.name, args.merchant)
            print(new, flush=True)  # shown once, never stored
            print(
                f"token '{args.name}' of merchant '{args.merchant}' created; store it now, "
                "it cannot be shown again.",
                file=sys.stderr,
            )
        elif args.action == "revoke":
            if not store.revoke_token(args.name):
                print(f"mestore-relay: no live token named '{args.name}'", file=sys.stderr)
                return 1
            print(f"token '{args.name}' revoked")
        else:
            for info in store.list_tokens():
                state = "revoked " + _day(info.revoked_at_us) if info.revoked_at_us else "active"
                created = _day(info.created_at_us)
                print(f"{info.name}\tmerchant {info.merchant}\tcreated {created}\t{state}")
    finally:
        store.dispose()
    return 0


def prune(args: argparse.Namespace) -> int:
    if args.retention_days < 1:
        raise ConfigError("--retention-days must be at least 1")
    store = RelayStore(args.database)
    try:
        result = store.prune(args.retention_days)
    finally:
        store.dispose()
    print(f"deleted {result.deleted} events; horizon seq {result.horizon_seq}")
    return 0


def migrate(args: argparse.Namespace) -> int:
    store = RelayStore(args.database)  # opening it migrates it
    try:
        print(f"schema at revision {store.schema_revision()} ({store.kind})")
    finally:
        store.dispose()
    return 0


def _day(us: int) -> str:
    return datetime.fromtimestamp(us / 1_000_000, UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(args.log_level)
    command = {
        "serve": serve,
        "merchant": merchant,
        "token": token,
        "prune": prune,
        "migrate": migrate,
    }[args.command]
    try:
        args.database = resolve_database(args.database, args.database_file)
        return command(args)
    except (ConfigError, TokenNameError, ValueError) as exc:
        print(f"mestore-relay: {exc}", file=sys.stderr)
        return 2
    except (StorageUnavailableError, OSError) as exc:
        print(f"mestore-relay: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
