"""`mestore-sandbox serve`: the simulator as a process, for the demo and for manual testing.

Prints the base URL and the four test keys (the secrets too: they are throw-away sandbox keys
and the merchant needs them to configure the app), then serves until SIGINT or SIGTERM.
With `--state-file`, keys and state are loaded from and saved to that file across restarts.
"""

from __future__ import annotations

import argparse
import dataclasses
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.persistence import load_keys
from mestore_desktop.serving import base_url_for, bind_socket


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mestore-sandbox", description="Simulador local de Wompi (sandbox) para MeStore."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMANDO")
    serve = sub.add_parser("serve", help="sirve la API, el checkout y los eventos")
    serve.add_argument("--host", default="127.0.0.1", help="dirección (por omisión 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="puerto (0 = uno libre)")
    serve.add_argument("--events-url", help="URL a la que se envían los eventos")
    serve.add_argument("--state-file", type=Path, help="guarda llaves y estado en este archivo")
    serve.add_argument(
        "--finalize-delay", type=float, default=1.0, help="segundos de PENDING a estado final"
    )
    serve.add_argument(
        "--retry-time-factor",
        type=float,
        default=1.0,
        help="multiplica los reintentos de eventos (30 min, 3 h, 24 h)",
    )
    serve.add_argument(
        "--manual", action="store_true", help="las transacciones esperan a un control /_sandbox"
    )
    return parser


def config_from(args: argparse.Namespace) -> SandboxConfig:
    keys = load_keys(args.state_file) or generate_keys()
    return SandboxConfig(
        keys=keys,
        events_url=args.events_url,
        finalize_delay_s=args.finalize_delay,
        retry_time_factor=args.retry_time_factor,
        auto_finalize=not args.manual,
        state_file=args.state_file,
    )


def serve(args: argparse.Namespace) -> int:
    sock = bind_socket(args.host, args.port)
    config = dataclasses.replace(
        config_from(args), base_url=base_url_for(args.host, sock.getsockname()[1])
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), log_level="warning", lifespan="on", access_log=False)
    )
    previous = _stop_on_signals(server)
    try:
        _print_banner(config)
        server.run(sockets=[sock])  # uvicorn handles SIGINT/SIGTERM with a graceful shutdown
    finally:
        sock.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Sandbox detenido.", flush=True)
    return 0


def _print_banner(config: SandboxConfig) -> None:
    keys = config.keys
    print(f"Sandbox de Wompi en {config.base_url}")
    print(f"base_url={config.base_url}")
    print(f"api_url={config.api_url}")
    print(f"public_key={keys.public_key}")
    print(f"private_key={keys.private_key}")
    print(f"events_secret={keys.events_secret}")
    print(f"integrity_secret={keys.integrity_secret}", flush=True)


def _stop_on_signals(server: uvicorn.Server) -> dict[int, Any]:
    """SIGINT/SIGTERM ask `server` to stop, even before uvicorn installs its own handlers.

    Uvicorn, after its graceful shutdown, re-raises the signal it caught to the handler that
    was installed before it; with Python's defaults the process would then die by the signal
    (or with a KeyboardInterrupt traceback) instead of exiting 0 after saying it stopped.
    """

    def stop(_sig: int, _frame: FrameType | None) -> None:
        server.should_exit = True

    return {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return serve(args)
    except (OSError, ValueError) as exc:
        print(f"mestore-sandbox: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
